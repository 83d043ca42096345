'use client';
// React's view of the progress store. The server renders nothing saved (it has no localStorage);
// the browser fills it in after hydration.
import { useSyncExternalStore } from 'react';
import { emptyProgress } from './schema';
import { progressStore, type ProgressState } from './store';

const SERVER_STATE: ProgressState = { progress: emptyProgress(), notices: [] };
const subscribe = (listener: () => void) => progressStore().subscribe(listener);

/** `selector` must return a part of the state (not a new object), as with zustand. */
export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => selector(progressStore().getState()),
    () => selector(SERVER_STATE),
  );
}
