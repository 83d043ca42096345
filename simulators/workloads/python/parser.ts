// A recursive-descent parser for the subset: statements, expressions with Python's precedence,
// comprehensions, lambdas and f-strings; what it cannot read is a SyntaxError (as Python words it)
// or Unsupported.
import type { Expr, Stmt } from './types';
import { PyException, Unsupported } from './errors';
import { lex, type Tok } from './lexer';

/** Expressions nested deeper than this are refused, as CPython's compiler does (its recursion limit). */
const COMPILE_DEPTH = 2998;

class Parser {
  private p = 0;
  /** Nesting of expressions being parsed: past COMPILE_DEPTH CPython's compiler gives up. */
  private depth = 0;
  constructor(
    private readonly toks: Tok[],
    /** False for an f-string's expressions, whose columns are not the line's. */
    private readonly positions = true,
  ) {}

  /** Gives node the span from token `start` to the last token read. */
  private spanned<T extends Expr>(start: number, node: T, anchor?: Tok): T {
    const a = this.toks[start];
    const b = this.toks[this.p - 1];
    if (this.positions && a && b && a.col !== undefined && b.endLine !== undefined && b.endCol !== undefined) {
      node.at = { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
      if (anchor?.col !== undefined) node.anchor = anchor.col;
    }
    return node;
  }

  private nest(): void {
    if (++this.depth > COMPILE_DEPTH) throw new PyException('RecursionError', 'maximum recursion depth exceeded during compilation', 0, true);
  }
  private get t(): Tok {
    return this.toks[this.p];
  }
  private kind(): Tok['k'] {
    return this.toks[this.p].k;
  }
  private isOp(v: string): boolean {
    const t = this.t;
    return t.k === 'op' && t.v === v;
  }
  private isName(v: string): boolean {
    const t = this.t;
    return t.k === 'name' && t.v === v;
  }
  private eat(v: string): boolean {
    if (this.isOp(v) || this.isName(v)) {
      this.p++;
      return true;
    }
    return false;
  }
  private expect(v: string) {
    if (!this.eat(v)) throw new PyException('SyntaxError', 'invalid syntax', this.t.line);
  }
  private name(): string {
    const t = this.t;
    if (t.k !== 'name') throw new PyException('SyntaxError', 'invalid syntax', t.line);
    this.p++;
    return t.v;
  }

  module(): Stmt[] {
    const out: Stmt[] = [];
    while (this.kind() !== 'eof') {
      if (this.kind() === 'nl') {
        this.p++;
        continue;
      }
      out.push(...this.statement());
    }
    return out;
  }

  private block(): Stmt[] {
    this.expect(':');
    if (this.kind() !== 'nl') return this.simpleLine();
    this.p++;
    if (this.kind() !== 'indent') throw new PyException('IndentationError', 'expected an indented block', this.t.line);
    this.p++;
    const out: Stmt[] = [];
    while (this.kind() !== 'dedent' && this.kind() !== 'eof') {
      if (this.kind() === 'nl') {
        this.p++;
        continue;
      }
      out.push(...this.statement());
    }
    this.p++;
    return out;
  }

  private statement(): Stmt[] {
    const t = this.t;
    const line = t.line;
    if (t.k === 'op' && t.v === '@') {
      const decorators: Expr[] = [];
      while (this.eat('@')) {
        decorators.push(this.expr());
        if (this.kind() === 'nl') this.p++;
      }
      const def = this.statement()[0];
      if (def?.s === 'def') def.decorators = decorators;
      else if (def?.s !== 'class') throw new PyException('SyntaxError', 'invalid syntax', line);
      return [def];
    }
    if (t.k === 'name') {
      switch (t.v) {
        case 'if': {
          this.p++;
          const branches: [Expr | null, Stmt[]][] = [[this.expr(), this.block()]];
          for (;;) {
            while (this.kind() === 'nl') this.p++;
            if (this.eat('elif')) branches.push([this.expr(), this.block()]);
            else if (this.eat('else')) {
              branches.push([null, this.block()]);
              break;
            } else break;
          }
          return [{ s: 'if', branches, line }];
        }
        case 'for': {
          this.p++;
          const target = this.targetList();
          this.expect('in');
          const iter = this.exprList();
          const body = this.block();
          let orelse: Stmt[] = [];
          if (this.isName('else')) {
            this.p++;
            orelse = this.block();
          }
          return [{ s: 'for', target, iter, body, orelse, line }];
        }
        case 'while': {
          this.p++;
          const test = this.expr();
          return [{ s: 'while', test, body: this.block(), line }];
        }
        case 'def': {
          this.p++;
          const name = this.name();
          this.expect('(');
          const params: { name: string; def?: Expr }[] = [];
          while (!this.isOp(')')) {
            if (this.eat('*') || this.eat('**')) {
              if (this.kind() === 'name') throw new Unsupported('*args');
              this.eat(',');
              continue;
            }
            const pname = this.name();
            if (this.eat(':')) this.expr();
            const def = this.eat('=') ? this.expr() : undefined;
            params.push({ name: pname, def });
            if (!this.eat(',')) break;
          }
          this.expect(')');
          if (this.eat('->')) this.expr();
          return [{ s: 'def', name, params, body: this.block(), decorators: [], line }];
        }
        case 'class':
        case 'with': {
          this.p++;
          while (!this.isOp(':') && this.kind() !== 'eof' && this.kind() !== 'nl') this.p++;
          return [{ s: t.v, line, body: this.block() }];
        }
        case 'try': {
          this.p++;
          const body = this.block();
          const handlers: { type?: string; name?: string; body: Stmt[] }[] = [];
          let final: Stmt[] = [];
          for (;;) {
            while (this.kind() === 'nl') this.p++;
            if (this.eat('except')) {
              let type: string | undefined;
              let name: string | undefined;
              if (!this.isOp(':')) {
                const x = this.expr();
                type = x.e === 'name' ? x.id : x.e === 'attr' ? x.name : 'Exception';
                if (this.eat('as')) name = this.name();
              }
              handlers.push({ type, name, body: this.block() });
            } else if (this.eat('finally')) final = this.block();
            else if (this.eat('else')) body.push(...this.block());
            else break;
          }
          return [{ s: 'try', body, handlers, final, line }];
        }
      }
    }
    return this.simpleLine();
  }

  private simpleLine(): Stmt[] {
    const out: Stmt[] = [this.simple()];
    while (this.eat(';')) {
      if (this.kind() === 'nl') break;
      out.push(this.simple());
    }
    if (this.kind() === 'nl') this.p++;
    else if (this.kind() !== 'eof' && this.kind() !== 'dedent') throw new PyException('SyntaxError', 'invalid syntax', this.t.line);
    return out;
  }

  private simple(): Stmt {
    const t = this.t;
    const line = t.line;
    if (t.k === 'name') {
      switch (t.v) {
        case 'pass':
        case 'break':
        case 'continue':
          this.p++;
          return { s: t.v, line };
        case 'global':
        case 'nonlocal':
          this.p++;
          this.name();
          while (this.eat(',')) this.name();
          return { s: 'global', line };
        case 'return':
          this.p++;
          return { s: 'return', x: this.kind() === 'nl' || this.isOp(';') ? null : this.exprList(), line };
        case 'raise':
          this.p++;
          return { s: 'raise', x: this.kind() === 'nl' ? null : this.expr(), line };
        case 'import': {
          this.p++;
          const names: [string, string][] = [];
          do {
            let n = this.name();
            while (this.eat('.')) n += `.${this.name()}`;
            names.push([n, this.eat('as') ? this.name() : n.split('.')[0]]);
          } while (this.eat(','));
          return { s: 'import', names, line };
        }
        case 'from': {
          this.p++;
          let mod = '';
          while (this.eat('.')) mod += '.';
          if (!this.isName('import')) {
            mod += this.name();
            while (this.eat('.')) mod += `.${this.name()}`;
          }
          this.expect('import');
          const paren = this.eat('(');
          const names: [string, string][] = [];
          do {
            if (paren && this.isOp(')')) break;
            if (this.eat('*')) {
              names.push(['*', '*']);
              continue;
            }
            const n = this.name();
            names.push([n, this.eat('as') ? this.name() : n]);
          } while (this.eat(','));
          if (paren) this.expect(')');
          return { s: 'import', names, from: mod, line };
        }
        case 'assert': {
          this.p++;
          const x = this.expr();
          if (this.eat(',')) this.expr();
          return { s: 'expr', x: { e: 'call', f: { e: 'name', id: '__assert__' }, args: [x], kwargs: [] }, line };
        }
        case 'del':
          throw new Unsupported('del');
      }
    }
    const first = this.exprList();
    const augTok = this.t;
    if (augTok.k === 'op' && /^(\+|-|\*|\/|\/\/|%|\*\*)=$/.test(augTok.v)) {
      const op = augTok.v.slice(0, -1);
      this.p++;
      return { s: 'aug', target: first, op, x: this.exprList(), line };
    }
    if (this.isOp(':')) {
      // An annotation: `x: int = 3`.
      this.p++;
      this.expr();
      if (!this.eat('=')) return { s: 'pass', line };
      return { s: 'assign', targets: [first], x: this.exprList(), line };
    }
    if (this.isOp('=')) {
      const targets = [first];
      let x: Expr = first;
      while (this.eat('=')) {
        x = this.exprList();
        targets.push(x);
      }
      targets.pop();
      return { s: 'assign', targets, x, line };
    }
    return { s: 'expr', x: first, line };
  }

  private targetList(): Expr {
    const items = [this.postfix()];
    while (this.eat(',')) {
      if (this.isName('in')) break;
      items.push(this.postfix());
    }
    return items.length === 1 ? items[0] : { e: 'tuple', items };
  }

  private exprList(): Expr {
    const first = this.expr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.eat(',')) {
      if (this.kind() === 'nl' || this.isOp('=') || this.isOp(')') || this.kind() === 'eof') break;
      items.push(this.expr());
    }
    return { e: 'tuple', items };
  }

