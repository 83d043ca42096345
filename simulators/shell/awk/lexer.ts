// awk's tokens, read as mawk's scanner reads them (scan.c): newlines are tokens, a `/` starts a
// regular expression unless what came before can end an operand, strings lose their escapes here.
// The program text is a byte string (bytes.ts).

export type Token =
  | { t: 'num'; v: number; text: string; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 'ere'; v: string; line: number }
  /** A name; `call` when a `(` follows with no space (a function call). */
  | { t: 'name'; v: string; call: boolean; line: number }
  | { t: 'kw'; v: string; line: number }
  | { t: 'builtin'; v: string; line: number }
  | { t: 'op'; v: string; line: number }
  | { t: 'nl'; line: number }
  | { t: 'eof'; line: number };

/** A compile error as mawk words it; `plain` messages have no `line N:` (an unexpected character). */
export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly plain = false,
    /** A second complaint mawk makes after this one (a syntax error after `extra '}'`). */
    readonly then?: AwkSyntaxError,
  ) {
    super(message);
  }
}

export const KEYWORDS = new Set(['BEGIN', 'END', 'break', 'continue', 'delete', 'do', 'else', 'exit', 'for', 'function', 'getline', 'if', 'in', 'next', 'nextfile', 'print', 'printf', 'return', 'while']);

/** Built-in functions with how many arguments each takes (mawk's bi_funct table; length, split, sub, gsub and match are its keywords). */
export const BUILTINS: Record<string, [number, number]> = {
  length: [0, 1],
  index: [2, 2],
  substr: [2, 3],
  sprintf: [1, 255],
  sin: [1, 1],
  cos: [1, 1],
  atan2: [2, 2],
  exp: [1, 1],
  log: [1, 1],
  int: [1, 1],
  sqrt: [1, 1],
  rand: [0, 0],
  srand: [0, 1],
  close: [1, 1],
  system: [1, 1],
  toupper: [1, 1],
  tolower: [1, 1],
  fflush: [0, 1],
  systime: [0, 0],
  mktime: [1, 1],
  strftime: [0, 3],
  split: [2, 3],
  sub: [2, 3],
  gsub: [2, 3],
  match: [2, 2],
};

const OPERATORS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '!~', '&&', '||', '>>', '++', '--', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=', '(', ')', '[', ']', '{', '}', ',', ';'];

const STRING_ESCAPES: Record<string, string> = { n: '\n', t: '\t', f: '\f', b: '\b', r: '\r', a: '\x07', v: '\x0b', '\\': '\\', '"': '"' };

/** mawk's rm_escape: C's escapes; an unknown one keeps its backslash ("\." stays two characters). */
export function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === undefined) {
      out += '\\';
      continue;
    }
    if (STRING_ESCAPES[n]) {
      out += STRING_ESCAPES[n];
      i++;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))!;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length;
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2, i + 4))!;
      out += String.fromCharCode(parseInt(m[0], 16));
      i += 1 + m[0].length;
    } else {
      out += `\\${n}`;
      i++;
    }
  }
  return out;
}

/** Tokens after which a `/` divides; after anything else it starts a regular expression. */
function endsOperand(tok: Token | undefined): boolean {
  if (!tok) return false;
  if (tok.t === 'num' || tok.t === 'str' || tok.t === 'ere' || tok.t === 'name') return true;
  if (tok.t === 'kw') return tok.v === 'getline';
  if (tok.t === 'op') return tok.v === ')' || tok.v === ']' || tok.v === '++' || tok.v === '--';
  return false;
}

export function tokenize(text: string): Token[] {
  // mawk reads the program as if it ended with a newline.
  const src = `${text}\n`;
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const push = (tok: Token) => tokens.push(tok);
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\r' && src[i + 2] === '\n') {
      i += 3;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push({ t: 'nl', line });
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      for (;;) {
        const d = src[j];
        if (d === undefined || d === '\n') {
          throw new AwkSyntaxError(`runaway string constant "${raw.slice(0, 10)} ...`, line);
        }
        if (d === '"') break;
        if (d === '\\' && src[j + 1] === '\n') {
          j += 2;
          line++;
          continue;
        }
        if (d === '\\' && src[j + 1] !== undefined) {
          raw += d + src[j + 1];
          j += 2;
          continue;
        }
        raw += d;
        j++;
      }
      push({ t: 'str', v: unescape(raw), line });
      i = j + 1;
      continue;
    }
    if (c === '/' && !endsOperand(tokens[tokens.length - 1])) {
      let j = i + 1;
      let raw = '';
      let boxed = false;
      for (;;) {
        const d = src[j];
        if (d === undefined || d === '\n') throw new AwkSyntaxError(`runaway regular expression /${raw.slice(0, 10)} ...`, line);
        if (d === '/' && !boxed) break;
        if (d === '[' && !boxed) {
          boxed = true;
          raw += d;
          j++;
          // A `]` first in a class (after an optional ^) is a member, not its end.
          if (src[j] === '^') raw += src[j++];
          if (src[j] === ']') raw += src[j++];
          continue;
        }
        if (d === ']' && boxed) boxed = false;
        if (d === '\\' && src[j + 1] === '/') {
          raw += '/';
          j += 2;
          continue;
        }
        if (d === '\\' && src[j + 1] !== undefined && src[j + 1] !== '\n') {
          raw += d + src[j + 1];
          j += 2;
          continue;
        }
        raw += d;
        j++;
      }
      push({ t: 'ere', v: raw, line });
      i = j + 1;
      continue;
    }
    if (/[0-9.]/.test(c) && (c !== '.' || /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 400))!;
      push({ t: 'num', v: Number(m[0].endsWith('.') ? m[0].slice(0, -1) : m[0]), text: m[0], line });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 400))!;
      const word = m[0];
      i += word.length;
      if (KEYWORDS.has(word)) push({ t: 'kw', v: word, line });
      else if (word in BUILTINS) push({ t: 'builtin', v: word, line });
      else push({ t: 'name', v: word, call: src[i] === '(', line });
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) {
      const code = c.charCodeAt(0);
      throw new AwkSyntaxError(code > 32 && code < 127 ? `unexpected character '${c}'` : `unexpected character 0x${code.toString(16).padStart(2, '0')}`, line, true);
    }
    push({ t: 'op', v: op, line });
    i += op.length;
  }
  push({ t: 'eof', line });
  return tokens;
}
