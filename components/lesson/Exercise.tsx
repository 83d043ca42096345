// `<Exercise id="run-nginx" />` in a lesson: the exercise's own block (goal, steps, hints, solution,
// its terminal and "Verify your work"). The data comes from content/exercises through lib/, as
// plain props; the checks themselves run beside the terminal, in the browser.
import { exerciseSummary } from '@/lib/exercises';
import { ExerciseView } from './ExerciseView';

export function Exercise({ id }: { id: string }) {
  const exercise = exerciseSummary(id);
  // The build refuses an unknown id (lib/lessons.ts); this only guards a page built by hand.
  if (!exercise) return null;
  return <ExerciseView exercise={exercise} />;
}