  expr(): Expr {
    this.nest();
    try {
      return this.exprInner();
    } finally {
      this.depth--;
    }
  }

  private exprInner(): Expr {
    if (this.eat('lambda')) {
      const params: string[] = [];
      while (!this.isOp(':')) {
        params.push(this.name());
        if (!this.eat(',')) break;
      }
      this.expect(':');
      return { e: 'lambda', params, body: this.expr() };
    }
    const x = this.orExpr();
    if (this.isName('if')) {
      this.p++;
      const test = this.orExpr();
      this.expect('else');
      return { e: 'ifexp', test, a: x, b: this.expr() };
    }
    return x;
  }

  private orExpr(): Expr {
    let l = this.andExpr();
    while (this.eat('or')) l = { e: 'bool', op: 'or', l, r: this.andExpr() };
    return l;
  }
  private andExpr(): Expr {
    let l = this.notExpr();
    while (this.eat('and')) l = { e: 'bool', op: 'and', l, r: this.notExpr() };
    return l;
  }
  private notExpr(): Expr {
    if (this.eat('not')) return { e: 'unary', op: 'not', x: this.notExpr() };
    return this.comparison();
  }
  private comparison(): Expr {
    const first = this.arith();
    const ops: string[] = [];
    const xs = [first];
    for (;;) {
      const t = this.t;
      if (t.k === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.v)) {
        this.p++;
        ops.push(t.v);
      } else if (this.isName('in')) {
        this.p++;
        ops.push('in');
      } else if (this.isName('not') && this.toks[this.p + 1].k === 'name' && (this.toks[this.p + 1] as { v: string }).v === 'in') {
        this.p += 2;
        ops.push('not in');
      } else if (this.isName('is')) {
        this.p++;
        ops.push(this.eat('not') ? 'is not' : 'is');
      } else break;
      xs.push(this.arith());
    }
    return ops.length ? { e: 'cmp', ops, xs } : first;
  }
  private arith(): Expr {
    const start = this.p;
    let l = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const opTok = this.t;
      const op = (opTok as { v: string }).v;
      this.p++;
      l = this.spanned(start, { e: 'bin', op, l, r: this.term() }, opTok);
    }
    return l;
  }
  private term(): Expr {
    const start = this.p;
    let l = this.factor();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const opTok = this.t;
      const op = (opTok as { v: string }).v;
      this.p++;
      l = this.spanned(start, { e: 'bin', op, l, r: this.factor() }, opTok);
    }
    return l;
  }
  private factor(): Expr {
    const start = this.p;
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.t as { v: string }).v;
      this.p++;
      this.nest();
      try {
        return this.spanned(start, { e: 'unary', op, x: this.factor() });
      } finally {
        this.depth--;
      }
    }
    const base = this.postfix();
    const opTok = this.t;
    if (this.eat('**')) return this.spanned(start, { e: 'bin', op: '**', l: base, r: this.factor() }, opTok);
    return base;
  }
  private postfix(): Expr {
    if (this.isName('await')) throw new Unsupported('await');
    const start = this.p;
    let x = this.atom();
    for (;;) {
      const bracket = this.t;
      if (this.eat('.')) x = this.spanned(start, { e: 'attr', x, name: this.name() });
      else if (this.eat('(')) {
        const args: Expr[] = [];
        const kwargs: [string, Expr][] = [];
        let star: Expr | undefined;
        while (!this.isOp(')')) {
          if (this.eat('*')) star = this.expr();
          else if (this.eat('**')) throw new Unsupported('**kwargs');
          else if (this.kind() === 'name' && this.toks[this.p + 1].k === 'op' && (this.toks[this.p + 1] as { v: string }).v === '=') {
            const k = this.name();
            this.p++;
            kwargs.push([k, this.expr()]);
          } else {
            const a = this.expr();
            if (this.isName('for')) args.push(this.comprehension('gen', a));
            else args.push(a);
          }
          if (!this.eat(',')) break;
        }
        this.expect(')');
        x = this.spanned(start, { e: 'call', f: x, args, kwargs, star });
      } else if (this.eat('[')) {
        const parts: (Expr | null)[] = [null, null, null];
        let slice = false;
        let idx = 0;
        while (!this.isOp(']')) {
          if (this.eat(':')) {
            slice = true;
            idx++;
            continue;
          }
          parts[idx] = this.expr();
          if (this.isOp(',')) throw new Unsupported('tuple index');
        }
        this.expect(']');
        x = this.spanned(start, { e: 'sub', x, index: slice ? { slice: [parts[0], parts[1], parts[2]] } : parts[0]! }, bracket);
      } else return x;
    }
  }

  private comprehension(kind: 'list' | 'dict' | 'gen', elt: Expr, val?: Expr): Expr {
    this.expect('for');
    const target = this.targetList();
    this.expect('in');
    const iter = this.orExpr();
    const conds: Expr[] = [];
    while (this.eat('if')) conds.push(this.orExpr());
    if (this.isName('for')) throw new Unsupported('nested comprehension');
    return { e: 'comp', kind, elt, val, target, iter, conds };
  }

  private atom(): Expr {
    const t = this.t;
    if (t.k === 'num') {
      this.p++;
      const v = t.v.replace(/_/g, '');
      if (/j$/.test(v)) throw new Unsupported('complex');
      if (/^0[xob]/i.test(v)) return { e: 'const', v: BigInt(v) };
      return { e: 'const', v: /[.eE]/.test(v) ? Number(v) : BigInt(v) };
    }
    if (t.k === 'str') {
      const parts: Expr[] = [];
      while (this.kind() === 'str') {
        const s = this.t as Extract<Tok, { k: 'str' }>;
        this.p++;
        parts.push(s.prefix.includes('f') ? fstring(s.v, s.line) : { e: 'const', v: s.v });
      }
      return parts.reduce((a, b) => ({ e: 'bin', op: '+', l: a, r: b }));
    }
    if (t.k === 'name') {
      this.p++;
      if (t.v === 'True') return { e: 'const', v: true };
      if (t.v === 'False') return { e: 'const', v: false };
      if (t.v === 'None') return { e: 'const', v: null };
      return this.spanned(this.p - 1, { e: 'name', id: t.v });
    }
    if (this.eat('(')) {
      if (this.eat(')')) return { e: 'tuple', items: [] };
      const first = this.expr();
      if (this.isName('for')) {
        const c = this.comprehension('gen', first);
        this.expect(')');
        return c;
      }
      if (!this.isOp(',')) {
        this.expect(')');
        return first;
      }
      const items = [first];
      while (this.eat(',')) {
        if (this.isOp(')')) break;
        items.push(this.expr());
      }
      this.expect(')');
      return { e: 'tuple', items };
    }
    if (this.eat('[')) {
      const items: Expr[] = [];
      while (!this.isOp(']')) {
        const x = this.expr();
        if (this.isName('for')) {
          const c = this.comprehension('list', x);
          this.expect(']');
          return c;
        }
        items.push(x);
        if (!this.eat(',')) break;
      }
      this.expect(']');
      return { e: 'list', items };
    }
    if (this.eat('{')) {
      const pairs: [Expr, Expr][] = [];
      while (!this.isOp('}')) {
        if (this.eat('**')) throw new Unsupported('dict unpack');
        const k = this.expr();
        if (!this.eat(':')) throw new Unsupported('set');
        const v = this.expr();
        if (this.isName('for')) {
          const c = this.comprehension('dict', k, v);
          this.expect('}');
          return c;
        }
        pairs.push([k, v]);
        if (!this.eat(',')) break;
      }
      this.expect('}');
      return { e: 'dict', pairs };
    }
    throw new PyException('SyntaxError', 'invalid syntax', t.line);
  }
}

