// `[[ text =~ regex ]]`: a POSIX extended regex (read by regex.ts, as grep -E reads one) matched
// by RE2 in linear time, leftmost-longest as POSIX asks, with its groups captured for BASH_REMATCH.
// grep's matcher (regex-match.ts) needs no groups and so asks RE2 for none; here they are the point.
import { RE2JS } from 're2js';
import type { WorkBudget } from '../core/budget';
import { MAX_DEPTH, parseRegex, re2Assertion, re2Quantifier, type RegexNode } from './regex';
import { compileMatcher } from './regex-match';

/** Most instructions a program may have, and most repeats: past them a regex counts as invalid here. */
const PROGRAM_MAX = 2000;
const REPEAT_MAX = 1000;

class TooBig extends Error {}

/** The tree in RE2's syntax, each group capturing, numbered as POSIX numbers them. */
function toRe2(node: RegexNode, depth = 0): string {
  if (depth > 3 * MAX_DEPTH) throw new TooBig();
  const inner = (n: RegexNode) => toRe2(n, depth + 1);
  switch (node.kind) {
    case 'char':
      return /[\\.+*?()|[\]{}^$]/.test(node.char) ? `\\${node.char}` : node.char;
    case 'set':
      return node.source;
    case 'any':
      return '.';
    case 'seq':
      return node.items.map((n) => (n.kind === 'alt' ? `(?:${inner(n)})` : inner(n))).join('');
    case 'alt':
      return node.options.map(inner).join('|');
    case 'group':
      return `(${inner(node.body)})`;
    case 'repeat': {
      const { min, max } = node;
      if (min > REPEAT_MAX || (max !== Infinity && max > REPEAT_MAX)) throw new TooBig();
      const body = node.body.kind === 'char' || node.body.kind === 'set' || node.body.kind === 'any' || node.body.kind === 'group' ? inner(node.body) : `(?:${inner(node.body)})`;
      return body + re2Quantifier(min, max);
    }
    case 'assert':
      return re2Assertion(node.what);
    case 'backref':
      throw new TooBig();
  }
}

/**
 * Matches `pattern` against `text`: undefined when the pattern is not a valid regex (status 2 for
 * `[[`), else the match and its groups (unset groups as ''), or null when it does not match.
 */
export function matchExtended(pattern: string, text: string, budget: WorkBudget): string[] | null | undefined {
  const parsed = parseRegex(pattern, true);
  if (!parsed.ok) return undefined;
  budget.spend(1 + Math.ceil(text.length / 8));
  if (parsed.backrefs) {
    // No linear engine has back-references: grep's backtracker finds the whole match, without groups.
    const compiled = compileMatcher([parsed.node], [parsed.groups], true, {}, budget);
    if (!compiled.ok) return undefined;
    const [span] = compiled.matcher.spans(text);
    return span ? [text.slice(span[0], span[1])] : null;
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(toRe2(parsed.node), RE2JS.LONGEST_MATCH | RE2JS.LOOKBEHINDS);
  } catch {
    return undefined;
  }
  if (re.programSize() > PROGRAM_MAX) return undefined;
  budget.spend(Math.ceil((text.length * (8 + re.programSize())) / 16));
  const m = re.matcher(text);
  if (!m.find()) return null;
  const groups = [m.group(0) ?? ''];
  for (let i = 1; i <= m.groupCount(); i++) groups.push(m.group(i) ?? '');
  return groups;
}
