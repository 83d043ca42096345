// bash's arithmetic ($(( )), (( )), let, array subscripts, for (( ))): 64-bit signed integers that
// wrap around, C's operators with bash's precedence, variables by name (their values are themselves
// expressions), numbers in any base from 2 to 64. A port of the recursive descent in bash 5.2's
// expr.c, token reader included, so that errors name the same token bash names
// (`1/0: division by 0 (error token is "0")`).
import type { WorkBudget } from '../core/budget';

export interface ArithEnv {
  /** A variable's value (an array's element with `index`), or undefined when unset. */
  get(name: string, index?: bigint): string | undefined;
  /** Assigns an integer's text to a variable, or to an array's element. */
  set(name: string, value: string, index?: bigint): void;
  /** How many elements an array has past its last index, for negative subscripts (`a[-1]`); undefined for none. */
  arrayEnd?(name: string): bigint | undefined;
  /** Told when a subscript is out of range while reading (bash prints `bash: a: bad array subscript` and reads 0). */
  badSubscript?(message: string): void;
  /** `set -u`: an unset variable is an error. */
  nounset?: boolean;
  budget: WorkBudget;
}

/** An expression bash refuses: `detail` is what follows `bash: ` (or `bash: let: `). */
export class ArithError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** A variable that is unset under `set -u`: fatal to the line in bash (`bash: x: unbound variable`). */
export class ArithUnbound extends Error {
  constructor(readonly name: string) {
    super(`${name}: unbound variable`);
  }
}

/** An array subscript out of range (`a[-5]` of three): bash says so and reads 0. */
export class BadSubscript extends Error {}

const MIN = -(1n << 63n);
const wrap = (n: bigint) => BigInt.asIntN(64, n);

/**
 * Levels of variables whose values are expressions in turn (`x=y; y=x`). bash allows 1024; ours
 * stops sooner so the JavaScript stack holds, with bash's words.
 */
export const ARITH_RECURSION_LIMIT = 100;

/** What evaluating one expression costs, in budget units, besides a unit per token read. */
const ARITH_WORK = 8;

// Tokens: one-character operators are themselves, the rest have names.
const EQEQ = 'EQEQ', NEQ = 'NEQ', LEQ = 'LEQ', GEQ = 'GEQ', STR = 'STR', NUM = 'NUM', LAND = 'LAND', LOR = 'LOR', LSH = 'LSH', RSH = 'RSH';
const OP_ASSIGN = 'OP_ASSIGN', COND = 'COND', POWER = 'POWER', PREINC = 'PREINC', PREDEC = 'PREDEC', POSTINC = 'POSTINC', POSTDEC = 'POSTDEC';
type Token = string | 0;

const ARITH_OPS = new Set(['=', '>', '<', '+', '-', '*', '/', '%', '!', '(', ')', '&', '|', '^', '~', '?', ':', ',']);
const MULTI_OPS = new Set([EQEQ, NEQ, LEQ, GEQ, LAND, LOR, LSH, RSH, OP_ASSIGN, COND, POWER, PREINC, PREDEC, POSTINC, POSTDEC]);

const isStarter = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n';

interface LValue {
  name: string | undefined;
  index: bigint | undefined;
}

interface Saved {
  curtok: Token;
  lasttok: Token;
  tp: number;
  lasttp: number;
  tokval: bigint;
  tokstr: string | undefined;
  noeval: number;
  lval: LValue;
}

/**
 * Evaluates `expression` (already expanded: $VARS and $(...) are done). Throws ArithError as bash
 * reports, ArithUnbound under `set -u`.
 */
export function evaluateArith(expression: string, env: ArithEnv, depth = 0): bigint {
  return new Evaluator(expression, env, depth).run();
}

class Evaluator {
  private tp = 0;
  private lasttp = 0;
  private curtok: Token = 0;
  /** The current token, read afresh (each readtok() changes it). */
  private tok(): Token {
    return this.curtok;
  }
  private lasttok: Token = 0;
  private tokval = 0n;
  private tokstr: string | undefined;
  private assigntok = '';
  private noeval = 0;
  private curlval: LValue = { name: undefined, index: undefined };

  constructor(
    private readonly expr: string,
    private readonly env: ArithEnv,
    private readonly depth: number,
  ) {}

