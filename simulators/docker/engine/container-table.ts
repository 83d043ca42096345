// The containers table of the engine: finding, reading and replacing records. The table is changed
// in place (core/store.ts explains why); every other engine module goes through these.
import { touch } from '../../core/store';
import type { World } from '../../world';
import type { Container, DockerState } from '../state';
import type { ImageView } from './images';
import { isDefaultCommand as isDefault } from '../../workloads/sandbox/program';

export const withDocker = (world: World, docker: DockerState): World => ({ ...world, docker });

/**
 * Puts a container record in the live containers table, in place, so one change costs the same
 * however many containers there are (core/store.ts); the world around it is a new value.
 */
export function setContainer(world: World, container: Container): World {
  const table = world.docker.containers;
  const index = nameIndexes.get(table);
  if (index) {
    const before = table[container.id];
    if (before && before.name !== container.name && index.get(before.name) === before.id) index.delete(before.name);
    index.set(container.name, container.id);
  }
  table[container.id] = container;
  touch(table);
  return { ...world };
}

/**
 * Names -> ids, beside each containers table (not in the world, so nothing to save or validate):
 * built on first use, then kept by the setters, so finding a container by name stays O(1).
 */
const nameIndexes = new WeakMap<Record<string, Container>, Map<string, string>>();

function nameIndex(table: Record<string, Container>): Map<string, string> {
  let index = nameIndexes.get(table);
  if (!index) {
    index = new Map();
    for (const c of Object.values(table)) index.set(c.name, c.id);
    nameIndexes.set(table, index);
  }
  return index;
}

/** The container named `name` (without a leading slash), if any. */
export function containerNamed(docker: DockerState, name: string): Container | undefined {
  const id = nameIndex(docker.containers).get(name);
  const found = id === undefined ? undefined : docker.containers[id];
  return found && found.name === name ? found : undefined;
}

export function removeFromState(world: World, id: string): World {
  const table = world.docker.containers;
  const index = nameIndexes.get(table);
  const gone = table[id];
  if (index && gone && index.get(gone.name) === id) index.delete(gone.name);
  delete table[id];
  touch(table);
  return { ...world };
}

/** Finds a container by full or unique-prefix id, or by name (with or without its leading slash). */
export function findContainer(docker: DockerState, ref: string): Container | undefined {
  const name = ref.replace(/^\//, '');
  const byName = containerNamed(docker, name);
  if (byName) return byName;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  if (docker.containers[ref]) return docker.containers[ref];
  // A short id: the daemon's prefix search (a scan, as its truncindex is for prefixes of any length).
  const matches = Object.values(docker.containers).filter((c) => c.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

export const isRunning = (c: Container) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';

/** Whether the container runs its image's own entrypoint and cmd. */
export const isDefaultCommand = (container: Container, image: ImageView | undefined): boolean => isDefault([container.path, ...container.args], image);
