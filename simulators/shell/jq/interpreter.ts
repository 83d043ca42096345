// Runs a jq program. A filter is evaluated by passing each of its outputs to a callback (jq's
// backtracking, as continuations), so `first`, `limit` and `label`/`break` stop a generator by
// throwing past it. Paths are tracked alongside values when a path expression asks for them
// (path(f), assignments, del), and a value that did not come from a path is refused there as jq
// refuses it. Every step is paid from the line's work budget; deep recursion ends as the budget does.
import { OutOfMemory, TEXT_LIMIT, WorkExhausted, type WorkBudget } from '../../core/budget';
import { delPaths, described, getIndex, getPath, setPath } from './access';
import type { FuncDef, Node, Pattern } from './ast';
import { applyFormat } from './formats';
import { truncated } from './json';
import { compare as compareValues, equals, isArray, isNumber, isObject, JqError, num, truthy, type JqObject, type JqValue } from './values';

/** Where a value is inside `.`, when paths are tracked; BROKEN for a value made anew. */
export type Path = JqValue[];
export const BROKEN: Path = Object.freeze([]) as unknown as Path;

/** Receives one output: its value and, when paths are tracked, its path (null otherwise). */
export type Emit = (v: JqValue, p: Path | null) => void;

/** A filter argument: the expression and the scope it was written in. */
export interface Closure {
  node: Node;
  env: Env;
}

/** A built-in written in TypeScript: its input, the path of it (or null), its arguments. */
export type Native = (jq: Interpreter, input: JqValue, path: Path | null, args: Closure[], out: Emit) => void;

type Binding =
  | { kind: 'var'; name: string; value: JqValue }
  | { kind: 'func'; key: string; def: FuncDef; env: Env | null }
  | { kind: 'closure'; key: string; closure: Closure }
  | { kind: 'label'; name: string; token: object };

/** A scope: a chain of bindings, innermost first, over the built-ins. */
export class Env {
  constructor(
    readonly parent: Env | null,
    readonly binding: Binding | null,
  ) {}

  bind(binding: Binding): Env {
    return new Env(this, binding);
  }

  lookupVar(name: string): JqValue | undefined {
    for (let e: Env | null = this; e; e = e.parent) {
      const b = e.binding;
      if (b?.kind === 'var' && b.name === name) return b.value;
    }
    return undefined;
  }

  lookupFunc(key: string): Binding | undefined {
    for (let e: Env | null = this; e; e = e.parent) {
      const b = e.binding;
      if ((b?.kind === 'func' || b?.kind === 'closure') && b.key === key) return b;
    }
    return undefined;
  }

  lookupLabel(name: string): object | undefined {
    for (let e: Env | null = this; e; e = e.parent) {
      const b = e.binding;
      if (b?.kind === 'label' && b.name === name) return b.token;
    }
    return undefined;
  }
}

/** `break $label` on its way to its label. */
export class BreakSignal {
  constructor(readonly token: object) {}
}

/** halt and halt_error: the whole run ends with this status (and message on stderr). */
export class HaltSignal {
  constructor(
    readonly code: number,
    readonly message: JqValue | undefined,
  ) {}
}

/** An error thrown by what came after a `try` (it is not the `try` body's, so no catch sees it). */
class Passthrough {
  constructor(
    readonly inner: unknown,
    readonly owner: object,
  ) {}
}

export interface InterpreterHost {
  budget: WorkBudget;
  /** Built-ins written in jq (prelude.ts), already parsed, looked up after user definitions. */
  library: Map<string, { def: FuncDef }>;
  natives: Map<string, Native>;
  /** `$ENV` and `env`. */
  env: JqObject;
  /** `$__prog_args`-like named arguments (--arg, --argjson) and $ARGS. */
  variables: Map<string, JqValue>;
  /** The simulated clock, in milliseconds. */
  now(): number;
  /** The next input for `input`, or undefined when there is none. */
  nextInput(): JqValue | undefined;
  /** input_filename and input_line_number. */
  inputFilename(): JqValue;
  inputLine(): number;
  /** The stderr builtin: a string as it is, anything else as compact JSON. */
  stderr(v: JqValue): void;
  /** The debug builtin: ["DEBUG:", v] on standard error, compact (and coloured as the output is). */
  debug(v: JqValue): void;
}

