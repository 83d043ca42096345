// One zustand vanilla store per session (never a global one): React reads it with useStore, the
// simulator writes whole new slices so selectors see the change.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { World } from '../world';

export type WorldStore = StoreApi<World>;

export function createWorldStore(initial: World): WorldStore {
  return createStore<World>()(() => initial);
}

/** What simulator code needs of a store: read the world, replace it. A zustand store is one. */
export interface WorldAccess {
  getState(): World;
  setState(world: World, replace: true): void;
}

/** Store-like access through a command's context (a command sees the world only that way). */
export function accessFrom(ctx: { world(): World; update(change: (w: World) => World): void }): WorldAccess {
  return { getState: () => ctx.world(), setState: (world) => ctx.update(() => world) };
}
