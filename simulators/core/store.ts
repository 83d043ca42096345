// One store per session (never a global one), shaped as a zustand vanilla store so React reads it
// with useStore(store, selector). Two things make it scale to thousands of objects:
//
// - Big keyed tables (containers, images, later pods) are changed in place by their setters, which
//   `touch` the table: one change costs the same with 100 or 10,000 objects. The changed object
//   itself is a new value, so a selector on one object re-renders when that object changes; a
//   selector on a whole table reads `version(table)`, a number that moves on every change.
// - `batch` defers notification to its end: a command's or a reconcile pass's changes reach
//   subscribers once, together.
//
// A World is therefore live, not a snapshot: to keep a copy, take snapshot() (plain JSON).
// Why this and not Immer or copied maps: see CONTRIBUTING.md, "The store".
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface Store<W> extends StoreApi<W> {
  /** Runs `fn`; subscribers hear of everything it changed once, when the outermost batch ends. */
  batch<T>(fn: () => T): T;
}

export function createWorldStore<W>(initial: W): Store<W> {
  const inner = createStore<W>()(() => initial);
  let depth = 0;
  let pending: W | undefined;
  const store: Store<W> = {
    getState: () => pending ?? inner.getState(),
    getInitialState: () => inner.getInitialState(),
    subscribe: (listener) => inner.subscribe(listener),
    setState(next, replace) {
      const value = typeof next === 'function' ? (next as (s: W) => W)(store.getState()) : next;
      if (depth > 0) pending = value as W;
      else inner.setState(value as W, replace as true);
    },
    batch(fn) {
      depth++;
      try {
        return fn();
      } finally {
        depth--;
        if (depth === 0 && pending !== undefined) {
          const value = pending;
          pending = undefined;
          inner.setState(value, true);
        }
      }
    },
  };
  return store;
}

/** What simulator code needs of a store: read the world, replace it. */
export interface Access<W> {
  getState(): W;
  setState(world: W, replace: true): void;
}

/** Store-like access through a command's context (a command sees the world only that way). */
export function accessFrom<W>(ctx: { world(): W; update(change: (w: W) => W): void }): Access<W> {
  return { getState: () => ctx.world(), setState: (world) => ctx.update(() => world) };
}

// ---------------------------------------------------------------------------------------------
// Table versions: kept beside the world (not in it, so saved worlds and their comparisons are not
// affected), keyed by the table object. Numbers only grow, so a table restored from a snapshot
// never shares a version with the one it replaced.

const versions = new WeakMap<object, number>();
let counter = 0;

/** Marks a table as changed (its setters call this after changing it in place). */
export function touch(table: object): void {
  versions.set(table, ++counter);
}

/** A number that changes whenever `table` changes: what a React selector over a list reads. */
export function version(table: object): number {
  let v = versions.get(table);
  if (v === undefined) {
    v = ++counter;
    versions.set(table, v);
  }
  return v;
}
