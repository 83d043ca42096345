// The engine's timers: wake Docker's background system (restart-manager.ts) for one container at a
// moment (its program ends, its restart is due). A leaf, so whatever plans work can set one.
import { schedule } from '../../core/timers';
import type { World } from '../../world';

export const DOCKER_SYSTEM = 'docker';

export function wakeAt(world: World, at: number, id: string): World {
  schedule(world.timers, at, DOCKER_SYSTEM, id);
  return world;
}
