// Reads a command line into a Script, the way bash would split it: quotes and escapes, $VARS,
// $(...), $((...)) and backticks, ; && || |, redirections and heredocs, blocks (if, while, until,
// for, case, { }, ( ), (( ))), functions and array assignments. A line that is fine so far but not
// finished (an open quote, a trailing |, a heredoc without its end) is "incomplete", which the
// line editor answers with a `> ` prompt, as bash does.
import { TextBuilder } from './bytes';
import type { AndOr, ArrayElement, Assignment, Block, CaseCommand, CondExpr, Command, CompoundCommand, ParamOp, ParamPart, Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word, WordPart } from './ast';

export type ParseOutcome =
  | { kind: 'ok'; script: Script }
  | { kind: 'incomplete'; message: string }
  /**
   * `at`: where in the text the parser stood when it gave up (for a script's line numbers).
   * `keepStatus`: bash leaves $? as it was (the errors of `[[ ]]`); otherwise a syntax error's is 2.
   */
  | { kind: 'error'; message: string; at?: number; keepStatus?: boolean };

class Incomplete extends Error {}
class SyntaxError_ extends Error {
  constructor(
    message: string,
    readonly keepStatus = false,
  ) {
    super(message);
  }
}

/** An error inside `[[ ]]`: bash names it its own way, and leaves $? alone. */
const condError = (message: string) => new SyntaxError_(message ? `bash: ${message}` : '', true);

const UNARY_TESTS = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-o', '-v', '-R', '-z', '-n']);
const BINARY_TESTS = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** Constructs bash reads as keywords that we refuse plainly rather than half-run. */
const COMPOUND_KEYWORDS = new Set(['select', 'coproc']);
/** The words that open a block this shell runs. */
const BLOCK_KEYWORDS = new Set(['if', 'while', 'until', 'for', 'case', '{', 'function', '[[']);
const CLOSING_KEYWORDS = new Set(['then', 'do', 'done', 'fi', 'esac', 'else', 'elif', '}', ']]', 'in']);
/** Builtins whose `NAME=value` arguments are assignments (no splitting, `a=(x y)` allowed), as in bash. */
const DECLARATION_BUILTINS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
const ASSIGNMENT_START = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=|\[)/;

const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const REDIRECT = /^(\d+)?(&>>|&>|>>|>&|>\||>|<<<|<<-|<<|<&|<>|<)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '!', '@', '*', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

export const unsupported = (what: string) => `bash: ${what} not supported in this terminal: run one simple command at a time (pipes, &&, || and ; work)`;

/**
 * How deep blocks, $(...) and ${...} may nest. bash's own parser gives up a little past 2,000
 * nested ifs with a syntax error; ours stops sooner, with the same words, so that neither parsing
 * nor running a line can exhaust the JavaScript stack.
 */
export const MAX_NESTING = 200;

/**
 * The source text of a word, an assignment or an arithmetic expression as typed: what `set -x`
 * shows of a for loop's words or an array assignment, and what `declare -f` prints of a function.
 */
const SOURCE = new WeakMap<object, string>();
export const sourceOf = (node: object): string | undefined => SOURCE.get(node);

export function parseScript(src: string, depth = 0): ParseOutcome {
  const parser = new Parser(src, depth);
  try {
    const script = parser.parseList(false);
    return { kind: 'ok', script };
  } catch (e) {
    if (e instanceof Incomplete) return { kind: 'incomplete', message: e.message };
    if (e instanceof SyntaxError_) return { kind: 'error', message: e.message, at: parser.position(), ...(e.keepStatus ? { keepStatus: true } : {}) };
    throw e;
  }
}

/** Parses the body of an unquoted heredoc, where $VARS, $(...) and backticks expand but quotes are plain text. */
export function parseHeredocBody(body: string): Word {
  const parser = new Parser(body);
  return parser.readExpandable(() => parser.atEnd(), true);
}

/**
 * Parses arithmetic text (`$(( ))`, `(( ))`, a subscript): expanded as in double quotes, whose own
 * double quotes are removed (`$(( "1" + 2 ))` is 3); single quotes stay, for the evaluator to refuse.
 */
export function parseArithText(text: string, depth = 0): Word {
  const parser = new Parser(text, depth);
  const word = parser.readArith();
  SOURCE.set(word, text);
  return word;
}

const syntaxError = (token: string) => new SyntaxError_(`bash: syntax error near unexpected token \`${token}'`);

class Parser {
  private pos = 0;
  private pendingHeredocs: { redirect: Redirect; delimiter: string; stripTabs: boolean }[] = [];

  constructor(
    private readonly src: string,
    private depth = 0,
  ) {}

