// jq's values: JSON's null, booleans, numbers, strings, arrays and objects. Objects are Maps, so
// their keys keep the order they came in (jq 1.7 prints them so); values are never changed in
// place, every update makes a new one. A number read from text keeps its literal (jq 1.7.1 prints
// 1.0 and 1E+2 as it read them, and 100000000000000000001 whole) until arithmetic makes a new one.

/** A number that keeps the text jq read it from, canonical as decNumber writes it (see numbers.ts). */
export class JqNumber {
  constructor(
    readonly value: number,
    readonly literal: string,
  ) {}
}

export type JqObject = Map<string, JqValue>;
export type JqValue = null | boolean | number | JqNumber | string | JqValue[] | JqObject;

/** An error raised by a filter: its value is what `catch` sees (a message string, mostly). */
export class JqError extends Error {
  constructor(readonly value: JqValue) {
    super(typeof value === 'string' ? value : 'jq error');
  }
}

export const isNumber = (v: JqValue): v is number | JqNumber => typeof v === 'number' || v instanceof JqNumber;
export const isObject = (v: JqValue): v is JqObject => v instanceof Map;
export const isArray = (v: JqValue): v is JqValue[] => Array.isArray(v);
export const num = (v: number | JqNumber): number => (typeof v === 'number' ? v : v.value);

export type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function kindOf(v: JqValue): Kind {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (isNumber(v)) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** jq's order of kinds: null < false < true < numbers < strings < arrays < objects. */
function rank(v: JqValue): number {
  if (v === null) return 1;
  if (v === false) return 2;
  if (v === true) return 3;
  if (isNumber(v)) return 4;
  if (typeof v === 'string') return 5;
  if (Array.isArray(v)) return 6;
  return 7;
}

/** Strings compare by their UTF-8 bytes, which is code point order (not UTF-16's). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800-0xDFFF) stands for a code point above every BMP character.
    const hx = x >= 0xd800 && x <= 0xdfff;
    const hy = y >= 0xd800 && y <= 0xdfff;
    if (hx !== hy) return hx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

export const sortedKeys = (o: JqObject): string[] => [...o.keys()].sort(compareStrings);

/** jq's total order (jv_cmp). NaN sorts below every number, as null does. */
export function compare(a: JqValue, b: JqValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra <= 3) return ra - rb;
  if (ra === 4) {
    const x = num(a as number);
    const y = num(b as number);
    // NaN compares as null would against a number: below it (even below another NaN).
    if (Number.isNaN(x)) return -1;
    if (Number.isNaN(y)) return 1;
    return x < y ? -1 : x === y ? 0 : 1;
  }
  if (ra === 5) return compareStrings(a as string, b as string);
  if (ra === 6) {
    const x = a as JqValue[];
    const y = b as JqValue[];
    for (let i = 0; ; i++) {
      if (i >= x.length || i >= y.length) return (i >= y.length ? 1 : 0) - (i >= x.length ? 1 : 0);
      const r = compare(x[i], y[i]);
      if (r) return r;
    }
  }
  const x = a as JqObject;
  const y = b as JqObject;
  const kx = sortedKeys(x);
  const ky = sortedKeys(y);
  const r = compare(kx, ky);
  if (r) return r;
  for (const k of kx) {
    const c = compare(x.get(k)!, y.get(k)!);
    if (c) return c;
  }
  return 0;
}

/** jq's equality: numbers by value (NaN equals nothing), containers deeply. */
export function equals(a: JqValue, b: JqValue): boolean {
  if (a === b) return !(typeof a === 'number' && Number.isNaN(a));
  if (isNumber(a) && isNumber(b)) return num(a) === num(b);
  const ra = rank(a);
  if (ra !== rank(b)) return false;
  if (ra === 6) {
    const x = a as JqValue[];
    const y = b as JqValue[];
    return x.length === y.length && x.every((v, i) => equals(v, y[i]));
  }
  if (ra === 7) {
    const x = a as JqObject;
    const y = b as JqObject;
    if (x.size !== y.size) return false;
    for (const [k, v] of x) {
      if (!y.has(k) || !equals(v, y.get(k)!)) return false;
    }
    return true;
  }
  return ra <= 3 && ra === rank(b) && a === b;
}

/** jq's truth: everything but null and false. */
export const truthy = (v: JqValue): boolean => v !== null && v !== false;

/** The number of Unicode code points in a string (jq's length). */
export function codepointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** UTF-8 bytes a string takes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
