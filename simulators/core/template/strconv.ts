// Go's strconv, the parts templates need: unquoting literals, parsing numbers as Go's parser does,
// and FormatFloat for printing them.
import { fromUtf8, utf8 } from './go-text';

class SyntaxError_ extends Error {}

/** strconv.UnquoteChar: one (possibly escaped) character; bytes from \x and octal escapes stay bytes. */
export function unquoteChar(s: string, i: number, quote: number): { value: number; byte: boolean; next: number } {
  const c = s.codePointAt(i) as number;
  if (c === quote && (quote === 0x27 || quote === 0x22)) throw new SyntaxError_();
  if (c !== 0x5c) return { value: c >= 0xd800 && c <= 0xdfff ? 0xfffd : c, byte: false, next: i + (c > 0xffff ? 2 : 1) };
  if (i + 1 >= s.length) throw new SyntaxError_();
  const e = s[i + 1];
  let j = i + 2;
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  if (e in simple) return { value: simple[e], byte: false, next: j };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const h = s.slice(j, j + n);
    if (h.length < n || !/^[0-9a-fA-F]+$/.test(h)) throw new SyntaxError_();
    const v = parseInt(h, 16);
    if (e === 'x') return { value: v, byte: true, next: j + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
    return { value: v, byte: false, next: j + n };
  }
  if (e >= '0' && e <= '7') {
    const o = s.slice(i + 1, i + 4);
    if (o.length < 3 || !/^[0-7]{3}$/.test(o)) throw new SyntaxError_();
    const v = parseInt(o, 8);
    if (v > 255) throw new SyntaxError_();
    j = i + 4;
    return { value: v, byte: true, next: j };
  }
  if ((e === "'" || e === '"') && e.charCodeAt(0) === quote) return { value: quote, byte: false, next: j };
  throw new SyntaxError_();
}

/** strconv.Unquote for the string literals the lexer accepts. Throws SyntaxError_ ("invalid syntax"). */
export function unquote(lit: string): string {
  if (lit.length < 2) throw new SyntaxError_();
  const q = lit[0];
  if (q !== lit[lit.length - 1]) throw new SyntaxError_();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_();
    return body.replace(/\r/g, '');
  }
  if (q !== '"') throw new SyntaxError_();
  if (body.includes('\n')) throw new SyntaxError_();
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const { value, byte, next } = unquoteChar(body, i, 0x22);
    if (byte) bytes.push(value);
    else for (const b of utf8(String.fromCodePoint(value))) bytes.push(b);
    i = next;
  }
  return fromUtf8(Uint8Array.from(bytes));
}

function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hexa = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hexa = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hexa && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64): a bigint, or 'syntax' / 'range'. */
export function parseUint0(s: string): bigint | 'syntax' | 'range' {
  if (s === '') return 'syntax';
  const s0 = s;
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && p === 'b') [base, s] = [2, s.slice(2)];
    else if (s.length >= 3 && p === 'o') [base, s] = [8, s.slice(2)];
    else if (s.length >= 3 && p === 'x') [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return 'syntax';
    n = n * BigInt(base) + BigInt(d);
  }
  if (underscores && !underscoreOK(s0)) return 'syntax';
  if (n > 0xffffffffffffffffn) return 'range';
  return n;
}

export function parseInt0(s: string): bigint | 'syntax' | 'range' {
  if (s === '') return 'syntax';
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') [neg, s] = [true, s.slice(1)];
  const u = parseUint0(s);
  if (typeof u !== 'bigint') return u;
  if (!neg && u >= 1n << 63n) return 'range';
  if (neg && u > 1n << 63n) return 'range';
  return neg ? -u : u;
}

/** strconv.ParseFloat(s, 64), or null when it fails (syntax or out of range). */
export function parseFloat64(s: string): number | null {
  const dec = /^[+-]?(?=[0-9_]*\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/;
  const hx = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;
  if (s.includes('_') && !underscoreOK(s)) return null;
  let v: number;
  if (dec.test(s)) v = Number(s.replace(/_/g, ''));
  else {
    const m = hx.exec(s);
    if (!m) return null;
    const int = m[2].replace(/_/g, '');
    const frac = (m[3] ?? '').replace(/_/g, '');
    if (int.length + frac.length === 0) return null;
    const mant = parseInt((int + frac) || '0', 16);
    v = mant * Math.pow(2, Number(m[4].replace(/_/g, '')) - 4 * frac.length);
    if (m[1] === '-') v = -v;
  }
  return Number.isFinite(v) ? v : null;
}

/** strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'F' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  const lower = fmt.toLowerCase();
  const upper = fmt === 'E' || fmt === 'G';
  // Decimal digits (no trailing zeros unless fixed) and the decimal point position.
  const digitsOf = (p: number | null): { d: string; dp: number } => {
    if (a === 0) return { d: '', dp: 0 };
    const s = p === null ? a.toExponential() : a.toExponential(Math.min(100, Math.max(0, p)));
    const [m, e] = s.split('e');
    return { d: m.replace('.', ''), dp: Number(e) + 1 };
  };
  const fmtE = (d: string, dp: number, p: number) => {
    let s = d[0] ?? '0';
    if (p > 0) s += '.' + (d.slice(1) + '0'.repeat(p)).slice(0, p);
    const exp = d === '' ? 0 : dp - 1;
    const ae = Math.abs(exp);
    return s + (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
  };
  const fmtF = (d: string, dp: number, p: number) => {
    let s = dp > 0 ? (d.slice(0, dp) + '0'.repeat(Math.max(0, dp - d.length))) : '0';
    if (p > 0) {
      s += '.';
      for (let i = 1; i <= p; i++) {
        const j = dp + i - 1;
        s += j >= 0 && j < d.length ? d[j] : '0';
      }
    }
    return s;
  };
  let body: string;
  if (lower === 'e') {
    if (prec < 0) {
      const { d, dp } = digitsOf(null);
      body = fmtE(d, dp, Math.max(0, d.length - 1));
    } else {
      const { d, dp } = digitsOf(prec);
      body = fmtE(d, dp, prec);
    }
  } else if (lower === 'f') {
    if (prec < 0) {
      const { d, dp } = digitsOf(null);
      body = fmtF(d, dp, Math.max(d.length - dp, 0));
    } else if (a < 1e21) body = a.toFixed(Math.min(100, prec));
    else body = BigInt(a).toString() + (prec > 0 ? '.' + '0'.repeat(prec) : '');
  } else {
    let { d, dp } = prec < 0 ? digitsOf(null) : digitsOf(Math.max(1, prec) - 1);
    d = d.replace(/0+$/, '');
    if (d === '') dp = 0;
    let p = prec < 0 ? d.length : Math.max(1, prec);
    let eprec = p;
    if (eprec > d.length && d.length >= dp) eprec = d.length;
    if (prec < 0) eprec = 6;
    const exp = dp - 1;
    if (d !== '' && (exp < -4 || exp >= eprec)) {
      if (p > d.length) p = d.length;
      body = fmtE(d, dp, p - 1);
    } else {
      if (p > dp) p = d.length;
      body = fmtF(d, dp, Math.max(p - dp, 0));
    }
  }
  return (neg ? '-' : '') + body;
}
