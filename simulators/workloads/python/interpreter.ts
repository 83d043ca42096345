// The interpreter: runs the parsed statements of a script, a module or a REPL line over the
// subset's values, writing output with the simulated time it was written at (time.sleep advances
// it). Builtins, modules, methods and operators live in their own files; the host interface is
// how they reach back here.
import type { Expr, Stmt } from './ast';
import { builtinFunctions } from './builtins';
import { BreakSignal, ContinueSignal, PyException, ReturnSignal, SysExit, Unsupported } from './errors';
import { formatSpec } from './format';
import type { PyHost } from './host';
import { callMethod } from './methods';
import { stdlibModule } from './modules';
import { binop, compare } from './operators';
import { isObj, iterate, keyOf, list, repr, Scope, seqIndex, str, truthy, tuple, typeName, type PyDict, type PyModule, type PyValue } from './values';

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

export class Interpreter implements PyHost {
  private steps = 0;
  private ms = 0;
  readonly output: PyOutcome['output'] = [];
  readonly globals = new Scope();

  constructor(readonly opts: PyRunOptions) {
    const b = builtinFunctions(this);
    for (const [k, v] of Object.entries(b)) this.globals.vars.set(k, v);
    this.globals.vars.set('__name__', '__main__');
    this.globals.vars.set('__file__', opts.file);
  }

  write(stream: 'stdout' | 'stderr', text: string) {
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

  exit(code: PyValue | undefined): never {
    if (code === undefined || code === null) throw new SysExit(0);
    if (typeof code === 'bigint' || typeof code === 'boolean') throw new SysExit(Number(code));
    throw new SysExit(1, str(code));
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
        this.assign(st.target, binop(st.op, cur, this.eval(st.x, scope)), scope);
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
      else if (isObj(obj) && obj.t === 'list') obj.items[seqIndex(obj.items.length, key)] = v;
      else throw new PyException('TypeError', `'${typeName(obj)}' object does not support item assignment`);
    } else throw new Unsupported('assignment target');
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
        return binop(x.op, this.eval(x.l, scope), this.eval(x.r, scope));
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
          if (!compare(x.ops[i], left, right)) return false;
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
          const method = callMethod(obj, x.f.name, args, kwargs);
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
        if (typeof obj === 'string') return [...obj][seqIndex([...obj].length, key)];
        if (isObj(obj) && (obj.t === 'list' || obj.t === 'tuple')) return obj.items[seqIndex(obj.items.length, key)];
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
