// Matching the trees regex.ts reads, in time a learner cannot blow up. Without back-references a
// pattern goes to RE2 (re2js: automata, linear in the line's length whatever the pattern). With
// them no linear engine exists; GNU grep backtracks there too, and so do we, but every step is
// paid from the line's work budget, so a pathological one is cut as Ctrl-C would cut it.
import { RE2JS } from 're2js';
import type { WorkBudget } from '../core/budget';
import { MAX_DEPTH, TOO_BIG, re2Assertion, re2Quantifier, WORD_CLASS, type RegexNode } from './regex';

export interface MatchOptions {
  ignoreCase?: boolean;
  /** grep -w: the match must stand between non-word characters (or the line's ends). */
  word?: boolean;
  /** grep -x: the match must be the whole line. */
  line?: boolean;
}

export interface LineMatcher {
  test(line: string): boolean;
  /** Leftmost-longest non-empty matches, left to right, as [start, end) in UTF-16 units. */
  spans(line: string): [number, number][];
}

export type Compiled = { ok: true; matcher: LineMatcher } | { ok: false; error: string };

const NOT_WORD = '[^\\p{L}\\p{N}_]';
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Most RE2 repeats; RE2 refuses more (and so, with GNU's words, do we). */
const RE2_REPEAT_MAX = 1000;
/** How deep the tree may be (regex.ts refuses deeper ones; RE2 refuses past 1000). */
const NESTING_MAX = 3 * MAX_DEPTH;

class TooBig extends Error {}

/** The tree in RE2's syntax (groups do not capture: group 1 is the wrapper's). */
function toRe2(node: RegexNode, depth = 0): string {
  if (depth > NESTING_MAX) throw new TooBig();
  const atom = (n: RegexNode) => {
    const s = toRe2(n, depth + 1);
    return n.kind === 'char' || n.kind === 'set' || n.kind === 'any' || n.kind === 'group' ? s : `(?:${s})`;
  };
  switch (node.kind) {
    case 'char':
      return /[\\.+*?()|[\]{}^$]/.test(node.char) ? `\\${node.char}` : node.char;
    case 'set':
      return node.source;
    case 'any':
      return '.';
    case 'seq':
      return node.items.map((n) => (n.kind === 'alt' ? `(?:${toRe2(n, depth + 1)})` : toRe2(n, depth + 1))).join('');
    case 'alt':
      return node.options.map((n) => toRe2(n, depth + 1)).join('|');
    case 'group':
      return `(?:${toRe2(node.body, depth + 1)})`;
    case 'repeat': {
      const { min, max } = node;
      if (min > RE2_REPEAT_MAX || (max !== Infinity && max > RE2_REPEAT_MAX)) throw new TooBig();
      const q = re2Quantifier(min, max);
      return atom(node.body) + q;
    }
    case 'assert':
      return re2Assertion(node.what);
    case 'backref':
      throw new Error('a back-reference has no RE2 form');
  }
}

/**
 * What searching costs, in budget units: RE2's automata read a line in time proportional to its
 * length times (at worst) the program's size, and each search has a fixed cost besides.
 */
const searchCost = (chars: number, size: number, per: number) => Math.ceil((chars * (8 + size)) / per);

/** Most instructions an RE2 program may have: past it a line could cost seconds to read. */
const RE2_PROGRAM_MAX = 2000;

/** About how many instructions `node` compiles to (repeats written out), to refuse before compiling. */
function programSize(node: RegexNode): number {
  switch (node.kind) {
    case 'seq':
      return node.items.reduce((sum, n) => sum + programSize(n), 0);
    case 'alt':
      return node.options.reduce((sum, n) => sum + programSize(n) + 1, 0);
    case 'group':
      return programSize(node.body) + 2;
    case 'repeat':
      return programSize(node.body) * (node.max === Infinity ? Math.max(node.min, 1) : node.max) + 2;
    default:
      return 1;
  }
}

function re2Matcher(nodes: RegexNode[], options: MatchOptions, budget: WorkBudget): Compiled {
  let body: string;
  budget.spend(nodes.length);
  if (nodes.reduce((sum, n) => sum + programSize(n), 0) > RE2_PROGRAM_MAX) return { ok: false, error: TOO_BIG };
  try {
    body = nodes.length ? nodes.map((n) => toRe2(n)).join('|') : '[^\\x00-\\x{10FFFF}]';
  } catch (e) {
    if (e instanceof TooBig) return { ok: false, error: TOO_BIG };
    throw e;
  }
  const flags = RE2JS.LONGEST_MATCH | RE2JS.LOOKBEHINDS | (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  // -w takes the character after the match too, so the match itself is group 1 there; otherwise
  // no group is asked for, which lets RE2 find matches with its fastest automata.
  const source = options.line ? `^(?:${body})$` : options.word ? `(?<!${WORD_CLASS})(${body})(?:${NOT_WORD}|$)` : body;
  const group = options.word && !options.line ? 1 : 0;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, flags);
  } catch {
    // What RE2 refuses and GNU takes is a program past RE2's size: too big, in GNU's words.
    return { ok: false, error: TOO_BIG };
  }
  const size = re.programSize();
  if (size > RE2_PROGRAM_MAX) return { ok: false, error: TOO_BIG };
  return {
    ok: true,
    matcher: {
      test(line) {
        budget.spend(1 + searchCost(line.length, size, 64));
        return re.test(line);
      },
      spans(line) {
        const out: [number, number][] = [];
        const m = re.matcher(line);
        for (let pos = 0; pos <= line.length; ) {
          const found = m.find(pos);
          budget.spend(20 + searchCost((found ? m.end(group) : line.length) - pos + 1, size, 16));
          if (!found) break;
          const start = m.start(group);
          const end = m.end(group);
          if (end > start) {
            out.push([start, end]);
            pos = end;
          } else pos = start + (line.codePointAt(start)! > 0xffff ? 2 : 1);
        }
        return out;
      },
    },
  };
}

