// Getting and setting inside values, as jq's jv_aux.c does it: `.[k]` on objects, arrays,
// slices and null; setpath/getpath/delpaths; with jq's messages when a kind cannot be indexed.
// Every function returns a new value: the old one may still be in use elsewhere in the program.
import { truncated } from './json';
import { compare, equals, isArray, isNumber, isObject, JqError, kindOf, num, sortedKeys, type JqObject, type JqValue } from './values';

/** How long an array may grow by assignment (`.[1e9] = 1`) before it is memory no page has. */
export const ARRAY_LIMIT = 1 << 24;

/** The kind's name as jq prints it in messages (true and false are "boolean"). */
export const kindName = (v: JqValue): string => kindOf(v);

/** `type (value)` as jq's type errors show a value: at most 11 characters of its JSON. */
export const described = (v: JqValue): string => `${kindName(v)} (${truncated(v, 15)})`;

/** A slice's bounds on a length, as parse_slice computes them (start rounded down, end up). */
export function sliceBounds(length: number, from: JqValue, to: JqValue): [number, number] {
  const start0 = from === null ? 0 : from;
  const end0 = to === null ? length : to;
  if (!isNumber(start0) || !isNumber(end0)) throw new JqError('Array/string slice indices must be integers');
  let dstart = num(start0);
  let dend = num(end0);
  if (Number.isNaN(dstart)) dstart = 0;
  if (dstart < 0) dstart += length;
  if (dstart < 0) dstart = 0;
  if (dstart > length) dstart = length;
  const start = Math.floor(dstart);
  if (Number.isNaN(dend)) dend = length;
  if (dend < 0) dend += length;
  if (dend < 0) dend = start;
  let end = dend > 2 ** 31 - 1 ? 2 ** 31 - 1 : Math.trunc(dend);
  if (end > length) end = length;
  if (end < length && end < dend) end += 1;
  if (end < start) end = start;
  return [start, end];
}

/** Code points of a string, for slicing by characters. */
const codepoints = (s: string) => Array.from(s);

/** `t[k]` (jv_get). */
export function getIndex(t: JqValue, k: JqValue): JqValue {
  if (isObject(t) && typeof k === 'string') return t.get(k) ?? null;
  if (isArray(t) && isNumber(k)) {
    const d = num(k);
    if (Number.isNaN(d)) return null;
    let i = Math.trunc(Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, d)));
    if (i < 0) i += t.length;
    return i >= 0 && i < t.length ? t[i] : null;
  }
  if (isArray(t) && isObject(k)) {
    const [s, e] = sliceBounds(t.length, k.get('start') ?? null, k.get('end') ?? null);
    return t.slice(s, e);
  }
  if (typeof t === 'string' && isObject(k)) {
    const cps = codepoints(t);
    const [s, e] = sliceBounds(cps.length, k.get('start') ?? null, k.get('end') ?? null);
    return cps.slice(s, e).join('');
  }
  if (isArray(t) && isArray(k)) return indexesOf(t, k);
  if (t === null && (typeof k === 'string' || isNumber(k) || isObject(k))) return null;
  if (typeof k === 'string' && new TextEncoder().encode(k).length < 30) throw new JqError(`Cannot index ${kindName(t)} with string "${k}"`);
  throw new JqError(`Cannot index ${kindName(t)} with ${kindName(k)}`);
}

/** Where `sub` occurs in `t` as a run of elements (`.[[1,2]]`, indices). */
export function indexesOf(t: JqValue[], sub: JqValue[]): JqValue {
  const out: number[] = [];
  if (sub.length === 0) return null;
  for (let i = 0; i + sub.length <= t.length; i++) {
    if (sub.every((x, j) => equals(t[i + j], x))) out.push(i);
  }
  return out;
}

/** `t[k] = v` (jv_set): a new container. */
export function setIndex(t: JqValue, k: JqValue, v: JqValue, spend: (n: number) => void): JqValue {
  const isNull = t === null;
  if (typeof k === 'string' && (isObject(t) || isNull)) {
    // Copying the container is the work (jq changes it in place when nothing else holds it).
    if (!isNull) spend(Math.ceil((t as JqObject).size / 16));
    const o = new Map(isNull ? [] : (t as JqObject));
    o.set(k, v);
    return o;
  }
  if (isNumber(k) && (isArray(t) || isNull)) {
    const d = num(k);
    if (Number.isNaN(d)) throw new JqError('Cannot set array element at NaN index');
    if (!isNull) spend(Math.ceil((t as JqValue[]).length / 16));
    const a = isNull ? [] : [...(t as JqValue[])];
    let i = Math.trunc(Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, d)));
    if (i < 0) i += a.length;
    if (i < 0) throw new JqError('Out of bounds negative array index');
    if (i >= ARRAY_LIMIT) throw new JqError('Array index too large');
    if (i > a.length) spend(i - a.length);
    while (a.length < i) a.push(null);
    a[i] = v;
    return a;
  }
  if (isObject(k) && (isArray(t) || isNull)) {
    const a = isNull ? [] : (t as JqValue[]);
    const [s, e] = sliceBounds(a.length, k.get('start') ?? null, k.get('end') ?? null);
    if (!isArray(v)) throw new JqError('A slice of an array can only be assigned another array');
    return [...a.slice(0, s), ...v, ...a.slice(e)];
  }
  if (isObject(k) && typeof t === 'string') throw new JqError('Cannot update string slices');
  throw new JqError(`Cannot update field at ${kindName(k)} index of ${kindName(t)}`);
}

