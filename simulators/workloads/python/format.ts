// Python's string formatting: the format-spec mini-language (f-strings, str.format), %-formatting,
// and json.dumps.
import { PyException, Unsupported } from './errors';
import { checkStr, RECURSION_LIMIT } from './limits';
import { floatRepr, intStr, isObj, meterItem, repr, str, typeName } from './values';
import type { PyDict, PyList, PyTuple, PyValue } from './types';

/** Digits after the point JavaScript can give (CPython gives any number; more are not modelled). */
function digits(n: number): number {
  if (n > 100) throw new Unsupported(`a precision of ${n} digits`);
  return n;
}

export function formatSpec(v: PyValue, spec: string): string {
  if (!spec) return str(v);
  const m = /^(?:(.)?([<>^=]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) throw new PyException('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName(v)}'`);
  const [, fillRaw, alignRaw, sign, , zero, widthRaw, group, precRaw, type] = m;
  let out: string;
  const num = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : undefined;
  const prec = precRaw === undefined ? undefined : Number(precRaw);
  if (type === 'f' || type === 'F' || type === '%' || (prec !== undefined && num !== undefined && !type)) {
    if (num === undefined) throw new PyException('ValueError', `Unknown format code '${type ?? 'f'}' for object of type '${typeName(v)}'`);
    out = type === '%' ? `${(num * 100).toFixed(digits(prec ?? 6))}%` : num.toFixed(digits(prec ?? 6));
  } else if (type === 'd' || type === 'n') {
    if (typeof v !== 'bigint' && typeof v !== 'boolean') throw new PyException('ValueError', `Unknown format code 'd' for object of type '${typeName(v)}'`);
    out = String(num);
  } else if (type === 'x' || type === 'X' || type === 'o' || type === 'b') {
    out = Math.trunc(num ?? 0).toString(type === 'o' ? 8 : type === 'b' ? 2 : 16);
    if (type === 'X') out = out.toUpperCase();
  } else if (type === 'e' || type === 'E') {
    out = (num ?? 0).toExponential(digits(prec ?? 6)).replace(/e([+-])(\d)$/, 'e$10$2');
    if (type === 'E') out = out.toUpperCase();
  } else {
    out = str(v);
    if (prec !== undefined && typeof v === 'string') out = out.slice(0, prec);
  }
  if (group && num !== undefined) {
    const [int, frac] = out.split('.');
    out = int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac !== undefined ? `.${frac}` : '');
  }
  if (sign === '+' && num !== undefined && num >= 0) out = `+${out}`;
  if (sign === ' ' && num !== undefined && num >= 0) out = ` ${out}`;
  const width = widthRaw ? Number(widthRaw) : 0;
  checkStr(width);
  const fill = fillRaw ?? (zero ? '0' : ' ');
  const align = alignRaw ?? (zero ? '=' : num !== undefined && typeof v !== 'string' ? '>' : '<');
  if (out.length < width) {
    const pad = width - out.length;
    if (align === '<') out += fill.repeat(pad);
    else if (align === '>') out = fill.repeat(pad) + out;
    else if (align === '^') out = fill.repeat(Math.floor(pad / 2)) + out + fill.repeat(Math.ceil(pad / 2));
    else {
      const s = /^[+\- ]/.test(out) ? out[0] : '';
      out = s + fill.repeat(pad) + out.slice(s.length);
    }
  }
  return out;
}

export function percentFormat(fmt: string, arg: PyValue): string {
  const args = isObj(arg) && arg.t === 'tuple' ? [...arg.items] : [arg];
  return fmt.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdirfFxXeEgGc%])/g, (_, flags: string, width?: string, prec?: string, type?: string) => {
    if (type === '%') return '%';
    const v = args.shift();
    if (v === undefined) throw new PyException('TypeError', 'not enough arguments for format string');
    let out: string;
    if (type === 's') out = str(v);
    else if (type === 'r') out = repr(v);
    else if (type === 'd' || type === 'i') out = String(typeof v === 'number' ? Math.trunc(v) : typeof v === 'bigint' ? v : Number(v));
    else if (type === 'f' || type === 'F') out = Number(v as number).toFixed(digits(prec === undefined ? 6 : Number(prec)));
    else out = formatSpec(v, `${prec ? `.${prec}` : ''}${type}`);
    const w = Number(width ?? 0);
    checkStr(w);
    if (out.length < w) out = flags.includes('-') ? out.padEnd(w) : out.padStart(w, flags.includes('0') && type !== 's' ? '0' : ' ');
    return out;
  });
}

/** json.dumps with Python's defaults (`", "` and `": "`), or Flask's compact form. */
export function jsonDumps(v: PyValue, indent?: number, sortKeys = false, compact = false, level = 0, open = new Set<object>()): string {
  const sepItem = compact ? ',' : ', ';
  const sepKey = compact ? ':' : ': ';
  const pad = (n: number) => {
    if (indent === undefined) return '';
    const width = Math.max(0, indent) * n;
    checkStr(width);
    return `\n${' '.repeat(width)}`;
  };
  if (isObj(v) && (v.t === 'list' || v.t === 'tuple' || v.t === 'dict')) {
    if (open.has(v)) throw new PyException('ValueError', 'Circular reference detected');
    if (level >= RECURSION_LIMIT) throw new PyException('RecursionError', 'maximum recursion depth exceeded while encoding a JSON object');
    open.add(v);
    try {
      return jsonContainer(v, indent, sortKeys, compact, level, open, sepItem, sepKey, pad);
    } finally {
      open.delete(v);
    }
  }
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return intStr(v);
  if (typeof v === 'number') return floatRepr(v).replace(/^inf$/, 'Infinity');
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  throw new PyException('TypeError', `Object of type ${typeName(v)} is not JSON serializable`);
}

function jsonContainer(v: PyList | PyTuple | PyDict, indent: number | undefined, sortKeys: boolean, compact: boolean, level: number, open: Set<object>, sepItem: string, sepKey: string, pad: (n: number) => string): string {
  let length = 0;
  const inner = (x: PyValue) => {
    meterItem();
    const out = jsonDumps(x, indent, sortKeys, compact, level + 1, open);
    checkStr((length += out.length));
    return out;
  };
  if (v.t === 'list' || v.t === 'tuple') {
    if (!v.items.length) return '[]';
    const sep = indent === undefined ? sepItem : ',';
    return `[${pad(level + 1)}${v.items.map(inner).join(sep + pad(level + 1))}${pad(level)}]`;
  }
  let entries = [...v.map.values()];
  if (!entries.length) return '{}';
  if (sortKeys) entries = entries.sort(([a], [b]) => (str(a) < str(b) ? -1 : 1));
  const sep = indent === undefined ? sepItem : ',';
  return `{${pad(level + 1)}${entries.map(([k, val]) => `${JSON.stringify(str(k))}${sepKey}${inner(val)}`).join(sep + pad(level + 1))}${pad(level)}}`;
}
