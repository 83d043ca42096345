// Container lifecycle in the engine: create, start, stop, kill, pause, remove. Pure functions over
// the World, each returning the new World (or the daemon's refusal, worded as dockerd words it).
import { hexId } from '../../core/ids';
import type { Services } from '../../core/services';
import type { World } from '../../world';
import type { ImageView } from './images';
import { randomName } from './names';
import { containerRootfs } from './rootfs';
import { addressOn, findNetwork, networksToJoin } from './networks';
import { startProgram, stopLogs } from './runtime';
import { closeProgramLogs } from './logs';
import { containerNamed, isDefaultCommand, isRunning, removeFromState, setContainer, withDocker } from './container-table';
import { createBindSources, isAnonymous, prepareMounts, volumeUsers } from './volumes';
import type { Container, ContainerStatus, DockerState, Mount, PortBinding, RestartPolicy } from '../state';

export interface CreateOptions {
  /** The image as typed (shown by docker ps). */
  imageName: string;
  image: ImageView;
  name?: string;
  /** Arguments after the image name (replace the image's CMD). */
  command: string[];
  entrypoint?: string[] | null;
  env: string[];
  ports: (Omit<PortBinding, 'hostPort'> & { hostPort: number | null })[];
  publishAll: boolean;
  autoRemove: boolean;
  restart: RestartPolicy;
  memory: number;
  nanoCpus: number;
  workdir?: string;
  network: string;
  mounts: Mount[];
  tty: boolean;
  interactive: boolean;
  hostname?: string;
  user?: string;
  labels?: Record<string, string>;
}

export type EngineResult<T = object> = ({ ok: true; world: World } & T) | { ok: false; error: string };





function hostPortTaken(docker: DockerState, binding: PortBinding, except: string): boolean {
  return Object.values(docker.containers).some(
    (c) => c.id !== except && isRunning(c) && c.hostConfig.portBindings.some((b) => b.hostPort === binding.hostPort && b.protocol === binding.protocol && (b.hostIp === binding.hostIp || b.hostIp === '0.0.0.0' || binding.hostIp === '0.0.0.0')),
  );
}

export function createContainer(world: World, options: CreateOptions): EngineResult<{ id: string }> {
  const docker = world.docker;
  const [id, rng1] = hexId(world.rng);
  let rng = rng1;
  let name = options.name;
  if (name !== undefined) {
    if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
      return { ok: false, error: `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed` };
    }
    name = name.replace(/^\//, '');
    const holder = containerNamed(docker, name);
    if (holder) {
      return { ok: false, error: `Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.` };
    }
  } else {
    const taken = new Set(Object.values(docker.containers).map((c) => c.name));
    [name, rng] = randomName(rng, (n) => taken.has(n));
  }
  const config = options.image.config;
  const entrypoint = options.entrypoint === undefined ? config.entrypoint : options.entrypoint;
  const cmd = options.command.length ? options.command : options.entrypoint !== undefined && options.entrypoint !== null ? [] : config.cmd;
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) return { ok: false, error: 'no command specified' };
  const exposed = [...config.exposedPorts];
  for (const p of options.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    if (!exposed.includes(key)) exposed.push(key);
  }
  const container: Container = {
    id,
    name,
    image: options.imageName,
    imageId: options.image.id,
    created: world.clock.now,
    path: argv[0],
    args: argv.slice(1),
    config: {
      // On the host's network the container shares the host's name too.
      hostname: options.hostname ?? (options.network === 'host' ? world.host.hostname : id.slice(0, 12)),
      env: mergeEnv(config.env, options.env),
      tty: options.tty,
      openStdin: options.interactive,
      workingDir: options.workdir ?? config.workingDir ?? '',
      user: options.user ?? config.user ?? '',
      entrypoint,
      cmd,
      exposedPorts: exposed,
      labels: { ...config.labels, ...options.labels },
    },
    hostConfig: {
      // Host ports are chosen at start; until then a binding remembers what was asked (0 = any).
      portBindings: options.ports.map((p) => ({ ...p, hostPort: p.hostPort ?? 0 })),
      publishAll: options.publishAll,
      autoRemove: options.autoRemove,
      restartPolicy: options.restart,
      memory: options.memory,
      nanoCpus: options.nanoCpus,
      mounts: options.mounts,
      networkMode: options.network,
    },
    state: { status: 'created', pid: 0, exitCode: 0, startedAt: 0, finishedAt: 0, oomKilled: false, error: '' },
    restartCount: 0,
    networks: {},
    logs: [],
  };
  // Named volumes are made at create, and the image's VOLUME paths get anonymous ones.
  const imageTree = () => containerRootfs({ ...container, hostConfig: { ...container.hostConfig, mounts: [] } }, options.image, world.clock.now);
  return { ok: true, id, world: prepareMounts({ ...setContainer(world, container), rng }, container, config.volumes ?? [], imageTree) };
}

