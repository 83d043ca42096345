// util-linux 2.39's more on a terminal: it writes a screenful of lines onto the terminal itself
// (no alternate screen: what was read stays in the scrollback), asks `--More--(45%)` in reverse
// video and reads one key. SPACE shows the next screen, RETURN a line, d half a screen, b goes
// back, /pattern skips to a match with two lines before it, q quits; at the end of the last file
// it exits on its own. Long lines fold at the screen's width, as more folds them.
import { workBudget, type WorkBudget } from '../../core/budget';
import { takeTerminal, type CommandContext, type Effect } from '../../core/process';
import { parseRegex } from '../regex';
import { compileMatcher } from '../regex-match';
import { visibleText } from './cells';
import { documentOf, sizeOf, type PagerDocument } from './document';
import { lineOfRow, rowCellsOf, rowOffset, rowStarts, shownRow, totalRows, type LayoutOptions } from './layout';
import { drawRow } from './screen';

export interface MoreInput {
  /** The file's name, or null for standard input. */
  name: string | null;
  text: string;
}

export interface MoreOptions {
  /** -n/-NUM: lines a screen shows; the terminal's rows less one by default. */
  lines?: number;
  /** -s */
  squeeze?: boolean;
  /** -d: a prompt that says what to press instead of a bell. */
  silent?: boolean;
  /** +NUM: the first line shown, 1-based. */
  startLine?: number;
  /** +/PATTERN: start two lines before its first match. */
  startSearch?: string;
}

const STANDOUT = (text: string) => `\x1b[7m${text}\x1b[27m`;
const ERASE = '\r\x1b[K';

const HELP = `Most commands optionally preceded by integer argument k.  Defaults in brackets.
Star (*) indicates argument becomes new default.
${'-'.repeat(79)}
<space>                 Display next k lines of text [current screen size]
z                       Display next k lines of text [current screen size]*
<return>                Display next k lines of text [1]*
d or ctrl-D             Scroll k lines [current scroll size, initially 11]*
q or Q or <interrupt>   Exit from more
s                       Skip forward k lines of text [1]
f                       Skip forward k screenfuls of text [1]
b or ctrl-B             Skip backwards k screenfuls of text [1]
'                       Go to place where previous search started
=                       Display current line number
/<regular expression>   Search for kth occurrence of regular expression [1]
n                       Search for kth occurrence of last r.e [1]
!<cmd> or :!<cmd>       Execute <cmd> in a subshell
v                       Start up '/usr/bin/vi' at current line
ctrl-L                  Redraw screen
:n                      Go to kth next file [1]
:p                      Go to kth previous file [1]
:f                      Display current file name and line number
.                       Repeat previous command
${'-'.repeat(79)}
`;

/** A command read at the prompt: its key(s) and the number typed before it (0 when none). */
interface Command {
  key: string;
  number: number;
}

type Outcome = { kind: 'lines'; count: number } | { kind: 'quit' } | { kind: 'file'; by: number } | { kind: 'done' };

