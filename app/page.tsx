import Link from 'next/link';
import { COURSE } from '@/content/course';
import { chapters } from '@/lib/course';
import { PageBody } from '@/components/ui/PageBody';
import { exerciseSummaries } from '@/lib/exercises';
import { shapeOf } from '@/components/progress/status';
import { ChapterProgress } from '@/components/progress/ProgressBadges';

export default function HomePage() {
  const all = chapters();
  const firstWritten = all.find((c) => c.written);
  const summaries = exerciseSummaries();
  const shapesOf = (slug: string) => summaries.filter((e) => e.chapter.slug === slug).map(shapeOf);
  return (
    <PageBody>
      <section className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-harbor-700 dark:text-harbor-300">A hands-on course</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">{COURSE.title}</h1>
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">{COURSE.tagline}</p>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Each chapter has a terminal beside the text. It opens instantly, needs no account and runs entirely in your browser.
        </p>
        {firstWritten && (
          <Link
            href={firstWritten.href}
            className="mt-6 inline-block rounded-md bg-harbor-700 px-4 py-2 font-medium text-white hover:bg-harbor-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600"
          >
            Start with chapter {firstWritten.number}: {firstWritten.title}
          </Link>
        )}
      </section>

      <section aria-labelledby="chapters" className="mt-12">
        <h2 id="chapters" className="text-2xl font-semibold text-slate-900 dark:text-white">
          Chapters
        </h2>
        <ol className="mt-4 grid gap-3 sm:grid-cols-2">
          {all.map((c) => (
            <li key={c.slug}>
              {c.written ? (
                <Link
                  href={c.href}
                  className="block h-full rounded-lg border border-slate-200 p-4 hover:border-harbor-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600 dark:border-slate-800 dark:hover:border-harbor-300"
                >
                  <ChapterCard number={c.number} title={c.title} summary={c.summary} />
                  <ChapterProgress exercises={shapesOf(c.slug)} />
                </Link>
              ) : (
                <div className="h-full rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700" aria-label={`Chapter ${c.number}: ${c.title} (coming)`}>
                  <ChapterCard number={c.number} title={c.title} summary={c.summary} coming />
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
    </PageBody>
  );
}

function ChapterCard({ number, title, summary, coming }: { number: number; title: string; summary: string; coming?: boolean }) {
  return (
    <>
      <span className="flex items-baseline justify-between gap-2">
        <span className="font-semibold text-slate-900 dark:text-white">
          <span className="mr-2 font-mono text-sm text-slate-600 dark:text-slate-400">{String(number).padStart(2, '0')}</span>
          {title}
        </span>
        {coming && (
          <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">coming</span>
        )}
      </span>
      <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{summary}</span>
    </>
  );
}
