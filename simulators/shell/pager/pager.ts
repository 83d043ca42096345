// less 590 as a state machine: keys in, a new state out (render.ts draws it). Positions are screen
// rows counted from the document's first row; `top` is the row at the top of the screen and may lie
// before the first row (G on a file shorter than the screen leaves `~` rows above it) or near the
// end (a search puts its line at the top, with `~` rows below). The commands follow less's
// forwback.c, jump.c and search.c: forward scrolling stops with the last line at the bottom, jumps
// and searches put their line at the top, a search starts on the top line (a repeated one after it).
import { WorkExhausted, type WorkBudget } from '../../core/budget';
import { decode, inSequence, type PagerAction } from './commands';
import { visibleText } from './cells';
import { lineNumberAt, sizeOf, type PagerDocument } from './document';
import { helpDocument } from './help';
import { lineOfRow, rowOffset, rowStarts, totalRows, type LayoutOptions } from './layout';
import { EQUALS_PROMPT, expandPrompt, type PromptFacts } from './prompt';
import { compileSearch, stopsAt, type IgnoreCase, type SearchPattern } from './search';

export interface PagerOptions {
  cols: number;
  rows: number;
  /** -N */
  lineNumbers?: boolean;
  /** -S */
  chop?: boolean;
  /** -R */
  raw?: boolean;
  /** -i (smart) or -I (always). */
  ignoreCase?: IgnoreCase;
  /** A prompt prototype instead of less's short prompt (man-db gives less its own). */
  prompt?: string;
  /** -F: a file that fits on the first screen is printed as it is, and less ends. */
  quitIfOneScreen?: boolean;
  /** -X: no alternate screen, so the text stays on the terminal after quitting. */
  noInit?: boolean;
  /** -K: ^C quits. */
  quitOnInterrupt?: boolean;
  /** -~: the rows past the end are blank instead of `~`. */
  noTildes?: boolean;
}

/** What the bottom line is doing. */
export type PagerMode =
  | 'view' // the prompt; keys are commands
  | 'number' // digits typed before a command, shown as `:12`
  | 'prefix' // the start of a longer command (`:`, `Z`, ESC), shown after a space
  | 'search' // a pattern being typed after `/` or `?`
  | 'message' // an error or `=`'s report, "(press RETURN)"
  | 'follow' // F: waiting for data at the end until ^C
  | 'exited';

/** How much of the screen the next draw must change. */
export type Paint = 'prompt' | 'full' | 'first';

export interface PagerState {
  /** The files named; one that cannot be opened leaves the list when less tries to show it. */
  files: readonly PagerDocument[];
  /** The file shown (or under the help text), 0-based. */
  index: number;
  /** What is shown: files[index], or the help text. */
  doc: PagerDocument;
  /** Where the file was when `h` opened the help text. */
  helpOver: { top: number; hshift: number } | null;
  readonly options: PagerOptions;
  top: number;
  hshift: number;
  /** The next prompt is the first since the file was opened (less's `?n`). */
  newFile: boolean;
  /**
   * A file shorter than the screen is drawn at first from wherever the cursor was, with the prompt
   * right below it, until a command repaints the whole screen (less's `squished`).
   */
  squished: boolean;
  /** The end has been on the screen: a pipe's size and line count are known from then on. */
  seenEnd: boolean;
  mode: PagerMode;
  /** What is typed on the bottom line: digits, a command's first keys, or a search pattern. */
  typed: string;
  /** The search being typed goes backward (`?`); `!` first makes it look for non-matching lines. */
  typingBackward: boolean;
  typingInvert: boolean;
  /** The last search, which `n` and `N` repeat and whose matches are highlighted. */
  search: (SearchPattern & { backward: boolean }) | null;
  /** ESC-u hides the highlighting until the next search. */
  hilite: boolean;
  message: string | null;
  /** A message to show once this one is dismissed (after a file that could not be opened). */
  nextMessage: string | null;
  /** The screen is empty (`~` only) while less says a file could not be opened. */
  blank: boolean;
  paint: Paint;
  bell: boolean;
  /** `d`/`u` scroll this many rows (less's wscroll); `z`/`w` change the page's height. */
  halfWindow: number;
  window: number | null;
}

