// seq: numbers from FIRST to LAST by INCREMENT, printed as GNU seq 9.4 prints them (seq.c): the
// precision and, with -w, the width come from how the operands were written (`1 0.5 3` gives
// 1.0 1.5 ...), a -f FORMAT takes one floating-point directive. Values are exact decimals here,
// so `seq 0 0.1 1` reaches 1.0 as seq's long doubles do after its rounding check.
import { gnu } from '../../core/command/dialects';
import { parseCommand } from '../../core/command/flags';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { writeEndless } from './endless';
import { formatPrintf } from './printf';
import { curly } from './support';

/** A finite value is n / 10^scale. */
type Value = { n: bigint; scale: number } | { inf: -1 | 1 };

interface Operand {
  value: Value;
  /** Print width, as scan_arg works it out from the text. */
  width: number;
  /** Digits after the point; Infinity when the text is no fixed-point number (hex, inf). */
  precision: number;
}

const isFinite = (v: Value): v is { n: bigint; scale: number } => 'n' in v;

/** The operand as strtold reads the whole of it, or what seq says about it. */
function readValue(arg: string): Value | 'nan' | undefined {
  const m = /^\s*([-+]?)(?:(inf(?:inity)?)|(nan(?:\([0-9A-Za-z_]*\))?)|0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?|(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?)$/i.exec(arg);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  if (m[2]) return { inf: sign < 0n ? -1 : 1 };
  if (m[3]) return 'nan';
  if (m[4] !== undefined || m[5] !== undefined) {
    const whole = m[4] ?? '';
    const fraction = m[5] ?? '';
    if (!whole && !fraction) return undefined;
    const exponent = Number(m[6] ?? 0) - 4 * fraction.length;
    if (Math.abs(exponent) > 20_000) return undefined;
    const mantissa = BigInt(`0x${whole}${fraction}`) * sign;
    // m × 2^e is exact in decimal: m × 5^-e / 10^-e for a negative e.
    return exponent >= 0 ? { n: mantissa << BigInt(exponent), scale: 0 } : { n: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
  }
  const whole = m[7] ?? '';
  const fraction = m[8] ?? '';
  if (!whole && !fraction) return undefined;
  const exponent = Number(m[9] ?? 0);
  // Past a long double's range strtold gives infinity (or zero), which xstrtold refuses.
  if (Math.abs(exponent) > 4950) return undefined;
  const digits = BigInt(`${whole}${fraction}` || '0') * sign;
  const scale = fraction.length - exponent;
  return scale >= 0 ? { n: digits, scale } : { n: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** scan_arg's width and precision, from the text as written. */
function scanOperand(arg: string, value: Value): Operand {
  const a = arg.replace(/^[\s+]+/, '');
  let width = 0;
  let precision = Infinity;
  const dp = a.indexOf('.');
  if (dp < 0 && !a.includes('p')) precision = 0;
  if (!/[xX]/.test(a) && isFinite(value)) {
    let fractionLength = 0;
    width = a.length;
    if (dp >= 0) {
      fractionLength = /^[^eE]*/.exec(a.slice(dp + 1))![0].length;
      precision = fractionLength;
      width += fractionLength === 0 ? -1 : dp === 0 || !/\d/.test(a[dp - 1]) ? 1 : 0;
    }
    let e = a.indexOf('e');
    if (e < 0) e = a.indexOf('E');
    if (e >= 0) {
      let exponent = Number(/^[-+]?\d*/.exec(a.slice(e + 1))![0]) || 0;
      precision += exponent < 0 ? -exponent : -Math.min(precision, exponent);
      width -= a.length - e;
      if (exponent < 0) {
        if (dp < 0 || e === dp + 1) width++;
        exponent = -exponent;
      } else {
        if (dp >= 0 && precision === 0 && fractionLength) width--;
        exponent -= Math.min(fractionLength, exponent);
      }
      width += exponent;
    }
  }
  return { value, width, precision };
}

const align = (v: { n: bigint; scale: number }, scale: number) => v.n * 10n ** BigInt(scale - v.scale);
function compare(a: Value, b: Value): number {
  if (!isFinite(a) || !isFinite(b)) return (isFinite(a) ? 0 : a.inf) - (isFinite(b) ? 0 : b.inf);
  const scale = Math.max(a.scale, b.scale);
  const d = align(a, scale) - align(b, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** first + i × step, exactly. */
function nth(first: Value, step: Value, i: bigint): Value {
  if (!isFinite(first)) return first;
  if (!isFinite(step)) return step;
  const scale = Math.max(first.scale, step.scale);
  return { n: align(first, scale) + i * align(step, scale), scale };
}

/** The exact decimal text of a value, as a number argument. */
const decimal = (v: Value) => (isFinite(v) ? `${v.n}e-${v.scale}` : v.inf < 0 ? '-inf' : 'inf');

/** `%.PLf` (with `-w`, `%0W.PLf`) printed exactly: the values never have more digits than P. */
function fixed(v: { n: bigint; scale: number }, precision: number, width: number): string {
  const n = align(v, precision);
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString().padStart(precision + 1, '0');
  if (precision) digits = `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
  return (negative ? '-' : '') + digits.padStart(width - (negative ? 1 : 0), '0');
}

/** A -f FORMAT split round its one directive, or seq's complaint (long_double_format). */
function splitFormat(format: string): { prefix: string; directive: string; suffix: string } | string {
  const literal = (s: string) => s.replace(/%%/g, '%');
  let i = 0;
  while (!(format[i] === '%' && format[i + 1] !== '%')) {
    if (i >= format.length) return `format ${curly(format)} has no % directive`;
    i += format[i] === '%' ? 2 : 1;
  }
  const m = /^%[-+#0 ']*\d*(?:\.\d*)?(L?)(.?)/.exec(format.slice(i))!;
  if (m[2] === '') return `format ${curly(format)} ends in %`;
  if (!'efgaEFGA'.includes(m[2])) return `format ${curly(format)} has unknown %${m[2]} directive`;
  const rest = format.slice(i + m[0].length);
  for (let j = 0; j < rest.length; j += rest[j] === '%' ? 2 : 1) if (rest[j] === '%' && rest[j + 1] !== '%') return `format ${curly(format)} has too many % directives`;
  return { prefix: literal(format.slice(0, i)), directive: m[0], suffix: literal(rest) };
}

/** The options end where seq sees a negative number, before getopt would take it for one. */
function optionWords(argv: readonly string[]): number {
  let i = 0;
  while (i < argv.length) {
    const a = argv[i];
    if (/^-[.\d]/.test(a) || a === '-' || !a.startsWith('-')) break;
    i++;
    if (a === '--') break;
    const long = /^--([a-z-]+)$/.exec(a);
    const needsValue = long ? long[1].length >= 1 && ['format', 'separator'].some((name) => name.startsWith(long[1])) && !'equal-width'.startsWith(long[1]) : /^-w*[fs]$/.test(a);
    if (needsValue) i++;
  }
  return i;
}

const SEQ_OPTIONS: CommandSpec = {
  name: 'seq',
  summary: 'print a sequence of numbers',
  usage: '[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST',
  description: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
  dialect: gnu,
  stopAtFirstArg: true,
  flags: [
    { long: 'format', short: 'f', type: 'string', valueName: 'FORMAT', description: 'use printf style floating-point FORMAT' },
    { long: 'separator', short: 's', type: 'string', valueName: 'STRING', description: 'use STRING to separate numbers (default: \\n)' },
    { long: 'equal-width', short: 'w', type: 'bool', description: 'equalize width by padding with leading zeroes' },
  ],
  args: [{ name: 'FIRST', optional: true }, { name: 'INCREMENT', optional: true }, { name: 'LAST' }],
  notes:
    'If FIRST or INCREMENT is omitted, it defaults to 1.  That is, an\nomitted INCREMENT defaults to 1 even when LAST is smaller than FIRST.\nThe sequence of numbers ends when the sum of the current number and\nINCREMENT would become greater than LAST.\nFIRST, INCREMENT, and LAST are interpreted as floating point values.\nINCREMENT is usually positive if FIRST is smaller than LAST, and\nINCREMENT is usually negative if FIRST is greater than LAST.\nINCREMENT must not be 0; none of FIRST, INCREMENT and LAST may be NaN.\nFORMAT must be suitable for printing one argument of type \'double\';\nit defaults to %.PRECf if FIRST, INCREMENT, and LAST are all fixed point\ndecimal numbers with maximum precision PREC, and to %g otherwise.',
};

function* runSeq(ctx: CommandContext): Generator<import('../../core/process').Effect, number, string | null> {
  const argv = ctx.command.args;
  const cut = optionWords(argv);
  const parsed = parseCommand(SEQ_OPTIONS, argv.slice(0, cut));
  if (parsed.kind === 'help') {
    ctx.out(gnu.help([seq]));
    return 0;
  }
  if (parsed.kind === 'error') {
    const { message, exitCode } = gnu.flagError([seq], parsed.error);
    ctx.err(message);
    return exitCode;
  }
  const f = parsed.command.flags;
  const args = [...parsed.command.args, ...argv.slice(cut)];
  if (!args.length) return ctx.usageError('missing operand');
  if (args.length > 3) return ctx.usageError(`extra operand ${curly(args[3])}`);
  const userFormat = f.format === undefined ? undefined : splitFormat(String(f.format));
  if (typeof userFormat === 'string') {
    ctx.err(`seq: ${userFormat}\n`);
    return 1;
  }
  if (userFormat && f['equal-width']) return ctx.usageError('format string may not be specified when printing equal width strings');
  if (userFormat && /[aA]$/.test(userFormat.directive)) {
    ctx.err('seq: the %a directive is not supported in this terminal\n');
    return 1;
  }
  const operands: Operand[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = readValue(args[i]);
    if (value === undefined) return ctx.usageError(`invalid floating point argument: ${curly(args[i])}`);
    if (value === 'nan') return ctx.usageError(`invalid ${curly('not-a-number')} argument: ${curly(args[i])}`);
    if (i === 1 && args.length === 3 && compare(value, { n: 0n, scale: 0 }) === 0) return ctx.usageError(`invalid Zero increment value: ${curly(args[1])}`);
    operands.push(scanOperand(args[i], value));
  }
  const one: Operand = { value: { n: 1n, scale: 0 }, width: 1, precision: 0 };
  const [first, step, last] = operands.length === 1 ? [one, one, operands[0]] : operands.length === 2 ? [operands[0], one, operands[1]] : operands;

  // get_default_format: fixed point with the operands' precision, else %g.
  const precision = Math.max(first.precision, step.precision);
  let format: (v: Value) => string;
  /** Whether printing may round (then one number past LAST may print as LAST). */
  let rounds = true;
  const [prefix, suffix] = userFormat ? [userFormat.prefix, userFormat.suffix] : ['', ''];
  let width = 0;
  if (userFormat) format = (v) => printfOne(ctx, userFormat.directive, v, prefix, suffix);
  else if (precision !== Infinity && last.precision !== Infinity) {
    if (f['equal-width']) {
      let firstWidth = first.width + (precision - first.precision);
      let lastWidth = last.width + (precision - last.precision);
      if (last.precision && precision === 0) lastWidth--;
      if (last.precision === 0 && precision) lastWidth++;
      if (first.precision === 0 && precision) firstWidth++;
      width = Math.max(firstWidth, lastWidth);
    }
    rounds = false;
    format = (v) => (isFinite(v) ? fixed(v, precision, width) : printfOne(ctx, `%${width ? `0${width}` : ''}.${precision}Lf`, v, '', ''));
  } else format = (v) => printfOne(ctx, '%Lg', v, '', '');

  const separator = f.separator === undefined ? '\n' : String(f.separator);
  const down = compare(step.value, { n: 0n, scale: 0 }) < 0;
  const past = (x: Value) => (down ? compare(x, last.value) < 0 : compare(last.value, x) < 0);
  if (past(first.value)) return 0;
  const endless = !isFinite(last.value) && isFinite(step.value);
  let i = 0n;
  let x: Value = first.value;
  const nextNumber = () => {
    const text = (i === 0n ? '' : separator) + format(x);
    i++;
    x = nth(first.value, step.value, i);
    return text;
  };
  if (endless) return yield* writeEndless(ctx, nextNumber);
  const quick = rounds || width ? undefined : quickIntegers(first.value, step.value, last.value, precision, separator);
  if (quick) return yield* quick(ctx);
  let chunk = '';
  for (;;) {
    const previous = x;
    chunk += nextNumber();
    ctx.budget.spend();
    if (chunk.length >= 4096) {
      ctx.out(chunk);
      chunk = '';
      if (ctx.budget.breathe()) yield { type: 'wait', ms: 0 };
    }
    if (!past(x)) continue;
    // seq prints one number past LAST when it prints as LAST and unlike the one before (rounding).
    if (rounds && isFinite(x)) {
      const text = format(x);
      const value = readValue(text.slice(prefix.length, text.length - suffix.length));
      if (value !== undefined && value !== 'nan' && compare(value, last.value) === 0 && text !== format(previous)) chunk += nextNumber();
    }
    break;
  }
  ctx.out(`${chunk}\n`);
  return 0;
}

/**
 * Whole numbers in a safe range with the default format (seq's own fast path, seq_fast): plain
 * arithmetic, so `seq 1000000` costs what printing a million lines should. Undefined otherwise.
 */
function quickIntegers(first: Value, step: Value, last: Value, precision: number | undefined, separator: string) {
  if (precision !== 0 || !isFinite(first) || !isFinite(step) || !isFinite(last)) return undefined;
  const safe = (v: { n: bigint; scale: number }) => v.scale === 0 && v.n >= BigInt(Number.MIN_SAFE_INTEGER) && v.n <= BigInt(Number.MAX_SAFE_INTEGER);
  if (!safe(first) || !safe(step) || !safe(last)) return undefined;
  const [a, d, z] = [Number(first.n), Number(step.n), Number(last.n)];
  return function* (ctx: CommandContext): Generator<import('../../core/process').Effect, number, string | null> {
    let chunk = '';
    let count = 0;
    for (let x = a; d > 0 ? x <= z : x >= z; x += d) {
      chunk += count++ ? separator + x : String(x);
      if (chunk.length >= 4096) {
        // The text written is the work paid (ctx.out charges it).
        count = 1;
        ctx.out(chunk);
        chunk = '';
        if (ctx.budget.breathe()) yield { type: 'wait', ms: 0 };
      }
    }
    ctx.out(`${chunk}\n`);
    return 0;
  };
}

/** One number through printf's formatting (the C printf of seq, with a long double). */
function printfOne(ctx: CommandContext, directive: string, v: Value, prefix: string, suffix: string): string {
  return prefix + formatPrintf(directive, [decimal(v)], 0, ctx.budget).text + suffix;
}

export const seq: CommandSpec = {
  ...SEQ_OPTIONS,
  // seq reads its own options: `seq -1 1` starts at minus one.
  rawArgs: true,
  run: runSeq,
};