/** How deeply filters may call one another before the line is cut (a JavaScript stack has room for this). */
const DEPTH_LIMIT = 2000;

export class Interpreter {
  readonly budget: WorkBudget;
  private depth = 0;

  constructor(readonly host: InterpreterHost) {
    this.budget = host.budget;
  }

  run(program: Node, input: JqValue, out: (v: JqValue) => void): void {
    const env = new Env(null, null);
    this.ev(program, input, null, env, (v) => out(v));
  }

  /** Outputs of `arg` on `input`, as values. */
  values(arg: Closure, input: JqValue): JqValue[] {
    const list: JqValue[] = [];
    this.ev(arg.node, input, null, arg.env, (v) => list.push(v));
    return list;
  }

  /** Runs `fn` for each combination of the arguments' values, the last argument varying slowest (jq's order for C functions). */
  cartesian(args: Closure[], input: JqValue, fn: (values: JqValue[]) => void): void {
    const go = (i: number, chosen: JqValue[]) => {
      if (i < 0) {
        fn(chosen);
        return;
      }
      this.ev(args[i].node, input, null, args[i].env, (v) => {
        const next = chosen.slice();
        next[i] = v;
        go(i - 1, next);
      });
    };
    go(args.length - 1, new Array(args.length));
  }

  /** Calls a closure with `input`, keeping track of paths when `path` is one. */
  call(arg: Closure, input: JqValue, path: Path | null, out: Emit): void {
    this.ev(arg.node, input, path, arg.env, out);
  }

  /** The path after stepping into `key` from (value, path), refusing a value that came from no path. */
  step(value: JqValue, path: Path | null, key: JqValue): Path | null {
    if (path === null) return null;
    if (path === BROKEN) throw new JqError(`Invalid path expression near attempt to access element ${truncated(key, 15)} of ${truncated(value, 30)}`);
    return [...path, key];
  }

  /** A value made anew: in a path expression it is no path at all. */
  fresh(path: Path | null): Path | null {
    return path === null ? null : BROKEN;
  }

