'use client';
// Whether React has taken over the server's HTML. A button that needs the page's scripts stays
// disabled until then, so an early click is not silently lost.
import { useSyncExternalStore } from 'react';

const noop = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
