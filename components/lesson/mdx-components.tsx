// Every tag a lesson may use, in one place. The build refuses an MDX tag that is not listed here
// (lib/mdx/check-tags.ts), so a typo fails loudly instead of rendering nothing.
import { Callout } from './Callout';
import { Kbd } from './Kbd';
import { Terminal } from '@/components/terminal/Terminal';

export const mdxComponents = {
  Callout,
  Terminal,
  kbd: Kbd,
};

export const MDX_TAGS: readonly string[] = Object.keys(mdxComponents);
