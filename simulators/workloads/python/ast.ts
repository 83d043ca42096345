// The syntax tree the parser builds and the interpreter walks.
import type { PyValue } from './values';

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
