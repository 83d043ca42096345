// The nano state machine: opening a file, feeding it keys, answering its writes, resizing it.
// Keys are read one at a time from each chunk of input and dispatched on the current mode.
import type {
  NanoEffect, NanoOptions, NanoQuestion, NanoState, NanoStep, NanoWriteOutcome,
} from './types';
import {
  backspace, cursorReport, cutLine, deleteChar, insertText, moveDown, moveEnd, moveHome, moveLeft,
  moveRight, moveUp, nextWord, pageMove, pasteCut, prevWord, toFirstLine, toLastLine,
} from './buffer';
import { readText, writeText, writtenLineCount } from './file';
import { readKey, type Key } from './keys';
import { countKeystrokes, setStatus, wipeStatus } from './messages';
import { expandTilde, guessCwd, resolvePath } from './paths';
import { helpLineCount } from './render';
import { charLength, stepLeft, stepRight } from './text';
import { editRowsOf, scrollToCursor } from './view';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function size(value: number, fallback: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : fallback;
}

export function openNano(opts: NanoOptions): NanoState {
  let lines = [''];
  let format: NanoState['format'] = 'unix';
  let message = 'New File';
  if (opts.content !== null) {
    const read = readText(opts.content);
    lines = read.lines;
    format = read.format;
    const converted =
      format === 'dos' ? ' (Converted from DOS format)' : format === 'mac' ? ' (Converted from Mac format)' : '';
    message = `Read ${plural(read.lineCount, 'line')}${converted}`;
  }
  const state: NanoState = {
    lines,
    row: 0,
    col: 0,
    placewewant: 0,
    topRow: 0,
    modified: false,
    mode: 'editing',
    prompt: null,
    question: null,
    status: null,
    statusBlank: 0,
    cutBuffer: null,
    keepCut: false,
    path: opts.path,
    displayName: opts.displayName,
    cwd: opts.cwd ?? guessCwd(opts.path, opts.displayName),
    home: opts.home ?? null,
    format,
    cols: size(opts.cols, 80),
    rows: size(opts.rows, 24),
    helpTop: 0,
    writing: null,
    pendingInput: '',
    inPaste: false,
  };
  setStatus(state, message, false);
  return state;
}

