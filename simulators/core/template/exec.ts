// The executor of Go's text/template (text/template/exec.go): walks a parsed template over the
// caller's data and writes its output, stopping at the first error as Go does. Error messages
// carry Go's byte positions: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope...
// Everything here is pure: no clock, no randomness, no global state; any bad template or data
// gives a TemplateError, never a TypeError.
import { BUILTINS } from './builtins';
import { goTypeName, noFlags, Printer, type TypeNamer } from './fmt';
import { callUser, FuncError, PARAM_TYPE_NAME, type CallContext, type FuncMap, type ParamType, type TemplateFunc } from './functions';
import { compareGo, countNL, goQuote, utf8Len } from './go-text';
import {
  nodeString,
  type BranchNode, type ChainNode, type CommandNode, type FieldNode, type IdentifierNode, type Node, type NumberNode, type ParsedTemplate, type PipeNode, type TemplateNode, type VariableNode,
} from './nodes';
import {
  asTemplateError, fromData, GoComplex, GoFloat, hasOwn, indirect, INVALID, isAllStrings, isTrue, kindOf, MISSING, ownKeys, tagOf, TemplateError,
  type TemplateFn, type TemplateValue, type Val,
} from './values';

export interface ExecuteOptions {
  /** Go type of the data, for "can't evaluate field X in type T" (docker: `*formatter.ContainerContext`). */
  typeName?: string;
  /** The functions the template was parsed with, besides Go's builtins (a name here overrides a builtin). */
  funcs?: FuncMap;
}

class BreakSignal {}
class ContinueSignal {}

/** Simulator limits, so that a template cannot hang the page (Go has none of these). */
const MAX_OUTPUT = 1 << 22;
const MAX_STEPS = 2_000_000;
const MAX_TEMPLATE_DEPTH = 1000; // Go's maxExecDepth on wasm

interface Variable {
  name: string;
  value: Val;
}

class Exec implements CallContext {
  node: Node | null = null;
  vars: Variable[];
  out: string[] = [];
  calleeName = '';
  readonly printer: Printer;
  private readonly names: TypeNamer;

  constructor(
    private readonly t: ParsedTemplate,
    private readonly name: string,
    root: Val,
    private readonly funcs: FuncMap,
    rootTypeName: string | undefined,
    private readonly depth = 0,
    parent?: Exec,
  ) {
    this.vars = [{ name: '$', value: root }];
    this.names = parent ? parent.names : (o) => tagOf(o)?.typeName ?? (o === root ? rootTypeName : undefined);
    this.printer = parent ? parent.printer : new Printer(this.names);
    if (parent) {
      this.out = parent.out;
      this.shared = parent.shared;
    }
  }

  private shared = { outLen: 0, steps: 0 };

  typeName(v: Val): string {
    return goTypeName(v, this.names);
  }

  sprintV(v: Val): string {
    return this.printer.arg(v, 'v', noFlags(), 0);
  }

  /** html/js/urlquery's evalArgs: fmt.Sprint, or the string itself. */
  evalArgs(args: Val[]): string {
    if (args.length === 1 && typeof args[0] === 'string') return args[0];
    return this.printer.sprint(args);
  }

  errorf(message: string): never {
    if (!this.node) throw new TemplateError(`template: ${this.name}: ${message}`);
    const text = this.t.source.slice(0, this.node.pos);
    const nl = text.lastIndexOf('\n');
    const line = 1 + countNL(text);
    const col = utf8Len(nl < 0 ? text : text.slice(nl + 1));
    throw new TemplateError(`template: :${line}:${col}: executing ${goQuote(this.name)} at <${nodeString(this.node)}>: ${message}`);
  }

  private at(n: Node): void {
    this.node = n;
    if (++this.shared.steps > MAX_STEPS) this.errorf('execution budget exceeded (simulator limit)');
  }

