// awk's built-in functions, as mawk's bi_funct.c computes them: on bytes, substr's rounding,
// split's fields from input (compared as numbers when they look like numbers), sub and gsub with
// & and \& in the replacement, match's RSTART and RLENGTH.
import type { WorkBudget } from '../../core/budget';
import { strftime } from '../builtins/date';
import type { AwkArray } from './array';
import { grow } from './bytes';
import type { Expr, LValue } from './ast';
import { NEG_NAN } from './cformat';
import { awkFormat } from './printf';
import type { AwkRegex } from './regex';
import { StrNum, toNum, type Cell } from './values';

/** What the functions need from the running program. */
export interface FunctionHost {
  evaluate(e: Expr): Cell;
  /** A cell as a string (numbers through CONVFMT). */
  text(c: Cell): string;
  /** The regex an argument stands for: a /literal/, or its string value read as one. */
  regex(e: Expr): AwkRegex;
  /** Splits text into fields by an explicit separator argument, or by FS when there is none. */
  split(text: string, separator: Expr | undefined): string[];
  array(e: Expr): AwkArray;
  /** Whether a name holds an array (length(a) counts its elements). */
  isArray(e: Expr): boolean;
  read(target: LValue): Cell;
  assign(target: LValue, value: Cell): void;
  setGlobal(name: string, value: Cell): void;
  convfmt(d: number): string;
  close(name: string): number;
  flush(name?: string): number;
  /** The simulated clock, in milliseconds. */
  now(): number;
  random: { next(): number; seed(s?: number): number };
  budget: WorkBudget;
  fail(message: string): never;
  unsupported(what: string): never;
}

const RECORD: LValue = { k: 'field', index: { k: 'num', v: 0 } };

/** mawk's d_to_I, for lengths and positions. */
const toIndex = (d: number) => (Number.isNaN(d) ? 0 : Math.trunc(Math.max(-(2 ** 62), Math.min(2 ** 62, d))));

/** The replacement of sub and gsub for one match: & is the match, \& a plain &, \\ before & one backslash. */
function expand(repl: string, matched: string): string {
  if (!repl.includes('&') && !repl.includes('\\')) return repl;
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && repl[i + 1] === '&') {
      out += '&';
      i++;
    } else if (c === '\\' && repl[i + 1] === '\\' && repl[i + 2] === '&') {
      out += '\\';
      i++;
    } else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

/** sub (global false) and gsub: the new text and how many replacements. */
export function substitute(re: AwkRegex, repl: string, s: string, global: boolean, budget: WorkBudget): { text: string; count: number } {
  let out = '';
  let pos = 0;
  let count = 0;
  let previousEnd = -1;
  while (pos <= s.length) {
    const m = re.find(s, pos);
    if (!m) break;
    const [start, end] = m;
    if (start === end && start === previousEnd) {
      // No empty match right where the last match ended: step over one character.
      if (start >= s.length) break;
      out += s.slice(pos, start + 1);
      pos = start + 1;
      continue;
    }
    const piece = s.slice(pos, start) + expand(repl, s.slice(start, end));
    grow(budget, out.length + piece.length, piece.length + 1);
    out += piece;
    count++;
    previousEnd = end;
    if (end === start) {
      if (start < s.length) out += s[start];
      pos = start + 1;
    } else pos = end;
    if (!global) break;
  }
  if (pos <= s.length) out += s.slice(pos);
  return { text: out, count };
}

