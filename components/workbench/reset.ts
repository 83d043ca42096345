// Reset (confirmed): a terminal's machine starts afresh; for an exercise, its ticks and answers too.
import { loadProgress } from '@/components/progress/use-progress';
import type { Bench } from './bench-store';

export async function confirmReset(bench: Bench, key: string, exerciseId?: string): Promise<boolean> {
  const what = exerciseId
    ? 'This exercise starts afresh: its machine, its ticked checks and its quiz answers are forgotten.'
    : "This terminal's machine starts afresh: its files, images, containers and history are forgotten.";
  if (!window.confirm(`${what} Reset?`)) return false;
  const progress = await loadProgress();
  // In one go, before the terminal remounts: it must find no saved machine.
  bench.reset(key);
  if (exerciseId) progress.resetExercise(exerciseId);
  progress.removeMachine(key);
  return true;
}