  private write(s: string): void {
    this.shared.outLen += s.length;
    if (this.shared.outLen > MAX_OUTPUT) this.errorf('output limit exceeded (simulator limit)');
    this.out.push(s);
  }

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: Val): void {
    this.vars[this.vars.length - n].value = value;
  }

  private varValue(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: Val, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.write(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: Val): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Val, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const one = (index: Val, elem: Val) => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (!(e instanceof ContinueSignal)) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (kindOf(val)) {
        case 'slice': {
          const a = val as unknown[];
          for (let i = 0; i < a.length; i++) one(i, fromData(a[i]));
          ran = a.length > 0;
          break;
        }
        case 'map': {
          const o = val as Record<string, unknown>;
          const keys = ownKeys(o).sort(compareGo);
          for (const k of keys) one(k, fromData(o[k]));
          ran = keys.length > 0;
          break;
        }
        case 'int': {
          if (decl.length > 1) this.errorf(`can't use ${this.sprintV(val)} to iterate over more than one variable`);
          const n = val as number;
          for (let i = 0; i < n; i++) one(i, i);
          ran = n > 0;
          break;
        }
        case 'invalid':
        case 'nil':
          break;
        default:
          this.errorf(`range can't iterate over ${this.sprintV(val)}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: Val, t: TemplateNode): void {
    this.at(t);
    const tree = this.t.trees.get(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= MAX_TEMPLATE_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const sub = new Exec(this.t, t.name, newDot, this.funcs, undefined, this.depth + 1, this);
    sub.walk(newDot, tree);
  }

  private evalPipeline(dot: Val, pipe: PipeNode | null): Val {
    if (!pipe) return INVALID;
    this.at(pipe);
    let value: Val = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null || value === undefined) value = INVALID; // an interface{} holding nil
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  private notAFunction(args: Node[], final: Val): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Val, cmd: CommandNode, final: Val): Val {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    return this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): Val {
    this.at(c);
    if (c.isComplex) return new GoComplex(c.re, c.im);
    const isHexInt = c.text.length > 2 && c.text[0] === '0' && (c.text[1] === 'x' || c.text[1] === 'X') && !/[pP]/.test(c.text);
    const isRuneInt = c.text[0] === "'";
    if (c.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(c.text)) return new GoFloat(c.float);
    if (c.isInt) return c.int;
    if (c.isUint) return this.errorf(`${c.text} overflows int`);
    return INVALID;
  }

  private evalFieldNode(dot: Val, field: FieldNode, args: Node[] | null, final: Val): Val {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Val, chain: ChainNode, args: Node[] | null, final: Val): Val {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Val, v: VariableNode, args: Node[] | null, final: Val): Val {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Val, receiver: Val, node: Node, ident: string[], args: Node[] | null, final: Val): Val {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, receiver);
  }

  private evalFunction(dot: Val, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Val): Val {
    this.at(node);
    const name = node.ident;
    const own = hasOwn(this.funcs, name);
    const fn = own ? this.funcs[name] : hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
    if (!fn) return this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, !own, cmd, name, args, final);
  }

  private evalField(dot: Val, fieldName: string, node: Node, args: Node[] | null, final: Val, receiver: Val): Val {
    if (receiver === INVALID) return INVALID;
    if (receiver === null || receiver === undefined) return this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const k = kindOf(receiver);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (k === 'struct' || k === 'map') {
      const o = receiver as Record<string, unknown>;
      const m = hasOwn(o, fieldName) ? o[fieldName] : undefined;
      if (typeof m === 'function') {
        const fn = m as TemplateFn;
        const sig: TemplateFunc = { params: Array(fn.length).fill('any'), call: (a) => callUser(fn, a) };
        return this.evalCall(dot, sig, false, node, fieldName, args, final);
      }
      if (k === 'struct' && hasOwn(o, fieldName)) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return fromData(m);
      }
      if (k === 'map') {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        return hasOwn(o, fieldName) ? fromData(m) : INVALID;
      }
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${this.typeName(receiver)}`);
  }

  private evalCall(dot: Val, fn: TemplateFunc, isBuiltin: boolean, node: Node, name: string, args0: Node[] | null, final: Val): Val {
    const args = args0 ? args0.slice(1) : [];
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fn.params.length) this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: Val = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(indirect(v)) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }

    const argv: Val[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]));
    if (final !== MISSING) {
      let t: ParamType = fn.params[fn.params.length - 1] ?? fn.variadic ?? 'any';
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.params[numIn - 1] : fn.variadic;
      argv.push(this.validateType(final, t));
    }
    this.calleeName = isBuiltin && name === 'call' && args[0] ? nodeString(args[0]) : name;
    try {
      return fn.call(argv, this);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  private validateType(value: Val, typ: ParamType | null): Val {
    if (value === INVALID || value === undefined) {
      if (typ === null || typ === 'value') return INVALID;
      if (typ === 'any') return null;
      if (typ === 'strings') return [];
      return this.errorf(`invalid value; expected ${PARAM_TYPE_NAME[typ]}`);
    }
    if (typ === null || typ === 'any' || typ === 'value') return value;
    const k = kindOf(value);
    const ok = typ === 'string' ? k === 'string' : typ === 'int' ? k === 'int' : k === 'slice' && isAllStrings(value as unknown[]);
    if (!ok) this.errorf(`wrong type for value; expected ${PARAM_TYPE_NAME[typ]}; got ${this.typeName(value)}`);
    return value;
  }

  private evalArg(dot: Val, typ: ParamType | null, n: Node): Val {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === null || typ === 'any' || typ === 'value' || typ === 'strings') return typ === 'strings' ? [] : typ === 'value' ? INVALID : null;
        return this.errorf(`cannot assign nil to ${PARAM_TYPE_NAME[typ]}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'string':
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'any':
      case 'value':
        switch (n.type) {
          case 'bool':
            return n.value;
          case 'number':
            return this.idealConstant(n);
          case 'string':
            return n.text;
        }
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ === null ? 'interface {}' : PARAM_TYPE_NAME[typ]}`);
  }

  private printValue(n: Node, v: Val): void {
    this.at(n);
    if (v === INVALID || v === null || v === undefined) return this.write('<no value>');
    if (typeof v === 'function') return this.errorf(`can't print ${nodeString(n)} of type ${this.typeName(v)}`);
    this.write(this.printer.sprint([v]));
  }
}

/** Executes a template; stops at the first error like Go and reports what was written so far. */
export function executeTemplatePartial(t: ParsedTemplate, data: TemplateValue, options: ExecuteOptions = {}): { output: string; error?: TemplateError } {
  const root = fromData(data);
  const x = new Exec(t, '', root, options.funcs ?? {}, options.typeName);
  try {
    const tree = t.trees.get('');
    if (!tree) return { output: '', error: new TemplateError('template: : "" is an incomplete or empty template') };
    x.walk(root, tree);
    return { output: x.out.join('') };
  } catch (e) {
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return { output: x.out.join(''), error: new TemplateError('template: internal error: break outside range') };
    return { output: x.out.join(''), error: asTemplateError(e) };
  }
}

/** Executes a parsed template against data. Throws TemplateError, worded like Go's. */
export function executeTemplate(t: ParsedTemplate, data: TemplateValue, options: ExecuteOptions = {}): string {
  const { output, error } = executeTemplatePartial(t, data, options);
  if (error) throw error;
  return output;
}
