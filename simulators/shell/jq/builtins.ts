// jq's built-in functions written in TypeScript (what jq 1.7.1 writes in C, and the generators
// that must loop rather than recurse: range, limit, first, until, while, repeat). The rest are
// written in jq itself (prelude.ts). A native gets its input, the input's path (when a path
// expression runs it) and its arguments as closures; it calls `out` once per output.
import { OutOfMemory, TEXT_LIMIT } from '../../core/budget';
import { described, delPaths, getIndex, getPath, groupBy, has, keysOf, setPath, sortBy } from './access';
import { gmtime, mktime, strftime, strptime } from './dates';
import { applyFormat } from './formats';
import { BINOPS, BROKEN, HaltSignal, splitString, type Closure, type Emit, type Interpreter, type Native, type Path } from './interpreter';
import { parseOne, toJson, truncated } from './json';
import { compileRegex, matchAll } from './regex';
import { codepointLength, compare, equals, isArray, isNumber, isObject, JqError, num, truthy, utf8Length, type JqObject, type JqValue } from './values';

/** Thrown to stop a generator early (limit, first, isempty); caught by the native that threw it. */
class Stop {}

const fresh = (path: Path | null): Path | null => (path === null ? null : BROKEN);

/** A function of the input only. */
const value =
  (f: (input: JqValue, jq: Interpreter) => JqValue): Native =>
  (jq, input, path, _args, out) =>
    out(f(input, jq), fresh(path));

/** A function of the input and its arguments' values (each combination, the last argument varying slowest). */
const withArgs =
  (f: (input: JqValue, args: JqValue[], jq: Interpreter) => JqValue): Native =>
  (jq, input, path, args, out) =>
    jq.cartesian(args, input, (values) => out(f(input, values, jq), fresh(path)));

const numeric = (f: (x: number) => number): Native =>
  value((v) => {
    if (!isNumber(v)) throw new JqError(`${described(v)} number required`);
    return f(num(v));
  });

const numeric2 = (f: (x: number, y: number) => number): Native =>
  withArgs((_input, [a, b]) => {
    if (!isNumber(a)) throw new JqError(`${described(a)} number required`);
    if (!isNumber(b)) throw new JqError(`${described(b)} number required`);
    return f(num(a), num(b));
  });

/** Rounds half to even, as rint and nearbyint do. */
function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

const ldexp = (x: number, e: number) => x * 2 ** Math.trunc(e);

/** jq's `length`. */
function length(v: JqValue): JqValue {
  if (isArray(v)) return v.length;
  if (isObject(v)) return v.size;
  if (typeof v === 'string') return codepointLength(v);
  if (isNumber(v)) return Math.abs(num(v));
  if (v === null) return 0;
  throw new JqError(`${described(v)} has no length`);
}

function tostring(v: JqValue): string {
  return typeof v === 'string' ? v : toJson(v);
}

/** implode: code points back to a string (an invalid one becomes U+FFFD). */
function implode(v: JqValue): string {
  if (!isArray(v)) throw new JqError('implode input must be an array');
  return v
    .map((c) => {
      if (!isNumber(c) || Number.isNaN(num(c))) throw new JqError(`${described(c)} can't be imploded, unicode codepoint needs to be numeric`);
      // (int) of the double, as C converts it: out of int's range it is no code point.
      const d = num(c);
      const n = d >= 2 ** 31 || d < -(2 ** 31) ? -1 : Math.trunc(d);
      return n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n);
    })
    .join('');
}

/** jq 1.7.1's join: strings as they are, numbers and booleans as text, null as nothing. */
function join(input: JqValue, sep: JqValue, jq: Interpreter): JqValue {
  if (!isArray(input) && !isObject(input)) throw new JqError(`Cannot iterate over ${described(input)}`);
  const items = isArray(input) ? input : [...input.values()];
  if (items.length === 0) return '';
  // jq folds with +: its type errors come from there (a string separator and strings are joined at once).
  if (typeof sep === 'string' && items.every((x) => typeof x === 'string' || typeof x === 'boolean' || isNumber(x) || x === null)) {
    const pieces = items.map((item) => (typeof item === 'boolean' || isNumber(item) ? tostring(item) : item === null ? '' : (item as string)));
    const total = pieces.reduce((n, p) => n + p.length + sep.length, 0);
    jq.budget.spendText(total);
    if (total > TEXT_LIMIT) throw new OutOfMemory(total);
    return pieces.join(sep);
  }
  let acc: JqValue = null;
  for (const item of items) {
    jq.budget.spend(1);
    const piece = typeof item === 'boolean' || isNumber(item) ? tostring(item) : item === null ? '' : item;
    const head: JqValue = acc === null ? '' : BINOPS['+'](acc, sep, jq);
    acc = BINOPS['+'](head, piece, jq);
  }
  return acc;
}

