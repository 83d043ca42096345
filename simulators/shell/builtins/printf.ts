import { workBudget, type WorkBudget } from '../../core/budget';
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { TextBuilder } from '../bytes';
import { byteLength } from '../fs';
import { assignVar } from '../interpreter';
import { strftime } from './date';
import { interpretEscapes } from './echo';

/** Backslash escapes of printf's format: C's, plus \e and octal without a leading 0 (`\101`). Returns where it ends. */
function formatEscape(format: string, i: number, out: TextBuilder, warn: (message: string) => void): number {
  const rest = format.slice(i + 1);
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' };
  if (rest[0] in simple) {
    out.add(simple[rest[0]]);
    return i + 2;
  }
  const octal = /^[0-7]{1,3}/.exec(rest);
  if (octal) {
    out.byte(parseInt(octal[0], 8) & 0xff);
    return i + 1 + octal[0].length;
  }
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(rest);
  if (hex) {
    out.byte(parseInt(hex[1], 16));
    return i + 1 + hex[0].length;
  }
  const unicode = /^u([0-9a-fA-F]{1,4})|^U([0-9a-fA-F]{1,8})/.exec(rest);
  if (unicode) {
    out.add(String.fromCodePoint(parseInt(unicode[1] ?? unicode[2], 16)));
    return i + 1 + unicode[0].length;
  }
  if (rest[0] === 'x') warn('bash: printf: missing hex digit for \\x');
  if (rest[0] === 'u' || rest[0] === 'U') warn(`bash: printf: missing unicode digit for \\${rest[0]}`);
  out.add('\\');
  return i + 1;
}

/** bash's %q: backslashes before what the shell would read specially, or $'...' for control characters. */
export function shellEscape(s: string): string {
  if (s === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(s)) {
    const named: Record<string, string> = { '\x07': 'a', '\b': 'b', '\x1b': 'E', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\\': '\\', "'": "'" };
    return `$'${[...s].map((c) => (named[c] ? `\\${named[c]}` : /[\x00-\x1f\x7f]/.test(c) ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}'`;
  }
  return [...s]
    .map((c, i) => {
      const special = ' !"$&\'()*,;<>?[\\]^`{|}'.includes(c) || (c === '#' && i === 0) || (c === '~' && (i === 0 || s[i - 1] === ':' || s[i - 1] === '='));
      return special ? `\\${c}` : c;
    })
    .join('');
}

const INT_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 63n);