  /** Runs `parse` one nesting level deeper, refusing past MAX_NESTING as bash refuses when its parser's stack is full. */
  private nested<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING) {
      this.skipBlanks();
      throw syntaxError(this.atEnd() ? 'newline' : this.tokenAt(true));
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  atEnd() {
    return this.pos >= this.src.length;
  }

  position() {
    return this.pos;
  }

  private peek(offset = 0) {
    return this.src[this.pos + offset];
  }

  private skipBlanks() {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (c === '#') {
        while (!this.atEnd() && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  /** The operator at the cursor, if any (longest match first). */
  private operator(): string | undefined {
    if (this.src.startsWith(';;&', this.pos)) return ';;&';
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||' || two === ';;' || two === ';&') return two;
    const c = this.peek();
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '\n') return c;
    return undefined;
  }

  /** `cmd &`: the and-or list before it runs as a job, and the next one may follow at once. */
  private background(items: AndOr[]) {
    this.pos++;
    items[items.length - 1].background = true;
  }

  private newline() {
    this.pos++;
    this.readHeredocBodies();
  }

  private skipNewlines() {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '\n') this.newline();
      else return;
    }
  }

  parseList(nested: boolean): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) {
        if (nested) throw new Incomplete('unexpected EOF while looking for matching `)\'');
        break;
      }
      if (nested && this.peek() === ')') break;
      items.push(this.parseAndOr());
      this.skipBlanks();
      const op = this.operator();
      if (op === undefined) {
        if (this.atEnd()) break;
        throw syntaxError(this.tokenAt());
      }
      if (op === ';') this.pos++;
      else if (op === '\n') this.newline();
      else if (op === '&') this.background(items);
      else if (op === ')' && nested) break;
      else throw syntaxError(op);
    }
    if (this.pendingHeredocs.length) throw new Incomplete(`here-document delimited by end-of-file (wanted \`${this.pendingHeredocs[0].delimiter}')`);
    return { items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.operator();
      if (op !== '&&' && op !== '||') return { first, rest };
      this.pos += 2;
      this.skipNewlines();
      if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      rest.push({ op, pipeline: this.parsePipeline() });
    }
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks();
    let time: Pipeline['time'];
    const timed = /^time(?:[ \t]+(-p)(?=[ \t\n;&|)]|$))?(?=[ \t\n;&|)]|$)/.exec(this.src.slice(this.pos, this.pos + 16));
    if (timed) {
      time = timed[1] ? 'posix' : 'bash';
      this.pos += timed[0].length;
      this.skipBlanks();
      // `time` alone times nothing, and says so.
      const op = this.operator();
      if (this.atEnd() || op === ';' || op === '\n' || op === '&&' || op === '||' || op === ')') return { negate: false, commands: [], time };
    }
    let negate = false;
    if (this.peek() === '!' && (this.peek(1) === ' ' || this.peek(1) === '\t')) {
      negate = true;
      this.pos++;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      if (this.operator() !== '|') return time ? { negate, commands, time } : { negate, commands };
      this.pos++;
      this.skipNewlines();
      if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      commands.push(this.parseCommand());
    }
  }

  private parseCommand(): Command {
    this.skipBlanks();
    const keyword = this.reservedWord();
    if (keyword && BLOCK_KEYWORDS.has(keyword)) return this.parseCompound(keyword);
    if (this.peek() === '(') return this.parseParenthesized();
    const command: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      this.skipBlanks();
      if (this.atEnd()) break;
      // `<(cmd)` is a word (a process substitution), not a redirection.
      const redirect = /^[<>]\(/.test(this.src.slice(this.pos, this.pos + 2)) ? null : REDIRECT.exec(this.src.slice(this.pos, this.pos + 8));
      if (redirect) {
        this.pos += redirect[0].length;
        command.redirects.push(this.parseRedirect(redirect[1], redirect[2] as RedirectOp | '>|' | '<>'));
        continue;
      }
      const op = this.operator();
      if (op === '(') {
        const after = this.src.slice(this.pos + 1);
        // `name ()` starts a function definition.
        if (command.words.length === 1 && !command.assigns.length && !command.redirects.length && /^[ \t]*\)/.test(after)) {
          const name = plainText(command.words[0]);
          if (name === undefined) throw syntaxError('(');
          this.pos += 1 + /^[ \t]*\)/.exec(after)![0].length;
          return this.nested(() => this.parseFunctionBody(name));
        }
        if (command.words.length === 1 && !command.assigns.length && !command.redirects.length) {
          // `name (x`: bash complains about what comes after the parenthesis.
          const next = /^[ \t]*(\n|$|&&|\|\||;;|[;&|<>()]|[^ \t\n;&|<>()]+)/.exec(after)![1];
          throw syntaxError(next === '' || next === '\n' ? 'newline' : next);
        }
        throw syntaxError('(');
      }
      if (op !== undefined) break;
      const declaring = command.words.length > 0 && DECLARATION_BUILTINS.has(plainText(command.words[0]) ?? '');
      if (command.words.length === 0 || declaring) {
        const assign = this.readAssignment();
        if (assign) {
          if (declaring) command.words.push({ parts: assign.value.parts, assign });
          else command.assigns.push(assign);
          continue;
        }
      }
      const start = this.pos;
      const word = this.readWordProgressing();
      if (command.words.length === 0) {
        const literal = plainText(word);
        if (literal !== undefined && this.src.slice(start, this.pos) === literal) {
          if (COMPOUND_KEYWORDS.has(literal)) throw new SyntaxError_(unsupported(`'${literal}' blocks are`));
          if (CLOSING_KEYWORDS.has(literal)) throw syntaxError(literal);
        }
      }
      command.words.push(word);
    }
    if (!command.words.length && !command.assigns.length && !command.redirects.length) {
      if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      throw syntaxError(this.operator() === '\n' ? 'newline' : this.operator() ?? this.peek());
    }
    return command;
  }

  /**
   * An assignment word at the cursor (`X=1`, `X+=1`, `a[i + 1]=v`, `a=(x y)`), or undefined (and the
   * cursor unmoved) when the word there is none. A subscript may hold blanks, as bash reads it.
   */
  private readAssignment(): Assignment | undefined {
    const start = this.pos;
    const head = ASSIGNMENT_START.exec(this.src.slice(this.pos, this.pos + 256));
    if (!head) return undefined;
    const name = head[1];
    let index: Word | undefined;
    let at = this.pos + name.length;
    if (head[2] === '[') {
      const close = matchingBracket(this.src, at);
      const op = close === -1 ? undefined : /^\+?=/.exec(this.src.slice(close + 1, close + 3))?.[0];
      if (op === undefined) return undefined;
      index = this.nested(() => parseArithText(this.src.slice(at + 1, close), this.depth + 1));
      at = close + 1;
    }
    const op = /^\+?=/.exec(this.src.slice(at, at + 2))![0];
    this.pos = at + op.length;
    const assign: Assignment = { name, value: { parts: [] } };
    if (index) assign.index = index;
    if (op === '+=') assign.append = true;
    if (this.peek() === '(' && !index) {
      this.pos++;
      assign.array = this.nested(() => this.readArrayElements());
    } else {
      assign.value = this.readWord();
    }
    SOURCE.set(assign, this.src.slice(start, this.pos));
    return assign;
  }

  /** The elements of `(x y [5]=z)`, after its parenthesis, up to and past the closing one. */
  private readArrayElements(): ArrayElement[] {
    const elements: ArrayElement[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) throw new Incomplete("unexpected EOF while looking for matching `)'");
      if (this.peek() === ')') {
        this.pos++;
        return elements;
      }
      const op = this.operator();
      if (op !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 8))) throw syntaxError(this.tokenAt());
      if (this.peek() === '[') {
        const close = matchingBracket(this.src, this.pos);
        const eq = close === -1 ? undefined : /^\+?=/.exec(this.src.slice(close + 1, close + 3))?.[0];
        if (eq !== undefined) {
          const index = parseArithText(this.src.slice(this.pos + 1, close), this.depth + 1);
          this.pos = close + 1 + eq.length;
          const element: ArrayElement = { index, value: this.readWord() };
          if (eq === '+=') element.append = true;
          elements.push(element);
          continue;
        }
      }
      elements.push({ value: this.readWordProgressing() });
    }
  }

  /** The reserved word at the cursor (`do`, `fi`, ...), when a plain word ends right after it. */
  private reservedWord(): string | undefined {
    const m = /^(if|then|elif|else|fi|while|until|for|do|done|in|case|esac|function|\{|\}|\[\[)(?=[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.pos, this.pos + 9));
    return m?.[1];
  }

  private expectWord(word: string) {
    this.skipNewlines();
    if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
    if (this.reservedWord() !== word) throw syntaxError(this.tokenAt());
    this.pos += word.length;
  }

  /** The token bash would name at the cursor in a syntax error: a keyword, a redirection's fd or operator, an operator, or a word. */
  private tokenAt(raw = false): string {
    const redirect = REDIRECT.exec(this.src.slice(this.pos, this.pos + 8));
    const op = this.operator();
    const named = this.reservedWord() ?? (redirect ? redirect[1] ?? redirect[2] : undefined) ?? (op === '\n' ? 'newline' : op);
    if (named !== undefined) return named;
    // At the nesting limit the word is named as typed, without reading what nests inside it.
    return raw ? /^[^ \t\n;&|<>()]*/.exec(this.src.slice(this.pos, this.pos + 256))![0] : this.readWordText();
  }

  private readWordText(): string {
    const start = this.pos;
    this.readWord();
    return this.src.slice(start, this.pos);
  }

  /** Commands up to one of `ends` (which is consumed and returned): the body of a compound command. */
  private parseBlock(ends: readonly string[]): { script: Script; end: string } {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      const word = this.reservedWord();
      if (word && ends.includes(word)) {
        if (!items.length) throw syntaxError(word);
        this.pos += word.length;
        return { script: { items }, end: word };
      }
      items.push(this.parseAndOr());
      this.skipBlanks();
      const op = this.operator();
      if (op === ';') this.pos++;
      else if (op === '\n') this.newline();
      else if (op === '&') this.background(items);
      else if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      else if (op !== undefined) throw syntaxError(op);
      else if (!ends.includes(this.reservedWord() ?? '')) throw syntaxError(this.tokenAt());
    }
  }

  private parseCompound(keyword: string): CompoundCommand {
    this.pos += keyword.length;
    return this.nested(() => (keyword === 'function' ? this.parseFunctionKeyword() : this.finishCompound(this.parseCompoundAfter(keyword))));
  }

  /** `(( expr ))` when the parentheses close as a pair, else `( ... )`, a subshell. */
  private parseParenthesized(): CompoundCommand {
    if (this.peek(1) === '(') {
      const close = arithClose(this.src, this.pos + 2);
      if (close === 'incomplete') throw new Incomplete("unexpected EOF while looking for matching `)'");
      if (close !== undefined) {
        const text = this.src.slice(this.pos + 2, close);
        this.pos = close + 2;
        return this.nested(() => this.finishCompound({ kind: 'arith', expr: parseArithText(text, this.depth + 1) }));
      }
    }
    this.pos++;
    return this.nested(() => {
      const body = this.parseList(true);
      if (this.peek() !== ')') throw new Incomplete("unexpected EOF while looking for matching `)'");
      if (!body.items.length) throw syntaxError(')');
      this.pos++;
      return this.finishCompound({ kind: 'subshell', body });
    });
  }

  /** After `function`: the name, an optional `()`, then the body. */
  private parseFunctionKeyword(): CompoundCommand {
    this.skipBlanks();
    if (this.atEnd()) throw syntaxError('newline');
    const op = this.operator();
    if (op !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 8))) throw syntaxError(this.tokenAt());
    const name = this.readWordText();
    const parens = /^[ \t]*\([ \t]*\)/.exec(this.src.slice(this.pos, this.pos + 64));
    if (parens) this.pos += parens[0].length;
    return this.parseFunctionBody(name);
  }

  /** A function's body: any block (`{ ...; }` most often), with redirections that apply at each call. */
  private parseFunctionBody(name: string): CompoundCommand {
    this.skipNewlines();
    if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
    const keyword = this.reservedWord();
    let body: CompoundCommand;
    if (keyword && BLOCK_KEYWORDS.has(keyword) && keyword !== 'function') body = this.parseCompound(keyword);
    else if (this.peek() === '(') body = this.parseParenthesized();
    else throw syntaxError(this.tokenAt());
    return { kind: 'function', name, body, redirects: [] };
  }

  /** A block's own redirections (`done > out.txt`), then only an operator may follow, not another word. */
  private finishCompound(command: Block): CompoundCommand {
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const redirect = REDIRECT.exec(this.src.slice(this.pos, this.pos + 8));
      if (!redirect) break;
      this.pos += redirect[0].length;
      redirects.push(this.parseRedirect(redirect[1], redirect[2] as RedirectOp | '>|' | '<>'));
    }
    if (!this.atEnd() && this.operator() === undefined && this.reservedWord() !== '}') throw syntaxError(this.tokenAt());
    return { ...command, redirects } as CompoundCommand;
  }

  private parseCompoundAfter(keyword: string): Block {
    if (keyword === 'if') {
      const clauses: { condition: Script; body: Script }[] = [];
      let otherwise: Script | undefined;
      for (let next = 'if'; next !== 'fi'; ) {
        if (next === 'else') {
          const block = this.parseBlock(['fi']);
          otherwise = block.script;
          break;
        }
        const condition = this.parseBlock(['then']).script;
        const block = this.parseBlock(['elif', 'else', 'fi']);
        clauses.push({ condition, body: block.script });
        next = block.end;
      }
      return { kind: 'if', clauses, otherwise };
    }
    if (keyword === 'for') return this.parseFor();
    if (keyword === 'case') return this.parseCase();
    if (keyword === '[[') return { kind: 'cond', expr: this.parseCond() };
    if (keyword === '{') return { kind: 'group', body: this.parseBlock(['}']).script };
    const condition = this.parseBlock(['do']).script;
    return { kind: keyword as 'while' | 'until', condition, body: this.parseBlock(['done']).script };
  }

  private parseFor(): Block {
    this.skipBlanks();
    if (this.src.startsWith('((', this.pos)) return this.parseArithFor();
    const op = this.operator();
    if (this.atEnd() || op === '\n') throw syntaxError('newline');
    if (op !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 8))) throw syntaxError(this.tokenAt());
    // Any word is read here; one that is not a name is refused when the loop runs, as bash does.
    const name = this.readWordText();
    this.skipBlanks();
    let words: Word[] | undefined;
    if (this.peek() === '\n') this.skipNewlines();
    if (this.reservedWord() === 'in') {
      words = [];
      this.pos += 2;
      for (;;) {
        this.skipBlanks();
        const op = this.operator();
        if (op === ';' || op === '\n') break;
        if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
        // A redirection cannot stand among the words (bash names its fd number, or else its operator).
        if (op !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 8))) throw syntaxError(this.tokenAt());
        words.push(this.readWordProgressing());
      }
    }
    this.skipBlanks();
    if (this.operator() === ';') this.pos++;
    this.expectWord('do');
    return { kind: 'for', name, words, body: this.parseBlock(['done']).script };
  }

  /** `for (( init; test; step ))`, then its body. */
  private parseArithFor(): Block {
    const close = arithClose(this.src, this.pos + 2);
    if (close === 'incomplete') throw new Incomplete("unexpected EOF while looking for matching `)'");
    if (close === undefined) throw syntaxError('(');
    const text = this.src.slice(this.pos + 2, close);
    const parts = splitTopLevel(text, ';');
    if (parts.length !== 3) throw new SyntaxError_(`bash: syntax error: arithmetic expression required\nbash: syntax error: \`((${text}))'`);
    this.pos = close + 2;
    const [init, test, step] = parts.map((part) => parseArithText(part, this.depth + 1));
    this.skipBlanks();
    if (this.operator() === ';') this.pos++;
    this.skipNewlines();
    if (this.reservedWord() === '{') {
      this.pos++;
      return { kind: 'arithFor', init, test, step, body: this.parseBlock(['}']).script };
    }
    this.expectWord('do');
    return { kind: 'arithFor', init, test, step, body: this.parseBlock(['done']).script };
  }

  /** `[[ expr ]]`, after its `[[`: the expression, then `]]`. */
  private parseCond(): CondExpr {
    const expr = this.condOr();
    const end = this.condToken();
    if (end !== ']]') throw condError(end === 'newline' ? "unexpected token `newline', conditional binary operator expected" : 'syntax error in conditional expression');
    this.pos += 2;
    return expr;
  }

  /**
   * What comes next inside `[[ ]]`, without taking it: `]]`, an operator (`&&` `||` `(` `)` `<` `>`),
   * `newline`, `eof`, or undefined for a word.
   */
  private condToken(): string | undefined {
    this.skipBlanks();
    if (this.atEnd()) throw new Incomplete("unexpected EOF while looking for `]]'");
    if (/^\]\](?=[ \t\n;&|()<>]|$)/.test(this.src.slice(this.pos, this.pos + 3))) return ']]';
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||') return two;
    const c = this.peek();
    if (c === '\n') return 'newline';
    if (c === '(' || c === ')' || c === '<' || c === '>' || c === ';' || c === '&' || c === '|') return c;
    return undefined;
  }

  private condOr(): CondExpr {
    let left = this.condAnd();
    while (this.condToken() === '||') {
      this.pos += 2;
      this.skipNewlines();
      left = { kind: 'or', left, right: this.condAnd() };
    }
    return left;
  }

  private condAnd(): CondExpr {
    let left = this.condNot();
    while (this.condToken() === '&&') {
      this.pos += 2;
      this.skipNewlines();
      left = { kind: 'and', left, right: this.condNot() };
    }
    return left;
  }

  private condNot(): CondExpr {
    const token = this.condToken();
    if (token === undefined && /^!(?=[ \t\n])/.test(this.src.slice(this.pos, this.pos + 2))) {
      this.pos++;
      return { kind: 'not', expr: this.condNot() };
    }
    return this.nested(() => this.condTerm());
  }

  /** A word read inside `[[ ]]`, where nothing is split or globbed later. */
  private condWord(): Word {
    return this.readWordProgressing();
  }

  private condTerm(): CondExpr {
    const token = this.condToken();
    if (token === '(') {
      this.pos++;
      const expr = this.condOr();
      if (this.condToken() !== ')') throw condError('syntax error in conditional expression');
      this.pos++;
      return expr;
    }
    if (token === ']]') throw condError('');
    if (token !== undefined) throw condError(token === 'newline' ? "unexpected token `newline' in conditional command" : `unexpected token \`${token}' in conditional command`);
    const start = this.pos;
    const first = this.condWord();
    const firstText = this.src.slice(start, this.pos);
    const next = this.condToken();
    if (UNARY_TESTS.has(firstText) && next === undefined) {
      const argStart = this.pos;
      const arg = this.condWord();
      // `-f == x`: the option is a word compared, not a test.
      if (!BINARY_TESTS.has(this.src.slice(argStart, this.pos))) return { kind: 'unary', op: firstText, arg };
      this.pos = argStart;
    } else if (UNARY_TESTS.has(firstText) && (next === ']]' || next === '&&' || next === '||' || next === ')')) {
      if (next === ']]') throw condError("unexpected argument `]]' to conditional unary operator");
    }
    const opToken = this.condToken();
    let op: string | undefined;
    if (opToken === '<' || opToken === '>') {
      op = opToken;
      this.pos++;
    } else if (opToken === undefined) {
      const opStart = this.pos;
      this.readWord();
      op = this.src.slice(opStart, this.pos);
      if (!BINARY_TESTS.has(op)) throw condError('conditional binary operator expected');
    } else return { kind: 'word', word: first };
    const rightToken = this.condToken();
    // A regex may start with a parenthesis: `=~ (a|b)x`.
    if (op === '=~' && (rightToken === '(' || rightToken === '|')) return { kind: 'binary', op, left: first, right: this.regexWord() };
    if (rightToken !== undefined) {
      const named = rightToken === ']]' ? ']]' : rightToken === 'newline' ? 'newline' : rightToken;
      throw condError(`unexpected argument \`${named}' to conditional binary operator`);
    }
    const right = op === '=~' ? this.regexWord() : this.condWord();
    return { kind: 'binary', op, left: first, right };
  }

  /** The word after `=~`: parentheses and `|` are part of it, up to a blank outside them. */
  private regexWord(): Word {
    const start = this.pos;
    let depth = 0;
    let i = this.pos;
    for (; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') i++;
      else if (c === "'") {
        const close = this.src.indexOf("'", i + 1);
        if (close === -1) throw new Incomplete("unexpected EOF while looking for matching `''");
        i = close;
      } else if (c === '"') {
        let j = i + 1;
        while (j < this.src.length && this.src[j] !== '"') j += this.src[j] === '\\' ? 2 : 1;
        if (j >= this.src.length) throw new Incomplete('unexpected EOF while looking for matching `"\'');
        i = j;
      } else if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      else if ((c === ' ' || c === '\t' || c === '\n') && depth === 0) break;
    }
    if (depth > 0) throw new Incomplete("unexpected EOF while looking for matching `)'");
    const text = this.src.slice(start, i);
    this.pos = i;
    const word = this.nested(() => new Parser(text, this.depth).readWord(true));
    SOURCE.set(word, text);
    return word;
  }

  /** `case WORD in (PATTERN|PATTERN) LIST ;; ... esac`. */
  private parseCase(): CaseCommand {
    this.skipBlanks();
    if (this.atEnd() || this.operator() === '\n') throw syntaxError('newline');
    if (this.operator() !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 8))) throw syntaxError(this.tokenAt());
    const word = this.readWordProgressing();
    this.expectWord('in');
    const items: CaseCommand['items'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      if (this.reservedWord() === 'esac') {
        this.pos += 4;
        return { kind: 'case', word, items };
      }
      if (this.peek() === '(') this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
        const op = this.operator();
        if (op !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 8))) throw syntaxError(this.tokenAt());
        patterns.push(this.readWordProgressing());
        this.skipBlanks();
        // After a pattern only `|` or `)` may come; the end of the line is bash's `newline` token.
        if (this.atEnd()) throw syntaxError('newline');
        const next = this.operator();
        if (next === ')') break;
        if (next !== '|') throw syntaxError(this.tokenAt());
        this.pos++;
      }
      this.pos++;
      const { body, end } = this.parseCaseBody();
      items.push({ patterns, body, end: end === 'esac' ? ';;' : end });
      if (end === 'esac') return { kind: 'case', word, items };
    }
  }

  /** The commands of one case item, up to `;;`, `;&`, `;;&` (consumed) or `esac` (consumed too, which ends the case). */
  private parseCaseBody(): { body: Script; end: ';;' | ';&' | ';;&' | 'esac' } {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      const op = this.operator();
      if (op === ';;' || op === ';&' || op === ';;&') {
        this.pos += op.length;
        return { body: { items }, end: op };
      }
      if (this.reservedWord() === 'esac') {
        this.pos += 4;
        return { body: { items }, end: 'esac' };
      }
      items.push(this.parseAndOr());
      this.skipBlanks();
      const after = this.operator();
      if (after === ';') this.pos++;
      else if (after === '\n') this.newline();
      else if (after === '&') this.background(items);
      else if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      else if (after === ';;' || after === ';&' || after === ';;&') continue;
      else if (after !== undefined) throw syntaxError(after);
      else if (this.reservedWord() !== 'esac') throw syntaxError(this.tokenAt());
    }
  }

  private parseRedirect(fdText: string | undefined, rawOp: string): Redirect {
    const op: RedirectOp = rawOp === '>|' ? '>' : rawOp === '<>' ? '<' : (rawOp as RedirectOp);
    const fd = fdText !== undefined ? Number(fdText) : op.startsWith('<') ? 0 : 1;
    this.skipBlanks();
    if (this.atEnd()) throw syntaxError('newline');
    const next = this.operator();
    if (next !== undefined || (REDIRECT.test(this.src.slice(this.pos, this.pos + 4)) && !/^[<>]\(/.test(this.src.slice(this.pos, this.pos + 2)))) {
      throw syntaxError(next === '\n' ? 'newline' : next ?? this.src.slice(this.pos, this.pos + (this.peek(1) === '>' ? 2 : 1)));
    }
    const target = this.readWord();
    const redirect: Redirect = { fd, op, target };
    if (op === '<<' || op === '<<-') {
      const delimiter = target.parts.map((p) => (p.kind === 'text' ? p.value : p.kind === 'tilde' ? `~${p.user ?? ''}` : '')).join('');
      const expand = target.parts.every((p) => p.kind !== 'text' || !p.quoted);
      redirect.heredoc = { body: '', expand };
      this.pendingHeredocs.push({ redirect, delimiter, stripTabs: op === '<<-' });
    }
    return redirect;
  }

  private readHeredocBodies() {
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const doc of pending) {
      let body = '';
      for (;;) {
        if (this.atEnd()) {
          this.pendingHeredocs = [doc];
          throw new Incomplete(`here-document delimited by end-of-file (wanted \`${doc.delimiter}')`);
        }
        const end = this.src.indexOf('\n', this.pos);
        let line = end === -1 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end === -1 ? this.src.length : end + 1;
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) break;
        body += line + '\n';
      }
      doc.redirect.heredoc!.body = body;
    }
  }

  /**
   * A word where one must stand: a loop that reads words ends only if each read moves on, so
   * nothing read here may be empty of source (an unexpected character is bash's syntax error).
   */
  private readWordProgressing(): Word {
    const start = this.pos;
    const word = this.readWord();
    if (this.pos === start) throw syntaxError(this.peek() ?? 'newline');
    return word;
  }

  /** `<(cmd)`, from its `<`; `>(cmd)` is refused plainly. */
  private readProcessSubstitution(): WordPart {
    if (this.peek() === '>') throw new SyntaxError_(unsupported('process substitution >( ) is'));
    this.pos += 2;
    const script = this.nested(() => this.parseList(true));
    if (this.peek() !== ')') throw new Incomplete("unexpected EOF while looking for matching `)'");
    this.pos++;
    return { kind: 'procsubst', script };
  }

  /** Arithmetic text: like the inside of double quotes, whose own double quotes are dropped. */
  readArith(): Word {
    const parts: WordPart[] = [];
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === '"') this.pos++;
      else if (c === '\\' && '$`"\\\n'.includes(this.peek(1) ?? '')) {
        if (this.peek(1) !== '\n') pushText(parts, this.peek(1), true);
        this.pos += 2;
      } else if (c === '$' || c === '`') parts.push(this.readExpansion(true));
      else {
        pushText(parts, c, true);
        this.pos++;
      }
    }
    return { parts };
  }

  /** One shell word: everything up to an unquoted blank or operator (or, for `${X:-word}`, to the end). */
  private readWord(toEnd = false): Word {
    const start = this.pos;
    const word = this.readWordParts(toEnd);
    SOURCE.set(word, this.src.slice(start, this.pos));
    return word;
  }

  private readWordParts(toEnd: boolean): Word {
    const parts: WordPart[] = [];
    if (this.peek() === '~') {
      const prefix = /^~([A-Za-z0-9._-]*)/.exec(this.src.slice(this.pos))!;
      const after = this.src[this.pos + prefix[0].length];
      if (after === undefined || after === '/' || (METACHARS.has(after) && !toEnd)) {
        parts.push(prefix[1] ? { kind: 'tilde', user: prefix[1] } : { kind: 'tilde' });
        this.pos += prefix[0].length;
      }
    }
    while (!this.atEnd()) {
      const c = this.peek();
      if ((c === '<' || c === '>') && this.peek(1) === '(' && !toEnd) {
        parts.push(this.readProcessSubstitution());
        continue;
      }
      if (METACHARS.has(c) && !toEnd) break;
      if (c === '$' && this.peek(1) === '"') {
        // $"..." is a string for translation; with no translations it is "...".
        this.pos++;
      } else if (c === '\\') {
        if (this.peek(1) === '\n') {
          this.pos += 2;
          continue;
        }
        if (this.pos + 1 >= this.src.length) throw new Incomplete('unexpected EOF after `\\\'');
        pushText(parts, this.peek(1), true);
        this.pos += 2;
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end === -1) throw new Incomplete("unexpected EOF while looking for matching `''");
        pushText(parts, this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        const inner = this.readExpandable(() => {
          if (this.atEnd()) throw new Incomplete('unexpected EOF while looking for matching `"\'');
          return this.peek() === '"';
        }, true);
        this.pos++;
        parts.push(...inner.parts);
        if (inner.parts.length === 0) pushText(parts, '', true);
      } else if (c === '$' || c === '`') {
        parts.push(this.readExpansion(false));
      } else {
        pushText(parts, c, false);
        this.pos++;
      }
    }
    return { parts };
  }

  /** Text where only $ and ` are special and backslash escapes $ ` " \ and newline: inside "...", or a heredoc body. */
  readExpandable(stop: () => boolean, quoted: boolean): Word {
    const parts: WordPart[] = [];
    while (!stop()) {
      const c = this.peek();
      if (c === '\\' && '$`"\\\n'.includes(this.peek(1) ?? '')) {
        if (this.peek(1) !== '\n') pushText(parts, this.peek(1), quoted);
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        parts.push(this.readExpansion(quoted));
      } else {
        pushText(parts, c, quoted);
        this.pos++;
      }
    }
    return { parts };
  }

  private readExpansion(quoted: boolean): WordPart {
    if (this.peek() === '`') {
      let inner = '';
      this.pos++;
      for (;;) {
        if (this.atEnd()) throw new Incomplete('unexpected EOF while looking for matching ``\'');
        const c = this.peek();
        if (c === '`') break;
        if (c === '\\' && '$`\\'.includes(this.peek(1) ?? '')) {
          inner += this.peek(1);
          this.pos += 2;
          continue;
        }
        inner += c;
        this.pos++;
      }
      this.pos++;
      const parsed = this.nested(() => parseScript(inner, this.depth + 1));
      if (parsed.kind === 'incomplete') throw new Incomplete(parsed.message);
      if (parsed.kind === 'error') throw new SyntaxError_(parsed.message);
      return { kind: 'subst', script: parsed.script, quoted };
    }
    // at '$'
    const next = this.peek(1);
    if (next === '(') {
      if (this.peek(2) === '(') {
        const close = arithClose(this.src, this.pos + 3);
        if (close === 'incomplete') throw new Incomplete("unexpected EOF while looking for matching `)'");
        if (close !== undefined) {
          const text = this.src.slice(this.pos + 3, close);
          this.pos = close + 2;
          return { kind: 'arith', expr: this.nested(() => parseArithText(text, this.depth + 1)), quoted };
        }
      }
      this.pos += 2;
      const script = this.nested(() => this.parseList(true));
      if (this.peek() !== ')') throw new Incomplete("unexpected EOF while looking for matching `)'");
      this.pos++;
      return { kind: 'subst', script, quoted };
    }
    if (next === '{') return this.readBraced(quoted);
    if (next === "'" && !quoted) return this.readAnsiC();
    if (next !== undefined && SPECIAL_PARAMS.has(next)) {
      this.pos += 2;
      return { kind: 'param', name: next, quoted };
    }
    const name = NAME.exec(this.src.slice(this.pos + 1, this.pos + 256));
    if (name) {
      this.pos += 1 + name[0].length;
      return { kind: 'param', name: name[0], quoted };
    }
    this.pos++;
    return { kind: 'text', value: '$', quoted };
  }

  private readBraced(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos += 2;
    let depth = 1;
    let end = this.pos;
    for (; end < this.src.length; end++) {
      const c = this.src[end];
      if (c === '\\') end++;
      else if (c === "'" && !quoted) {
        const close = this.src.indexOf("'", end + 1);
        if (close === -1) throw new Incomplete("unexpected EOF while looking for matching `''");
        end = close;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (end >= this.src.length) throw new Incomplete("unexpected EOF while looking for matching `}'");
    const body = this.src.slice(this.pos, end);
    this.pos = end + 1;
    const bad: WordPart = { kind: 'bad', text: this.src.slice(start, this.pos) };
    // A name, or an array's name with its subscript: `a[1]`, `a[i+1]`, `a[@]`, `a[*]`.
    const named = (text: string): { name: string; index?: Word | '@' | '*'; length: number } | undefined => {
      const name = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[?$#!@*-])/.exec(text)?.[1];
      if (name === undefined) return undefined;
      if (text[name.length] !== '[' || !/^[A-Za-z_]/.test(name)) return { name, length: name.length };
      const close = matchingBracket(text, name.length);
      if (close === -1) return undefined;
      const sub = text.slice(name.length + 1, close);
      if (sub === '') return undefined;
      const index = sub === '@' || sub === '*' ? sub : this.nested(() => parseArithText(sub, this.depth + 1));
      return { name, index, length: close + 1 };
    };
    if (body.startsWith('#') && body.length > 1) {
      const target = named(body.slice(1));
      if (target && target.length === body.length - 1) {
        const part: ParamPart = { kind: 'param', name: target.name, op: 'length', quoted };
        if (target.index !== undefined) part.index = target.index;
        return part;
      }
    }
    const indirect = /^![A-Za-z_0-9]/.test(body);
    const target = named(indirect ? body.slice(1) : body);
    if (target === undefined) return bad;
    const { name } = target;
    const part: ParamPart = { kind: 'param', name, quoted };
    if (target.index !== undefined) part.index = target.index;
    const rest = body.slice(target.length + (indirect ? 1 : 0));
    if (indirect) {
      // `${!a[@]}` lists an array's indices; `${!name}` reads the variable NAME names.
      if ((target.index === '@' || target.index === '*') && rest === '') {
        part.op = 'keys';
        return part;
      }
      part.indirect = true;
    }
    if (rest === '') return part;
    // The word after an operator is read as a word would be where the ${...} stands: with quotes
    // and expansions outside double quotes, as text with expansions inside them.
    const word = (text: string, pattern = false): Word =>
      this.nested(() => {
        const sub = new Parser(text, this.depth);
        // A pattern (# % / ^ ,) is a pattern even inside double quotes: its own quotes and
        // backslashes decide what is literal there, as in bash ("${x%'*'}", "${x//\[/(}").
        return quoted && !pattern ? sub.readExpandable(() => sub.atEnd(), true) : sub.readWord(true);
      });
    const transform = /^@([QULua])$/.exec(rest);
    if (transform) {
      part.op = `@${transform[1]}` as ParamOp;
      return part;
    }
    const op = /^(:[-=+?]|[-=+?]|##?|%%?|\/[/#%]?|\^\^?|,,?)/.exec(rest)?.[1] as ParamOp | undefined;
    if (op) {
      part.op = op;
      let arg = rest.slice(op.length);
      if (op.startsWith('/')) {
        const slash = unquotedIndex(arg, '/');
        if (slash !== -1) {
          part.replacement = word(arg.slice(slash + 1));
          arg = arg.slice(0, slash);
        }
      }
      part.arg = word(arg, !/^(:?[-=+?])$/.test(op));
      return part;
    }
    // `${x:offset}` and `${x:offset:length}`: two arithmetic expressions.
    if (!rest.startsWith(':')) return bad;
    const [offset, length, ...extra] = splitTopLevel(rest.slice(1), ':');
    if (extra.length || !/[^ \t]/.test(offset) && length === undefined) return bad;
    part.op = ':';
    part.offset = this.nested(() => parseArithText(offset, this.depth + 1));
    if (length !== undefined) part.length = this.nested(() => parseArithText(length, this.depth + 1));
    return part;
  }

  /** $'...' strings: C escapes such as \n, \t, \e, \101, \x41, \u263a and \cA. */
  private readAnsiC(): WordPart {
    this.pos += 2;
    const value = new TextBuilder();
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', e: '\x1b', E: '\x1b', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    for (;;) {
      if (this.atEnd()) throw new Incomplete("unexpected EOF while looking for matching `''");
      const c = this.peek();
      if (c === "'") break;
      if (c !== '\\') {
        value.add(c);
        this.pos++;
        continue;
      }
      const e = this.peek(1);
      const rest = this.src.slice(this.pos + 1, this.pos + 10);
      const numeric = /^[0-7]{1,3}/.exec(rest) ?? /^x[0-9a-fA-F]{1,2}/.exec(rest) ?? /^u[0-9a-fA-F]{1,4}/.exec(rest) ?? /^U[0-9a-fA-F]{1,8}/.exec(rest);
      if (numeric) {
        const digits = numeric[0];
        const code = /^[0-7]/.test(digits) ? parseInt(digits, 8) & 0xff : parseInt(digits.slice(1), 16);
        if (digits[0] === 'u' || digits[0] === 'U') value.add(String.fromCodePoint(code));
        else value.byte(code);
        this.pos += 1 + digits.length;
      } else if (e === 'c' && this.peek(2) !== undefined) {
        value.add(String.fromCharCode(this.peek(2).toUpperCase().charCodeAt(0) & 0x1f));
        this.pos += 3;
      } else {
        value.add(e !== undefined && e in escapes ? escapes[e] : `\\${e ?? ''}`);
        this.pos += 2;
      }
    }
    this.pos++;
    return { kind: 'text', value: value.toString(), quoted: true };
  }
}

/** Where `char` first appears outside quotes and escapes in `text`, or -1. */
function unquotedIndex(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return -1;
      i = close;
    } else if (c === char) return i;
  }
  return -1;
}