function mergeEnv(base: string[], extra: string[]): string[] {
  const out = new Map(base.map((e) => [e.split('=')[0], e]));
  for (const e of extra) out.set(e.split('=')[0], e);
  return [...out.values()];
}

/**
 * The host pid a starting container's PID 1 gets: the first free block after the learner's login
 * shell (each block leaves room for docker-proxy and the shim below it and workers above), so
 * `ps -ef` on the laptop stays in pid order. Stored as State.Pid, so it is stable while it runs.
 */
function hostPidFor(docker: DockerState, id: string): number {
  const used = new Set(Object.values(docker.containers).filter((c) => c.id !== id && isRunning(c)).map((c) => c.state.pid));
  for (let k = 0; k < 8; k++) if (!used.has(4_340 + k * 80)) return 4_340 + k * 80;
  for (let k = 0; ; k++) if (!used.has(20_040 + k * 80)) return 20_040 + k * 80;
}

/** Ephemeral host ports come from Linux's range, lowest free first, as seen in practice. */
function ephemeralPort(docker: DockerState, binding: PortBinding, id: string): number {
  for (let port = 32768; port < 61000; port++) {
    if (!hostPortTaken(docker, { ...binding, hostPort: port }, id)) return port;
  }
  return 32768;
}

/**
 * `stdin`: what `docker run -i` hands the container's command (piped into the client). A start the
 * learner asks for resets the restart count and back-off (moby's ResetRestartManager); one made by
 * the restart policy keeps them.
 */
/** Docker 28's daemon wraps what goes wrong while it connects a starting container (moby's errSetupNetworking). */
const SETUP_NETWORKING = 'failed to set up container networking: ';

export function startContainer(world: World, id: string, image: ImageView, stdin: string | null = null, options: { byPolicy?: boolean; services?: Services } = {}): EngineResult {
  const docker = world.docker;
  const container = docker.containers[id];
  if (!container) return { ok: false, error: `No such container: ${id}` };
  if (isRunning(container)) return { ok: true, world };
  const bindings: PortBinding[] = [];
  const wanted = [...container.hostConfig.portBindings];
  if (container.hostConfig.publishAll) {
    for (const port of container.config.exposedPorts) {
      const [num, proto] = port.split('/');
      if (!wanted.some((w) => w.containerPort === Number(num))) wanted.push({ hostIp: '0.0.0.0', hostPort: 0, containerPort: Number(num), protocol: proto === 'udp' ? 'udp' : 'tcp' });
    }
  }
  for (const want of wanted) {
    const binding = { ...want, hostPort: want.hostPort || ephemeralPort(docker, want, id) };
    if (hostPortTaken(docker, binding, id)) {
      const endpoint = hexId(world.rng)[0];
      return {
        ok: false,
        error: `${SETUP_NETWORKING}driver failed programming external connectivity on endpoint ${container.name} (${endpoint}): Bind for ${binding.hostIp}:${binding.hostPort} failed: port is already allocated`,
      };
    }
    bindings.push(binding);
  }
  // One address per network it is on: its primary network (--network, the default bridge
  // otherwise) and any it was connected to while stopped.
  const networks: Container['networks'] = {};
  for (const name of networksToJoin(container)) {
    const network = findNetwork(docker, name);
    if (!network) return { ok: false, error: `${SETUP_NETWORKING}network ${name} not found` };
    networks[network.name] = { ...addressOn(docker, network, id), aliases: container.networks[network.name]?.aliases ?? [] };
  }
  const now = world.clock.now;
  const started: Container = {
    ...container,
    restartCount: options.byPolicy ? container.restartCount : 0,
    hostConfig: { ...container.hostConfig, portBindings: bindings },
    networks,
    state: { ...container.state, status: 'running', pid: hostPidFor(docker, id), exitCode: 0, startedAt: now, finishedAt: 0, error: '', plannedExit: undefined, restartDelay: options.byPolicy ? container.state.restartDelay : undefined },
  };
  const withSources = createBindSources(world, container);
  return { ok: true, world: startProgram(setContainer(withSources, started), started.id, image, stdin, options.services) };
}

