// What Docker's part of a saved world must look like, field by field, as deeply as the shell's:
// a saved world comes from a browser's storage or a link, so nothing in it is trusted until it
// has the shape the engine writes. A world that passes must never make a later command fail, so
// times are times a Date can print, ports are ports, and what records point to exists.
import { z } from 'zod';
import { dirTree, shellState } from '../shell/snapshot-schema';

/** A moment a Date can hold (0 stands for "never" in finishedAt and the like). */
const time = z.number().finite().min(-8.64e15).max(8.64e15);
const count = z.number().int().min(0);
const port = z.number().int().min(0).max(65535);
const strings = z.array(z.string());
const labels = z.record(z.string(), z.string());
/**
 * One of the engine's tables, by name or id: never with a key `__proto__` (no name docker allows,
 * and one zod would pass over unchecked).
 */
const table = <T extends z.ZodType>(value: T) =>
  z
    .unknown()
    .superRefine((raw, ctx) => {
      if (typeof raw === 'object' && raw !== null && Object.prototype.hasOwnProperty.call(raw, '__proto__')) ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'not a usable name' });
    })
    .pipe(z.record(z.string(), value));

const imageConfig = z.object({
  cmd: strings.nullable(),
  entrypoint: strings.nullable(),
  env: strings,
  workingDir: z.string(),
  exposedPorts: strings,
  user: z.string(),
  stopSignal: z.string().optional(),
  labels,
  volumes: strings.optional(),
});

const httpResponse = z.object({ status: z.number().int().min(100).max(999), headers: labels, body: z.string() });

const behaviour = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('server'),
    protocol: z.enum(['http', 'redis', 'postgres']),
    port,
    startupLogs: strings,
    http: z.record(z.string(), httpResponse).optional(),
    accessLog: z.string().optional(),
    requiredEnv: z.object({ anyOf: strings, errorLogs: strings, exitCode: z.number().int() }).optional(),
    shutdownLogs: strings.optional(),
    ignoresSigterm: z.boolean().optional(),
    stopExitCode: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('print'), output: z.string(), exitCode: z.number().int() }),
  z.object({ kind: z.literal('shell'), shell: z.string() }),
  z.object({ kind: z.literal('interpreter'), language: z.enum(['python', 'node']), version: z.string(), replBanner: z.string() }),
]);

const logEntry = z.union([
  z.object({ at: time, stream: z.enum(['stdout', 'stderr']), text: z.string() }),
  z.object({ at: time, ref: z.enum(['startup', 'shutdown', 'program']), ip: z.string().optional(), end: time.optional() }),
]);

const container = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1),
  image: z.string(),
  imageId: z.string(),
  created: time,
  path: z.string(),
  args: strings,
  config: z.object({
    hostname: z.string(),
    env: strings,
    tty: z.boolean(),
    openStdin: z.boolean(),
    workingDir: z.string(),
    user: z.string(),
    entrypoint: strings.nullable(),
    cmd: strings.nullable(),
    exposedPorts: strings,
    labels,
  }),
  hostConfig: z.object({
    portBindings: z.array(z.object({ hostIp: z.string(), hostPort: port, containerPort: port, protocol: z.enum(['tcp', 'udp']) })),
    publishAll: z.boolean(),
    autoRemove: z.boolean(),
    restartPolicy: z.object({ name: z.enum(['no', 'always', 'unless-stopped', 'on-failure']), maximumRetryCount: count }),
    memory: count,
    nanoCpus: count,
    mounts: z.array(z.object({ type: z.enum(['volume', 'bind']), source: z.string(), destination: z.string().startsWith('/'), readOnly: z.boolean() })),
    networkMode: z.string(),
  }),
  state: z.object({
    status: z.enum(['created', 'running', 'paused', 'restarting', 'exited', 'dead']),
    pid: count,
    exitCode: z.number().int(),
    startedAt: time,
    finishedAt: time,
    oomKilled: z.boolean(),
    error: z.string(),
    plannedExit: z.object({ at: time, code: z.number().int() }).optional(),
    restartDelay: z.number().finite().min(0).optional(),
  }),
  restartCount: count,
  networks: z.record(z.string(), z.object({ ip: z.string(), gateway: z.string(), mac: z.string(), aliases: strings })),
  logs: z.array(logEntry),
  fs: dirTree.optional(),
  shell: shellState.optional(),
  redisKeys: z.record(z.string(), z.string()).optional(),
});

const builtImage = z.object({
  created: time,
  config: imageConfig,
  layers: z.array(z.object({ digest: z.string(), sizeBytes: count })),
  history: z.array(z.object({ created: time, createdBy: z.string(), sizeBytes: count, emptyLayer: z.boolean(), comment: z.string().optional() })),
  baseId: z.string(),
  behaviour: behaviour.optional(),
  files: z.record(z.string(), z.string()),
});

const localImage = z.object({ id: z.string().min(1), tags: strings, digests: strings, added: time, source: z.enum(['catalog', 'built']) });

const network = z.object({
  id: z.string(),
  name: z.string().min(1),
  driver: z.enum(['bridge', 'host', 'null']),
  scope: z.literal('local'),
  subnet: z.string(),
  gateway: z.string(),
  created: time,
  userDefined: z.boolean(),
});

const volume = z.object({ name: z.string().min(1), driver: z.literal('local'), created: time, files: z.record(z.string(), z.string()) });

/** Docker's state in a saved world, with what its records point to checked against each other. */
export const dockerStateSchema = z
  .object({
    images: table(localImage),
    containers: table(container),
    networks: table(network),
    volumes: table(volume),
    registry: table(table(z.object({ imageId: z.string(), digest: z.string(), pushedAt: time }))),
    logins: table(z.object({ username: z.string() })),
    buildCache: table(z.object({ digest: z.string(), sizeBytes: count, created: time })),
    builtImages: table(builtImage),
  })
  .superRefine((docker, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    for (const [key, image] of Object.entries(docker.images)) {
      if (image.id !== key) problem(['images', key, 'id'], 'not the key it is stored under');
      if (image.source === 'built' && !Object.prototype.hasOwnProperty.call(docker.builtImages, image.id)) problem(['images', key], 'a built image without its build record');
    }
    for (const [key, n] of Object.entries(docker.networks)) if (n.name !== key) problem(['networks', key, 'name'], 'not the key it is stored under');
    for (const [key, v] of Object.entries(docker.volumes)) if (v.name !== key) problem(['volumes', key, 'name'], 'not the key it is stored under');
    const names = new Set<string>();
    for (const [key, c] of Object.entries(docker.containers)) {
      if (c.id !== key) problem(['containers', key, 'id'], 'not the key it is stored under');
      if (names.has(c.name)) problem(['containers', key, 'name'], `the name ${c.name} is taken twice`);
      names.add(c.name);
      for (const net of Object.keys(c.networks)) if (!Object.prototype.hasOwnProperty.call(docker.networks, net)) problem(['containers', key, 'networks', net], 'no such network');
      c.hostConfig.mounts.forEach((m, i) => {
        if (m.type === 'volume' && !Object.prototype.hasOwnProperty.call(docker.volumes, m.source)) problem(['containers', key, 'hostConfig', 'mounts', i, 'source'], 'no such volume');
      });
    }
  });
