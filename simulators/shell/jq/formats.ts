// jq 1.7.1's @formats (f_format): @text @json @csv @tsv @html @uri @sh @base64 @base64d, with its
// words for what a format refuses. Anything else is `NAME is not a valid format`.
import { described } from './access';
import { toJson } from './json';
import { isArray, isNumber, JqError, num, type JqValue } from './values';

const tostring = (v: JqValue): string => (typeof v === 'string' ? v : toJson(v));

const encoder = new TextEncoder();
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function csvRow(v: JqValue, tsv: boolean): string {
  if (!isArray(v)) throw new JqError(`${described(v)} cannot be ${tsv ? 'tsv' : 'csv'}-formatted, only array`);
  return v
    .map((x) => {
      if (x === null) return '';
      if (typeof x === 'boolean') return String(x);
      if (isNumber(x)) return Number.isNaN(num(x)) ? '' : toJson(x);
      if (typeof x === 'string') {
        if (tsv) return x.replace(/[\t\r\n\\]/g, (c) => ({ '\t': '\\t', '\r': '\\r', '\n': '\\n', '\\': '\\\\' })[c]!);
        return `"${x.replace(/"/g, '""')}"`;
      }
      throw new JqError(`${described(x)} is not valid in a csv row`);
    })
    .join(tsv ? '\t' : ',');
}

export const FORMATS: Record<string, (v: JqValue) => string> = {
  text: tostring,
  json: (v) => toJson(v),
  csv: (v) => csvRow(v, false),
  tsv: (v) => csvRow(v, true),
  html: (v) => tostring(v).replace(/[&<>'"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' })[c]!),
  uri: (v) => {
    let out = '';
    for (const b of encoder.encode(tostring(v))) {
      const c = String.fromCharCode(b);
      out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
  },
  sh: (v) =>
    (isArray(v) ? v : [v])
      .map((x) => {
        if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`;
        if (x === null || typeof x === 'boolean' || isNumber(x)) return toJson(x);
        throw new JqError(`${described(x)} can not be escaped for shell`);
      })
      .join(' '),
  base64: (v) => {
    const bytes = encoder.encode(tostring(v));
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = Math.min(3, bytes.length - i);
      const code = (bytes[i] << 16) | ((n > 1 ? bytes[i + 1] : 0) << 8) | (n > 2 ? bytes[i + 2] : 0);
      out += B64[(code >> 18) & 63] + B64[(code >> 12) & 63] + (n > 1 ? B64[(code >> 6) & 63] : '=') + (n > 2 ? B64[code & 63] : '=');
    }
    return out;
  },
  base64d: (v) => {
    const text = tostring(v);
    const data = encoder.encode(text);
    const out: number[] = [];
    let code = 0;
    let read = 0;
    for (let i = 0; i < data.length && data[i] !== 0x3d; i++) {
      const d = B64.indexOf(String.fromCharCode(data[i]));
      if (d < 0) throw new JqError(`${described(text)} is not valid base64 data`);
      code = (code << 6) | d;
      if (++read === 4) {
        out.push((code >> 16) & 0xff, (code >> 8) & 0xff, code & 0xff);
        read = 0;
        code = 0;
      }
    }
    if (read === 3) out.push((code >> 10) & 0xff, (code >> 2) & 0xff);
    else if (read === 2) out.push((code >> 4) & 0xff);
    else if (read === 1) throw new JqError(`${described(text)} trailing base64 byte found`);
    return decodeUtf8(out);
  },
};

/**
 * Bytes as jq reads them into a string (jvp_utf8_next): each malformed sequence is one U+FFFD,
 * and a sequence the text ends inside takes every byte left with it.
 */
export function decodeUtf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i];
    const length = first < 0x80 ? 1 : first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
    if (length === 1) {
      out += String.fromCharCode(first);
      i++;
      continue;
    }
    if (length === 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    if (i + length > bytes.length) {
      out += '\ufffd';
      break;
    }
    let cp = first & (0xff >> (length + 1));
    let bad = 0;
    for (let j = 1; j < length; j++) {
      const c = bytes[i + j];
      if ((c & 0xc0) !== 0x80) {
        bad = j;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (bad) {
      out += '\ufffd';
      i += bad;
      continue;
    }
    const overlong = (length === 3 && cp < 0x800) || (length === 4 && cp < 0x10000);
    out += overlong || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
    i += length;
  }
  return out;
}

/** `@name` applied to a value, or jq's refusal of an unknown format. */
export function applyFormat(name: string, v: JqValue): string {
  const f = FORMATS[name];
  if (!f) throw new JqError(`${name} is not a valid format`);
  return f(v);
}
