// Test helpers: drive the nano state machine and look at what a learner would see, by playing
// renderNano's output into a real (headless) xterm.js terminal.
import { Terminal } from '@xterm/headless';
import {
  nanoInput, nanoWriteResult, openNano, renderNano,
  type NanoEffect, type NanoOptions, type NanoState,
} from '../../../../../simulators/shell/nano';

export interface Seen {
  /** Every row of the terminal, trailing blanks trimmed. */
  rows: string[];
  cursor: { row: number; col: number };
  /** Whether the cell at (row, col) is drawn in reverse video. */
  inverse(row: number, col: number): boolean;
  /** Whether the cell at (row, col) has a red background (nano's error colour). */
  red(row: number, col: number): boolean;
  term: Terminal;
}

function write(term: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

function snapshot(term: Terminal): Seen {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let i = 0; i < term.rows; i++) rows.push((buffer.getLine(i)?.translateToString(true) ?? '').trimEnd());
  const cell = (row: number, col: number) => buffer.getLine(row)?.getCell(col);
  return {
    rows,
    cursor: { row: buffer.cursorY, col: buffer.cursorX },
    inverse: (row, col) => Boolean(cell(row, col)?.isInverse()),
    red: (row, col) => {
      const c = cell(row, col);
      return Boolean(c && c.isBgPalette() && c.getBgColor() === 1);
    },
    term,
  };
}

/** Renders the state into a fresh terminal of the state's size. */
export async function see(state: NanoState): Promise<Seen> {
  const term = new Terminal({ cols: state.cols, rows: state.rows, allowProposedApi: true });
  await write(term, renderNano(state));
  return snapshot(term);
}

/** Renders the state over whatever the terminal shows already (to check full redraws). */
export async function seeOver(term: Terminal, state: NanoState): Promise<Seen> {
  await write(term, renderNano(state));
  return snapshot(term);
}

export function open(content: string | null, extra: Partial<NanoOptions> = {}): NanoState {
  return openNano({
    path: '/home/learner/notes.txt',
    displayName: 'notes.txt',
    content,
    cols: 80,
    rows: 24,
    ...extra,
  });
}

/** Feeds each chunk in turn (as separate onData calls); collects every effect. */
export function type(state: NanoState, ...chunks: string[]): { state: NanoState; effects: NanoEffect[] } {
  let current = state;
  const effects: NanoEffect[] = [];
  for (const chunk of chunks) {
    const step = nanoInput(current, chunk);
    current = step.state;
    effects.push(...step.effects);
  }
  return { state: current, effects };
}

/** Types, and answers every write effect with success: a well-behaved caller. */
export function typeAndWrite(state: NanoState, ...chunks: string[]): { state: NanoState; effects: NanoEffect[] } {
  let current = state;
  const effects: NanoEffect[] = [];
  const settle = (step: { state: NanoState; effects: NanoEffect[] }) => {
    current = step.state;
    for (const effect of step.effects) {
      effects.push(effect);
      if (effect.type === 'write') settle(nanoWriteResult(current, { ok: true }));
    }
  };
  for (const chunk of chunks) settle(nanoInput(current, chunk));
  return { state: current, effects };
}

export const KEY = {
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D',
  home: '\x1b[H', end: '\x1b[F', pageUp: '\x1b[5~', pageDown: '\x1b[6~', del: '\x1b[3~',
  backspace: '\x7f', enter: '\r', tab: '\t',
  ctrlA: '\x01', ctrlC: '\x03', ctrlE: '\x05', ctrlG: '\x07', ctrlK: '\x0b', ctrlO: '\x0f',
  ctrlS: '\x13', ctrlU: '\x15', ctrlX: '\x18',
} as const;
