// How jq 1.7.1 writes numbers. One it computed is a double, written in its shortest digits
// (jvp_dtoa_fmt: 1e+16 but 1000000000000000, 1e-05 but 0.0001, infinities as the largest double).
// One it read keeps its literal, written as decNumber writes it (1.0, 1E+2, 0.00001, -0).
import { JqNumber } from './values';

/** The shortest digits of a finite non-zero |d| and where the decimal point goes (decpt: 0.d × 10^decpt). */
function shortest(d: number): { digits: string; decpt: number } {
  const [mantissa, exp] = Math.abs(d).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), decpt: Number(exp) + 1 };
}

/** A computed number as jq prints it (NaN is the caller's: jq prints it as null). */
export function formatDouble(d: number): string {
  if (d === Infinity) d = Number.MAX_VALUE;
  if (d === -Infinity) d = -Number.MAX_VALUE;
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const sign = d < 0 ? '-' : '';
  const { digits, decpt } = shortest(d);
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

const LITERAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan|snan)(\d*)$/i;

/**
 * A number literal (JSON text, a program's constant, tonumber's string) as jq 1.7.1 keeps it, or
 * undefined when decNumber would refuse the text. Plain doubles stand for literals jq writes the
 * same way; the rest keep their text.
 */
export function numberLiteral(text: string): number | JqNumber | undefined {
  const m = LITERAL.exec(text);
  if (!m) {
    const s = SPECIAL.exec(text);
    if (!s) return undefined;
    if (/nan/i.test(s[2])) return NaN;
    return s[1] === '-' ? -Infinity : Infinity;
  }
  const [, sign, whole, frac, onlyFrac, exp] = m;
  const intDigits = whole ?? '';
  const fracDigits = frac ?? onlyFrac ?? '';
  let coefficient = (intDigits + fracDigits).replace(/^0+/, '');
  if (coefficient === '') coefficient = '0';
  const exponent = Number(exp ?? 0) - fracDigits.length;
  const value = Number(`${sign}${intDigits || '0'}.${fracDigits || '0'}e${exp ?? 0}`);
  if (!Number.isFinite(exponent) || Math.abs(exponent) > 999_999_999) return value;
  // decNumber's to-scientific-string.
  const adjusted = exponent + coefficient.length - 1;
  let body: string;
  if (exponent <= 0 && adjusted >= -6) {
    if (exponent === 0) body = coefficient;
    else {
      const point = coefficient.length + exponent;
      body = point > 0 ? `${coefficient.slice(0, point)}.${coefficient.slice(point)}` : `0.${'0'.repeat(-point)}${coefficient}`;
    }
  } else {
    body = `${coefficient[0]}${coefficient.length > 1 ? `.${coefficient.slice(1)}` : ''}E${adjusted >= 0 ? '+' : '-'}${Math.abs(adjusted)}`;
  }
  const literal = (sign === '-' ? '-' : '') + body;
  if (!Number.isFinite(value)) return new JqNumber(value, literal);
  return literal === formatDouble(value) ? value : new JqNumber(value, literal);
}

/** A number as jq writes it in output, tostring and tojson. */
export function formatNumber(v: number | JqNumber): string {
  if (v instanceof JqNumber) return v.literal;
  return Number.isNaN(v) ? 'null' : formatDouble(v);
}