  ev(node: Node, input: JqValue, path: Path | null, env: Env, out: Emit): void {
    this.budget.spend(1);
    switch (node.k) {
      case 'identity':
        out(input, path);
        return;
      case 'recurse':
        this.recurse(input, path, out);
        return;
      case 'literal':
        out(node.v, this.fresh(path));
        return;
      case 'loc':
        out(new Map<string, JqValue>([['file', '<top-level>'], ['line', node.line]]), this.fresh(path));
        return;
      case 'index':
        // The key is computed first (on `.`), then the target, for each key.
        this.ev(node.index, input, null, env, (key) => {
          this.ev(node.target, input, path, env, (t, tp) => {
            const p = this.step(t, tp, key);
            out(getIndex(t, key), p);
          });
        });
        return;
      case 'slice': {
        const froms = node.from ? this.collect(node.from, input, env) : [null];
        const tos = node.to ? this.collect(node.to, input, env) : [null];
        for (const to of tos) {
          for (const from of froms) {
            this.ev(node.target, input, path, env, (t, tp) => {
              const key = sliceKey(from, to);
              out(getIndex(t, key), this.step(t, tp, key));
            });
          }
        }
        return;
      }
      case 'iterate':
        this.ev(node.target, input, path, env, (t, tp) => this.iterate(t, tp, node.opt, out));
        return;
      case 'string':
        this.interpolate(node, input, env, (s) => out(s, this.fresh(path)));
        return;
      case 'format':
        out(applyFormat(node.name, input), this.fresh(path));
        return;
      case 'array': {
        const items: JqValue[] = [];
        if (node.body) this.ev(node.body, input, null, env, (v) => items.push(v));
        out(items, this.fresh(path));
        return;
      }
      case 'object':
        this.object(node.entries, 0, new Map(), input, env, (o) => out(o, this.fresh(path)));
        return;
      case 'neg':
        this.ev(node.e, input, null, env, (v) => {
          if (!isNumber(v)) throw new JqError(`${described(v)} cannot be negated`);
          out(-num(v), this.fresh(path));
        });
        return;
      case 'pipe':
        this.ev(node.l, input, path, env, (v, p) => this.ev(node.r, v, p, env, out));
        return;
      case 'comma':
        this.ev(node.l, input, path, env, out);
        this.ev(node.r, input, path, env, out);
        return;
      case 'binop': {
        const op = BINOPS[node.op];
        this.ev(node.r, input, null, env, (b) => this.ev(node.l, input, null, env, (a) => out(op(a, b, this), this.fresh(path))));
        return;
      }
      case 'and':
      case 'or':
        this.ev(node.l, input, null, env, (a) => {
          if (node.k === 'and' ? !truthy(a) : truthy(a)) {
            out(node.k === 'or', this.fresh(path));
            return;
          }
          this.ev(node.r, input, null, env, (b) => out(truthy(b), this.fresh(path)));
        });
        return;
      case 'alt': {
        let any = false;
        this.ev(node.l, input, path, env, (v, p) => {
          if (!truthy(v)) return;
          any = true;
          out(v, p);
        });
        if (!any) this.ev(node.r, input, path, env, out);
        return;
      }
      case 'update':
        this.update(node, input, path, env, out);
        return;
      case 'if':
        this.ev(node.cond, input, null, env, (c) => {
          if (truthy(c)) this.ev(node.then, input, path, env, out);
          else if (node.else) this.ev(node.else, input, path, env, out);
          else out(input, path);
        });
        return;
      case 'try':
        this.tryCatch(node.body, node.catch, input, path, env, out);
        return;
      case 'reduce': {
        const inPlace = inPlaceUpdate(node.update);
        this.ev(node.init, input, null, env, (init) => {
          let acc: JqValue = init;
          // Whether acc is a container this reduce made and nothing else holds (see inPlaceUpdate).
          let owned = false;
          this.ev(node.source, input, null, env, (item) => {
            this.budget.spend(1);
            this.destructure(node.patterns, item, env, (scope) => {
              if (inPlace && owned && this.updateInPlace(inPlace, acc, scope)) return;
              let last: JqValue = null;
              this.ev(node.update, acc, null, scope, (v) => (last = v));
              owned = inPlace !== null && last !== acc && (isArray(last) || isObject(last));
              acc = last;
            });
          });
          out(acc, this.fresh(path));
        });
        return;
      }
      case 'foreach':
        this.ev(node.init, input, null, env, (init) => {
          let state: JqValue = init;
          this.ev(node.source, input, null, env, (item) => {
            this.budget.spend(1);
            this.destructure(node.patterns, item, env, (scope) => {
              this.ev(node.update, state, null, scope, (v) => {
                state = v;
                if (node.extract) this.ev(node.extract, v, null, scope, (x) => out(x, this.fresh(path)));
                else out(v, this.fresh(path));
              });
            });
          });
        });
        return;
      case 'def': {
        const key = `${node.def.name}/${node.def.params.length}`;
        const binding: Binding = { kind: 'func', key, def: node.def, env: null };
        const scope = env.bind(binding);
        binding.env = scope;
        this.ev(node.rest, input, path, scope, out);
        return;
      }
      case 'call':
        this.callFunction(node.name, node.args, input, path, env, out);
        return;
      case 'var': {
        const v = node.name === 'ENV' ? env.lookupVar('ENV') ?? this.host.env : env.lookupVar(node.name) ?? this.host.variables.get(node.name) ?? null;
        out(v, this.fresh(path));
        return;
      }
      case 'as':
        this.ev(node.source, input, null, env, (value) => {
          this.destructure(node.patterns, value, env, (scope) => this.ev(node.body, input, path, scope, out));
        });
        return;
      case 'label': {
        const token = {};
        try {
          this.ev(node.body, input, path, env.bind({ kind: 'label', name: node.name, token }), out);
        } catch (e) {
          if (!(e instanceof BreakSignal && e.token === token)) throw e;
        }
        return;
      }
      case 'break': {
        const token = env.lookupLabel(node.name);
        if (!token) throw new JqError(`$*label-${node.name} is not defined`);
        throw new BreakSignal(token);
      }
    }
  }