export function callBuiltin(host: FunctionHost, name: string, args: Expr[]): Cell {
  const num = (i: number) => toNum(host.evaluate(args[i]));
  const str = (i: number) => host.text(host.evaluate(args[i]));
  switch (name) {
    case 'length': {
      if (args.length === 0) return host.text(host.read(RECORD)).length;
      const a = args[0];
      if (a.k === 'var' && host.isArray(a)) return host.array(a).size;
      return str(0).length;
    }
    case 'index': {
      const s = str(0);
      const t = str(1);
      host.budget.spendText(s.length);
      return s.indexOf(t) + 1;
    }
    case 'substr': {
      const s = str(0);
      const len = s.length;
      if (len === 0) {
        if (args.length === 3) num(2);
        num(1);
        return '';
      }
      let i = toIndex(num(1)) - 1;
      let n = args.length === 3 ? toIndex(num(2)) : len;
      if (args.length === 2) n = len;
      if (i > len) n = 0;
      if (i < 0) {
        n -= i + 1;
        i = 0;
      }
      if (n > len - i) n = len - i;
      return n <= 0 ? '' : s.slice(i, i + n);
    }
    case 'sprintf': {
      const format = str(0);
      const values = args.slice(1).map((a) => host.evaluate(a));
      const r = awkFormat(format, values, 'sprintf', host.convfmt, host.budget);
      if (!r.ok) host.fail(r.error);
      return r.text;
    }
    case 'sin':
      return Math.sin(num(0));
    case 'cos':
      return Math.cos(num(0));
    case 'atan2':
      return Math.atan2(num(0), num(1));
    case 'exp':
      return Math.exp(num(0));
    case 'log': {
      const x = num(0);
      return x < 0 ? NEG_NAN : Math.log(x);
    }
    case 'sqrt': {
      const x = num(0);
      return x < 0 ? NEG_NAN : Math.sqrt(x);
    }
    case 'int':
      return Math.trunc(num(0));
    case 'rand':
      return host.random.next();
    case 'srand':
      return host.random.seed(args.length ? num(0) : undefined);
    case 'toupper':
      return str(0).replace(/[a-z]+/g, (m) => m.toUpperCase());
    case 'tolower':
      return str(0).replace(/[A-Z]+/g, (m) => m.toLowerCase());
    case 'close':
      return host.close(str(0));
    case 'fflush':
      return host.flush(args.length ? str(0) : undefined);
    case 'system':
      return host.unsupported('system()');
    case 'systime':
      return Math.floor(host.now() / 1000);
    case 'strftime': {
      const format = args.length > 0 ? str(0) : '%c';
      const seconds = args.length > 1 ? num(1) : Math.floor(host.now() / 1000);
      return strftime(format, Math.trunc(seconds) * 1000);
    }
    case 'mktime': {
      const m = /^\s*(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)/.exec(str(0));
      if (!m) return -1;
      const [, y, mo, d, h, mi, s] = m.map(Number);
      return Math.floor(Date.UTC(y, mo - 1, d, h, mi, s) / 1000);
    }
    case 'split': {
      const text = str(0);
      const target = host.array(args[1]);
      const parts = host.split(text, args[2]);
      target.load(parts.map((p) => new StrNum(p)));
      return parts.length;
    }
    case 'sub':
    case 'gsub': {
      const re = host.regex(args[0]);
      const repl = str(1);
      const target: LValue = args[2] ? (unwrap(args[2]) as LValue) : RECORD;
      if (args[2] && !isLValue(target)) {
        // mawk evaluates a target that is not a variable and changes nothing.
        const s = host.text(host.evaluate(args[2]));
        return substitute(re, repl, s, name === 'gsub', host.budget).count;
      }
      const before = host.text(host.read(target));
      const { text, count } = substitute(re, repl, before, name === 'gsub', host.budget);
      if (count > 0) host.assign(target, text);
      return count;
    }
    case 'match': {
      const s = str(0);
      const re = host.regex(args[1]);
      const m = re.find(s, 0);
      const start = m ? m[0] + 1 : 0;
      const length = m ? m[1] - m[0] : -1;
      host.setGlobal('RSTART', start);
      host.setGlobal('RLENGTH', length);
      return start;
    }
  }
  return host.fail(`unknown function ${name}`);
}

function unwrap(e: Expr): Expr {
  return e.k === 'group' && !e.list ? unwrap(e.e) : e;
}

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'field' || e.k === 'index';
}
