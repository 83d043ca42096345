// Python values as plain JavaScript data: None, bool, int (bigint), float, str, and tagged objects
// for lists, tuples, dicts, functions, modules and ranges; their str(), repr() and truth.
import type { PyList, PyRange, PyScope, PyTuple, PyValue } from './types';
import { PyException } from './errors';
import { checkItems, checkStr, INT_MAX_STR_DIGITS, MAX_ITEMS, RECURSION_LIMIT } from './limits';

export const list = (items: PyValue[]): PyList => ({ t: 'list', items });
export const tuple = (items: PyValue[]): PyTuple => ({ t: 'tuple', items });
export const isObj = (v: PyValue): v is Exclude<PyValue, null | boolean | bigint | number | string> => typeof v === 'object' && v !== null;
export const keyOf = (v: PyValue): string => (typeof v === 'string' ? `s:${v}` : typeof v === 'bigint' ? `i:${v}` : typeof v === 'number' ? (Number.isInteger(v) ? `i:${v}` : `f:${v}`) : typeof v === 'boolean' ? `i:${v ? 1 : 0}` : v === null ? 'n' : `o:${repr(v)}`);

export function typeName(v: PyValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  switch (v.t) {
    case 'func':
    case 'builtin':
      return 'function';
    default:
      return v.t;
  }
}