  /**
   * One step of a reduce whose update only writes into `.` (see inPlaceUpdate), done on the
   * accumulator itself, as jq does when nothing else holds it: a reduce building an object of
   * many keys stays linear. False when the step needs the general way (several outputs, a key of
   * the wrong kind, an index past the end): nothing has been changed then.
   */
  private updateInPlace(plan: InPlace, acc: JqValue, scope: Env): boolean {
    const one = (node: Node, input: JqValue): { v: JqValue } | undefined => {
      const list = this.collect(node, input, scope);
      return list.length === 1 ? { v: list[0] } : undefined;
    };
    if (plan.kind === 'append') {
      const r = one(plan.value, acc);
      if (!r) return false;
      if (isArray(acc) && isArray(r.v)) {
        this.budget.spend(1 + Math.ceil(r.v.length / 16));
        for (const x of r.v) (acc as JqValue[]).push(x);
        return true;
      }
      if (isObject(acc) && isObject(r.v)) {
        this.budget.spend(1 + Math.ceil(r.v.size / 16));
        for (const [k, x] of r.v) acc.set(k, x);
        return true;
      }
      return false;
    }
    const key = one(plan.key, acc);
    if (!key) return false;
    const k = key.v;
    if (isObject(acc) ? typeof k !== 'string' : !(isArray(acc) && isNumber(k) && Number.isInteger(num(k)) && num(k) >= 0 && num(k) <= acc.length)) return false;
    const old = getIndex(acc, k);
    let value: JqValue;
    if (plan.op === '|=') {
      const r = this.collect(plan.value, old, scope);
      if (r.length === 0) return false;
      value = r[0];
    } else {
      const r = one(plan.value, acc);
      if (!r) return false;
      value = plan.op === '=' ? r.v : plan.op === '//=' ? (truthy(old) ? old : r.v) : BINOPS[plan.op.slice(0, -1)](old, r.v, this);
    }
    this.budget.spend(1);
    if (isObject(acc)) acc.set(k as string, value);
    else (acc as JqValue[])[num(k as number)] = value;
    return true;
  }

  private collect(node: Node, input: JqValue, env: Env): JqValue[] {
    const list: JqValue[] = [];
    this.ev(node, input, null, env, (v) => list.push(v));
    return list;
  }

  /** `..`: the value, then everything inside it, depth first. */
  recurse(input: JqValue, path: Path | null, out: Emit): void {
    out(input, path);
    if (isArray(input)) input.forEach((v, i) => this.recurse(v, this.step(input, path, i), out));
    else if (isObject(input)) for (const [k, v] of input) this.recurse(v, this.step(input, path, k), out);
  }

  iterate(t: JqValue, tp: Path | null, opt: boolean, out: Emit): void {
    if (isArray(t)) {
      if (tp === BROKEN && t.length) throw new JqError(`Invalid path expression near attempt to iterate through ${truncated(t, 30)}`);
      for (let i = 0; i < t.length; i++) {
        this.budget.spend(1);
        out(t[i], tp === null ? null : [...tp, i]);
      }
    } else if (isObject(t)) {
      if (tp === BROKEN && t.size) throw new JqError(`Invalid path expression near attempt to iterate through ${truncated(t, 30)}`);
      for (const [k, v] of t) {
        this.budget.spend(1);
        out(v, tp === null ? null : [...tp, k]);
      }
    } else if (!opt) throw new JqError(`Cannot iterate over ${described(t)}`);
  }

