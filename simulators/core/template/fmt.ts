// Go's fmt, as templates print: Sprint, Sprintln, Sprintf and the %v of every kind, with Go's
// %!verb(type=value) complaints for mismatched operands.
import { compareGo, goQuote, hex, isPrint, quoteRune, runeCount, utf8 } from './go-text';
import { formatFloat } from './strconv';
import { fromData, isAllStrings, kindOf, num, ownKeys, structFields, tagOf, type GoComplex, type TemplateFn, type Val } from './values';

export interface FmtFlags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  wid: number | null;
  prec: number | null;
  plusV: boolean;
}

export const noFlags = (): FmtFlags => ({ minus: false, plus: false, sharp: false, space: false, zero: false, wid: null, prec: null, plusV: false });

export type TypeNamer = (obj: object) => string | undefined;

/** The Go type of a value, for messages. */
export function goTypeName(v: Val, names: TypeNamer): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'interface {}';
    case 'string':
      return 'string';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'complex':
      return 'complex128';
    case 'bool':
      return 'bool';
    case 'slice':
      return isAllStrings(v as unknown[]) ? '[]string' : '[]interface {}';
    case 'map': {
      const o = v as Record<string, unknown>;
      return names(o) ?? (isAllStrings(Object.values(o)) ? 'map[string]string' : 'map[string]interface {}');
    }
    case 'struct':
      return names(v as object) ?? 'struct {...}';
    case 'func':
      return `func(${Array(Math.max(0, (v as TemplateFn).length)).fill('string').join(', ')}) string`;
  }
}

function pad(s: string, f: FmtFlags): string {
  if (f.wid === null) return s;
  const n = f.wid - runeCount(s);
  if (n <= 0) return s;
  if (f.minus) return s + ' '.repeat(n);
  return (f.zero ? '0' : ' ').repeat(n) + s;
}

function fmtFloatVerb(x: number, verb: string, f: FmtFlags): string {
  let fmtc: 'e' | 'E' | 'f' | 'F' | 'g' | 'G';
  let prec: number;
  switch (verb) {
    case 'v':
      fmtc = 'g';
      prec = -1;
      break;
    case 'g':
    case 'G':
      fmtc = verb;
      prec = -1;
      break;
    default:
      fmtc = verb as 'e' | 'E' | 'f' | 'F';
      prec = 6;
  }
  if (f.prec !== null) prec = f.prec;
  let s = formatFloat(x, fmtc, prec);
  if (s === 'NaN' || s.endsWith('Inf')) {
    if (s === 'NaN' && (f.plus || f.space)) s = (f.plus ? '+' : ' ') + s;
    else if (s === '+Inf' && !f.plus) s = f.space ? ' Inf' : 'Inf';
    return pad(s, { ...f, zero: false });
  }
  let sign = '';
  if (s[0] === '-') [sign, s] = ['-', s.slice(1)];
  else if (f.plus) sign = '+';
  else if (f.space) sign = ' ';
  if (f.zero && !f.minus && f.wid !== null && f.wid > s.length + sign.length) return sign + '0'.repeat(f.wid - s.length - sign.length) + s;
  return pad(sign + s, { ...f, zero: false });
}

function fmtInteger(n: number, verb: string, f: FmtFlags): string | null {
  let base = 10;
  let prefix = '';
  switch (verb) {
    case 'v':
    case 'd':
      break;
    case 'b':
      base = 2;
      if (f.sharp) prefix = '0b';
      break;
    case 'o':
      base = 8;
      break;
    case 'O':
      base = 8;
      prefix = '0o';
      break;
    case 'x':
      base = 16;
      if (f.sharp) prefix = '0x';
      break;
    case 'X':
      base = 16;
      if (f.sharp) prefix = '0X';
      break;
    case 'c':
      return pad(String.fromCodePoint(n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n), f);
    case 'q':
      return pad(quoteRune(n, f.plus), f);
    case 'U': {
      let s = 'U+' + (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(16).toUpperCase().padStart(4, '0');
      if (f.sharp && n >= 0 && n <= 0x10ffff && isPrint(n)) s += ` '${String.fromCodePoint(n)}'`;
      return pad(s, f);
    }
    default:
      return null;
  }
  const negative = n < 0;
  let digits = Math.abs(n).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec = f.prec;
  if (prec === null && f.zero && !f.minus && f.wid !== null) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--;
    prec -= prefix.length;
  }
  if (prec !== null) {
    if (prec === 0 && n === 0) digits = '';
    else if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
  }
  if (verb === 'o' && f.sharp && digits[0] !== '0') digits = '0' + digits;
  const sign = negative ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad(sign + prefix + digits, { ...f, zero: false });
}

