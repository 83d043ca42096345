// jq's grammar (parser.y of jq 1.7.1) by precedence climbing: `|` loosest, then `,`, `//`, the
// assignments, `or`, `and`, comparisons, `+ -`, `* / %`, a postfix `?`; `def`, `as`, `label`,
// `reduce`, `foreach`, `if`, `try` and unary `-` as the grammar places them. Errors are worded as
// bison words them: `syntax error, unexpected X, expecting Y` with the few expectations jq's
// tables list, and `Possibly unterminated 'if' statement` after an `if` cut short.
import type { FuncDef, Node, Pattern } from './ast';
import { tokenName, tokenize, type Token } from './lexer';
import type { JqValue } from './values';

export interface CompileError {
  message: string;
  /** Where in the program (UTF-16 index) jq locates it. */
  pos: number;
}

export class JqSyntaxError extends Error {
  constructor(readonly errors: CompileError[]) {
    super(errors[0]?.message ?? 'syntax error');
  }
}

class Fail extends Error {
  constructor(
    readonly tok: Token,
    readonly expecting: string[],
  ) {
    super('syntax error');
  }
}

const BINARY: Record<string, { prec: number; assoc: 'left' | 'right' | 'none' }> = {
  ',': { prec: 1, assoc: 'left' },
  '//': { prec: 2, assoc: 'right' },
  '=': { prec: 3, assoc: 'none' },
  '|=': { prec: 3, assoc: 'none' },
  '+=': { prec: 3, assoc: 'none' },
  '-=': { prec: 3, assoc: 'none' },
  '*=': { prec: 3, assoc: 'none' },
  '/=': { prec: 3, assoc: 'none' },
  '%=': { prec: 3, assoc: 'none' },
  '//=': { prec: 3, assoc: 'none' },
  or: { prec: 4, assoc: 'left' },
  and: { prec: 5, assoc: 'left' },
  '==': { prec: 6, assoc: 'none' },
  '!=': { prec: 6, assoc: 'none' },
  '<': { prec: 6, assoc: 'none' },
  '<=': { prec: 6, assoc: 'none' },
  '>': { prec: 6, assoc: 'none' },
  '>=': { prec: 6, assoc: 'none' },
  '+': { prec: 7, assoc: 'left' },
  '-': { prec: 7, assoc: 'left' },
  '*': { prec: 8, assoc: 'left' },
  '/': { prec: 8, assoc: 'left' },
  '%': { prec: 8, assoc: 'left' },
};
/** The postfix `?` binds tighter than every binary operator; `try`'s body tighter still. */
const OPTIONAL_PREC = 9;
const TRY_PREC = 10;

const IDENTITY: Node = { k: 'identity' };

class Parser {
  private i = 0;
  /** Open `if ... then` and `try ... catch` forms: the innermost is blamed when the text ends inside it. */
  private open: { what: 'if' | 'try'; pos: number }[] = [];

  constructor(
    private tokens: Token[],
    private src: string,
  ) {}

