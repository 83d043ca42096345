// awk's printf and sprintf, as mawk's do_printf walks a format: each conversion takes the next
// argument, converted as C's printf would see it (a Long for %d and %i, an unsigned Long for %u %o
// %x, a double for %e %f %g, one byte for %c), with mawk's errors when arguments run short or a
// conversion is unknown.
import type { WorkBudget } from '../../core/budget';
import { grow } from './bytes';
import { formatDouble, formatSigned, formatUnsigned, pad } from './cformat';
import { StrNum, toNum, toStr, type Cell } from './values';

const TWO_63 = 2 ** 63;
const MAX_LONG = 2n ** 63n - 1n;
const MAX_ULONG = 2n ** 64n - 1n;

/** mawk's d_to_L: a double as a C long, clamped. */
export function toLong(d: number): bigint {
  if (Number.isNaN(d)) return -(2n ** 63n);
  if (d >= TWO_63) return MAX_LONG;
  if (d < 0 && -d > TWO_63) return -MAX_LONG;
  return BigInt(Math.trunc(d));
}

/** mawk's d_to_UL: a double as a C unsigned long (negatives wrap, as the cast does). */
export function toULong(d: number): bigint {
  if (Number.isNaN(d)) return 2n ** 63n;
  if (d >= 2 ** 64) return MAX_ULONG;
  if (d < 0) return -d < 2 ** 64 ? BigInt.asUintN(64, BigInt(Math.trunc(d))) : BigInt.asUintN(64, -MAX_ULONG);
  return BigInt(Math.trunc(d));
}

/** mawk's d_to_I, for widths and precisions given by `*`. */
const toInt = (d: number) => (Number.isNaN(d) ? 0 : Math.trunc(Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, d))));

export type Formatted = { ok: true; text: string } | { ok: false; error: string; partial: string };

/** The byte `%c` prints for a cell: a number's code, a string's first byte (NUL for an empty one). */
function charOf(c: Cell): string {
  if (c === undefined) return '\0';
  if (typeof c === 'number') return String.fromCharCode(Number(BigInt.asUintN(8, toLong(c))));
  if (c instanceof StrNum) {
    const n = c.num;
    if (n !== null) return String.fromCharCode(Number(BigInt.asUintN(8, BigInt(toInt(n)))));
    return c.s === '' ? '\0' : c.s[0];
  }
  return c === '' ? '\0' : c[0];
}

/**
 * Formats `args` by `format` (byte strings), or gives mawk's run-time complaint. `who` names the
 * caller in it (printf or sprintf); `convfmt` writes a number that %s shows.
 */
export function awkFormat(format: string, args: readonly Cell[], who: 'printf' | 'sprintf', convfmt: (d: number) => string, budget: WorkBudget): Formatted {
  let out = '';
  let next = 0;
  let conversions = 0;
  const fail = (error: string): Formatted => ({ ok: false, error, partial: out });
  for (let i = 0; i < format.length; ) {
    const c = format[i];
    if (c !== '%') {
      const end = format.indexOf('%', i);
      const stop = end < 0 ? format.length : end;
      out += format.slice(i, stop);
      i = stop;
      continue;
    }
    conversions++;
    if (format[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    let j = i + 1;
    let flags = '';
    while (j < format.length && "-+ #0'".includes(format[j])) flags += format[j++];
    let width: number | undefined;
    let precision: number | undefined;
    if (format[j] === '*') {
      if (next >= args.length) return fail(`not enough arguments passed to ${who}("${format}")`);
      width = toInt(toNum(args[next++]));
      j++;
    } else {
      const m = /^\d+/.exec(format.slice(j));
      if (m) {
        width = Number(m[0]);
        j += m[0].length;
      }
    }
    if (format[j] === '.') {
      j++;
      if (format[j] === '*') {
        if (next >= args.length) return fail(`not enough arguments passed to ${who}("${format}")`);
        precision = toInt(toNum(args[next++]));
        if (precision < 0) precision = undefined;
        j++;
      } else {
        const m = /^\d*/.exec(format.slice(j))!;
        precision = Number(m[0] || 0);
        j += m[0].length;
      }
    }
    if (next >= args.length) return fail(`not enough arguments passed to ${who}("${format}")`);
    let longs = 0;
    let shorts = 0;
    while (format[j] === 'l' || format[j] === 'h') {
      if (format[j] === 'l') longs++;
      else shorts++;
      j++;
    }
    const conv = format[j];
    j++;
    if (width !== undefined && width < 0) {
      flags += '-';
      width = -width;
    }
    const arg = args[next++];
    let text: string;
    let numeric = true;
    switch (conv) {
      case 's':
      case 'c': {
        if (longs + shorts) return fail(`improper conversion(number ${conversions}) in ${who}("${format}")`);
        numeric = false;
        text = conv === 'c' ? charOf(arg) : toStr(arg, convfmt);
        if (precision !== undefined && text.length > precision) text = text.slice(0, precision);
        // mawk's own padding for strings: spaces, never zeros; `% s` of nothing prints a space.
        if (flags.includes(' ') && text === '') text = ' ';
        break;
      }
      case 'd':
      case 'i': {
        const d = toNum(arg);
        if (conv === 'd' && d >= TWO_63) text = formatUnsigned(toULong(d), 'd', precision, flags);
        else text = formatSigned(toLong(d), precision, flags);
        break;
      }
      case 'o':
      case 'x':
      case 'X':
      case 'u':
        text = formatUnsigned(toULong(toNum(arg)), conv, precision, flags);
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'g':
      case 'G':
        if (longs + shorts) return fail(`improper conversion(number ${conversions}) in ${who}("${format}")`);
        budget.spendText(precision ?? 0);
        text = formatDouble(toNum(arg), conv, precision, flags);
        break;
      default:
        return fail(`improper conversion(number ${conversions}) in ${who}("${format}")`);
    }
    if (width !== undefined && width > text.length) {
      grow(budget, out.length + width, width);
      text = pad(text, width, flags, numeric && (precision === undefined || !'diouxX'.includes(conv)));
    }
    out += text;
    i = j;
  }
  grow(budget, out.length, 1);
  return { ok: true, text: out };
}