function fmtString(s: string, verb: string, f: FmtFlags): string | null {
  const truncated = f.prec !== null ? [...s].slice(0, f.prec).join('') : s;
  switch (verb) {
    case 'v':
    case 's':
      return pad(truncated, f);
    case 'q':
      if (f.sharp && !/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(truncated)) return pad('`' + truncated + '`', f);
      return pad(goQuote(truncated, f.plus), f);
    case 'x':
    case 'X': {
      let out = '';
      const bytes = utf8(truncated);
      bytes.forEach((b, i) => {
        if (i > 0 && f.space) out += ' ';
        if (f.sharp && (i === 0 || f.space)) out += verb === 'x' ? '0x' : '0X';
        out += hex(b, 2);
      });
      return pad(verb === 'X' ? out.toUpperCase() : out, f);
    }
    default:
      return null;
  }
}

export class Printer {
  constructor(private readonly names: TypeNamer) {}

  private badVerb(v: Val, verb: string): string {
    const k = kindOf(v);
    if (k === 'nil' || k === 'invalid') return `%!${verb}(<nil>)`;
    return `%!${verb}(${goTypeName(v, this.names)}=${this.arg(v, 'v', noFlags(), 0)})`;
  }

  /** One operand, as fmt's printArg/printValue would print it. */
  arg(v: Val, verb: string, f: FmtFlags, depth: number): string {
    if (depth > 100) return '...';
    const k = kindOf(v);
    if (verb === 'T') return pad(k === 'nil' || k === 'invalid' ? '<nil>' : goTypeName(v, this.names), f);
    switch (k) {
      case 'invalid':
      case 'nil':
        return verb === 'v' || depth > 0 ? pad('<nil>', f) : this.badVerb(v, verb);
      case 'bool':
        return verb === 'v' || verb === 't' ? pad(v ? 'true' : 'false', f) : this.badVerb(v, verb);
      case 'int':
        return fmtInteger(v as number, verb, f) ?? this.badVerb(v, verb);
      case 'float':
        return 'vgGeEfF'.includes(verb) ? fmtFloatVerb(num(v), verb, f) : this.badVerb(v, verb);
      case 'complex': {
        if (!'vgGeEfF'.includes(verb)) return this.badVerb(v, verb);
        const c = v as GoComplex;
        const re = fmtFloatVerb(c.re, verb, { ...f, wid: null });
        const im = fmtFloatVerb(c.im, verb, { ...f, wid: null, plus: true, space: false });
        return pad(`(${re}${im}i)`, { ...f, zero: false });
      }
      case 'string':
        return fmtString(v as string, verb, f) ?? this.badVerb(v, verb);
      case 'slice':
        return '[' + (v as unknown[]).map((e) => this.arg(fromData(e), verb, f, depth + 1)).join(' ') + ']';
      case 'map': {
        const o = v as Record<string, unknown>;
        const keys = ownKeys(o).sort(compareGo);
        return 'map[' + keys.map((key) => `${this.arg(key, verb, f, depth + 1)}:${this.arg(fromData(o[key]), verb, f, depth + 1)}`).join(' ') + ']';
      }
      case 'struct': {
        const o = v as Record<string, unknown>;
        const body = structFields(o)
          .map((key) => (f.plusV ? key + ':' : '') + this.arg(fromData(o[key]), verb, f, depth + 1))
          .join(' ');
        return (depth === 0 && tagOf(o)?.kind === 'context' ? '&' : '') + '{' + body + '}';
      }
      case 'func':
        return verb === 'v' || verb === 'p' ? pad('0x0', f) : this.badVerb(v, verb);
    }
  }

