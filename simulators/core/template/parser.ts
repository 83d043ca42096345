// The parser of Go's text/template (text/template/parse/parse.go): tokens to trees, {{define}} and
// {{block}} as named trees, variables checked in scope, and Go's error messages word for word.
import { BUILTINS } from './builtins';
import type { FuncMap } from './functions';
import { goQuote, utf8Len } from './go-text';
import { KEYWORD_TYPES, Lexer, type Token, type TokType } from './lexer';
import {
  isEmptyTree, newVariable, nodeString,
  type BranchNode, type ChainNode, type CommandNode, type EndNode, type ListNode, type Node, type NumberNode, type ParsedTemplate, type PipeNode, type TemplateNode,
} from './nodes';
import { parseFloat64, parseInt0, parseUint0, unquote, unquoteChar } from './strconv';
import { asTemplateError, TemplateError } from './values';

/** parse.NumberNode construction (newNumber). Throws the error text. */
function newNumber(pos: number, text: string, typ: TokType): NumberNode {
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0, re: 0, im: 0 };
  const simplifyComplex = () => {
    n.isFloat = n.im === 0;
    if (n.isFloat) {
      n.float = n.re;
      n.isInt = Number.isInteger(n.re) && Math.abs(n.re) < 2 ** 63;
      if (n.isInt) n.int = n.re;
      n.isUint = Number.isInteger(n.re) && n.re >= 0 && n.re < 2 ** 64;
    }
  };
  if (typ === 'charConstant') {
    let r: { value: number; next: number };
    try {
      r = unquoteChar(text, 1, 0x27);
    } catch {
      throw 'invalid syntax';
    }
    if (text.slice(r.next) !== "'") throw `malformed character constant: ${text}`;
    n.int = n.float = r.value;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (typ === 'complex') {
    // "re±imi": split at the sign that starts the imaginary part.
    let k = -1;
    for (let i = text.length - 2; i > 0; i--) {
      if ((text[i] === '+' || text[i] === '-') && !/[eEpP]/.test(text[i - 1])) {
        k = i;
        break;
      }
    }
    const re = k > 0 ? parseFloat64(text.slice(0, k)) : null;
    const im = k > 0 ? parseFloat64(text.slice(k, -1)) : null;
    if (re === null || im === null) throw `illegal number syntax: ${goQuote(text)}`;
    n.isComplex = true;
    n.re = re;
    n.im = im;
    simplifyComplex();
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== null) {
      n.isComplex = true;
      n.im = f;
      simplifyComplex();
      return n;
    }
  }
  const u = parseUint0(text);
  if (typeof u === 'bigint') {
    n.isUint = true;
  }
  const i = parseInt0(text);
  if (typeof i === 'bigint') {
    n.isInt = true;
    n.int = Number(i);
    if (i === 0n) n.isUint = true;
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = n.int;
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(u);
  } else {
    const f = parseFloat64(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) throw `integer overflow: ${goQuote(text)}`;
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int = f;
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw `illegal number syntax: ${goQuote(text)}`;
  return n;
}