  private get tok(): Token {
    return this.tokens[this.i];
  }
  private peek(n = 1): Token {
    return this.tokens[Math.min(this.i + n, this.tokens.length - 1)];
  }
  private is(s: string, tok = this.tok): boolean {
    return (tok.t === 'OP' || tok.t === 'KEYWORD') && tok.s === s;
  }
  private next(): Token {
    const t = this.tok;
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  private fail(expecting: string[] = [], tok = this.tok): never {
    throw new Fail(tok, expecting);
  }
  private expect(s: string, expecting: string[] = []) {
    if (!this.is(s)) this.fail(expecting);
    this.next();
  }

  program(): Node {
    try {
      // A program may be only definitions (or nothing): then it is `.`.
      if (this.tok.t === 'EOF') return IDENTITY;
      if (!this.startsExp(this.tok)) this.fail(['end of file']);
      const body = this.pipe();
      if ((this.tok as Token).t !== 'EOF') this.fail(['end of file']);
      return body;
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      const unexpected = tokenName(e.tok);
      const errors: CompileError[] = [
        {
          message: `syntax error, unexpected ${unexpected}${e.expecting.length ? `, expecting ${e.expecting.join(' or ')}` : ''} (Unix shell quoting issues?)`,
          pos: e.tok.pos,
        },
      ];
      const open = this.open[this.open.length - 1];
      if (open) errors.push({ message: `Possibly unterminated '${open.what}' statement`, pos: open.pos });
      throw new JqSyntaxError(errors);
    }
  }

  private startsExp(tok: Token): boolean {
    if (['IDENT', 'FIELD', 'LITERAL', 'FORMAT', 'BINDING', 'QQSTRING_START'].includes(tok.t)) return true;
    if (tok.t === 'KEYWORD') return ['def', 'if', 'try', 'reduce', 'foreach', 'label', 'break', '__loc__'].includes(tok.s);
    if (tok.t === 'OP') return ['.', '..', '(', '[', '{', '-', '$'].includes(tok.s);
    return false;
  }

  /** Exp with `|`: the loosest level, right-associative. */
  pipe(): Node {
    if (this.is('def')) {
      const def = this.funcDef();
      return { k: 'def', def, rest: this.pipe() };
    }
    const left = this.binary(1);
    if (this.is('|')) {
      this.next();
      return { k: 'pipe', l: left, r: this.pipe() };
    }
    return left;
  }

  private binary(min: number): Node {
    let left = this.unary();
    for (;;) {
      const tok = this.tok;
      if (this.is('?')) {
        if (OPTIONAL_PREC < min) break;
        this.next();
        left = { k: 'try', body: left, catch: null };
        continue;
      }
      if (tok.t !== 'OP' && tok.t !== 'KEYWORD') break;
      const info = BINARY[tok.s];
      if (!info || info.prec < min) break;
      this.next();
      const right = this.binary(info.assoc === 'right' ? info.prec : info.prec + 1);
      left = this.combine(tok.s, left, right);
      if (info.assoc === 'none') {
        const after = this.tok;
        if ((after.t === 'OP' || after.t === 'KEYWORD') && BINARY[after.s]?.prec === info.prec) this.fail();
      }
    }
    return left;
  }

  private combine(op: string, l: Node, r: Node): Node {
    switch (op) {
      case ',':
        return { k: 'comma', l, r };
      case '//':
        return { k: 'alt', l, r };
      case 'or':
        return { k: 'or', l, r };
      case 'and':
        return { k: 'and', l, r };
      case '=':
      case '|=':
      case '+=':
      case '-=':
      case '*=':
      case '/=':
      case '%=':
      case '//=':
        return { k: 'update', op, l, r };
      default:
        return { k: 'binop', op: op as '+', l, r };
    }
  }

  /** Exp-level prefixes (`-`, reduce, foreach, if, try, label, def) or a term. */
  private unary(): Node {
    const tok = this.tok;
    if (this.is('-')) {
      this.next();
      return { k: 'neg', e: this.binary(BINARY['*'].prec) };
    }
    if (tok.t === 'KEYWORD') {
      switch (tok.s) {
        case 'def': {
          const def = this.funcDef();
          return { k: 'def', def, rest: this.pipe() };
        }
        case 'reduce':
        case 'foreach':
          return this.fold(tok.s);
        case 'if':
          return this.ifThen();
        case 'try': {
          this.next();
          const body = this.binary(TRY_PREC);
          if (this.is('catch')) {
            this.open.push({ what: 'try', pos: tok.pos });
            this.next();
            const handler = this.binary(TRY_PREC);
            this.open.pop();
            return { k: 'try', body, catch: handler };
          }
          return { k: 'try', body, catch: null };
        }
        case 'label': {
          this.next();
          const name = this.tok;
          if (name.t !== 'BINDING') this.fail(['BINDING']);
          this.next();
          this.expect('|', ["'|'"]);
          return { k: 'label', name: name.s, body: this.pipe() };
        }
      }
    }
    return this.term(true);
  }

  private ifThen(): Node {
    const start = this.next();
    const cond = this.pipe();
    this.expect('then');
    this.open.push({ what: 'if', pos: start.pos });
    const then = this.pipe();
    let otherwise: Node | null = null;
    if (this.is('elif')) {
      // elif is an if of its own in the else branch.
      const elifTok = this.tok;
      this.tokens[this.i] = { ...elifTok, t: 'KEYWORD', s: 'if' };
      otherwise = this.ifThen();
      this.open.pop();
      return { k: 'if', cond, then, else: otherwise };
    }
    if (this.is('else')) {
      this.next();
      otherwise = this.pipe();
    }
    this.expect('end');
    this.open.pop();
    return { k: 'if', cond, then, else: otherwise };
  }

  private fold(which: 'reduce' | 'foreach'): Node {
    this.next();
    const source = this.term(false);
    this.expect('as', ['FIELD', 'as', "'.'", "'['"]);
    const patterns = this.patterns();
    this.expect('(', ["'('"]);
    const init = this.pipe();
    this.expect(';');
    const update = this.pipe();
    if (which === 'reduce') {
      this.expect(')');
      return { k: 'reduce', source, patterns, init, update };
    }
    let extract: Node | null = null;
    if (this.is(';')) {
      this.next();
      extract = this.pipe();
    }
    this.expect(')');
    return { k: 'foreach', source, patterns, init, update, extract };
  }

  private funcDef(): FuncDef {
    this.next();
    const name = this.tok;
    if (name.t !== 'IDENT' && name.t !== 'KEYWORD') this.fail();
    this.next();
    const params: FuncDef['params'] = [];
    if (this.is('(')) {
      this.next();
      for (;;) {
        const p = this.tok;
        if (p.t === 'BINDING') params.push({ name: p.s, value: true });
        else if (p.t === 'IDENT' || p.t === 'KEYWORD') params.push({ name: p.s, value: false });
        else this.fail(['IDENT', 'BINDING']);
        this.next();
        if (this.is(';')) {
          this.next();
          continue;
        }
        this.expect(')', ["';'", "')'"]);
        break;
      }
    } else if (!this.is(':')) this.fail(["'('", "':'"]);
    this.expect(':');
    const body = this.pipe();
    this.expect(';');
    return { name: name.s, params, body };
  }

  private patterns(): Pattern[] {
    const list = [this.pattern()];
    while (this.is('?//')) {
      this.next();
      list.push(this.pattern());
    }
    return list;
  }

  private pattern(): Pattern {
    const tok = this.tok;
    if (tok.t === 'BINDING') {
      this.next();
      return { k: 'var', name: tok.s };
    }
    if (this.is('[')) {
      this.next();
      const items: Pattern[] = [];
      for (;;) {
        items.push(this.pattern());
        if (this.is(',')) {
          this.next();
          continue;
        }
        this.expect(']', ["','", "']'"]);
        return { k: 'array', items };
      }
    }
    if (this.is('{')) {
      this.next();
      const entries: Extract<Pattern, { k: 'object' }>['entries'] = [];
      for (;;) {
        const key = this.tok;
        if (key.t === 'BINDING') {
          this.next();
          if (this.is(':')) {
            this.next();
            entries.push({ key: { k: 'literal', v: key.s }, bind: key.s, pattern: this.pattern() });
          } else entries.push({ key: { k: 'literal', v: key.s }, bind: key.s });
        } else if (key.t === 'IDENT' || key.t === 'KEYWORD') {
          this.next();
          this.expect(':', ["':'"]);
          entries.push({ key: { k: 'literal', v: key.s }, pattern: this.pattern() });
        } else if (key.t === 'QQSTRING_START' || key.t === 'FORMAT') {
          const k = this.stringTerm();
          this.expect(':', ["':'"]);
          entries.push({ key: k, pattern: this.pattern() });
        } else if (this.is('(')) {
          this.next();
          const k = this.pipe();
          this.expect(')');
          this.expect(':');
          entries.push({ key: k, pattern: this.pattern() });
        } else this.fail();
        if (this.is(',')) {
          this.next();
          continue;
        }
        this.expect('}');
        return { k: 'object', entries };
      }
    }
    return this.fail(['BINDING', "'['", "'{'"]);
  }

  /** A string literal, with interpolations, perhaps under a @format. */
  private stringTerm(): Node {
    let format: string | null = null;
    if (this.tok.t === 'FORMAT') {
      format = this.next().s;
      if ((this.tok as Token).t !== 'QQSTRING_START') return { k: 'format', name: format };
    }
    this.next();
    const parts: (string | Node)[] = [];
    for (;;) {
      const tok = this.tok;
      if (tok.t === 'QQSTRING_TEXT') {
        parts.push(tok.v as string);
        this.next();
      } else if (tok.t === 'QQSTRING_INTERP_START') {
        this.next();
        parts.push(this.pipe());
        if (this.tok.t !== 'QQSTRING_INTERP_END') this.fail();
        this.next();
      } else if (tok.t === 'QQSTRING_END') {
        this.next();
        break;
      } else this.fail(['QQSTRING_TEXT', 'QQSTRING_INTERP_START', 'QQSTRING_END']);
    }
    if (format === null && parts.every((p) => typeof p === 'string')) return { k: 'literal', v: (parts as string[]).join('') };
    return { k: 'string', parts, format };
  }

  /** A Term: a primary and its suffixes (`.a`, `[i]`, `[]`, `[i:j]`, each with an optional `?`), then perhaps `as`. */
  private term(allowAs: boolean): Node {
    let node = this.primary();
    for (;;) {
      const tok = this.tok;
      if (tok.t === 'FIELD') {
        this.next();
        node = this.optional({ k: 'index', target: node, index: { k: 'literal', v: tok.s }, opt: false });
        continue;
      }
      if (this.is('.')) {
        const after = this.peek();
        if (after.t === 'QQSTRING_START' || after.t === 'FORMAT') {
          this.next();
          node = this.optional({ k: 'index', target: node, index: this.stringTerm(), opt: false });
          continue;
        }
        if (this.is('[', after)) {
          this.next();
          continue;
        }
        this.next();
        this.fail(['FORMAT', 'QQSTRING_START', "'['"]);
      }
      if (this.is('[')) {
        node = this.optional(this.bracket(node));
        continue;
      }
      break;
    }
    if (allowAs && this.is('as')) {
      this.next();
      const patterns = this.patterns();
      this.expect('|', ["'|'"]);
      return { k: 'as', source: node, patterns, body: this.pipe() };
    }
    return node;
  }

  private optional(node: Node): Node {
    if (this.is('?')) {
      this.next();
      return { k: 'try', body: node, catch: null };
    }
    return node;
  }

  /** `[...]` after a term: index, iterate or slice. */
  private bracket(target: Node): Node {
    this.next();
    if (this.is(']')) {
      this.next();
      return { k: 'iterate', target, opt: false };
    }
    if (this.is(':')) {
      this.next();
      const to = this.pipe();
      this.expect(']');
      return { k: 'slice', target, from: null, to, opt: false };
    }
    const index = this.pipe();
    if (this.is(':')) {
      this.next();
      if (this.is(']')) {
        this.next();
        return { k: 'slice', target, from: index, to: null, opt: false };
      }
      const to = this.pipe();
      this.expect(']');
      return { k: 'slice', target, from: index, to, opt: false };
    }
    this.expect(']');
    return { k: 'index', target, index, opt: false };
  }

  private primary(): Node {
    const tok = this.tok;
    switch (tok.t) {
      case 'FIELD':
        this.next();
        return this.optional({ k: 'index', target: IDENTITY, index: { k: 'literal', v: tok.s }, opt: false });
      case 'LITERAL':
        this.next();
        return { k: 'literal', v: tok.v as JqValue };
      case 'QQSTRING_START':
      case 'FORMAT':
        return this.stringTerm();
      case 'BINDING':
        this.next();
        return { k: 'var', name: tok.s, pos: tok.pos };
      case 'IDENT': {
        this.next();
        if (tok.s === 'true' || tok.s === 'false') return { k: 'literal', v: tok.s === 'true' };
        if (tok.s === 'null') return { k: 'literal', v: null };
        const args: Node[] = [];
        if (this.is('(')) {
          this.next();
          for (;;) {
            args.push(this.pipe());
            if (this.is(';')) {
              this.next();
              continue;
            }
            this.expect(')', ["';'", "')'"]);
            break;
          }
        }
        return { k: 'call', name: tok.s, args, pos: tok.pos };
      }
      case 'KEYWORD':
        if (tok.s === '__loc__') {
          this.next();
          return { k: 'loc', line: this.lineOf(tok.pos) };
        }
        if (tok.s === 'break') {
          this.next();
          const name = this.tok;
          if (name.t !== 'BINDING') this.fail();
          this.next();
          return { k: 'break', name: name.s, pos: tok.pos };
        }
        return this.fail();
      case 'OP':
        switch (tok.s) {
          case '.': {
            this.next();
            const after = this.tok;
            if (after.t === 'QQSTRING_START') return this.optional({ k: 'index', target: IDENTITY, index: this.stringTerm(), opt: false });
            return IDENTITY;
          }
          case '..':
            this.next();
            return { k: 'recurse' };
          case '(': {
            this.next();
            const e = this.pipe();
            this.expect(')');
            return e;
          }
          case '[': {
            this.next();
            if (this.is(']')) {
              this.next();
              return { k: 'literal', v: [] };
            }
            const body = this.pipe();
            this.expect(']');
            return { k: 'array', body };
          }
          case '{':
            return this.object();
          case '$':
            this.next();
            return this.fail(["'$'"]);
        }
        return this.fail();
      default:
        return this.fail();
    }
  }

  private object(): Node {
    this.next();
    const entries: { key: Node; value: Node }[] = [];
    while (!this.is('}')) {
      const tok = this.tok;
      if (tok.t === 'IDENT' || (tok.t === 'KEYWORD' && tok.s !== '__loc__')) {
        this.next();
        const key: Node = { k: 'literal', v: tok.s };
        entries.push({ key, value: this.is(':') ? (this.next(), this.expD()) : { k: 'index', target: IDENTITY, index: key, opt: false } });
      } else if (tok.t === 'BINDING') {
        this.next();
        if (this.is(':')) {
          this.next();
          entries.push({ key: { k: 'var', name: tok.s, pos: tok.pos }, value: this.expD() });
        } else entries.push({ key: { k: 'literal', v: tok.s }, value: { k: 'var', name: tok.s, pos: tok.pos } });
      } else if (tok.t === 'KEYWORD' && tok.s === '__loc__') {
        this.next();
        entries.push({ key: { k: 'literal', v: '__loc__' }, value: { k: 'loc', line: this.lineOf(tok.pos) } });
      } else if (tok.t === 'QQSTRING_START' || tok.t === 'FORMAT') {
        const key = this.stringTerm();
        entries.push({ key, value: this.is(':') ? (this.next(), this.expD()) : { k: 'index', target: IDENTITY, index: key, opt: false } });
      } else if (this.is('(')) {
        this.next();
        const key = this.pipe();
        this.expect(')');
        this.expect(':', ["':'"]);
        entries.push({ key, value: this.expD() });
      } else this.fail();
      if (this.is(',')) {
        this.next();
        continue;
      }
      if (!this.is('}')) this.fail(["'}'"]);
    }
    this.next();
    return { k: 'object', entries };
  }

  /** An object's value: terms joined by `|`, or negated; no `,` and no operators without parentheses. */
  private expD(): Node {
    let left: Node = this.is('-') ? (this.next(), { k: 'neg', e: this.expD() }) : this.term(false);
    while (this.is('|')) {
      this.next();
      left = { k: 'pipe', l: left, r: this.expD() };
    }
    return left;
  }

  private lineOf(pos: number): number {
    let line = 1;
    for (let i = 0; i < pos; i++) if (this.src[i] === '\n') line++;
    return line;
  }
}

/** Parses a jq program; throws JqSyntaxError (or JqLexError for a bad escape in a string). */
export function parseProgram(src: string): Node {
  const { tokens } = tokenize(src);
  return new Parser(tokens, src).program();
}
