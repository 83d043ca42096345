'use client';
// Progress where the course is listed: on a chapter's card (its exercises done) and beside an
// exercise (its checks done). Nothing shows until the learner has begun.
import { exerciseStatus, type ExerciseShape } from './status';
import { useProgress } from './use-progress';

export function ChapterProgress({ exercises }: { exercises: ExerciseShape[] }) {
  const progress = useProgress((s) => s.progress);
  if (!exercises.length) return null;
  const statuses = exercises.map((e) => exerciseStatus(progress, e));
  if (!statuses.some((s) => s.started)) return null;
  const complete = statuses.filter((s) => s.complete).length;
  return (
    <span className="mt-2 block text-sm font-medium text-emerald-700 dark:text-emerald-400" data-chapter-progress>
      {complete} of {exercises.length} exercise{exercises.length === 1 ? '' : 's'} done
    </span>
  );
}

export function ExerciseProgressBadge({ exercise }: { exercise: ExerciseShape }) {
  const progress = useProgress((s) => s.progress);
  const status = exerciseStatus(progress, exercise);
  if (!status.started) return null;
  return (
    <span className={`ml-2 rounded-full px-2 py-0.5 text-xs font-medium ${status.complete ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`} data-exercise-progress={exercise.id}>
      {status.complete ? 'done' : `${status.done} of ${status.total}`}
    </span>
  );
}
