// Python's builtin functions: print, len, str, int, range, sorted, enumerate...
import { PyException, Unsupported } from './errors';
import type { PyHost } from './host';
import { sortCost } from './methods';
import { binop, compare } from './operators';
import { INT_MAX_STR_DIGITS } from './limits';
import { isObj, iterate, keyOf, list, rangeLength, repr, str, truthy, tuple, typeName } from './values';
import type { PyBuiltin, PyDict, PyValue } from './types';

export const builtin = (name: string, call: PyBuiltin['call']): PyBuiltin => ({ t: 'builtin', name, call });
const f = builtin;

export function builtinFunctions(host: PyHost): Record<string, PyValue> {
    return {
    print: f('print', (args, kw) => {
      const sep = kw.sep === undefined || kw.sep === null ? ' ' : str(kw.sep);
      const end = kw.end === undefined || kw.end === null ? '\n' : str(kw.end);
      const file = kw.file;
      const stream = isObj(file) && file.t === 'module' && file.name === 'sys.stderr' ? 'stderr' : 'stdout';
      host.write(stream, args.map((a) => str(a)).join(sep) + end);
      return null;
    }),
    len: f('len', ([v]) => {
      if (typeof v === 'string') return BigInt([...v].length);
      if (isObj(v) && (v.t === 'list' || v.t === 'tuple')) return BigInt(v.items.length);
      if (isObj(v) && v.t === 'dict') return BigInt(v.map.size);
      if (isObj(v) && v.t === 'range') {
        const n = rangeLength(v);
        if (n > 0x7fffffffffffffffn) throw new PyException('OverflowError', 'Python int too large to convert to C ssize_t');
        return n;
      }
      throw new PyException('TypeError', `object of type '${typeName(v)}' has no len()`);
    }),
    str: f('str', ([v]) => (v === undefined ? '' : str(v))),
    repr: f('repr', ([v]) => repr(v)),
    int: f('int', ([v, base]) => {
      if (v === undefined) return 0n;
      if (typeof v === 'bigint') return v;
      if (typeof v === 'boolean') return v ? 1n : 0n;
      if (typeof v === 'number') return floatToInt(v);
      if (typeof v === 'string') {
        const s = v.trim().replace(/_/g, '');
        const radix = base === undefined ? 10 : Number(base);
        if (radix === 10 && /^[+-]?\d+$/.test(s)) {
          const digits = s.replace(/^[+-]/, '').length;
          if (digits > INT_MAX_STR_DIGITS) throw new PyException('ValueError', `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`);
          return BigInt(s);
        }
        const n = parseInt(s, radix);
        if (Number.isNaN(n) || (radix === 10 && !/^[+-]?\d+$/.test(s))) throw new PyException('ValueError', `invalid literal for int() with base ${radix}: ${repr(v)}`);
        return BigInt(n);
      }
      throw new PyException('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
    }),
    float: f('float', ([v]) => {
      if (v === undefined) return 0;
      if (typeof v === 'string') {
        const text = v.trim().replace(/_/g, '');
        const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
        if (special) return special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
        const n = Number(text);
        if (text === '' || Number.isNaN(n) || /^[+-]?0[xob]/i.test(text)) throw new PyException('ValueError', `could not convert string to float: ${repr(v)}`);
        return n;
      }
      if (typeof v === 'bigint' && !Number.isFinite(Number(v))) throw new PyException('OverflowError', 'int too large to convert to float');
      return Number(v as number);
    }),
    bool: f('bool', ([v]) => (v === undefined ? false : truthy(v))),
    range: f('range', (args) => {
      const n = args.map((a) => {
        if (typeof a !== 'bigint' && typeof a !== 'boolean') throw new PyException('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
        return BigInt(a as bigint);
      });
      if (n.length === 1) return { t: 'range', start: 0n, stop: n[0], step: 1n };
      return { t: 'range', start: n[0], stop: n[1], step: n[2] ?? 1n };
    }),
    list: f('list', ([v]) => list(v === undefined ? [] : iterate(v))),
    tuple: f('tuple', ([v]) => tuple(v === undefined ? [] : iterate(v))),
    dict: f('dict', (_, kw) => {
      const d: PyDict = { t: 'dict', map: new Map() };
      for (const [k, v] of Object.entries(kw)) d.map.set(keyOf(k), [k, v]);
      return d;
    }),
    sum: f('sum', ([v, start]) => iterate(v).reduce<PyValue>((a, b) => binop('+', a, b), start ?? 0n)),
    min: f('min', (args) => nonEmpty('min', args.length === 1 ? iterate(args[0]) : args).reduce((a, b) => (compare('<', b, a) ? b : a))),
    max: f('max', (args) => nonEmpty('max', args.length === 1 ? iterate(args[0]) : args).reduce((a, b) => (compare('>', b, a) ? b : a))),
    abs: f('abs', ([v]) => (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v as number))),
    round: f('round', ([v, nd]) => {
      if (nd === undefined || nd === null) return floatToInt(roundHalfEven(Number(v)));
      const p = 10 ** Number(nd);
      return Math.round(Number(v) * p) / p;
    }),
    sorted: f('sorted', ([v], kw) => {
      const all = iterate(v);
      host.spend(sortCost(all.length));
      const items = all.sort((a, b) => (compare('<', a, b) ? -1 : compare('>', a, b) ? 1 : 0));
      return list(kw.reverse && truthy(kw.reverse) ? items.reverse() : items);
    }),
    reversed: f('reversed', ([v]) => list(iterate(v).reverse())),
    enumerate: f('enumerate', ([v, start]) => list(iterate(v).map((x, i) => tuple([BigInt(i) + (typeof start === 'bigint' ? start : 0n), x])))),
    zip: f('zip', (args) => {
      const lists = args.map(iterate);
      const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
      return list(Array.from({ length: n }, (_, i) => tuple(lists.map((l) => l[i]))));
    }),
    isinstance: f('isinstance', ([v, t]) => isObj(t) && t.t === 'builtin' && (t.name === typeName(v) || (t.name === 'int' && typeof v === 'boolean'))),
    input: f('input', ([prompt]) => {
      if (prompt !== undefined) host.write('stdout', str(prompt));
      throw new PyException('EOFError', 'EOF when reading a line');
    }),
    exit: f('exit', ([code]) => host.exit(code)),
    quit: f('quit', ([code]) => host.exit(code)),
    open: f('open', () => {
      throw new Unsupported('open');
    }),
    __assert__: f('assert', ([v]) => {
      if (!truthy(v)) throw new PyException('AssertionError', '');
      return null;
    }),
  };
}

/** int() of a float: NaN and the infinities have no integer. */
export function floatToInt(n: number): bigint {
  if (Number.isNaN(n)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(n)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(n));
}

/** round() without digits: halves go to the even neighbour, as Python rounds. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

function nonEmpty(name: string, items: PyValue[]): PyValue[] {
  if (!items.length) throw new PyException('ValueError', `${name}() iterable argument is empty`);
  return items;
}
