'use client';
// React's view of the progress store. The store (and zod, which validates what it reads) loads
// after the page, so saved progress costs the first load nothing; until then, and on the server,
// nothing saved shows.
import { useSyncExternalStore } from 'react';
import { emptyProgress } from './schema-shapes';
import type { ProgressState, ProgressStore } from './store';

const NOTHING_YET: ProgressState = { progress: emptyProgress(), notices: [] };
const listeners = new Set<() => void>();
let store: ProgressStore | undefined;
let loading: Promise<ProgressStore> | undefined;

/** The progress store, loading it on first use. */
export function loadProgress(): Promise<ProgressStore> {
  loading ??= import('./store').then(({ progressStore }) => {
    store = progressStore();
    store.subscribe(() => listeners.forEach((listener) => listener()));
    listeners.forEach((listener) => listener());
    return store;
  });
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  void loadProgress();
  return () => {
    listeners.delete(listener);
  };
};

/** `selector` must return a part of the state (not a new object), as with zustand. */
export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => selector(store ? store.getState() : NOTHING_YET),
    () => selector(NOTHING_YET),
  );
}