/** An integer argument as bash reads it (strtoimax base 0, or 'c for a character's code). */
function integerArg(arg: string | undefined, fail: (message: string) => void, warn: (message: string) => void): bigint {
  if (arg === undefined || arg === '') return 0n;
  if (/^['"]/.test(arg)) return BigInt(arg.length > 1 ? arg.codePointAt(1)! : 0);
  const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(arg);
  if (!m) {
    fail(`bash: printf: ${arg}: invalid number`);
    return 0n;
  }
  if (m[0].length !== arg.length) fail(`bash: printf: ${arg}: invalid number`);
  const digits = m[2];
  let value = digits.length > 1 && digits[0] === '0' && !/^0[xX]/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  if (m[1] === '-') value = -value;
  if (value > INT_MAX || value < INT_MIN) {
    warn(`bash: printf: warning: ${arg}: Numerical result out of range`);
    value = value > INT_MAX ? INT_MAX : INT_MIN;
  }
  return value;
}

/** A number as digits × 10^-scale, exactly; or infinity or not-a-number. */
type Decimal = { negative: boolean; digits: bigint; scale: number } | { negative: boolean; special: 'inf' | 'nan' };

const bitLength = (n: bigint) => n.toString(2).length;

/**
 * Rounds num/den to a 64-bit binary mantissa, as a long double holds it (bash's printf reads its
 * numbers with strtold, so `printf '%.1f' 2.35` prints 2.3), and returns that value exactly.
 */
function toLongDouble(negative: boolean, num: bigint, den: bigint): Decimal {
  if (num === 0n) return { negative, digits: 0n, scale: 0 };
  let shift = 64 - (bitLength(num) - bitLength(den)) + 1;
  let q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  let r = shift >= 0 ? (num << BigInt(shift)) % den : num % (den << BigInt(-shift));
  let unit = shift >= 0 ? den : den << BigInt(-shift);
  while (bitLength(q) > 64) {
    r += (q & 1n) * unit;
    unit *= 2n;
    q >>= 1n;
    shift--;
  }
  if (r * 2n > unit || (r * 2n === unit && (q & 1n) === 1n)) q++;
  // value = q × 2^-shift
  if (shift <= 0) return { negative, digits: q << BigInt(-shift), scale: 0 };
  return { negative, digits: q * 5n ** BigInt(shift), scale: shift };
}

/**
 * Where a long double ends: past about 1.19e4932 strtold gives infinity, below about 3.6e-4951
 * zero, both with ERANGE, which bash reports and prints through. Checked before any digit is
 * built, so `printf %f 1e999999999` costs nothing.
 */
const LONG_DOUBLE = { maxDecimal: 4932, minDecimal: -4951, maxBinary: 16384, minBinary: -16445 };

/** A floating-point argument as strtold reads it ('c gives a character's code). */
function floatArg(arg: string | undefined, fail: (message: string) => void, warn: (message: string) => void = () => {}): Decimal {
  const zero = { negative: false, digits: 0n, scale: 0 };
  if (arg === undefined || arg === '') return zero;
  if (/^['"]/.test(arg)) return { negative: false, digits: BigInt(arg.length > 1 ? arg.codePointAt(1)! : 0), scale: 0 };
  const m = /^\s*([-+]?)(?:(inf(?:inity)?|nan)|0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?|(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?)/i.exec(arg)!;
  const valid = m[2] !== undefined || /[0-9a-fA-F]/.test((m[3] ?? '') + (m[4] ?? '')) || /\d/.test((m[6] ?? '') + (m[7] ?? ''));
  if (!valid) {
    fail(`bash: printf: ${arg}: invalid number`);
    return zero;
  }
  if (m[0].length !== arg.length) fail(`bash: printf: ${arg}: invalid number`);
  const negative = m[1] === '-';
  if (m[2] !== undefined) return { negative, special: /^n/i.test(m[2]) ? 'nan' : 'inf' };
  const outOfRange = (tooBig: boolean): Decimal => {
    warn(`bash: printf: warning: ${arg}: Numerical result out of range`);
    return tooBig ? { negative, special: 'inf' } : { negative, digits: 0n, scale: 0 };
  };
  if (m[3] !== undefined) {
    const hex = ((m[3] ?? '') + (m[4] ?? '')).replace(/^0+/, '');
    const exponent = Number(m[5] ?? 0) - 4 * (m[4] ?? '').length;
    // The value's binary magnitude, from its digits and exponent alone.
    const magnitude = hex.length * 4 + exponent;
    if (hex && magnitude > LONG_DOUBLE.maxBinary) return outOfRange(true);
    if (hex && magnitude < LONG_DOUBLE.minBinary) return outOfRange(false);
    const num = BigInt(`0x${hex || '0'}`);
    return exponent >= 0 ? toLongDouble(negative, num << BigInt(exponent), 1n) : toLongDouble(negative, num, 1n << BigInt(-exponent));
  }
  const text = ((m[6] ?? '') + (m[7] ?? '')).replace(/^0+/, '');
  const exponent = Number(m[8] ?? 0) - (m[7] ?? '').length;
  // The value's decimal magnitude, from its digits and exponent alone.
  const magnitude = text.length + exponent;
  if (text && magnitude > LONG_DOUBLE.maxDecimal + 1) return outOfRange(true);
  if (text && magnitude < LONG_DOUBLE.minDecimal) return outOfRange(false);
  const digits = BigInt(text || '0');
  return exponent >= 0 ? toLongDouble(negative, digits * 10n ** BigInt(exponent), 1n) : toLongDouble(negative, digits, 10n ** BigInt(-exponent));
}

/** digits / 10^drop, rounded half to even. */
function roundDigits(digits: bigint, drop: number): bigint {
  if (drop <= 0) return digits * 10n ** BigInt(-drop);
  const unit = 10n ** BigInt(drop);
  let q = digits / unit;
  const r = digits % unit;
  if (r * 2n > unit || (r * 2n === unit && q % 2n === 1n)) q++;
  return q;
}

function fixed(x: { digits: bigint; scale: number }, precision: number): string {
  const q = roundDigits(x.digits, x.scale - precision).toString().padStart(precision + 1, '0');
  return precision ? `${q.slice(0, -precision)}.${q.slice(-precision)}` : q;
}

/** The mantissa digits (precision + 1 of them) and decimal exponent of %e. */
function scientific(x: { digits: bigint; scale: number }, precision: number): { mantissa: string; exponent: number } {
  if (x.digits === 0n) return { mantissa: '0'.repeat(precision + 1), exponent: 0 };
  const length = x.digits.toString().length;
  let exponent = length - 1 - x.scale;
  let mantissa = roundDigits(x.digits, length - precision - 1).toString();
  if (mantissa.length > precision + 1) {
    mantissa = mantissa.slice(0, precision + 1);
    exponent++;
  }
  return { mantissa, exponent };
}

/** %f, %e and %g of a number's magnitude, rounded as C rounds (half to even on the exact value). */
function formatFloat(x: Decimal, conv: string, precision: number | undefined, alt: boolean): string {
  const upper = conv === conv.toUpperCase();
  if ('special' in x) return upper ? x.special.toUpperCase() : x.special;
  const e = (m: string, exp: number, p: number) =>
    `${m[0]}${p || alt ? '.' : ''}${m.slice(1)}${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const lower = conv.toLowerCase();
  if (lower === 'f') return fixed(x, precision ?? 6) + (alt && precision === 0 ? '.' : '');
  if (lower === 'e') {
    const p = precision ?? 6;
    const { mantissa, exponent } = scientific(x, p);
    return e(mantissa, exponent, p);
  }
  // %g: %e or %f, whichever suits the exponent, without trailing zeros unless #.
  const p = precision === undefined ? 6 : Math.max(precision, 1);
  const { mantissa, exponent } = scientific(x, p - 1);
  if (exponent < -4 || exponent >= p) {
    const text = e(mantissa, exponent, p - 1);
    return alt ? text : text.replace(/\.?0+(?=[eE])/, '');
  }
  const text = fixed(x, p - 1 - exponent);
  return alt || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
}

const CONVERSION = /^%([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?([hjlLtz]*)(\([^)]*\)T|[diouxXfFeEgGcsbq%])?/;

export interface PrintfResult {
  text: string;
  /** Complaints, in order. */
  messages: string[];
  /** Whether one of them makes the status 1 (a bad number or format). */
  failed: boolean;
}

/** Formats like bash's printf: the format is reused until every argument is consumed. */
/** C's INT_MAX: printf's widths and precisions are ints. */
const C_INT_MAX = 2147483647;

/**
 * Formats like bash's printf: the format is reused until every argument is consumed. Padding and
 * precision are paid from `budget` before they are built: `printf '%999999999d'` is a write of a
 * gigabyte, cut as Ctrl-C would cut it, not an allocation.
 */
export function formatPrintf(format: string, args: string[], now = 0, budget: WorkBudget = workBudget()): PrintfResult {
  const messages: string[] = [];
  let failed = false;
  const warn = (message: string) => messages.push(message);
  const fail = (message: string) => {
    messages.push(message);
    failed = true;
  };
  let out = '';
  let index = 0;
  const next = () => args[index++];
  for (;;) {
    const start = index;
    for (let i = 0; i < format.length; ) {
      const c = format[i];
      if (c === '\\') {
        const bytes = new TextBuilder();
        // Escaped bytes in a row make one UTF-8 character (`\xc3\xa9` is é).
        while (format[i] === '\\') i = formatEscape(format, i, bytes, warn);
        out += bytes.toString();
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      const m = CONVERSION.exec(format.slice(i))!;
      const [whole, flags, widthSpec, precisionSpec, , conv] = m;
      if (!conv) {
        const shown = whole + (format[i + whole.length] ?? '');
        fail(format[i + whole.length] === undefined ? `bash: printf: \`${shown}': missing format character` : `bash: printf: \`${format[i + whole.length]}': invalid format character`);
        return { text: out, messages, failed };
      }
      i += whole.length;
      if (conv === '%') {
        if (whole !== '%%') {
          fail("bash: printf: `%': invalid format character");
          return { text: out, messages, failed };
        }
        out += '%';
        continue;
      }
      // A `*` past an int is clamped to one, and bash's warning names the argument after it.
      const star = () => {
        const n = integerArg(next(), fail, warn);
        if (n > BigInt(C_INT_MAX) || n < -BigInt(C_INT_MAX) - 1n) {
          warn(`bash: printf: warning: ${args[index] ?? ''}: Numerical result out of range`);
          return n > 0n ? C_INT_MAX : -C_INT_MAX - 1;
        }
        return Number(n);
      };
      let width = widthSpec === '*' ? star() : Number(widthSpec ?? 0);
      let left = flags.includes('-');
      if (width < 0) {
        left = true;
        width = Math.min(-width, C_INT_MAX);
      }
      const precision = precisionSpec === undefined ? undefined : precisionSpec === '*' ? star() : Number(precisionSpec || 0);
      const arg = next();
      // A width or precision written past an int in the format: bash prints nothing for it.
      if ((widthSpec !== '*' && width > C_INT_MAX) || (precisionSpec !== '*' && precision !== undefined && precision > C_INT_MAX)) continue;
      // A number's precision is digits to build (a string's only cuts it short).
      if (precision !== undefined && precision > 0 && 'diouxXfFeEgG'.includes(conv)) budget.spendText(precision);
      let value: string;
      let numeric = true;
      if ('di'.includes(conv)) {
        const n = integerArg(arg, fail, warn);
        value = (n < 0n ? -n : n).toString();
        if (precision !== undefined) value = precision === 0 && n === 0n ? '' : value.padStart(precision, '0');
        value = (n < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + value;
      } else if ('ouxX'.includes(conv)) {
        const n = BigInt.asUintN(64, integerArg(arg, fail, warn));
        value = n.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
        if (conv === 'X') value = value.toUpperCase();
        if (precision !== undefined) value = precision === 0 && n === 0n ? '' : value.padStart(precision, '0');
        if (flags.includes('#') && n !== 0n) value = conv === 'o' ? (value.startsWith('0') ? value : `0${value}`) : conv === 'x' ? `0x${value}` : conv === 'X' ? `0X${value}` : value;
      } else if ('fFeEgG'.includes(conv)) {
        const x = floatArg(arg, fail, warn);
        value = formatFloat(x, conv, precision, flags.includes('#'));
        value = (x.negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + value;
      } else {
        numeric = false;
        if (conv === 'c') value = arg === undefined || arg === '' ? '\0' : [...arg][0];
        else if (conv === 'b') {
          const esc = interpretEscapes(arg ?? '', { octalWithoutZero: true });
          if (esc.stop) return { text: out + esc.text, messages, failed };
          value = esc.text;
        } else if (conv === 'q') value = shellEscape(arg ?? '');
        else if (conv.endsWith('T')) {
          const seconds = arg === undefined || arg === '' || arg === '-1' || arg === '-2' ? Math.floor(now / 1000) : Number(integerArg(arg, fail, warn));
          // A time no Date can hold is one localtime cannot break down either: bash prints the epoch's.
          const ms = seconds * 1000;
          value = strftime(conv.slice(1, -2), Math.abs(ms) <= 8.64e15 ? ms : 0);
        } else value = arg ?? '';
        if (precision !== undefined && conv !== 'c') value = [...value].slice(0, precision).join('');
      }
      // bash pads to a width in bytes; zeros go after the sign, and only for numbers without a precision.
      const pad = Math.max(0, width - byteLength(value));
      budget.spendText(pad);
      if (pad === 0) out += value;
      else if (left) out += value + ' '.repeat(pad);
      else if (numeric && flags.includes('0') && (precision === undefined || !'diouxX'.includes(conv))) {
        const sign = /^[-+ ]/.test(value) ? value[0] : '';
        const prefix = /^0[xX]/.test(value.slice(sign.length)) ? value.slice(sign.length, sign.length + 2) : '';
        out += sign + prefix + '0'.repeat(pad) + value.slice(sign.length + prefix.length);
      } else out += ' '.repeat(pad) + value;
    }
    if (index === start || index >= args.length) break;
  }
  return { text: out, messages, failed };
}

const USAGE = 'printf: usage: printf [-v var] format [arguments]\n';

export const printf: CommandSpec = {
  name: 'printf',
  summary: 'Formats and prints ARGUMENTS under control of the FORMAT.',
  usage: '[-v var] format [arguments]',
  description:
    'FORMAT is a character string which contains three types of objects: plain\ncharacters, character escape sequences, and format specifications.\n\nOptions:\n  -v var\tassign the output to shell variable VAR rather than\n\t\tdisplay it on the standard output',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  usageExitCode: 2,
  run(ctx) {
    const args = [...ctx.command.args];
    let variable: string | undefined;
    while (args.length && args[0].startsWith('-') && args[0] !== '-') {
      const option = args.shift()!;
      if (option === '--') break;
      if (option === '--help') {
        ctx.out(printf.dialect.help([printf]));
        return 2;
      }
      if (option !== '-v' && !option.startsWith('-v')) {
        ctx.err(`bash: printf: ${option.slice(0, 2)}: invalid option\n${USAGE}`);
        return 2;
      }
      variable = option === '-v' ? args.shift() : option.slice(2);
      if (variable === undefined) {
        ctx.err(`bash: printf: -v: option requires an argument\n${USAGE}`);
        return 2;
      }
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
        ctx.err(`bash: printf: \`${variable}': not a valid identifier\n`);
        return 2;
      }
    }
    if (args.length === 0) {
      ctx.err(USAGE);
      return 2;
    }
    const { text, messages, failed } = formatPrintf(args[0], args.slice(1), ctx.machine.now(), ctx.budget);
    // bash writes its complaints at once and the formatted text when printf ends.
    for (const message of messages) ctx.err(`${message}\n`);
    if (variable !== undefined) ctx.machine.setShell((s) => assignVar(s, variable!, text, false, ctx.language?.owned));
    else ctx.out(text);
    return failed ? 1 : 0;
  },
};
