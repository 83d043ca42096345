// Python's builtin functions: print, len, str, int, range, sorted, enumerate...
import { PyException, Unsupported } from './errors';
import type { PyHost } from './host';
import { binop, compare } from './operators';
import { isObj, iterate, keyOf, list, rangeItems, repr, str, truthy, tuple, typeName, type PyBuiltin, type PyDict, type PyValue } from './values';

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
      if (isObj(v) && v.t === 'range') return BigInt(rangeItems(v).length);
      throw new PyException('TypeError', `object of type '${typeName(v)}' has no len()`);
    }),
    str: f('str', ([v]) => (v === undefined ? '' : str(v))),
    repr: f('repr', ([v]) => repr(v)),
    int: f('int', ([v, base]) => {
      if (v === undefined) return 0n;
      if (typeof v === 'bigint') return v;
      if (typeof v === 'boolean') return v ? 1n : 0n;
      if (typeof v === 'number') return BigInt(Math.trunc(v));
      if (typeof v === 'string') {
        const s = v.trim().replace(/_/g, '');
        const radix = base === undefined ? 10 : Number(base);
        if (radix === 10 && /^[+-]?\d+$/.test(s)) return BigInt(s);
        const n = parseInt(s, radix);
        if (Number.isNaN(n) || (radix === 10 && !/^[+-]?\d+$/.test(s))) throw new PyException('ValueError', `invalid literal for int() with base ${radix}: ${repr(v)}`);
        return BigInt(n);
      }
      throw new PyException('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
    }),
    float: f('float', ([v]) => {
      if (v === undefined) return 0;
      if (typeof v === 'string') {
        const n = Number(v.trim());
        if (v.trim() === '' || Number.isNaN(n)) throw new PyException('ValueError', `could not convert string to float: ${repr(v)}`);
        return n;
      }
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
    min: f('min', (args) => (args.length === 1 ? iterate(args[0]) : args).reduce((a, b) => (compare('<', b, a) ? b : a))),
    max: f('max', (args) => (args.length === 1 ? iterate(args[0]) : args).reduce((a, b) => (compare('>', b, a) ? b : a))),
    abs: f('abs', ([v]) => (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v as number))),
    round: f('round', ([v, nd]) => {
      if (nd === undefined || nd === null) return BigInt(Math.round(Number(v)));
      const p = 10 ** Number(nd);
      return Math.round(Number(v) * p) / p;
    }),
    sorted: f('sorted', ([v], kw) => {
      const items = iterate(v).sort((a, b) => (compare('<', a, b) ? -1 : compare('>', a, b) ? 1 : 0));
      return list(kw.reverse && truthy(kw.reverse) ? items.reverse() : items);
    }),
    reversed: f('reversed', ([v]) => list(iterate(v).reverse())),
    enumerate: f('enumerate', ([v, start]) => list(iterate(v).map((x, i) => tuple([BigInt(i) + (typeof start === 'bigint' ? start : 0n), x])))),
    zip: f('zip', (args) => {
      const lists = args.map(iterate);
      const n = Math.min(...lists.map((l) => l.length));
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
