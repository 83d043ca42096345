// Every docker command this engine models, by where it sits in the CLI. root.ts turns these into the
// `docker` spec; commands not listed here are answered with a plain "not simulated".
import type { CommandSpec } from '../../../core/command/spec';
import { images, imageLs } from './images';
import { kill, pause, restart, rm, start, stop, unpause } from './lifecycle';
import { logs } from './logs';
import { containerLs, ps } from './ps';
import { pull } from './pull';
import { run } from './run';

/** `docker NAME`. */
export const TOP_LEVEL: Record<string, CommandSpec> = {
  run,
  ps,
  images,
  pull,
  logs,
  stop,
  start,
  restart,
  kill,
  pause,
  unpause,
  rm,
};

/** `docker GROUP NAME`, beyond the top-level commands a group shares (docker container stop = docker stop). */
export const GROUPED: Record<string, Record<string, CommandSpec>> = {
  container: { ls: containerLs },
  image: { ls: imageLs },
  network: {},
  volume: {},
  system: {},
};

/** Which top-level commands each group also offers under its own name. */
export const GROUP_SHARES: Record<string, Record<string, string>> = {
  container: { run: 'run', logs: 'logs', stop: 'stop', start: 'start', restart: 'restart', kill: 'kill', pause: 'pause', unpause: 'unpause', rm: 'rm', exec: 'exec', inspect: 'inspect', port: 'port', top: 'top', stats: 'stats', create: 'create' },
  image: { pull: 'pull', push: 'push', rm: 'rmi', history: 'history', tag: 'tag', inspect: 'inspect', build: 'build' },
  network: {},
  volume: {},
  system: { info: 'info' },
};