export function has(t: JqValue, k: JqValue): boolean {
  if (t === null) return false;
  if (isObject(t) && typeof k === 'string') return t.has(k);
  if (isArray(t) && isNumber(k)) {
    const d = num(k);
    if (Number.isNaN(d)) return false;
    const i = Math.trunc(d);
    return i >= 0 && i < t.length;
  }
  throw new JqError(`Cannot check whether ${kindName(t)} has a ${kindName(k)} key`);
}

export function getPath(root: JqValue, path: JqValue): JqValue {
  if (!isArray(path)) throw new JqError('Path must be specified as an array');
  let v = root;
  for (const k of path) v = getIndex(v, k);
  return v;
}

export function setPath(root: JqValue, path: JqValue, value: JqValue, spend: (n: number) => void): JqValue {
  if (!isArray(path)) throw new JqError('Path must be specified as an array');
  const go = (node: JqValue, i: number): JqValue => {
    if (i === path.length) return value;
    const k = path[i];
    return setIndex(node, k, go(getIndex(node, k), i + 1), spend);
  };
  return go(root, 0);
}

/** Deletes keys of one container (jv_dels): indices, negative indices, slices; fields of an object. */
function deleteKeys(t: JqValue, keys: JqValue[]): JqValue {
  if (t === null || keys.length === 0) return t;
  if (isArray(t)) {
    const gone = new Set<number>();
    const ranges: [number, number][] = [];
    for (const k of keys) {
      if (isNumber(k)) {
        const i = Math.trunc(num(k));
        gone.add(i < 0 ? t.length + i : i);
      } else if (isObject(k)) ranges.push(sliceBounds(t.length, k.get('start') ?? null, k.get('end') ?? null));
      else throw new JqError(`Cannot delete ${kindName(k)} element of array`);
    }
    return t.filter((_, i) => !gone.has(i) && !ranges.some(([s, e]) => s <= i && i < e));
  }
  if (isObject(t)) {
    const o = new Map(t);
    for (const k of keys) {
      if (typeof k !== 'string') throw new JqError(`Cannot delete ${kindName(k)} field of object`);
      o.delete(k);
    }
    return o;
  }
  throw new JqError(`Cannot delete fields from ${kindName(t)}`);
}

function delpathsSorted(object: JqValue, paths: JqValue[][], start: number): JqValue {
  const delkeys: JqValue[] = [];
  for (let i = 0; i < paths.length; ) {
    let j = i;
    const deleteWhole = paths[i].length === start + 1;
    const key = paths[i][start];
    while (j < paths.length && equals(key, paths[j][start])) j++;
    if (deleteWhole) delkeys.push(key);
    else {
      const sub = getIndex(object, key);
      if (sub !== null) object = setIndex(object, key, delpathsSorted(sub, paths.slice(i, j), start + 1), () => {});
    }
    i = j;
  }
  return deleteKeys(object, delkeys);
}

export function delPaths(object: JqValue, paths: JqValue): JqValue {
  if (!isArray(paths)) throw new JqError('Paths must be specified as an array');
  const sorted = [...paths].sort(compare);
  for (const p of sorted) if (!isArray(p)) throw new JqError(`Path must be specified as array, not ${kindName(p)}`);
  if (sorted.length === 0) return object;
  if ((sorted[0] as JqValue[]).length === 0) return null;
  return delpathsSorted(object, sorted as JqValue[][], 0);
}

/** keys: an object's sorted keys, an array's indices. */
export function keysOf(v: JqValue, sorted: boolean): JqValue[] {
  if (isObject(v)) return sorted ? sortedKeys(v) : [...v.keys()];
  if (isArray(v)) return v.map((_, i) => i);
  throw new JqError(`${described(v)} has no keys`);
}

/** jq's stable sort of `items` by `keys` (jv_sort); `group` gathers runs of equal keys (jv_group). */
export function sortBy(items: JqValue[], keys: JqValue[]): JqValue[] {
  return items
    .map((item, i) => ({ item, key: keys[i], i }))
    .sort((a, b) => compare(a.key, b.key) || a.i - b.i)
    .map((e) => e.item);
}

export function groupBy(items: JqValue[], keys: JqValue[]): JqValue[][] {
  const entries = items.map((item, i) => ({ item, key: keys[i], i })).sort((a, b) => compare(a.key, b.key) || a.i - b.i);
  const groups: JqValue[][] = [];
  let current: JqValue | undefined;
  for (const e of entries) {
    if (groups.length && equals(current!, e.key)) groups[groups.length - 1].push(e.item);
    else {
      groups.push([e.item]);
      current = e.key;
    }
  }
  return groups;
}