/** How the state's document is cut into rows: shifted sideways, lines are cut instead of wrapped. */
export const layoutOf = (s: PagerState): LayoutOptions => ({
  cols: s.options.cols,
  chop: Boolean(s.options.chop) || s.hshift > 0,
  lineNumbers: Boolean(s.options.lineNumbers),
  raw: Boolean(s.options.raw),
});

/** Rows for text: all but the prompt's. */
const contentRows = (s: PagerState) => Math.max(1, s.options.rows - 1);
const total = (s: PagerState) => totalRows(s.doc, layoutOf(s));
const eofDisplayed = (s: PagerState) => s.top + contentRows(s) >= total(s);

export function openPager(files: readonly PagerDocument[], options: PagerOptions): PagerState {
  const state: PagerState = {
    files,
    index: 0,
    doc: files[0],
    helpOver: null,
    options,
    top: 0,
    hshift: 0,
    newFile: true,
    squished: false,
    seenEnd: false,
    mode: 'view',
    typed: '',
    typingBackward: false,
    typingInvert: false,
    search: null,
    hilite: true,
    message: null,
    nextMessage: null,
    blank: false,
    paint: 'first',
    bell: false,
    halfWindow: Math.floor((options.rows + 1) / 2),
    window: null,
  };
  state.squished = total(state) < contentRows(state);
  state.seenEnd = eofDisplayed(state);
  return state;
}

/** The whole document fits above the prompt (what -F looks at). */
export const fitsOnScreen = (s: PagerState) => total(s) <= contentRows(s);

/** The facts less's prompts are made of, for this state. */
export function promptFacts(s: PagerState): PromptFacts {
  const layout = layoutOf(s);
  const rows = total(s);
  const inHelp = s.helpOver !== null;
  const size = s.doc.piped && !s.seenEnd ? null : sizeOf(s.doc);
  return {
    fileName: inHelp ? null : s.doc.name,
    fileIndex: s.index + 1,
    fileCount: inHelp ? 1 : s.files.length,
    nextFile: inHelp ? null : (s.files[s.index + 1]?.name ?? null),
    newFile: s.newFile,
    eof: eofDisplayed(s) && size !== null,
    size,
    hshift: s.hshift,
    rows: s.options.rows,
    position: (sindex) => {
      const row = s.top + sindex;
      return row >= 0 && row < rows ? rowOffset(s.doc, layout, row) : null;
    },
    lineAt: (pos) => lineNumberAt(s.doc, pos),
  };
}

// --- moving -------------------------------------------------------------------------------------

/** The first paint of a short file gives way to a whole screen before anything scrolls (squish_check). */
function unsquish(s: PagerState) {
  if (!s.squished) return;
  s.squished = false;
  s.paint = 'full';
}

function forward(s: PagerState, n: number, force = false) {
  const rows = total(s);
  if (eofDisplayed(s) && !force) return void (s.bell = true);
  unsquish(s);
  // Without force the last line stops at the bottom; with it, scrolling goes on until the last
  // line reaches the top of the screen.
  const limit = force ? Math.max(s.top, rows - 1) : rows - contentRows(s);
  const step = Math.max(0, Math.min(n, limit - s.top));
  if (step === 0) return void (s.bell = true);
  s.top += step;
  s.paint = 'full';
}

function backward(s: PagerState, n: number, force = false) {
  if (s.top < 0 && !force) return void (s.bell = true);
  unsquish(s);
  const floor = force ? Math.min(s.top, 2 - contentRows(s)) : 0;
  const step = Math.max(0, Math.min(n, s.top - floor));
  if (step === 0) return void (s.bell = true);
  s.top -= step;
  s.paint = 'full';
}

