'use client';
// The handle between the text and the terminal: drag it, or focus it and use the arrow keys. The
// width is remembered; an unreadable saved width is ignored.
import { useCallback, useEffect, useState, type KeyboardEvent, type PointerEvent } from 'react';

const KEY = 'berth:bench-width';
const MIN = 360;
/** The text keeps at least this much of the screen. */
const TEXT_MIN = 420;
const STEP = 40;

const clamp = (width: number) => Math.round(Math.min(Math.max(MIN, width), Math.max(MIN, window.innerWidth - TEXT_MIN)));

export function useBenchWidth(): [number | undefined, (width: number | undefined) => void] {
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    try {
      const saved = Number(window.localStorage.getItem(KEY));
      if (Number.isFinite(saved) && saved >= MIN && saved <= 10_000) setWidth(clamp(saved));
    } catch {
      // Storage refused: the default width serves.
    }
  }, []);
  const set = useCallback((next: number | undefined) => {
    setWidth(next);
    try {
      if (next === undefined) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, String(next));
    } catch {
      // Not remembered; it still applies to this page.
    }
  }, []);
  return [width, set];
}

export function Resizer({ width, onWidth }: { width: number | undefined; onWidth(width: number | undefined): void }) {
  const current = () => width ?? document.querySelector<HTMLElement>('[data-bench-panel]')?.offsetWidth ?? 560;
  // What assistive technology reads: the panel's width now, and how wide it may go on this screen.
  const [shown, setShown] = useState({ now: 560, max: 1400 });
  useEffect(() => {
    const measure = () => setShown({ now: Math.round(current()), max: Math.max(MIN, window.innerWidth - TEXT_MIN) });
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [width]);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    onWidth(clamp(window.innerWidth - event.clientX));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, () => number | undefined> = {
      ArrowLeft: () => clamp(current() + STEP),
      ArrowRight: () => clamp(current() - STEP),
      Home: () => clamp(Infinity),
      End: () => clamp(MIN),
      Enter: () => undefined,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    onWidth(move());
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Terminal width: arrow keys widen or narrow it, Enter restores it"
      aria-valuenow={shown.now}
      aria-valuemin={MIN}
      aria-valuemax={shown.max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onWidth(undefined)}
      className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-2 shrink-0 cursor-col-resize touch-none self-start border-l border-slate-200 bg-slate-100 hover:bg-harbor-300 focus-visible:bg-harbor-400 focus-visible:outline-none lg:block dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-harbor-700"
    />
  );
}
