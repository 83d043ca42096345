// The shape of a parsed command line, close to the POSIX shell grammar's names: a script is a
// list of and-or chains of pipelines of simple commands.

export type WordPart =
  | { kind: 'text'; value: string; quoted: boolean }
  | ParamPart
  | { kind: 'subst'; script: Script; quoted: boolean }
  /** `~` (the home directory) or `~user` (that user's). */
  | { kind: 'tilde'; user?: string }
  /** A `${...}` bash cannot read: an error when the word is expanded, as in bash. */
  | { kind: 'bad'; text: string }
  /** `$(( expr ))`: the expression is expanded as in double quotes, then evaluated. */
  | { kind: 'arith'; expr: Word; quoted: boolean }
  /** `<(cmd)`: the name of a file holding what the command printed (`/dev/fd/63`). */
  | { kind: 'procsubst'; script: Script };

export interface ParamPart {
  kind: 'param';
  name: string;
  /** `${!NAME}`: the variable named by NAME's value. */
  indirect?: boolean;
  op?: ParamOp;
  /** The word after the operator: a default, a message or a pattern. */
  arg?: Word;
  /** For `${VAR/pattern/string}`: the string. */
  replacement?: Word;
  /** For `${VAR:offset:length}`: arithmetic expressions, expanded first. */
  offset?: Word;
  length?: Word;
  /** `${a[...]}`: `@` or `*` for every element, else the subscript (expanded, then read as arithmetic). */
  index?: Word | '@' | '*';
  quoted: boolean;
}

/**
 * The `${VAR...}` operators, spelled as in bash: defaults and errors (`:-`, `:=`, `:+`, `:?`),
 * `length` for `${#VAR}`, pattern removal (`#`, `##`, `%`, `%%`), replacement (`/`, `//`, `/#`,
 * `/%`), case (`^`, `^^`, `,`, `,,`) and `:` for a substring.
 */
export type ParamOp =
  | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?'
  | 'length'
  | '#' | '##' | '%' | '%%'
  | '/' | '//' | '/#' | '/%'
  | '^' | '^^' | ',' | ',,'
  | ':'
  /** `${!a[@]}`: an array's indices. */
  | 'keys'
  /** `${x@Q}` quoted for reuse, `@U` `@u` `@L` upper/first/lower case, `@a` the attribute letters. */
  | '@Q' | '@U' | '@u' | '@L' | '@a';

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  /** For `<<EOF`: the body, and whether $VARS expand in it (they do unless the delimiter is quoted). */
  heredoc?: { body: string; expand: boolean };
}

export interface Word {
  parts: WordPart[];
  /**
   * An argument of a declaration builtin (local, declare, export...) written as an assignment:
   * expanded as one, without splitting or globbing, and `a=(x y)` keeps its elements.
   */
  assign?: Assignment;
}

/** `NAME=value`, `NAME+=value`, `NAME[i]=value`, `NAME=(x y [5]=z)`. */
export interface Assignment {
  name: string;
  value: Word;
  /** `NAME[i]=`: the subscript, expanded, then read as arithmetic. */
  index?: Word;
  /** `+=`: appends (to the text, to the array). */
  append?: boolean;
  /** `NAME=(...)`: the elements (`x`, or `[i]=value`); `value` is then empty. */
  array?: ArrayElement[];
}

/** One element of `(x y [5]=z)`: a word that may give several elements, or one value at an index. */
export interface ArrayElement {
  index?: Word;
  value: Word;
  append?: boolean;
}

export interface SimpleCommand {
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

/** `if ...; then ...; elif ...; else ...; fi` */
export interface IfCommand {
  kind: 'if';
  clauses: { condition: Script; body: Script }[];
  otherwise?: Script;
}

/** `while ...; do ...; done` and `until ...; do ...; done` */
export interface LoopCommand {
  kind: 'while' | 'until';
  condition: Script;
  body: Script;
}

/** `for NAME in WORDS; do ...; done` (without `in`: the positional parameters). */
export interface ForCommand {
  kind: 'for';
  name: string;
  /** Undefined without `in`: "$@". */
  words: Word[] | undefined;
  body: Script;
}

/** `for (( init; test; step )); do ...; done`: three arithmetic expressions (an empty test is true). */
export interface ArithForCommand {
  kind: 'arithFor';
  init: Word;
  test: Word;
  step: Word;
  body: Script;
}

/** `case WORD in PATTERN|PATTERN) ...;; esac`, where `;&` falls into the next body and `;;&` tests the next patterns. */
export interface CaseCommand {
  kind: 'case';
  word: Word;
  items: { patterns: Word[]; body: Script; end: ';;' | ';&' | ';;&' }[];
}

/** `{ ...; }` runs in this shell; `( ... )` in a copy of it, whose changes go when it ends. */
export interface GroupCommand {
  kind: 'group' | 'subshell';
  body: Script;
}

/** `(( expr ))`: status 0 when the expression is not 0. */
export interface ArithCommand {
  kind: 'arith';
  expr: Word;
}

/** `name () { ...; }` and `function name { ...; }`: the body is kept, to run when the name is called. */
export interface FunctionDefinition {
  kind: 'function';
  name: string;
  body: CompoundCommand;
}

/** `[[ expr ]]`: a conditional expression whose words are expanded without splitting or globbing. */
export interface CondCommand {
  kind: 'cond';
  expr: CondExpr;
}

export type CondExpr =
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { kind: 'not'; expr: CondExpr }
  /** `-f file`, `-z text`, `-v name`... */
  | { kind: 'unary'; op: string; arg: Word }
  /** `a == pattern`, `a =~ regex`, `a -lt b`, `a < b`... */
  | { kind: 'binary'; op: string; left: Word; right: Word }
  /** A word alone: true when it expands to something. */
  | { kind: 'word'; word: Word };

export type Block = IfCommand | LoopCommand | ForCommand | ArithForCommand | CaseCommand | GroupCommand | ArithCommand | CondCommand | FunctionDefinition;

/** A block with its redirections (`done > out.txt`, `fi 2>&1`). */
export type CompoundCommand = Block & { redirects: Redirect[] };
export type Command = SimpleCommand | CompoundCommand;

export const isCompound = (command: Command): command is CompoundCommand => 'kind' in command;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
  /** `time PIPELINE` (`time -p`: the POSIX format): how long it took, on standard error after it. */
  time?: 'bash' | 'posix';
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  /** `cmd &`: runs as a job without the terminal while the shell goes on. */
  background?: boolean;
}

export interface Script {
  items: AndOr[];
}
