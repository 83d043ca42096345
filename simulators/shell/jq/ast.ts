// The tree a jq program parses into (parser.ts), walked by the interpreter.
import type { JqValue } from './values';

export type Pattern =
  | { k: 'var'; name: string }
  | { k: 'array'; items: Pattern[] }
  /** Object patterns: each entry's key (a name, a string, an expression) and what it binds. */
  | { k: 'object'; entries: { key: Node; bind?: string; pattern?: Pattern }[] };

export interface FuncDef {
  name: string;
  /** Parameters: `f` (a filter) or `$x` (a value, also usable as the filter `x`). */
  params: { name: string; value: boolean }[];
  body: Node;
}

export type Node =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'literal'; v: JqValue }
  /** `.a`, `.[e]`, `."a"`: index `target` by `index`; `opt` for `?`. */
  | { k: 'index'; target: Node; index: Node; opt: boolean }
  | { k: 'slice'; target: Node; from: Node | null; to: Node | null; opt: boolean }
  | { k: 'iterate'; target: Node; opt: boolean }
  /** A string with interpolations, under a format (`@base64 "\(.)"`) or none. */
  | { k: 'string'; parts: (string | Node)[]; format: string | null }
  | { k: 'format'; name: string }
  | { k: 'array'; body: Node | null }
  | { k: 'object'; entries: { key: Node; value: Node }[] }
  | { k: 'neg'; e: Node }
  | { k: 'pipe'; l: Node; r: Node }
  | { k: 'comma'; l: Node; r: Node }
  | { k: 'binop'; op: '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>='; l: Node; r: Node }
  | { k: 'and' | 'or' | 'alt'; l: Node; r: Node }
  | { k: 'update'; op: '=' | '|=' | '+=' | '-=' | '*=' | '/=' | '%=' | '//='; l: Node; r: Node }
  | { k: 'if'; cond: Node; then: Node; else: Node | null }
  | { k: 'try'; body: Node; catch: Node | null }
  | { k: 'reduce'; source: Node; patterns: Pattern[]; init: Node; update: Node }
  | { k: 'foreach'; source: Node; patterns: Pattern[]; init: Node; update: Node; extract: Node | null }
  | { k: 'def'; def: FuncDef; rest: Node }
  | { k: 'call'; name: string; args: Node[]; pos: number }
  | { k: 'var'; name: string; pos: number }
  | { k: 'as'; source: Node; patterns: Pattern[]; body: Node }
  | { k: 'label'; name: string; body: Node }
  | { k: 'break'; name: string; pos: number }
  | { k: 'loc'; line: number };