  /**
   * `try body catch handler`: errors from the body are caught (the handler sees the error's
   * value); errors from what follows the try pass through untouched.
   */
  tryCatch(body: Node, handler: Node | null, input: JqValue, path: Path | null, env: Env, out: Emit): void {
    const me = {};
    try {
      this.ev(body, input, path, env, (v, p) => {
        try {
          out(v, p);
        } catch (e) {
          throw new Passthrough(e, me);
        }
      });
    } catch (e) {
      if (e instanceof Passthrough) {
        if (e.owner === me) throw e.inner;
        throw e;
      }
      if (!(e instanceof JqError)) throw e;
      // jq 1.7.1: `error(null)` is caught as null; a break out of a try body is not an error.
      if (handler) this.ev(handler, e.value, this.fresh(path), env, out);
    }
  }

  /** Binds a pattern (or the first of `?//` alternatives that works) and runs `body` in the new scope. */
  destructure(patterns: Pattern[], value: JqValue, env: Env, body: (scope: Env) => void): void {
    if (patterns.length === 1) {
      this.bindPattern(patterns[0], value, env, body);
      return;
    }
    // Every variable of every alternative exists; the ones a pattern does not bind are null.
    const names = new Set<string>();
    const gather = (p: Pattern) => {
      if (p.k === 'var') names.add(p.name);
      else if (p.k === 'array') p.items.forEach(gather);
      else
        for (const e of p.entries) {
          if (e.bind) names.add(e.bind);
          if (e.pattern) gather(e.pattern);
        }
    };
    patterns.forEach(gather);
    let base = env;
    for (const name of names) base = base.bind({ kind: 'var', name, value: null });
    for (let i = 0; i < patterns.length; i++) {
      const last = i === patterns.length - 1;
      const me = {};
      try {
        this.bindPattern(patterns[i], value, base, (scope) => {
          try {
            body(scope);
          } catch (e) {
            if (e instanceof JqError && !last) throw e;
            throw new Passthrough(e, me);
          }
        });
        return;
      } catch (e) {
        if (e instanceof Passthrough && e.owner === me) throw e.inner;
        if (!(e instanceof JqError) || last) throw e;
      }
    }
  }

  private bindPattern(p: Pattern, value: JqValue, env: Env, body: (scope: Env) => void): void {
    if (p.k === 'var') {
      body(env.bind({ kind: 'var', name: p.name, value }));
      return;
    }
    if (p.k === 'array') {
      const go = (i: number, scope: Env) => {
        if (i === p.items.length) {
          body(scope);
          return;
        }
        if (value !== null && !isArray(value)) throw new JqError(`Cannot index ${described(value).split(' ')[0]} with number`);
        this.bindPattern(p.items[i], getIndex(value, i), scope, (s) => go(i + 1, s));
      };
      go(0, env);
      return;
    }
    const go = (i: number, scope: Env) => {
      if (i === p.entries.length) {
        body(scope);
        return;
      }
      const entry = p.entries[i];
      this.ev(entry.key, value, null, scope, (key) => {
        if (typeof key !== 'string') throw new JqError(`Cannot index ${described(value).split(' ')[0]} with ${described(key).split(' ')[0]}`);
        const item = getIndex(value, key);
        let s = scope;
        if (entry.bind) s = s.bind({ kind: 'var', name: entry.bind, value: item });
        if (entry.pattern) this.bindPattern(entry.pattern, item, s, (s2) => go(i + 1, s2));
        else go(i + 1, s);
      });
    };
    go(0, env);
  }

