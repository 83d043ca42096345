// How far a learner is with an exercise or a chapter, from saved progress and the exercise's checks.
import type { ExerciseProgress, Progress } from './schema';

/** What the status needs of an exercise: its state checks and each quiz's right answers. */
export interface ExerciseShape {
  id: string;
  states: readonly string[];
  quizzes: readonly { id: string; correct: readonly number[] }[];
}

export interface ExerciseStatus {
  /** Checks proved plus quizzes answered rightly. */
  done: number;
  total: number;
  complete: boolean;
  started: boolean;
}

export function exerciseStatus(progress: Progress, exercise: ExerciseShape): ExerciseStatus {
  const mine: ExerciseProgress | undefined = Object.hasOwn(progress.exercises, exercise.id) ? progress.exercises[exercise.id] : undefined;
  const states = exercise.states.filter((id) => mine?.checks.includes(id)).length;
  const quizzes = exercise.quizzes.filter((q) => mine && Object.hasOwn(mine.quizzes, q.id) && q.correct.includes(mine.quizzes[q.id])).length;
  const total = exercise.states.length + exercise.quizzes.length;
  const done = states + quizzes;
  return { done, total, complete: total > 0 && done === total, started: Boolean(mine && (mine.checks.length || Object.keys(mine.quizzes).length)) };
}

/** The shape of an exercise as the pages describe it (lib/exercises.ts's summaries). */
export function shapeOf(exercise: { id: string; checks: readonly { id: string; kind: 'state' | 'quiz'; answers?: readonly { correct: boolean }[] }[] }): ExerciseShape {
  return {
    id: exercise.id,
    states: exercise.checks.filter((c) => c.kind === 'state').map((c) => c.id),
    quizzes: exercise.checks
      .filter((c) => c.kind === 'quiz')
      .map((c) => ({ id: c.id, correct: (c.answers ?? []).flatMap((a, i) => (a.correct ? [i] : [])) })),
  };
}
