// docker run: pull if needed, create, start, then either print the id (-d) or stay attached to the
// container's output until it ends (or, with -it, hand the terminal to a shell inside it).
import { readLogs } from '../../engine/logs';
import { Interrupted, type CommandContext, type Effect } from '../../../core/process';
import { parseReference, ReferenceError_, familiarName, familiarRepository } from '../../reference';
import { createContainer, startContainer, stopContainer, type CreateOptions } from '../../engine/containers';
import { setContainer, isRunning } from '../../engine/container-table';
import { findImage, viewImage } from '../../engine/images';
import { lookupRemote } from '../../engine/registry';
import { parsePublish, PortSpecError } from '../../engine/ports';
import { programOf } from '../../engine/runtime';
import { executableExists } from '../../engine/exec';
import { containerMachine } from '../../engine/container-machine';
import { accessFrom, version } from '../../../core/store';
import { pullImage } from '../pull-progress';
import { dockerCommand } from '../spec';
import { flagValueError, runError } from '../output';
import { lookup, resolvePath } from '../../../shell/fs';
import { ramInBytes } from '../sizes';
import { attachInteractive } from './attach';
import type { Container, Mount, RestartPolicy } from '../../state';

type Run = Generator<Effect, number, string | null>;

/**
 * --restart as the client parses it (`name[:count]`, the count an integer) and the daemon checks
 * it: a known policy, and a count only with on-failure. Returns the policy or the error and who says it.
 */
function parseRestart(value: string): RestartPolicy | { error: string; fromDaemon: boolean } {
  const colon = value.indexOf(':');
  const name = colon === -1 ? value : value.slice(0, colon);
  const count = colon === -1 ? '' : value.slice(colon + 1);
  if (colon === 0) return { error: 'invalid restart policy format: no policy provided before colon', fromDaemon: false };
  if (count !== '' && !/^[-+]?\d+$/.test(count)) return { error: 'invalid restart policy format: maximum retry count must be an integer', fromDaemon: false };
  const policy = name || 'no';
  if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(policy)) {
    return { error: `invalid restart policy: unknown policy '${policy}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`, fromDaemon: true };
  }
  if (count !== '' && policy !== 'on-failure') return { error: `invalid restart policy: maximum retry count can only be used with 'on-failure'`, fromDaemon: true };
  if (Number(count) < 0) return { error: 'invalid restart policy: maximum retry count cannot be negative', fromDaemon: true };
  return { name: policy as RestartPolicy['name'], maximumRetryCount: Number(count || 0) };
}

/** An --env-file: KEY=value lines, `KEY` alone taken from the client's environment, # comments. */
function readEnvFile(ctx: CommandContext, path: string): string[] | string {
  const file = lookup(ctx.machine.fs(), resolvePath(ctx.cwd, path));
  if (!file.ok) return `open ${path}: no such file or directory`;
  if (file.value.kind !== 'file') return `read ${path}: is a directory`;
  const out: string[] = [];
  for (const raw of file.value.content.split('\n')) {
    const line = raw.replace(/^\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq === 0) return `invalid environment variable: ${line}`;
    if (eq === -1) {
      if (line in ctx.env) out.push(`${line}=${ctx.env[line]}`);
    } else out.push(line);
  }
  return out;
}

function parseMount(spec: string): Mount | { error: string; fromDaemon: boolean } {
  // `-v /data` alone asks for an anonymous volume at /data.
  if (/^\/[^:]*$/.test(spec)) return { type: 'volume', source: '', destination: spec, readOnly: false };
  const parts = spec.split(':');
  if (parts.some((p) => p === '')) return { error: `invalid spec: ${spec}: empty section between colons`, fromDaemon: false };
  if (parts.length < 2 || parts.length > 3 || !parts[1].startsWith('/')) return { error: `invalid volume specification: '${spec}'`, fromDaemon: true };
  const [source, destination, mode] = parts;
  const bind = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  if (!bind && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(source)) {
    return { error: `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`, fromDaemon: true };
  }
  return { type: bind ? 'bind' : 'volume', source, destination, readOnly: mode === 'ro' };
}

/** Builds the create options from the flags, or returns docker's complaint. */
/**
 * Builds the create options from the flags. What the client itself rejects returns its complaint
 * (an exit code) at once; what only the daemon rejects comes back as `refusal`, to be said after the
 * image is pulled, when the client sends the create request.
 */