  run(): bigint {
    if (!/[^ \t\n]/.test(this.expr)) return 0n;
    if (this.depth >= ARITH_RECURSION_LIMIT) this.error('expression recursion level exceeded');
    this.env.budget.spend(ARITH_WORK);
    this.env.budget.spendText(this.expr.length);
    this.readtok();
    const value = this.expcomma();
    if (this.tok() !== 0) this.error('syntax error in expression');
    return value;
  }

  private error(message: string): never {
    const shown = this.expr.replace(/^[ \t]+/, '');
    throw new ArithError(`${shown}: ${message} (error token is "${this.expr.slice(this.lasttp)}")`);
  }

  private save(): Saved {
    return { curtok: this.curtok, lasttok: this.lasttok, tp: this.tp, lasttp: this.lasttp, tokval: this.tokval, tokstr: this.tokstr, noeval: this.noeval, lval: this.curlval };
  }

  private restore(s: Saved) {
    ({ curtok: this.curtok, lasttok: this.lasttok, tp: this.tp, lasttp: this.lasttp, tokval: this.tokval, tokstr: this.tokstr, noeval: this.noeval, lval: this.curlval } = s);
  }

  private expcomma(): bigint {
    let value = this.expassign();
    while (this.tok() === ',') {
      this.readtok();
      value = this.expassign();
    }
    return value;
  }

  private expassign(): bigint {
    let value = this.expcond();
    if (this.tok() === '=' || this.tok() === OP_ASSIGN) {
      const special = this.tok() === OP_ASSIGN;
      if (this.lasttok !== STR) this.error('attempted assignment to non-variable');
      const op = this.assigntok;
      let lvalue = value;
      if (this.tokstr === undefined) this.error('syntax error in variable assignment');
      const lhs = this.tokstr;
      const index = this.curlval.index;
      this.readtok();
      value = this.expassign();
      if (special) {
        if ((op === '/' || op === '%') && value === 0n) {
          if (this.noeval === 0) this.error('division by 0');
          value = 1n;
        }
        lvalue = binary(op === '<' ? LSH : op === '>' ? RSH : op, lvalue, value);
        value = lvalue;
      }
      if (this.noeval === 0) this.bind(lhs, value, index);
      this.tokstr = undefined;
    }
    return value;
  }

  private expcond(): bigint {
    const cval = this.explor();
    let rval = cval;
    if (this.tok() === '?') {
      if (cval === 0n) this.noeval++;
      this.readtok();
      if (this.tok() === 0 || this.tok() === ':') this.error('expression expected');
      const val1 = this.expcomma();
      if (cval === 0n) this.noeval--;
      if (this.tok() !== ':') this.error("`:' expected for conditional expression");
      if (cval !== 0n) this.noeval++;
      this.readtok();
      if (this.tok() === 0) this.error('expression expected');
      const val2 = this.expcond();
      if (cval !== 0n) this.noeval--;
      rval = cval !== 0n ? val1 : val2;
      this.lasttok = COND;
    }
    return rval;
  }

  private explor(): bigint {
    let val1 = this.expland();
    while (this.tok() === LOR) {
      const skip = val1 !== 0n;
      if (skip) this.noeval++;
      this.readtok();
      const val2 = this.expland();
      if (skip) this.noeval--;
      val1 = val1 !== 0n || val2 !== 0n ? 1n : 0n;
      this.lasttok = LOR;
    }
    return val1;
  }

  private expland(): bigint {
    let val1 = this.expbinary(0);
    while (this.tok() === LAND) {
      const skip = val1 === 0n;
      if (skip) this.noeval++;
      this.readtok();
      const val2 = this.expbinary(0);
      if (skip) this.noeval--;
      val1 = val1 !== 0n && val2 !== 0n ? 1n : 0n;
      this.lasttok = LAND;
    }
    return val1;
  }

  /** The left-associative levels from | down to + and -, highest index binding tightest. */
  private expbinary(level: number): bigint {
    if (level === BINARY_LEVELS.length) return this.expmuldiv();
    let val1 = this.expbinary(level + 1);
    while (BINARY_LEVELS[level].includes(this.tok() as string)) {
      const op = this.curtok as string;
      this.readtok();
      const val2 = this.expbinary(level + 1);
      val1 = binary(op, val1, val2);
      this.lasttok = NUM;
    }
    return val1;
  }