  private object(entries: { key: Node; value: Node }[], i: number, built: JqObject, input: JqValue, env: Env, out: (o: JqObject) => void): void {
    if (i === entries.length) {
      out(built);
      return;
    }
    const entry = entries[i];
    this.ev(entry.key, input, null, env, (key) => {
      if (typeof key !== 'string') throw new JqError(`Cannot use ${described(key)} as object key`);
      this.ev(entry.value, input, null, env, (value) => {
        const next = new Map(built);
        next.set(key, value);
        this.object(entries, i + 1, next, input, env, out);
      });
    });
  }

  /** A string with interpolations: each combination, the last interpolation varying slowest. */
  private interpolate(node: Extract<Node, { k: 'string' }>, input: JqValue, env: Env, out: (s: string) => void): void {
    const parts = node.parts;
    const go = (i: number, suffix: string) => {
      if (i < 0) {
        out(suffix);
        return;
      }
      const part = parts[i];
      if (typeof part === 'string') {
        go(i - 1, part + suffix);
        return;
      }
      this.ev(part, input, null, env, (v) => {
        const text = applyFormat(node.format ?? 'text', v);
        this.budget.spendText(text.length);
        go(i - 1, text + suffix);
      });
    };
    go(parts.length - 1, '');
  }

  /** Calls a function: the innermost definition in scope, then jq's own library, then the natives. */
  callFunction(name: string, args: Node[], input: JqValue, path: Path | null, env: Env, out: Emit): void {
    const key = `${name}/${args.length}`;
    const closures = args.map((node) => ({ node, env }));
    const binding = env.lookupFunc(key);
    this.depth++;
    try {
      if (this.depth > DEPTH_LIMIT) throw new WorkExhausted();
      if (binding?.kind === 'closure') {
        this.ev(binding.closure.node, input, path, binding.closure.env, out);
        return;
      }
      if (binding?.kind === 'func') {
        this.invoke(binding.def, binding.env!, closures, input, path, out);
        return;
      }
      const native = this.host.natives.get(key);
      if (native) {
        native(this, input, path, closures, out);
        return;
      }
      const lib = this.host.library.get(key);
      if (lib) {
        this.invoke(lib.def, this.libraryEnv, closures, input, path, out);
        return;
      }
      throw new JqError(`${key} is not defined`);
    } finally {
      this.depth--;
    }
  }

  /** The scope of jq's own library functions: nothing but themselves (found through host.library). */
  private libraryEnv = new Env(null, null);

  private invoke(def: FuncDef, defEnv: Env, args: Closure[], input: JqValue, path: Path | null, out: Emit): void {
    // The function sees its own scope (so it can recurse), then its parameters.
    const bindParams = (i: number, scope: Env) => {
      if (i === def.params.length) {
        this.ev(def.body, input, path, scope, out);
        return;
      }
      const param = def.params[i];
      if (!param.value) {
        bindParams(i + 1, scope.bind({ kind: 'closure', key: `${param.name}/0`, closure: args[i] }));
        return;
      }
      this.ev(args[i].node, input, null, args[i].env, (v) => {
        const withVar = scope.bind({ kind: 'var', name: param.name, value: v }).bind({ kind: 'closure', key: `${param.name}/0`, closure: { node: { k: 'literal', v }, env: scope } });
        bindParams(i + 1, withVar);
      });
    };
    bindParams(0, defEnv);
  }

  /** The assignment operators: `=`, `|=`, and the arithmetic updates (`+=` ...), `//=`. */
  private update(node: Extract<Node, { k: 'update' }>, input: JqValue, path: Path | null, env: Env, out: Emit): void {
    const paths = (root: JqValue): JqValue[][] => {
      const list: JqValue[][] = [];
      this.ev(node.l, root, [], env, (v, p) => {
        if (p === BROKEN) throw new JqError(`Invalid path expression with result ${truncated(v, 30)}`);
        list.push(p!);
      });
      return list;
    };
    const spend = (n: number) => this.budget.spend(n);
    if (node.op === '=') {
      this.ev(node.r, input, null, env, (value) => {
        let result = input;
        for (const p of paths(input)) result = setPath(result, p, value, spend);
        out(result, this.fresh(path));
      });
      return;
    }
    if (node.op === '|=') {
      out(this.modify(input, paths(input), (v, emit) => this.ev(node.r, v, null, env, emit)), this.fresh(path));
      return;
    }
    // `a op= b`: b is computed on `.`, once per output, then each path's value becomes `. op b`.
    this.ev(node.r, input, null, env, (b) => {
      const fn: (v: JqValue, emit: (x: JqValue) => void) => void =
        node.op === '//=' ? (v, emit) => emit(truthy(v) ? v : b) : (v, emit) => emit(BINOPS[node.op.slice(0, -1) as '+'](v, b, this));
      out(this.modify(input, paths(input), fn), this.fresh(path));
    });
  }

