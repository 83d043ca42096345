// Lessons are MDX files compiled at build time by mdx-bundler. The page renders the compiled code
// with the component registry, so prose reaches the browser as HTML, not as JavaScript.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { checkTags } from './mdx/check-tags';
import { codeMeta } from './mdx/code-meta';
import { LESSONS_DIR } from './course';
import { scenarioIds } from '@/simulators';
import { exercises } from '@/content/exercises';
import { PICTURES } from '@/components/pictures';

export interface LessonFrontmatter {
  title: string;
  description: string;
}

export interface CompiledLesson {
  code: string;
  frontmatter: LessonFrontmatter;
}

export async function compileLesson(source: string, options: { components: readonly string[]; file: string }): Promise<CompiledLesson> {
  const { code, frontmatter } = await bundleMDX<Partial<LessonFrontmatter>>({
    source,
    // The thrown error carries esbuild's message; its own console report would only repeat it.
    esbuildOptions: (esbuild) => ({ ...esbuild, logLevel: 'silent' }),
    mdxOptions(mdx) {
      const choices = { Terminal: { scenario: scenarioIds() }, Exercise: { id: exercises.map((e) => e.id) }, Picture: { name: Object.keys(PICTURES) } };
      mdx.remarkPlugins = [...(mdx.remarkPlugins ?? []), remarkGfm, [checkTags, { allowed: options.components, file: options.file, choices }]];
      mdx.rehypePlugins = [...(mdx.rehypePlugins ?? []), rehypeSlug, [rehypeAutolinkHeadings, { behavior: 'wrap' }], [codeMeta, { file: options.file }]];
      return mdx;
    },
  });
  if (!frontmatter.title || !frontmatter.description) {
    throw new Error(`${options.file}: frontmatter needs a title and a description`);
  }
  return { code, frontmatter: { title: frontmatter.title, description: frontmatter.description } };
}

export async function loadLesson(slug: string, components: readonly string[]): Promise<CompiledLesson> {
  const file = path.join(LESSONS_DIR, `${slug}.mdx`);
  return compileLesson(await readFile(file, 'utf8'), { components, file: path.relative(process.cwd(), file) });
}
