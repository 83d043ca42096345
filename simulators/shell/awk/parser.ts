// awk's grammar (POSIX's, as mawk's parse.y reads it) by recursive descent, with mawk's words for
// what it refuses: `syntax error at or near X`, `missing ) near X`, `extra '}'`, `illegal reference
// to array a`, `function f never defined`.
import type { Expr, FunctionDef, LValue, Program, Redirect, Rule, Stmt, VarRef } from './ast';
import { UNLIMITED } from '../../core/budget';
import { AwkSyntaxError, BUILTINS, tokenize, type Token } from './lexer';
import { compileAwkRegex } from './regex';

type Kind = 'scalar' | 'array';

/** The special variables: always scalars. */
const SPECIAL = new Set(['NR', 'FNR', 'NF', 'FS', 'OFS', 'ORS', 'RS', 'FILENAME', 'SUBSEP', 'RSTART', 'RLENGTH', 'CONVFMT', 'OFMT']);

interface FunctionScope {
  name: string;
  params: string[];
  kinds: (Kind | undefined)[];
}

/** How mawk shows a token in `syntax error at or near X`. */
function shown(tok: Token): string {
  switch (tok.t) {
    case 'eof':
      return 'end of file';
    case 'nl':
      return 'end of line';
    case 'num':
      return tok.text;
    case 'ere':
      return `/${tok.v}/`;
    default:
      return tok.v;
  }
}

class Parser {
  private pos = 0;
  private parens = 0;
  private braces = 0;
  private loops = 0;
  private fn: FunctionScope | null = null;
  private globals = new Map<string, Kind>();
  private functions = new Map<string, FunctionDef>();
  /** Calls seen, checked against the definitions once all are read. */
  private calls: { name: string; args: Expr[]; line: number; fn: FunctionScope | null }[] = [];
  /** In a print's arguments, `>` is a redirection, not a comparison. */
  private noGt = false;

