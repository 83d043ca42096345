// Reads a command line into a Script, the way bash would split it: quotes and escapes, $VARS,
// $(...) and backticks, ; && || |, redirections and heredocs. A line that is fine so far but not
// finished (an open quote, a trailing |, a heredoc without its end) is "incomplete", which the
// line editor answers with a `> ` prompt, as bash does.
import { TextBuilder } from './bytes';
import type { AndOr, Command, CompoundCommand, ForCommand, IfCommand, LoopCommand, ParamOp, ParamPart, Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word, WordPart } from './ast';

export type ParseOutcome =
  | { kind: 'ok'; script: Script }
  | { kind: 'incomplete'; message: string }
  | { kind: 'error'; message: string };

class Incomplete extends Error {}
class SyntaxError_ extends Error {}

/** Constructs bash reads as keywords that we refuse plainly rather than half-run (if, while, until and for are run). */
const COMPOUND_KEYWORDS = new Set(['case', 'select', 'function', '{', '[[', 'coproc']);
const LOOP_KEYWORDS = new Set(['if', 'while', 'until', 'for']);
const CLOSING_KEYWORDS = new Set(['then', 'do', 'done', 'fi', 'esac', 'else', 'elif', '}', ']]', 'in']);

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

export function parseScript(src: string, depth = 0): ParseOutcome {
  try {
    const parser = new Parser(src, depth);
    const script = parser.parseList(false);
    return { kind: 'ok', script };
  } catch (e) {
    if (e instanceof Incomplete) return { kind: 'incomplete', message: e.message };
    if (e instanceof SyntaxError_) return { kind: 'error', message: e.message };
    throw e;
  }
}