/** Puts `row` at the top of the screen (jump_loc), `~` rows below the end if need be. */
function jumpToRow(s: PagerState, row: number) {
  s.squished = false;
  s.top = row;
  s.paint = 'full';
}

function jumpToLine(s: PagerState, line: number) {
  const lines = s.doc.lines.length;
  if (line > Math.max(1, lines)) return showMessage(s, `Cannot seek to line number ${line}`);
  jumpToRow(s, rowStarts(s.doc, layoutOf(s))[Math.min(line, lines) - 1] ?? 0);
}

function jumpToEnd(s: PagerState) {
  jumpToRow(s, total(s) - contentRows(s));
}

function jumpToPercent(s: PagerState, percent: number) {
  const size = sizeOf(s.doc);
  let pos = Math.floor((size * Math.max(0, percent)) / 100 + 0.5);
  if (pos >= size) pos = size - 1;
  const line = Math.max(1, lineNumberAt(s.doc, Math.max(0, pos))) - 1;
  jumpToRow(s, rowStarts(s.doc, layoutOf(s))[Math.min(line, s.doc.lines.length)] ?? 0);
}

/** Scrolls sideways; the row at the top keeps its line (a shifted screen cuts lines instead of wrapping them). */
function shift(s: PagerState, columns: number) {
  const next = Math.max(0, s.hshift + columns);
  if (next === s.hshift) return void (s.bell = true);
  const starts = rowStarts(s.doc, layoutOf(s));
  const line = s.top >= 0 && s.top < total(s) ? lineOfRow(starts, s.top) : null;
  s.hshift = next;
  if (line !== null) s.top = rowStarts(s.doc, layoutOf(s))[line];
  s.squished = false;
  s.paint = 'full';
}

// --- files --------------------------------------------------------------------------------------

function showFile(s: PagerState, index: number, doc: PagerDocument, top = 0, hshift = 0) {
  s.index = index;
  s.doc = doc;
  s.top = top;
  s.hshift = hshift;
  s.newFile = true;
  s.squished = false;
  s.seenEnd = eofDisplayed(s);
  s.paint = 'full';
}

/**
 * :n and :p. A file that cannot be opened is dropped from the list with its error, on an empty
 * screen, and the next one in that direction is tried; with none left, less says so and shows the
 * file it was on again.
 */
function changeFile(s: PagerState, by: number) {
  const none = by > 0 ? 'No next file' : 'No previous file';
  let index = s.index + by;
  if (index >= s.files.length || index < 0) return showMessage(s, none);
  const errors: string[] = [];
  while (index >= 0 && index < s.files.length && s.files[index].error) {
    errors.push(s.files[index].error!);
    s.files = s.files.filter((_, i) => i !== index);
    if (by < 0) {
      s.index--;
      index--;
    }
  }
  if (index >= 0 && index < s.files.length) {
    showFile(s, index, s.files[index]);
    if (errors.length) showMessage(s, errors[0]);
    return;
  }
  s.blank = true;
  s.paint = 'full';
  showMessage(s, errors[0] ?? none);
  s.nextMessage = errors.length ? none : null;
}

/** After a message: the next one waiting, or the file again once a failed :n has had its say. */
function dismiss(s: PagerState) {
  s.message = null;
  s.mode = 'view';
  if (s.nextMessage) {
    showMessage(s, s.nextMessage);
    s.nextMessage = null;
    return;
  }
  if (s.blank) {
    s.blank = false;
    showFile(s, s.index, s.files[s.index], s.top, s.hshift);
  }
}

function openHelp(s: PagerState) {
  if (s.helpOver) return;
  s.helpOver = { top: s.top, hshift: s.hshift };
  showFile(s, s.index, helpDocument());
}

function quit(s: PagerState) {
  if (!s.helpOver) return void (s.mode = 'exited');
  const back = s.helpOver;
  s.helpOver = null;
  showFile(s, s.index, s.files[s.index], back.top, back.hshift);
}

