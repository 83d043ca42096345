// The shapes of the subset: the syntax tree the parser builds and the interpreter walks, and the
// values programs compute with. They refer to each other (a constant holds a value, a function
// value holds its body), so they live together.

export type PyValue = null | boolean | bigint | number | string | PyList | PyTuple | PyDict | PyFunc | PyBuiltin | PyModule | PyRange;
export interface PyList { t: 'list'; items: PyValue[] }
export interface PyTuple { t: 'tuple'; items: PyValue[] }
export interface PyDict { t: 'dict'; map: Map<string, [PyValue, PyValue]> }
export interface PyFunc { t: 'func'; name: string; params: { name: string; def?: Expr }[]; body: Stmt[]; closure: PyScope }
export interface PyBuiltin { t: 'builtin'; name: string; call: (args: PyValue[], kwargs: Record<string, PyValue>) => PyValue }
export interface PyModule { t: 'module'; name: string; attrs: Record<string, PyValue> }
export interface PyRange { t: 'range'; start: bigint; stop: bigint; step: bigint }

/** Names visible to running code (values.ts's Scope): a function's locals, then what it closed over. */
export interface PyScope {
  readonly vars: Map<string, PyValue>;
  readonly parent?: PyScope;
  get(name: string): PyValue | undefined;
}

/** Where an expression stands in the source (columns 0-based), for a traceback's carets. */
export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type Expr = ExprNode & {
  at?: Span;
  /** A binary operator's column and a subscript's `[`: where CPython's carets turn from ~ to ^. */
  anchor?: number;
};

type ExprNode =
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
