'use client';
// Hands the page's workbench to everything inside it: the panel, the terminal markers in the text,
// code blocks' Run and Write buttons, and exercises.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Bench, BenchState } from './bench-store';

export interface BenchContextValue {
  bench: Bench;
  /** `lesson:<slug>` or `exercise:<id>`: the prefix of a lesson terminal's storage key. */
  page: string;
}

export const BenchContext = createContext<BenchContextValue | null>(null);

export function useBenchContext(): BenchContextValue | null {
  return useContext(BenchContext);
}

const NO_BENCH: BenchState = { terminals: [], shown: [], expanded: false, generation: {} };
const noop = () => () => {};

/** A part of the workbench's state; `selector` returns a part of it, not a new object. */
export function useBench<T>(selector: (state: BenchState) => T): T {
  const context = useContext(BenchContext);
  return useSyncExternalStore(
    context ? context.bench.subscribe : noop,
    () => selector(context ? context.bench.getState() : NO_BENCH),
    () => selector(NO_BENCH),
  );
}

/**
 * Which terminal governs a place in the text. An anchor is a terminal's marker (it governs what
 * follows it) or, with data-bench-scope="inside", an exercise (it governs only what it contains).
 * The last anchor that governs wins; before any, the first terminal.
 */
function pick(anchors: HTMLElement[], governs: (anchor: HTMLElement, inside: boolean) => boolean): string | undefined {
  let found: string | undefined;
  for (const anchor of anchors) if (governs(anchor, anchor.dataset.benchScope === 'inside')) found = anchor.dataset.benchAnchor;
  return found ?? anchors[0]?.dataset.benchAnchor;
}

const allAnchors = () => [...document.querySelectorAll<HTMLElement>('[data-bench-anchor]')];

/** The terminal a code block (or any element) belongs to. */
export function terminalFor(element: Element): string | undefined {
  return pick(allAnchors(), (anchor, inside) => anchor.contains(element) || (!inside && Boolean(anchor.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)));
}

/** The terminal for the text at height `line` of the viewport (what the learner is reading). */
export function terminalInView(line: number): string | undefined {
  return pick(allAnchors(), (anchor, inside) => {
    const box = anchor.getBoundingClientRect();
    return box.top < line && (!inside || box.bottom > line);
  });
}