  constructor(private tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.pos];
  }
  private peek(n = 1): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)];
  }
  private isOp(v: string, tok = this.tok) {
    return tok.t === 'op' && tok.v === v;
  }
  private isKw(v: string, tok = this.tok) {
    return tok.t === 'kw' && tok.v === v;
  }
  private next(): Token {
    const tok = this.tok;
    if (tok.t === 'op') {
      if (tok.v === '(') this.parens++;
      else if (tok.v === ')') this.parens = Math.max(0, this.parens - 1);
      else if (tok.v === '{') this.braces++;
      else if (tok.v === '}') this.braces = Math.max(0, this.braces - 1);
    }
    if (this.pos < this.tokens.length - 1) this.pos++;
    return tok;
  }

  /** mawk's yyerror: a missing ) or } when that explains the token, else a syntax error at it. */
  fail(tok: Token = this.tok): never {
    const text = shown(tok);
    if (this.parens > 0 && (tok.t === 'eof' || tok.t === 'nl' || this.isOp(';', tok) || this.isOp('}', tok))) {
      throw new AwkSyntaxError(`missing ) near ${text}`, tok.line);
    }
    if (this.braces > 0 && (tok.t === 'eof' || this.isKw('BEGIN', tok) || this.isKw('END', tok))) {
      throw new AwkSyntaxError(`missing } near ${text}`, tok.line);
    }
    throw new AwkSyntaxError(`syntax error at or near ${text}`, tok.line);
  }

  private expectOp(v: string) {
    if (!this.isOp(v)) this.fail();
    this.next();
  }

  private newlines() {
    while (this.tok.t === 'nl') this.next();
  }

  private terminators() {
    while (this.tok.t === 'nl' || this.isOp(';')) this.next();
  }

  // ---- variables and their kinds ----

  private ref(name: string): VarRef {
    if (this.fn) {
      const slot = this.fn.params.indexOf(name);
      if (slot >= 0) return { scope: 'local', slot, name };
    }
    return { scope: 'global', name };
  }

  private use(ref: VarRef, kind: Kind, line: number) {
    if (ref.scope === 'local') {
      const known = this.fn!.kinds[ref.slot];
      if (known && known !== kind) throw new AwkSyntaxError(`illegal reference to local ${known === 'array' ? 'array' : 'variable'} ${ref.name}`, line);
      this.fn!.kinds[ref.slot] = kind;
      return;
    }
    if (this.functions.has(ref.name) || this.fnNames.has(ref.name)) throw new AwkSyntaxError(`syntax error at or near ${ref.name}`, line);
    const known = this.globals.get(ref.name) ?? (SPECIAL.has(ref.name) ? 'scalar' : ref.name === 'ENVIRON' || ref.name === 'ARGV' ? 'array' : undefined);
    if (known && known !== kind) throw new AwkSyntaxError(`illegal reference to ${known === 'array' ? 'array' : 'variable'} ${ref.name}`, line);
    this.globals.set(ref.name, kind);
  }

  private fnNames = new Set<string>();

  // ---- the program ----

  program(): Program {
    // Function names are known before their bodies: a call may come first.
    this.tokens.forEach((t, i) => {
      const after = this.tokens[i + 1];
      if (t.t === 'kw' && t.v === 'function' && after?.t === 'name') this.fnNames.add(after.v);
    });
    const program: Program = { begin: [], rules: [], end: [], functions: this.functions, arrays: new Set() };
    this.terminators();
    while (this.tok.t !== 'eof') {
      if (this.isOp('}')) {
        // A `}` with no `{`: mawk says so, then trips on what follows it.
        const tok = this.next();
        const after: Token = this.tokens[this.pos];
        const then = after.t === 'nl' || after.t === 'eof' ? new AwkSyntaxError('syntax error at or near end of line', after.line) : undefined;
        throw new AwkSyntaxError("extra '}'", tok.line, false, then);
      }
      if (this.isKw('BEGIN') || this.isKw('END')) {
        const which = this.next() as Token & { v: string };
        this.newlines();
        if (!this.isOp('{')) this.fail();
        this.inBeginOrEnd = true;
        (which.v === 'BEGIN' ? program.begin : program.end).push(this.block());
        this.inBeginOrEnd = false;
      } else if (this.isKw('function')) {
        this.functionDef();
      } else {
        program.rules.push(this.rule());
      }
      if ((this.tok as Token).t !== 'eof' && (this.tok as Token).t !== 'nl' && !this.isOp(';') && !this.isOp('{') && !this.isKw('BEGIN') && !this.isKw('END') && !this.isKw('function')) {
        // Items follow one another on a line only after a closing brace.
        const prev = this.tokens[this.pos - 1];
        if (!(prev.t === 'op' && prev.v === '}')) this.fail();
      }
      this.terminators();
    }
    for (const call of this.calls) {
      const def = this.functions.get(call.name);
      if (!def) throw new AwkSyntaxError(`function ${call.name} never defined`, this.tok.line);
      if (call.args.length > def.params.length) throw new AwkSyntaxError(`too many arguments in call to ${call.name}`, call.line);
    }
    // A parameter passed on to a function that uses its own as an array is an array too.
    for (let changed = true; changed; ) {
      changed = false;
      for (const call of this.calls) {
        const def = this.functions.get(call.name)!;
        call.args.forEach((arg, i) => {
          if (arg.k !== 'var' || arg.ref.scope !== 'local' || !def.arrays[i] || !call.fn) return;
          const caller = this.functions.get(call.fn.name)!;
          if (!caller.arrays[arg.ref.slot]) {
            caller.arrays[arg.ref.slot] = true;
            changed = true;
          }
        });
      }
    }
    // A value passed where the function uses an array: mawk refuses the call when compiling it.
    for (const call of this.calls) {
      const def = this.functions.get(call.name)!;
      call.args.forEach((arg, i) => {
        if (!def.arrays[i]) return;
        const bare = arg.k === 'var';
        const scalarGlobal = bare && arg.ref.scope === 'global' && (this.globals.get(arg.ref.name) === 'scalar' || SPECIAL.has(arg.ref.name));
        if (!bare || scalarGlobal) throw new AwkSyntaxError(`type error in arg(${i + 1}) in call to ${call.name} (actual local variable vs local array)`, call.line);
      });
    }
    // Bare global names passed to functions: arrays where the parameter is one, else scalars.
    for (const call of this.calls) {
      const def = this.functions.get(call.name)!;
      call.args.forEach((arg, i) => {
        if (arg.k === 'var' && arg.ref.scope === 'global') this.use(arg.ref, def.arrays[i] ? 'array' : this.globals.get(arg.ref.name) ?? 'scalar', call.line);
      });
    }
    for (const [name, kind] of this.globals) if (kind === 'array') program.arrays.add(name);
    return program;
  }

  private rule(): Rule {
    const pattern: Expr[] = [];
    if (!this.isOp('{')) {
      pattern.push(this.expr());
      if (this.isOp(',')) {
        this.next();
        this.newlines();
        pattern.push(this.expr());
      }
    }
    if (this.isOp('{')) return { pattern, action: this.block() };
    return { pattern };
  }

  private functionDef() {
    this.next();
    const nameTok = this.tok;
    if (nameTok.t !== 'name') this.fail();
    this.next();
    if (this.functions.has(nameTok.v)) throw new AwkSyntaxError(`function ${nameTok.v} redefined`, nameTok.line);
    this.expectOp('(');
    const params: string[] = [];
    while (!this.isOp(')')) {
      const p = this.tok;
      if (p.t !== 'name') this.fail();
      params.push(p.v);
      this.next();
      if (this.isOp(',')) {
        this.next();
        this.newlines();
      } else if (!this.isOp(')')) this.fail();
    }
    this.next();
    this.newlines();
    const scope: FunctionScope = { name: nameTok.v, params, kinds: params.map(() => undefined) };
    const def: FunctionDef = { name: nameTok.v, params, arrays: [], body: [] };
    this.functions.set(nameTok.v, def);
    this.fn = scope;
    if (!this.isOp('{')) this.fail();
    def.body = this.block();
    this.fn = null;
    def.arrays = scope.kinds.map((k) => k === 'array');
  }

  // ---- statements ----

  private block(): Stmt[] {
    this.expectOp('{');
    const body: Stmt[] = [];
    this.terminators();
    while (!this.isOp('}')) {
      if (this.tok.t === 'eof') this.fail();
      body.push(this.statement());
      this.terminators();
    }
    this.next();
    return body;
  }

  /** Ends a simple statement: `;`, a newline, or (left in place) a `}`. */
  private endSimple() {
    if (this.isOp(';') || this.tok.t === 'nl') {
      this.next();
      return;
    }
    if (this.isOp('}') || this.tok.t === 'eof') return;
    this.fail();
  }

  /** A statement that is the body of if, while, for: may be on the next line. */
  private body(): Stmt {
    this.newlines();
    if (this.isOp(';')) {
      this.next();
      return { k: 'nop' };
    }
    return this.statement();
  }

  private statement(): Stmt {
    const tok = this.tok;
    if (this.isOp('}')) return { k: 'nop' };
    if (this.isOp(';')) {
      this.next();
      return { k: 'nop' };
    }
    if (this.isOp('{')) return { k: 'block', body: this.block() };
    if (tok.t === 'kw') {
      switch (tok.v) {
        case 'if': {
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          const then = this.body();
          // `else` may follow on a later line, after the then-statement's own terminator.
          const save = this.pos;
          this.terminatorsKeepingElse();
          if (this.isKw('else')) {
            this.next();
            return { k: 'if', test, then, else: this.body() };
          }
          this.pos = save;
          return { k: 'if', test, then };
        }
        case 'while': {
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          if (this.isOp(';')) {
            this.next();
            return { k: 'while', test, body: { k: 'nop' } };
          }
          return { k: 'while', test, body: this.loopBody() };
        }
        case 'do': {
          this.next();
          const body = this.loopBody();
          this.terminators();
          if (!this.isKw('while')) this.fail();
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          this.endSimple();
          return { k: 'do', body, test };
        }
        case 'for':
          return this.forStatement();
        case 'break':
        case 'continue':
          this.next();
          if (!this.loops) throw new AwkSyntaxError(`improper use of ${tok.v}`, tok.line);
          this.endSimple();
          return { k: tok.v };
        case 'next':
        case 'nextfile':
          this.next();
          if (this.inBeginOrEnd) throw new AwkSyntaxError(`improper use of ${tok.v}`, tok.line);
          this.endSimple();
          return { k: tok.v };
        case 'exit': {
          this.next();
          const e = this.atEndOfSimple() ? undefined : this.expr();
          this.endSimple();
          return { k: 'exit', e };
        }
        case 'return': {
          this.next();
          if (!this.fn) throw new AwkSyntaxError('return outside function body', tok.line);
          const e = this.atEndOfSimple() ? undefined : this.expr();
          this.endSimple();
          return { k: 'return', e };
        }
        case 'delete': {
          this.next();
          const name = this.tok;
          if (name.t !== 'name') this.fail();
          this.next();
          const ref = this.ref(name.v);
          this.use(ref, 'array', name.line);
          let subs: Expr[] | undefined;
          if (this.isOp('[')) {
            this.next();
            subs = this.exprList(']');
          }
          this.endSimple();
          return { k: 'delete', ref, subs };
        }
        case 'print':
        case 'printf':
          return this.printStatement();
        case 'getline':
          break;
        default:
          if (tok.v !== 'in') this.fail();
      }
    }
    const e = this.expr();
    this.endSimple();
    return { k: 'expr', e };
  }

  /** Set by the caller while reading BEGIN and END actions (next is refused there). */
  inBeginOrEnd = false;

  private atEndOfSimple() {
    return this.isOp(';') || this.isOp('}') || this.tok.t === 'nl' || this.tok.t === 'eof';
  }

  /** Newlines and one `;` may stand between a then-statement and its else. */
  private terminatorsKeepingElse() {
    let i = this.pos;
    while (this.tokens[i].t === 'nl' || (this.tokens[i].t === 'op' && (this.tokens[i] as { v: string }).v === ';')) i++;
    if (this.tokens[i].t === 'kw' && (this.tokens[i] as { v: string }).v === 'else') this.pos = i;
  }

  private loopBody(): Stmt {
    this.loops++;
    try {
      return this.body();
    } finally {
      this.loops--;
    }
  }

  private forStatement(): Stmt {
    this.next();
    this.expectOp('(');
    // for (k in a): a name, `in`, a name, `)`.
    const a = this.tok;
    const b = this.peek();
    const c = this.peek(2);
    const d = this.peek(3);
    if (a.t === 'name' && this.isKw('in', b) && c.t === 'name' && this.isOp(')', d)) {
      this.next();
      this.next();
      this.next();
      this.next();
      const target = this.ref(a.v);
      this.use(target, 'scalar', a.line);
      const array = this.ref(c.v);
      this.use(array, 'array', c.line);
      return { k: 'forin', target, array, body: this.loopBody() };
    }
    if (a.t === 'name' && this.isKw('in', b)) {
      this.next();
      this.next();
      this.fail();
    }
    const init = this.isOp(';') ? undefined : this.expr();
    this.expectOp(';');
    this.newlines();
    const test = this.isOp(';') ? undefined : this.expr();
    this.expectOp(';');
    this.newlines();
    const step = this.isOp(')') ? undefined : this.expr();
    this.expectOp(')');
    if (this.isOp(';')) {
      this.next();
      return { k: 'for', init, test, step, body: { k: 'nop' } };
    }
    return { k: 'for', init, test, step, body: this.loopBody() };
  }

  private printStatement(): Stmt {
    const tok = this.next() as Token & { v: string };
    let args: Expr[] = [];
    const saveNoGt = this.noGt;
    this.noGt = true;
    try {
      if (this.isOp('(')) {
        // `print (a, b) > "f"`: a parenthesised list is the arguments; one expression in
        // parentheses is just the start of an expression (`print (1)(2)`).
        const save = this.pos;
        const saveParens = this.parens;
        this.next();
        const saveGt = this.noGt;
        this.noGt = false;
        const list = this.isOp(')') ? [] : this.exprList(')');
        this.noGt = saveGt;
        if (list.length >= 2 || (list.length === 1 && this.endsPrintArgs())) {
          args = list;
          if (!this.endsPrintArgs()) this.fail();
        } else {
          this.pos = save;
          this.parens = saveParens;
          args = this.printArgs();
        }
      } else if (!this.endsPrintArgs()) args = this.printArgs();
    } finally {
      this.noGt = saveNoGt;
    }
    let dest: Redirect | undefined;
    if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
      const mode = this.next() as Token & { v: '>' | '>>' | '|' };
      dest = { mode: mode.v, target: this.concatenation() };
    }
    if (tok.v === 'printf' && args.length === 0) throw new AwkSyntaxError('no arguments in call to printf', tok.line);
    this.endSimple();
    return tok.v === 'print' ? { k: 'print', args, dest } : { k: 'printf', args, dest, line: tok.line };
  }

  private endsPrintArgs() {
    return this.atEndOfSimple() || this.isOp('>') || this.isOp('>>') || this.isOp('|');
  }

  private printArgs(): Expr[] {
    const args = [this.expr()];
    while (this.isOp(',')) {
      this.next();
      this.newlines();
      args.push(this.expr());
    }
    return args;
  }

  private exprList(close: string): Expr[] {
    const list: Expr[] = [];
    this.newlines();
    for (;;) {
      list.push(this.expr());
      this.newlines();
      if (this.isOp(',')) {
        this.next();
        this.newlines();
        continue;
      }
      if (this.isOp(close)) {
        this.next();
        return list;
      }
      this.fail();
    }
  }

  // ---- expressions, loosest first ----

  expr(): Expr {
    const left = this.ternary();
    const op = this.tok;
    if (op.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(op.v) && isLValue(left)) {
      this.next();
      return { k: 'assign', op: op.v, target: left, value: this.expr() };
    }
    return left;
  }

  private ternary(): Expr {
    const test = this.or();
    if (!this.isOp('?')) return test;
    this.next();
    const then = this.expr();
    this.expectOp(':');
    return { k: 'cond', test, then, else: this.expr() };
  }

  private or(): Expr {
    let l = this.and();
    while (this.isOp('||')) {
      this.next();
      this.newlines();
      l = { k: 'or', l, r: this.and() };
    }
    return l;
  }

  private and(): Expr {
    let l = this.inExpr();
    while (this.isOp('&&')) {
      this.next();
      this.newlines();
      l = { k: 'and', l, r: this.inExpr() };
    }
    return l;
  }

  private inExpr(): Expr {
    let l = this.matchExpr();
    while (this.isKw('in')) {
      const line = this.next().line;
      const name = this.tok;
      if (name.t !== 'name') this.fail();
      this.next();
      const ref = this.ref(name.v);
      this.use(ref, 'array', line);
      l = { k: 'in', subs: l.k === 'group' && l.list ? l.list : [l], ref };
    }
    return l;
  }

  private matchExpr(): Expr {
    let l = this.comparison();
    while (this.isOp('~') || this.isOp('!~')) {
      const op = this.next();
      l = { k: 'match', negate: (op as { v: string }).v === '!~', l, r: this.comparison(), line: op.line };
    }
    return l;
  }

  private comparison(): Expr {
    let l = this.concatenation();
    for (;;) {
      const tok = this.tok;
      if (tok.t !== 'op' || !['<', '<=', '==', '!=', '>', '>='].includes(tok.v)) return l;
      if (tok.v === '>' && this.noGt) return l;
      this.next();
      l = { k: 'cmp', op: tok.v as '<', l, r: this.concatenation() };
    }
  }

  /** Whether the token can start an operand that concatenates (not + or -, which add). */
  private startsConcat(tok: Token): boolean {
    if (tok.t === 'num' || tok.t === 'str' || tok.t === 'ere' || tok.t === 'name' || tok.t === 'builtin') return true;
    if (tok.t === 'kw') return tok.v === 'getline';
    if (tok.t === 'op') return tok.v === '$' || tok.v === '!' || tok.v === '(' || tok.v === '++' || tok.v === '--' || tok.v === '-' || tok.v === '+';
    return false;
  }

  concatenation(): Expr {
    let l = this.additive();
    for (;;) {
      const tok = this.tok;
      if (this.isOp('|') && this.isKw('getline', this.peek())) {
        // cmd | getline [var]
        this.next();
        this.next();
        const target = this.optionalLValue();
        l = { k: 'getline', from: 'cmd', src: l, target };
        continue;
      }
      if (!this.startsConcat(tok) || (tok.t === 'op' && (tok.v === '-' || tok.v === '+'))) return l;
      if (this.isKw('in', tok)) return l;
      l = { k: 'concat', l, r: this.additive() };
    }
  }

  private additive(): Expr {
    let l = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { v: '+' | '-' }).v;
      l = { k: 'bin', op, l, r: this.multiplicative() };
    }
    return l;
  }

  private multiplicative(): Expr {
    let l = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.next() as { v: '*' | '/' | '%' }).v;
      l = { k: 'bin', op, l, r: this.unary() };
    }
    return l;
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = (this.next() as { v: '!' | '-' | '+' }).v;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.isOp('^')) {
      this.next();
      // Right-associative, and the exponent may carry a sign: 2^-1.
      const exponent = this.isOp('-') || this.isOp('+') || this.isOp('!') ? this.unary() : this.power();
      return { k: 'bin', op: '^', l: base, r: exponent };
    }
    return base;
  }

  private postfix(): Expr {
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && isLValue(e)) {
      const op = (this.next() as { v: '++' | '--' }).v;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private optionalLValue(): LValue | undefined {
    const tok = this.tok;
    if (this.isOp('$')) return this.primary() as LValue;
    if (tok.t === 'name' && !tok.call) {
      const e = this.primary();
      if (isLValue(e)) return e;
    }
    return undefined;
  }

  private primary(): Expr {
    const tok = this.tok;
    switch (tok.t) {
      case 'num':
        this.next();
        return { k: 'num', v: tok.v };
      case 'str':
        this.next();
        return { k: 'str', v: tok.v };
      case 'ere':
        this.next();
        return { k: 'regex', source: tok.v, line: tok.line };
      case 'builtin':
        return this.builtinCall();
      case 'name': {
        this.next();
        if (tok.call || (this.fnNames.has(tok.v) && this.isOp('('))) {
          this.next();
          const args = this.callArgs();
          const call: Expr = { k: 'call', name: tok.v, args, line: tok.line };
          this.calls.push({ name: tok.v, args, line: tok.line, fn: this.fn });
          return call;
        }
        if (this.fnNames.has(tok.v)) this.fail(tok);
        const ref = this.ref(tok.v);
        if (this.isOp('[')) {
          this.next();
          const subs = this.exprList(']');
          this.use(ref, 'array', tok.line);
          return { k: 'index', ref, subs };
        }
        if (ref.scope === 'global') this.use(ref, 'scalar', tok.line);
        return { k: 'var', ref };
      }
      case 'kw':
        if (tok.v === 'getline') {
          this.next();
          const target = this.optionalLValue();
          if (this.isOp('<')) {
            this.next();
            const src = this.getlineSource();
            return { k: 'getline', from: 'file', target, src };
          }
          return { k: 'getline', from: 'main', target };
        }
        this.fail();
      // eslint-disable-next-line no-fallthrough
      case 'op':
        if (tok.v === '$') {
          this.next();
          // $ binds tighter than everything but grouping: $NF-1 is ($NF)-1, $i++ is ($i)++.
          let index: Expr;
          if (this.isOp('++') || this.isOp('--')) {
            const op = (this.next() as { v: '++' | '--' }).v;
            const target = this.primary();
            if (!isLValue(target)) this.fail();
            index = { k: 'incdec', op, prefix: true, target };
          } else if (this.isOp('-') || this.isOp('+') || this.isOp('!')) {
            const op = (this.next() as { v: '-' | '+' | '!' }).v;
            index = { k: 'unary', op, e: this.primary() };
          } else index = this.primary();
          return { k: 'field', index };
        }
        if (tok.v === '(') {
          this.next();
          const saveGt = this.noGt;
          this.noGt = false;
          const list = this.exprList(')');
          this.noGt = saveGt;
          if (list.length > 1) {
            // (i, j) in a
            if (!this.isKw('in')) this.fail();
            return { k: 'group', e: list[0], list };
          }
          return { k: 'group', e: list[0] };
        }
        if (tok.v === '++' || tok.v === '--') {
          this.next();
          const target = this.primary();
          if (!isLValue(target)) this.fail();
          return { k: 'incdec', op: tok.v, prefix: true, target };
        }
        if (tok.v === '-' || tok.v === '+' || tok.v === '!') {
          this.next();
          return { k: 'unary', op: tok.v, e: this.unary() };
        }
        this.fail();
      // eslint-disable-next-line no-fallthrough
      default:
        this.fail();
    }
  }

  /**
   * A user function's arguments. A bare name is left untyped here: whether it is passed as an
   * array depends on what the function does with its parameter, known once all is read.
   */
  private callArgs(): Expr[] {
    if (this.isOp(')')) {
      this.next();
      return [];
    }
    const args: Expr[] = [];
    this.newlines();
    for (;;) {
      const tok = this.tok;
      const after = this.peek();
      if (tok.t === 'name' && !tok.call && !this.fnNames.has(tok.v) && (this.isOp(',', after) || this.isOp(')', after))) {
        this.next();
        args.push({ k: 'var', ref: this.ref(tok.v) });
      } else args.push(this.expr());
      this.newlines();
      if (this.isOp(',')) {
        this.next();
        this.newlines();
        continue;
      }
      if (this.isOp(')')) {
        this.next();
        return args;
      }
      this.fail();
    }
  }

  /** The file of `getline < file`: a primary, with no concatenation (`getline < "a" "b"` reads a). */
  private getlineSource(): Expr {
    return this.primary();
  }

  private builtinCall(): Expr {
    const tok = this.next() as Token & { v: string };
    const [min, max] = BUILTINS[tok.v];
    let args: Expr[] = [];
    if (this.isOp('(')) {
      this.next();
      const name = this.tok;
      if (tok.v === 'length' && name.t === 'name' && !name.call && this.isOp(')', this.peek())) {
        // length(x): x may be an array or a scalar; it is whichever the program makes it.
        this.next();
        this.next();
        args = [{ k: 'var', ref: this.ref(name.v) }];
      } else args = this.isOp(')') ? (this.next(), []) : this.exprList(')');
    } else if (tok.v !== 'length') {
      this.fail();
    }
    if (args.length < min || args.length > max) {
      throw new AwkSyntaxError(tok.v === 'printf' ? 'no arguments in call to printf' : `wrong number of arguments in call to ${tok.v}`, tok.line);
    }
    // The array arguments: split's second, length's one when it names an array.
    if (tok.v === 'split') {
      const target = args[1];
      if (target.k !== 'var') this.fail();
      const ref = target.ref;
      if (ref.scope === 'global') {
        if (this.globals.get(ref.name) === 'scalar' && !SPECIAL.has(ref.name)) this.globals.delete(ref.name);
        this.use(ref, 'array', tok.line);
      } else this.use(ref, 'array', tok.line);
    }
    if ((tok.v === 'sub' || tok.v === 'gsub') && args[2] && !isLValue(args[2]) && args[2].k !== 'group') {
      // mawk takes any expression as the target and changes nothing.
    }
    return { k: 'builtin', name: tok.v, args, line: tok.line };
  }
}

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'field' || e.k === 'index';
}

