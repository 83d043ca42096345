// The interpreter: runs the parsed statements of a script, a module or a REPL line over the
// subset's values, writing output with the simulated time it was written at (time.sleep advances
// it). Builtins, modules, methods and operators live in their own files; the host interface is
// how they reach back here.
import { builtinFunctions } from './builtins';
import { PyException, SysExit, Unsupported } from './errors';
import { formatSpec } from './format';
import type { PyHost } from './host';
import type { PyOutcome, PyRunOptions, Spender } from './options';
import { callMethod } from './methods';
import { stdlibModule } from './modules';
import { binop, compare } from './operators';
import { checkItems, RECURSION_LIMIT } from './limits';
import { isNarrow, isObj, iterate, keyOf, lazyItems, list, metered, repr, Scope, seqIndex, str, truthy, tuple, typeName } from './values';
import type { Expr, PyDict, PyFunc, PyValue, Stmt } from './types';
import { Interrupted } from '../../core/process';
import { WorkExhausted } from '../../core/budget';

/** A running function: its name and the line it is at (the module is the bottom one). */
interface Frame {
  name: string;
  line: number;
}

/** What a block hands up when it stops early: a return's value, or a loop's break or continue. */
type Flow = undefined | { value: PyValue } | 'break' | 'continue';

/** Budget units, tuned so that a line runs about a second of this interpreter before it is cut. */
const STATEMENT = 4;
const LOOP_PASS = 2;
const COMPREHENSION_PASS = 4;
const CALL = 6;

/** Characters of a str that cost one unit of the budget to build or scan; each item of a list costs one. */
const CHARS_PER_UNIT = 64;

/** Calls that take the same time however big their str or list is. */
const CONSTANT_TIME_METHODS = new Set(['append', 'get', 'setdefault']);
const CONSTANT_TIME_BUILTINS = new Set(['len', 'isinstance', 'bool']);

function costOf(v: PyValue | undefined): number {
  if (typeof v === 'string') return v.length / CHARS_PER_UNIT;
  if (v === undefined || !isObj(v)) return 0;
  if (v.t === 'list' || v.t === 'tuple') return v.items.length;
  if (v.t === 'dict') return v.map.size;
  return 0;
}

export class Interpreter implements PyHost {
  private steps = 0;
  private ms = 0;
  private readonly frames: Frame[] = [{ name: '<module>', line: 0 }];
  private budget: Spender | undefined;
  readonly output: PyOutcome['output'] = [];
  readonly globals = new Scope();

  constructor(readonly opts: PyRunOptions) {
    this.budget = opts.budget;
    const b = builtinFunctions(this);
    for (const [k, v] of Object.entries(b)) this.globals.vars.set(k, v);
    this.globals.vars.set('__name__', '__main__');
    this.globals.vars.set('__file__', opts.file);
  }

  write(stream: 'stdout' | 'stderr', text: string) {
    this.charge(text);
    const last = this.output[this.output.length - 1];
    if (last && last.stream === stream && last.atMs === this.ms) last.text += text;
    else this.output.push({ stream, text, atMs: this.ms });
  }

  /** A fresh budget (or step count): the REPL runs many small programs in one interpreter. */
  resetBudget(budget?: Spender) {
    this.steps = 0;
    this.budget = budget ?? this.budget;
  }

  /** The line the module level is running (where Ctrl-C would find it). */
  get currentLine(): number {
    return this.frames[0].line;
  }

  private tick(units = 1) {
    if (this.budget) this.budget.spend(units);
    else if (++this.steps > (this.opts.maxSteps ?? 200_000)) throw new Unsupported('too many steps');
  }

  /** Spends for the strs and lists an operation built or read, in proportion to their size. */
  private charge(a: PyValue | undefined, b?: PyValue, c?: PyValue): void {
    if (!this.budget) return;
    const units = costOf(a) + costOf(b) + costOf(c);
    if (units >= 1) this.budget.spend(Math.floor(units));
  }

  spend(units: number): void {
    if (this.budget) this.budget.spend(units);
    // Without a budget the step count bounds this work too, at a statement per 16 units.
    else if ((this.steps += units / 16) > (this.opts.maxSteps ?? 200_000)) throw new Unsupported('too many steps');
  }

  /** repr() of a value, its work metered like the program's own (the REPL echoing a result). */
  reprOf(v: PyValue): string {
    return guarded(() => repr(v), this.meter);
  }

