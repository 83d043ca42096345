// The backslash escapes GNU sed resolves before a regular expression, a replacement or the text of
// a/i/c is used (compile.c's normalize_text): \n \t \a \f \v \r, \dNNN, \oNNN, \xHH and \cX. What
// else follows a backslash is passed on for the next reader (the regex engine, the replacement's
// \1 and &), except in a/i/c text, where the backslash just goes.
import { TextBuilder } from '../bytes';

export type TextKind = 'buffer' | 'replacement' | 'regex';

const SIMPLE: Record<string, number> = { a: 7, f: 12, n: 10, '\n': 10, r: 13, t: 9, v: 11 };
const BASES: Record<string, number> = { d: 10, x: 16, o: 8 };

/** The escapes of `text` resolved for `kind`, or GNU's complaint about `\c\`. */
export function normalizeText(text: string, kind: TextKind): { text: string } | { error: string } {
  const out = new TextBuilder();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out.add(c);
      continue;
    }
    const e = text[++i];
    if (e in SIMPLE) {
      out.byte(SIMPLE[e]);
      continue;
    }
    if (e in BASES) {
      // Up to as many digits as fit in a byte (\d: 3, \o: 3, \x: 2); none: the letter itself.
      const base = BASES[e];
      let n = 0;
      let digits = 0;
      for (let max = 1; i + 1 < text.length && max <= 255; max *= base) {
        const d = parseInt(text[i + 1], base);
        if (Number.isNaN(d) || !/[0-9a-fA-F]/.test(text[i + 1])) break;
        n = n * base + d;
        digits++;
        i++;
      }
      if (!digits) {
        out.add(e);
        continue;
      }
      const byte = n & 255;
      // A produced & or backslash in a replacement stays literal.
      if (kind === 'replacement' && (byte === 0x26 || byte === 0x5c)) out.add('\\');
      out.byte(byte);
      continue;
    }
    if (e === 'c') {
      if (i + 1 < text.length) {
        const x = text[++i];
        if (x === '\\') {
          if (text[i + 1] !== '\\') return { error: 'recursive escaping after \\c not allowed' };
          i++;
        }
        out.byte((x.toUpperCase().charCodeAt(0) ^ 0x40) & 255);
        continue;
      }
      if (kind !== 'buffer') out.add('\\');
      continue;
    }
    if (kind !== 'buffer') out.add('\\');
    out.add(e);
  }
  return { text: out.toString() };
}
