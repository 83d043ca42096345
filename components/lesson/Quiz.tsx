'use client';
// A question no machine state can answer (why a container is lighter than a VM): pick an answer,
// read why it is right or wrong; a right answer counts as done. The choice is kept with progress.
import { useEffect, useId, useRef, useState } from 'react';
import { loadProgress, useProgress } from '@/components/progress/use-progress';
import { Inline } from './Inline';

interface Answer {
  text: string;
  correct: boolean;
  why: string;
}

interface QuizProps {
  exerciseId: string;
  quizId: string;
  label: string;
  question: string;
  answers: Answer[];
}

export function Quiz({ exerciseId, quizId, label, question, answers }: QuizProps) {
  const saved = useProgress((s) => (Object.hasOwn(s.progress.exercises, exerciseId) ? s.progress.exercises[exerciseId].quizzes[quizId] : undefined));
  // The choice shows at once; the saved one (the store loads after the page) takes over when there.
  const [picked, setPicked] = useState<number | null>(null);
  const chosen = typeof saved === 'number' && saved < answers.length ? saved : picked;
  // A saved answer that goes away (Reset) takes the shown choice with it.
  const before = useRef(saved);
  useEffect(() => {
    if (before.current !== undefined && saved === undefined) setPicked(null);
    before.current = saved;
  }, [saved]);
  const choose = (index: number) => {
    setPicked(index);
    void loadProgress().then((store) => store.answer(exerciseId, quizId, index));
  };
  const name = useId();
  const answer = chosen === null ? null : answers[chosen];
  return (
    <fieldset className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-quiz={`${exerciseId}-${quizId}`} data-answered={answer?.correct ? 'right' : answer ? 'wrong' : 'no'}>
      <legend className="px-1 text-sm font-semibold uppercase tracking-wide text-harbor-700 dark:text-harbor-300">Quiz: {label}</legend>
      <p className="font-medium text-slate-900 dark:text-white">
        <Inline text={question} />
      </p>
      <div className="mt-3 space-y-2">
        {answers.map((a, i) => (
          <label key={i} className="flex items-start gap-3 text-slate-800 dark:text-slate-200">
            <input type="radio" name={name} checked={chosen === i} onChange={() => choose(i)} className="mt-1 h-4 w-4 accent-harbor-700" />
            <span>
              <Inline text={a.text} />
            </span>
          </label>
        ))}
      </div>
      <p className="mt-3 text-sm" role="status" aria-live="polite">
        {answer && (
          <span className={answer.correct ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}>
            {answer.correct ? 'Right. ' : 'Not quite. '}
            <Inline text={answer.why} />
          </span>
        )}
      </p>
    </fieldset>
  );
}