/** Reads keys one at a time from the terminal (a paste may bring several at once). */
function keyReader() {
  let pending = '';
  return function* next(): Generator<Effect, string | null, string | null> {
    while (!pending) {
      const data: string | null = yield { type: 'read', raw: true };
      if (data === null) return null;
      pending += data;
    }
    const m = /^\x1b(?:\[[0-9;]*[@-~]|O[A-Za-z])?/.exec(pending);
    const key = m ? m[0] : String.fromCodePoint(pending.codePointAt(0)!);
    pending = pending.slice(key.length);
    return key;
  };
}

/** Shows `inputs` on the terminal the way more does; ends when they are read or the learner quits. */
export function* moreOnTerminal(ctx: CommandContext, inputs: readonly MoreInput[], options: MoreOptions = {}): Generator<Effect, number, string | null> {
  yield* takeTerminal(ctx);
  const tty = ctx.tty ?? { cols: 80, rows: 24 };
  const layout: LayoutOptions = { cols: tty.cols, chop: false, lineNumbers: false, raw: false };
  const readKey = keyReader();
  let perScreen = options.lines && options.lines > 0 ? options.lines : tty.rows - 1;
  let scroll = Math.max(1, Math.floor(tty.rows / 2) - 1);
  let previous: Command | null = null;
  let lastPattern: string | null = null;
  let promptShown = false;
  const out = (text: string) => ctx.out(text);

  const docs: PagerDocument[] = inputs.map((input) => documentOf(input.name, options.squeeze ? input.text.replace(/\n{3,}/g, '\n\n') : input.text));
  let index = 0;
  let at = 0;
  /** Where the screen on show started, for ^L, and where the last search started, for '. */
  let screenStart = 0;
  let searchStart = 0;

  const doc = () => docs[index];
  const rows = () => totalRows(doc(), layout);
  const starts = () => rowStarts(doc(), layout);
  const lineAt = (row: number) => (row >= rows() ? doc().lines.length : lineOfRow(starts(), row));
  const rowOfLine = (line: number) => starts()[Math.min(line, doc().lines.length)];

  const erasePrompt = () => {
    if (promptShown) out(ERASE);
    promptShown = false;
  };
  const showPrompt = (nextFile?: string) => {
    let text = '--More--';
    if (nextFile !== undefined) text += `(Next file: ${nextFile})`;
    else if (doc().name !== null && sizeOf(doc()) > 0) text += `(${Math.floor((rowOffset(doc(), layout, Math.min(at, rows() - 1)) * 100) / sizeOf(doc()))}%)`;
    if (options.silent) text += "[Press space to continue, 'q' to quit.]";
    out(STANDOUT(text));
    promptShown = true;
  };
  const error = (text: string) => {
    out(ERASE + STANDOUT(text));
    promptShown = true;
  };
  const bell = () => (options.silent ? error("[Press 'h' for instructions.]") : out('\x07'));

  /** Reads a number and a command, as more's read_command. */
  function* readCommand(): Generator<Effect, Command | null, string | null> {
    let digits = '';
    for (;;) {
      const key = yield* readKey();
      if (key === null) return null;
      if (/^[0-9]$/.test(key)) {
        digits += key;
        continue;
      }
      if (key === ':') {
        const second = yield* readKey();
        if (second === null) return null;
        return { key: `:${second}`, number: Number(digits || '0') };
      }
      return { key, number: Number(digits || '0') };
    }
  }

  /** Reads the pattern after `/`, echoing it as the terminal would; null when abandoned. */
  function* readPattern(): Generator<Effect, string | null, string | null> {
    let typed = '';
    for (;;) {
      const key = yield* readKey();
      if (key === null || key === '\x03') return null;
      if (key === '\r' || key === '\n') return typed;
      if (key === '\x7f' || key === '\b') {
        if (!typed) return null;
        typed = typed.slice(0, -1);
        out('\b \b');
        continue;
      }
      if (key.startsWith('\x1b') || key < ' ') continue;
      typed += key;
      out(key);
    }
  }

  /** more's search: the nth line after the screen that matches, shown with two lines before it. */
  function search(pattern: string, nth: number, budget: WorkBudget): number | null {
    const parsed = parseRegex(pattern, false);
    const compiled = parsed.ok ? compileMatcher([parsed.node], [parsed.groups], parsed.backrefs, {}, budget) : null;
    if (!compiled || !compiled.ok) {
      error(parsed.ok ? 'Invalid regular expression' : parsed.error);
      return null;
    }
    searchStart = at;
    const first = lineAt(at);
    let left = Math.max(1, nth);
    for (let line = first; line < doc().lines.length; line++) {
      budget.spend();
      if (!compiled.matcher.test(visibleText(doc().lines[line])) || --left > 0) continue;
      const scanned = line - first + 1;
      if (doc().name === null) {
        // From a pipe more cannot go back: it shows the matching line and goes on after it.
        if (scanned > 1) out('\n...skipping\n');
        out(`${drawRow(rowCellsOf(shownRow(doc(), layout, rowOfLine(line), 0)), tty.cols)}\n`);
        at = rowOfLine(line + 1);
        return perScreen - 1;
      }
      if (scanned > 3) out('\n...skipping\n');
      at = rowOfLine(Math.max(first, line - 2));
      return perScreen - 1;
    }
    error('Pattern not found');
    return null;
  }

  /** The prompt and the keys after it: what to show next (more_key_command). */
  function* command(nextFile?: string): Generator<Effect, Outcome, string | null> {
    showPrompt(nextFile);
    for (;;) {
      let cmd = yield* readCommand();
      if (cmd === null) return { kind: 'quit' };
      if (cmd.key === '.' && previous) cmd = previous;
      const n = cmd.number;
      const piped = doc().name === null;
      previous = cmd;
      switch (cmd.key) {
        case ' ':
        case '\x1b[B':
        case '\x1b[6~':
          erasePrompt();
          return { kind: 'lines', count: n || perScreen };
        case 'z':
          if (n) perScreen = n;
          erasePrompt();
          return { kind: 'lines', count: n || perScreen };
        case '\r':
        case '\n':
          if (n) perScreen = n;
          erasePrompt();
          return { kind: 'lines', count: n || 1 };
        case 'd':
        case '\x04':
          if (n) scroll = n;
          erasePrompt();
          return { kind: 'lines', count: scroll };
        case 'q':
        case 'Q':
        case '\x03':
          erasePrompt();
          return { kind: 'quit' };
        case 's':
        case 'f':
        case '\x06': {
          const count = (n || 1) * (cmd.key === 's' ? 1 : perScreen);
          out(`${ERASE}\n...skipping ${count} line${count === 1 ? '' : 's'}\n`);
          promptShown = false;
          const line = lineAt(at) + count;
          if (line >= doc().lines.length) return { kind: 'done' };
          at = rowOfLine(line);
          return { kind: 'lines', count: perScreen };
        }
        case 'b':
        case '\x02':
        case '\x1b[A':
        case '\x1b[5~': {
          if (piped) {
            out('\x07');
            continue;
          }
          const pages = n || 1;
          out(`${ERASE}...back ${pages} page${pages === 1 ? '' : 's'}\n`);
          promptShown = false;
          at = rowOfLine(Math.max(0, lineAt(at) - perScreen * (pages + 1) - 1));
          return { kind: 'lines', count: perScreen };
        }
        case '=':
          out(ERASE + String(lineAt(at)));
          promptShown = true;
          continue;
        case ':f':
          out(ERASE + (piped ? `[Not a file] line ${lineAt(at)}` : `"${doc().name}" line ${lineAt(at)}`));
          promptShown = true;
          continue;
        case ':n':
          erasePrompt();
          return { kind: 'file', by: n || 1 };
        case ':p':
          if (piped) {
            out('\x07');
            continue;
          }
          erasePrompt();
          return { kind: 'file', by: -(n || 1) };
        case '/':
        case 'n': {
          let pattern = lastPattern;
          if (cmd.key === 'n' && pattern === null) {
            error('No previous regular expression');
            continue;
          }
          out(`${ERASE}/`);
          promptShown = true;
          if (cmd.key === '/') {
            pattern = yield* readPattern();
            if (pattern === null) {
              showPrompt(nextFile);
              continue;
            }
            lastPattern = pattern;
          }
          out('\r');
          const shown = search(pattern!, n || 1, workBudget());
          if (shown === null) {
            if (piped) return { kind: 'quit' };
            continue;
          }
          promptShown = false;
          return { kind: 'lines', count: shown };
        }
        case "'":
          if (piped) {
            out('\x07');
            continue;
          }
          out(`${ERASE}\n***Back***\n\n`);
          promptShown = false;
          at = searchStart;
          return { kind: 'lines', count: perScreen };
        case 'h':
        case '?':
          erasePrompt();
          out(HELP);
          showPrompt(nextFile);
          continue;
        case '\x0c':
          out('\x1b[H\x1b[2J');
          promptShown = false;
          at = screenStart;
          return { kind: 'lines', count: perScreen };
        default:
          bell();
          continue;
      }
    }
  }

  /** Shows lines of the current file from `at` on, with prompts between screens; ends at its end. */
  function* screen(first: number): Generator<Effect, Outcome, string | null> {
    let left = first;
    for (;;) {
      screenStart = at;
      while (left > 0) {
        if (at >= rows()) return { kind: 'done' };
        const row = rowCellsOf(shownRow(doc(), layout, at, 0));
        const width = row.reduce((w, c) => w + c.width, 0);
        out(drawRow(row, tty.cols) + (width < tty.cols ? '\n' : ''));
        at++;
        left--;
      }
      if (at >= rows()) return { kind: 'done' };
      const outcome = yield* command();
      if (outcome.kind !== 'lines') return outcome;
      left = outcome.count;
    }
  }

  const banner = inputs.length > 1;
  let first = true;
  while (index < docs.length) {
    let left = perScreen;
    if (first) {
      if (options.startLine) at = rowOfLine(Math.max(0, options.startLine - 1));
      if (options.startSearch !== undefined) {
        lastPattern = options.startSearch;
        const shown = search(options.startSearch, 1, workBudget());
        if (shown !== null) left = shown;
      }
    } else {
      const outcome = yield* command(doc().name ?? '');
      if (outcome.kind === 'quit') return 0;
      if (outcome.kind === 'lines') left = outcome.count;
    }
    first = false;
    if (banner) {
      out(`${'::::::::::::::'}\n${doc().name ?? ''}\n${'::::::::::::::'}\n`);
      left = Math.min(left, tty.rows - 4);
    }
    const outcome = yield* screen(left);
    if (outcome.kind === 'quit') return 0;
    if (outcome.kind === 'file') {
      const target = index + outcome.by;
      if (target >= docs.length) return 0;
      out(`\n...Skipping \n${outcome.by > 0 ? '...Skipping to file ' : '...Skipping back to file '}${docs[Math.max(0, target)].name}\n\n`);
      index = Math.max(0, target);
      at = 0;
      first = true;
      continue;
    }
    index++;
    at = 0;
  }
  erasePrompt();
  return 0;
}
