'use client';
// One terminal in the workbench panel. The page ships only this small shell: xterm.js and the
// simulator load when the terminal is first shown, behind a placeholder that says it is loading and
// keeps what the learner types meanwhile.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MountedTerminal } from './mount';
import type { Bench } from '@/components/workbench/bench-store';

interface TerminalViewProps {
  bench: Bench;
  storageKey: string;
  scenario: string;
  title: string;
  exerciseId?: string;
  /** Shown beside the text now (the others stay mounted, hidden, with their state). */
  active: boolean;
}

type Status = 'loading' | 'ready' | 'failed';

export function TerminalView({ bench, storageKey, scenario, title, exerciseId, active }: TerminalViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const placeholderRef = useRef<HTMLDivElement>(null);
  const mounted = useRef<MountedTerminal | null>(null);
  const typed = useRef('');
  const [shownTyping, setShownTyping] = useState('');
  const [status, setStatus] = useState<Status>('loading');

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let cancelled = false;
    let detach = () => {};
    import('./mount')
      .then(({ mountTerminal }) => {
        if (cancelled) return;
        const hadFocus = document.activeElement === placeholderRef.current;
        const terminal = mountTerminal(host, { storageKey, scenario, title, exerciseId, typedAhead: typed.current });
        mounted.current = terminal;
        typed.current = '';
        setStatus('ready');
        detach = bench.attach(storageKey, terminal);
        if (hadFocus) terminal.focus();
      })
      .catch(() => !cancelled && setStatus('failed'));
    return () => {
      cancelled = true;
      detach();
      mounted.current?.dispose();
      mounted.current = null;
    };
  }, [bench, storageKey, scenario, title, exerciseId]);

  // Keys typed before the terminal is there are kept and given to it when it arrives.
  const onPlaceholderKey = (event: KeyboardEvent) => {
    if (event.key === 'Tab' || event.metaKey || event.ctrlKey || event.altKey) return;
    let key: string | undefined;
    if (event.key === 'Enter') key = '\r';
    else if (event.key === 'Backspace') key = '\x7f';
    else if (event.key.length === 1) key = event.key;
    if (key === undefined) return;
    // Space would scroll the page away.
    event.preventDefault();
    typed.current = key === '\x7f' ? typed.current.slice(0, -1) : typed.current + key;
    setShownTyping(typed.current.replace(/\r/g, '⏎ '));
  };

  return (
    <div className="relative h-full min-h-0" hidden={!active} data-terminal={storageKey} data-status={status}>
      <div ref={hostRef} className="h-full w-full" role="group" aria-label={title} />
      {status !== 'ready' && (
        <div
          ref={placeholderRef}
          tabIndex={0}
          onKeyDown={onPlaceholderKey}
          className="absolute inset-0 p-3 font-mono text-sm text-slate-300 focus:outline-none"
          aria-label={`${title}: loading. What you type now is kept.`}
        >
          <p role="status">{status === 'failed' ? <span className="text-red-300">The terminal could not load. Reload the page to try again.</span> : 'Starting the terminal…'}</p>
          {status === 'loading' && shownTyping && (
            <p className="mt-2 break-all text-slate-400">
              Kept for when it is ready: <span className="text-slate-100">{shownTyping}</span>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