/** Parses an awk program, or throws AwkSyntaxError with mawk's words. */
export function parseProgram(source: string): Program {
  const parser = new Parser(tokenize(source));
  return parser.program();
}

/** mawk compiles every /regex/ of the program before running it: the first it refuses is a compile error. */
export function checkRegexLiterals(program: Program): void {
  // Depth first, in the order of the text (children pushed last first).
  const pending: unknown[] = [[...program.functions.values()], program.end, program.rules, program.begin];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) pending.push(node[i]);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const n = node as Record<string, unknown>;
    const check = (source: string, line: number) => {
      const r = compileAwkRegex(source, UNLIMITED);
      if ('error' in r) throw new AwkSyntaxError(`regular expression compile failed (${r.error})\n${source}`, line);
    };
    if (n.k === 'regex') {
      check(n.source as string, n.line as number);
      continue;
    }
    // A string constant where a regex goes is compiled with the program too.
    const constant = (e: unknown) => (e as Expr | undefined)?.k === 'str' ? ((e as { v: string }).v as string) : undefined;
    if (n.k === 'match' && constant(n.r) !== undefined) check(constant(n.r)!, n.line as number);
    if (n.k === 'builtin') {
      const args = n.args as Expr[];
      const at = n.name === 'sub' || n.name === 'gsub' ? 0 : n.name === 'match' ? 1 : -1;
      if (at >= 0 && constant(args[at]) !== undefined) check(constant(args[at])!, n.line as number);
      const fs = n.name === 'split' ? constant(args[2]) : undefined;
      if (fs !== undefined && fs.length > 1) check(fs, n.line as number);
    }
    const children = Object.values(n).filter((v) => typeof v === 'object' && v !== null);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
}