// --- searching ----------------------------------------------------------------------------------

/** An error or a report at the bottom, until a key (less's error(), which first repaints a squished screen). */
function showMessage(s: PagerState, text: string) {
  unsquish(s);
  s.message = text;
  s.mode = 'message';
}

/**
 * Where a search starts (search_pos): a new one at the top line going forward, or from just below
 * the screen going backward; a repeated one after the top line, or above it going backward.
 * Returns the first line to look at, or null when there is nothing to search.
 */
function firstLine(s: PagerState, backward: boolean, repeat: boolean): number | null {
  const rows = total(s);
  const starts = rowStarts(s.doc, layoutOf(s));
  if (rows === 0) return null;
  if (!backward) {
    const row = Math.min(Math.max(s.top, 0), rows - 1);
    if (s.top >= rows) return null;
    return lineOfRow(starts, row) + (repeat ? 1 : 0);
  }
  // Backward: the line before the row the search starts from.
  let row = repeat ? s.top : s.top + contentRows(s);
  if (row >= rows) row = Math.min(s.top + contentRows(s) - 1, rows - 1);
  if (row < 0) return null;
  const line = lineOfRow(starts, row);
  return row === starts[line] ? line - 1 : line;
}

function runSearch(s: PagerState, pattern: SearchPattern, backward: boolean, repeat: boolean, count: number, budget: WorkBudget) {
  const matcher = compileSearch(pattern, s.options.ignoreCase, budget);
  if (!matcher) return showMessage(s, 'Invalid pattern');
  // A new pattern is remembered (even when nothing matches it), with its direction for `n`.
  if (!repeat) s.search = { ...pattern, backward };
  s.hilite = true;
  // Highlights are redrawn over a whole screen (repaint_hilite repaints a squished one).
  unsquish(s);
  s.paint = 'full';
  let line = firstLine(s, backward, repeat);
  if (line === null) return showMessage(s, 'Nothing to search');
  let left = Math.max(1, count);
  const lines = s.doc.lines;
  for (; line >= 0 && line < lines.length; line += backward ? -1 : 1) {
    budget.spend();
    budget.spendText(lines[line].length);
    if (stopsAt(matcher, pattern, visibleText(lines[line], s.options.raw)) && --left === 0) break;
  }
  if (line < 0 || line >= lines.length) {
    if (!backward) s.seenEnd = true;
    return showMessage(s, 'Pattern not found');
  }
  const row = rowStarts(s.doc, layoutOf(s))[line];
  if (row !== s.top) jumpToRow(s, row);
}

function repeatSearch(s: PagerState, reverse: boolean, count: number, budget: WorkBudget) {
  if (!s.search) return showMessage(s, 'No previous regular expression');
  runSearch(s, s.search, s.search.backward !== reverse, true, count, budget);
}

function finishTyping(s: PagerState, budget: WorkBudget) {
  const backward = s.typingBackward;
  const pattern: SearchPattern = { text: s.typed, invert: s.typingInvert };
  s.mode = 'view';
  s.typed = '';
  if (pattern.text === '') {
    // An empty pattern searches again for the last one, in the direction just typed.
    if (!s.search) return showMessage(s, 'No previous regular expression');
    s.search = { ...s.search, invert: s.search.invert || pattern.invert, backward };
    return runSearch(s, s.search, backward, true, 1, budget);
  }
  runSearch(s, pattern, backward, false, 1, budget);
}

// --- commands -----------------------------------------------------------------------------------