function pushText(parts: WordPart[], value: string, quoted: boolean) {
  const last = parts[parts.length - 1];
  if (last && last.kind === 'text' && last.quoted === quoted) last.value += value;
  else parts.push({ kind: 'text', value, quoted });
}

/** The word as plain text if it has no expansions, else undefined. */
function plainText(word: Word): string | undefined {
  let text = '';
  for (const p of word.parts) {
    if (p.kind !== 'text') return undefined;
    text += p.value;
  }
  return text;
}

/**
 * Where the `]` closing the `[` at `open` is, or -1: brackets nest and quotes hide them, as bash's
 * skipsubscript reads a subscript. Looks no further than a line, and a few hundred characters.
 */
function matchingBracket(src: string, open: number): number {
  let depth = 0;
  const end = Math.min(src.length, open + 512);
  for (let i = open; i < end; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '\n') return -1;
    else if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close === -1 || close >= end) return -1;
      i = close;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/**
 * For `((` or `$((` (with `from` just after them): where the closing `))` starts, undefined when a
 * lone `)` closes first (then it was a subshell inside `$(`), or `incomplete` at the end of the text.
 */
function arithClose(src: string, from: number): number | 'incomplete' | undefined {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      // A quote inside, as bash reads it: up to its match.
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' && c === '"' ? 2 : 1;
      if (j >= src.length) return 'incomplete';
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth > 0) depth--;
      else return src[i + 1] === ')' ? i : src[i + 1] === undefined ? 'incomplete' : undefined;
    }
  }
  return 'incomplete';
}

/** `text` cut at each `sep` outside parentheses and quotes (the three parts of `for (( ; ; ))`). */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close !== -1) i = close;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}