/** Parses the body of an unquoted heredoc, where $VARS, $(...) and backticks expand but quotes are plain text. */
export function parseHeredocBody(body: string): Word {
  const parser = new Parser(body);
  return parser.readExpandable(() => parser.atEnd(), true);
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
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||' || two === ';;' || two === ';&') return two;
    const c = this.peek();
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '\n') return c;
    return undefined;
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
      else if (op === '&') throw new SyntaxError_(unsupported('background jobs (&) are'));
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
    let negate = false;
    if (this.peek() === '!' && (this.peek(1) === ' ' || this.peek(1) === '\t')) {
      negate = true;
      this.pos++;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      if (this.operator() !== '|') return { negate, commands };
      this.pos++;
      this.skipNewlines();
      if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      commands.push(this.parseCommand());
    }
  }

  private parseCommand(): Command {
    this.skipBlanks();
    const keyword = this.reservedWord();
    if (keyword && LOOP_KEYWORDS.has(keyword)) return this.parseCompound(keyword);
    const command: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      this.skipBlanks();
      if (this.atEnd()) break;
      const redirect = REDIRECT.exec(this.src.slice(this.pos, this.pos + 8));
      if (redirect) {
        this.pos += redirect[0].length;
        command.redirects.push(this.parseRedirect(redirect[1], redirect[2] as RedirectOp | '>|' | '<>'));
        continue;
      }
      const op = this.operator();
      if (op === '(') {
        const after = this.src.slice(this.pos + 1);
        if (command.words.length === 1 && /^\s*\)/.test(after)) throw new SyntaxError_(unsupported('shell functions are'));
        if (command.words.length === 0 && command.assigns.length === 0) throw new SyntaxError_(unsupported('subshells ( ... ) are'));
        // `name (` starts a function definition, so bash complains about what comes next.
        if (command.words.length === 1 && !command.redirects.length) {
          const next = /^[ \t]*(\n|$|&&|\|\||;;|[;&|<>()]|[^ \t\n;&|<>()]+)/.exec(after)![1];
          throw syntaxError(next === '' || next === '\n' ? 'newline' : next);
        }
        throw syntaxError('(');
      }
      if (op !== undefined) break;
      const start = this.pos;
      const word = this.readWordProgressing();
      if (command.words.length === 0) {
        const literal = plainText(word);
        if (literal !== undefined && this.src.slice(start, this.pos) === literal) {
          if (COMPOUND_KEYWORDS.has(literal)) throw new SyntaxError_(unsupported(`'${literal}' blocks are`));
          if (CLOSING_KEYWORDS.has(literal)) throw syntaxError(literal);
        }
        const assign = asAssignment(word);
        if (assign) {
          command.assigns.push(assign);
          continue;
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

  /** The reserved word at the cursor (`do`, `fi`, ...), when a plain word ends right after it. */
  private reservedWord(): string | undefined {
    const m = /^(if|then|elif|else|fi|while|until|for|do|done|in)(?=[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.pos, this.pos + 6));
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
      else if (op === '&') throw new SyntaxError_(unsupported('background jobs (&) are'));
      else if (this.atEnd()) throw new Incomplete('syntax error: unexpected end of file');
      else if (op !== undefined) throw syntaxError(op);
      else if (!ends.includes(this.reservedWord() ?? '')) throw syntaxError(this.tokenAt());
    }
  }

  private parseCompound(keyword: string): CompoundCommand {
    this.pos += keyword.length;
    return this.nested(() => this.parseCompoundAfter(keyword));
  }

  private parseCompoundAfter(keyword: string): CompoundCommand {
    let command: IfCommand | LoopCommand | ForCommand;
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
      command = { kind: 'if', clauses, otherwise };
    } else if (keyword === 'for') {
      this.skipBlanks();
      const op = this.operator();
      if (this.atEnd() || op === '\n') throw syntaxError('newline');
      if (op !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 8))) throw syntaxError(this.tokenAt());
      // Any word is read here; one that is not a name is refused when the loop runs, as bash does.
      const name = this.readWordText();
      this.skipBlanks();
      const words: Word[] = [];
      if (this.reservedWord() === 'in') {
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
      command = { kind: 'for', name, words, body: this.parseBlock(['done']).script };
    } else {
      const condition = this.parseBlock(['do']).script;
      command = { kind: keyword as 'while' | 'until', condition, body: this.parseBlock(['done']).script };
    }
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const redirect = REDIRECT.exec(this.src.slice(this.pos, this.pos + 8));
      if (!redirect) break;
      this.pos += redirect[0].length;
      redirects.push(this.parseRedirect(redirect[1], redirect[2] as RedirectOp | '>|' | '<>'));
    }
    // After `done` or `fi` only an operator may follow (`done | sort`), not another word.
    if (!this.atEnd() && this.operator() === undefined) throw syntaxError(this.tokenAt());
    return { ...command, redirects } as CompoundCommand;
  }

  private parseRedirect(fdText: string | undefined, rawOp: string): Redirect {
    const op: RedirectOp = rawOp === '>|' ? '>' : rawOp === '<>' ? '<' : (rawOp as RedirectOp);
    const fd = fdText !== undefined ? Number(fdText) : op.startsWith('<') ? 0 : 1;
    this.skipBlanks();
    if (this.atEnd()) throw syntaxError('newline');
    const next = this.operator();
    if (next !== undefined || REDIRECT.test(this.src.slice(this.pos, this.pos + 4))) {
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

  /** One shell word: everything up to an unquoted blank or operator (or, for `${X:-word}`, to the end). */
  private readWord(toEnd = false): Word {
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
      if (this.peek(2) === '(') throw new SyntaxError_(unsupported('arithmetic $(( )) is'));
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
    if (/^#([A-Za-z_][A-Za-z0-9_]*|\d+|[?$#!@*-])$/.test(body)) return { kind: 'param', name: body.slice(1), op: 'length', quoted };
    const indirect = /^![A-Za-z_0-9]/.test(body);
    const name = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[?$#!@*-])/.exec(indirect ? body.slice(1) : body)?.[1];
    if (name === undefined) return bad;
    const part: ParamPart = { kind: 'param', name, quoted };
    if (indirect) part.indirect = true;
    const rest = body.slice(name.length + (indirect ? 1 : 0));
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
    const slice = /^:\s*(-?\d+)\s*(?::\s*(-?\d+)\s*)?$/.exec(rest);
    if (!slice) return bad;
    part.op = ':';
    part.offset = Number(slice[1]);
    if (slice[2] !== undefined) part.length = Number(slice[2]);
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

function asAssignment(word: Word): { name: string; value: Word } | undefined {
  const first = word.parts[0];
  if (!first || first.kind !== 'text' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.value);
  if (!m) return undefined;
  const rest = first.value.slice(m[0].length);
  const parts: WordPart[] = rest ? [{ kind: 'text', value: rest, quoted: false }, ...word.parts.slice(1)] : word.parts.slice(1);
  // A ~ right after = is the home directory too (PATH=~/bin).
  if (/^~(?=[/:]|$)/.test(rest) && (rest.length > 1 || word.parts.length === 1)) {
    parts[0] = { kind: 'tilde' };
    if (rest.length > 1) parts.splice(1, 0, { kind: 'text', value: rest.slice(1), quoted: false });
  }
  return { name: m[1], value: { parts } };
}
