// Go's time.Duration as pflag reads and prints it (`--timeout=1m30s`, `--health-interval 300ms`):
// ParseDuration's syntax and its exact errors, and String() for defaults in help (`5s`, `1h0m0s`).
// A duration is nanoseconds in a signed 64-bit integer, so BigInt carries it here.
import type { GoParse } from './go-strconv';

/** The time package's own quoting: ASCII kept, every other byte as `\xNN` (unlike strconv.Quote). */
function timeQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    if (c >= ' ' && c < '\x80') out += c === '"' || c === '\\' ? `\\${c}` : c;
    else for (const byte of new TextEncoder().encode(c)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const LIMIT = 1n << 63n;

/** time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, in nanoseconds. */
export function parseGoDuration(text: string): GoParse<bigint> {
  const invalid = { ok: false as const, error: `time: invalid duration ${timeQuote(text)}` };
  let s = text;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, value: 0n };
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    if (!/^[.0-9]/.test(s)) return invalid;
    const whole = /^[0-9]*/.exec(s)![0];
    let v = 0n;
    for (const digit of whole) {
      if (v > LIMIT / 10n) return invalid;
      v = v * 10n + BigInt(digit);
      if (v > LIMIT) return invalid;
    }
    s = s.slice(whole.length);
    // The fraction stops gaining precision where it would overflow, as Go's leadingFraction does.
    let fraction = 0n;
    let scale = 1;
    let hasFraction = false;
    if (s[0] === '.') {
      const digits = /^[0-9]*/.exec(s.slice(1))![0];
      hasFraction = digits.length > 0;
      let overflow = false;
      for (const digit of digits) {
        if (overflow || fraction > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = fraction * 10n + BigInt(digit);
        if (next > LIMIT) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      s = s.slice(1 + digits.length);
    }
    if (whole === '' && !hasFraction) return invalid;
    const unitText = /^[^.0-9]*/.exec(s)![0];
    if (unitText === '') return { ok: false, error: `time: missing unit in duration ${timeQuote(text)}` };
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(text)}` };
    if (v > LIMIT / unit) return invalid;
    v *= unit;
    if (fraction > 0n) {
      // Go multiplies in float64 here, which is what keeps fractions of hours nanosecond-exact.
      v += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (v > LIMIT) return invalid;
    }
    total += v;
    if (total > LIMIT) return invalid;
  }
  if (negative) return { ok: true, value: -total };
  if (total > LIMIT - 1n) return invalid;
  return { ok: true, value: total };
}

/** `fraction` digits of v / 10^prec, trailing zeros (and a bare point) dropped, as Go's fmtFrac. */
function splitFraction(v: bigint, prec: number): [bigint, string] {
  const unit = 10n ** BigInt(prec);
  const digits = (v % unit).toString().padStart(prec, '0').replace(/0+$/, '');
  return [v / unit, digits ? `.${digits}` : ''];
}

/** Duration.String(): `0s`, `1.5µs`, `300ms`, `5s`, `1m30s`, `1h0m0s`, `-1h30m0s`. */
export function formatGoDuration(ns: bigint): string {
  const negative = ns < 0n;
  const u = negative ? -ns : ns;
  let text: string;
  if (u === 0n) return '0s';
  if (u < 1_000_000_000n) {
    const [prec, unit] = u < 1_000n ? [0, 'ns'] : u < 1_000_000n ? [3, 'µs'] : [6, 'ms'];
    const [whole, fraction] = prec ? splitFraction(u, prec) : [u, ''];
    text = `${whole}${fraction}${unit}`;
  } else {
    const [seconds, fraction] = splitFraction(u, 9);
    const minutes = seconds / 60n;
    const hours = minutes / 60n;
    text = `${seconds % 60n}${fraction}s`;
    if (minutes > 0n) text = `${hours > 0n ? `${hours}h` : ''}${minutes % 60n}m${text}`;
  }
  return negative ? `-${text}` : text;
}

/** Nanoseconds as the simulator's milliseconds (fractions below a millisecond kept). */
export const durationMs = (ns: bigint) => Number(ns) / 1e6;
