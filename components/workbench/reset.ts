// Reset (confirmed): a terminal's machine starts afresh; for an exercise, its ticks and answers too.
import { progressStore } from '@/components/progress/store';
import type { Bench } from './bench-store';

export function confirmReset(bench: Bench, key: string, exerciseId?: string): boolean {
  const what = exerciseId
    ? 'This exercise starts afresh: its machine, its ticked checks and its quiz answers are forgotten.'
    : "This terminal's machine starts afresh: its files, images, containers and history are forgotten.";
  if (!window.confirm(`${what} Reset?`)) return false;
  bench.reset(key);
  const progress = progressStore();
  if (exerciseId) progress.resetExercise(exerciseId);
  progress.removeMachine(key);
  return true;
}