/** Marks a container as ended: records the exit, applies --rm and the restart policy. */
export function exitContainer(world: World, id: string, code: number, at: number, options: { byUser?: boolean } = {}): World {
  const container = world.docker.containers[id];
  if (!container) return world;
  // The container stays attached to its networks (docker inspect still lists them), without addresses.
  const networks: Container['networks'] = {};
  for (const [name, n] of Object.entries(container.networks)) networks[name] = { ip: '', gateway: '', mac: '', aliases: n.aliases };
  const ended: Container = {
    ...closeProgramLogs(container, at),
    state: { ...container.state, status: 'exited', exitCode: code, finishedAt: at, pid: 0, plannedExit: undefined },
    networks,
  };
  if (container.hostConfig.autoRemove) return removeAnonymousVolumes(removeFromState(world, id), container);
  return setContainer(world, ended);
}

/** --rm takes the container's anonymous volumes with it (named ones stay). */
function removeAnonymousVolumes(world: World, container: Container): World {
  const volumes = { ...world.docker.volumes };
  for (const m of container.hostConfig.mounts) {
    if (m.type === 'volume' && isAnonymous(m.source) && !volumeUsers(world.docker, m.source).length) delete volumes[m.source];
  }
  return withDocker(world, { ...world.docker, volumes });
}


/**
 * How long a stop takes and how the program ends: a process that handles its stop signal exits
 * at once; one that ignores it (a shell or `sleep` as PID 1) is killed after the timeout (137).
 */
export function stopOutcome(container: Container, image: ImageView | undefined, timeoutSeconds: number): { ms: number; code: number; handled: boolean } {
  const behaviour = image?.behaviour;
  const program = container.path;
  const handles = behaviour?.kind === 'server' && !container.args.length ? true : behaviour?.kind === 'server' && isDefaultCommand(container, image);
  if (handles && behaviour?.kind === 'server' && behaviour.ignoresSigterm) return { ms: timeoutSeconds * 1000, code: 137, handled: false };
  if (handles) return { ms: 300, code: behaviour?.kind === 'server' ? behaviour.stopExitCode ?? 0 : 0, handled: true };
  if (/(^|\/)(sh|bash|ash|dash|sleep|tail)$/.test(program) || program === 'sleep') return { ms: timeoutSeconds * 1000, code: 137, handled: false };
  return { ms: 200, code: 143, handled: true };
}


export function stopContainer(world: World, id: string, image: ImageView | undefined, timeoutSeconds = 10): { world: World; ms: number } {
  const container = world.docker.containers[id];
  if (!container || !isRunning(container)) return { world, ms: 0 };
  const outcome = stopOutcome(container, image, timeoutSeconds);
  const at = world.clock.now + outcome.ms;
  const withLogs = outcome.handled ? stopLogs(world, id, image, at) : world;
  return { world: exitContainer(withLogs, id, outcome.code, at, { byUser: true }), ms: outcome.ms };
}

export function killContainer(world: World, id: string, signal: string): World {
  const code = signal === 'KILL' || signal === 'SIGKILL' || signal === '9' ? 137 : 128 + (SIGNALS[signal.replace(/^SIG/, '')] ?? 9);
  return exitContainer(world, id, code, world.clock.now, { byUser: true });
}

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15 };

export function setStatus(world: World, id: string, status: ContainerStatus): World {
  const container = world.docker.containers[id];
  return container ? setContainer(world, { ...container, state: { ...container.state, status } }) : world;
}

/** The STATUS column of docker ps. */
export function statusText(container: Container, now: number, humanDuration: (ms: number) => string): string {
  const s = container.state;
  switch (s.status) {
    case 'created':
      return 'Created';
    case 'running':
      return `Up ${humanDuration(now - s.startedAt)}`;
    case 'paused':
      return `Up ${humanDuration(now - s.startedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${s.exitCode}) ${humanDuration(now - s.finishedAt)} ago`;
    case 'exited':
      return `Exited (${s.exitCode}) ${humanDuration(now - s.finishedAt)} ago`;
    case 'dead':
      return 'Dead';
  }
}