  /** What repr() and json.dumps report their work to (see metered). */
  private readonly meter = (units: number): void => this.spend(units);

  /** Notes, once per frame, where an exception passed on its way out: the traceback's lines. */
  private record(e: PyException, line: number): void {
    if (!e.line) e.line = line;
    const depth = this.frames.length;
    if (e.frames.length && (e.recordedDepth ?? Infinity) <= depth) return;
    e.frames.push({ name: this.frames[depth - 1].name, line, expr: e.pendingExpr });
    e.recordedDepth = depth;
    e.pendingExpr = undefined;
  }

  exit(code: PyValue | undefined): never {
    if (code === undefined || code === null) throw new SysExit(0);
    if (typeof code === 'bigint' || typeof code === 'boolean') throw new SysExit(Number(code));
    throw new SysExit(1, str(code));
  }

  run(body: Stmt[]): void {
    guarded(() => {
      if (this.exec(body, this.globals)) throw new Unsupported('statement outside function or loop');
    }, this.meter);
  }

  /** Evaluates an expression typed at the REPL (or a route's return value) as a module-level statement on `line`. */
  evaluate(x: Expr, line = 1): PyValue {
    return guarded(() => {
      this.frames[0].line = line;
      try {
        return this.eval(x, this.globals);
      } catch (e) {
        if (e instanceof PyException) this.record(e, line);
        throw e;
      }
    }, this.meter);
  }