function fstring(body: string, line: number): Expr {
  const parts: (string | { expr: Expr; conv?: string; spec?: Expr | string })[] = [];
  let text = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '{' && body[i + 1] === '{') {
      text += '{';
      i += 2;
      continue;
    }
    if (c === '}' && body[i + 1] === '}') {
      text += '}';
      i += 2;
      continue;
    }
    if (c !== '{') {
      text += c;
      i++;
      continue;
    }
    if (text) parts.push(text);
    text = '';
    let depth = 0;
    let j = i + 1;
    let quote = '';
    let end = -1;
    let colon = -1;
    let bang = -1;
    for (; j < body.length; j++) {
      const d = body[j];
      if (quote) {
        if (d === quote) quote = '';
        continue;
      }
      if (d === '"' || d === "'") quote = d;
      else if ('([{'.includes(d)) depth++;
      else if (')]'.includes(d) || (d === '}' && depth > 0)) depth--;
      else if (d === '}' && depth === 0) {
        end = j;
        break;
      } else if (d === ':' && depth === 0 && colon < 0) colon = j;
      else if (d === '!' && depth === 0 && colon < 0 && body[j + 1] !== '=') bang = j;
    }
    if (end < 0) throw new PyException('SyntaxError', "f-string: expecting '}'", line);
    const exprEnd = bang >= 0 ? bang : colon >= 0 ? colon : end;
    let source = body.slice(i + 1, exprEnd);
    let selfDoc = '';
    if (/=\s*$/.test(source) && !/[=!<>]=\s*$/.test(source)) {
      selfDoc = source;
      source = source.replace(/=\s*$/, '');
    }
    const expr = new Parser(lex(source.trim()), false).expr();
    const conv = bang >= 0 ? body.slice(bang + 1, colon >= 0 ? colon : end) : selfDoc && colon < 0 ? 'r' : undefined;
    const specText = colon >= 0 ? body.slice(colon + 1, end) : undefined;
    const spec = specText === undefined ? undefined : specText.includes('{') ? fstring(specText, line) : specText;
    if (selfDoc) parts.push(selfDoc);
    parts.push({ expr, conv, spec });
    i = end + 1;
  }
  if (text) parts.push(text);
  return { e: 'fstr', parts };
}

export function parsePython(src: string): Stmt[] {
  return new Parser(lex(src)).module();
}

/** Parses one expression (for a route's return value). */
export function parseExpr(src: string): Expr {
  return new Parser(lex(src)).expr();
}