function flatten(v: JqValue, depth: number, jq: Interpreter): JqValue[] {
  if (!isArray(v) && !isObject(v)) throw new JqError(`Cannot iterate over ${described(v)}`);
  const out: JqValue[] = [];
  for (const x of isArray(v) ? v : v.values()) {
    jq.budget.spend(1);
    if (isArray(x) && depth !== 0) out.push(...flatten(x, depth - 1, jq));
    else out.push(x);
  }
  return out;
}

/** contains: strings by substring, arrays by every element being contained in some element, objects by key. */
function contains(a: JqValue, b: JqValue): boolean {
  if (isObject(a) && isObject(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v));
  if (isArray(a) && isArray(b)) return b.every((y) => a.some((x) => contains(x, y)));
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  return equals(a, b);
}

function sortInput(v: JqValue, what = 'sorted, as it is not an array'): JqValue[] {
  if (!isArray(v)) throw new JqError(`${described(v)} cannot be ${what}`);
  return v;
}

/** The values of `f` applied to each element (the keys of sort_by, group_by, ...). */
function keysBy(jq: Interpreter, items: JqValue[], f: Closure): JqValue[] {
  return items.map((item) => {
    jq.budget.spend(1);
    return jq.values(f, item);
  });
}

function entries(v: JqValue): JqValue[] {
  return keysOf(v, false).map(
    (k) =>
      new Map<string, JqValue>([
        ['key', k],
        ['value', getIndex(v, k)],
      ]),
  );
}

function fromEntries(v: JqValue, jq: Interpreter): JqValue {
  if (!isArray(v) && !isObject(v)) throw new JqError(`Cannot iterate over ${described(v)}`);
  let result: JqValue = null;
  for (const e of isArray(v) ? v : v.values()) {
    jq.budget.spend(1);
    let key: JqValue = null;
    for (const name of ['key', 'Key', 'name', 'Name']) {
      key = getIndex(e, name);
      if (truthy(key)) break;
    }
    const val = has(e, 'value') ? getIndex(e, 'value') : getIndex(e, 'Value');
    if (typeof key !== 'string') throw new JqError(`Cannot use ${described(key)} as object key`);
    result = BINOPS['+'](result, new Map([[key, val]]), jq);
  }
  return result ?? new Map();
}

function explode(v: JqValue): JqValue {
  if (typeof v !== 'string') throw new JqError('explode input must be a string');
  return Array.from(v, (c) => c.codePointAt(0)!);
}

/** indices/index/rindex on strings: code point offsets of each occurrence (overlapping). */
function stringIndices(s: string, t: string): JqValue {
  if (t === '') return null;
  const out: number[] = [];
  const bytes = new TextEncoder().encode(s);
  const needle = new TextEncoder().encode(t);
  // jq 1.7.1 reports byte offsets for string indices.
  for (let i = 0; i + needle.length <= bytes.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length && ok; j++) ok = bytes[i + j] === needle[j];
    if (ok) out.push(i);
  }
  return out;
}

function indices(input: JqValue, i: JqValue): JqValue {
  if (input === null) return null;
  if (isArray(input) && isArray(i)) return getIndex(input, i);
  if (isArray(input)) return getIndex(input, [i]);
  if (typeof input === 'string' && typeof i === 'string') return stringIndices(input, i);
  return getIndex(input, i);
}

/** min/max (by keys): the first smallest, the last largest, as jq's loops pick them. */
function extreme(items: JqValue[], keys: JqValue[], max: boolean): JqValue {
  if (items.length === 0) return null;
  let best = 0;
  for (let i = 1; i < items.length; i++) {
    const c = compare(keys[i], keys[best]);
    if (max ? c >= 0 : c < 0) best = i;
  }
  return items[best];
}

