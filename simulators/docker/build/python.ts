// A small Python 3.12 interpreter for what a first containerised script does: assignments, print,
// f-strings and str.format, if/for/while, functions, lists and dicts, os.environ, sys.exit and
// time.sleep. Enough to know what `python app.py` prints and with which exit code; anything
// outside the subset throws Unsupported, and callers fall back to a plainer guess.

export class Unsupported extends Error {}

/** A Python exception that escaped to the top: printed as a traceback, exit code 1. */
export class PyException extends Error {
  constructor(
    readonly type: string,
    readonly detail: string,
    public line = 0,
  ) {
    super(`${type}: ${detail}`);
  }
}

export class SysExit extends Error {
  constructor(readonly code: number, readonly text?: string) {
    super('exit');
  }
}

// ---------------------------------------------------------------------------------------------
// Values

export type PyValue = null | boolean | bigint | number | string | PyList | PyTuple | PyDict | PyFunc | PyBuiltin | PyModule | PyRange;
export interface PyList { t: 'list'; items: PyValue[] }
export interface PyTuple { t: 'tuple'; items: PyValue[] }
export interface PyDict { t: 'dict'; map: Map<string, [PyValue, PyValue]> }
export interface PyFunc { t: 'func'; name: string; params: { name: string; def?: Expr }[]; body: Stmt[]; closure: Scope }
export interface PyBuiltin { t: 'builtin'; name: string; call: (args: PyValue[], kwargs: Record<string, PyValue>) => PyValue }
export interface PyModule { t: 'module'; name: string; attrs: Record<string, PyValue> }
export interface PyRange { t: 'range'; start: bigint; stop: bigint; step: bigint }

const list = (items: PyValue[]): PyList => ({ t: 'list', items });
const tuple = (items: PyValue[]): PyTuple => ({ t: 'tuple', items });
const isObj = (v: PyValue): v is Exclude<PyValue, null | boolean | bigint | number | string> => typeof v === 'object' && v !== null;
const keyOf = (v: PyValue): string => (typeof v === 'string' ? `s:${v}` : typeof v === 'bigint' ? `i:${v}` : typeof v === 'number' ? (Number.isInteger(v) ? `i:${v}` : `f:${v}`) : typeof v === 'boolean' ? `i:${v ? 1 : 0}` : v === null ? 'n' : `o:${repr(v)}`);

export function typeName(v: PyValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  switch (v.t) {
    case 'func':
    case 'builtin':
      return 'function';
    default:
      return v.t;
  }
}

