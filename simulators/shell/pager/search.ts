// Searching as less 590 does, with GNU's extended regular expressions (re_compile_pattern with
// RE_SYNTAX_POSIX_EXTENDED), matched in linear time through shell/regex.ts; any pattern GNU
// refuses is less's "Invalid pattern". With -i a pattern in lower case ignores case.
import type { WorkBudget } from '../../core/budget';
import { parseRegex } from '../regex';
import { compileMatcher, type LineMatcher } from '../regex-match';

export interface SearchPattern {
  text: string;
  /** Typed after `!`: lines that do not match. */
  invert: boolean;
}

export type IgnoreCase = 'smart' | 'always' | undefined;

export function compileSearch(pattern: SearchPattern, ignoreCase: IgnoreCase, budget: WorkBudget): LineMatcher | null {
  const parsed = parseRegex(pattern.text, true);
  if (!parsed.ok) return null;
  const fold = ignoreCase === 'always' || (ignoreCase === 'smart' && !/[A-Z]/.test(pattern.text));
  const compiled = compileMatcher([parsed.node], [parsed.groups], parsed.backrefs, { ignoreCase: fold }, budget);
  return compiled.ok ? compiled.matcher : null;
}

/** Whether a line (its visible text) is one the search stops at. */
export const stopsAt = (matcher: LineMatcher, pattern: SearchPattern, text: string) => matcher.test(text) !== pattern.invert;