/** sub and gsub, as jq 1.7.1 defines them: each output of the replacement makes one result. */
function substitute(jq: Interpreter, input: JqValue, re: JqValue, replacement: Closure, flags: JqValue, out: Emit, path: Path | null) {
  if (typeof input !== 'string') throw new JqError(`${described(input)} cannot be matched, as it is not a string`);
  const matches = matchAll(input, compileRegex(re, flags), false, jq.budget) as JqObject[];
  const cps = Array.from(input);
  const slice = (from: number, to?: number) => cps.slice(from, to).join('');
  let results: string[] = [];
  let previous = 0;
  for (const m of matches) {
    const gap = slice(previous, num(m.get('offset') as number));
    const captured = new Map<string, JqValue>();
    for (const c of m.get('captures') as JqObject[]) {
      const name = c.get('name');
      if (typeof name === 'string') captured.set(name, c.get('string')!);
    }
    const inserts = jq.values(replacement, captured);
    const next = results.slice();
    inserts.forEach((ins, ix) => {
      if (typeof ins !== 'string') throw new JqError(`${described(gap)} and ${described(ins)} cannot be added`);
      next[ix] = (results[ix] ?? '') + gap + ins;
    });
    results = next;
    previous = num(m.get('offset') as number) + num(m.get('length') as number);
  }
  const rest = slice(previous);
  if (matches.length === 0) {
    out(input, fresh(path));
    return;
  }
  const emitted = results.filter((r) => r !== undefined);
  if (emitted.length === 0) {
    out(input, fresh(path));
    return;
  }
  for (const r of emitted) out(r + rest, fresh(path));
}

