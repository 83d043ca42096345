import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { exerciseIds, exerciseSummary } from '@/lib/exercises';
import { ExerciseView } from '@/components/lesson/ExerciseView';

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
    <div className="max-w-3xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        From chapter {exercise.chapter.number},{' '}
        <Link href={exercise.chapter.href} className="underline hover:text-harbor-700 dark:hover:text-harbor-300">
          {exercise.chapter.title}
        </Link>{' '}
        · <Link href="/exercises/" className="underline hover:text-harbor-700 dark:hover:text-harbor-300">All exercises</Link>
      </p>
      <ExerciseView exercise={exercise} level={1} />
    </div>
  );
}