export function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const c of s) {
    if (c === '\\') out += '\\\\';
    else if (c === q) out += `\\${q}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else out += c;
  }
  return q + out + q;
}

export function repr(v: PyValue): string {
  if (typeof v === 'string') return strRepr(v);
  return str(v, true);
}

export function str(v: PyValue, inner = false): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return intStr(v);
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return inner ? strRepr(v) : v;
  return containerStr(v, { depth: 0, seen: new Set(), length: 0 });
}

/** What repr() is building: how deep, which containers are open (a list inside itself prints [...]), how long. */
interface ReprState {
  depth: number;
  seen: Set<object>;
  length: number;
}

function innerRepr(v: PyValue, state: ReprState): string {
  meter?.(1);
  if (isObj(v)) return containerStr(v, state);
  const out = repr(v);
  state.length += out.length + 2;
  checkStr(state.length);
  return out;
}

function containerStr(v: Exclude<PyValue, null | boolean | bigint | number | string>, state: ReprState): string {
  const open = v.t === 'list' || v.t === 'tuple' || v.t === 'dict';
  if (open) {
    if (state.seen.has(v)) return v.t === 'dict' ? '{...}' : v.t === 'list' ? '[...]' : '(...)';
    if (++state.depth > RECURSION_LIMIT) throw new PyException('RecursionError', 'maximum recursion depth exceeded while getting the repr of an object');
    state.seen.add(v);
  }
  try {
    return containerBody(v, state);
  } finally {
    if (open) {
      state.seen.delete(v);
      state.depth--;
    }
  }
}

function containerBody(v: Exclude<PyValue, null | boolean | bigint | number | string>, state: ReprState): string {
  switch (v.t) {
    case 'list':
      return `[${v.items.map((x) => innerRepr(x, state)).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${innerRepr(v.items[0], state)},)` : `(${v.items.map((x) => innerRepr(x, state)).join(', ')})`;
    case 'dict':
      return `{${[...v.map.values()].map(([k, val]) => `${innerRepr(k, state)}: ${innerRepr(val, state)}`).join(', ')}}`;
    case 'range':
      return v.step === 1n ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
    case 'func':
      return `<function ${v.name} at 0x7f3a1c2b4d60>`;
    case 'builtin':
      return `<built-in function ${v.name}>`;
    case 'module':
      return `<module '${v.name}'>`;
  }
}

let intStrLimit: bigint | undefined;

/** str() of an int: CPython 3.12 refuses more than 4300 digits (sys.set_int_max_str_digits). */
export function intStr(v: bigint): string {
  intStrLimit ??= 10n ** BigInt(INT_MAX_STR_DIGITS);
  if (v >= intStrLimit || v <= -intStrLimit) throw new PyException('ValueError', `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  return v.toString();
}

export function truthy(v: PyValue): boolean {
  if (v === null || v === false) return false;
  if (v === true) return true;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  switch (v.t) {
    case 'list':
    case 'tuple':
      return v.items.length > 0;
    case 'dict':
      return v.map.size > 0;
    case 'range':
      return rangeLength(v) > 0n;
    default:
      return true;
  }
}

/** How many numbers a range holds, without listing them. */
export function rangeLength(r: PyRange): bigint {
  if (r.step === 0n) throw new PyException('ValueError', 'range() arg 3 must not be zero');
  const span = r.step > 0n ? r.stop - r.start : r.start - r.stop;
  const step = r.step > 0n ? r.step : -r.step;
  return span <= 0n ? 0n : (span + step - 1n) / step;
}

export function rangeItems(r: PyRange): PyValue[] {
  const n = rangeLength(r);
  checkItems(Number(n > BigInt(MAX_ITEMS) ? BigInt(MAX_ITEMS) + 1n : n));
  const out: PyValue[] = [];
  for (let i = r.start; r.step > 0n ? i < r.stop : i > r.stop; i += r.step) out.push(i);
  return out;
}

export function iterate(v: PyValue): PyValue[] {
  if (typeof v === 'string') return [...v];
  if (isObj(v)) {
    if (v.t === 'list' || v.t === 'tuple') return [...v.items];
    if (v.t === 'dict') return [...v.map.values()].map(([k]) => k);
    if (v.t === 'range') return rangeItems(v);
  }
  throw new PyException('TypeError', `'${typeName(v)}' object is not iterable`);
}

/** The items a for loop visits, one at a time: a range is not listed first, so only the loop's work counts. */
export function* lazyItems(v: PyValue): Generator<PyValue, void, undefined> {
  if (isObj(v) && v.t === 'range') {
    if (v.step === 0n) throw new PyException('ValueError', 'range() arg 3 must not be zero');
    for (let i = v.start; v.step > 0n ? i < v.stop : i > v.stop; i += v.step) yield i;
    return;
  }
  yield* iterate(v);
}

/** Names visible to running code: a function's locals, then the scopes it closed over. */
export class Scope implements PyScope {
  readonly vars = new Map<string, PyValue>();
  constructor(readonly parent?: PyScope) {}
  get(name: string): PyValue | undefined {
    if (this.vars.has(name)) return this.vars.get(name);
    return this.parent?.get(name);
  }
}

export function equal(a: PyValue, b: PyValue): boolean {
  if (isNumber(a) && isNumber(b)) return Number(a) === Number(b);
  if (isObj(a) && isObj(b)) return repr(a) === repr(b);
  return a === b;
}

/** A sequence index as Python checks it (negative from the end). */
export function seqIndex(length: number, key: PyValue): number {
  if (typeof key !== 'bigint' && typeof key !== 'boolean') throw new PyException('TypeError', `list indices must be integers or slices, not ${typeName(key)}`);
  let i = Number(key);
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw new PyException('IndexError', 'list index out of range');
  return i;
}

let lastText = '';
let lastNarrow = true;

/**
 * True when a str has no characters outside the Basic Multilingual Plane, so that Python's index
 * is JavaScript's. Remembers the last str asked about: a loop indexing one str stays linear.
 */
export function isNarrow(s: string): boolean {
  if (s !== lastText) {
    lastText = s;
    lastNarrow = !/[\uD800-\uDFFF]/.test(s);
  }
  return lastNarrow;
}

/** int, float or bool: the values arithmetic takes. */
export function isNumber(v: PyValue): v is bigint | number | boolean {
  return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
}

let meter: ((units: number) => void) | undefined;

/**
 * Runs fn with work metered to spend: repr() of a list nested in itself a thousand times does
 * its work where no caller can count it, so it reports each item to the running interpreter.
 */
export function metered<T>(spend: ((units: number) => void) | undefined, fn: () => T): T {
  const outer = meter;
  meter = spend;
  try {
    return fn();
  } finally {
    meter = outer;
  }
}

/** One unit of work done inside a value's own methods (repr, json.dumps), for the running interpreter's budget. */
export function meterItem(): void {
  meter?.(1);
}