/** A copy to change freely: everything nested is copied too (the lines array shallowly). */
function draft(state: NanoState): NanoState {
  return {
    ...state,
    lines: state.lines.slice(),
    prompt: state.prompt && { ...state.prompt },
    status: state.status && { ...state.status },
    writing: state.writing && { ...state.writing },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

function openWritePrompt(s: NanoState, exiting: boolean): void {
  s.mode = 'write-prompt';
  s.question = null;
  s.prompt = {
    answer: s.displayName,
    cursor: s.displayName.length,
    exiting,
    mayChange: s.displayName === '',
  };
}

function backToEditing(s: NanoState): void {
  s.mode = 'editing';
  s.prompt = null;
  s.question = null;
}

function cancel(s: NanoState): void {
  backToEditing(s);
  setStatus(s, 'Cancelled', false);
}

/** Hands the buffer to the caller; the editor waits in 'writing' until nanoWriteResult. */
function startWrite(s: NanoState, name: string, path: string, exiting: boolean, effects: NanoEffect[]): void {
  const displayName = expandTilde(name, s.home);
  s.writing = { path, displayName, lineCount: writtenLineCount(s.lines), exiting };
  backToEditing(s);
  s.mode = 'writing';
  setStatus(s, 'Writing...', false);
  effects.push({ type: 'write', path, displayName, content: writeText(s.lines, s.format) });
}

/** Enter at "File Name to Write:". */
function acceptFileName(s: NanoState, effects: NanoEffect[]): void {
  const prompt = s.prompt!;
  // An empty answer cancels, as in nano.
  if (prompt.answer === '') return cancel(s);
  const path = resolvePath(prompt.answer, s.cwd, s.home);
  // Saving a named buffer under another name needs a confirmation first.
  if (!prompt.mayChange && path !== s.path) {
    s.mode = 'yesno';
    s.question = 'different-name';
    return;
  }
  startWrite(s, prompt.answer, path, prompt.exiting, effects);
}

function answerQuestion(s: NanoState, answer: 'yes' | 'no' | 'cancel', effects: NanoEffect[]): void {
  const question = s.question as NanoQuestion;
  if (question === 'save-modified') {
    if (answer === 'yes') openWritePrompt(s, true);
    else if (answer === 'no') {
      backToEditing(s);
      s.mode = 'exited';
      effects.push({ type: 'exit' });
    } else cancel(s);
    return;
  }
  // "Save file under DIFFERENT NAME?": anything but Yes goes back to the file-name prompt.
  s.question = null;
  s.mode = 'write-prompt';
  if (answer === 'yes') {
    s.prompt!.mayChange = true;
    acceptFileName(s, effects);
  }
}

// ---------------------------------------------------------------------------------------------
// Keys per mode

/** Commands nano has that this simulator does not: a notice beats a key that silently does nothing. */
const NOT_AVAILABLE: Record<string, string> = {
  '^R': 'Read File', insert: 'Read File', f5: 'Read File',
  '^W': 'Where Is', f6: 'Where Is', '^Q': 'Where Was', 'M-q': 'Previous', 'M-w': 'Next',
  '^\\': 'Replace', 'M-r': 'Replace', '^T': 'Execute', f4: 'Justify', 'M-j': 'Full Justify',
  '^_': 'Go To Line', 'M-g': 'Go To Line', 'M-u': 'Undo', 'M-e': 'Redo',
  'M-a': 'Set Mark', '^^': 'Set Mark', 'M-6': 'Copy', 'M-^': 'Copy', 'M-]': 'To Bracket',
  'M-t': 'Cut Till End', 'M-d': 'Word Count', 'M-v': 'Verbatim', '^Z': 'Suspend',
  '^]': 'Complete', 'M-3': 'Comment Lines', 'M-}': 'Indent', 'M-{': 'Unindent', f12: 'Spell Check',
};

const MOVES: Record<string, (s: NanoState) => void> = {
  up: moveUp, '^P': moveUp, down: moveDown, '^N': moveDown,
  left: moveLeft, '^B': moveLeft, right: moveRight, '^F': moveRight,
  home: moveHome, '^A': moveHome, end: moveEnd, '^E': moveEnd,
  'ctrl-home': toFirstLine, 'M-\\': toFirstLine, 'ctrl-end': toLastLine, 'M-/': toLastLine,
  'ctrl-left': prevWord, 'M- ': prevWord, 'ctrl-right': nextWord, '^@': nextWord,
  backspace: backspace, delete: deleteChar, '^D': deleteChar,
};

function editingKey(s: NanoState, name: string, effects: NanoEffect[]): void {
  countKeystrokes(s, 1);
  const cutting = name === '^K' || name === 'f9';
  if (!cutting) s.keepCut = false;

  const move = MOVES[name];
  if (move) {
    move(s);
    scrollToCursor(s);
    return;
  }
  switch (name) {
    case 'pageup': case '^Y': case 'f7':
      return pageMove(s, -1);
    case 'pagedown': case '^V': case 'f8':
      return pageMove(s, 1);
    case '^K': case 'f9':
      cutLine(s);
      return scrollToCursor(s);
    case '^U': case 'f10':
      pasteCut(s);
      return scrollToCursor(s);
    case '^O': case 'f3':
      return openWritePrompt(s, false);
    case '^S':
      // Save without asking for a name, when the buffer has one.
      if (s.displayName === '') return openWritePrompt(s, false);
      return startWrite(s, s.displayName, s.path, false, effects);
    case '^X': case 'f2':
      if (!s.modified) {
        s.mode = 'exited';
        effects.push({ type: 'exit' });
        return;
      }
      s.mode = 'yesno';
      s.question = 'save-modified';
      return;
    case '^C': case 'f11':
      return setStatus(s, cursorReport(s), false);
    case '^G': case 'f1':
      s.mode = 'help';
      s.helpTop = 0;
      return;
    default:
      if (NOT_AVAILABLE[name]) setStatus(s, `${NOT_AVAILABLE[name]} is not available in this simulator`, false);
  }
}

/** Line editing in the file-name prompt. */
function promptKey(s: NanoState, key: Key, effects: NanoEffect[]): void {
  const p = s.prompt!;
  if (key.kind === 'text' || key.kind === 'paste') {
    // During a paste at a prompt nano ignores line breaks and other commands.
    const text = key.text.replace(/[\n\t]/g, '');
    p.answer = p.answer.slice(0, p.cursor) + text + p.answer.slice(p.cursor);
    p.cursor += text.length;
    return;
  }
  if (key.kind !== 'key') return;
  switch (key.name) {
    case 'enter':
      return acceptFileName(s, effects);
    case '^C':
      return cancel(s);
    case 'backspace':
      if (p.cursor > 0) {
        const from = stepLeft(p.answer, p.cursor);
        p.answer = p.answer.slice(0, from) + p.answer.slice(p.cursor);
        p.cursor = from;
      }
      return;
    case 'delete': case '^D':
      p.answer = p.answer.slice(0, p.cursor) + p.answer.slice(stepRight(p.answer, p.cursor));
      return;
    case 'left': case '^B':
      p.cursor = stepLeft(p.answer, p.cursor);
      return;
    case 'right': case '^F':
      p.cursor = stepRight(p.answer, p.cursor);
      return;
    case 'home': case '^A':
      p.cursor = 0;
      return;
    case 'end': case '^E':
      p.cursor = p.answer.length;
      return;
    case '^K':
      // Cutting at a prompt erases the whole answer.
      p.answer = '';
      p.cursor = 0;
      return;
    case 'M-d':
      s.format = s.format === 'dos' ? 'unix' : 'dos';
      return;
    case 'M-m':
      s.format = s.format === 'mac' ? 'unix' : 'mac';
      return;
  }
}

function questionKey(s: NanoState, key: Key, effects: NanoEffect[]): void {
  if (key.kind === 'text') {
    const ch = key.text[0];
    if (ch === 'y' || ch === 'Y') answerQuestion(s, 'yes', effects);
    else if (ch === 'n' || ch === 'N') answerQuestion(s, 'no', effects);
    return;
  }
  if (key.kind !== 'key') return;
  if (key.name === '^Y') answerQuestion(s, 'yes', effects);
  else if (key.name === '^N') answerQuestion(s, 'no', effects);
  else if (key.name === '^C') answerQuestion(s, 'cancel', effects);
}

function helpKey(s: NanoState, key: Key): void {
  const name = key.kind === 'key' ? key.name : key.kind === 'text' ? key.text[0] : '';
  const editRows = editRowsOf(s);
  const page = editRows < 3 ? 1 : editRows - 2;
  const last = Math.max(0, helpLineCount(s.cols) - editRows);
  switch (name) {
    case 'up': case '^P': s.helpTop--; break;
    case 'down': case '^N': s.helpTop++; break;
    case 'pageup': case '^Y': case 'backspace': case 'f7': s.helpTop -= page; break;
    case 'pagedown': case '^V': case ' ': case 'f8': s.helpTop += page; break;
    case 'home': case 'ctrl-home': case 'M-\\': s.helpTop = 0; break;
    case 'end': case 'ctrl-end': case 'M-/': s.helpTop = last; break;
    case '^X': case '^C': case '^G': case 'f1': case 'f2':
      s.mode = 'editing';
      wipeStatus(s);
      return;
  }
  s.helpTop = Math.max(0, Math.min(s.helpTop, last));
}

// ---------------------------------------------------------------------------------------------
// Input

/** Keys that type into the buffer; a run of them is inserted in one go (pastes can be huge). */
function insertionOf(key: Key): string | null {
  if (key.kind === 'text' || key.kind === 'paste') return key.text;
  if (key.kind === 'key' && key.name === 'enter') return '\n';
  if (key.kind === 'key' && key.name === 'tab') return '\t';
  return null;
}

export function nanoInput(state: NanoState, data: string): NanoStep {
  if (state.mode === 'exited' || data === '') return { state, effects: [] };
  const s = draft(state);
  const effects: NanoEffect[] = [];
  let pos = 0;

  while (pos < data.length) {
    if (s.mode === 'exited') break;
    if (s.mode === 'writing') {
      // Keep what the user typed meanwhile; it is replayed once the write is answered.
      s.pendingInput += data.slice(pos);
      break;
    }
    const start = pos;
    const read = readKey(data, pos, s.inPaste);
    pos = read.next;
    s.inPaste = read.inPaste;
    const key = read.key;

    if (s.mode === 'editing') {
      const first = insertionOf(key);
      if (first !== null) {
        const parts = [first];
        // Gather the following typed keys too, so a big paste is a single insertion.
        while (pos < data.length) {
          const more = readKey(data, pos, s.inPaste);
          const text = insertionOf(more.key);
          if (text === null) break;
          parts.push(text);
          pos = more.next;
          s.inPaste = more.inPaste;
        }
        const text = parts.join('');
        countKeystrokes(s, text.length);
        s.keepCut = false;
        insertText(s, text);
        scrollToCursor(s);
      } else if (key.kind === 'key') {
        editingKey(s, key.name, effects);
      }
      continue;
    }

    if ((s.mode === 'yesno' || s.mode === 'help') && key.kind === 'text') {
      // One character at a time: the answer may change what the following characters mean.
      pos = start + charLength(data, start);
    }
    if (s.mode === 'write-prompt') promptKey(s, key, effects);
    else if (s.mode === 'yesno') questionKey(s, key, effects);
    else if (s.mode === 'help') helpKey(s, key);
  }
  return { state: s, effects };
}

export function nanoWriteResult(state: NanoState, result: NanoWriteOutcome): NanoStep {
  if (state.mode !== 'writing' || !state.writing) return { state, effects: [] };
  const s = draft(state);
  const written = s.writing!;
  s.writing = null;
  s.mode = 'editing';
  const effects: NanoEffect[] = [];

  if (result.ok) {
    // The buffer now carries the name it was written under.
    s.modified = false;
    s.displayName = written.displayName;
    s.path = written.path;
    setStatus(s, `Wrote ${plural(written.lineCount, 'line')}`, false);
    if (written.exiting) {
      s.mode = 'exited';
      s.pendingInput = '';
      return { state: s, effects: [{ type: 'exit' }] };
    }
  } else {
    setStatus(s, `Error writing ${written.displayName}: ${result.error}`, true);
  }

  const pending = s.pendingInput;
  s.pendingInput = '';
  if (pending === '') return { state: s, effects };
  const next = nanoInput(s, pending);
  return { state: next.state, effects: [...effects, ...next.effects] };
}

export function nanoResize(state: NanoState, cols: number, rows: number): NanoState {
  const s = draft(state);
  s.cols = size(cols, s.cols);
  s.rows = size(rows, s.rows);
  scrollToCursor(s);
  const last = Math.max(0, helpLineCount(s.cols) - editRowsOf(s));
  s.helpTop = Math.max(0, Math.min(s.helpTop, last));
  return s;
}

export function nanoContent(state: NanoState): string {
  return writeText(state.lines, state.format);
}
