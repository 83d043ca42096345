'use client';
// Where the text introduces a terminal: `<Terminal scenario="..." title="..." />` in a lesson, or an
// exercise's own. The terminal itself lives in the workbench panel; this marks the place (what
// follows it uses that terminal) and offers to bring it up.
import { useEffect } from 'react';
import { useBench, useBenchContext } from './bench-context';
import { useHydrated } from '@/components/ui/use-hydrated';

interface TerminalMarkerProps {
  /** Named starting world from simulators/scenarios (the learner's laptop by default). */
  scenario?: string;
  /** Accessible name and the panel's title. */
  title?: string;
  /** Its name on the panel's tabs (the lesson's terminal is "Lesson"). */
  tab?: string;
  /** Set by an exercise: its terminal is kept apart from the lesson's, under the exercise's id. */
  exerciseId?: string;
  /** An exercise marks its whole section instead (data-bench-scope="inside"), so no anchor here. */
  anchored?: boolean;
}

export function TerminalMarker({ scenario = 'laptop', title = 'Terminal', tab = 'Lesson', exerciseId, anchored = true }: TerminalMarkerProps) {
  const context = useBenchContext();
  const key = exerciseId ? `exercise:${exerciseId}` : `${context?.page ?? 'lesson:page'}:${scenario}`;
  useEffect(() => context?.bench.register({ key, title, tab, scenario, exerciseId }), [context, key, title, tab, scenario, exerciseId]);
  const active = useBench((s) => s.active === key);
  const hydrated = useHydrated();

  const bringUp = () => {
    if (!context) return;
    if (window.matchMedia('(max-width: 1023px)').matches) context.bench.setExpanded(true);
    context.bench.withTerminal(key, (terminal) => terminal.focus());
  };

  return (
    <div
      className="not-prose my-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-slate-50 px-4 py-3 dark:border-slate-700 dark:bg-slate-900"
      data-bench-anchor={anchored ? key : undefined}
      data-terminal-marker={key}
    >
      <p className="text-sm text-slate-800 dark:text-slate-200">
        <span aria-hidden="true" className="mr-2 font-mono text-harbor-700 dark:text-harbor-300">&gt;_</span>
        <span className="font-mono">{title}</span>
        <span className="max-lg:hidden">{active ? ': in the panel beside the text.' : ': open it beside the text.'}</span>
      </p>
      <button
        type="button"
        disabled={!hydrated}
        onClick={bringUp}
        className="rounded-md bg-harbor-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-harbor-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600"
      >
        <span className="max-lg:hidden">{active ? 'Type in it' : 'Use this terminal'}</span>
        <span className="lg:hidden">Open the terminal</span>
      </button>
    </div>
  );
}
