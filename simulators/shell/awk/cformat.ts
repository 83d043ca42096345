// C's printf conversions of doubles and integers, as glibc prints them: %e %f %g rounded half to
// even on the double's exact value (printf("%.0f", 2.5) is 2, "%.2f" of 0.125 is 0.12), NaN and
// infinities spelled inf and nan, integers of 64 bits. mawk hands its numbers to these.

const view = new DataView(new ArrayBuffer(8));

/** Whether the sign bit is set (a NaN has one too: x86's invalid operations make -nan). */
export function signBit(x: number): boolean {
  view.setFloat64(0, x);
  return (view.getUint8(0) & 0x80) !== 0;
}

/** The NaN x86 makes for an invalid operation (0/0, log(-1)), which glibc prints as -nan. */
export const NEG_NAN: number = (() => {
  view.setUint32(0, 0xfff80000);
  view.setUint32(4, 0);
  return view.getFloat64(0);
})();

/** `x` (finite, positive) rounded to `n` significant digits, half to even: the digits and the exponent of the first. */
function roundSignificant(x: number, n: number): { digits: string; exp: number } {
  const places = Math.min(Math.max(n, 1), 100);
  const [mantissa, e] = x.toExponential(places - 1).split('e');
  let digits = mantissa.replace('.', '');
  let exp = Number(e);
  // JavaScript rounds a tie up, C to even. A tie is exact: 5 then zeros after the kept digits,
  // which two more digits already show (they read 50 exactly when it is one).
  if (x.toExponential(places + 1).split('e')[0].replace('.', '').slice(places) === '50') {
    const [all, allExp] = x.toExponential(100).split('e');
    const exact = all.replace('.', '');
    if (/^50*$/.test(exact.slice(places)) && Number(exact[places - 1]) % 2 === 0) {
      digits = exact.slice(0, places);
      exp = Number(allExp);
    }
  }
  if (n > places) digits = digits.padEnd(n, '0');
  return { digits, exp };
}

/** `x` (finite, positive) with `p` digits after the point. */
function fixed(x: number, p: number): string {
  if (x === 0) return p > 0 ? `0.${'0'.repeat(p)}` : '0';
  if (x >= 2 ** 53) {
    // An integer: its exact digits (glibc prints all of them).
    const whole = BigInt(x).toString();
    return p > 0 ? `${whole}.${'0'.repeat(p)}` : whole;
  }
  const e10 = Number(x.toExponential().split('e')[1]);
  const n = e10 + 1 + p;
  let digits: string;
  let exp: number;
  if (n <= 0) {
    // Below half a unit of the last place it is 0; above, one unit; a tie goes to the even 0.
    const exact = x.toExponential(100).split('e')[0].replace('.', '');
    if (n === 0 && (exact[0] > '5' || (exact[0] === '5' && /[1-9]/.test(exact.slice(1))))) {
      digits = '1';
      exp = -p;
    } else return p > 0 ? `0.${'0'.repeat(p)}` : '0';
  } else ({ digits, exp } = roundSignificant(x, n));
  let whole: string;
  let frac: string;
  if (exp >= 0) {
    whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    frac = digits.slice(exp + 1);
  } else {
    whole = '0';
    frac = '0'.repeat(-exp - 1) + digits;
  }
  frac = frac.padEnd(p, '0').slice(0, p);
  return p > 0 ? `${whole}.${frac}` : whole;
}

function exponential(x: number, p: number, upper: boolean, alt: boolean): { text: string; exp: number } {
  const { digits, exp } = x === 0 ? { digits: '0'.repeat(p + 1), exp: 0 } : roundSignificant(x, p + 1);
  const d = digits.padEnd(p + 1, '0');
  const e = `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return { text: `${d[0]}${p > 0 || alt ? '.' : ''}${d.slice(1, p + 1)}${e}`, exp };
}

/** %e %f %g %E %G of a double's magnitude and sign: the text without padding. */
export function formatDouble(x: number, conv: string, precision: number | undefined, flags: string): string {
  const upper = conv === 'E' || conv === 'G' || conv === 'F';
  const alt = flags.includes('#');
  const negative = signBit(x);
  const sign = negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const a = Math.abs(x);
  if (Number.isNaN(x)) return sign + (upper ? 'NAN' : 'nan');
  if (a === Infinity) return sign + (upper ? 'INF' : 'inf');
  const lower = conv.toLowerCase();
  if (lower === 'f') return sign + fixed(a, precision ?? 6) + (alt && precision === 0 ? '.' : '');
  if (lower === 'e') return sign + exponential(a, precision ?? 6, upper, alt).text;
  // %g: P significant digits, as %e when the exponent is below -4 or at least P, else as %f.
  const p = precision === undefined ? 6 : Math.max(precision, 1);
  const probe = exponential(a, p - 1, upper, alt);
  if (probe.exp < -4 || probe.exp >= p) {
    return sign + (alt ? probe.text : probe.text.replace(/\.?0+(?=[eE])/, ''));
  }
  const text = fixed(a, p - 1 - probe.exp);
  return sign + (alt || !text.includes('.') ? text + (alt && !text.includes('.') ? '.' : '') : text.replace(/\.?0+$/, ''));
}

/** Pads a converted value to `width` as C does: spaces left or right, or zeros after the sign and 0x. */
export function pad(text: string, width: number, flags: string, zeros: boolean): string {
  if (text.length >= width) return text;
  const fill = width - text.length;
  if (flags.includes('-')) return text + ' '.repeat(fill);
  if (zeros && flags.includes('0')) {
    const m = /^([-+ ]?(?:0[xX])?)/.exec(text)!;
    return m[1] + '0'.repeat(fill) + text.slice(m[1].length);
  }
  return ' '.repeat(fill) + text;
}

/** %d %i of a 64-bit signed integer, with C's flags and precision (minimum digits). */
export function formatSigned(n: bigint, precision: number | undefined, flags: string): string {
  let digits = (n < 0n ? -n : n).toString();
  if (precision !== undefined) digits = precision === 0 && n === 0n ? '' : digits.padStart(precision, '0');
  return (n < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits;
}

/** %u %o %x %X of a 64-bit unsigned integer. */
export function formatUnsigned(n: bigint, conv: string, precision: number | undefined, flags: string): string {
  let digits = n.toString(conv === 'o' ? 8 : conv === 'u' || conv === 'd' ? 10 : 16);
  if (conv === 'X') digits = digits.toUpperCase();
  if (precision !== undefined) digits = precision === 0 && n === 0n ? '' : digits.padStart(precision, '0');
  if (flags.includes('#')) {
    if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    else if ((conv === 'x' || conv === 'X') && n !== 0n) digits = (conv === 'x' ? '0x' : '0X') + digits;
  }
  return digits;
}