/** Parens and control structures nested deeper than this are refused (Go's limit on wasm). */
const MAX_DEPTH = 1000;

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private furthest = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  private stackDepth = 0;
  private nestDepth = 0;
  readonly trees = new Map<string, ListNode>();

  constructor(
    private readonly text: string,
    private readonly funcs: ReadonlySet<string>,
  ) {
    this.tokens = new Lexer(text).all();
  }

  private tok(index: number): Token {
    if (index < this.tokens.length) return this.tokens[index];
    const last = this.tokens[this.tokens.length - 1];
    return { typ: 'eof', pos: this.text.length, val: 'EOF', line: last.line };
  }

  private next(): Token {
    const t = this.tok(this.i);
    this.furthest = Math.max(this.furthest, this.i);
    this.i++;
    return t;
  }

  private backup(): void {
    this.i--;
  }

  private peek(): Token {
    this.furthest = Math.max(this.furthest, this.i);
    return this.tok(this.i);
  }

  private nextNonSpace(): Token {
    let t: Token;
    do t = this.next();
    while (t.typ === 'space');
    return t;
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  private errorf(message: string): never {
    throw new TemplateError(`template: :${this.tok(this.furthest).line}: ${message}`);
  }

  private expect(typ: TokType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.typ !== typ) this.unexpected(t, context);
    return t;
  }

  private unexpected(t: Token, context: string): never {
    if (t.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at :${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(t)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }

  parse(): void {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== 'eof') {
      if (this.peek().typ === 'leftDelim') {
        const at = this.i;
        this.next();
        if (this.nextNonSpace().typ === 'define') {
          this.nested(() => this.parseDefinition());
          continue;
        }
        this.i = at;
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    this.add('', root);
  }

  /** A {{define}} or {{block}} body is a tree of its own: fresh variables and depths. */
  private nested<T>(fn: () => T): T {
    const saved = { vars: this.vars, actionLine: this.actionLine, rangeDepth: this.rangeDepth, stackDepth: this.stackDepth };
    this.vars = ['$'];
    this.actionLine = 0;
    this.rangeDepth = 0;
    this.stackDepth = 0;
    try {
      return fn();
    } finally {
      Object.assign(this, saved);
    }
  }

  private add(name: string, list: ListNode): void {
    const existing = this.trees.get(name);
    if (!existing || isEmptyTree(existing)) {
      this.trees.set(name, list);
      return;
    }
    if (!isEmptyTree(list)) this.errorf(`template: multiple definition of template ${goQuote(name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== 'string' && t.typ !== 'rawString') this.unexpected(t, context);
    const name = this.unquoteOrFail(t.val);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add(name, list);
  }

  private unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch {
      return this.errorf('invalid syntax');
    }
  }

  private itemList(): [ListNode, EndNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'text':
        return { type: 'text', pos: t.pos, text: t.val };
      case 'leftDelim':
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        return this.unexpected(t, 'input');
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue': {
        const n = this.nextNonSpace();
        if (n.typ !== 'rightDelim') this.unexpected(n, `{{${t.typ}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${t.typ}}} outside {{range}}`);
        return { type: t.typ, pos: t.pos };
      }
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return this.control(t.typ);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const at = this.peek();
    return { type: 'action', pos: at.pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private control(context: 'if' | 'range' | 'with'): BranchNode {
    if (++this.nestDepth > MAX_DEPTH) this.errorf('max expression depth exceeded');
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        if ((context === 'if' && this.peek().typ === 'if') || (context === 'with' && this.peek().typ === 'with')) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.control(context)] };
        } else {
          const [l, end] = this.itemList();
          if (end.type !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
          elseList = l;
        }
      }
      return { type: context, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
      this.nestDepth--;
    }
  }

  private elseControl(): EndNode {
    const p = this.peekNonSpace();
    if (p.typ === 'if' || p.typ === 'with') return { type: 'else', pos: p.pos };
    return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  private templateName(t: Token, context: string): string {
    if (t.typ === 'string' || t.typ === 'rawString') return this.unquoteOrFail(t.val);
    return this.unexpected(t, context);
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    this.nested(() => {
      const [list, end] = this.itemList();
      if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
      this.add(name, list);
    });
    return { type: 'template', pos: t.pos, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: t.pos, name, pipe };
  }

  private pipeline(context: string, end: TokType): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: first.pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') break;
      const at = this.i;
      this.next();
      const nx = this.peekNonSpace();
      if (nx.typ === 'assign' || nx.typ === 'declare') {
        pipe.isAssign = nx.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        this.vars.push(v.val);
        break;
      }
      if (nx.typ === 'char' && nx.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      this.i = at; // not a declaration: the variable is an operand
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case 'bool': case 'charConstant': case 'complex': case 'dot': case 'field': case 'identifier':
        case 'number': case 'nil': case 'rawString': case 'string': case 'variable': case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') this.backup();
      else if (t.typ !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().typ !== 'field') return node;
    const chain: ChainNode = { type: 'chain', pos: this.peek().pos, node, field: [] };
    while (this.peek().typ === 'field') chain.field.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos: chain.pos, ident: nodeString(chain).slice(1).split('.') };
      case 'variable':
        return newVariable(chain.pos, nodeString(chain));
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return chain;
    }
  }

  private term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable': {
        const v = newVariable(t.pos, t.val);
        if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
        return v;
      }
      case 'field':
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        try {
          return newNumber(t.pos, t.val, t.typ);
        } catch (e) {
          return this.errorf(String(e));
        }
      case 'leftParen': {
        if (this.stackDepth >= MAX_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen');
        } finally {
          this.stackDepth--;
        }
      }
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, quoted: t.val, text: this.unquoteOrFail(t.val) };
    }
    this.backup();
    return null;
  }
}

function itemString(t: Token): string {
  if (t.typ === 'eof') return 'EOF';
  if (t.typ === 'error') return t.val;
  if (KEYWORD_TYPES.has(t.typ)) return `<${t.val}>`;
  if (utf8Len(t.val) > 10) return goQuote([...t.val].slice(0, 10).join('')) + '...';
  return goQuote(t.val);
}

/**
 * Parses a template; `funcs` are the functions it may call besides Go's builtins (Go checks names
 * when parsing: function "foo" not defined). Throws TemplateError on bad syntax.
 */
export function parseTemplate(source: string, funcs: FuncMap = {}): ParsedTemplate {
  try {
    const p = new Parser(String(source), new Set([...Object.keys(BUILTINS), ...Object.keys(funcs)]));
    p.parse();
    return { source: String(source), trees: p.trees };
  } catch (e) {
    throw asTemplateError(e);
  }
}
