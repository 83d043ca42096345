// Every docker command this engine models, by where it sits in the CLI. root.ts turns these into the
// `docker` spec; commands not listed here are answered with a plain "not simulated".
import type { CommandSpec } from '../../../core/command/spec';
import { images, imageLs } from './images';
import { kill, pause, restart, rm, start, stop, unpause } from './lifecycle';
import { logs } from './logs';
import { containerLs, ps } from './ps';
import { pull } from './pull';
import { run } from './run';
import { containerPrune, create } from './create';
import { exec } from './exec';
import { inspect } from './inspect';
import { networkConnect, networkCreate, networkDisconnect, networkInspect, networkLs, networkPrune, networkRm } from './network';
import { port } from './port';
import { stats } from './stats';
import { top } from './top';
import { volumeCreate, volumeInspect, volumeLs, volumePrune, volumeRm } from './volume';
import { tag } from './tag';
import { imagePrune, imageRm, rmi } from './rmi';
import { login } from './login';
import { logout } from './logout';
import { push } from './push';
import { version } from './version';
import { info } from './info';
import { systemDf, systemPrune } from './system';
import { build } from './build';
import { history } from './history';

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
  exec,
  inspect,
  port,
  top,
  stats,
  create,
  tag,
  rmi,
  login,
  logout,
  push,
  version,
  info,
  build,
  history,
};

/** `docker GROUP NAME`, beyond the top-level commands a group shares (docker container stop = docker stop). */
export const GROUPED: Record<string, Record<string, CommandSpec>> = {
  container: { ls: containerLs, prune: containerPrune },
  image: { ls: imageLs, rm: imageRm, prune: imagePrune },
  network: { ls: networkLs, create: networkCreate, rm: networkRm, connect: networkConnect, disconnect: networkDisconnect, inspect: networkInspect, prune: networkPrune },
  volume: { ls: volumeLs, create: volumeCreate, rm: volumeRm, inspect: volumeInspect, prune: volumePrune },
  system: { df: systemDf, prune: systemPrune },
};

/** Which top-level commands each group also offers under its own name. */
export const GROUP_SHARES: Record<string, Record<string, string>> = {
  container: { run: 'run', logs: 'logs', stop: 'stop', start: 'start', restart: 'restart', kill: 'kill', pause: 'pause', unpause: 'unpause', rm: 'rm', exec: 'exec', inspect: 'inspect', port: 'port', top: 'top', stats: 'stats', create: 'create' },
  image: { pull: 'pull', push: 'push', rm: 'rmi', history: 'history', tag: 'tag', inspect: 'inspect', build: 'build' },
  network: {},
  volume: {},
  system: { info: 'info' },
};
