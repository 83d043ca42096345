// Python values as plain JavaScript data: None, bool, int (bigint), float, str, and tagged objects
// for lists, tuples, dicts, functions, modules and ranges; their str(), repr() and truth.
import type { Expr, Stmt } from './ast';
import { PyException, Unsupported } from './errors';

export type PyValue = null | boolean | bigint | number | string | PyList | PyTuple | PyDict | PyFunc | PyBuiltin | PyModule | PyRange;
export interface PyList { t: 'list'; items: PyValue[] }
export interface PyTuple { t: 'tuple'; items: PyValue[] }
export interface PyDict { t: 'dict'; map: Map<string, [PyValue, PyValue]> }
export interface PyFunc { t: 'func'; name: string; params: { name: string; def?: Expr }[]; body: Stmt[]; closure: Scope }
export interface PyBuiltin { t: 'builtin'; name: string; call: (args: PyValue[], kwargs: Record<string, PyValue>) => PyValue }
export interface PyModule { t: 'module'; name: string; attrs: Record<string, PyValue> }
export interface PyRange { t: 'range'; start: bigint; stop: bigint; step: bigint }

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
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return inner ? strRepr(v) : v;
  switch (v.t) {
    case 'list':
      return `[${v.items.map(repr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${repr(v.items[0])},)` : `(${v.items.map(repr).join(', ')})`;
    case 'dict':
      return `{${[...v.map.values()].map(([k, val]) => `${repr(k)}: ${repr(val)}`).join(', ')}}`;
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
      return rangeItems(v).length > 0;
    default:
      return true;
  }
}

export function rangeItems(r: PyRange): PyValue[] {
  const out: PyValue[] = [];
  if (r.step === 0n) throw new PyException('ValueError', 'range() arg 3 must not be zero');
  for (let i = r.start; r.step > 0n ? i < r.stop : i > r.stop; i += r.step) {
    out.push(i);
    if (out.length > 100_000) throw new Unsupported('range too long');
  }
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

/** Names visible to running code: a function's locals, then the scopes it closed over. */
export class Scope {
  readonly vars = new Map<string, PyValue>();
  constructor(readonly parent?: Scope) {}
  get(name: string): PyValue | undefined {
    if (this.vars.has(name)) return this.vars.get(name);
    return this.parent?.get(name);
  }
}

export function equal(a: PyValue, b: PyValue): boolean {
  const numeric = (v: PyValue) => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
  if (numeric(a) && numeric(b)) return Number(a) === Number(b);
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