  sprint(args: Val[]): string {
    let out = '';
    let prevString = false;
    args.forEach((a, i) => {
      const isString = typeof a === 'string';
      if (i > 0 && !isString && !prevString) out += ' ';
      out += this.arg(a, 'v', noFlags(), 0);
      prevString = isString;
    });
    return out;
  }

  sprintln(args: Val[]): string {
    return args.map((a) => this.arg(a, 'v', noFlags(), 0)).join(' ') + '\n';
  }

  sprintf(format: string, args: Val[]): string {
    let out = '';
    let argNum = 0;
    let reordered = false;
    const end = format.length;
    const tooLarge = (x: number) => x > 1e6 || x < -1e6;
    const parseNum = (i: number): [number | null, number] => {
      let j = i;
      let n = 0;
      while (j < end && format[j] >= '0' && format[j] <= '9') {
        if (tooLarge(n)) return [null, end];
        n = n * 10 + (format.charCodeAt(j) - 48);
        j++;
      }
      return [j > i ? n : null, j];
    };
    let i = 0;
    while (i < end) {
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      out += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      const f = noFlags();
      for (; i < end; i++) {
        const c = format[i];
        if (c === '#') f.sharp = true;
        else if (c === '0') f.zero = !f.minus;
        else if (c === '+') f.plus = true;
        else if (c === '-') [f.minus, f.zero] = [true, false];
        else if (c === ' ') f.space = true;
        else break;
      }
      let goodArgNum = true;
      const argIndex = (): boolean => {
        if (i >= end || format[i] !== '[') return false;
        reordered = true;
        const close = format.indexOf(']', i);
        const [n, j] = parseNum(i + 1);
        if (close < 0 || n === null || j !== close || n < 1 || n > args.length) {
          goodArgNum = false;
          i = close < 0 ? end : close + 1;
          return true;
        }
        argNum = n - 1;
        i = close + 1;
        return true;
      };
      let afterIndex = argIndex();
      if (i < end && format[i] === '*') {
        i++;
        const a = args[argNum];
        argNum++;
        if (kindOf(a) === 'int' && !tooLarge(a as number)) {
          f.wid = a as number;
          if (f.wid < 0) [f.wid, f.minus, f.zero] = [-f.wid, true, false];
        } else out += '%!(BADWIDTH)';
        afterIndex = false;
      } else {
        const [n, j] = parseNum(i);
        f.wid = n;
        i = j;
        if (afterIndex && f.wid !== null) goodArgNum = false;
      }
      if (i + 1 <= end && format[i] === '.') {
        i++;
        if (afterIndex) goodArgNum = false;
        afterIndex = argIndex();
        if (i < end && format[i] === '*') {
          i++;
          const a = args[argNum];
          argNum++;
          if (kindOf(a) === 'int' && !tooLarge(a as number) && (a as number) >= 0) f.prec = a as number;
          else {
            f.prec = null;
            out += '%!(BADPREC)';
          }
          afterIndex = false;
        } else {
          const [n, j] = parseNum(i);
          f.prec = n ?? 0;
          i = j;
        }
      }
      if (!afterIndex) afterIndex = argIndex();
      if (i >= end) {
        out += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i) as number);
      i += verb.length;
      if (verb === '%') {
        out += '%';
        continue;
      }
      if (!goodArgNum) {
        out += `%!${verb}(BADINDEX)`;
        continue;
      }
      if (argNum >= args.length) {
        out += `%!${verb}(MISSING)`;
        continue;
      }
      if (verb === 'v' && f.plus) [f.plus, f.plusV] = [false, true];
      out += this.arg(args[argNum], verb, f, 0);
      argNum++;
    }
    if (!reordered && argNum < args.length) {
      out +=
        '%!(EXTRA ' +
        args
          .slice(argNum)
          .map((a) => (kindOf(a) === 'nil' || kindOf(a) === 'invalid' ? '<nil>' : `${goTypeName(a, this.names)}=${this.arg(a, 'v', noFlags(), 0)}`))
          .join(', ') +
        ')';
    }
    return out;
  }
}
