// The shape of a parsed command line, close to the POSIX shell grammar's names: a script is a
// list of and-or chains of pipelines of simple commands.

export type WordPart =
  | { kind: 'text'; value: string; quoted: boolean }
  | ParamPart
  | { kind: 'subst'; script: Script; quoted: boolean }
  /** `~` (the home directory) or `~user` (that user's). */
  | { kind: 'tilde'; user?: string }
  /** A `${...}` bash cannot read: an error when the word is expanded, as in bash. */
  | { kind: 'bad'; text: string };

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
  /** For `${VAR:offset:length}`. */
  offset?: number;
  length?: number;
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
  | ':';

export interface Word {
  parts: WordPart[];
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  /** For `<<EOF`: the body, and whether $VARS expand in it (they do unless the delimiter is quoted). */
  heredoc?: { body: string; expand: boolean };
}

export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
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

/** `for NAME in WORDS; do ...; done` (without `in`, the positional parameters: none here). */
export interface ForCommand {
  kind: 'for';
  name: string;
  words: Word[];
  body: Script;
}

/** A block with its redirections (`done > out.txt`, `fi 2>&1`). */
export type CompoundCommand = (IfCommand | LoopCommand | ForCommand) & { redirects: Redirect[] };
export type Command = SimpleCommand | CompoundCommand;

export const isCompound = (command: Command): command is CompoundCommand => 'kind' in command;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface Script {
  items: AndOr[];
}
