// awk's regular expressions (POSIX EREs with awk's escapes, as mawk reads them) turned into RE2's
// syntax and matched by re2js: automata, linear in the text whatever the pattern, so no regex a
// learner types can freeze the page. Matching is leftmost-longest, as POSIX asks. The text is a
// byte string (bytes.ts), so `.` is one byte and classes are ASCII, as in mawk's C locale.
import { RE2JS } from 're2js';
import type { WorkBudget } from '../../core/budget';

/** mawk's words for a regex it refuses (rexp.c REerrlist). */
export const REGEX_ERRORS = {
  missingLeft: "missing '('",
  missingRight: "missing ')'",
  badClass: 'bad class -- [], [^] or [',
  missingOperand: 'missing operand',
  tooLarge: 'resource exhaustion -- regular expression too large',
  startStar: 'syntax error ^* or ^+',
  badInterval: 'bad interval expression',
} as const;

export interface AwkRegex {
  test(s: string): boolean;
  /** The leftmost-longest match at or after `from` (possibly empty), or null. */
  find(s: string, from: number): [number, number] | null;
}

class RegexError extends Error {}

const CLASSES = new Set(['alpha', 'digit', 'alnum', 'upper', 'lower', 'space', 'blank', 'punct', 'xdigit', 'cntrl', 'print', 'graph']);
const META = /[\\.+*?()|[\]{}^$]/;
const lit = (c: string) => (META.test(c) ? `\\${c}` : c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? `\\x{${c.charCodeAt(0).toString(16)}}` : c);
const inClass = (c: string) => (/[\\^\]\[-]/.test(c) ? `\\${c}` : c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? `\\x{${c.charCodeAt(0).toString(16)}}` : c);

/** mawk's escape(): the character a backslash sequence stands for, and where it ends. */
function escape(p: string, i: number): [string, number] {
  const c = p[i];
  const simple: Record<string, string> = { n: '\n', t: '\t', f: '\f', b: '\b', r: '\r', a: '\x07', v: '\x0b' };
  if (c === undefined) return ['\\', i];
  if (simple[c]) return [simple[c], i + 1];
  if (/[0-7]/.test(c)) {
    const m = /^[0-7]{1,3}/.exec(p.slice(i, i + 3))!;
    return [String.fromCharCode(parseInt(m[0], 8) & 0xff), i + m[0].length];
  }
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(p.slice(i + 1, i + 3));
    if (!m) return ['x', i + 1];
    return [String.fromCharCode(parseInt(m[0], 16)), i + 1 + m[0].length];
  }
  return [c, i + 1];
}

