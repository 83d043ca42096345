'use client';
// The terminal side of the workbench: a tab per terminal the page introduced, the terminals
// themselves (each mounted once shown, then kept), Reset, and full screen.
import { useEffect, useRef } from 'react';
import { TerminalView } from '@/components/terminal/TerminalView';
import { useBench, useBenchContext } from './bench-context';
import { confirmReset } from './reset';

export function BenchPanel() {
  const { bench } = useBenchContext()!;
  const terminals = useBench((s) => s.terminals);
  const active = useBench((s) => s.active);
  const shown = useBench((s) => s.shown);
  const expanded = useBench((s) => s.expanded);
  const generation = useBench((s) => s.generation);
  const current = terminals.find((t) => t.key === active);

  // Opening over the page puts the learner in the terminal; closing returns to where they were.
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    if (expanded) {
      returnTo.current = document.activeElement;
      if (active) bench.withTerminal(active, (t) => t.focus());
    } else if (returnTo.current instanceof HTMLElement) {
      returnTo.current.focus();
      returnTo.current = null;
    }
    // Only a change of `expanded` moves focus.
  }, [expanded]);

  const reset = () => current && confirmReset(bench, current.key, current.exerciseId);

  const frame = expanded
    ? 'fixed inset-0 z-50 flex h-dvh w-screen flex-col'
    : 'hidden lg:sticky lg:top-14 lg:flex lg:h-[calc(100dvh-3.5rem)] lg:w-[var(--bench-w,clamp(420px,46vw,1100px))] lg:shrink-0 lg:flex-col lg:self-start';

  return (
    <aside aria-label="Terminal" data-bench-panel data-expanded={expanded} className={`${frame} bg-terminal text-slate-200 focus-within:outline focus-within:outline-2 focus-within:-outline-offset-2 focus-within:outline-harbor-400`}>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-700 px-2 py-1.5">
        {terminals.length > 1 ? (
          <div role="tablist" aria-label="Terminals on this page" className="flex min-w-0 flex-1 flex-wrap gap-1">
            {terminals.map((t) => (
              <button
                key={t.key}
                type="button"
                role="tab"
                id={`tab-${t.key}`}
                aria-selected={t.key === active}
                aria-controls={`panel-${t.key}`}
                onClick={() => bench.withTerminal(t.key, (h) => h.focus())}
                className={`max-w-full truncate rounded px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-harbor-300 ${t.key === active ? 'bg-slate-700 text-white' : 'text-slate-300 hover:bg-slate-800'}`}
              >
                {t.tab}
              </button>
            ))}
          </div>
        ) : (
          <p className="min-w-0 flex-1 truncate px-1 font-mono text-xs text-slate-300">{current?.title}</p>
        )}
        <span className="flex gap-1">
          <ToolButton onClick={reset}>Reset</ToolButton>
          <ToolButton onClick={() => bench.setExpanded(!expanded)}>
            {expanded ? (
              <>
                <span className="max-lg:hidden">Exit full screen</span>
                <span className="lg:hidden">Back to the text</span>
              </>
            ) : (
              'Full screen'
            )}
          </ToolButton>
        </span>
      </div>
      <div className="min-h-0 flex-1 px-2 py-1.5">
        {terminals.length === 0 && <p className="p-1.5 font-mono text-sm text-slate-300">Starting the terminal…</p>}
        {terminals
          .filter((t) => shown.includes(t.key))
          .map((t) => (
            <div key={t.key} id={`panel-${t.key}`} role={terminals.length > 1 ? 'tabpanel' : undefined} aria-labelledby={terminals.length > 1 ? `tab-${t.key}` : undefined} hidden={t.key !== active} className="h-full">
              <TerminalView
                key={generation[t.key] ?? 0}
                bench={bench}
                storageKey={t.key}
                scenario={t.scenario}
                title={t.title}
                exerciseId={t.exerciseId}
                active={t.key === active}
              />
            </div>
          ))}
      </div>
      <p className="border-t border-slate-700 px-3 py-1.5 text-xs text-slate-300 max-lg:hidden">
        <kbd className="font-mono">Tab</kbd> completes · <kbd className="font-mono">help</kbd> lists commands · <kbd className="font-mono">Esc</kbd> then{' '}
        <kbd className="font-mono">Tab</kbd> leaves the terminal
      </p>
    </aside>
  );
}

function ToolButton({ onClick, children }: { onClick(): void; children: React.ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="rounded px-2 py-1 text-xs font-medium text-slate-200 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-harbor-300">
      {children}
    </button>
  );
}
