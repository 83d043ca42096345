// The Docker engine's state inside the world: local images, containers, networks, volumes, the
// build cache, and the registries the learner can push to. Plain data: catalog images are stored
// by reference, so a saved world stays small.
import type { DirNode } from '../shell/fs';
import type { ShellState } from '../shell/state';
import type { ImageBehaviour, ImageConfig } from './catalog/types';

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead';

export interface PortBinding {
  /** '0.0.0.0' unless given as ip:host:container. */
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

export interface Mount {
  type: 'volume' | 'bind';
  /** Volume name or host path. */
  source: string;
  destination: string;
  readOnly: boolean;
}

export interface RestartPolicy {
  name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  maximumRetryCount: number;
}

export interface LogLine {
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * Lines the image's own program always writes (nginx's start-up notices, uvicorn's shutdown), kept
 * as a reference and written out when read (engine/logs.ts): a thousand nginx containers do not
 * each save the same dozen lines. `at` is when the first line appears; `ip` the container's address
 * then, for lines that print it.
 */
export interface LogRef {
  at: number;
  /** The image's start-up or shutdown lines; or `program`: the container's command, replayed when read (engine/program-run.ts). */
  ref: 'startup' | 'shutdown' | 'program';
  ip?: string;
  /** For `program`: when that run of the command ended (none while it runs). */
  end?: number;
}

export type LogEntry = LogLine | LogRef;

/** What runs as the container's PID 1, worked out from its image and command when it starts. */
export type ContainerProgram =
  | { kind: 'image'; behaviour: ImageBehaviour }
  /** A command run once in the container's shell (`docker run busybox ps`), or a script that serves. */
  | { kind: 'command'; line: string }
  | { kind: 'app'; appId: string };

export interface Container {
  id: string;
  name: string;
  /** The image as the user named it (`nginx`, `myapp:1.0`): docker ps shows this. */
  image: string;
  imageId: string;
  created: number;
  /** Executable and arguments of PID 1 (entrypoint + cmd, or the command given to run). */
  path: string;
  args: string[];
  config: {
    hostname: string;
    env: string[];
    tty: boolean;
    openStdin: boolean;
    workingDir: string;
    user: string;
    entrypoint: string[] | null;
    cmd: string[] | null;
    exposedPorts: string[];
    labels: Record<string, string>;
  };
  hostConfig: {
    portBindings: PortBinding[];
    publishAll: boolean;
    autoRemove: boolean;
    restartPolicy: RestartPolicy;
    /** Bytes; 0 for no limit. */
    memory: number;
    nanoCpus: number;
    mounts: Mount[];
    networkMode: string;
  };
  state: {
    status: ContainerStatus;
    pid: number;
    exitCode: number;
    startedAt: number;
    finishedAt: number;
    oomKilled: boolean;
    error: string;
    /** For a program that ends by itself (a command, hello-world): when, and with which code. */
    plannedExit?: { at: number; code: number };
    /** The restart manager's current back-off (ms), as moby keeps it between restarts. */
    restartDelay?: number;
  };
  restartCount: number;
  /** Network name -> address on it. */
  networks: Record<string, { ip: string; gateway: string; mac: string; aliases: string[] }>;
  /** What the container wrote, oldest first: lines, and references to lines its image always writes. */
  logs: LogEntry[];
  /** The writable layer, made on first use (exec, an interactive shell, a command that writes). */
  fs?: DirNode;
  /** The shell state of commands run inside (cwd, variables, history), made on first use. */
  shell?: ShellState;
  /** For a redis server: the keys clients have set (in memory, so gone with the container). */
  redisKeys?: Record<string, string>;
}

/** An image built here: everything about it is stored, since no catalog knows it. */
export interface BuiltImage {
  created: number;
  config: ImageConfig;
  layers: { digest: string; sizeBytes: number }[];
  history: { created: number; createdBy: string; sizeBytes: number; emptyLayer: boolean; comment?: string }[];
  /** The catalog image it started FROM, for what it inherits (base files, behaviour of its runtime). */
  baseId: string;
  behaviour?: ImageBehaviour;
  /** The files the build copied in, by path inside the image (for `python app.py` and `ls`). */
  files: Record<string, string>;
}

export interface LocalImage {
  id: string;
  /** Familiar names: `nginx:latest`, `registry.example.com/team/myapp:1.0`. */
  tags: string[];
  /** `nginx@sha256:...` for images that came from a registry. */
  digests: string[];
  /** When it arrived here (pull or build). */
  added: number;
  /** Catalog images are described by the catalog; built ones by `builtImages[id]`. */
  source: 'catalog' | 'built';
}

export interface Network {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  scope: 'local';
  subnet: string;
  gateway: string;
  created: number;
  /** User-defined bridges resolve container names; the default bridge does not. */
  userDefined: boolean;
}

export interface Volume {
  name: string;
  driver: 'local';
  created: number;
  files: Record<string, string>;
}

/** An image in a registry other than the catalog (pushed by the learner). */
export interface PushedImage {
  imageId: string;
  digest: string;
  pushedAt: number;
}

export interface DockerState {
  images: Record<string, LocalImage>;
  containers: Record<string, Container>;
  networks: Record<string, Network>;
  volumes: Record<string, Volume>;
  /** Repository (`registry.example.com/team/myapp`) -> tag -> pushed image. */
  registry: Record<string, Record<string, PushedImage>>;
  /** Registry host -> the user logged in to it. */
  logins: Record<string, { username: string }>;
  /** Build cache: key of (parent + instruction + inputs) -> the layer it made. */
  buildCache: Record<string, { digest: string; sizeBytes: number; created: number }>;
  /** Built images' full data, by image id, kept even after their tags move (history, cache). */
  builtImages: Record<string, BuiltImage>;
}

export const BRIDGE_SUBNET = '172.17.0.0/16';
export const BRIDGE_GATEWAY = '172.17.0.1';

export function emptyDockerState(now: number): DockerState {
  const bridge: Network = { id: '', name: 'bridge', driver: 'bridge', scope: 'local', subnet: BRIDGE_SUBNET, gateway: BRIDGE_GATEWAY, created: now, userDefined: false };
  return {
    images: {},
    containers: {},
    networks: {
      bridge: { ...bridge, id: '8f3c2a1b9d4e7f6a5b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c' },
      host: { ...bridge, id: '2b7d9e1f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b', name: 'host', driver: 'host', subnet: '', gateway: '' },
      none: { ...bridge, id: '5e9a1c3b7d2f6a0e4c8b2d6f0a4e8c2b6d0f4a8e2c6b0d4f8a2e6c0b4d8f2a6e', name: 'none', driver: 'null', subnet: '', gateway: '' },
    },
    volumes: {},
    registry: {},
    logins: {},
    buildCache: {},
    builtImages: {},
  };
}
