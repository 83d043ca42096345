// The whole state of one learner machine, as plain JSON-able data: it can be saved, restored,
// compared in tests and replayed. Time and randomness live here too, so that the same seed and
// the same commands always print the same thing.
import type { RandomState } from './core/random';
import type { DirNode } from './shell/fs';
import type { DockerState } from './docker/state';

export const WORLD_SCHEMA = 1;

export interface HostInfo {
  hostname: string;
  user: string;
  home: string;
  /** When the machine booted (simulated ms): the start time of its daemons. */
  bootedAt: number;
  /** What `uname` reports; a container shares this kernel with its host. */
  kernel: { name: string; release: string; version: string; machine: string; os: string };
}

export interface ShellState {
  cwd: string;
  oldpwd: string;
  vars: Record<string, string>;
  /** Names of vars that are exported to commands (`export`, `env`). */
  exported: string[];
  /** Lines as typed, oldest first, bounded like bash's HISTSIZE. */
  history: string[];
  lastExitCode: number;
}

export interface World {
  schema: typeof WORLD_SCHEMA;
  scenario: string;
  clock: { now: number };
  rng: RandomState;
  host: HostInfo;
  fs: DirNode;
  shell: ShellState;
  docker: DockerState;
}

export const HISTORY_LIMIT = 1000;
