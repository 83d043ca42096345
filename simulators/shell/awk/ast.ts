// The tree an awk program parses into. Variables are resolved while parsing: a global by name, a
// function's parameter by its slot.

export type VarRef = { scope: 'global'; name: string } | { scope: 'local'; slot: number; name: string };

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  /** A regex literal: alone it means `$0 ~ /re/`; split, sub, gsub, match and ~ use it as a regex. */
  | { k: 'regex'; source: string; line: number }
  | { k: 'var'; ref: VarRef }
  | { k: 'field'; index: Expr }
  | { k: 'index'; ref: VarRef; subs: Expr[] }
  | { k: 'assign'; op: string; target: LValue; value: Expr }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr }
  | { k: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'in'; subs: Expr[]; ref: VarRef }
  | { k: 'match'; negate: boolean; l: Expr; r: Expr; line: number }
  | { k: 'cmp'; op: '<' | '<=' | '==' | '!=' | '>' | '>='; l: Expr; r: Expr }
  | { k: 'concat'; l: Expr; r: Expr }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '%' | '^'; l: Expr; r: Expr }
  | { k: 'unary'; op: '-' | '+' | '!'; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[]; line: number }
  /** getline forms: from the main input, from a file (`< file`), from a command (`cmd | getline`). */
  | { k: 'getline'; from: 'main' | 'file' | 'cmd'; target?: LValue; src?: Expr }
  /** Parentheses; `list` holds `(i, j)` before `in`. */
  | { k: 'group'; e: Expr; list?: Expr[] };

export type LValue = Extract<Expr, { k: 'var' } | { k: 'field' } | { k: 'index' }>;

export interface Redirect {
  mode: '>' | '>>' | '|';
  target: Expr;
}

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; dest?: Redirect }
  | { k: 'printf'; args: Expr[]; dest?: Redirect; line: number }
  | { k: 'if'; test: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init?: Expr; test?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; target: VarRef; array: VarRef; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'nextfile' }
  | { k: 'exit'; e?: Expr }
  | { k: 'return'; e?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; ref: VarRef; subs?: Expr[] }
  | { k: 'nop' };

export interface Rule {
  /** No pattern: every record. Two: a range, from the first match to the second. */
  pattern: Expr[];
  /** No action: print the record. */
  action?: Stmt[];
}

export interface FunctionDef {
  name: string;
  params: string[];
  /** Which parameters the body uses as arrays (they are passed by reference). */
  arrays: boolean[];
  body: Stmt[];
}

export interface Program {
  begin: Stmt[][];
  rules: Rule[];
  end: Stmt[][];
  functions: Map<string, FunctionDef>;
  /** Global names used as arrays (length(a) of one never filled is 0, not ""). */
  arrays: Set<string>;
}
