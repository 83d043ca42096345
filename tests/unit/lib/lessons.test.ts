import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLesson, loadLesson } from '../../../lib/lessons';
import { chapters, LESSONS_DIR } from '../../../lib/course';
import { MDX_TAGS } from '../../../components/lesson/mdx-components';
import { COURSE } from '../../../content/course';

const page = (body: string) => `---\ntitle: T\ndescription: D\n---\n\n${body}\n`;

describe('lesson pipeline', () => {
  it('compiles every lesson with the component registry', async () => {
    const files = readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const lesson = await loadLesson(file.replace(/\.mdx$/, ''), MDX_TAGS);
      expect(lesson.frontmatter.title).toBeTruthy();
      expect(lesson.code).toContain('Terminal');
    }
  });

  it('fails on an unknown tag, naming the file, the line and the allowed tags', async () => {
    await expect(compileLesson(page('Hello\n\n<Termnal />'), { components: ['Callout', 'Terminal'], file: 'x.mdx' })).rejects.toThrow(
      /x\.mdx:8: unknown tag <Termnal>\. Lessons may use: Callout, Terminal/,
    );
  });

  it('fails on a terminal whose scenario does not exist', async () => {
    await expect(compileLesson(page('<Terminal scenario="nope" />'), { components: ['Terminal'], file: 's.mdx' })).rejects.toThrow(/s\.mdx:6: <Terminal scenario="nope"> is not one of: laptop/);
  });

  it('fails on an import in a lesson', async () => {
    await expect(compileLesson(page("import X from 'y'\n\n<X />"), { components: ['X'], file: 'y.mdx' })).rejects.toThrow(/cannot import or export/);
  });

  it('fails when the frontmatter lacks a title or description', async () => {
    await expect(compileLesson('# no frontmatter', { components: [], file: 'z.mdx' })).rejects.toThrow(/frontmatter needs a title and a description/);
  });

  it('turns tables, headings and code into HTML with anchors', async () => {
    const { code } = await compileLesson(page('## Two words\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```bash\nls -l\n```'), { components: [], file: 't.mdx' });
    expect(code).toContain('"two-words"');
    expect(code).toContain('table');
    expect(code).toContain('language-bash');
  });
});

describe('course map', () => {
  it('lists the twelve chapters in order with unique slugs and exercise ids', () => {
    expect(COURSE.chapters).toHaveLength(12);
    const slugs = COURSE.chapters.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(12);
    const exercises = COURSE.chapters.flatMap((c) => c.exercises);
    expect(new Set(exercises).size).toBe(exercises.length);
    expect(exercises).toContain('first-container');
  });

  it('marks a chapter written exactly when its MDX file exists', () => {
    const files = new Set(readdirSync(LESSONS_DIR).map((f) => path.basename(f, '.mdx')));
    for (const c of chapters()) expect(c.written).toBe(files.has(c.slug));
    expect(chapters()[0]).toMatchObject({ number: 1, written: true, href: '/lessons/what-is-a-container/' });
  });
});
