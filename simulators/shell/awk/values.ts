// awk's values as mawk keeps them: a number (a double), a string, a string from input that may
// be a number (a field, a getline, an element split off, -v and ARGV: compared as a number when it
// looks like one), or nothing yet. Strings are byte strings (see bytes.ts).

/** Input text that is compared as a number when it reads as one (mawk's C_MBSTRN). */
export class StrNum {
  private checked = false;
  private value: number | null = null;
  constructor(readonly s: string) {}

  /** Its number when the whole text is one (surrounding blanks allowed), else null (mawk's check_strnum). */
  get num(): number | null {
    if (!this.checked) {
      this.checked = true;
      this.value = strnumValue(this.s);
    }
    return this.value;
  }
}

/** `undefined` is a variable never set: "" and 0 at once. */
export type Cell = number | string | StrNum | undefined;

const SPACE = /[ \t\f\r\v]/;

/** mawk's test for a numeric string: trimmed, it starts like a number, ends in a digit or a dot, and strtod reads all of it. */
function strnumValue(s: string): number | null {
  let from = 0;
  let to = s.length;
  while (from < to && SPACE.test(s[from])) from++;
  while (to > from && SPACE.test(s[to - 1])) to--;
  if (from === to) return null;
  if (!/[0-9.]/.test(s[to - 1]) || !/[0-9+\-.]/.test(s[from])) return null;
  const r = strtod(s, from);
  if (r.range || r.end < to) return null;
  return r.value;
}

const HEX = /^[0-9a-fA-F]$/;

/**
 * C's strtod from `from`: the value of the longest prefix that is a number (decimal, hex with
 * 0x, inf, nan), where it ends (from itself when nothing is read), and whether it is out of
 * range (ERANGE: an overflow to infinity or an underflow).
 */
export function strtod(s: string, from = 0): { value: number; end: number; range: boolean } {
  let i = from;
  while (i < s.length && /[ \t\n\f\r\v]/.test(s[i])) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const rest = s.slice(i, i + 8).toLowerCase();
  if (rest.startsWith('inf')) return { value: sign * Infinity, end: i + (rest.startsWith('infinity') ? 8 : 3), range: false };
  if (rest.startsWith('nan')) {
    let end = i + 3;
    const paren = /^\([0-9A-Za-z_]*\)/.exec(s.slice(end, end + 64));
    if (paren) end += paren[0].length;
    return { value: NaN, end, range: false };
  }
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && (HEX.test(s[i + 2] ?? '') || (s[i + 2] === '.' && HEX.test(s[i + 3] ?? '')))) {
    let j = i + 2;
    let mantissa = 0;
    let scale = 0;
    while (HEX.test(s[j] ?? '')) mantissa = mantissa * 16 + parseInt(s[j++], 16);
    if (s[j] === '.') {
      j++;
      while (HEX.test(s[j] ?? '')) {
        mantissa = mantissa * 16 + parseInt(s[j++], 16);
        scale -= 4;
      }
    }
    const exp = /^[pP]([+-]?\d+)/.exec(s.slice(j, j + 12));
    if (exp) {
      scale += Number(exp[1]);
      j += exp[0].length;
    }
    const value = sign * mantissa * 2 ** scale;
    return { value, end: j, range: !Number.isFinite(value) };
  }
  const m = /^(\d*)(?:\.(\d*))?/.exec(s.slice(i, i + 4096))!;
  const digits = (m[1] ?? '') + (m[2] ?? '');
  if (!digits) return { value: 0, end: from, range: false };
  let j = i + m[0].length;
  let text = m[0];
  const exp = /^[eE][+-]?\d+/.exec(s.slice(j, j + 4096));
  if (exp) {
    text += exp[0];
    j += exp[0].length;
  }
  const magnitude = Number(text.startsWith('.') ? `0${text}` : text.endsWith('.') ? text.slice(0, -1) : text);
  const range = !Number.isFinite(magnitude) || (magnitude === 0 && /[1-9]/.test(digits)) || (magnitude !== 0 && magnitude < 2.2250738585072014e-308);
  return { value: sign * magnitude, end: j, range };
}

/** A cell's number: a string's is what strtod reads at its start (0 when nothing). */
export function toNum(c: Cell): number {
  if (typeof c === 'number') return c;
  if (c === undefined) return 0;
  if (c instanceof StrNum) return c.num ?? strtod(c.s).value;
  return strtod(c).value;
}

const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

/**
 * The text of an integral double as mawk prints it with %ld or %lu (d_to_L, d_to_UL), or
 * undefined when the double is not one of those integers and goes through CONVFMT or OFMT.
 */
export function integerText(d: number): string | undefined {
  if (Number.isSafeInteger(d)) return String(d);
  if (!Number.isFinite(d) || d !== Math.trunc(d)) return undefined;
  if (d >= TWO_63) {
    // Past ULONG_MAX mawk clamps, and ULONG_MAX reads back as 2^64 itself.
    const u = d >= TWO_64 ? 2n ** 64n - 1n : BigInt(d);
    return Number(u) === d ? u.toString() : undefined;
  }
  if (d < 0 && -d > TWO_63) return undefined;
  return BigInt(d).toString();
}

/** A cell as a string; numbers that are not integers go through `fmt` (CONVFMT, or OFMT for print). */
export function toStr(c: Cell, fmt: (d: number) => string): string {
  if (typeof c === 'string') return c;
  if (c === undefined) return '';
  if (c instanceof StrNum) return c.s;
  return integerText(c) ?? fmt(c);
}

/** Whether a condition holds: a number is true unless zero, a string unless empty, input text by what it looks like. */
export function isTrue(c: Cell): boolean {
  if (typeof c === 'number') return c !== 0;
  if (c === undefined) return false;
  if (c instanceof StrNum) {
    const n = c.num;
    return n === null ? c.s !== '' : n !== 0;
  }
  return c !== '';
}

/** Whether a cell compares as a number: a number, nothing, or input text that reads as one. */
function numeric(c: Cell): boolean {
  return typeof c === 'number' || c === undefined || (c instanceof StrNum && c.num !== null);
}

/** awk's comparison: numbers when both sides are numeric, else strings byte by byte. */
export function compare(a: Cell, b: Cell, fmt: (d: number) => string): number {
  if (numeric(a) && numeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    // mawk's compare() asks > then <: NaN is neither, so it equals everything.
    return x > y ? 1 : x < y ? -1 : 0;
  }
  const s = toStr(a, fmt);
  const t = toStr(b, fmt);
  return s < t ? -1 : s > t ? 1 : 0;
}