  private expmuldiv(): bigint {
    let val1 = this.exppower();
    while (this.tok() === '*' || this.tok() === '/' || this.tok() === '%') {
      const op = this.curtok;
      const stp = this.tp;
      this.readtok();
      let val2 = this.exppower();
      if ((op === '/' || op === '%') && val2 === 0n) {
        if (this.noeval === 0) {
          this.lasttp = stp;
          while (this.expr[this.lasttp] === ' ' || this.expr[this.lasttp] === '\t') this.lasttp++;
          this.error('division by 0');
        }
        val2 = 1n;
      }
      val1 = binary(op as string, val1, val2);
      this.lasttok = NUM;
    }
    return val1;
  }

  private exppower(): bigint {
    let val1 = this.exp1();
    while (this.tok() === POWER) {
      this.readtok();
      // Exponentiation is right-associative.
      const val2 = this.exppower();
      this.lasttok = NUM;
      if (val2 === 0n) return 1n;
      if (val2 < 0n) this.error('exponent less than 0');
      val1 = power(val1, val2);
    }
    return val1;
  }

  private exp1(): bigint {
    const op = this.curtok;
    if (op === '!' || op === '~' || op === '-' || op === '+') {
      this.readtok();
      const val = this.exp1();
      this.lasttok = NUM;
      if (op === '!') return val === 0n ? 1n : 0n;
      if (op === '~') return wrap(~val);
      return op === '-' ? wrap(-val) : val;
    }
    return this.exp0();
  }

  private exp0(): bigint {
    let val = 0n;
    if (this.tok() === PREINC || this.tok() === PREDEC) {
      const stok = (this.lasttok = this.curtok);
      this.readtok();
      // readtok() catches this
      if (this.tok() !== STR) this.error('identifier expected after pre-increment or pre-decrement');
      const v2 = wrap(this.tokval + (stok === PREINC ? 1n : -1n));
      if (this.noeval === 0) {
        if (this.curlval.index !== undefined) this.bind(this.curlval.name!, v2, this.curlval.index);
        else if (this.tokstr !== undefined) this.bind(this.tokstr, v2, undefined);
      }
      val = v2;
      // So that --x=7 is flagged as an error.
      this.curtok = NUM;
      this.readtok();
    } else if (this.tok() === '(') {
      this.readtok();
      val = this.expcomma();
      if (this.tok() !== ')') this.error("missing `)'");
      this.readtok();
    } else if (this.tok() === NUM || this.tok() === STR) {
      val = this.tokval;
      if (this.tok() === STR) {
        const ec = this.save();
        this.tokstr = undefined;
        this.noeval = 1;
        this.readtok();
        const stok = this.curtok;
        if (stok === POSTINC || stok === POSTDEC) {
          this.tokstr = ec.tokstr;
          this.noeval = ec.noeval;
          this.curlval = ec.lval;
          this.lasttok = STR;
          const v2 = wrap(val + (stok === POSTINC ? 1n : -1n));
          if (this.noeval === 0) {
            if (this.curlval.index !== undefined) this.bind(this.curlval.name!, v2, this.curlval.index);
            else this.bind(this.tokstr!, v2, undefined);
          }
          // So that x++=7 is flagged as an error.
          this.curtok = NUM;
        } else this.restore(ec);
      }
      this.readtok();
    } else this.error('syntax error: operand expected');
    return val;
  }

  /** Assigns to `lhs` (`x`, or `a[expr]` whose index is `index` when already known). */
  private bind(lhs: string, value: bigint, index: bigint | undefined) {
    const bracket = lhs.indexOf('[');
    if (bracket === -1) return this.env.set(lhs, value.toString());
    const name = lhs.slice(0, bracket);
    const at = index ?? this.subscript(name, lhs.slice(bracket + 1, -1), true);
    this.env.set(name, value.toString(), at);
  }

