import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { exerciseIds, exerciseSummary } from '@/lib/exercises';
import { ExerciseView } from '@/components/lesson/ExerciseView';
import { Workbench } from '@/components/workbench/Workbench';

export const dynamicParams = false;

export function generateStaticParams() {
  return exerciseIds().map((id) => ({ id }));
}

interface ExerciseRoute {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: ExerciseRoute): Promise<Metadata> {
  const { id } = await params;
  const exercise = exerciseSummary(id);
  return exercise ? { title: exercise.title, description: exercise.goal } : {};
}

/** One exercise alone (focus mode), for an instructor's link; its chapter is one click away. */
export default async function ExercisePage({ params }: ExerciseRoute) {
  const { id } = await params;
  const exercise = exerciseSummary(id);
  if (!exercise) notFound();
  return (
    <Workbench page={`exercise:${id}`}>
      <p className="site-chrome text-sm text-slate-600 dark:text-slate-400">
        From chapter {exercise.chapter.number},{' '}
        <Link href={exercise.chapter.href} className="underline hover:text-harbor-700 dark:hover:text-harbor-300">
          {exercise.chapter.title}
        </Link>{' '}
        · <Link href="/exercises/" className="underline hover:text-harbor-700 dark:hover:text-harbor-300">All exercises</Link>
      </p>
      <p className="embed-only text-sm text-slate-600 dark:text-slate-400">
        An exercise from{' '}
        <a href={`${exercise.chapter.href}#${exercise.id}`} target="_blank" rel="noopener" className="underline hover:text-harbor-700 dark:hover:text-harbor-300">
          Berth, chapter {exercise.chapter.number}: {exercise.chapter.title}
        </a>
      </p>
      <ExerciseView exercise={exercise} level={1} />
    </Workbench>
  );
}