// ---- The backtracker, for patterns with back-references ----

type Instr =
  | { op: 'char'; char: string }
  | { op: 'set'; re: RegExp }
  | { op: 'any' }
  | { op: 'split'; to: number }
  | { op: 'jmp'; to: number }
  | { op: 'save'; slot: number }
  | { op: 'assert'; what: Extract<RegexNode, { kind: 'assert' }>['what'] }
  | { op: 'backref'; index: number }
  /** Loop register `reg` := position; `check` fails a pass of the loop that read nothing. */
  | { op: 'mark'; reg: number }
  | { op: 'check'; reg: number }
  | { op: 'match' };

/** Most instructions a backtracking program may have (repeats are written out). */
const PROGRAM_MAX = 20_000;

function compileProgram(node: RegexNode, ignoreCase: boolean): { code: Instr[]; regs: number } {
  const code: Instr[] = [];
  let regs = 0;
  const emit = (i: Instr) => {
    if (code.length >= PROGRAM_MAX) throw new TooBig();
    code.push(i);
    return code.length - 1;
  };
  const gen = (n: RegexNode, depth: number): void => {
    if (depth > NESTING_MAX) throw new TooBig();
    switch (n.kind) {
      case 'char':
        emit({ op: 'char', char: n.char });
        return;
      case 'set':
        emit({ op: 'set', re: new RegExp(`^${n.source}$`, ignoreCase ? 'iu' : 'u') });
        return;
      case 'any':
        emit({ op: 'any' });
        return;
      case 'seq':
        for (const item of n.items) gen(item, depth + 1);
        return;
      case 'alt': {
        // split to the next option; each option but the last jumps past the rest when done.
        const jumps: number[] = [];
        n.options.forEach((option, i) => {
          const last = i === n.options.length - 1;
          const split = last ? -1 : emit({ op: 'split', to: -1 });
          gen(option, depth + 1);
          if (!last) {
            jumps.push(emit({ op: 'jmp', to: -1 }));
            (code[split] as { to: number }).to = code.length;
          }
        });
        for (const j of jumps) (code[j] as { to: number }).to = code.length;
        return;
      }
      case 'group':
        emit({ op: 'save', slot: n.index * 2 });
        gen(n.body, depth + 1);
        emit({ op: 'save', slot: n.index * 2 + 1 });
        return;
      case 'repeat': {
        for (let i = 0; i < n.min; i++) gen(n.body, depth + 1);
        if (n.max === Infinity) {
          const reg = regs++;
          const loop = emit({ op: 'split', to: -1 });
          emit({ op: 'mark', reg });
          gen(n.body, depth + 1);
          emit({ op: 'check', reg });
          emit({ op: 'jmp', to: loop });
          (code[loop] as { to: number }).to = code.length;
        } else {
          const exits: number[] = [];
          for (let i = n.min; i < n.max; i++) {
            exits.push(emit({ op: 'split', to: -1 }));
            gen(n.body, depth + 1);
          }
          for (const e of exits) (code[e] as { to: number }).to = code.length;
        }
        return;
      }
      case 'assert':
        emit({ op: 'assert', what: n.what });
        return;
      case 'backref':
        emit({ op: 'backref', index: n.index });
        return;
    }
  };
  gen(node, 0);
  emit({ op: 'match' });
  return { code, regs };
}

interface Thread {
  pc: number;
  pos: number;
  caps: number[];
  regs: number[];
}

const charAt = (s: string, pos: number): string | undefined => {
  const cp = s.codePointAt(pos);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
};
const charBefore = (s: string, pos: number): string | undefined => {
  if (pos === 0) return undefined;
  const low = s.charCodeAt(pos - 1);
  return low >= 0xdc00 && low <= 0xdfff && pos >= 2 ? s.slice(pos - 2, pos) : s[pos - 1];
};
const sameChar = (a: string, b: string, ignoreCase: boolean) => a === b || (ignoreCase && (a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase()));

/** Steps paid to the budget at a time (the count is kept locally in between). */
const STEP_BATCH = 256;

/**
 * Every way `program` matches `s` from `start`: calls `accept(end)` for each end reached, and
 * stops as soon as it returns true. Exhaustive otherwise (leftmost-longest needs every end).
 */
