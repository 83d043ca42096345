// The editable command line as pure data: text and cursor, changed by keys, plus history
// browsing. The terminal driver draws it; nothing here knows about screens.

export interface LineState {
  text: string;
  cursor: number;
  /** Position in history while browsing with Up/Down: history.length means "the line being typed". */
  historyIndex: number;
  /** What was typed before browsing history, restored by Down past the newest entry. */
  draft: string;
  /** Ctrl-K/U/W put text here; Ctrl-Y yanks it back, as readline does. */
  killed: string;
}

/** Longest line the editor keeps: a paste beyond it is cut, so a huge paste cannot freeze the page. */
export const MAX_LINE = 100_000;

export function emptyLine(historyLength: number): LineState {
  return { text: '', cursor: 0, historyIndex: historyLength, draft: '', killed: '' };
}

export function insert(s: LineState, text: string): LineState {
  const room = MAX_LINE - s.text.length;
  const added = text.slice(0, Math.max(0, room));
  return { ...s, text: s.text.slice(0, s.cursor) + added + s.text.slice(s.cursor), cursor: s.cursor + added.length };
}

export function backspace(s: LineState): LineState {
  if (s.cursor === 0) return s;
  return { ...s, text: s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), cursor: s.cursor - 1 };
}

export function deleteForward(s: LineState): LineState {
  if (s.cursor >= s.text.length) return s;
  return { ...s, text: s.text.slice(0, s.cursor) + s.text.slice(s.cursor + 1) };
}

export const moveTo = (s: LineState, cursor: number): LineState => ({ ...s, cursor: Math.max(0, Math.min(s.text.length, cursor)) });

/** Start of the word before the cursor (readline's unix-word-rubout uses whitespace as the boundary). */
function wordStartBefore(text: string, cursor: number, boundary: RegExp): number {
  let i = cursor;
  while (i > 0 && boundary.test(text[i - 1])) i--;
  while (i > 0 && !boundary.test(text[i - 1])) i--;
  return i;
}

function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && !/[A-Za-z0-9]/.test(text[i])) i++;
  while (i < text.length && /[A-Za-z0-9]/.test(text[i])) i++;
  return i;
}

export const wordLeft = (s: LineState) => moveTo(s, wordStartBefore(s.text, s.cursor, /[^A-Za-z0-9]/));
export const wordRight = (s: LineState) => moveTo(s, wordEndAfter(s.text, s.cursor));

/** Ctrl-U: kill from the start of the line to the cursor. */
export function killToStart(s: LineState): LineState {
  return { ...s, text: s.text.slice(s.cursor), cursor: 0, killed: s.text.slice(0, s.cursor) || s.killed };
}

/** Ctrl-K: kill from the cursor to the end of the line. */
export function killToEnd(s: LineState): LineState {
  return { ...s, text: s.text.slice(0, s.cursor), killed: s.text.slice(s.cursor) || s.killed };
}

/** Ctrl-W: kill the whitespace-delimited word before the cursor. */
export function killWordBefore(s: LineState): LineState {
  const start = wordStartBefore(s.text, s.cursor, /\s/);
  return { ...s, text: s.text.slice(0, start) + s.text.slice(s.cursor), cursor: start, killed: s.text.slice(start, s.cursor) || s.killed };
}

export const yank = (s: LineState) => insert(s, s.killed);

export function historyPrev(s: LineState, history: readonly string[]): LineState {
  if (s.historyIndex <= 0 || history.length === 0) return s;
  const index = Math.min(s.historyIndex, history.length) - 1;
  const draft = s.historyIndex >= history.length ? s.text : s.draft;
  const text = history[index];
  return { ...s, historyIndex: index, draft, text, cursor: text.length };
}

export function historyNext(s: LineState, history: readonly string[]): LineState {
  if (s.historyIndex >= history.length) return s;
  const index = s.historyIndex + 1;
  const text = index >= history.length ? s.draft : history[index];
  return { ...s, historyIndex: index, text, cursor: text.length };
}
