// The containers table of the engine: finding, reading and replacing records. The table is changed
// in place (core/store.ts explains why); every other engine module goes through these.
import { touch } from '../../core/store';
import type { World } from '../../world';
import type { Container, DockerState } from '../state';
import type { ImageView } from './images';

export const withDocker = (world: World, docker: DockerState): World => ({ ...world, docker });

/**
 * Puts a container record in the live containers table, in place, so one change costs the same
 * however many containers there are (core/store.ts); the world around it is a new value.
 */
export function setContainer(world: World, container: Container): World {
  const table = world.docker.containers;
  table[container.id] = container;
  touch(table);
  return { ...world };
}

export function removeFromState(world: World, id: string): World {
  const table = world.docker.containers;
  delete table[id];
  touch(table);
  return { ...world };
}

/** Finds a container by full or unique-prefix id, or by name (with or without its leading slash). */
export function findContainer(docker: DockerState, ref: string): Container | undefined {
  const name = ref.replace(/^\//, '');
  const all = Object.values(docker.containers);
  const byName = all.find((c) => c.name === name);
  if (byName) return byName;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  const matches = all.filter((c) => c.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

export const isRunning = (c: Container) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';

export function isDefaultCommand(container: Container, image: ImageView | undefined): boolean {
  if (!image) return false;
  const defaults = [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
  const actual = [container.path, ...container.args];
  return defaults.length === actual.length && defaults.every((d, i) => d === actual[i]);
}