  /** An array subscript's value; a negative one counts from the end (`a[-1]`, the last). */
  private subscript(name: string, text: string, assigning: boolean): bigint {
    let index = new Evaluator(text, this.env, this.depth + 1).run();
    if (index < 0n) {
      const end = this.env.arrayEnd?.(name);
      if (end === undefined || end + index < 0n) {
        if (assigning) throw new ArithError(`${name}[${text}]: bad array subscript`);
        throw new BadSubscript(`${name}: bad array subscript`);
      }
      index += end;
    }
    return index;
  }

  /** A variable's value in an expression: its text, evaluated in turn (0 when unset or empty). */
  private streval(tok: string, subscripted: boolean): bigint {
    if (this.noeval) return 0n;
    const bracket = subscripted ? tok.indexOf('[') : -1;
    const name = bracket === -1 ? tok : tok.slice(0, bracket);
    let index: bigint | undefined;
    let value: string | undefined;
    if (bracket !== -1) {
      try {
        index = this.subscript(name, tok.slice(bracket + 1, -1), false);
        value = this.env.get(name, index);
      } catch (e) {
        if (!(e instanceof BadSubscript)) throw e;
        this.env.badSubscript?.(e.message);
        value = undefined;
        index = undefined;
      }
    } else value = this.env.get(name);
    if (value === undefined && this.env.nounset && !(bracket !== -1 && index === undefined)) throw new ArithUnbound(bracket === -1 ? name : tok);
    const tval = value ? new Evaluator(value, this.env, this.depth + 1).run() : 0n;
    this.curlval = { name: bracket === -1 ? tok : name, index };
    return tval;
  }

