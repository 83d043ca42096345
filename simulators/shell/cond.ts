// `[[ expr ]]`: bash's conditional command, evaluated over the words the parser read (nothing
// split or globbed): file tests as `[` has them, `==` and `!=` against patterns, `=~` against
// extended regexes (filling BASH_REMATCH), `-eq` and the others as arithmetic, `<` `>` as text.
// What it needs of the shell comes in as a CondContext; `set -x` shows each test it makes.
import type { Effect } from '../core/process';
import type { WorkBudget } from '../core/budget';
import type { CondExpr, Word } from './ast';
import { expandToString, type ExpandEnv } from './expand';
import { compileGlob } from './glob-match';
import { matchExtended } from './cond-regex';

type Run<T> = Generator<Effect, T, string | null>;

export interface CondContext {
  env: ExpandEnv;
  budget: WorkBudget;
  trace(text: string | (() => string)): void;
  option(name: string): boolean;
  /** `-v NAME` or `-v NAME[i]`: whether it holds a value. */
  isSet(name: string, index?: string): boolean;
  /** Arithmetic for -eq and the others; undefined (after bash's `[[:` complaint) when it fails. */
  arith(text: string): bigint | undefined;
  /** test's file tests and comparisons (`-f x`, `a -nt b`). */
  fileTest(args: string[]): boolean;
  setRematch(groups: string[]): void;
}

/** A status `[[ ]]` ends with on its own (an arithmetic error: 1; a regex bash cannot read: 2). */
class CondStatus extends Error {
  constructor(readonly status: number) {
    super(`[[ ]] status ${status}`);
  }
}

export const escapeGlob = (s: string) => s.replace(/[\\*?[\]]/g, '\\$&');
const escapeRegex = (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/** One piece of a pattern word, expanded, and whether it was quoted (then it matches itself only). */
export interface Piece {
  text: string;
  quoted: boolean;
}

/** The pieces of a pattern word (a case pattern, `==`'s glob, `=~`'s regex), expanded once. */
export function* patternPieces(word: Word, env: ExpandEnv): Run<Piece[]> {
  const pieces: Piece[] = [];
  for (const part of word.parts) pieces.push({ text: yield* expandToString({ parts: [part] }, env), quoted: part.kind === 'tilde' || ('quoted' in part && part.quoted) });
  return pieces;
}

export const joinPieces = (pieces: readonly Piece[], escape: (text: string) => string) => pieces.map((p) => (p.quoted ? escape(p.text) : p.text)).join('');

/** A pattern as `set -x` shows it: each quoted character behind a backslash. */
const traced = (pieces: readonly Piece[]) => joinPieces(pieces, (t) => t.replace(/[\s\S]/g, '\\$&'));

const shown = (text: string) => (text === '' ? "''" : text);

/** 0 when true, 1 when false, 2 for a regex bash cannot read. */
export function* runCond(expr: CondExpr, ctx: CondContext): Run<number> {
  try {
    return (yield* value(expr, ctx)) ? 0 : 1;
  } catch (e) {
    if (e instanceof CondStatus) return e.status;
    throw e;
  }
}

/** `not`: the `!` that `set -x` shows before the test it applies to. */
function* value(expr: CondExpr, ctx: CondContext, not = ''): Run<boolean> {
  switch (expr.kind) {
    case 'and':
      return (yield* value(expr.left, ctx)) && (yield* value(expr.right, ctx));
    case 'or':
      return (yield* value(expr.left, ctx)) || (yield* value(expr.right, ctx));
    case 'not':
      return !(yield* value(expr.expr, ctx, not ? '' : '! '));
    case 'word': {
      const text = yield* expandToString(expr.word, ctx.env);
      ctx.trace(`[[ ${not}-n ${shown(text)} ]]`);
      return text !== '';
    }
    case 'unary': {
      const arg = yield* expandToString(expr.arg, ctx.env);
      ctx.trace(`[[ ${not}${expr.op} ${shown(arg)} ]]`);
      if (expr.op === '-v') {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.+)\])?$/.exec(arg);
        return m ? ctx.isSet(m[1], m[2]) : false;
      }
      if (expr.op === '-o') return ctx.option(arg);
      return ctx.fileTest([expr.op, arg]);
    }
    case 'binary':
      return yield* binary(expr, ctx, not);
  }
}

function* binary(expr: Extract<CondExpr, { kind: 'binary' }>, ctx: CondContext, not: string): Run<boolean> {
  const left = yield* expandToString(expr.left, ctx.env);
  if (expr.op === '==' || expr.op === '=' || expr.op === '!=') {
    const pieces = yield* patternPieces(expr.right, ctx.env);
    ctx.trace(() => `[[ ${not}${shown(left)} ${expr.op} ${shown(traced(pieces))} ]]`);
    const matches = compileGlob(joinPieces(pieces, escapeGlob), ctx.budget).matches(left);
    return expr.op === '!=' ? !matches : matches;
  }
  if (expr.op === '=~') {
    const pieces = yield* patternPieces(expr.right, ctx.env);
    ctx.trace(() => `[[ ${not}${shown(left)} =~ ${shown(traced(pieces))} ]]`);
    const groups = matchExtended(joinPieces(pieces, escapeRegex), left, ctx.budget);
    if (groups === undefined) throw new CondStatus(2);
    ctx.setRematch(groups ?? []);
    return groups !== null;
  }
  const right = yield* expandToString(expr.right, ctx.env);
  ctx.trace(`[[ ${not}${shown(left)} ${expr.op} ${shown(right)} ]]`);
  switch (expr.op) {
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-nt':
    case '-ot':
    case '-ef':
      return ctx.fileTest([left, expr.op, right]);
  }
  // -eq and the others compare arithmetic, as (( )) reads it.
  const a = ctx.arith(left);
  const b = a === undefined ? undefined : ctx.arith(right);
  if (a === undefined || b === undefined) throw new CondStatus(1);
  switch (expr.op) {
    case '-eq':
      return a === b;
    case '-ne':
      return a !== b;
    case '-lt':
      return a < b;
    case '-le':
      return a <= b;
    case '-gt':
      return a > b;
    default:
      return a >= b;
  }
}
