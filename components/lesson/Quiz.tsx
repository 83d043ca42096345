'use client';
// A question no machine state can answer (why a container is lighter than a VM): pick an answer,
// read why it is right or wrong; a right answer counts as done.
import { useId, useState } from 'react';

interface Answer {
  text: string;
  correct: boolean;
  why: string;
}

export function Quiz({ id, label, question, answers }: { id: string; label: string; question: string; answers: Answer[] }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const name = useId();
  const answer = chosen === null ? null : answers[chosen];
  return (
    <fieldset className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-quiz={id} data-answered={answer?.correct ? 'right' : answer ? 'wrong' : 'no'}>
      <legend className="px-1 text-sm font-semibold uppercase tracking-wide text-harbor-700 dark:text-harbor-300">Quiz: {label}</legend>
      <p className="font-medium text-slate-900 dark:text-white">{question}</p>
      <div className="mt-3 space-y-2">
        {answers.map((a, i) => (
          <label key={i} className="flex items-start gap-3 text-slate-800 dark:text-slate-200">
            <input type="radio" name={name} checked={chosen === i} onChange={() => setChosen(i)} className="mt-1 h-4 w-4 accent-harbor-700" />
            <span>{a.text}</span>
          </label>
        ))}
      </div>
      <p className="mt-3 text-sm" role="status" aria-live="polite">
        {answer && (
          <span className={answer.correct ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}>
            {answer.correct ? 'Right. ' : 'Not quite. '}
            {answer.why}
          </span>
        )}
      </p>
    </fieldset>
  );
}
