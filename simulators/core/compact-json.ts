// Saved worlds as compact JSON. Two kinds of repetition are written once:
// - a subtree that appears more than once (the same image's environment in a thousand containers,
//   tomorrow the same pod template in five thousand pods) goes into a shared table, referred to by
//   number, as does a long string that repeats (an image id);
// - objects of the same shape (the same keys in the same order) name their keys once, in a table
//   of shapes, and are written as their values only.
// The result is still JSON text, and decoding gives back exactly the value that was encoded.
//
// Format: {"compact":1,"shapes":[[keys...]...],"shared":[...],"root":...}. {"$":n} refers to
// shared[n] (each shared entry may refer only to earlier ones); {"#":[s,v1,v2...]} is an object of
// shape s. Data keys that start with "$" or "#" are written with a "$" in front, so data can never
// be mistaken for either.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Compact {
  compact: 1;
  shapes: string[][];
  shared: Json[];
  root: Json;
}

/** Subtrees and strings shorter than this (as JSON) are cheaper written out than referred to. */
const MIN_SHARED_CHARS = 24;
const MAX_DEPTH = 10_000;

/** A key for a primitive that no other primitive shares (and no object's signature, which starts with [ or {). */
const primitiveKey = (v: null | boolean | number | string) => (typeof v === 'string' ? `s${v}` : `p${String(v)}`);

const definedKeys = (v: { [key: string]: Json }) => Object.keys(v).filter((k) => v[k] !== undefined);
const escapeKey = (k: string) => (k.startsWith('$') || k.startsWith('#') ? `$${k}` : k);
const unescapeKey = (k: string) => (k.startsWith('$$') || k.startsWith('$#') ? k.slice(1) : k);

export function encodeCompact(value: unknown): Compact {
  // Hash-consing: equal subtrees get the same id, bottom-up, so finding repeats costs one pass.
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const sizes: number[] = [];
  const objectIds = new Map<object, number>();
  const shapeCounts = new Map<string, number>();

  const count = (signature: string, size: number): number => {
    let id = ids.get(signature);
    if (id === undefined) {
      id = counts.length;
      ids.set(signature, id);
      counts.push(0);
      sizes.push(size);
    }
    counts[id]++;
    return id;
  };
  const visit = (v: Json, depth: number): number => {
    if (depth > MAX_DEPTH) throw new Error('value too deep to save');
    if (v === null || typeof v !== 'object') return count(primitiveKey(v), typeof v === 'string' ? v.length + 2 : String(v).length);
    let id: number;
    if (Array.isArray(v)) {
      const children = v.map((c) => visit(c === undefined ? null : c, depth + 1));
      id = count(`[${children.join(',')}`, 2 + children.reduce((n, c) => n + sizes[c] + 1, 0));
    } else {
      const keys = definedKeys(v);
      const children = keys.map((k) => visit(v[k], depth + 1));
      const shape = keys.join('\u0000');
      shapeCounts.set(shape, (shapeCounts.get(shape) ?? 0) + 1);
      let size = 2;
      for (let i = 0; i < keys.length; i++) size += keys[i].length + 4 + sizes[children[i]];
      id = count(`{${shape}\u0001${children.join(',')}`, size);
    }
    objectIds.set(v, id);
    return id;
  };
  const root = value as Json;
  visit(root, 0);

  const shared: Json[] = [];
  const shapes: string[][] = [];
  const slot = new Map<number, number>();
  const shapeSlot = new Map<string, number>();
  const share = (id: number, out: Json): Json => {
    if (counts[id] > 1 && sizes[id] >= MIN_SHARED_CHARS) {
      slot.set(id, shared.length);
      shared.push(out);
      return { $: shared.length - 1 };
    }
    return out;
  };
  const emit = (v: Json): Json => {
    if (v === null || typeof v !== 'object') {
      if (typeof v !== 'string' || v.length + 2 < MIN_SHARED_CHARS) return v;
      const id = ids.get(primitiveKey(v))!;
      const known = slot.get(id);
      return known !== undefined ? { $: known } : share(id, v);
    }
    const id = objectIds.get(v)!;
    const known = slot.get(id);
    if (known !== undefined) return { $: known };
    if (Array.isArray(v)) return share(id, v.map((c) => emit(c === undefined ? null : c)));
    const keys = definedKeys(v);
    const shape = keys.join('\u0000');
    let out: Json;
    if (keys.length >= 2 && (shapeCounts.get(shape) ?? 0) > 1) {
      let s = shapeSlot.get(shape);
      if (s === undefined) {
        s = shapes.length;
        shapeSlot.set(shape, s);
        shapes.push(keys.map(escapeKey));
      }
      out = { '#': [s, ...keys.map((k) => emit(v[k]))] };
    } else out = Object.fromEntries(keys.map((k) => [escapeKey(k), emit(v[k])]));
    return share(id, out);
  };
  const encodedRoot = emit(root);
  return { compact: 1, shapes, shared, root: encodedRoot };
}

export class CompactError extends Error {}

export function isCompact(value: unknown): value is Compact {
  const v = value as Compact;
  return typeof value === 'object' && value !== null && v.compact === 1 && Array.isArray(v.shared) && Array.isArray(v.shapes);
}

/** Decodes what encodeCompact made; refuses references forward or out of range, unknown shapes, bad keys. */
export function decodeCompact(value: Compact): unknown {
  const table: unknown[] = [];
  const shapes = value.shapes.map((keys, i) => {
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new CompactError(`bad shape ${i}`);
    return keys.map(unescapeKey);
  });
  const define = (out: Record<string, unknown>, key: string, v: unknown) => Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  const restore = (v: unknown, limit: number, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new CompactError('saved value is too deep');
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((c) => restore(c, limit, depth + 1));
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$') {
      const n = (v as { $: unknown }).$;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= limit) throw new CompactError(`bad shared reference ${JSON.stringify(n)}`);
      // A fresh copy each time: the world is changed in place, and two places must never share an object.
      const entry = table[n];
      return entry !== null && typeof entry === 'object' ? structuredClone(entry) : entry;
    }
    if (keys.length === 1 && keys[0] === '#') {
      const body = (v as { '#': unknown })['#'];
      if (!Array.isArray(body) || typeof body[0] !== 'number' || !shapes[body[0]] || shapes[body[0]].length !== body.length - 1) throw new CompactError('bad shaped object');
      const out: Record<string, unknown> = {};
      shapes[body[0]].forEach((k, i) => define(out, k, restore(body[i + 1], limit, depth + 1)));
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      if ((k.startsWith('$') || k.startsWith('#')) && !k.startsWith('$$') && !k.startsWith('$#')) throw new CompactError(`bad key ${JSON.stringify(k)}`);
      define(out, unescapeKey(k), restore((v as Record<string, unknown>)[k], limit, depth + 1));
    }
    return out;
  };
  value.shared.forEach((entry, i) => table.push(restore(entry, i, 0)));
  return restore(value.root, table.length, 0);
}