/** The pattern in RE2's syntax, or mawk's complaint. */
export function translate(p: string): string {
  let i = 0;
  let depth = 0;

  const alternation = (): string => {
    const branches = [branch()];
    while (p[i] === '|') {
      i++;
      branches.push(branch());
    }
    // An empty side of | has nothing to match: mawk refuses it.
    if (branches.length > 1 && branches.includes('')) throw new RegexError(REGEX_ERRORS.missingOperand);
    return branches.join('|');
  };

  const branch = (): string => {
    let out = '';
    let atoms = 0;
    let afterStart = false;
    for (;;) {
      const c = p[i];
      if (c === undefined || c === '|' || (c === ')' && depth > 0)) break;
      if (c === '*' || c === '+' || c === '?') {
        if (afterStart && c !== '?') throw new RegexError(REGEX_ERRORS.startStar);
        throw new RegexError(REGEX_ERRORS.missingOperand);
      }
      if (c === '{' && atoms === 0 && intervalAt(i) !== undefined) throw new RegexError(REGEX_ERRORS.tooLarge);
      let atom: string;
      afterStart = false;
      if (c === '(') {
        i++;
        depth++;
        if (p[i] === ')') throw new RegexError(REGEX_ERRORS.missingOperand);
        const inner = alternation();
        if (p[i] !== ')') throw new RegexError(REGEX_ERRORS.missingRight);
        i++;
        depth--;
        atom = `(?:${inner})`;
      } else if (c === '[') atom = bracket();
      else if (c === '.') {
        i++;
        atom = '[\\x00-\\x{ff}]';
      } else if (c === '^') {
        i++;
        out += '^';
        afterStart = true;
        continue;
      } else if (c === '$') {
        i++;
        out += '$';
        continue;
      } else if (c === '\\') {
        const [ch, end] = escape(p, i + 1);
        i = end;
        atom = lit(ch);
      } else {
        i++;
        atom = lit(c);
      }
      atoms++;
      // Quantifiers, any number of them: each repeats what came before.
      for (;;) {
        const q = p[i];
        if (q === '*' || q === '+' || q === '?') {
          i++;
          atom = `(?:${atom})${q}`;
          continue;
        }
        if (q === '{') {
          const iv = intervalAt(i);
          if (iv === undefined) break;
          if (iv === 'bad') throw new RegexError(REGEX_ERRORS.badInterval);
          i = iv.end;
          if (iv.min > 1000 || (iv.max !== Infinity && iv.max > 1000)) throw new RegexError(REGEX_ERRORS.tooLarge);
          atom = `(?:${atom}){${iv.min},${iv.max === Infinity ? '' : iv.max}}`;
          continue;
        }
        break;
      }
      out += atom;
    }
    return out;
  };

  /** `{n}`, `{n,}`, `{n,m}`, `{,m}` at `at`: its bounds and end, 'bad' for mawk's bad interval, or undefined when the brace is a plain character. */
  const intervalAt = (at: number): { min: number; max: number; end: number } | 'bad' | undefined => {
    const m = /^\{(\d*)(,?)(\d*)\}/.exec(p.slice(at, at + 40));
    if (!m || (m[1] === '' && m[2] === '' && m[3] === '')) return undefined;
    if (m[1] === '' && m[2] === '') return undefined;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === '' ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max < min) return 'bad';
    return { min, max, end: at + m[0].length };
  };

  const bracket = (): string => {
    const start = i;
    i++;
    let negate = false;
    if (p[i] === '^') {
      negate = true;
      i++;
    }
    const first = i;
    let body = '';
    for (;;) {
      const c = p[i];
      if (c === undefined) throw new RegexError(REGEX_ERRORS.badClass);
      if (c === ']' && i > first) break;
      if (c === '[' && p[i + 1] === ':') {
        const close = p.indexOf(':]', i + 2);
        const name = close < 0 ? '' : p.slice(i + 2, close);
        if (!CLASSES.has(name)) throw new RegexError(REGEX_ERRORS.badClass);
        body += `[:${name}:]`;
        i = close + 2;
        continue;
      }
      if (c === '\\') {
        const [ch, end] = escape(p, i + 1);
        body += inClass(ch);
        i = end;
        continue;
      }
      body += c === '-' && i > first && p[i + 1] !== ']' ? '-' : inClass(c);
      i++;
    }
    i++;
    if (i - start <= 2 + (negate ? 1 : 0) && body === '') throw new RegexError(REGEX_ERRORS.badClass);
    return `[${negate ? '^' : ''}${body}]`;
  };

  const out = alternation();
  if (i < p.length) {
    // Only a `)` with no `(` stops the top level, and mawk reads that one as a character.
    return `${out}${lit(p[i])}${translate(p.slice(i + 1))}`;
  }
  return out;
}

/** Compiles an awk regex, or returns mawk's reason for refusing it. */
export function compileAwkRegex(source: string, budget: WorkBudget): AwkRegex | { error: string } {
  let re2: string;
  try {
    re2 = translate(source);
  } catch (e) {
    if (e instanceof RegexError) return { error: e.message };
    throw e;
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(re2, RE2JS.LONGEST_MATCH);
  } catch {
    return { error: REGEX_ERRORS.tooLarge };
  }
  // Automata read a text in time proportional to its length times the program's size.
  const cost = (n: number) => 1 + Math.ceil((n * Math.max(1, Math.min(re.programSize(), 256))) / 512);
  return {
    test(s) {
      budget.spend(cost(s.length));
      return re.test(s);
    },
    find(s, from) {
      budget.spend(cost(s.length - from));
      const m = re.matcher(s);
      if (!m.find(from)) return null;
      return [m.start(), m.end()];
    },
  };
}