  /** Reads the next token into curtok (and tokval, tokstr), as bash's readtok() does. */
  private readtok() {
    const s = this.expr;
    let cp = this.tp;
    while (isSpace(s[cp])) cp++;
    if (cp >= s.length) {
      this.lasttok = this.curtok;
      this.curtok = 0;
      this.tp = cp;
      return;
    }
    this.env.budget.spend();
    this.lasttp = this.tp = cp;
    const c = s[cp++];
    if (isStarter(c)) {
      while (isNameChar(s[cp])) cp++;
      let subscripted = false;
      if (s[cp] === '[') {
        const close = skipSubscript(s, cp);
        if (close === -1) this.error('bad array subscript');
        cp = close + 1;
        subscripted = true;
      }
      this.tokstr = s.slice(this.tp, cp);
      // A look at the next token: a variable about to be assigned is not read.
      const ec = this.save();
      this.tokstr = undefined;
      this.tp = cp;
      this.noeval = 1;
      this.curtok = STR;
      this.readtok();
      const peektok = this.curtok;
      this.restore(ec);
      const tok = this.tokstr!;
      if (this.lasttok === PREINC || this.lasttok === PREDEC || peektok !== '=') this.tokval = this.streval(tok, subscripted);
      else this.tokval = 0n;
      this.lasttok = this.curtok;
      this.curtok = STR;
      // streval may have read other expressions: the cursor is ours again.
      this.tp = cp;
      return;
    }
    if (/[0-9]/.test(c)) {
      while (/[A-Za-z0-9#@_]/.test(s[cp] ?? '')) cp++;
      this.tokval = this.strlong(s.slice(this.tp, cp));
      this.lasttok = this.curtok;
      this.curtok = NUM;
      this.tp = cp;
      return;
    }
    const c1 = s[cp++];
    let tok: string = c;
    if (c === '=' && c1 === '=') tok = EQEQ;
    else if (c === '!' && c1 === '=') tok = NEQ;
    else if (c === '>' && c1 === '=') tok = GEQ;
    else if (c === '<' && c1 === '=') tok = LEQ;
    else if (c === '<' && c1 === '<') {
      if (s[cp] === '=') {
        this.assigntok = '<';
        tok = OP_ASSIGN;
        cp++;
      } else tok = LSH;
    } else if (c === '>' && c1 === '>') {
      if (s[cp] === '=') {
        this.assigntok = '>';
        tok = OP_ASSIGN;
        cp++;
      } else tok = RSH;
    } else if (c === '&' && c1 === '&') tok = LAND;
    else if (c === '|' && c1 === '|') tok = LOR;
    else if (c === '*' && c1 === '*') tok = POWER;
    else if ((c === '-' || c === '+') && c1 === c && this.tok() === STR) tok = c === '-' ? POSTDEC : POSTINC;
    else if ((c === '-' || c === '+') && c1 === c && this.tok() === NUM && (this.lasttok === PREINC || this.lasttok === PREDEC)) {
      // Something like --x++.
      this.error(`${c}${c}: assignment requires lvalue`);
    } else if ((c === '-' || c === '+') && c1 === c) {
      let xp = cp;
      while (isSpace(s[xp])) xp++;
      if (isStarter(s[xp])) tok = c === '-' ? PREDEC : PREINC;
      // Not a pre-increment: the second sign is read again as a unary one.
      else cp--;
    } else if (c1 === '=' && '*/%+-&^|'.includes(c)) {
      this.assigntok = c;
      tok = OP_ASSIGN;
    } else if (!ARITH_OPS.has(c)) {
      cp--;
      if (this.tok() === 0 || ARITH_OPS.has(this.curtok as string) || MULTI_OPS.has(this.curtok as string)) this.error('syntax error: operand expected');
      this.error('syntax error: invalid arithmetic operator');
    } else cp--;
    this.lasttok = this.curtok;
    this.curtok = tok;
    this.tp = cp;
  }

  /** A number: 0nnn octal, 0xnn hex, BASE#digits (base 2 to 64), else decimal; it wraps as C's does. */
  private strlong(num: string): bigint {
    let i = 0;
    let base = 10n;
    let foundBase = false;
    if (num[0] === '0') {
      i++;
      if (i >= num.length) return 0n;
      if (num[i] === 'x' || num[i] === 'X') {
        base = 16n;
        i++;
      } else base = 8n;
      foundBase = true;
    }
    let val = 0n;
    for (; i < num.length; i++) {
      const c = num[i];
      if (c === '#') {
        if (foundBase) this.error('invalid number');
        if (val < 2n || val > 64n) this.error('invalid arithmetic base');
        base = val;
        val = 0n;
        foundBase = true;
        if (!/[A-Za-z0-9_@]/.test(num[i + 1] ?? '')) this.error('invalid integer constant');
        continue;
      }
      let digit: number;
      if (/[0-9]/.test(c)) digit = c.charCodeAt(0) - 48;
      else if (c >= 'a' && c <= 'z') digit = c.charCodeAt(0) - 97 + 10;
      else if (c >= 'A' && c <= 'Z') digit = c.charCodeAt(0) - 65 + (base <= 36n ? 10 : 36);
      else if (c === '@') digit = 62;
      else if (c === '_') digit = 63;
      else break;
      if (BigInt(digit) >= base) this.error('value too great for base');
      val = wrap(val * base + BigInt(digit));
    }
    return val;
  }
}

/** The binary operators from | to + -, loosest first (after && and ||). */
const BINARY_LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], [EQEQ, NEQ], [LEQ, GEQ, '<', '>'], [LSH, RSH], ['+', '-']];

/** One binary operation on 64-bit integers, as C does it on x86-64 (shift counts taken modulo 64). */
function binary(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&':
      return a & b;
    case EQEQ:
      return a === b ? 1n : 0n;
    case NEQ:
      return a !== b ? 1n : 0n;
    case LEQ:
      return a <= b ? 1n : 0n;
    case GEQ:
      return a >= b ? 1n : 0n;
    case '<':
      return a < b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case LSH:
      return wrap(a << (b & 63n));
    case RSH:
      return a >> (b & 63n);
    case '+':
      return wrap(a + b);
    case '-':
      return wrap(a - b);
    case '*':
      return wrap(a * b);
    case '/':
      // INTMAX_MIN / -1 overflows in C; bash answers INTMAX_MIN.
      if (a === MIN && b === -1n) return MIN;
      return a / b;
    case '%':
      if (a === MIN && b === -1n) return 0n;
      return a % b;
  }
  return 0n;
}

/** Exponentiation by squaring, wrapping at every step as C's does. */
function power(base: bigint, exp: bigint): bigint {
  let result = 1n;
  while (exp) {
    if (exp & 1n) result = wrap(result * base);
    exp >>= 1n;
    base = wrap(base * base);
  }
  return result;
}

/** Where the `]` closing the subscript at `open` is, or -1 (brackets nest: `a[b[1]]`). */
function skipSubscript(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return -1;
}
