'use client';
// The learner's progress on one page, and how it travels without an account: a file to export and
// import, and, while it is short enough, a link that carries it.
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { exerciseStatus, type ExerciseShape } from './status';
import { loadProgress, useProgress } from './use-progress';

export interface ProgressExercise extends ExerciseShape {
  title: string;
  href: string;
  chapter: string;
}

/** Browsers and chat tools cut longer links. */
const LINK_LIMIT = 2000;
const HASH = '#import=';

const encode = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const decode = (text: string) => atob(text.replace(/-/g, '+').replace(/_/g, '/'));

export function ProgressPage({ exercises }: { exercises: ProgressExercise[] }) {
  const progress = useProgress((s) => s.progress);
  const [status, setStatus] = useState('');
  const [offered, setOffered] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // A progress link: offered, never applied without the learner's say (also when pasted while here).
  useEffect(() => {
    const read = () => {
      if (!window.location.hash.startsWith(HASH)) return;
      try {
        setOffered(decode(window.location.hash.slice(HASH.length)));
        setStatus('');
      } catch {
        setOffered(null);
        setStatus('This progress link is damaged: nothing was imported.');
      }
      window.history.replaceState(null, '', window.location.pathname);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  const apply = async (text: string, from: string) => {
    const result = (await loadProgress()).importText(text);
    setStatus(result.ok ? `Imported ${from}: ${result.exercises} exercise${result.exercises === 1 ? '' : 's'} and ${result.machines} saved terminal${result.machines === 1 ? '' : 's'}.` : result.error);
  };

  const exportFile = async () => {
    const file = (await loadProgress()).exportFile(new Date());
    const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `berth-progress-${file.exportedAt.slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
    setStatus(`Exported ${a.download}. Import it on another browser to carry on there.`);
  };

  const makeLink = async () => {
    const { machines: _machines, ...rest } = (await loadProgress()).exportFile(new Date());
    const url = `${window.location.origin}/progress/${HASH}${encode(JSON.stringify(rest))}`;
    if (url.length > LINK_LIMIT) {
      setLink(null);
      setStatus('Your progress is too long for a link; export it as a file instead.');
      return;
    }
    setLink(url);
    navigator.clipboard?.writeText(url).then(
      () => setStatus('Copied a link with your ticks and answers (not your terminals). Open it on another browser to import them.'),
      () => setStatus('Copy the link below; open it on another browser to import your ticks and answers.'),
    );
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 20_000_000) return setStatus('This file is too big to be a Berth progress file: nothing was imported.');
    await apply(await file.text(), file.name);
    if (fileRef.current) fileRef.current.value = '';
  };

  const done = exercises.filter((e) => exerciseStatus(progress, e).complete).length;
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Your progress</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        Berth keeps your progress in this browser only: the checks your machines proved, your quiz answers and each terminal as you left it. Nothing is sent anywhere. To carry on
        elsewhere, export it and import it there.
      </p>
      <p className="mt-6 font-medium text-slate-900 dark:text-white" data-progress-summary>
        {done} of {exercises.length} exercises done.
      </p>
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {exercises.map((e) => {
          const s = exerciseStatus(progress, e);
          return (
            <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <span>
                <Link href={e.href} className="font-medium text-slate-900 underline-offset-2 hover:underline dark:text-white">
                  {e.title}
                </Link>{' '}
                <span className="text-sm text-slate-600 dark:text-slate-400">· {e.chapter}</span>
              </span>
              <span className="text-sm text-slate-700 dark:text-slate-300" data-progress-of={e.id}>
                {s.complete ? 'done' : s.started ? `${s.done} of ${s.total} checks` : 'not started'}
              </span>
            </li>
          );
        })}
      </ul>

      <h2 className="mt-10 text-xl font-semibold text-slate-900 dark:text-white">Take it to another browser</h2>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={exportFile} className={BUTTON}>
          Export progress
        </button>
        <button type="button" onClick={makeLink} className={BUTTON}>
          Copy a progress link
        </button>
        <label className={`${BUTTON} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-harbor-600`}>
          Import a file
          <input ref={fileRef} type="file" accept="application/json,.json" className="sr-only" onChange={(e) => onFile(e.target.files?.[0])} />
        </label>
      </div>
      {link && (
        <p className="mt-3 break-all rounded bg-slate-100 p-2 font-mono text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200" data-progress-link>
          {link}
        </p>
      )}
      {offered !== null && (
        <div className="mt-6 rounded-lg border border-harbor-600 p-4 dark:border-harbor-300">
          <p className="text-slate-900 dark:text-white">This link carries progress from another browser. Add it to the progress kept here?</p>
          <div className="mt-3 flex gap-3">
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                void apply(offered, 'the link');
                setOffered(null);
              }}
            >
              Import it
            </button>
            <button type="button" className={QUIET} onClick={() => setOffered(null)}>
              No, thanks
            </button>
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" className="mt-4 text-slate-800 dark:text-slate-200" data-progress-status>
        {status}
      </p>
    </div>
  );
}

const BUTTON =
  'rounded-md bg-harbor-700 px-4 py-2 font-medium text-white hover:bg-harbor-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600';
const QUIET =
  'rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:border-harbor-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600 dark:border-slate-700 dark:text-slate-200';
