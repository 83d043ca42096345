// One zustand vanilla store per session (never a global one): React reads it with useStore, the
// simulator writes whole new slices so selectors see the change.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { World } from '../world';

export type WorldStore = StoreApi<World>;

export function createWorldStore(initial: World): WorldStore {
  return createStore<World>()(() => initial);
}
