import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getMDXComponent } from 'mdx-bundler/client';
import { COURSE } from '@/content/course';
import { chapterWithNeighbours, writtenChapters } from '@/lib/course';
import { loadLesson } from '@/lib/lessons';
import { MDX_TAGS, mdxComponents } from '@/components/lesson/mdx-components';
import { ChapterNav } from '@/components/lesson/ChapterNav';
import { Workbench } from '@/components/workbench/Workbench';

export const dynamicParams = false;

export function generateStaticParams() {
  return writtenChapters().map((c) => ({ slug: c.slug }));
}

interface LessonRoute {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: LessonRoute): Promise<Metadata> {
  const { slug } = await params;
  const { frontmatter } = await loadLesson(slug, MDX_TAGS);
  return { title: frontmatter.title, description: frontmatter.description };
}

export default async function LessonPage({ params }: LessonRoute) {
  const { slug } = await params;
  const place = chapterWithNeighbours(slug);
  if (!place?.chapter.written) notFound();
  const { code, frontmatter } = await loadLesson(slug, MDX_TAGS);
  const Lesson = getMDXComponent(code);
  return (
    <Workbench page={`lesson:${slug}`}>
      <article className="prose prose-slate max-w-none dark:prose-invert prose-a:text-harbor-700 dark:prose-a:text-harbor-300 prose-code:before:content-none prose-code:after:content-none">
        <p className="not-prose text-sm font-semibold uppercase tracking-wide text-harbor-700 dark:text-harbor-300">
          Chapter {place.chapter.number} of {COURSE.chapters.length}
        </p>
        <h1>{frontmatter.title}</h1>
        <p className="lead">{frontmatter.description}</p>
        <Lesson components={mdxComponents} />
      </article>
      <ChapterNav previous={place.previous} next={place.next} coming={place.coming} />
    </Workbench>
  );
}
