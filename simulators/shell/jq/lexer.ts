// jq's tokens, read as its flex scanner (lexer.l) reads them: keywords, `.name` fields, `$name`
// bindings, `@format`s, numbers kept as literals, strings with `\( )` interpolation (the scanner
// keeps a stack of open brackets, so a `)` closes an interpolation), and INVALID_CHARACTER for
// anything else, a closing bracket that closes nothing included.
import { parseOne } from './json';
import { numberLiteral } from './numbers';
import type { JqValue } from './values';

export type TokenType =
  | 'IDENT'
  | 'FIELD'
  | 'LITERAL'
  | 'FORMAT'
  | 'BINDING'
  | 'QQSTRING_START'
  | 'QQSTRING_TEXT'
  | 'QQSTRING_INTERP_START'
  | 'QQSTRING_INTERP_END'
  | 'QQSTRING_END'
  | 'INVALID_CHARACTER'
  | 'EOF'
  | 'KEYWORD'
  | 'OP';

export interface Token {
  t: TokenType;
  /** The name, field, format, keyword or operator text. */
  s: string;
  /** A LITERAL's number or a QQSTRING_TEXT's text. */
  v?: JqValue;
  /** Where it starts in the program (UTF-16 index). */
  pos: number;
}

export const KEYWORDS = new Set(['as', 'import', 'include', 'module', 'def', 'if', 'then', 'else', 'elif', 'and', 'or', 'end', 'reduce', 'foreach', 'try', 'catch', 'label', 'break', '__loc__']);

const MULTI = ['?//', '//=', '!=', '==', '|=', '+=', '-=', '*=', '/=', '%=', '<=', '>=', '..', '//'];
const SINGLE = '.?=;,:|+-*/%$<>';

/** A string literal's escapes jq could not read: the scanner hands them to the JSON parser, whose words these are. */
export class JqLexError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

/** How bison names a token in `unexpected X` and `expecting X`. */
export function tokenName(tok: Token): string {
  switch (tok.t) {
    case 'EOF':
      return 'end of file';
    case 'KEYWORD':
      return tok.s === '__loc__' ? '$__loc__' : tok.s;
    case 'OP':
      return tok.s.length === 1 || tok.s === '[' ? `'${tok.s}'` : tok.s;
    default:
      return tok.t;
  }
}

export function tokenize(src: string): { tokens: Token[] } {
  const tokens: Token[] = [];
  // Open brackets: '(' '[' '{' or 'interp' for a `\(` inside a string.
  const brackets: string[] = [];
  let inString = false;
  let i = 0;
  let lastLexeme = 0;
  const push = (t: TokenType, s: string, pos: number, v?: JqValue) => {
    tokens.push({ t, s, pos, v });
    lastLexeme = pos;
  };
  while (i < src.length) {
    const c = src[i];
    if (inString) {
      if (c === '\\' && src[i + 1] === '(') {
        push('QQSTRING_INTERP_START', '\\(', i);
        brackets.push('interp');
        inString = false;
        i += 2;
        continue;
      }
      if (c === '"') {
        push('QQSTRING_END', '"', i);
        inString = false;
        brackets.pop();
        i++;
        continue;
      }
      if (c === '\\') {
        const m = /^(?:\\[^u(]|\\u[a-zA-Z0-9]{0,4})+/.exec(src.slice(i));
        if (!m) {
          push('INVALID_CHARACTER', c, i);
          i++;
          continue;
        }
        const parsed = parseOne(`"${m[0]}"`);
        if ('error' in parsed) throw new JqLexError(parsed.error, i);
        push('QQSTRING_TEXT', m[0], i, parsed.value);
        i += m[0].length;
        continue;
      }
      const m = /^[^\\"]+/.exec(src.slice(i))!;
      push('QQSTRING_TEXT', m[0], i, m[0]);
      i += m[0].length;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\t') {
      lastLexeme = i;
      while (i < src.length && (src[i] === ' ' || src[i] === '\n' || src[i] === '\t')) i++;
      continue;
    }
    if (c === '#') {
      lastLexeme = i;
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      push('QQSTRING_START', '"', i);
      brackets.push('"');
      inString = true;
      i++;
      continue;
    }
    const rest = src.slice(i, i + 256);
    if (rest.startsWith('$__loc__') && !/^[A-Za-z0-9_]/.test(src.slice(i + 8, i + 9))) {
      push('KEYWORD', '__loc__', i);
      i += 8;
      continue;
    }
    let m = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(rest);
    if (m) {
      push('LITERAL', m[0], i, numberLiteral(m[0]) ?? 0);
      i += m[0].length;
      continue;
    }
    m = /^\.[a-zA-Z_][a-zA-Z_0-9]*/.exec(rest);
    if (m) {
      push('FIELD', m[0].slice(1), i);
      i += m[0].length;
      continue;
    }
    m = /^\$(?:[a-zA-Z_][a-zA-Z_0-9]*::)*[a-zA-Z_][a-zA-Z_0-9]*/.exec(rest);
    if (m) {
      push('BINDING', m[0].slice(1), i);
      i += m[0].length;
      continue;
    }
    m = /^(?:[a-zA-Z_][a-zA-Z_0-9]*::)*[a-zA-Z_][a-zA-Z_0-9]*/.exec(rest);
    if (m) {
      push(KEYWORDS.has(m[0]) ? 'KEYWORD' : 'IDENT', m[0], i);
      i += m[0].length;
      continue;
    }
    m = /^@[a-zA-Z0-9_]+/.exec(rest);
    if (m) {
      push('FORMAT', m[0].slice(1), i);
      i += m[0].length;
      continue;
    }
    if (c === '[' || c === '{' || c === '(') {
      brackets.push(c);
      push('OP', c, i);
      i++;
      continue;
    }
    if (c === ']' || c === '}' || c === ')') {
      const open = { ']': '[', '}': '{', ')': '(' }[c];
      const top = brackets[brackets.length - 1];
      if (c === ')' && top === 'interp') {
        brackets.pop();
        push('QQSTRING_INTERP_END', ')', i);
        inString = true;
      } else if (top === open) {
        brackets.pop();
        push('OP', c, i);
      } else push('INVALID_CHARACTER', c, i);
      i++;
      continue;
    }
    const op = MULTI.find((o) => src.startsWith(o, i)) ?? (SINGLE.includes(c) ? c : undefined);
    if (op) {
      push('OP', op, i);
      i += op.length;
      continue;
    }
    push('INVALID_CHARACTER', c, i);
    i += c.length;
  }
  tokens.push({ t: 'EOF', s: '', pos: lastLexeme });
  return { tokens };
}
