// The whole state of one learner machine, as plain JSON-able data: it can be saved, restored,
// compared in tests and replayed. Time (the clock and the queue of timers) and randomness live here
// too, so that the same seed and the same commands always print the same thing.
import type { RandomState } from './core/random';
import type { Access, Store } from './core/store';
import type { TimerQueue } from './core/timers';
import type { CommandRecord } from './core/record';
import type { DirNode } from './shell/fs';
import type { ShellState } from './shell/state';
import type { DockerState } from './docker/state';

export type { ShellState } from './shell/state';
export { HISTORY_LIMIT } from './shell/state';

/** The version of this shape; snapshot.ts migrates older saved worlds up to it. */
export const WORLD_SCHEMA = 3;

export interface HostInfo {
  hostname: string;
  user: string;
  home: string;
  /** When the machine booted (simulated ms): the start time of its daemons. */
  bootedAt: number;
  /** What `uname` reports; a container shares this kernel with its host. */
  kernel: { name: string; release: string; version: string; machine: string; os: string };
}

export interface World {
  schema: typeof WORLD_SCHEMA;
  scenario: string;
  clock: { now: number };
  /** What background systems wait for (core/timers.ts). */
  timers: TimerQueue;
  rng: RandomState;
  host: HostInfo;
  fs: DirNode;
  shell: ShellState;
  /** Every simple command the learner ran, for checks and the timeline (core/record.ts). */
  record: CommandRecord;
  docker: DockerState;
}

export type WorldStore = Store<World>;
export type WorldAccess = Access<World>;