export function createOptions(ctx: CommandContext, imageName: string, command: string[], command0: 'run' | 'create'): (Omit<CreateOptions, 'image'> & { refusal?: string }) | number {
  const f = ctx.command.flags;
  let refusal: string | undefined;
  const refuse = (message: string) => {
    refusal ??= message;
  };
  const ports = [];
  for (const spec of f.publish as string[]) {
    try {
      ports.push(parsePublish(spec));
    } catch (e) {
      if (e instanceof PortSpecError) return runError(ctx, command0, e.message, false);
      throw e;
    }
  }
  const badEnv = (f.env as string[]).find((e) => e.startsWith('='));
  if (badEnv !== undefined) return flagValueError(ctx, command0, `invalid argument "${badEnv}" for "-e, --env" flag: invalid environment variable: ${badEnv}`);
  // --env-file first, then -e, so that -e wins (docker's order).
  const fromFiles: string[] = [];
  for (const path of (f['env-file'] as string[] | undefined) ?? []) {
    const read = readEnvFile(ctx, path);
    if (typeof read === 'string') return runError(ctx, command0, read, false);
    fromFiles.push(...read);
  }
  // `-e NAME` alone passes NAME from the client's environment, and nothing when it is unset there.
  const given = (f.env as string[]).flatMap((e) => (e.includes('=') ? [e] : e in ctx.env ? [`${e}=${ctx.env[e]}`] : []));
  const env = [...fromFiles, ...given];
  let memory = 0;
  if (f.memory) {
    const parsed = ramInBytes(String(f.memory));
    if (!parsed.ok) return flagValueError(ctx, command0, `invalid argument "${f.memory}" for "-m, --memory" flag: ${parsed.error}`);
    const bytes = parsed.bytes;
    if (bytes < 6 * 1024 * 1024) refuse('Minimum memory limit allowed is 6MB');
    memory = bytes;
  }
  let nanoCpus = 0;
  if (f.cpus) {
    const cpus = Number(f.cpus);
    if (!Number.isFinite(cpus) || cpus < 0) return flagValueError(ctx, command0, `invalid argument "${f.cpus}" for "--cpus" flag: failed to parse ${f.cpus} as a rational number`);
    if (cpus > 8) refuse('range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available');
    nanoCpus = Math.round(cpus * 1e9);
  }
  const restart = parseRestart(String(f.restart ?? ''));
  if (f.rm && (!('name' in restart) || restart.name !== 'no')) return runError(ctx, command0, 'conflicting options: cannot specify both --restart and --rm', false);
  if (!('name' in restart)) {
    if (!restart.fromDaemon) return runError(ctx, command0, restart.error, false);
    refuse(restart.error);
  }
  const mounts: Mount[] = [];
  for (const spec of f.volume as string[]) {
    const mount = parseMount(spec);
    if ('error' in mount) {
      if (!mount.fromDaemon) return runError(ctx, command0, mount.error, false);
      refuse(mount.error);
      continue;
    }
    mounts.push(mount);
  }
  // --network may repeat (one network per flag); the last one is the container's primary network.
  const network = (f.network as string[]).at(-1) ?? 'bridge';
  if (!Object.values(ctx.world().docker.networks).some((n) => n.name === network)) refuse(`network ${network} not found`);
  return {
    imageName,
    name: f.name ? String(f.name) : undefined,
    command,
    entrypoint: ctx.command.given.has('entrypoint') ? (f.entrypoint ? [String(f.entrypoint)] : null) : undefined,
    env,
    ports,
    publishAll: Boolean(f['publish-all']),
    autoRemove: Boolean(f.rm),
    restart: 'name' in restart ? restart : { name: 'no', maximumRetryCount: 0 },
    memory,
    nanoCpus,
    workdir: f.workdir ? String(f.workdir) : undefined,
    network,
    mounts,
    tty: Boolean(f.tty),
    interactive: Boolean(f.interactive),
    hostname: f.hostname ? String(f.hostname) : undefined,
    user: f.user ? String(f.user) : undefined,
    refusal,
  };
}

/** Finds the image locally or pulls it, printing what docker prints on the way. */
export function* ensureImage(ctx: CommandContext, imageName: string, command0: string): Generator<Effect, string | number, string | null> {
  let ref;
  try {
    ref = parseReference(imageName);
  } catch (e) {
    if (e instanceof ReferenceError_) return runError(ctx, command0, e.message, false);
    throw e;
  }
  const local = findImage(ctx.world().docker, imageName);
  if (local) return local.id;
  if (!ctx.command.flags.quiet) ctx.err(`Unable to find image '${ref.digest && !ref.tagged ? `${familiarRepository(ref)}@${ref.digest}` : familiarName(ref)}' locally\n`);
  yield { type: 'wait', ms: 200 };
  const remote = lookupRemote(ctx.world(), ref);
  if (!remote.ok) return runError(ctx, command0, remote.error);
  return yield* pullImage(ctx, ref, remote.remote, 'err', Boolean(ctx.command.flags.quiet));
}

