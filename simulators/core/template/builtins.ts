// Go's builtin template functions (text/template/funcs.go): and, or, not, len, index, slice, call,
// print, printf, println, html, js, urlquery and the comparisons, with Go's error wording.
import { goTypeName } from './fmt';
import { FuncError, callUser, type CallContext, type FuncMap } from './functions';
import { compareGo, fromUtf8, hex, isPrint, runes, utf8, utf8Len } from './go-text';
import { encodeJSON } from './json';
import { GoComplex, INVALID, fromData, hasOwn, indirect, isAllStrings, isTrue, kindOf, num, ownKeys, type TemplateFn, type Val } from './values';

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

function jsEscape(s: string): string {
  let out = '';
  for (const r of runes(s)) {
    if (r === 0x5c) out += '\\\\';
    else if (r === 0x27) out += "\\'";
    else if (r === 0x22) out += '\\"';
    else if (r === 0x3c) out += '\\u003C';
    else if (r === 0x3e) out += '\\u003E';
    else if (r === 0x26) out += '\\u0026';
    else if (r === 0x3d) out += '\\u003D';
    else if (r < 0x20) out += '\\u00' + hex(r, 2).toUpperCase();
    else if (r < 0x80 || isPrint(r)) out += String.fromCodePoint(r);
    else out += '\\u' + hex(r, 4).toUpperCase();
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + hex(b, 2).toUpperCase();
  }
  return out;
}

/** reflect.Value.Index's and index's view of an int index. */
function indexArg(index: Val, cap: number, x: CallContext): number {
  const k = kindOf(index);
  if (k === 'invalid' || k === 'nil') throw new FuncError('cannot index slice/array with nil');
  if (k !== 'int') throw new FuncError(`cannot index slice/array with type ${x.typeName(index)}`);
  const n = index as number;
  if (n < 0 || n > cap) throw new FuncError(`index out of range: ${n}`);
  return n;
}

type BasicKind = 'bool' | 'complex' | 'int' | 'float' | 'string' | null;

function basicKind(v: Val): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'complex' || k === 'int' || k === 'float' || k === 'string' ? k : null;
}

function deepEqual(a: Val, b: Val): boolean {
  return encodeJSONSafe(a) === encodeJSONSafe(b) && kindOf(a) === kindOf(b);
}

function encodeJSONSafe(v: Val): string {
  try {
    return encodeJSON(v, false, 0);
  } catch {
    return '\u0000unsupported';
  }
}

function eqValues(a1: Val, rest: Val[], x: CallContext): boolean {
  const arg1 = indirect(a1);
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const r of rest) {
    const arg = indirect(r);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1 !== INVALID && arg !== INVALID) throw new FuncError(`incompatible types for comparison: ${x.typeName(arg1)} and ${x.typeName(arg)}`);
    } else if (k1 === 'complex') {
      truth = (arg1 as GoComplex).re === (arg as GoComplex).re && (arg1 as GoComplex).im === (arg as GoComplex).im;
    } else if (k1 === 'int' || k1 === 'float') {
      truth = num(arg1) === num(arg);
    } else if (k1 !== null) {
      truth = arg1 === arg;
    } else {
      const ka = kindOf(arg1);
      const kb = kindOf(arg);
      if (ka !== kb && ka !== 'invalid' && kb !== 'invalid')
        throw new FuncError(`non-comparable types ${x.sprintV(arg1)}: ${x.typeName(arg1)}, ${x.typeName(arg)}: ${x.sprintV(arg)}`);
      if (ka === 'invalid' || kb === 'invalid') truth = ka === kb;
      else if (kb === 'slice' || kb === 'map' || kb === 'func') throw new FuncError(`non-comparable type ${x.sprintV(arg)}: ${x.typeName(arg)}`);
      else truth = deepEqual(arg1, arg);
    }
    if (truth) return true;
  }
  return false;
}

function ltValues(a1: Val, a2: Val, x: CallContext): boolean {
  const arg1 = indirect(a1);
  const arg2 = indirect(a2);
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === null || k2 === null) throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw new FuncError(`incompatible types for comparison: ${x.typeName(arg1)} and ${x.typeName(arg2)}`);
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new FuncError('invalid type for comparison');
    case 'string':
      return compareGo(arg1 as string, arg2 as string) < 0;
    default:
      return num(arg1) < num(arg2);
  }
}

const asString = (v: Val) => v as string;

