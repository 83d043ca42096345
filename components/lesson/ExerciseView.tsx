'use client';
// One exercise on a page: what to do, hints and the solution on request, its own terminal (in the
// workbench panel, under the exercise's id), and the "Verify your work" list, whose boxes tick
// themselves when the machine proves the step (never on what the terminal printed), and quizzes
// for what no state can prove. Ticks and answers are kept with the learner's progress.
import { useState } from 'react';
import type { ExerciseSummary } from '@/lib/exercises';
import { useProgress } from '@/components/progress/use-progress';
import { useBenchContext } from '@/components/workbench/bench-context';
import { TerminalMarker } from '@/components/workbench/TerminalMarker';
import { confirmReset } from '@/components/workbench/reset';
import { CodeBlock } from './CodeBlock';
import { Quiz } from './Quiz';
import { Inline } from './Inline';

const NONE: readonly string[] = [];

/** `level`: 2 inside a lesson, 1 when the exercise is the page (its own link). */
export function ExerciseView({ exercise, level = 2 }: { exercise: ExerciseSummary; level?: 1 | 2 }) {
  const Title = level === 1 ? 'h1' : 'h2';
  const Sub = level === 1 ? 'h2' : 'h3';
  const context = useBenchContext();
  // A box that ticked stays ticked: the step was done, even if the learner goes on to stop the container.
  const proved = useProgress((s) => (Object.hasOwn(s.progress.exercises, exercise.id) ? s.progress.exercises[exercise.id].checks : NONE));
  const states = exercise.checks.filter((c) => c.kind === 'state');
  const quizzes = exercise.checks.filter((c) => c.kind === 'quiz');
  const done = states.filter((c) => proved.includes(c.id)).length;
  const [linkStatus, setLinkStatus] = useState('');

  const copyLink = async () => {
    const link = `${window.location.origin}/exercises/${exercise.id}/`;
    try {
      await navigator.clipboard.writeText(link);
      setLinkStatus(`Copied ${link}`);
    } catch {
      setLinkStatus(`Copy this link: ${link}`);
    }
  };
  const reset = () => context && confirmReset(context.bench, `exercise:${exercise.id}`, exercise.id);

  return (
    <section
      id={exercise.id}
      aria-labelledby={`${exercise.id}-title`}
      className="not-prose my-10 scroll-mt-20 rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800"
      data-exercise={exercise.id}
      data-bench-anchor={`exercise:${exercise.id}`}
      data-bench-scope="inside"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-harbor-700 dark:text-harbor-300">Exercise</p>
        <span className="flex gap-2">
          <SmallButton onClick={copyLink} label={`Copy link to the exercise ${exercise.title}`}>
            Copy link
          </SmallButton>
          {context && (
            <SmallButton onClick={reset} label={`Reset the exercise ${exercise.title}`}>
              Reset
            </SmallButton>
          )}
        </span>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-slate-600 empty:hidden dark:text-slate-400">
        {linkStatus}
      </p>
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
        <CodeBlock>
          <code className="language-bash">{exercise.solution.join('\n')}</code>
        </CodeBlock>
      </details>

      <TerminalMarker scenario={exercise.scenario} title={`Exercise: ${exercise.title}`} tab={exercise.title} exerciseId={exercise.id} anchored={false} />

      <Sub className="mt-6 text-lg font-semibold text-slate-900 dark:text-white">Verify your work</Sub>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {done} of {states.length} done{done === states.length ? ': well done.' : '. The boxes tick themselves as the machine proves each step.'}
      </p>
      <ul className="mt-3 space-y-2">
        {states.map((c) => (
          <li key={c.id}>
            <label className="flex items-start gap-3 text-slate-800 dark:text-slate-200" data-check={c.id} data-passed={proved.includes(c.id)}>
              <input type="checkbox" checked={proved.includes(c.id)} readOnly aria-readonly="true" className="mt-1 h-4 w-4 accent-emerald-600" />
              <span>
                <Inline text={c.label} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      {quizzes.map((q) => (
        <Quiz key={q.id} exerciseId={exercise.id} quizId={q.id} label={q.label} question={q.question!} answers={q.answers!} />
      ))}
    </section>
  );
}

function SmallButton({ onClick, label, children }: { onClick(): void; label: string; children: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:border-harbor-600 hover:text-harbor-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600 dark:border-slate-700 dark:text-slate-300 dark:hover:text-harbor-300"
    >
      {children}
    </button>
  );
}