/** Prints the container's logs as they appear; returns its exit code when it ends. */
export function* followUntilExit(ctx: CommandContext, id: string, started?: Container): Run {
  let printed = 0;
  // With --rm the container is gone the moment it exits: keep the last look at it for its last words.
  let last = ctx.world().docker.containers[id] ?? started;
  const flush = (upTo: number) => {
    const lines = last ? readLogs(ctx.world(), last, ctx.services) : [];
    while (last && printed < lines.length && lines[printed].at <= upTo) {
      const line = lines[printed++];
      // Attached without -t, the container's stderr arrives on the client's stderr.
      if (line.stream === 'stderr' && !last.config.tty) ctx.err(`${line.text}\n`);
      else ctx.out(`${line.text}\n`);
    }
  };
  try {
    for (;;) {
      const container = ctx.world().docker.containers[id];
      if (!container) {
        const ended = last?.state.plannedExit;
        flush(ended?.at ?? Infinity);
        return ended?.code ?? last?.state.exitCode ?? 0;
      }
      last = container;
      const now = ctx.world().clock.now;
      flush(now);
      if (!isRunning(container)) return container.state.exitCode;
      // Sleep until the next line is due or the container changes (its program ends, it restarts).
      const next = readLogs(ctx.world(), container, ctx.services)[printed];
      const table = ctx.world().docker.containers;
      const seen = version(table);
      yield {
        type: 'wait',
        ms: next ? Math.max(0, next.at - now) : Infinity,
        stream: container.state.plannedExit === undefined,
        ready: () => ctx.world().docker.containers !== table || version(table) !== seen,
      };
    }
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    // Ctrl-C reaches the container (the client proxies the signal) and it shuts down.
    const container = ctx.world().docker.containers[id];
    if (container && isRunning(container)) {
      const image = findImage(ctx.world().docker, container.imageId);
      const stopped = stopContainer(ctx.world(), id, image ? viewImage(ctx.world().docker, image) : undefined, 0);
      ctx.update(() => stopped.world);
    }
    throw e;
  }
}

export const run = dockerCommand('run', {
  args: [{ name: 'IMAGE' }, { name: 'COMMAND', optional: true }, { name: 'ARG', optional: true, variadic: true }],
  stopAtFirstArg: true,
  complete: { network: ['bridge', 'host', 'none'], restart: ['no', 'always', 'unless-stopped', 'on-failure'] },
  *run(ctx): Run {
    const [imageName, ...command] = ctx.command.args;
    const f = ctx.command.flags;
    if (f.tty && f.interactive && ctx.stdin !== null) {
      ctx.err('the input device is not a TTY\n');
      return 1;
    }
    const options = createOptions(ctx, imageName, command, 'run');
    if (typeof options === 'number') return options;
    const imageId = yield* ensureImage(ctx, imageName, 'run');
    if (typeof imageId === 'number') return imageId;
    if (options.refusal) return runError(ctx, 'run', options.refusal);
    const local = ctx.world().docker.images[imageId];
    const image = viewImage(ctx.world().docker, local);
    const created = createContainer(ctx.world(), { ...options, image });
    if (!created.ok) return runError(ctx, 'run', created.error);
    ctx.update(() => created.world);
    const id = created.id;
    yield { type: 'wait', ms: 120 };
    // Detached, the client prints the id as soon as the container exists, before starting it: a
    // start that fails (a port already allocated) shows the id, then the error.
    if (f.detach) ctx.out(`${id}\n`);

    const container = ctx.world().docker.containers[id];
    const program = programOf(container, image);
    if (program.kind === 'command') {
      const exists = executableExists(image, program.line, containerMachine(accessFrom(ctx), id).fs());
      if (!exists.ok) {
        // The task never starts: the container stays "Created", remembering the failure.
        ctx.update((w) => setContainer(w, { ...w.docker.containers[id], state: { ...w.docker.containers[id].state, exitCode: exists.exitCode, error: exists.detail } }));
        runError(ctx, 'run', `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${exists.detail}: unknown`);
        return exists.exitCode;
      }
    }

    // -i without -t: piped input goes to the command (`echo hi | docker run -i busybox cat`).
    const stdin = f.interactive && !f.tty ? ctx.stdin : null;
    const started = startContainer(ctx.world(), id, image, stdin, { services: ctx.services });
    if (!started.ok) return runError(ctx, 'run', started.error);
    ctx.update(() => started.world);
    const justStarted = started.world.docker.containers[id];
    yield { type: 'wait', ms: 280 };

    if (f.detach) return 0;
    if (f.tty && f.interactive && (program.kind === 'shell' || program.kind === 'interpreter')) {
      return yield* attachInteractive(ctx, id, image, program);
    }
    return yield* followUntilExit(ctx, id, justStarted);
  },
});