  /** Calls a function of the program from outside it (a web framework calling a route). */
  callFunction(fn: PyValue, args: PyValue[] = []): PyValue {
    return guarded(() => this.call(fn, args), this.meter);
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
        guarded(() => this.stmt(st, this.globals), this.meter);
      } catch (e) {
        if (e instanceof Unsupported || e instanceof PyException) continue;
        throw e;
      }
    }
  }

  /** Runs a block; a return, break or continue in it ends the block and is handed up as its Flow. */
  exec(body: Stmt[], scope: Scope): Flow {
    const frame = this.frames[this.frames.length - 1];
    for (let i = 0; i < body.length; i++) {
      const st = body[i];
      this.tick(STATEMENT);
      frame.line = st.line;
      try {
        // The statements a recursive function recurses through run here, not a call deeper:
        // Python's 1000 frames must fit on the JavaScript stack.
        let flow: Flow;
        if (st.s === 'return') return { value: st.x ? this.eval(st.x, scope) : null };
        else if (st.s === 'expr') this.eval(st.x, scope);
        else if (st.s === 'assign') {
          const v = this.eval(st.x, scope);
          for (const t of st.targets) this.assign(t, v, scope);
        } else if (st.s === 'if') {
          const branch = this.branch(st, scope);
          if (branch) flow = this.exec(branch, scope);
        } else if (st.s === 'for') flow = this.forStmt(st, scope);
        else if (st.s === 'while') flow = this.whileStmt(st, scope);
        else if (st.s === 'try') flow = this.tryStmt(st, scope);
        else flow = this.stmt(st, scope);
        if (flow) return flow;
      } catch (e) {
        if (e instanceof PyException) this.record(e, st.line);
        throw e;
      }
    }
    return undefined;
  }

  private stmt(st: Stmt, scope: Scope): Flow {
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
        this.assign(st.target, binop(st.op, cur, this.eval(st.x, scope)), scope);
        return;
      }
      case 'if': {
        const branch = this.branch(st, scope);
        return branch ? this.exec(branch, scope) : undefined;
      }
      case 'for':
        return this.forStmt(st, scope);
      case 'while':
        return this.whileStmt(st, scope);
      case 'def':
        if (st.decorators.length && !this.opts.lenient) throw new Unsupported('decorator');
        scope.vars.set(st.name, { t: 'func', name: st.name, params: st.params, body: st.body, closure: scope });
        return;
      case 'return':
        return { value: st.x ? this.eval(st.x, scope) : null };
      case 'break':
        return 'break';
      case 'continue':
        return 'continue';
      case 'pass':
      case 'global':
        return;
      case 'import':
        this.importStmt(st, scope);
        return;
      case 'try':
        return this.tryStmt(st, scope);
      case 'raise':
        this.raiseStmt(st, scope);
        return;
      case 'class':
      case 'with':
        if (this.opts.lenient) return;
        throw new Unsupported(st.s);
    }
  }

  /** The body an if statement runs: the first branch whose test is true. */
  private branch(st: Extract<Stmt, { s: 'if' }>, scope: Scope): Stmt[] | undefined {
    for (const [test, body] of st.branches) if (test === null || truthy(this.eval(test, scope))) return body;
    return undefined;
  }

  private forStmt(st: Extract<Stmt, { s: 'for' }>, scope: Scope): Flow {
    const iterable = this.eval(st.iter, scope);
    this.charge(iterable);
    for (const item of lazyItems(iterable)) {
      this.tick(LOOP_PASS);
      this.assign(st.target, item, scope);
      const flow = this.exec(st.body, scope);
      if (flow === 'break') return undefined;
      if (flow && flow !== 'continue') return flow;
    }
    return this.exec(st.orelse, scope);
  }

  private whileStmt(st: Extract<Stmt, { s: 'while' }>, scope: Scope): Flow {
    while (truthy(this.eval(st.test, scope))) {
      this.tick(LOOP_PASS);
      const flow = this.exec(st.body, scope);
      if (flow === 'break') return undefined;
      if (flow && flow !== 'continue') return flow;
    }
    return undefined;
  }

  private importStmt(st: Extract<Stmt, { s: 'import' }>, scope: Scope): void {
    for (const [name, as] of st.names) {
      if (st.from !== undefined) {
        const mod = stdlibModule(st.from, this);
        if (name === '*') Object.entries(mod.attrs).forEach(([k, v]) => scope.vars.set(k, v));
        else {
          const v = mod.attrs[name];
          if (v === undefined) throw new PyException('ImportError', `cannot import name '${name}' from '${st.from}'`);
          scope.vars.set(as, v);
        }
      } else {
        const mod = stdlibModule(name, this);
        scope.vars.set(as, name.includes('.') && as === name.split('.')[0] ? stdlibModule(as, this) : mod);
      }
    }
    return;
  }

  private tryStmt(st: Extract<Stmt, { s: 'try' }>, scope: Scope): Flow {
    let flow: Flow;
    try {
      flow = this.exec(st.body, scope);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      const handler = st.handlers.find((h) => !h.type || h.type === 'Exception' || h.type === e.type || (h.type === 'ImportError' && e.type === 'ModuleNotFoundError'));
      if (!handler) throw e;
      if (handler.name) scope.vars.set(handler.name, e.detail);
      flow = this.exec(handler.body, scope);
    } finally {
      // A return, break or continue in finally wins, as in Python.
      const last = this.exec(st.final, scope);
      if (last) flow = last;
    }
    return flow;
  }

  private raiseStmt(st: Extract<Stmt, { s: 'raise' }>, scope: Scope): void {
    if (!st.x) throw new PyException('RuntimeError', 'No active exception to reraise');
    const x = st.x;
    if (x.e === 'call' && x.f.e === 'name') throw new PyException(x.f.id, x.args.length ? str(this.eval(x.args[0], scope)) : '');
    if (x.e === 'name') throw new PyException(x.id, '');
    throw new Unsupported('raise');
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
      else if (isObj(obj) && obj.t === 'list') obj.items[seqIndex(obj.items.length, key)] = v;
      else throw new PyException('TypeError', `'${typeName(obj)}' object does not support item assignment`);
    } else throw new Unsupported('assignment target');
  }

  /** A function's local scope with its parameters bound to the call's arguments. */
  private bind(fn: PyFunc, args: PyValue[], kwargs: Record<string, PyValue>): Scope {
    const scope = new Scope(fn.closure);
    fn.params.forEach((p, i) => {
      const v = i < args.length ? args[i] : p.name in kwargs ? kwargs[p.name] : p.def ? this.eval(p.def, fn.closure) : undefined;
      if (v === undefined) throw new PyException('TypeError', `${fn.name}() missing 1 required positional argument: '${p.name}'`);
      scope.vars.set(p.name, v);
    });
    return scope;
  }

  private call(fn: PyValue, args: PyValue[], kwargs: Record<string, PyValue> = {}): PyValue {
    this.tick(CALL);
    if (isObj(fn) && fn.t === 'builtin') return fn.call(args, kwargs);
    if (isObj(fn) && fn.t === 'func') {
      if (this.frames.length >= RECURSION_LIMIT) throw new PyException('RecursionError', 'maximum recursion depth exceeded');
      const scope = this.bind(fn, args, kwargs);
      this.frames.push({ name: fn.name, line: 0 });
      try {
        const flow = this.exec(fn.body, scope);
        if (typeof flow === 'object') return flow.value;
        if (flow) throw new Unsupported('statement outside function or loop');
      } catch (e) {
        // JavaScript's stack ran out before Python's limit: the same error, raised from this call.
        if (e instanceof RangeError && /call stack/i.test(e.message)) throw new PyException('RecursionError', 'maximum recursion depth exceeded');
        throw e;
      } finally {
        this.frames.pop();
      }
      return null;
    }
    throw new PyException('TypeError', `'${typeName(fn)}' object is not callable`);
  }

  private eval(x: Expr, scope: Scope): PyValue {
    // One function (no wrapper) per level of expression: deep Python recursion runs on the JavaScript stack.
    try {
      switch (x.e) {
        case 'const':
          return x.v;
        case 'name': {
          const v = scope.get(x.id);
          if (v === undefined) throw new PyException('NameError', `name '${x.id}' is not defined`);
          return v;
        }
        case 'fstr':
          return this.evalFstr(x, scope);
        case 'list':
          return list(x.items.map((i) => this.eval(i, scope)));
        case 'tuple':
          return tuple(x.items.map((i) => this.eval(i, scope)));
        case 'dict':
          return this.evalDict(x, scope);
        case 'bin':
          return this.evalBin(x, scope);
        case 'unary':
          return this.evalUnary(x, scope);
        case 'bool': {
          const l = this.eval(x.l, scope);
          if (x.op === 'and') return truthy(l) ? this.eval(x.r, scope) : l;
          return truthy(l) ? l : this.eval(x.r, scope);
        }
        case 'cmp':
          return this.evalCmp(x, scope);
        case 'ifexp':
          return truthy(this.eval(x.test, scope)) ? this.eval(x.a, scope) : this.eval(x.b, scope);
        case 'call': {
          const c = this.callee(x, scope);
          return c.fn === undefined ? (c.value as PyValue) : this.charged(this.call(c.fn, c.args, c.kwargs));
        }
        case 'attr':
          return this.attr(this.eval(x.x, scope), x.name);
        case 'sub':
          return this.evalSub(x, scope);
        case 'comp':
          return this.evalComp(x, scope);
        case 'lambda':
          return { t: 'func', name: '<lambda>', params: x.params.map((name) => ({ name })), body: [{ s: 'return', x: x.body, line: this.frames[this.frames.length - 1].line }], closure: scope };
      }
    } catch (e) {
      // The innermost positioned expression an exception leaves is where this frame's carets go.
      if (x.at && e instanceof PyException && !e.pendingExpr) e.pendingExpr = x;
      throw e;
    }
  }

  private evalFstr(x: Extract<Expr, { e: 'fstr' }>, scope: Scope): PyValue {
    return this.charged(x.parts
      .map((p) => {
        if (typeof p === 'string') return p;
        const v = this.eval(p.expr, scope);
        const shown = p.conv === 'r' ? repr(v) : p.conv === 's' ? str(v) : v;
        const spec = p.spec === undefined ? '' : typeof p.spec === 'string' ? p.spec : str(this.eval(p.spec, scope));
        return formatSpec(shown, spec);
      })
      .join(''));
  }

  private evalDict(x: Extract<Expr, { e: 'dict' }>, scope: Scope): PyValue {
    const d: PyDict = { t: 'dict', map: new Map() };
    for (const [k, v] of x.pairs) {
      const key = this.eval(k, scope);
      d.map.set(keyOf(key), [key, this.eval(v, scope)]);
    }
    return d;
  }

  private evalBin(x: Extract<Expr, { e: 'bin' }>, scope: Scope): PyValue {
    const l = this.eval(x.l, scope);
    const r = this.eval(x.r, scope);
    // What a str or list operation costs is what it builds.
    return this.charged(binop(x.op, l, r));
  }

  private evalUnary(x: Extract<Expr, { e: 'unary' }>, scope: Scope): PyValue {
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

  private evalCmp(x: Extract<Expr, { e: 'cmp' }>, scope: Scope): PyValue {
    let left = this.eval(x.xs[0], scope);
    for (let i = 0; i < x.ops.length; i++) {
      const right = this.eval(x.xs[i + 1], scope);
      this.charge(left, right);
      if (!compare(x.ops[i], left, right)) return false;
      left = right;
    }
    return true;
  }

  /** Evaluates what a call calls and its arguments; a method of a str, list or dict is called here already. */
  private callee(x: Extract<Expr, { e: 'call' }>, scope: Scope): { fn?: PyValue; args: PyValue[]; kwargs: Record<string, PyValue>; value?: PyValue } {
    const args = x.args.map((a) => this.eval(a, scope));
    if (x.star) for (const a of iterate(this.eval(x.star, scope))) args.push(a);
    const kwargs: Record<string, PyValue> = {};
    for (const [k, v] of x.kwargs) kwargs[k] = this.eval(v, scope);
    if (x.f.e === 'attr') {
      const obj = this.eval(x.f.x, scope);
      // Most methods read all of their str or list (find, index, join, pop(0)...); these few do not.
      if (!(CONSTANT_TIME_METHODS.has(x.f.name) || (x.f.name === 'pop' && args.length === 0))) {
        this.charge(obj);
        for (const a of args) this.charge(a);
      }
      const method = callMethod(obj, x.f.name, args, kwargs, this);
      if (method !== undefined) return { args, kwargs, value: this.charged(method) };
      try {
        return { fn: this.attr(obj, x.f.name), args, kwargs };
      } catch (e) {
        // CPython points at the attribute (`x.append`), not the whole call.
        if (e instanceof PyException && !e.pendingExpr && x.f.at) e.pendingExpr = x.f;
        throw e;
      }
    }
    const fn = this.eval(x.f, scope);
    // A builtin reads its arguments through (print, sum, sorted...); a Python function only receives them.
    if (isObj(fn) && fn.t === 'builtin' && !CONSTANT_TIME_BUILTINS.has(fn.name)) for (const a of args) this.charge(a);
    return { fn, args, kwargs };
  }

  private evalSub(x: Extract<Expr, { e: 'sub' }>, scope: Scope): PyValue {
    const obj = this.eval(x.x, scope);
    if ('slice' in x.index) {
      const [a, b, c] = x.index.slice.map((p) => (p ? Number(this.eval(p, scope)) : undefined));
      if (c === 0) throw new PyException('ValueError', 'slice step cannot be zero');
      this.charge(obj);
      if (typeof obj === 'string' && (c === undefined || c === 1) && isNarrow(obj)) return obj.slice(a, b);
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
    if (typeof obj === 'string') {
      if (isNarrow(obj)) return obj[seqIndex(obj.length, key)];
      this.charge(obj);
      return [...obj][seqIndex([...obj].length, key)];
    }
    if (isObj(obj) && (obj.t === 'list' || obj.t === 'tuple')) return obj.items[seqIndex(obj.items.length, key)];
    throw new PyException('TypeError', `'${typeName(obj)}' object is not subscriptable`);
  }

  private evalComp(x: Extract<Expr, { e: 'comp' }>, scope: Scope): PyValue {
    const inner = new Scope(scope);
    const items: PyValue[] = [];
    const d: PyDict = { t: 'dict', map: new Map() };
    const iterable = this.eval(x.iter, inner);
    this.charge(iterable);
    for (const item of lazyItems(iterable)) {
      this.tick(COMPREHENSION_PASS);
      this.assign(x.target, item, inner);
      if (!x.conds.every((c) => truthy(this.eval(c, inner)))) continue;
      if (x.kind === 'dict') {
        const k = this.eval(x.elt, inner);
        d.map.set(keyOf(k), [k, this.eval(x.val!, inner)]);
      } else {
        items.push(this.eval(x.elt, inner));
        checkItems(items.length);
      }
    }
    return x.kind === 'dict' ? d : list(items);
  }

  private attr(obj: PyValue, name: string): PyValue {
    if (isObj(obj) && obj.t === 'module') {
      const v = obj.attrs[name];
      if (v === undefined) throw new PyException('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
      return v;
    }
    throw new PyException('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
  }

  private charged(v: PyValue): PyValue {
    this.charge(v);
    return v;
  }

  sleep(ms: number): void {
    this.ms += ms;
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

/**
 * Runs fn so that only Python's own outcomes leave it: its exceptions, sys.exit, Unsupported, the
 * budget running out. A JavaScript stack overflow is Python's RecursionError; anything else this
 * subset did not foresee is Unsupported, never a JavaScript error.
 */
function guarded<T>(fn: () => T, spend?: (units: number) => void): T {
  try {
    return metered(spend, fn);
  } catch (e) {
    if (e instanceof PyException || e instanceof SysExit || e instanceof Unsupported || e instanceof WorkExhausted || e instanceof Interrupted) throw e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new PyException('RecursionError', 'maximum recursion depth exceeded');
    throw new Unsupported(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