function act(s: PagerState, action: PagerAction, number: number | null, budget: WorkBudget) {
  const n = number ?? 0;
  switch (action) {
    case 'f-line':
      return forward(s, n > 0 ? n : 1);
    case 'b-line':
      return backward(s, n > 0 ? n : 1);
    case 'ff-line':
      return forward(s, n > 0 ? n : 1, true);
    case 'bf-line':
      return backward(s, n > 0 ? n : 1, true);
    case 'f-scroll':
      if (n > 0) s.halfWindow = n;
      return forward(s, s.halfWindow);
    case 'b-scroll':
      if (n > 0) s.halfWindow = n;
      return backward(s, s.halfWindow);
    case 'f-window':
      if (n > 0) s.window = n;
      return forward(s, n > 0 ? n : (s.window ?? contentRows(s)));
    case 'b-window':
      if (n > 0) s.window = n;
      return backward(s, n > 0 ? n : (s.window ?? contentRows(s)));
    case 'f-screen':
      return forward(s, n > 0 ? n : (s.window ?? contentRows(s)));
    case 'b-screen':
      return backward(s, n > 0 ? n : (s.window ?? contentRows(s)));
    case 'ff-screen':
      return forward(s, n > 0 ? n : (s.window ?? contentRows(s)), true);
    case 'f-forever':
      jumpToEnd(s);
      s.mode = 'follow';
      return;
    case 'repaint':
      s.squished = false;
      s.paint = 'full';
      return;
    case 'undo-search':
      s.hilite = !s.hilite;
      unsquish(s);
      s.paint = 'full';
      return;
    case 'clear-search':
      // ESC-U takes the highlighting away; the pattern stays for n and N, which bring it back.
      s.hilite = false;
      unsquish(s);
      s.paint = 'full';
      return;
    case 'goline':
      return jumpToLine(s, n > 0 ? n : 1);
    case 'goend':
      return n > 0 ? jumpToLine(s, n) : jumpToEnd(s);
    case 'percent':
      return jumpToPercent(s, n);
    case 'left-shift':
      return shift(s, -(n > 0 ? n : Math.floor(s.options.cols / 2)));
    case 'right-shift':
      return shift(s, n > 0 ? n : Math.floor(s.options.cols / 2));
    case 'stat':
      return showMessage(s, expandPrompt(EQUALS_PROMPT, promptFacts(s)));
    case 'f-search':
    case 'b-search':
      s.mode = 'search';
      s.typed = '';
      s.typingBackward = action === 'b-search';
      s.typingInvert = false;
      return;
    case 'again-search':
      return repeatSearch(s, false, n, budget);
    case 'reverse-search':
      return repeatSearch(s, true, n, budget);
    case 'next-file':
      return changeFile(s, n > 0 ? n : 1);
    case 'prev-file':
      return changeFile(s, -(n > 0 ? n : 1));
    case 'help':
      return openHelp(s);
    case 'version':
      return showMessage(s, 'less 590');
    case 'quit':
      return quit(s);
    case 'not-available':
      return showMessage(s, 'Command not available');
  }
}

/** One key (or the last key of a command) read in the normal modes. */
function command(s: PagerState, key: string, budget: WorkBudget) {
  if (s.mode === 'view' && /^[0-9]$/.test(key)) {
    s.mode = 'number';
    s.typed = key;
    return;
  }
  if (s.mode === 'number') {
    if (/^[0-9]$/.test(key)) return void (s.typed += key);
    if (key === '\x7f' || key === '\b') {
      s.typed = s.typed.slice(0, -1);
      if (!s.typed) s.mode = 'view';
      return;
    }
  }
  const number = s.mode === 'number' ? Number(s.typed) : null;
  const keys = s.mode === 'prefix' ? s.typed.replace(/^\d*/, '') + key : key;
  const digits = s.mode === 'prefix' ? s.typed.match(/^\d*/)![0] : s.mode === 'number' ? s.typed : '';
  const decoded = decode(keys);
  if (decoded.kind === 'more' || inSequence(keys)) {
    s.mode = 'prefix';
    s.typed = digits + keys;
    return;
  }
  s.mode = 'view';
  s.typed = '';
  if (decoded.kind === 'invalid') {
    // An escape sequence we do not know (a function key) is swallowed whole, quietly.
    if (!keys.startsWith('\x1b')) s.bell = true;
    return;
  }
  act(s, decoded.action, digits ? Number(digits) : number, budget);
}

