'use client';
// The workbench layout of a lesson or an exercise: on a wide screen the text scrolls on one side
// while the terminal stays in view on the other (resizable, or full screen); on a narrow one the
// terminal opens over the page, one tap away, and keeps its state when closed. The terminal shown
// follows the part of the text being read; its tabs let the learner choose another.
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { BenchContext, terminalInView } from './bench-context';
import { createBench } from './bench-store';
import { BenchPanel } from './BenchPanel';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Resizer, useBenchWidth } from './Resizer';

/**
 * `page`: the storage prefix of its lesson terminals. The panel's place is kept from the first paint
 * (lessons and exercises always introduce a terminal), so the text does not jump when it arrives.
 */
export function Workbench({ page, children }: { page: string; children: ReactNode }) {
  const [bench] = useState(createBench);
  const value = useMemo(() => ({ bench, page }), [bench, page]);
  const [width, setWidth] = useBenchWidth();
  const expanded = useStore(bench, (s) => s.expanded);
  const hydrated = useHydrated();

  // The terminal follows the text: the one introduced last above 40% of the viewport's height.
  useEffect(() => {
    let frame = 0;
    let last: string | undefined;
    const update = () => {
      frame = 0;
      const key = terminalInView(window.innerHeight * 0.4);
      if (key && key !== last) {
        last = key;
        bench.activate(key);
      }
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    const unsubscribe = bench.subscribe((s, before) => s.terminals !== before.terminals && onScroll());
    onScroll();
    return () => {
      window.removeEventListener('scroll', onScroll);
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [bench]);

  // Over the page, the page behind does not scroll.
  useEffect(() => {
    if (!expanded) return;
    const before = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = before;
    };
  }, [expanded]);

  const style = (width ? { '--bench-w': `${width}px` } : {}) as CSSProperties;
  return (
    <BenchContext.Provider value={value}>
      <div className="lg:flex" style={style} data-workbench={page}>
        <div className="min-w-0 flex-1 px-4 py-8 sm:px-6 sm:py-12">
          {/* The panel comes after the text in reading order; keyboard users need not tab through it all. */}
          <button
            type="button"
            onClick={() => {
              const key = bench.getState().active;
              if (!key) return;
              if (window.matchMedia('(max-width: 1023px)').matches) bench.setExpanded(true);
              bench.withTerminal(key, (terminal) => terminal.focus());
            }}
            className="sr-only rounded bg-harbor-700 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:z-50"
          >
            Go to the terminal
          </button>
          <div className="mx-auto max-w-3xl">{children}</div>
        </div>
        <Resizer width={width} onWidth={setWidth} />
        <BenchPanel />
      </div>
      {!expanded && (
        <button
          type="button"
          disabled={!hydrated}
          onClick={() => bench.setExpanded(true)}
          className="fixed bottom-4 right-4 z-30 rounded-full bg-harbor-700 px-4 py-3 font-medium text-white shadow-lg hover:bg-harbor-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600 lg:hidden"
        >
          <span aria-hidden="true" className="mr-1 font-mono">&gt;_</span> Terminal
        </button>
      )}
    </BenchContext.Provider>
  );
}