  /** jq 1.7's _modify: each path gets the first output of the update; a path with none is deleted. */
  private modify(root: JqValue, paths: JqValue[][], update: (v: JqValue, emit: (x: JqValue) => void) => void): JqValue {
    const gone: JqValue[][] = [];
    let result = root;
    const spend = (n: number) => this.budget.spend(n);
    const first = {};
    for (const p of paths) {
      let got: { v: JqValue } | undefined;
      try {
        update(getPath(result, p), (x) => {
          got = { v: x };
          throw first;
        });
      } catch (e) {
        if (e !== first) throw e;
      }
      if (got) result = setPath(result, p, got.v, spend);
      else gone.push(p);
    }
    return gone.length ? delPaths(result, gone) : result;
  }
}

function sliceKey(from: JqValue, to: JqValue): JqObject {
  return new Map<string, JqValue>([
    ['start', from],
    ['end', to],
  ]);
}

/** The arithmetic and comparison operators, as binop_* in builtin.c. */
export const BINOPS: Record<string, (a: JqValue, b: JqValue, jq: Interpreter) => JqValue> = {
  '+': (a, b, jq) => {
    if (a === null) return b;
    if (b === null) return a;
    if (isNumber(a) && isNumber(b)) return num(a) + num(b);
    if (typeof a === 'string' && typeof b === 'string') {
      if (a.length + b.length > TEXT_LIMIT) throw new OutOfMemory(a.length + b.length);
      jq.budget.spendText(b.length + 1);
      return a + b;
    }
    if (isArray(a) && isArray(b)) {
      // The copy is the work: jq appends in place, here each sum is a new array.
      jq.budget.spendText(a.length + b.length);
      return [...a, ...b];
    }
    if (isObject(a) && isObject(b)) {
      jq.budget.spendText(a.size + b.size);
      const o = new Map(a);
      for (const [k, v] of b) o.set(k, v);
      return o;
    }
    throw new JqError(`${described(a)} and ${described(b)} cannot be added`);
  },
  '-': (a, b, jq) => {
    if (isNumber(a) && isNumber(b)) return num(a) - num(b);
    if (isArray(a) && isArray(b)) {
      jq.budget.spend(a.length * Math.max(1, b.length));
      return a.filter((x) => !b.some((y) => equals(x, y)));
    }
    throw new JqError(`${described(a)} and ${described(b)} cannot be subtracted`);
  },
  '*': (a, b, jq) => {
    if (isNumber(a) && isNumber(b)) return num(a) * num(b);
    if ((typeof a === 'string' && isNumber(b)) || (isNumber(a) && typeof b === 'string')) {
      const s = typeof a === 'string' ? a : (b as string);
      const d = num((isNumber(a) ? a : b) as number);
      if (d < 0 || Number.isNaN(d)) return null;
      const n = Math.trunc(Math.min(d, 2 ** 31 - 1));
      jq.budget.spendText(s.length * n);
      if (s.length * n > 1 << 24) throw new JqError('String too long');
      return s.repeat(n);
    }
    if (isObject(a) && isObject(b)) return deepMerge(a, b);
    throw new JqError(`${described(a)} and ${described(b)} cannot be multiplied`);
  },
  '/': (a, b, jq) => {
    if (isNumber(a) && isNumber(b)) {
      if (num(b) === 0) throw new JqError(`${described(a)} and ${described(b)} cannot be divided because the divisor is zero`);
      return num(a) / num(b);
    }
    if (typeof a === 'string' && typeof b === 'string') return splitString(a, b, jq);
    throw new JqError(`${described(a)} and ${described(b)} cannot be divided`);
  },
  '%': (a, b) => {
    if (isNumber(a) && isNumber(b)) {
      const x = num(a);
      const y = num(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
      const toInt = (d: number) => (d < -(2 ** 63) ? -(2n ** 63n) : -d < -(2 ** 63) ? 2n ** 63n - 1n : BigInt(Math.trunc(d)));
      const bi = toInt(y);
      if (bi === 0n) throw new JqError(`${described(a)} and ${described(b)} cannot be divided (remainder) because the divisor is zero`);
      return bi === -1n ? 0 : Number(toInt(x) % bi);
    }
    throw new JqError(`${described(a)} and ${described(b)} cannot be divided (remainder)`);
  },
  '==': (a, b) => equals(a, b),
  '!=': (a, b) => !equals(a, b),
  '<': (a, b) => compareValues(a, b) < 0,
  '<=': (a, b) => compareValues(a, b) <= 0,
  '>': (a, b) => compareValues(a, b) > 0,
  '>=': (a, b) => compareValues(a, b) >= 0,
};


function deepMerge(a: JqObject, b: JqObject): JqObject {
  const o = new Map(a);
  for (const [k, v] of b) {
    const old = o.get(k);
    o.set(k, old !== undefined && isObject(old) && isObject(v) ? deepMerge(old, v) : v);
  }
  return o;
}

/** `"a,b" / ","` and split/1: pieces between occurrences; splitting "" gives []. */
export function splitString(s: string, sep: string, jq: Interpreter): JqValue[] {
  jq.budget.spendText(s.length);
  if (s === '') return [];
  if (sep === '') return Array.from(s);
  return s.split(sep);
}

/** A reduce update that only writes into `.`: `.[K] op V` or `. + V`, with K and V not reading `.`. */
type InPlace = { kind: 'set'; op: Extract<Node, { k: 'update' }>['op']; key: Node; value: Node } | { kind: 'append'; value: Node };

function inPlaceUpdate(update: Node): InPlace | null {
  if (update.k === 'update' && update.l.k === 'index' && update.l.target.k === 'identity' && !readsInput(update.l.index)) {
    // |= gives its right side the old value, never `.` itself; the others must not read `.`.
    if (update.op === '|=' || !readsInput(update.r)) return { kind: 'set', op: update.op, key: update.l.index, value: update.r };
  }
  if (update.k === 'binop' && update.op === '+' && update.l.k === 'identity' && !readsInput(update.r)) return { kind: 'append', value: update.r };
  return null;
}

/** Whether an expression may read its input (`.`): only what plainly cannot (literals, variables, and what is piped from them) is safe. */
function readsInput(node: Node): boolean {
  switch (node.k) {
    case 'literal':
    case 'var':
    case 'loc':
      return false;
    case 'pipe':
      return readsInput(node.l);
    case 'comma':
    case 'binop':
    case 'and':
    case 'or':
    case 'alt':
      return readsInput(node.l) || readsInput(node.r);
    case 'neg':
      return readsInput(node.e);
    case 'array':
      return node.body !== null && readsInput(node.body);
    case 'object':
      return node.entries.some((e) => readsInput(e.key) || readsInput(e.value));
    case 'string':
      return node.parts.some((p) => typeof p !== 'string' && readsInput(p));
    case 'index':
    case 'slice':
    case 'iterate':
      return readsInput(node.target) || (node.k === 'index' && readsInput(node.index)) || (node.k === 'slice' && ((node.from !== null && readsInput(node.from)) || (node.to !== null && readsInput(node.to))));
    default:
      return true;
  }
}
