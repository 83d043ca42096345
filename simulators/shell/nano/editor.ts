// The nano state machine: opening a file, feeding it keys, answering its writes, resizing it.
// Keys are read one at a time from each chunk of input and handed to the current mode: the edit
// window and help viewer (commands.ts) or the prompts (prompts.ts).
import type { NanoEffect, NanoOptions, NanoState, NanoStep, NanoWriteOutcome } from './types';
import { insertText } from './buffer';
import { editingKey, helpKey } from './commands';
import { readText, writeText } from './file';
import { helpLineCount } from './help';
import { readKey, type Key } from './keys';
import { countKeystrokes, setStatus } from './messages';
import { guessCwd } from './paths';
import { promptKey, questionKey } from './prompts';
import { charLength } from './text';
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
