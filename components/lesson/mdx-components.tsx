// Every tag a lesson may use, in one place. The build refuses an MDX tag that is not listed here
// (lib/mdx/check-tags.ts), so a typo fails loudly instead of rendering nothing.
import { Callout } from './Callout';
import { Kbd } from './Kbd';
import { CodeBlock } from './CodeBlock';
import { TerminalMarker } from '@/components/workbench/TerminalMarker';
import { Exercise } from './Exercise';
import { Details } from './Details';
import { Picture } from './Picture';

export const mdxComponents = {
  Callout,
  Terminal: TerminalMarker,
  Exercise,
  Details,
  Picture,
  kbd: Kbd,
  pre: CodeBlock,
};

/** Tags an author may write. `pre` is only the target of Markdown code blocks, not a tag to type. */
export const MDX_TAGS: readonly string[] = Object.keys(mdxComponents).filter((tag) => tag !== 'pre');
