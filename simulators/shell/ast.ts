// The shape of a parsed command line, close to the POSIX shell grammar's names: a script is a
// list of and-or chains of pipelines of simple commands.

export type WordPart =
  | { kind: 'text'; value: string; quoted: boolean }
  | { kind: 'param'; name: string; op?: ParamOp; arg?: Word; quoted: boolean }
  | { kind: 'subst'; script: Script; quoted: boolean }
  | { kind: 'tilde' };

/** The `${VAR:-default}` family. */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | '#';

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

export interface Pipeline {
  negate: boolean;
  commands: SimpleCommand[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface Script {
  items: AndOr[];
}