const NATIVES: Record<string, Native> = {
  'empty/0': () => {},
  'not/0': value((v) => !truthy(v)),
  'error/0': (_jq, input) => {
    throw new JqError(input);
  },
  'error/1': (jq, input, _path, [msg]) => {
    jq.call(msg, input, null, (m) => {
      throw new JqError(m);
    });
  },
  'path/1': (jq, input, path, [f], out) => {
    jq.call(f, input, [], (v, p) => {
      if (p === BROKEN) throw new JqError(`Invalid path expression with result ${truncated(v, 30)}`);
      out(p as JqValue[], fresh(path));
    });
  },
  'getpath/1': (jq, input, path, [p], out) => {
    jq.call(p, input, null, (keys) => {
      const v = getPath(input, keys);
      if (path === null) out(v, null);
      else {
        if (path === BROKEN) throw new JqError(`Invalid path expression with result ${truncated(input, 30)}`);
        out(v, [...path, ...(keys as JqValue[])]);
      }
    });
  },
  'setpath/2': withArgs((input, [p, v], jq) => setPath(input, p, v, (n) => jq.budget.spend(n))),
  'delpaths/1': withArgs((input, [ps]) => delPaths(input, ps)),
  'length/0': value(length),
  'utf8bytelength/0': value((v) => {
    if (typeof v !== 'string') throw new JqError(`${described(v)} only strings have UTF-8 byte length`);
    return utf8Length(v);
  }),
  'keys/0': value((v) => keysOf(v, true)),
  'keys_unsorted/0': value((v) => keysOf(v, false)),
  'has/1': withArgs((input, [k]) => has(input, k)),
  'contains/1': withArgs((a, [b]) => {
    if (kind(a) !== kind(b)) throw new JqError(`${described(a)} and ${described(b)} cannot have their containment checked`);
    return contains(a, b);
  }),
  'type/0': value((v) => (v === null ? 'null' : typeof v === 'boolean' ? 'boolean' : isNumber(v) ? 'number' : typeof v === 'string' ? 'string' : isArray(v) ? 'array' : 'object')),
  'tostring/0': value(tostring),
  'tojson/0': value((v, jq) => toJson(v, (n) => jq.budget.spendText(n))),
  'fromjson/0': value((v) => {
    if (typeof v !== 'string') throw new JqError(`${described(v)} only strings can be parsed`);
    const r = parseOne(v);
    if ('error' in r) throw new JqError(r.error);
    return r.value;
  }),
  'tonumber/0': value((v) => {
    if (isNumber(v)) return v;
    if (typeof v === 'string') {
      const r = parseOne(v);
      if ('error' in r) throw new JqError(r.error);
      if (isNumber(r.value)) return r.value;
    }
    throw new JqError(`${described(v)} cannot be parsed as a number`);
  }),
  'ascii_downcase/0': value((v) => {
    if (typeof v !== 'string') throw new JqError('explode input must be a string');
    return v.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }),
  'ascii_upcase/0': value((v) => {
    if (typeof v !== 'string') throw new JqError('explode input must be a string');
    return v.replace(/[a-z]+/g, (m) => m.toUpperCase());
  }),
  'explode/0': value(explode),
  'implode/0': value(implode),
  'ltrimstr/1': withArgs((input, [p]) => (typeof input === 'string' && typeof p === 'string' && input.startsWith(p) ? input.slice(p.length) : input)),
  'rtrimstr/1': withArgs((input, [p]) => (typeof input === 'string' && typeof p === 'string' && input.endsWith(p) && p.length <= input.length ? input.slice(0, input.length - p.length) : input)),
  'startswith/1': withArgs((input, [p]) => {
    if (typeof input !== 'string' || typeof p !== 'string') throw new JqError('startswith() requires string inputs');
    return input.startsWith(p);
  }),
  'endswith/1': withArgs((input, [p]) => {
    if (typeof input !== 'string' || typeof p !== 'string') throw new JqError('endswith() requires string inputs');
    return input.endsWith(p);
  }),
  'split/1': withArgs((input, [sep], jq) => {
    if (typeof input !== 'string' || typeof sep !== 'string') throw new JqError('split input and separator must be strings');
    return splitString(input, sep, jq);
  }),
  'join/1': withArgs((input, [sep], jq) => join(input, sep, jq)),
  'add/0': value((v, jq) => {
    if (!isArray(v) && !isObject(v)) throw new JqError(`Cannot iterate over ${described(v)}`);
    let acc: JqValue = null;
    for (const x of isArray(v) ? v : v.values()) {
      jq.budget.spend(1);
      acc = BINOPS['+'](acc, x, jq);
    }
    return acc;
  }),
  'flatten/0': value((v, jq) => flatten(v, -1, jq)),
  'flatten/1': withArgs((input, [d], jq) => {
    if (!isNumber(d)) throw new JqError(`${described(d)} and number cannot be compared`);
    if (num(d) < 0) throw new JqError('flatten depth must not be negative');
    return flatten(input, num(d), jq);
  }),
  'range/1': (jq, input, path, [n], out) => {
    jq.call(n, input, null, (upto) => rangeLoop(jq, 0, upto, 1, (v) => out(v, fresh(path))));
  },
  'range/2': (jq, input, path, [from, upto], out) => {
    jq.call(from, input, null, (f) => jq.call(upto, input, null, (u) => rangeLoop(jq, f, u, 1, (v) => out(v, fresh(path)))));
  },
  'range/3': (jq, input, path, [from, upto, by], out) => {
    jq.cartesian([from, upto, by], input, ([f, u, b]) => {
      if (!isNumber(b)) throw new JqError('Range bounds must be numeric');
      if (num(b) === 0) return;
      rangeLoop(jq, f, u, num(b), (v) => out(v, fresh(path)));
    });
  },
  'sort/0': value((v) => {
    const items = sortInput(v);
    return sortBy(items, items);
  }),
  'sort_by/1': (jq, input, path, [f], out) => {
    const items = sortInput(input);
    out(sortBy(items, keysBy(jq, items, f)), fresh(path));
  },
  'group_by/1': (jq, input, path, [f], out) => {
    const items = sortInput(input, 'grouped, as it is not an array');
    out(groupBy(items, keysBy(jq, items, f)), fresh(path));
  },
  'unique/0': value((v) => groupBy(sortInput(v), sortInput(v)).map((g) => g[0])),
  'unique_by/1': (jq, input, path, [f], out) => {
    const items = sortInput(input, 'grouped, as it is not an array');
    out(groupBy(items, keysBy(jq, items, f)).map((g) => g[0]), fresh(path));
  },
  'min/0': value((v) => extreme(sortInput(v, 'iterated over'), sortInput(v, 'iterated over'), false)),
  'max/0': value((v) => extreme(sortInput(v, 'iterated over'), sortInput(v, 'iterated over'), true)),
  'min_by/1': (jq, input, path, [f], out) => {
    const items = sortInput(input, 'iterated over');
    out(extreme(items, keysBy(jq, items, f), false), fresh(path));
  },
  'max_by/1': (jq, input, path, [f], out) => {
    const items = sortInput(input, 'iterated over');
    out(extreme(items, keysBy(jq, items, f), true), fresh(path));
  },
  'reverse/0': value((v) => {
    if (isArray(v)) return [...v].reverse();
    const n = length(v) as number;
    if (n === 0) return [];
    return [getIndex(v, n - 1)];
  }),
  'to_entries/0': value(entries),
  'from_entries/0': value(fromEntries),
  'indices/1': withArgs((input, [i]) => indices(input, i)),
  'index/1': withArgs((input, [i]) => {
    const r = indices(input, i);
    return isArray(r) ? r[0] ?? null : getIndex(r, 0);
  }),
  'rindex/1': withArgs((input, [i]) => {
    const r = indices(input, i);
    return isArray(r) ? r[r.length - 1] ?? null : getIndex(r, -1);
  }),
  'tostream/0': (jq, input, path, _args, out) => {
    const walk = (v: JqValue, p: JqValue[], top: boolean) => {
      jq.budget.spend(1);
      if ((isArray(v) && v.length) || (isObject(v) && v.size)) {
        const keys = isArray(v) ? v.map((_, i) => i) : [...v.keys()];
        keys.forEach((k, i) => {
          walk(getIndex(v, k), [...p, k], false);
          if (i === keys.length - 1) out([[...p, k]], fresh(path));
        });
        void top;
      } else out([p, v], fresh(path));
    };
    walk(input, [], true);
  },
  'infinite/0': value(() => Infinity),
  'nan/0': value(() => NaN),
  // Anything but a number is simply not one of these.
  'isinfinite/0': value((v) => isNumber(v) && Math.abs(num(v)) === Infinity),
  'isnan/0': value((v) => isNumber(v) && Number.isNaN(num(v))),
  'isnormal/0': value((v) => isNumber(v) && Number.isFinite(num(v)) && Math.abs(num(v)) >= 2.2250738585072014e-308),
  'now/0': value((_v, jq) => jq.host.now() / 1000),
  'env/0': value((_v, jq) => jq.host.env),
  'builtins/0': value(() => BUILTIN_NAMES),
  'input/0': value((_v, jq) => {
    const next = jq.host.nextInput();
    if (next === undefined) throw new JqError('break');
    return next;
  }),
  'inputs/0': (jq, _input, path, _args, out) => {
    for (let next = jq.host.nextInput(); next !== undefined; next = jq.host.nextInput()) out(next, fresh(path));
  },
  'debug/0': (jq, input, path, _args, out) => {
    jq.host.debug(input);
    out(input, path);
  },
  'stderr/0': (jq, input, path, _args, out) => {
    jq.host.stderr(input);
    out(input, path);
  },
  'input_filename/0': value((_v, jq) => jq.host.inputFilename()),
  'input_line_number/0': value((_v, jq) => jq.host.inputLine()),
  'halt/0': () => {
    throw new HaltSignal(0, undefined);
  },
  'halt_error/1': withArgs((input, [code]) => {
    if (!isNumber(code)) throw new JqError(`${described(input)} halt_error/1: number required`);
    throw new HaltSignal(Math.trunc(num(code)), input);
  }),
  'format/1': withArgs((input, [f]) => {
    if (typeof f !== 'string') throw new JqError(`${described(f)} is not a valid format`);
    return applyFormat(f, input);
  }),
  'test/1': regexNative(true, false),
  'test/2': regexNative(true, true),
  'match/1': regexNative(false, false),
  'match/2': regexNative(false, true),
  'sub/2': (jq, input, path, [re, s], out) => jq.call(re, input, null, (r) => substitute(jq, input, r, s, '', out, path)),
  'sub/3': (jq, input, path, [re, s, flags], out) => jq.call(re, input, null, (r) => jq.call(flags, input, null, (f) => substitute(jq, input, r, s, f, out, path))),
  'gsub/2': (jq, input, path, [re, s], out) => jq.call(re, input, null, (r) => substitute(jq, input, r, s, 'g', out, path)),
  'gsub/3': (jq, input, path, [re, s, flags], out) =>
    jq.call(re, input, null, (r) => jq.call(flags, input, null, (f) => substitute(jq, input, r, s, BINOPS['+'](f, 'g', jq), out, path))),
  'limit/2': (jq, input, path, [n, f], out) => {
    jq.call(n, input, null, (count) => {
      if (!isNumber(count)) throw new JqError(`${described(count)} and number cannot be compared`);
      const max = num(count);
      if (max <= 0) {
        if (max < 0) jq.call(f, input, path, out);
        return;
      }
      let seen = 0;
      const stop = new Stop();
      try {
        jq.call(f, input, path, (v, p) => {
          out(v, p);
          if (++seen >= max) throw stop;
        });
      } catch (e) {
        if (e !== stop) throw e;
      }
    });
  },
  'first/1': (jq, input, path, [f], out) => {
    const stop = new Stop();
    let got: { v: JqValue; p: Path | null } | undefined;
    try {
      jq.call(f, input, path, (v, p) => {
        got = { v, p };
        throw stop;
      });
    } catch (e) {
      if (e !== stop) throw e;
    }
    if (got) out(got.v, got.p);
  },
  'last/1': (jq, input, path, [f], out) => {
    let got: { v: JqValue; p: Path | null } | undefined;
    jq.call(f, input, path, (v, p) => (got = { v, p }));
    // jq 1.7.1 defines last(f) by reduce: null when f is empty.
    out(got ? got.v : null, fresh(path));
  },
  'isempty/1': (jq, input, path, [f], out) => {
    const stop = new Stop();
    let empty = true;
    try {
      jq.call(f, input, null, () => {
        empty = false;
        throw stop;
      });
    } catch (e) {
      if (e !== stop) throw e;
    }
    out(empty, fresh(path));
  },
  'until/2': (jq, input, path, [cond, next], out) => {
    // if cond then . else (next | until) end, looping while each step has one output.
    const step = (v: JqValue): void => {
      for (;;) {
        jq.budget.spend(1);
        const c = jq.values(cond, v);
        if (c.length === 1 && !truthy(c[0])) {
          const nexts = jq.values(next, v);
          if (nexts.length === 1) {
            v = nexts[0];
            continue;
          }
          for (const n of nexts) step(n);
          return;
        }
        for (const x of c) {
          if (truthy(x)) out(v, fresh(path));
          else for (const n of jq.values(next, v)) step(n);
        }
        return;
      }
    };
    step(input);
  },
  'while/2': (jq, input, path, [cond, update], out) => {
    // if cond then ., (update | while) else empty end, looping while each step has one output.
    const step = (v: JqValue): void => {
      for (;;) {
        jq.budget.spend(1);
        const c = jq.values(cond, v);
        if (c.length === 1) {
          if (!truthy(c[0])) return;
          out(v, fresh(path));
          const nexts = jq.values(update, v);
          if (nexts.length === 1) {
            v = nexts[0];
            continue;
          }
          for (const n of nexts) step(n);
          return;
        }
        for (const x of c) {
          if (!truthy(x)) continue;
          out(v, fresh(path));
          for (const n of jq.values(update, v)) step(n);
        }
        return;
      }
    };
    step(input);
  },
  'repeat/1': (jq, input, path, [f], out) => {
    // jq 1.7.1: def repeat(f): def _repeat: f, _repeat; _repeat; f's outputs on the same input, again and again.
    for (;;) {
      jq.budget.spend(1);
      jq.call(f, input, path, out);
    }
  },
  'recurse/1': (jq, input, path, [f], out) => recurseLoop(jq, input, path, f, null, out),
  'recurse/2': (jq, input, path, [f, cond], out) => recurseLoop(jq, input, path, f, cond, out),
  'recurse/0': (jq, input, path, _args, out) => jq.recurse(input, path, out),
  'splits/1': (jq, input, path, [re], out) => splitsNative(jq, input, path, re, null, out),
  'splits/2': (jq, input, path, [re, flags], out) => jq.call(flags, input, null, (f) => splitsNative(jq, input, path, re, f, out)),
  'split/2': (jq, input, path, [re, flags], out) =>
    jq.call(flags, input, null, (f) => {
      const parts: JqValue[] = [];
      splitsNative(jq, input, null, re, f, (v) => parts.push(v));
      out(parts, fresh(path));
    }),
  'significand/0': numeric((x) => (x === 0 || !Number.isFinite(x) ? x : frexp(x)[0] * 2)),
  'logb/0': numeric((x) => (x === 0 ? -Infinity : !Number.isFinite(x) ? Math.abs(x) : frexp(x)[1] - 1)),
  'frexp/0': value((v) => {
    if (!isNumber(v)) throw new JqError(`${described(v)} number required`);
    return frexp(num(v));
  }),
  'modf/0': value((v) => {
    if (!isNumber(v)) throw new JqError(`${described(v)} number required`);
    const x = num(v);
    const i = Math.trunc(x);
    return [Number.isFinite(x) ? x - i : 0 * Math.sign(x), i];
  }),
  'ldexp/2': numeric2(ldexp),
  'scalb/2': numeric2(ldexp),
  'scalbln/2': numeric2(ldexp),
  'gmtime/0': value((v) => gmtime(v)),
  'localtime/0': value((v) => gmtime(v, 'localtime')),
  'mktime/0': value(mktime),
  'strftime/1': withArgs((input, [f]) => strftime(input, f)),
  'strflocaltime/1': withArgs((input, [f]) => strftime(input, f, 'strflocaltime/1')),
  'strptime/1': withArgs((input, [f]) => strptime(input, f)),
  'todate/0': value((v) => strftime(v, '%Y-%m-%dT%H:%M:%SZ')),
  'todateiso8601/0': value((v) => strftime(v, '%Y-%m-%dT%H:%M:%SZ')),
  'fromdate/0': value((v) => mktime(strptime(v, '%Y-%m-%dT%H:%M:%SZ'))),
  'fromdateiso8601/0': value((v) => mktime(strptime(v, '%Y-%m-%dT%H:%M:%SZ'))),
  'get_search_list/0': value(() => ['~/.jq', '$ORIGIN/../lib/jq', '$ORIGIN/../lib']),
  'get_prog_origin/0': value(() => null),
  'get_jq_origin/0': value(() => '/usr/bin'),
  'modulemeta/0': value((v) => {
    if (typeof v !== 'string') throw new JqError('modulemeta input module not a string');
    throw new JqError(`module not found: ${v}`);
  }),
};