function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const c of s) {
    if (c === '\\') out += '\\\\';
    else if (c === q) out += `\\${q}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else out += c;
  }
  return q + out + q;
}

export function repr(v: PyValue): string {
  if (typeof v === 'string') return strRepr(v);
  return str(v, true);
}

export function str(v: PyValue, inner = false): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return inner ? strRepr(v) : v;
  switch (v.t) {
    case 'list':
      return `[${v.items.map(repr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${repr(v.items[0])},)` : `(${v.items.map(repr).join(', ')})`;
    case 'dict':
      return `{${[...v.map.values()].map(([k, val]) => `${repr(k)}: ${repr(val)}`).join(', ')}}`;
    case 'range':
      return v.step === 1n ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
    case 'func':
      return `<function ${v.name} at 0x7f3a1c2b4d60>`;
    case 'builtin':
      return `<built-in function ${v.name}>`;
    case 'module':
      return `<module '${v.name}'>`;
  }
}

export function truthy(v: PyValue): boolean {
  if (v === null || v === false) return false;
  if (v === true) return true;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  switch (v.t) {
    case 'list':
    case 'tuple':
      return v.items.length > 0;
    case 'dict':
      return v.map.size > 0;
    case 'range':
      return rangeItems(v).length > 0;
    default:
      return true;
  }
}

function rangeItems(r: PyRange): PyValue[] {
  const out: PyValue[] = [];
  if (r.step === 0n) throw new PyException('ValueError', 'range() arg 3 must not be zero');
  for (let i = r.start; r.step > 0n ? i < r.stop : i > r.stop; i += r.step) {
    out.push(i);
    if (out.length > 100_000) throw new Unsupported('range too long');
  }
  return out;
}

function iterate(v: PyValue): PyValue[] {
  if (typeof v === 'string') return [...v];
  if (isObj(v)) {
    if (v.t === 'list' || v.t === 'tuple') return [...v.items];
    if (v.t === 'dict') return [...v.map.values()].map(([k]) => k);
    if (v.t === 'range') return rangeItems(v);
  }
  throw new PyException('TypeError', `'${typeName(v)}' object is not iterable`);
}

// ---------------------------------------------------------------------------------------------
// Lexer

type Tok =
  | { k: 'name'; v: string; line: number }
  | { k: 'num'; v: string; line: number }
  | { k: 'str'; v: string; prefix: string; line: number }
  | { k: 'op'; v: string; line: number }
  | { k: 'nl'; line: number }
  | { k: 'indent'; line: number }
  | { k: 'dedent'; line: number }
  | { k: 'eof'; line: number };

const OPS = ['**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '@', '&', '|', '^', '~'];

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
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
      toks.push({ k: 'str', v: body, prefix, line: startLine });
      i = j;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?j?)/.exec(src.slice(i));
    if (num && /[\d.]/.test(c) && !(c === '.' && !/\d/.test(src[i + 1] ?? ''))) {
      toks.push({ k: 'num', v: num[0], line });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\u00c0-\uffff]*/.exec(src.slice(i));
    if (name) {
      toks.push({ k: 'name', v: name[0], line });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new PyException('SyntaxError', `invalid character '${c}' (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`, line);
    if ('([{'.includes(op)) depth++;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    toks.push({ k: 'op', v: op, line });
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

// ---------------------------------------------------------------------------------------------
// Parser

export type Expr =
  | { e: 'const'; v: PyValue }
  | { e: 'name'; id: string }
  | { e: 'fstr'; parts: (string | { expr: Expr; conv?: string; spec?: Expr | string })[] }
  | { e: 'list' | 'tuple'; items: Expr[] }
  | { e: 'dict'; pairs: [Expr, Expr][] }
  | { e: 'bin'; op: string; l: Expr; r: Expr }
  | { e: 'unary'; op: string; x: Expr }
  | { e: 'bool'; op: 'and' | 'or'; l: Expr; r: Expr }
  | { e: 'cmp'; ops: string[]; xs: Expr[] }
  | { e: 'ifexp'; test: Expr; a: Expr; b: Expr }
  | { e: 'call'; f: Expr; args: Expr[]; kwargs: [string, Expr][]; star?: Expr }
  | { e: 'attr'; x: Expr; name: string }
  | { e: 'sub'; x: Expr; index: Expr | { slice: [Expr | null, Expr | null, Expr | null] } }
  | { e: 'comp'; kind: 'list' | 'dict' | 'gen'; elt: Expr; val?: Expr; target: Expr; iter: Expr; conds: Expr[] }
  | { e: 'lambda'; params: string[]; body: Expr };

export type Stmt =
  | { s: 'expr'; x: Expr; line: number }
  | { s: 'assign'; targets: Expr[]; x: Expr; line: number }
  | { s: 'aug'; target: Expr; op: string; x: Expr; line: number }
  | { s: 'if'; branches: [Expr | null, Stmt[]][]; line: number }
  | { s: 'for'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; line: number }
  | { s: 'while'; test: Expr; body: Stmt[]; line: number }
  | { s: 'def'; name: string; params: { name: string; def?: Expr }[]; body: Stmt[]; decorators: Expr[]; line: number }
  | { s: 'return'; x: Expr | null; line: number }
  | { s: 'import'; names: [string, string][]; from?: string; line: number }
  | { s: 'try'; body: Stmt[]; handlers: { type?: string; name?: string; body: Stmt[] }[]; final: Stmt[]; line: number }
  | { s: 'raise'; x: Expr | null; line: number }
  | { s: 'pass' | 'break' | 'continue' | 'global'; line: number }
  | { s: 'class' | 'with'; line: number; body: Stmt[] };

class Parser {
  private p = 0;
  constructor(private readonly toks: Tok[]) {}
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
    let l = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.t as { v: string }).v;
      this.p++;
      l = { e: 'bin', op, l, r: this.term() };
    }
    return l;
  }
  private term(): Expr {
    let l = this.factor();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = (this.t as { v: string }).v;
      this.p++;
      l = { e: 'bin', op, l, r: this.factor() };
    }
    return l;
  }
  private factor(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.t as { v: string }).v;
      this.p++;
      return { e: 'unary', op, x: this.factor() };
    }
    const base = this.postfix();
    if (this.eat('**')) return { e: 'bin', op: '**', l: base, r: this.factor() };
    return base;
  }
  private postfix(): Expr {
    if (this.isName('await')) throw new Unsupported('await');
    let x = this.atom();
    for (;;) {
      if (this.eat('.')) x = { e: 'attr', x, name: this.name() };
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
        x = { e: 'call', f: x, args, kwargs, star };
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
        x = { e: 'sub', x, index: slice ? { slice: [parts[0], parts[1], parts[2]] } : parts[0]! };
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
      return { e: 'name', id: t.v };
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
    const expr = new Parser(lex(source.trim())).expr();
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

// ---------------------------------------------------------------------------------------------
// Format spec mini-language

export function formatSpec(v: PyValue, spec: string): string {
  if (!spec) return str(v);
  const m = /^(?:(.)?([<>^=]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) throw new PyException('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName(v)}'`);
  const [, fillRaw, alignRaw, sign, , zero, widthRaw, group, precRaw, type] = m;
  let out: string;
  const num = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : undefined;
  const prec = precRaw === undefined ? undefined : Number(precRaw);
  if (type === 'f' || type === 'F' || type === '%' || (prec !== undefined && num !== undefined && !type)) {
    if (num === undefined) throw new PyException('ValueError', `Unknown format code '${type ?? 'f'}' for object of type '${typeName(v)}'`);
    out = type === '%' ? `${(num * 100).toFixed(prec ?? 6)}%` : num.toFixed(prec ?? 6);
  } else if (type === 'd' || type === 'n') {
    if (typeof v !== 'bigint' && typeof v !== 'boolean') throw new PyException('ValueError', `Unknown format code 'd' for object of type '${typeName(v)}'`);
    out = String(num);
  } else if (type === 'x' || type === 'X' || type === 'o' || type === 'b') {
    out = Math.trunc(num ?? 0).toString(type === 'o' ? 8 : type === 'b' ? 2 : 16);
    if (type === 'X') out = out.toUpperCase();
  } else if (type === 'e' || type === 'E') {
    out = (num ?? 0).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
    if (type === 'E') out = out.toUpperCase();
  } else {
    out = str(v);
    if (prec !== undefined && typeof v === 'string') out = out.slice(0, prec);
  }
  if (group && num !== undefined) {
    const [int, frac] = out.split('.');
    out = int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac !== undefined ? `.${frac}` : '');
  }
  if (sign === '+' && num !== undefined && num >= 0) out = `+${out}`;
  if (sign === ' ' && num !== undefined && num >= 0) out = ` ${out}`;
  const width = widthRaw ? Number(widthRaw) : 0;
  const fill = fillRaw ?? (zero ? '0' : ' ');
  const align = alignRaw ?? (zero ? '=' : num !== undefined && typeof v !== 'string' ? '>' : '<');
  if (out.length < width) {
    const pad = width - out.length;
    if (align === '<') out += fill.repeat(pad);
    else if (align === '>') out = fill.repeat(pad) + out;
    else if (align === '^') out = fill.repeat(Math.floor(pad / 2)) + out + fill.repeat(Math.ceil(pad / 2));
    else {
      const s = /^[+\- ]/.test(out) ? out[0] : '';
      out = s + fill.repeat(pad) + out.slice(s.length);
    }
  }
  return out;
}

function percentFormat(fmt: string, arg: PyValue): string {
  const args = isObj(arg) && arg.t === 'tuple' ? [...arg.items] : [arg];
  return fmt.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdirfFxXeEgGc%])/g, (_, flags: string, width?: string, prec?: string, type?: string) => {
    if (type === '%') return '%';
    const v = args.shift();
    if (v === undefined) throw new PyException('TypeError', 'not enough arguments for format string');
    let out: string;
    if (type === 's') out = str(v);
    else if (type === 'r') out = repr(v);
    else if (type === 'd' || type === 'i') out = String(typeof v === 'number' ? Math.trunc(v) : typeof v === 'bigint' ? v : Number(v));
    else if (type === 'f' || type === 'F') out = Number(v as number).toFixed(prec === undefined ? 6 : Number(prec));
    else out = formatSpec(v, `${prec ? `.${prec}` : ''}${type}`);
    const w = Number(width ?? 0);
    if (out.length < w) out = flags.includes('-') ? out.padEnd(w) : out.padStart(w, flags.includes('0') && type !== 's' ? '0' : ' ');
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Interpreter

class Scope {
  readonly vars = new Map<string, PyValue>();
  constructor(readonly parent?: Scope) {}
  get(name: string): PyValue | undefined {
    if (this.vars.has(name)) return this.vars.get(name);
    return this.parent?.get(name);
  }
}

class ReturnSignal {
  constructor(readonly value: PyValue) {}
}
class BreakSignal {}
class ContinueSignal {}

export interface PyRunOptions {
  /** The file as the traceback names it (/app/app.py). */
  file: string;
  env: Record<string, string>;
  cwd: string;
  argv?: string[];
  /** Python stops after this many steps (an endless loop prints until then, then is cut). */
  maxSteps?: number;
  /** Modules that import fine (installed packages); others raise ModuleNotFoundError. */
  installed?: (module: string) => boolean;
  /** What `import flask` and friends give: lets the caller stub frameworks. */
  modules?: Record<string, PyModule>;
  /**
   * Reading a module for its values rather than running it: classes and `with` blocks are passed
   * over, decorators ignored, and a statement this subset cannot run is skipped instead of ending
   * the run.
   */
  lenient?: boolean;
}

export interface PyOutcome {
  output: { stream: 'stdout' | 'stderr'; text: string; atMs: number }[];
  exitCode: number;
  /** Simulated time the script took (time.sleep). */
  ms: number;
  /** True when the step budget ran out (an endless loop). */
  endless?: boolean;
  /** Module-level names after the run (for route handlers to use). */
  globals: Map<string, PyValue>;
}

const STDLIB = new Set(['os', 'sys', 'time', 'math', 'json', 'platform', 'socket', 'datetime', 'random', 'http', 'http.server', 'socketserver', 'logging', 'pathlib', 'typing', 're', 'collections', 'functools', 'itertools', 'string', 'signal', 'threading', 'subprocess', 'argparse', 'dataclasses', 'enum', 'uuid', 'hashlib', 'base64', 'urllib', 'urllib.request', 'urllib.parse', 'sqlite3', 'csv', 'io', 'shutil', 'textwrap', 'traceback', 'asyncio', 'contextlib', 'abc', 'copy', 'decimal', 'fractions', 'statistics', 'pprint', 'secrets', 'tempfile', 'glob', 'getpass', 'inspect', 'warnings', 'zoneinfo', 'wsgiref', 'wsgiref.simple_server', 'email', 'html', 'operator', 'heapq', 'bisect', 'struct', 'array', 'queue', 'select', 'ssl', 'gzip', 'zipfile', 'tarfile', 'unittest', 'dis', 'ast', 'types', 'weakref', 'atexit', 'locale', 'calendar', 'configparser', 'fnmatch', 'shlex', 'timeit', 'cProfile', 'pdb', 'multiprocessing', 'concurrent', 'concurrent.futures', 'urllib.error', 'codecs', 'numbers', 'errno', 'stat', 'posixpath', 'ntpath', 'builtins', '__future__']);

export class Interpreter {
  private steps = 0;
  private ms = 0;
  readonly output: PyOutcome['output'] = [];
  readonly globals = new Scope();

  constructor(private readonly opts: PyRunOptions) {
    const b = this.builtins();
    for (const [k, v] of Object.entries(b)) this.globals.vars.set(k, v);
    this.globals.vars.set('__name__', '__main__');
    this.globals.vars.set('__file__', opts.file);
  }

  private write(stream: 'stdout' | 'stderr', text: string) {
    const last = this.output[this.output.length - 1];
    if (last && last.stream === stream && last.atMs === this.ms) last.text += text;
    else this.output.push({ stream, text, atMs: this.ms });
  }

  /** A fresh step budget: the REPL runs many small programs in one interpreter. */
  resetBudget() {
    this.steps = 0;
  }

  private tick() {
    if (++this.steps > (this.opts.maxSteps ?? 200_000)) throw new Unsupported('too many steps');
  }

  private fn(name: string, call: PyBuiltin['call']): PyBuiltin {
    return { t: 'builtin', name, call };
  }

  private builtins(): Record<string, PyValue> {
    const f = (name: string, call: PyBuiltin['call']) => this.fn(name, call);
    return {
      print: f('print', (args, kw) => {
        const sep = kw.sep === undefined || kw.sep === null ? ' ' : str(kw.sep);
        const end = kw.end === undefined || kw.end === null ? '\n' : str(kw.end);
        const file = kw.file;
        const stream = isObj(file) && file.t === 'module' && file.name === 'sys.stderr' ? 'stderr' : 'stdout';
        this.write(stream, args.map((a) => str(a)).join(sep) + end);
        return null;
      }),
      len: f('len', ([v]) => {
        if (typeof v === 'string') return BigInt([...v].length);
        if (isObj(v) && (v.t === 'list' || v.t === 'tuple')) return BigInt(v.items.length);
        if (isObj(v) && v.t === 'dict') return BigInt(v.map.size);
        if (isObj(v) && v.t === 'range') return BigInt(rangeItems(v).length);
        throw new PyException('TypeError', `object of type '${typeName(v)}' has no len()`);
      }),
      str: f('str', ([v]) => (v === undefined ? '' : str(v))),
      repr: f('repr', ([v]) => repr(v)),
      int: f('int', ([v, base]) => {
        if (v === undefined) return 0n;
        if (typeof v === 'bigint') return v;
        if (typeof v === 'boolean') return v ? 1n : 0n;
        if (typeof v === 'number') return BigInt(Math.trunc(v));
        if (typeof v === 'string') {
          const s = v.trim().replace(/_/g, '');
          const radix = base === undefined ? 10 : Number(base);
          if (radix === 10 && /^[+-]?\d+$/.test(s)) return BigInt(s);
          const n = parseInt(s, radix);
          if (Number.isNaN(n) || (radix === 10 && !/^[+-]?\d+$/.test(s))) throw new PyException('ValueError', `invalid literal for int() with base ${radix}: ${repr(v)}`);
          return BigInt(n);
        }
        throw new PyException('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
      }),
      float: f('float', ([v]) => {
        if (v === undefined) return 0;
        if (typeof v === 'string') {
          const n = Number(v.trim());
          if (v.trim() === '' || Number.isNaN(n)) throw new PyException('ValueError', `could not convert string to float: ${repr(v)}`);
          return n;
        }
        return Number(v as number);
      }),
      bool: f('bool', ([v]) => (v === undefined ? false : truthy(v))),
      range: f('range', (args) => {
        const n = args.map((a) => {
          if (typeof a !== 'bigint' && typeof a !== 'boolean') throw new PyException('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
          return BigInt(a as bigint);
        });
        if (n.length === 1) return { t: 'range', start: 0n, stop: n[0], step: 1n };
        return { t: 'range', start: n[0], stop: n[1], step: n[2] ?? 1n };
      }),
      list: f('list', ([v]) => list(v === undefined ? [] : iterate(v))),
      tuple: f('tuple', ([v]) => tuple(v === undefined ? [] : iterate(v))),
      dict: f('dict', (_, kw) => {
        const d: PyDict = { t: 'dict', map: new Map() };
        for (const [k, v] of Object.entries(kw)) d.map.set(keyOf(k), [k, v]);
        return d;
      }),
      sum: f('sum', ([v, start]) => iterate(v).reduce<PyValue>((a, b) => this.binop('+', a, b), start ?? 0n)),
      min: f('min', (args) => (args.length === 1 ? iterate(args[0]) : args).reduce((a, b) => (this.compare('<', b, a) ? b : a))),
      max: f('max', (args) => (args.length === 1 ? iterate(args[0]) : args).reduce((a, b) => (this.compare('>', b, a) ? b : a))),
      abs: f('abs', ([v]) => (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v as number))),
      round: f('round', ([v, nd]) => {
        if (nd === undefined || nd === null) return BigInt(Math.round(Number(v)));
        const p = 10 ** Number(nd);
        return Math.round(Number(v) * p) / p;
      }),
      sorted: f('sorted', ([v], kw) => {
        const items = iterate(v).sort((a, b) => (this.compare('<', a, b) ? -1 : this.compare('>', a, b) ? 1 : 0));
        return list(kw.reverse && truthy(kw.reverse) ? items.reverse() : items);
      }),
      reversed: f('reversed', ([v]) => list(iterate(v).reverse())),
      enumerate: f('enumerate', ([v, start]) => list(iterate(v).map((x, i) => tuple([BigInt(i) + (typeof start === 'bigint' ? start : 0n), x])))),
      zip: f('zip', (args) => {
        const lists = args.map(iterate);
        const n = Math.min(...lists.map((l) => l.length));
        return list(Array.from({ length: n }, (_, i) => tuple(lists.map((l) => l[i]))));
      }),
      isinstance: f('isinstance', ([v, t]) => isObj(t) && t.t === 'builtin' && (t.name === typeName(v) || (t.name === 'int' && typeof v === 'boolean'))),
      input: f('input', ([prompt]) => {
        if (prompt !== undefined) this.write('stdout', str(prompt));
        throw new PyException('EOFError', 'EOF when reading a line');
      }),
      exit: f('exit', ([code]) => this.exit(code)),
      quit: f('quit', ([code]) => this.exit(code)),
      open: f('open', () => {
        throw new Unsupported('open');
      }),
      __assert__: f('assert', ([v]) => {
        if (!truthy(v)) throw new PyException('AssertionError', '');
        return null;
      }),
    };
  }

  private exit(code: PyValue | undefined): never {
    if (code === undefined || code === null) throw new SysExit(0);
    if (typeof code === 'bigint' || typeof code === 'boolean') throw new SysExit(Number(code));
    throw new SysExit(1, str(code));
  }

  private module(name: string): PyModule {
    const f = (n: string, call: PyBuiltin['call']) => this.fn(n, call);
    const env: PyDict = { t: 'dict', map: new Map(Object.entries(this.opts.env).map(([k, v]) => [keyOf(k), [k, v]])) };
    switch (name) {
      case 'os':
        return {
          t: 'module',
          name,
          attrs: {
            environ: env,
            getenv: f('getenv', ([k, d]) => this.opts.env[str(k)] ?? d ?? null),
            getcwd: f('getcwd', () => this.opts.cwd),
            getpid: f('getpid', () => 1n),
            name: 'posix',
            sep: '/',
            linesep: '\n',
            path: { t: 'module', name: 'os.path', attrs: { join: f('join', (a) => a.map((x) => str(x)).reduce((p, c) => (c.startsWith('/') ? c : p.endsWith('/') || !p ? p + c : `${p}/${c}`), '')), exists: f('exists', () => false), basename: f('basename', ([p]) => str(p).split('/').pop() ?? ''), dirname: f('dirname', ([p]) => str(p).split('/').slice(0, -1).join('/')), abspath: f('abspath', ([p]) => str(p)) } },
          },
        };
      case 'sys':
        return {
          t: 'module',
          name,
          attrs: {
            exit: f('exit', ([code]) => this.exit(code)),
            argv: list((this.opts.argv ?? [this.opts.file]).map((a) => a)),
            version: '3.12.8 (main, Dec 24 2024, 22:20:41) [GCC 12.2.0]',
            platform: 'linux',
            executable: '/usr/local/bin/python',
            stdout: { t: 'module', name: 'sys.stdout', attrs: { write: f('write', ([s]) => (this.write('stdout', str(s)), BigInt(str(s).length))), flush: f('flush', () => null) } },
            stderr: { t: 'module', name: 'sys.stderr', attrs: { write: f('write', ([s]) => (this.write('stderr', str(s)), BigInt(str(s).length))), flush: f('flush', () => null) } },
            version_info: tuple([3n, 12n, 8n, 'final', 0n]),
          },
        };
      case 'time':
        return {
          t: 'module',
          name,
          attrs: {
            sleep: f('sleep', ([s]) => {
              this.ms += Math.max(0, Number(s)) * 1000;
              return null;
            }),
            time: f('time', () => 1741000000 + this.ms / 1000),
          },
        };
      case 'math':
        return { t: 'module', name, attrs: { pi: Math.PI, e: Math.E, sqrt: f('sqrt', ([x]) => Math.sqrt(Number(x))), floor: f('floor', ([x]) => BigInt(Math.floor(Number(x)))), ceil: f('ceil', ([x]) => BigInt(Math.ceil(Number(x)))), pow: f('pow', ([a, b]) => Number(a) ** Number(b)) } };
      case 'platform':
        return { t: 'module', name, attrs: { python_version: f('python_version', () => '3.12.8'), system: f('system', () => 'Linux'), machine: f('machine', () => 'x86_64'), release: f('release', () => '6.8.0-51-generic') } };
      case 'json':
        return { t: 'module', name, attrs: { dumps: f('dumps', ([v], kw) => jsonDumps(v, kw.indent === undefined ? undefined : Number(kw.indent), Boolean(kw.sort_keys && truthy(kw.sort_keys)), false)) } };
      default:
        if (this.opts.modules?.[name]) return this.opts.modules[name];
        if (STDLIB.has(name) || STDLIB.has(name.split('.')[0])) throw new Unsupported(`module ${name}`);
        if (this.opts.installed?.(name.split('.')[0])) throw new Unsupported(`module ${name}`);
        throw new PyException('ModuleNotFoundError', `No module named '${name.split('.')[0]}'`);
    }
  }

  run(body: Stmt[]): void {
    this.exec(body, this.globals);
  }

  /** Runs what it can of a module's top level (see PyRunOptions.lenient). */
  runLenient(body: Stmt[]): void {
    for (const st of body) {
      // The main block runs too, statement by statement (a framework's run() is a stub here).
      if (st.s === 'if' && st.branches[0][0] && isMainTest(st.branches[0][0])) {
        this.runLenient(st.branches[0][1]);
        continue;
      }
      try {
        this.stmt(st, this.globals);
      } catch (e) {
        if (e instanceof Unsupported || e instanceof PyException || e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) continue;
        throw e;
      }
    }
  }

  exec(body: Stmt[], scope: Scope): void {
    for (const st of body) {
      this.tick();
      try {
        this.stmt(st, scope);
      } catch (e) {
        if (e instanceof PyException && !e.line) e.line = st.line;
        throw e;
      }
    }
  }

  private stmt(st: Stmt, scope: Scope): void {
    switch (st.s) {
      case 'expr':
        this.eval(st.x, scope);
        return;
      case 'assign': {
        const v = this.eval(st.x, scope);
        for (const t of st.targets) this.assign(t, v, scope);
        return;
      }
      case 'aug': {
        const cur = this.eval(st.target, scope);
        this.assign(st.target, this.binop(st.op, cur, this.eval(st.x, scope)), scope);
        return;
      }
      case 'if':
        for (const [test, body] of st.branches) {
          if (test === null || truthy(this.eval(test, scope))) {
            this.exec(body, scope);
            return;
          }
        }
        return;
      case 'for': {
        let broke = false;
        for (const item of iterate(this.eval(st.iter, scope))) {
          this.assign(st.target, item, scope);
          try {
            this.exec(st.body, scope);
          } catch (e) {
            if (e instanceof BreakSignal) {
              broke = true;
              break;
            }
            if (!(e instanceof ContinueSignal)) throw e;
          }
        }
        if (!broke) this.exec(st.orelse, scope);
        return;
      }
      case 'while':
        while (truthy(this.eval(st.test, scope))) {
          this.tick();
          try {
            this.exec(st.body, scope);
          } catch (e) {
            if (e instanceof BreakSignal) break;
            if (!(e instanceof ContinueSignal)) throw e;
          }
        }
        return;
      case 'def':
        if (st.decorators.length && !this.opts.lenient) throw new Unsupported('decorator');
        scope.vars.set(st.name, { t: 'func', name: st.name, params: st.params, body: st.body, closure: scope });
        return;
      case 'return':
        throw new ReturnSignal(st.x ? this.eval(st.x, scope) : null);
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'pass':
      case 'global':
        return;
      case 'import':
        for (const [name, as] of st.names) {
          if (st.from !== undefined) {
            const mod = this.module(st.from);
            if (name === '*') Object.entries(mod.attrs).forEach(([k, v]) => scope.vars.set(k, v));
            else {
              const v = mod.attrs[name];
              if (v === undefined) throw new PyException('ImportError', `cannot import name '${name}' from '${st.from}'`);
              scope.vars.set(as, v);
            }
          } else {
            const mod = this.module(name);
            scope.vars.set(as, name.includes('.') && as === name.split('.')[0] ? this.module(as) : mod);
          }
        }
        return;
      case 'try':
        try {
          this.exec(st.body, scope);
        } catch (e) {
          if (!(e instanceof PyException)) throw e;
          const handler = st.handlers.find((h) => !h.type || h.type === 'Exception' || h.type === e.type || (h.type === 'ImportError' && e.type === 'ModuleNotFoundError'));
          if (!handler) throw e;
          if (handler.name) scope.vars.set(handler.name, e.detail);
          this.exec(handler.body, scope);
        } finally {
          this.exec(st.final, scope);
        }
        return;
      case 'raise': {
        if (!st.x) throw new PyException('RuntimeError', 'No active exception to reraise');
        const x = st.x;
        if (x.e === 'call' && x.f.e === 'name') throw new PyException(x.f.id, x.args.length ? str(this.eval(x.args[0], scope)) : '');
        if (x.e === 'name') throw new PyException(x.id, '');
        throw new Unsupported('raise');
      }
      case 'class':
      case 'with':
        if (this.opts.lenient) return;
        throw new Unsupported(st.s);
    }
  }

  private assign(target: Expr, v: PyValue, scope: Scope) {
    if (target.e === 'name') scope.vars.set(target.id, v);
    else if (target.e === 'tuple' || target.e === 'list') {
      const items = iterate(v);
      if (items.length !== target.items.length) throw new PyException('ValueError', items.length > target.items.length ? `too many values to unpack (expected ${target.items.length})` : `not enough values to unpack (expected ${target.items.length}, got ${items.length})`);
      target.items.forEach((t, i) => this.assign(t, items[i], scope));
    } else if (target.e === 'sub' && !('slice' in target.index)) {
      const obj = this.eval(target.x, scope);
      const key = this.eval(target.index as Expr, scope);
      if (isObj(obj) && obj.t === 'dict') obj.map.set(keyOf(key), [key, v]);
      else if (isObj(obj) && obj.t === 'list') obj.items[this.index(obj.items.length, key)] = v;
      else throw new PyException('TypeError', `'${typeName(obj)}' object does not support item assignment`);
    } else throw new Unsupported('assignment target');
  }

  private index(length: number, key: PyValue): number {
    if (typeof key !== 'bigint' && typeof key !== 'boolean') throw new PyException('TypeError', `list indices must be integers or slices, not ${typeName(key)}`);
    let i = Number(key);
    if (i < 0) i += length;
    if (i < 0 || i >= length) throw new PyException('IndexError', 'list index out of range');
    return i;
  }

  call(fn: PyValue, args: PyValue[], kwargs: Record<string, PyValue> = {}): PyValue {
    this.tick();
    if (isObj(fn) && fn.t === 'builtin') return fn.call(args, kwargs);
    if (isObj(fn) && fn.t === 'func') {
      const scope = new Scope(fn.closure);
      fn.params.forEach((p, i) => {
        const v = i < args.length ? args[i] : p.name in kwargs ? kwargs[p.name] : p.def ? this.eval(p.def, fn.closure) : undefined;
        if (v === undefined) throw new PyException('TypeError', `${fn.name}() missing 1 required positional argument: '${p.name}'`);
        scope.vars.set(p.name, v);
      });
      try {
        this.exec(fn.body, scope);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.value;
        throw e;
      }
      return null;
    }
    throw new PyException('TypeError', `'${typeName(fn)}' object is not callable`);
  }

  eval(x: Expr, scope: Scope): PyValue {
    switch (x.e) {
      case 'const':
        return x.v;
      case 'name': {
        const v = scope.get(x.id);
        if (v === undefined) throw new PyException('NameError', `name '${x.id}' is not defined`);
        return v;
      }
      case 'fstr':
        return x.parts
          .map((p) => {
            if (typeof p === 'string') return p;
            const v = this.eval(p.expr, scope);
            const shown = p.conv === 'r' ? repr(v) : p.conv === 's' ? str(v) : v;
            const spec = p.spec === undefined ? '' : typeof p.spec === 'string' ? p.spec : str(this.eval(p.spec, scope));
            return formatSpec(shown, spec);
          })
          .join('');
      case 'list':
        return list(x.items.map((i) => this.eval(i, scope)));
      case 'tuple':
        return tuple(x.items.map((i) => this.eval(i, scope)));
      case 'dict': {
        const d: PyDict = { t: 'dict', map: new Map() };
        for (const [k, v] of x.pairs) {
          const key = this.eval(k, scope);
          d.map.set(keyOf(key), [key, this.eval(v, scope)]);
        }
        return d;
      }
      case 'bin':
        return this.binop(x.op, this.eval(x.l, scope), this.eval(x.r, scope));
      case 'unary': {
        const v = this.eval(x.x, scope);
        if (x.op === 'not') return !truthy(v);
        if (x.op === '-') {
          if (typeof v === 'bigint') return -v;
          if (typeof v === 'number') return -v;
          if (typeof v === 'boolean') return v ? -1n : 0n;
          throw new PyException('TypeError', `bad operand type for unary -: '${typeName(v)}'`);
        }
        return v;
      }
      case 'bool': {
        const l = this.eval(x.l, scope);
        if (x.op === 'and') return truthy(l) ? this.eval(x.r, scope) : l;
        return truthy(l) ? l : this.eval(x.r, scope);
      }
      case 'cmp': {
        let left = this.eval(x.xs[0], scope);
        for (let i = 0; i < x.ops.length; i++) {
          const right = this.eval(x.xs[i + 1], scope);
          if (!this.compare(x.ops[i], left, right)) return false;
          left = right;
        }
        return true;
      }
      case 'ifexp':
        return truthy(this.eval(x.test, scope)) ? this.eval(x.a, scope) : this.eval(x.b, scope);
      case 'call': {
        const args = x.args.map((a) => this.eval(a, scope));
        if (x.star) args.push(...iterate(this.eval(x.star, scope)));
        const kwargs: Record<string, PyValue> = {};
        for (const [k, v] of x.kwargs) kwargs[k] = this.eval(v, scope);
        if (x.f.e === 'attr') {
          const obj = this.eval(x.f.x, scope);
          const method = this.method(obj, x.f.name, args, kwargs);
          if (method !== undefined) return method;
          return this.call(this.attr(obj, x.f.name), args, kwargs);
        }
        return this.call(this.eval(x.f, scope), args, kwargs);
      }
      case 'attr':
        return this.attr(this.eval(x.x, scope), x.name);
      case 'sub': {
        const obj = this.eval(x.x, scope);
        if ('slice' in x.index) {
          const [a, b, c] = x.index.slice.map((p) => (p ? Number(this.eval(p, scope)) : undefined));
          const seq = typeof obj === 'string' ? [...obj] : isObj(obj) && (obj.t === 'list' || obj.t === 'tuple') ? obj.items : undefined;
          if (!seq) throw new PyException('TypeError', `'${typeName(obj)}' object is not subscriptable`);
          let out = c !== undefined && c < 0 ? [...seq].reverse().slice(a === undefined ? 0 : seq.length - 1 - a, b === undefined ? undefined : seq.length - 1 - b) : seq.slice(a, b);
          if (c !== undefined && Math.abs(c) > 1) out = out.filter((_, i) => i % Math.abs(c) === 0);
          return typeof obj === 'string' ? (out as string[]).join('') : isObj(obj) && obj.t === 'tuple' ? tuple(out as PyValue[]) : list(out as PyValue[]);
        }
        const key = this.eval(x.index, scope);
        if (isObj(obj) && obj.t === 'dict') {
          const hit = obj.map.get(keyOf(key));
          if (!hit) throw new PyException('KeyError', repr(key));
          return hit[1];
        }
        if (typeof obj === 'string') return [...obj][this.index([...obj].length, key)];
        if (isObj(obj) && (obj.t === 'list' || obj.t === 'tuple')) return obj.items[this.index(obj.items.length, key)];
        throw new PyException('TypeError', `'${typeName(obj)}' object is not subscriptable`);
      }
      case 'comp': {
        const inner = new Scope(scope);
        const items: PyValue[] = [];
        const d: PyDict = { t: 'dict', map: new Map() };
        for (const item of iterate(this.eval(x.iter, inner))) {
          this.assign(x.target, item, inner);
          if (!x.conds.every((c) => truthy(this.eval(c, inner)))) continue;
          if (x.kind === 'dict') {
            const k = this.eval(x.elt, inner);
            d.map.set(keyOf(k), [k, this.eval(x.val!, inner)]);
          } else items.push(this.eval(x.elt, inner));
        }
        return x.kind === 'dict' ? d : list(items);
      }
      case 'lambda':
        return { t: 'func', name: '<lambda>', params: x.params.map((name) => ({ name })), body: [{ s: 'return', x: x.body, line: 0 }], closure: scope };
    }
  }

  private attr(obj: PyValue, name: string): PyValue {
    if (isObj(obj) && obj.t === 'module') {
      const v = obj.attrs[name];
      if (v === undefined) throw new PyException('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
      return v;
    }
    throw new PyException('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
  }

  private method(obj: PyValue, name: string, args: PyValue[], kw: Record<string, PyValue>): PyValue | undefined {
    if (typeof obj === 'string') {
      const s = obj;
      switch (name) {
        case 'upper':
          return s.toUpperCase();
        case 'lower':
          return s.toLowerCase();
        case 'title':
          return s.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
        case 'capitalize':
          return s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s;
        case 'strip':
          return args[0] === undefined || args[0] === null ? s.trim() : s.replace(new RegExp(`^[${escapeRe(str(args[0]))}]+|[${escapeRe(str(args[0]))}]+$`, 'g'), '');
        case 'lstrip':
          return s.trimStart();
        case 'rstrip':
          return s.trimEnd();
        case 'split':
          return list(args[0] === undefined || args[0] === null ? s.trim().split(/\s+/).filter(Boolean) : s.split(str(args[0])));
        case 'splitlines':
          return list(s.split(/\r?\n/).filter((l, i, a) => i < a.length - 1 || l !== ''));
        case 'join':
          return iterate(args[0]).map((v) => {
            if (typeof v !== 'string') throw new PyException('TypeError', `sequence item 0: expected str instance, ${typeName(v)} found`);
            return v;
          }).join(s);
        case 'replace':
          return s.split(str(args[0])).join(str(args[1]));
        case 'startswith':
          return s.startsWith(str(args[0]));
        case 'endswith':
          return s.endsWith(str(args[0]));
        case 'count':
          return BigInt(s.split(str(args[0])).length - 1);
        case 'find':
          return BigInt(s.indexOf(str(args[0])));
        case 'center':
        case 'ljust':
        case 'rjust': {
          const w = Number(args[0]);
          const fill = args[1] === undefined ? ' ' : str(args[1]);
          return formatSpec(s, `${fill}${name === 'center' ? '^' : name === 'ljust' ? '<' : '>'}${w}`);
        }
        case 'zfill':
          return s.padStart(Number(args[0]), '0');
        case 'isdigit':
          return /^\d+$/.test(s);
        case 'format': {
          let auto = 0;
          return s.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (m, field?: string) => {
            if (m === '{{') return '{';
            if (m === '}}') return '}';
            const [ref, spec = ''] = (field ?? '').split(/:(.*)/s);
            const [key, conv] = ref.split('!');
            const v = key === '' ? args[auto++] : /^\d+$/.test(key) ? args[Number(key)] : kw[key];
            if (v === undefined) throw new PyException(key === '' || /^\d+$/.test(key) ? 'IndexError' : 'KeyError', key === '' || /^\d+$/.test(key) ? 'Replacement index 0 out of range for positional args tuple' : repr(key));
            return formatSpec(conv === 'r' ? repr(v) : v, spec);
          });
        }
        case 'encode':
          return s;
      }
      throw new PyException('AttributeError', `'str' object has no attribute '${name}'`);
    }
    if (isObj(obj) && obj.t === 'list') {
      switch (name) {
        case 'append':
          obj.items.push(args[0]);
          return null;
        case 'extend':
          obj.items.push(...iterate(args[0]));
          return null;
        case 'pop':
          return obj.items.splice(args[0] === undefined ? obj.items.length - 1 : this.index(obj.items.length, args[0]), 1)[0] ?? null;
        case 'insert':
          obj.items.splice(Number(args[0]), 0, args[1]);
          return null;
        case 'index':
          return BigInt(obj.items.findIndex((v) => this.compare('==', v, args[0])));
        case 'count':
          return BigInt(obj.items.filter((v) => this.compare('==', v, args[0])).length);
        case 'sort':
          obj.items.sort((a, b) => (this.compare('<', a, b) ? -1 : this.compare('>', a, b) ? 1 : 0));
          if (kw.reverse && truthy(kw.reverse)) obj.items.reverse();
          return null;
        case 'reverse':
          obj.items.reverse();
          return null;
      }
      throw new PyException('AttributeError', `'list' object has no attribute '${name}'`);
    }
    if (isObj(obj) && obj.t === 'dict') {
      switch (name) {
        case 'get':
          return obj.map.get(keyOf(args[0]))?.[1] ?? args[1] ?? null;
        case 'keys':
          return list([...obj.map.values()].map(([k]) => k));
        case 'values':
          return list([...obj.map.values()].map(([, v]) => v));
        case 'items':
          return list([...obj.map.values()].map(([k, v]) => tuple([k, v])));
        case 'update':
          for (const [k, v] of isObj(args[0]) && args[0].t === 'dict' ? args[0].map : []) obj.map.set(k, v);
          return null;
        case 'setdefault':
          if (!obj.map.has(keyOf(args[0]))) obj.map.set(keyOf(args[0]), [args[0], args[1] ?? null]);
          return obj.map.get(keyOf(args[0]))![1];
      }
      throw new PyException('AttributeError', `'dict' object has no attribute '${name}'`);
    }
    return undefined;
  }

  binop(op: string, a: PyValue, b: PyValue): PyValue {
    const num = (v: PyValue) => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
    if (op === '+' && isObj(a) && isObj(b) && a.t === 'list' && b.t === 'list') return list([...a.items, ...b.items]);
    if (op === '*' && typeof a === 'string' && (typeof b === 'bigint' || typeof b === 'boolean')) return a.repeat(Math.max(0, Number(b)));
    if (op === '*' && typeof b === 'string' && typeof a === 'bigint') return b.repeat(Math.max(0, Number(a)));
    if (op === '*' && isObj(a) && a.t === 'list' && typeof b === 'bigint') return list(Array.from({ length: Number(b) }, () => a.items).flat());
    if (op === '%' && typeof a === 'string') return percentFormat(a, b);
    if (num(a) && num(b)) {
      const bothInt = typeof a !== 'number' && typeof b !== 'number';
      if (bothInt) {
        const x = BigInt(a as bigint);
        const y = BigInt(b as bigint);
        switch (op) {
          case '+':
            return x + y;
          case '-':
            return x - y;
          case '*':
            return x * y;
          case '/':
            if (y === 0n) throw new PyException('ZeroDivisionError', 'division by zero');
            return Number(x) / Number(y);
          case '//':
            if (y === 0n) throw new PyException('ZeroDivisionError', 'integer division or modulo by zero');
            return x / y - ((x % y !== 0n) && ((x < 0n) !== (y < 0n)) ? 1n : 0n);
          case '%':
            if (y === 0n) throw new PyException('ZeroDivisionError', 'integer modulo by zero');
            return ((x % y) + y) % y;
          case '**':
            return y < 0n ? Number(x) ** Number(y) : x ** y;
        }
      }
      const x = Number(a);
      const y = Number(b);
      switch (op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          if (y === 0) throw new PyException('ZeroDivisionError', 'float division by zero');
          return x / y;
        case '//':
          return Math.floor(x / y);
        case '%':
          return ((x % y) + y) % y;
        case '**':
          return x ** y;
      }
    }
    const sym = op;
    throw new PyException('TypeError', op === '+' && typeof a === 'string' ? `can only concatenate str (not "${typeName(b)}") to str` : `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
  }

  compare(op: string, a: PyValue, b: PyValue): boolean {
    switch (op) {
      case '==':
        return equal(a, b);
      case '!=':
        return !equal(a, b);
      case 'is':
        return a === b || (a === null && b === null);
      case 'is not':
        return !(a === b || (a === null && b === null));
      case 'in':
      case 'not in': {
        let found: boolean;
        if (typeof b === 'string') found = b.includes(str(a));
        else if (isObj(b) && b.t === 'dict') found = b.map.has(keyOf(a));
        else found = iterate(b).some((v) => equal(v, a));
        return op === 'in' ? found : !found;
      }
    }
    const numeric = (v: PyValue) => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
    let x: number | string;
    let y: number | string;
    if (numeric(a) && numeric(b)) {
      x = Number(a);
      y = Number(b);
    } else if (typeof a === 'string' && typeof b === 'string') {
      x = a;
      y = b;
    } else throw new PyException('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
    switch (op) {
      case '<':
        return x < y;
      case '>':
        return x > y;
      case '<=':
        return x <= y;
      default:
        return x >= y;
    }
  }

  get elapsed(): number {
    return this.ms;
  }
}

/** `__name__ == "__main__"` (either way round). */
export function isMainTest(x: Expr): boolean {
  if (x.e !== 'cmp' || x.ops.length !== 1 || x.ops[0] !== '==') return false;
  const [a, b] = x.xs;
  const isName = (e: Expr) => e.e === 'name' && e.id === '__name__';
  const isMain = (e: Expr) => e.e === 'const' && e.v === '__main__';
  return (isName(a) && isMain(b)) || (isName(b) && isMain(a));
}

function escapeRe(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

function equal(a: PyValue, b: PyValue): boolean {
  const numeric = (v: PyValue) => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
  if (numeric(a) && numeric(b)) return Number(a) === Number(b);
  if (isObj(a) && isObj(b)) return repr(a) === repr(b);
  return a === b;
}

/** json.dumps with Python's defaults (`", "` and `": "`), or Flask's compact form. */
export function jsonDumps(v: PyValue, indent?: number, sortKeys = false, compact = false, level = 0): string {
  const sepItem = compact ? ',' : ', ';
  const sepKey = compact ? ':' : ': ';
  const pad = (n: number) => (indent === undefined ? '' : `\n${' '.repeat(indent * n)}`);
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v).replace(/^inf$/, 'Infinity');
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (v.t === 'list' || v.t === 'tuple') {
    if (!v.items.length) return '[]';
    const sep = indent === undefined ? sepItem : ',';
    return `[${pad(level + 1)}${v.items.map((i) => jsonDumps(i, indent, sortKeys, compact, level + 1)).join(sep + pad(level + 1))}${pad(level)}]`;
  }
  if (v.t === 'dict') {
    let entries = [...v.map.values()];
    if (!entries.length) return '{}';
    if (sortKeys) entries = entries.sort(([a], [b]) => (str(a) < str(b) ? -1 : 1));
    const sep = indent === undefined ? sepItem : ',';
    return `{${pad(level + 1)}${entries.map(([k, val]) => `${JSON.stringify(str(k))}${sepKey}${jsonDumps(val, indent, sortKeys, compact, level + 1)}`).join(sep + pad(level + 1))}${pad(level)}}`;
  }
  throw new PyException('TypeError', `Object of type ${typeName(v)} is not JSON serializable`);
}

export function parsePython(src: string): Stmt[] {
  return new Parser(lex(src)).module();
}

/** Parses one expression (for a route's return value). */
export function parseExpr(src: string): Expr {
  return new Parser(lex(src)).expr();
}

/** The traceback Python prints for an uncaught exception. */
export function traceback(e: PyException, file: string, lines: string[]): string {
  const code = (lines[e.line - 1] ?? '').trim();
  let caret = '';
  const name = e.type === 'NameError' ? /^name '(\w+)'/.exec(e.detail)?.[1] : undefined;
  if (name && code !== name) {
    const at = new RegExp(`\\b${name}\\b`).exec(code)?.index;
    if (at !== undefined) caret = `    ${' '.repeat(at)}${'^'.repeat(name.length)}\n`;
  }
  // Python 3.12 cannot show the source of `-c` or stdin code (`<string>`, `<stdin>`) in a traceback.
  const source = file.startsWith('<') ? '' : `    ${code}\n${caret}`;
  const where = e.line ? `  File "${file}", line ${e.line}, in <module>\n${source}` : '';
  if (e.type === 'SyntaxError' || e.type === 'IndentationError') {
    return `  File "${file}", line ${e.line}\n    ${(lines[e.line - 1] ?? '').trim()}\n${e.type}: ${e.detail}\n`;
  }
  return `Traceback (most recent call last):\n${where}${e.type}${e.detail ? `: ${e.detail}` : ''}\n`;
}

/** Runs a whole script as `python file` would. Throws Unsupported when it cannot tell. */
export function runPython(src: string, opts: PyRunOptions): PyOutcome {
  const lines = src.split('\n');
  let body: Stmt[];
  const interp = new Interpreter(opts);
  try {
    body = parsePython(src);
  } catch (e) {
    if (e instanceof PyException) return { output: [{ stream: 'stderr', text: traceback(e, opts.file, lines), atMs: 0 }], exitCode: 1, ms: 0, globals: interp.globals.vars };
    throw e;
  }
  let exitCode = 0;
  try {
    interp.run(body);
  } catch (e) {
    if (e instanceof SysExit) {
      if (e.text !== undefined) interp.output.push({ stream: 'stderr', text: `${e.text}\n`, atMs: interp.elapsed });
      exitCode = e.code;
    } else if (e instanceof PyException) {
      interp.output.push({ stream: 'stderr', text: traceback(e, opts.file, lines), atMs: interp.elapsed });
      exitCode = 1;
    } else if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
      throw new Unsupported('statement outside function or loop');
    } else throw e;
  }
  return { output: interp.output, exitCode, ms: interp.elapsed, globals: interp.globals.vars };
}