/** Go's builtin functions (text/template/funcs.go). */
export const BUILTINS: FuncMap = {
  and: { params: ['value'], variadic: 'value', call: () => INVALID }, // evaluated in Exec.evalCall: it short-circuits
  or: { params: ['value'], variadic: 'value', call: () => INVALID },
  call: {
    params: ['value'],
    variadic: 'value',
    call: ([fn, ...args], x) => {
      const f = indirect(fn);
      if (f === INVALID) throw new FuncError('call of nil');
      if (typeof f !== 'function') throw new FuncError(`non-function ${x.calleeName} of type ${x.typeName(f)}`);
      if (args.length !== f.length) throw new FuncError(`wrong number of args for ${x.calleeName}: got ${args.length} want ${f.length}`);
      return callUser(f as TemplateFn, args);
    },
  },
  html: { params: [], variadic: 'any', call: (args, x) => htmlEscape(x.evalArgs(args)) },
  index: {
    params: ['value'],
    variadic: 'value',
    call: ([item0, ...indexes], x) => {
      let item = indirect(item0);
      if (item === INVALID) throw new FuncError('index of untyped nil');
      for (const idx0 of indexes) {
        const idx = indirect(idx0);
        if (item === null || item === undefined) throw new FuncError('index of nil pointer');
        const k = kindOf(item);
        if (k === 'slice' || k === 'string') {
          const len = k === 'string' ? utf8Len(item as string) : (item as unknown[]).length;
          const i = indexArg(idx, len, x);
          if (i === len) throw new FuncError(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
          item = k === 'string' ? utf8(item as string)[i] : fromData((item as unknown[])[i]);
        } else if (k === 'map') {
          const o = item as Record<string, unknown>;
          if (idx === INVALID) throw new FuncError('value is nil; should be of type string');
          if (typeof idx !== 'string') throw new FuncError(`value has type ${x.typeName(idx)}; should be string`);
          if (hasOwn(o, idx)) item = fromData(o[idx]);
          else item = isAllStrings(Object.values(o)) ? '' : null;
        } else throw new FuncError(`can't index item of type ${x.typeName(item)}`);
      }
      return item;
    },
  },
  slice: {
    params: ['value'],
    variadic: 'value',
    call: ([item0, ...indexes], x) => {
      const item = indirect(item0);
      if (item === INVALID) throw new FuncError('slice of untyped nil');
      if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
      const k = kindOf(item);
      let len: number;
      if (k === 'string') {
        if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
        len = utf8Len(item as string);
      } else if (k === 'slice') len = (item as unknown[]).length;
      else throw new FuncError(`can't slice item of type ${x.typeName(item)}`);
      const idx = [0, len, len];
      indexes.forEach((v, i) => (idx[i] = indexArg(indirect(v), len, x)));
      if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
      if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
      if (k === 'string') return fromUtf8(utf8(item as string).slice(idx[0], idx[1]));
      return (item as unknown[]).slice(idx[0], idx[1]);
    },
  },
  js: { params: [], variadic: 'any', call: (args, x) => jsEscape(x.evalArgs(args)) },
  len: {
    params: ['value'],
    call: ([v]) => {
      if (v === INVALID) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
      if (v === null) throw new FuncError('len of nil pointer');
      const k = kindOf(v);
      if (k === 'string') return utf8Len(v as string);
      if (k === 'slice') return (v as unknown[]).length;
      if (k === 'map') return ownKeys(v as object).length;
      throw new FuncError(`len of type ${goTypeName(v, () => undefined)}`);
    },
  },
  not: { params: ['value'], call: ([v]) => !isTrue(indirect(v)) },
  print: { params: [], variadic: 'any', call: (args, x) => x.printer.sprint(args) },
  printf: { params: ['string'], variadic: 'any', call: ([f, ...args], x) => x.printer.sprintf(asString(f), args) },
  println: { params: [], variadic: 'any', call: (args, x) => x.printer.sprintln(args) },
  urlquery: { params: [], variadic: 'any', call: (args, x) => urlQueryEscape(x.evalArgs(args)) },
  eq: { params: ['value'], variadic: 'value', call: ([a, ...rest], x) => eqValues(a, rest, x) },
  ne: { params: ['value', 'value'], call: ([a, b], x) => !eqValues(a, [b], x) },
  lt: { params: ['value', 'value'], call: ([a, b], x) => ltValues(a, b, x) },
  le: { params: ['value', 'value'], call: ([a, b], x) => ltValues(a, b, x) || eqValues(a, [b], x) },
  gt: { params: ['value', 'value'], call: ([a, b], x) => !(ltValues(a, b, x) || eqValues(a, [b], x)) },
  ge: { params: ['value', 'value'], call: ([a, b], x) => !ltValues(a, b, x) },
};