function kind(v: JqValue): string {
  return v === null ? 'null' : typeof v === 'boolean' ? String(v) : isNumber(v) ? 'number' : typeof v === 'string' ? 'string' : isArray(v) ? 'array' : 'object';
}

/**
 * recurse(f) and recurse(f; cond): `def r: ., (f | select(cond) | r); r;`, depth first, with a
 * stack of its own rather than JavaScript's, so a chain thousands deep (recurse(. + 1)) is fine.
 */
function recurseLoop(jq: Interpreter, input: JqValue, path: Path | null, f: Closure, cond: Closure | null, out: Emit) {
  const stack: { v: JqValue; p: Path | null }[] = [{ v: input, p: path }];
  while (stack.length) {
    const { v, p } = stack.pop()!;
    jq.budget.spend(1);
    out(v, p);
    const children: { v: JqValue; p: Path | null }[] = [];
    jq.call(f, v, p, (x, xp) => {
      if (cond === null) children.push({ v: x, p: xp });
      else jq.call(cond, x, null, (c) => truthy(c) && children.push({ v: x, p: xp }));
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function rangeLoop(jq: Interpreter, from: JqValue, upto: JqValue, by: number, emit: (v: JqValue) => void) {
  if (!isNumber(from) || !isNumber(upto)) throw new JqError('Range bounds must be numeric');
  const end = num(upto);
  for (let x = num(from); by > 0 ? x < end : x > end; x += by) {
    jq.budget.spend(1);
    emit(x);
  }
}

function regexNative(test: boolean, withFlags: boolean): Native {
  return (jq, input, path, args, out) => {
    const run = (re: JqValue, flags: JqValue) => {
      const result = matchAll(input, compileRegex(re, flags), test, jq.budget);
      if (test) out(result, fresh(path));
      else for (const m of result as JqValue[]) out(m, fresh(path));
    };
    if (withFlags) {
      jq.cartesian(args, input, ([re, flags]) => run(re, flags));
      return;
    }
    jq.call(args[0], input, null, (val) => {
      if (typeof val === 'string') run(val, null);
      else if (isArray(val) && val.length > 1) run(val[0], val[1]);
      else if (isArray(val) && val.length > 0) run(val[0], null);
      else throw new JqError(`${kind(val) === 'true' || kind(val) === 'false' ? 'boolean' : kind(val)} not a string or array`);
    });
  };
}

function splitsNative(jq: Interpreter, input: JqValue, path: Path | null, re: Closure, flags: JqValue, out: Emit) {
  jq.call(re, input, null, (r) => {
    if (typeof input !== 'string') throw new JqError(`${described(input)} cannot be matched, as it is not a string`);
    const matches = matchAll(input, compileRegex(r, typeof flags === 'string' ? `g${flags}` : flags === null ? 'g' : BINOPS['+']('g', flags, jq)), false, jq.budget) as JqObject[];
    const cps = Array.from(input);
    let previous = 0;
    for (const m of matches) {
      const offset = num(m.get('offset') as number);
      out(cps.slice(previous, offset).join(''), fresh(path));
      previous = offset + num(m.get('length') as number);
    }
    out(cps.slice(previous).join(''), fresh(path));
  });
}

// The math library (libm.h): one argument, two, or three.
const MATH1: Record<string, (x: number) => number> = {
  floor: Math.floor,
  ceil: Math.ceil,
  round: (x) => (x < 0 ? -Math.round(-x) : Math.round(x)),
  sqrt: Math.sqrt,
  fabs: Math.abs,
  trunc: Math.trunc,
  rint,
  nearbyint: rint,
  exp: Math.exp,
  exp2: (x) => 2 ** x,
  exp10: (x) => 10 ** x,
  expm1: Math.expm1,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  log1p: Math.log1p,
  cbrt: Math.cbrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
};
for (const [name, f] of Object.entries(MATH1)) NATIVES[`${name}/0`] = numeric(f);

const MATH2: Record<string, (x: number, y: number) => number> = {
  pow: (x, y) => x ** y,
  atan2: Math.atan2,
  fmod: (x, y) => x % y,
  hypot: Math.hypot,
  fmin: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y)),
  fmax: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y)),
  fdim: (x, y) => (x > y ? x - y : 0),
  copysign: (x, y) => Math.abs(x) * (y < 0 || Object.is(y, -0) ? -1 : 1),
  remainder: (x, y) => x - y * rint(x / y),
  drem: (x, y) => x - y * rint(x / y),
};
for (const [name, f] of Object.entries(MATH2)) NATIVES[`${name}/2`] = numeric2(f);
NATIVES['fma/3'] = withArgs((_input, [a, b, c]) => {
  for (const x of [a, b, c]) if (!isNumber(x)) throw new JqError(`${described(x)} number required`);
  return num(a as number) * num(b as number) + num(c as number);
});

