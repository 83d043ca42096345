// The functions docker adds to Go's templates (docker/cli templates/templates.go): json, split,
// join, title, lower, upper, pad and truncate, and the header variants that leave a table's column
// titles as they are.
import { encodeJSON, FuncError, JsonUnsupported, type FuncMap, type Val } from '../../core/template';
import { fromUtf8, isDigitRune, isLetter, runeCount, utf8 } from '../../core/template/go-text';

const asString = (v: Val) => v as string;
const asInt = (v: Val) => v as number;

/** docker's `json` template function: a json.Encoder with SetEscapeHTML(false), trailing newline trimmed; "" when Go's encoder fails. */
function dockerJSON(v: Val): string {
  try {
    return encodeJSON(v, false, 0);
  } catch (e) {
    if (e instanceof JsonUnsupported) return '';
    throw e;
  }
}

function toTitle(r: number): number {
  const up = String.fromCodePoint(r).toUpperCase();
  return runeCount(up) === 1 ? (up.codePointAt(0) as number) : r;
}

function mapRunes(s: string, f: (r: number) => string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    out += c >= 0xd800 && c <= 0xdfff ? ch : f(c);
  }
  return out;
}

const simpleCase = (s: string, upper: boolean) =>
  mapRunes(s, (r) => {
    const ch = String.fromCodePoint(r);
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    return runeCount(m) === 1 ? m : ch;
  });

/** strings.Title's word boundaries. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) return !((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f);
  if (isLetter(r) || isDigitRune(r)) return false;
  return /\s/u.test(String.fromCodePoint(r));
}

function goTitle(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const out = isSeparator(prev) ? String.fromCodePoint(toTitle(r)) : String.fromCodePoint(r);
    prev = r;
    return out;
  });
}

/** strings.Split. */
function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

function goRepeat(s: string, n: number): string {
  if (n < 0) throw new FuncError('strings: negative Repeat count');
  if (n * s.length > 1 << 24) throw new FuncError('strings: Repeat output length overflow');
  return s.repeat(n);
}

/** docker/cli templates.basicFunctions. */
export const DOCKER_FUNCS: FuncMap = {
  json: { params: ['any'], call: ([v]) => dockerJSON(v) },
  split: { params: ['string', 'string'], call: ([s, sep]) => goSplit(asString(s), asString(sep)) },
  join: { params: ['strings', 'string'], call: ([a, sep]) => (a as string[]).join(asString(sep)) },
  title: { params: ['string'], call: ([s]) => goTitle(asString(s)) },
  lower: { params: ['string'], call: ([s]) => simpleCase(asString(s), false) },
  upper: { params: ['string'], call: ([s]) => simpleCase(asString(s), true) },
  pad: {
    params: ['string', 'int', 'int'],
    call: ([s, prefix, suffix]) => (asString(s) === '' ? '' : goRepeat(' ', asInt(prefix)) + asString(s) + goRepeat(' ', asInt(suffix))),
  },
  truncate: {
    params: ['string', 'int'],
    call: ([s, n]) => {
      const bytes = utf8(asString(s));
      const len = asInt(n);
      if (bytes.length < len) return asString(s);
      if (len < 0) throw new FuncError(`runtime error: slice bounds out of range [:${len}]`);
      return fromUtf8(bytes.slice(0, len));
    },
  },
};

/** docker/cli templates.HeaderFunctions: the table header keeps its titles. */
export const HEADER_FUNCS: FuncMap = {
  json: { params: ['string'], call: ([v]) => v },
  split: { params: ['string', 'string'], call: ([v]) => v },
  join: { params: ['string', 'string'], call: ([v]) => v },
  title: { params: ['string'], call: ([v]) => v },
  lower: { params: ['string'], call: ([v]) => v },
  upper: { params: ['string'], call: ([v]) => v },
  truncate: { params: ['string', 'int'], call: ([v]) => v },
};
