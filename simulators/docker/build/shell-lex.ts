// BuildKit's own word processing for Dockerfile instructions other than RUN/CMD/ENTRYPOINT
// (frontend/dockerfile/shell/lex.go): quotes are removed, `$VAR`, `${VAR}` and the `${VAR:-x}`
// family are replaced from the build's environment (ENV and ARG), the escape token escapes.

export interface Expanded {
  /** The words after expansion and quote removal (one for processWord). */
  words: string[];
  /** Names referenced that had no value (for the UndefinedVar check). */
  unmatched: string[];
}

type Env = (name: string) => string | undefined;

class Lexer {
  private i = 0;
  readonly unmatched: string[] = [];
  constructor(
    private readonly src: string,
    private readonly env: Env,
    private readonly escape: string,
  ) {}

  private peek = () => this.src[this.i];
  private next = () => this.src[this.i++];
  private eof = () => this.i >= this.src.length;

  /** All words, split on unquoted whitespace. */
  words(split: boolean): string[] {
    const out: string[] = [];
    let word = '';
    let inWord = false;
    while (!this.eof()) {
      const ch = this.peek();
      if (split && /[ \t\r\n]/.test(ch)) {
        this.next();
        if (inWord) out.push(word);
        word = '';
        inWord = false;
        continue;
      }
      inWord = true;
      if (ch === this.escape) {
        this.next();
        if (this.eof()) word += ch;
        else word += this.next();
      } else if (ch === "'") {
        this.next();
        while (!this.eof() && this.peek() !== "'") word += this.next();
        this.next();
      } else if (ch === '"') {
        this.next();
        word += this.doubleQuoted();
      } else if (ch === '$') {
        word += this.dollar();
      } else word += this.next();
    }
    if (inWord) out.push(word);
    return out;
  }

  private doubleQuoted(): string {
    let out = '';
    while (!this.eof()) {
      const ch = this.peek();
      if (ch === '"') {
        this.next();
        return out;
      }
      if (ch === '$') out += this.dollar();
      else if (ch === this.escape) {
        this.next();
        const after = this.peek();
        if (after === '"' || after === '$' || after === this.escape) out += this.next();
        else out += ch;
      } else out += this.next();
    }
    return out;
  }

  private lookup(name: string): string | undefined {
    const value = this.env(name);
    if (value === undefined) this.unmatched.push(name);
    return value;
  }

  private dollar(): string {
    this.next(); // $
    if (this.eof()) return '$';
    if (this.peek() === '{') {
      this.next();
      let name = '';
      while (!this.eof() && /[A-Za-z0-9_]/.test(this.peek())) name += this.next();
      if (this.peek() === '}') {
        this.next();
        return this.lookup(name) ?? '';
      }
      let op = this.next() ?? '';
      if (op === ':' && '-+?'.includes(this.peek() ?? '')) op += this.next();
      let word = '';
      let depth = 0;
      while (!this.eof()) {
        const ch = this.peek();
        if (ch === '}' && depth === 0) break;
        if (ch === '{') depth++;
        if (ch === '}') depth--;
        if (ch === '$') word += this.dollar();
        else if (ch === this.escape) {
          this.next();
          word += this.next() ?? '';
        } else word += this.next();
      }
      this.next(); // }
      const value = this.env(name);
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      switch (op) {
        case ':-':
          return nonEmpty ? value! : word;
        case '-':
          return set ? value! : word;
        case ':+':
          return nonEmpty ? word : '';
        case '+':
          return set ? word : '';
        case ':?':
        case '?':
          if ((op === ':?' && !nonEmpty) || !set) throw new LexError(`${name}: ${word || 'is not allowed to be unset'}`);
          return value!;
        default:
          throw new LexError(`unsupported modifier (${op}) in substitution`);
      }
    }
    let name = '';
    while (!this.eof() && /[A-Za-z0-9_]/.test(this.peek())) name += this.next();
    if (!name) return '$';
    return this.lookup(name) ?? '';
  }
}

export class LexError extends Error {}

const envOf = (vars: Record<string, string> | Env): Env => (typeof vars === 'function' ? vars : (name) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined));

/** One word: quotes removed, variables replaced (ENV values, WORKDIR, USER, ...). */
export function processWord(text: string, vars: Record<string, string> | Env, escape = '\\'): { value: string; unmatched: string[] } {
  const lexer = new Lexer(text, envOf(vars), escape);
  return { value: lexer.words(false).join(''), unmatched: lexer.unmatched };
}

/** Several words split on unquoted whitespace (COPY sources, EXPOSE ports, FROM). */
export function processWords(text: string, vars: Record<string, string> | Env, escape = '\\'): Expanded {
  const lexer = new Lexer(text, envOf(vars), escape);
  return { words: lexer.words(true), unmatched: lexer.unmatched };
}
