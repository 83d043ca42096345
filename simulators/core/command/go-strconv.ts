// Go's strconv as pflag uses it to read flag values (docker, kubectl): ParseBool, ParseInt and
// ParseUint with base 0 (so 0x10, 0o17, 017, 0b101 and 1_000 are numbers), and Quote, which
// words the value in `invalid argument "x" for "--n" flag: strconv.ParseInt: parsing "x": ...`.

export type GoParse<T> = { ok: true; value: T } | { ok: false; error: string };

const CONTROL_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** strconv.Quote: a Go string literal, printable characters kept, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === ' ' || !/[\p{C}\p{Z}]/u.test(c)) out += c;
    else if (CONTROL_ESCAPES[c]) out += CONTROL_ESCAPES[c];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const numError = (fn: string, s: string, reason: 'invalid syntax' | 'value out of range') => `strconv.${fn}: parsing ${goQuote(s)}: ${reason}`;

/** Underscores only between digits, or between a base prefix and a digit (Go's underscoreOK). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  const prefix = s.length >= 2 && s[0] === '0' ? s[1].toLowerCase() : '';
  const hex = prefix === 'x';
  if (prefix === 'b' || prefix === 'o' || hex) {
    i = 2;
    saw = '0';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-f]/i.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

const MAX_UINT64 = (1n << 64n) - 1n;

/** The digits of ParseUint(s, 0, bits), as Go reads them: a range error can come before a syntax one. */
function unsignedDigits(s: string, bits: number): { ok: true; value: bigint } | { ok: false; reason: 'invalid syntax' | 'value out of range' } {
  if (s === '') return { ok: false, reason: 'invalid syntax' };
  const whole = s;
  let base = 10;
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1].toLowerCase() : '';
    base = p === 'b' ? 2 : p === 'o' ? 8 : p === 'x' ? 16 : 8;
    s = s.slice(p === 'b' || p === 'o' || p === 'x' ? 2 : 1);
  }
  const max = (1n << BigInt(bits)) - 1n;
  const cutoff = MAX_UINT64 / BigInt(base) + 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : /^[a-z]$/i.test(c) ? c.toLowerCase().charCodeAt(0) - 87 : 99;
    if (d >= base) return { ok: false, reason: 'invalid syntax' };
    if (n >= cutoff) return { ok: false, reason: 'value out of range' };
    n = n * BigInt(base) + BigInt(d);
    if (n > max) return { ok: false, reason: 'value out of range' };
  }
  if (underscores && !underscoreOK(whole)) return { ok: false, reason: 'invalid syntax' };
  return { ok: true, value: n };
}

/** strconv.ParseUint(s, 0, bits): no sign allowed. */
export function parseGoUint(s: string, bits = 64): GoParse<number> {
  const r = unsignedDigits(s, bits);
  return r.ok ? { ok: true, value: Number(r.value) } : { ok: false, error: numError('ParseUint', s, r.reason) };
}

/** strconv.ParseInt(s, 0, bits): pflag's int, int32 and int64 flags. */
export function parseGoInt(s: string, bits = 64): GoParse<number> {
  if (s === '') return { ok: false, error: numError('ParseInt', s, 'invalid syntax') };
  const negative = s[0] === '-';
  const digits = s[0] === '+' || negative ? s.slice(1) : s;
  const r = unsignedDigits(digits, 64);
  if (!r.ok && r.reason === 'invalid syntax') return { ok: false, error: numError('ParseInt', s, 'invalid syntax') };
  const magnitude = r.ok ? r.value : MAX_UINT64;
  const cutoff = 1n << BigInt(bits - 1);
  if (negative ? magnitude > cutoff : magnitude >= cutoff) return { ok: false, error: numError('ParseInt', s, 'value out of range') };
  return { ok: true, value: Number(negative ? -magnitude : magnitude) };
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool: `--rm=false`, `-d=1`; anything else is refused. */
export function parseGoBool(s: string): GoParse<boolean> {
  if (TRUE.has(s)) return { ok: true, value: true };
  if (FALSE.has(s)) return { ok: true, value: false };
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` };
}