function runFrom(program: { code: Instr[]; regs: number }, groups: number, s: string, start: number, ignoreCase: boolean, budget: WorkBudget, accept: (end: number) => boolean): boolean {
  const { code } = program;
  const stack: Thread[] = [{ pc: 0, pos: start, caps: new Array((groups + 1) * 2).fill(-1), regs: new Array(program.regs).fill(-1) }];
  let steps = 0;
  while (stack.length) {
    const t = stack.pop()!;
    for (;;) {
      if (++steps === STEP_BATCH) {
        budget.spend(steps);
        steps = 0;
      }
      const ins = code[t.pc];
      if (ins.op === 'match') {
        if (accept(t.pos)) {
          budget.spend(steps);
          return true;
        }
        break;
      }
      if (ins.op === 'char' || ins.op === 'set' || ins.op === 'any') {
        const c = charAt(s, t.pos);
        if (c === undefined) break;
        const ok = ins.op === 'char' ? sameChar(c, ins.char, ignoreCase) : ins.op === 'set' ? ins.re.test(c) : c !== '\n';
        if (!ok) break;
        t.pos += c.length;
        t.pc++;
      } else if (ins.op === 'split') {
        stack.push({ pc: ins.to, pos: t.pos, caps: t.caps.slice(), regs: t.regs.slice() });
        t.pc++;
      } else if (ins.op === 'jmp') t.pc = ins.to;
      else if (ins.op === 'save') {
        t.caps[ins.slot] = t.pos;
        t.pc++;
      } else if (ins.op === 'mark') {
        t.regs[ins.reg] = t.pos;
        t.pc++;
      } else if (ins.op === 'check') {
        if (t.regs[ins.reg] === t.pos) break;
        t.pc++;
      } else if (ins.op === 'backref') {
        const from = t.caps[ins.index * 2];
        const to = t.caps[ins.index * 2 + 1];
        if (from < 0 || to < 0) break;
        const text = s.slice(from, to);
        const here = s.slice(t.pos, t.pos + text.length);
        if (here.length !== text.length || !(ignoreCase ? here.toLowerCase() === text.toLowerCase() : here === text)) break;
        t.pos += text.length;
        t.pc++;
      } else {
        const before = isWordChar(charBefore(s, t.pos));
        const after = isWordChar(charAt(s, t.pos));
        const holds =
          ins.what === 'start' ? t.pos === 0 : ins.what === 'end' ? t.pos === s.length : ins.what === 'wordStart' ? !before && after : ins.what === 'wordEnd' ? before && !after : ins.what === 'wordEdge' ? before !== after : before === after;
        if (!holds) break;
        t.pc++;
      }
    }
  }
  budget.spend(steps);
  return false;
}

function backtrackMatcher(nodes: RegexNode[], groups: number[], options: MatchOptions, budget: WorkBudget): Compiled {
  let programs: { code: Instr[]; regs: number }[];
  try {
    programs = nodes.map((n) => compileProgram(n, Boolean(options.ignoreCase)));
  } catch (e) {
    if (e instanceof TooBig) return { ok: false, error: TOO_BIG };
    throw e;
  }
  const fits = (s: string, start: number, end: number) =>
    options.line ? start === 0 && end === s.length : options.word ? !isWordChar(charBefore(s, start)) && !isWordChar(charAt(s, end)) : true;
  /** The longest end of a match from `start` that fits -w/-x, or -1. */
  const longest = (s: string, start: number) => {
    let best = -1;
    programs.forEach((program, i) => {
      runFrom(program, groups[i], s, start, Boolean(options.ignoreCase), budget, (end) => {
        if (end > best && fits(s, start, end)) best = end;
        return false;
      });
    });
    return best;
  };
  const starts = function* (s: string, from: number) {
    for (let pos = from; pos <= s.length; pos += pos < s.length && s.codePointAt(pos)! > 0xffff ? 2 : 1) {
      yield pos;
      if (options.line) return;
    }
  };
  return {
    ok: true,
    matcher: {
      test(s) {
        for (const start of starts(s, 0)) {
          if (programs.some((program, i) => runFrom(program, groups[i], s, start, Boolean(options.ignoreCase), budget, (end) => fits(s, start, end)))) return true;
        }
        return false;
      },
      spans(s) {
        const out: [number, number][] = [];
        let from = 0;
        while (from <= s.length) {
          let found = false;
          for (const start of starts(s, from)) {
            const end = longest(s, start);
            if (end < 0) continue;
            if (end > start) out.push([start, end]);
            from = end > start ? end : start + (charAt(s, start)?.length ?? 1);
            found = true;
            break;
          }
          if (!found) break;
        }
        return out;
      },
    },
  };
}

/**
 * A matcher for any of `nodes` (grep's patterns, each read on its own: `groups[i]` is how many
 * groups pattern i has, for its back-references).
 */
export function compileMatcher(nodes: RegexNode[], groups: number[], backrefs: boolean, options: MatchOptions, budget: WorkBudget): Compiled {
  return backrefs ? backtrackMatcher(nodes, groups, options, budget) : re2Matcher(nodes, options, budget);
}
