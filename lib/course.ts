// The course map with what is written so far: a chapter links once its MDX file exists.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { COURSE, type ChapterEntry } from '@/content/course';

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');

export interface Chapter extends ChapterEntry {
  number: number;
  written: boolean;
  href: string;
}

export function chapters(): Chapter[] {
  return COURSE.chapters.map((c, i) => ({
    ...c,
    number: i + 1,
    written: existsSync(path.join(LESSONS_DIR, `${c.slug}.mdx`)),
    href: `/lessons/${c.slug}/`,
  }));
}

export function writtenChapters(): Chapter[] {
  return chapters().filter((c) => c.written);
}

/**
 * The chapter and the written chapters before and after it, so previous and next always lead
 * somewhere; `coming` names the unwritten chapters skipped on the way to the next.
 */
export function chapterWithNeighbours(slug: string): { chapter: Chapter; previous?: Chapter; next?: Chapter; coming: Chapter[] } | undefined {
  const all = chapters();
  const index = all.findIndex((c) => c.slug === slug);
  if (index === -1) return undefined;
  const previous = all.slice(0, index).reverse().find((c) => c.written);
  const after = all.slice(index + 1);
  const nextIndex = after.findIndex((c) => c.written);
  const next = nextIndex === -1 ? undefined : after[nextIndex];
  const coming = nextIndex === -1 ? after : after.slice(0, nextIndex);
  return { chapter: all[index], previous, next, coming };
}
