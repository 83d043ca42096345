'use client';
// One exercise on a page: what to do, hints and the solution on request, its own terminal, and the
// "Verify your work" list, whose boxes tick themselves when the machine proves the step (never on
// what the terminal printed), and quizzes for what no state can prove.
import { useCallback, useState } from 'react';
import type { ExerciseSummary } from '@/lib/exercises';
import { Terminal } from '@/components/terminal/Terminal';
import { Quiz } from './Quiz';

/** `level`: 2 inside a lesson, 1 when the exercise is the page (its own link). */
export function ExerciseView({ exercise, level = 2 }: { exercise: ExerciseSummary; level?: 1 | 2 }) {
  const Title = level === 1 ? 'h1' : 'h2';
  const Sub = level === 1 ? 'h2' : 'h3';
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  // A box that ticked stays ticked: the step was done, even if the learner goes on to stop the container.
  const onChecks = useCallback((results: { id: string; passed: boolean }[]) => {
    setTicked((before) => {
      const after = { ...before };
      let changed = false;
      for (const r of results) if (r.passed && !after[r.id]) (after[r.id] = true), (changed = true);
      return changed ? after : before;
    });
  }, []);
  const states = exercise.checks.filter((c) => c.kind === 'state');
  const quizzes = exercise.checks.filter((c) => c.kind === 'quiz');
  const done = states.filter((c) => ticked[c.id]).length;

  return (
    <section id={exercise.id} aria-labelledby={`${exercise.id}-title`} className="not-prose my-10 scroll-mt-6 rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800" data-exercise={exercise.id}>
      <p className="text-sm font-semibold uppercase tracking-wide text-harbor-700 dark:text-harbor-300">Exercise</p>
      <Title id={`${exercise.id}-title`} className="mt-1 text-2xl font-semibold text-slate-900 dark:text-white">
        {exercise.title}
      </Title>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{exercise.goal}</p>
      <ol className="mt-4 list-decimal space-y-1 pl-6 text-slate-800 dark:text-slate-200">
        {exercise.steps.map((step, i) => (
          <li key={i}>
            <Inline text={step} />
          </li>
        ))}
      </ol>
      <details className="mt-4 rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
        <summary className="cursor-pointer font-medium text-slate-900 dark:text-white">Hints</summary>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
          {exercise.hints.map((hint, i) => (
            <li key={i}>
              <Inline text={hint} />
            </li>
          ))}
        </ul>
      </details>
      <details className="mt-2 rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
        <summary className="cursor-pointer font-medium text-slate-900 dark:text-white">Show the solution</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 font-mono text-sm text-slate-100" tabIndex={0}>
          {exercise.solution.join('\n')}
        </pre>
      </details>

      <Terminal scenario={exercise.scenario} title={`${exercise.title}: terminal`} exerciseId={exercise.id} onChecks={onChecks} />

      <Sub className="mt-6 text-lg font-semibold text-slate-900 dark:text-white">Verify your work</Sub>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {done} of {states.length} done{done === states.length ? ': well done.' : '. The boxes tick themselves as the machine proves each step.'}
      </p>
      <ul className="mt-3 space-y-2">
        {states.map((c) => (
          <li key={c.id}>
            <label className="flex items-start gap-3 text-slate-800 dark:text-slate-200" data-check={c.id} data-passed={Boolean(ticked[c.id])}>
              <input type="checkbox" checked={Boolean(ticked[c.id])} readOnly aria-readonly="true" className="mt-1 h-4 w-4 accent-emerald-600" />
              <span>
                <Inline text={c.label} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      {quizzes.map((q) => (
        <Quiz key={q.id} id={`${exercise.id}-${q.id}`} label={q.label} question={q.question!} answers={q.answers!} />
      ))}
    </section>
  );
}

/** Text with `code` spans, as the exercise data writes them. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith('`') && part.endsWith('`') ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