/** A key typed while a search pattern is being written on the bottom line. */
function searchKey(s: PagerState, key: string, budget: WorkBudget) {
  if (key === '\r' || key === '\n') return finishTyping(s, budget);
  if (key === '\x03') {
    s.mode = 'view';
    s.typed = '';
    return;
  }
  if (key === '\x7f' || key === '\b') {
    if (s.typed === '') {
      if (s.typingInvert) s.typingInvert = false;
      else s.mode = 'view';
      return;
    }
    s.typed = Array.from(s.typed).slice(0, -1).join('');
    return;
  }
  if (key === '\x15') {
    s.typed = '';
    return;
  }
  if ((key === '!' || key === '\x0e') && s.typed === '' && !s.typingInvert) {
    s.typingInvert = true;
    return;
  }
  if (key.startsWith('\x1b') || key < ' ') return;
  s.typed += key;
}

/**
 * With a search pattern, less reads ahead of the screen to find what to highlight (prep_hilite, 4
 * line buffers of 1024 bytes past the bottom): a pipe that ends within that is known to end.
 */
function readsToEnd(s: PagerState): boolean {
  if (!s.search || s.seenEnd) return false;
  const below = s.top + contentRows(s);
  const rows = total(s);
  const at = below >= rows ? sizeOf(s.doc) : below < 0 ? 0 : rowOffset(s.doc, layoutOf(s), below);
  return sizeOf(s.doc) - at <= 4 * 1024;
}

/** One key, whatever the bottom line is doing. */
function handleKey(s: PagerState, key: string, budget: WorkBudget) {
  if (s.mode === 'message') {
    // RETURN, SPACE or ^C only dismiss the message; any other key is also a command (get_return).
    dismiss(s);
    if (key === '\r' || key === '\n' || key === ' ' || key === '\x03' || s.mode === 'message') return;
  }
  if (key === '\x03' && s.options.quitOnInterrupt) {
    s.mode = 'exited';
    return;
  }
  if (s.mode === 'follow') {
    if (key === '\x03' || key === '\x18') s.mode = 'view';
    return;
  }
  if (s.mode === 'search') return searchKey(s, key, budget);
  if (s.mode === 'prefix' && key === '\x03') {
    s.mode = 'view';
    s.typed = '';
    return;
  }
  command(s, key, budget);
}

/** Splits input into keys: escape sequences whole, other characters one by one. */
function keysOf(data: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < data.length; ) {
    const m = /^\x1b(?:\[[0-9;]*[@-~]|O[A-Za-z]|.)?/s.exec(data.slice(i, i + 16));
    const cp = data.codePointAt(i) ?? 0;
    const key = m ? m[0] : String.fromCodePoint(cp);
    keys.push(key);
    i += key.length;
  }
  return keys;
}

/**
 * Feeds typed keys to the pager. The work of searching and laying out long files is paid from
 * `budget`; a search cut short by it ends as an interrupted search does, where it was.
 */
export function pagerInput(state: PagerState, data: string, budget: WorkBudget): PagerState {
  if (state.mode === 'exited') return state;
  const s: PagerState = { ...state, paint: 'prompt', bell: false, newFile: false };
  const stronger = (paint: Paint) => {
    const order: Paint[] = ['prompt', 'full', 'first'];
    return order.indexOf(paint);
  };
  let paint: Paint = 'prompt';
  for (const key of keysOf(data)) {
    if (s.mode === 'exited') break;
    s.paint = paint;
    try {
      handleKey(s, key, budget);
    } catch (e) {
      if (!(e instanceof WorkExhausted)) throw e;
      s.mode = 'view';
      s.typed = '';
    }
    if (stronger(s.paint) > stronger(paint)) paint = s.paint;
    if (eofDisplayed(s) || readsToEnd(s)) s.seenEnd = true;
  }
  s.paint = paint;
  return s;
}
