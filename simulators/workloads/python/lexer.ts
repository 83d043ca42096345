// Python's tokenizer, the part the subset needs: names, numbers, strings with their prefixes,
// operators, and INDENT/DEDENT from leading whitespace (tabs to multiples of 8).
import { PyException } from './errors';

/** Where a token ends, with its first column (0-based, in characters), for a traceback's carets. */
export interface TokPos {
  col: number;
  endLine: number;
  endCol: number;
}

export type Tok = (
  | { k: 'name'; v: string; line: number }
  | { k: 'num'; v: string; line: number }
  | { k: 'str'; v: string; prefix: string; line: number }
  | { k: 'op'; v: string; line: number }
  | { k: 'nl'; line: number }
  | { k: 'indent'; line: number }
  | { k: 'dedent'; line: number }
  | { k: 'eof'; line: number }
) &
  Partial<TokPos>;

/** Brackets open at once past this are refused, as CPython's tokenizer does (MAXLEVEL). */
const MAX_PAREN_DEPTH = 200;
/** Levels of indentation, the module's included (CPython's MAXINDENT). */
const MAX_INDENT = 100;

const OPS = ['**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '@', '&', '|', '^', '~'];

export function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  const lineStarts = [0];
  for (let k = 0; k < src.length; k++) if (src[k] === '\n') lineStarts.push(k + 1);
  const at = (start: number, startLine: number, end: number, endLine: number): TokPos & { line: number } => ({
    line: startLine,
    col: start - lineStarts[startLine - 1],
    endLine,
    endCol: end - lineStarts[endLine - 1],
  });
  const indents = [0];
  let i = 0;
  let line = 1;
  let depth = 0;
  let atLineStart = true;
  while (i <= src.length) {
    if (atLineStart && depth === 0) {
      let col = 0;
      let j = i;
      while (j < src.length && (src[j] === ' ' || src[j] === '\t')) {
        col += src[j] === '\t' ? 8 - (col % 8) : 1;
        j++;
      }
      if (j >= src.length) {
        i = j;
        break;
      }
      if (src[j] === '\n' || src[j] === '#' || src[j] === '\r') {
        while (j < src.length && src[j] !== '\n') j++;
        i = j + 1;
        line++;
        continue;
      }
      i = j;
      atLineStart = false;
      if (col > indents[indents.length - 1]) {
        indents.push(col);
        if (indents.length > MAX_INDENT) throw new PyException('IndentationError', 'too many levels of indentation', line);
        toks.push({ k: 'indent', line });
      } else {
        while (col < indents[indents.length - 1]) {
          indents.pop();
          toks.push({ k: 'dedent', line });
        }
        if (col !== indents[indents.length - 1]) throw new PyException('IndentationError', 'unindent does not match any outer indentation level', line);
      }
    }
    if (i >= src.length) break;
    const c = src[i];
    if (c === '\n') {
      if (depth === 0) {
        toks.push({ k: 'nl', line });
        atLineStart = true;
      }
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    const strStart = /^([rRbBfFuU]{0,2})('''|"""|'|")/.exec(src.slice(i, i + 5));
    if (strStart && (strStart[1] === '' || /[A-Za-z]/.test(c))) {
      const prefix = strStart[1].toLowerCase();
      const quote = strStart[2];
      let j = i + strStart[0].length;
      let body = '';
      const startLine = line;
      for (;;) {
        if (j >= src.length) throw new PyException('SyntaxError', 'unterminated string literal', startLine);
        if (src.startsWith(quote, j)) {
          j += quote.length;
          break;
        }
        if (src[j] === '\n') {
          if (quote.length === 1) throw new PyException('SyntaxError', `unterminated string literal (detected at line ${line})`, line);
          line++;
        }
        if (src[j] === '\\' && !prefix.includes('r')) {
          const e = src[j + 1];
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
          if (e in map) {
            body += map[e];
            if (e === '\n') line++;
            j += 2;
            continue;
          }
          if (e === 'x' || e === 'u') {
            const len = e === 'x' ? 2 : 4;
            body += String.fromCharCode(parseInt(src.slice(j + 2, j + 2 + len), 16));
            j += 2 + len;
            continue;
          }
          body += '\\';
          j++;
          continue;
        }
        body += src[j++];
      }
      toks.push({ k: 'str', v: body, prefix, ...at(i, startLine, j, line) });
      i = j;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?j?)/.exec(src.slice(i));
    if (num && /[\d.]/.test(c) && !(c === '.' && !/\d/.test(src[i + 1] ?? ''))) {
      toks.push({ k: 'num', v: num[0], ...at(i, line, i + num[0].length, line) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\u00c0-\uffff]*/.exec(src.slice(i));
    if (name) {
      toks.push({ k: 'name', v: name[0], ...at(i, line, i + name[0].length, line) });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new PyException('SyntaxError', `invalid character '${c}' (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`, line);
    if ('([{'.includes(op) && ++depth > MAX_PAREN_DEPTH) throw new PyException('SyntaxError', 'too many nested parentheses', line, false, i - lineStarts[line - 1]);
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    toks.push({ k: 'op', v: op, ...at(i, line, i + op.length, line) });
    i += op.length;
  }
  if (toks.length && toks[toks.length - 1].k !== 'nl') toks.push({ k: 'nl', line });
  while (indents.length > 1) {
    indents.pop();
    toks.push({ k: 'dedent', line });
  }
  toks.push({ k: 'eof', line });
  return toks;
}
