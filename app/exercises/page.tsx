import type { Metadata } from 'next';
import Link from 'next/link';
import { exerciseSummaries } from '@/lib/exercises';
import { PageBody } from '@/components/ui/PageBody';
import { shapeOf } from '@/components/progress/status';
import { ExerciseProgressBadge } from '@/components/progress/ProgressBadges';

export const metadata: Metadata = {
  title: 'Exercises',
  description: 'Every exercise of the course with its stable link: what it asks and what its checks require.',
};

export default function ExercisesPage() {
  const all = exerciseSummaries();
  return (
    <PageBody>
      <div className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Exercises</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        Each exercise has a stable link you can give a class: it opens on its own, with its terminal and its checks. Its id never changes.
      </p>
      <ul className="mt-8 space-y-6">
        {all.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <h2 className="text-xl font-semibold text-slate-900 dark:text-white">
              <Link href={`/exercises/${e.id}/`} className="hover:text-harbor-700 dark:hover:text-harbor-300">
                {e.title}
              </Link>
              <ExerciseProgressBadge exercise={shapeOf(e)} />
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              <code className="font-mono">{e.id}</code> · Chapter {e.chapter.number}:{' '}
              <Link href={`${e.chapter.href}#${e.id}`} className="underline">
                {e.chapter.title}
              </Link>
            </p>
            <p className="mt-2 text-slate-700 dark:text-slate-300">{e.goal}</p>
            <p className="mt-2 text-sm font-medium text-slate-900 dark:text-white">Its checks</p>
            <ul className="mt-1 list-disc pl-6 text-sm text-slate-700 dark:text-slate-300">
              {e.checks.map((c) => (
                <li key={c.id}>
                  {c.kind === 'quiz' ? 'Quiz: ' : ''}
                  {c.label.replace(/`/g, '')}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      </div>
    </PageBody>
  );
}
