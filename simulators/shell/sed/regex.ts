// sed's regular expressions: POSIX basic (or, with -E, extended) ones as GNU sed reads them, put
// into RE2's syntax in this one place and matched by re2js in linear time. The tree comes from
// the shell's POSIX reader (regex.ts, grep's); what differs for sed is settled here: groups
// capture (for \1..\9 in replacements), `.` matches a newline of the pattern space unless the M
// flag is given, an extended expression refuses what GNU's regcomp refuses, and a back-reference
// inside a pattern is refused plainly, since no linear-time engine can match it.
import { RE2JS } from 're2js';
import type { WorkBudget } from '../../core/budget';
import { MAX_DEPTH, parseRegex, TOO_BIG, re2Assertion, re2Quantifier, type RegexNode } from '../regex';

export interface SedRegexFlags {
  extended: boolean;
  /** `I`: case-insensitive. */
  icase: boolean;
  /** `M`: ^ and $ at each line of the pattern space; `.` and [^...] never match a newline. */
  multiline: boolean;
}

export interface SedRegex {
  re: RE2JS;
  /** How many groups the pattern has (what \1..\9 may refer to). */
  groups: number;
  size: number;
}

export const BACKREF_UNSUPPORTED = 'back-references (\\1 to \\9) inside a regular expression are not supported in this terminal';

/**
 * What GNU's regcomp refuses in an extended expression that grep's reader lets through: a
 * repetition operator with nothing before it, a `)` that closes nothing, a `{` that starts no
 * valid interval. Undefined when none of these is there.
 */
function extendedError(p: string): string | undefined {
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      atStart = false;
      continue;
    }
    if (c === '[') {
      // Skip the bracket expression: `]` first is a member, classes hold their own brackets.
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j = p[j] === '[' && /[:.=]/.test(p[j + 1] ?? '') ? Math.max(j + 2, p.indexOf(`${p[j + 1]}]`, j + 2) + 2) : j + 1;
      i = j;
      atStart = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (atStart) return 'Invalid preceding regular expression';
      continue;
    }
    if (c === '{') {
      if (atStart) return 'Invalid preceding regular expression';
      const close = p.indexOf('}', i);
      if (close === -1) return 'Unmatched \\{';
      const m = /^(\d*)(,(\d*))?$/.exec(p.slice(i + 1, close));
      if (!m || (m[1] === '' && m[2] === undefined)) return 'Invalid content of \\{\\}';
      if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1] || 0)) return 'Invalid content of \\{\\}';
      i = close;
      continue;
    }
    if (c === '(') {
      depth++;
      atStart = true;
      continue;
    }
    if (c === ')') {
      if (depth === 0) return 'Unmatched ) or \\)';
      depth--;
      atStart = false;
      continue;
    }
    if (c === '|') {
      atStart = true;
      continue;
    }
    atStart = c === '^';
  }
  return undefined;
}

/** The tree in RE2's syntax, groups capturing in the same order as POSIX numbers them. */
function toRe2(node: RegexNode, multiline: boolean, depth = 0): string {
  if (depth > 3 * MAX_DEPTH) throw new RangeError(TOO_BIG);
  const inner = (n: RegexNode) => toRe2(n, multiline, depth + 1);
  const atom = (n: RegexNode) => {
    const s = inner(n);
    return n.kind === 'char' || n.kind === 'set' || n.kind === 'any' || n.kind === 'group' ? s : `(?:${s})`;
  };
  switch (node.kind) {
    case 'char':
      return /[\\.+*?()|[\]{}^$]/.test(node.char) ? `\\${node.char}` : node.char === '\n' ? '\\n' : node.char;
    case 'set':
      // With M, a negated set leaves newlines out, as GNU's RE_HAT_LISTS_NOT_NEWLINE does.
      return multiline && node.source.startsWith('[^') ? `[^\\n${node.source.slice(2)}` : node.source;
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
      const q = re2Quantifier(min, max);
      return atom(node.body) + q;
    }
    case 'assert':
      return re2Assertion(node.what);
    case 'backref':
      throw new RangeError(BACKREF_UNSUPPORTED);
  }
}

/** Compiles a pattern (its escapes such as \n already turned into characters), or says why GNU sed refuses it. */
export function compileSedRegex(pattern: string, flags: SedRegexFlags, budget: WorkBudget): SedRegex | { error: string } {
  budget.spendText(pattern.length);
  if (flags.extended) {
    const refused = extendedError(pattern);
    if (refused) return { error: refused };
  }
  const tree = parseRegex(pattern, flags.extended);
  if (!tree.ok) return { error: tree.error };
  if (tree.backrefs) return { error: BACKREF_UNSUPPORTED };
  let source: string;
  try {
    source = toRe2(tree.node, flags.multiline);
  } catch (e) {
    if (e instanceof RangeError && (e.message === TOO_BIG || e.message === BACKREF_UNSUPPORTED)) return { error: e.message };
    throw e;
  }
  const re2Flags = RE2JS.LONGEST_MATCH | RE2JS.LOOKBEHINDS | (flags.icase ? RE2JS.CASE_INSENSITIVE : 0) | (flags.multiline ? RE2JS.MULTILINE : RE2JS.DOTALL);
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, re2Flags);
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    return { error: /character class range/.test(message) ? 'Invalid range end' : TOO_BIG };
  }
  const size = re.programSize();
  if (size > 4000) return { error: TOO_BIG };
  return { re, groups: tree.groups, size };
}

/**
 * The leftmost-longest match at or after `start` in `text`, as [start, end] pairs for the whole
 * match and each group (-1 where a group took no part), or null. `^` matches only at the start
 * of the text (or, with M, after a newline), however far on the search starts.
 */
export function searchSedRegex(regex: SedRegex, text: string, start: number, budget: WorkBudget): number[] | null {
  budget.spend(1 + Math.ceil(((text.length - start + 1) * (8 + regex.size)) / 64));
  const m = regex.re.matcher(text);
  if (!m.find(start)) return null;
  const out: number[] = [];
  for (let g = 0; g <= regex.groups; g++) out.push(m.start(g), m.end(g));
  return out;
}