// glibc 2.27 stopped letting programs link pow10, so jq's build finds no pow10 and defines it as
// this error (Ubuntu's jq, like Debian's, says so).
NATIVES['pow10/0'] = value(() => {
  throw new JqError('Error: pow10/0 not found at build time');
});

/** jq 1.7.1's functions this terminal does not compute (their results would differ from glibc's). */
export const UNSUPPORTED = new Set(['gamma/0', 'lgamma/0', 'tgamma/0', 'lgamma_r/0', 'j0/0', 'j1/0', 'jn/2', 'y0/0', 'y1/0', 'yn/2', 'erf/0', 'erfc/0', 'nextafter/2', 'nexttoward/2']);

export const natives = new Map<string, Native>(Object.entries(NATIVES));

/** `builtins`: jq 1.7.1's list, in the order it gives it. */
export const BUILTIN_NAMES: JqValue[] = (
  'input_line_number/0 input_filename/0 now/0 localtime/0 gmtime/0 mktime/0 strflocaltime/1 strftime/1 strptime/1 stderr/0 debug/0 input/0 ' +
  'modulemeta/0 get_jq_origin/0 get_prog_origin/0 get_search_list/0 halt_error/1 halt/0 env/0 format/1 error/0 max/0 min/0 sort/0 nan/0 ' +
  'infinite/0 isnormal/0 isnan/0 isinfinite/0 type/0 utf8bytelength/0 length/0 contains/1 has/1 delpaths/1 getpath/1 setpath/2 implode/0 ' +
  'explode/0 split/1 rtrimstr/1 ltrimstr/1 endswith/1 startswith/1 keys_unsorted/0 keys/0 tostring/0 tonumber/0 fromjson/0 tojson/0 ' +
  'lgamma_r/0 modf/0 frexp/0 ldexp/2 trunc/0 significand/0 scalbln/2 scalb/2 round/0 rint/0 nexttoward/2 nextafter/2 nearbyint/0 logb/0 ' +
  'log1p/0 lgamma/0 gamma/0 fmod/2 fmin/2 fmax/2 fma/3 fdim/2 fabs/0 expm1/0 exp10/0 erfc/0 erf/0 drem/2 copysign/2 ceil/0 yn/2 jn/2 y1/0 ' +
  'y0/0 tgamma/0 tanh/0 tan/0 sqrt/0 sinh/0 sin/0 remainder/2 pow/2 log2/0 log10/0 log/0 j1/0 j0/0 hypot/2 floor/0 exp2/0 exp/0 cosh/0 ' +
  'cos/0 cbrt/0 atanh/0 atan2/2 atan/0 asinh/0 asin/0 acosh/0 acos/0 empty/0 not/0 path/1 range/2 halt_error/0 error/1 map/1 select/1 ' +
  'sort_by/1 group_by/1 unique/0 unique_by/1 max_by/1 min_by/1 add/0 del/1 abs/0 map_values/1 recurse/1 recurse/2 recurse/0 ' +
  'to_entries/0 from_entries/0 with_entries/1 reverse/0 indices/1 index/1 rindex/1 paths/0 paths/1 isfinite/0 arrays/0 objects/0 ' +
  'iterables/0 booleans/0 numbers/0 normals/0 finites/0 strings/0 nulls/0 values/0 scalars/0 join/1 flatten/1 flatten/0 range/1 ' +
  'fromdateiso8601/0 todateiso8601/0 fromdate/0 todate/0 match/2 match/1 test/2 test/1 capture/2 capture/1 scan/2 scan/1 splits/2 ' +
  'splits/1 split/2 sub/3 sub/2 gsub/3 gsub/2 while/2 until/2 limit/2 range/3 first/1 isempty/1 all/2 any/2 all/1 any/1 all/0 any/0 ' +
  'last/1 nth/2 first/0 last/0 nth/1 combinations/0 combinations/1 transpose/0 in/1 inside/1 repeat/1 inputs/0 ascii_downcase/0 ' +
  'ascii_upcase/0 truncate_stream/1 fromstream/1 tostream/0 bsearch/1 walk/1 pick/1 debug/1 INDEX/2 INDEX/1 JOIN/2 JOIN/3 JOIN/4 IN/1 ' +
  'IN/2 pow10/0 builtins/0'
).split(' ');
