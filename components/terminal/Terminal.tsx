'use client';

import { useEffect, useRef, useState } from 'react';
import type { MountedTerminal } from './mount';

interface TerminalProps {
  /** Named starting world from simulators/scenarios (the learner's laptop by default). */
  scenario?: string;
  /** Accessible name and title bar text. */
  title?: string;
  /** An exercise whose checks run against this terminal's machine. */
  exerciseId?: string;
  /** Hears each check's result whenever the machine changes. */
  onChecks?(results: { id: string; passed: boolean }[]): void;
}

type Status = 'waiting' | 'loading' | 'ready' | 'failed';

/**
 * A terminal in a lesson. The page ships only this small shell: xterm.js and the simulator load
 * when the terminal scrolls near the viewport, behind a placeholder of the same size and look.
 */
export function Terminal({ scenario = 'laptop', title = 'Terminal', exerciseId, onChecks }: TerminalProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLElement>(null);
  const mounted = useRef<MountedTerminal | null>(null);
  const wantsFocus = useRef(false);
  // The latest listener, read when results arrive, so a new callback never remounts the terminal.
  const checksRef = useRef(onChecks);
  checksRef.current = onChecks;
  const [status, setStatus] = useState<Status>('waiting');

  useEffect(() => {
    const frame = frameRef.current;
    const host = hostRef.current;
    if (!frame || !host) return;
    let cancelled = false;
    const load = () => {
      setStatus('loading');
      import('./mount')
        .then(({ mountTerminal }) => {
          if (cancelled) return;
          mounted.current = mountTerminal(host, { scenario, title, exerciseId, onChecks: (results) => checksRef.current?.(results) });
          setStatus('ready');
          if (wantsFocus.current) mounted.current.focus();
        })
        .catch(() => !cancelled && setStatus('failed'));
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: '200px' },
    );
    observer.observe(frame);
    return () => {
      cancelled = true;
      observer.disconnect();
      mounted.current?.dispose();
      mounted.current = null;
    };
  }, [scenario, title, exerciseId]);

  const focus = () => {
    if (mounted.current) mounted.current.focus();
    else wantsFocus.current = true;
  };

  return (
    <figure ref={frameRef} className="not-prose my-6 overflow-hidden rounded-lg border border-slate-700 bg-terminal shadow-sm" data-terminal data-status={status}>
      <div className="flex items-center gap-2 border-b border-slate-700 px-3 py-1.5">
        <span aria-hidden="true" className="flex gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full bg-slate-600" />
          <span className="h-2.5 w-2.5 rounded-full bg-slate-600" />
          <span className="h-2.5 w-2.5 rounded-full bg-slate-600" />
        </span>
        <figcaption className="truncate font-mono text-xs text-slate-300">{title}</figcaption>
      </div>
      <div className="relative h-80 px-2 py-1.5" onClick={focus}>
        <div ref={hostRef} className="h-full w-full" role="group" aria-label={title} />
        {status !== 'ready' && <Placeholder status={status} />}
      </div>
      <p className="border-t border-slate-700 px-3 py-1.5 text-xs text-slate-300">
        Click to type · <kbd className="font-mono">Tab</kbd> completes · <kbd className="font-mono">help</kbd> lists commands ·{' '}
        <kbd className="font-mono">Esc</kbd> then <kbd className="font-mono">Tab</kbd> leaves the terminal
      </p>
    </figure>
  );
}

/** Looks like the terminal's first line, so nothing moves when the real one takes its place. */
function Placeholder({ status }: { status: Status }) {
  return (
    <div className="absolute inset-0 px-2 py-1.5 font-mono text-sm leading-[1.2] text-slate-200" role="status">
      {status === 'failed' ? (
        <span className="text-red-300">The terminal could not load. Reload the page to try again.</span>
      ) : (
        <>
          <span className="font-bold text-[#8ae234]">learner@laptop</span>:<span className="font-bold text-[#729fcf]">~</span>$ <span className="inline-block h-[1.1em] w-[0.6em] translate-y-[0.15em] bg-slate-300" aria-hidden="true" />
          <span className="sr-only">Terminal loading</span>
        </>
      )}
    </div>
  );
}
