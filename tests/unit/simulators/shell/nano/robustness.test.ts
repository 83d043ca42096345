import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nanoContent, nanoInput, nanoResize, nanoWriteResult, renderNano, type NanoState,
} from '../../../../../simulators/shell/nano';
import { KEY, open, see, type } from './helpers';

/** What must hold after any input: a well-formed buffer, with the cursor inside it and on screen. */
function checkInvariants(state: NanoState): void {
  expect(state.lines.length).toBeGreaterThan(0);
  expect(state.lines[state.lines.length - 1]).toBe(''); // the magic line
  expect(state.row).toBeGreaterThanOrEqual(0);
  expect(state.row).toBeLessThan(state.lines.length);
  expect(state.col).toBeGreaterThanOrEqual(0);
  expect(state.col).toBeLessThanOrEqual(state.lines[state.row].length);
  const low = state.lines[state.row].charCodeAt(state.col);
  expect(low >= 0xdc00 && low <= 0xdfff && state.col > 0).toBe(false); // not inside a surrogate pair
  const editRows = state.rows < 3 ? 1 : state.rows < 5 ? state.rows - 2 : state.rows - 4;
  expect(state.topRow).toBeLessThanOrEqual(state.row);
  expect(state.row).toBeLessThan(state.topRow + editRows);
  for (const line of state.lines) expect(line).not.toContain('\n');
  if (state.prompt) expect(state.prompt.cursor).toBeLessThanOrEqual(state.prompt.answer.length);
}

const KEYS = [
  KEY.up, KEY.down, KEY.left, KEY.right, KEY.home, KEY.end, KEY.pageUp, KEY.pageDown, KEY.del,
  KEY.backspace, KEY.enter, KEY.tab, KEY.ctrlA, KEY.ctrlE, KEY.ctrlK, KEY.ctrlU, KEY.ctrlC,
  KEY.ctrlG, KEY.ctrlO, KEY.ctrlX, KEY.ctrlS, '\x1bOA', '\x1bOD', '\x1b[1~', '\x1b[4~', '\n',
  '\x1b[1;5C', '\x1b[1;5D', '\x1b\\', '\x1b/', '\x1bd', 'y', 'n', 'Y', 'N', '\x1b', '\x1b[',
  '\x1b[200~', '\x1b[201~', '\x00', '\x17', '\x1a', 'é', '漢字', '😀', 'a\u0301', '\t\t',
];

const chunk = fc.oneof(
  fc.constantFrom(...KEYS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.array(fc.constantFrom(...KEYS), { maxLength: 6 }).map((keys) => keys.join('')),
);

type Action =
  | { kind: 'input'; data: string }
  | { kind: 'resize'; cols: number; rows: number }
  | { kind: 'result'; ok: boolean };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: chunk.map((data) => ({ kind: 'input' as const, data })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resize' as const), cols: fc.integer({ min: 1, max: 120 }), rows: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('result' as const), ok: fc.boolean() }) },
);

describe('nano robustness', () => {
  it('survives random input: never throws, and the state stays consistent', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 200 }), { nil: null }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(action, { maxLength: 40 }),
        (content, cols, rows, actions) => {
          let state = open(content, { cols, rows });
          checkInvariants(state);
          for (const a of actions) {
            if (a.kind === 'input') state = nanoInput(state, a.data).state;
            else if (a.kind === 'resize') state = nanoResize(state, a.cols, a.rows);
            else state = nanoWriteResult(state, a.ok ? { ok: true } : { ok: false, error: 'EIO' }).state;
            checkInvariants(state);
            expect(typeof renderNano(state)).toBe('string');
          }
          expect(typeof nanoContent(state)).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never types escape sequences into the text', () => {
    // (A bracketed paste is excluded: what is inside one is text by definition.)
    const ESCAPES = KEYS.filter((k) => k.startsWith('\x1b') && !k.startsWith('\x1b[20'));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ESCAPES), { maxLength: 20 }), (keys) => {
        const state = nanoInput(open(null), keys.join('')).state;
        expect(nanoContent(state)).not.toContain('\x1b');
        expect(nanoContent(state)).not.toContain('[');
      }),
    );
  });

  it('takes a 1 MB paste quickly', async () => {
    const line = 'The quick brown fox jumps over the lazy dog; 0123456789.';
    const lines = Math.ceil((1024 * 1024) / (line.length + 1));
    const paste = Array.from({ length: lines }, () => line).join('\r');
    const started = performance.now();
    const { state } = type(open(null), paste);
    const screen = await see(state);
    const elapsed = performance.now() - started;
    expect(state.lines.length).toBe(lines + 1);
    expect(nanoContent(state).length).toBe(paste.length + 1);
    expect(screen.rows[20]).toBe(line); // the last pasted line, at the bottom of the window
    expect(screen.cursor).toEqual({ row: 20, col: line.length });
    expect(elapsed).toBeLessThan(2000);
  });

  it('takes a 1 MB single-line paste and scrolls it sideways', async () => {
    const paste = 'x'.repeat(1024 * 1024);
    const { state } = type(open(null), paste);
    expect(state.lines).toEqual([paste, '']);
    const screen = await see(state);
    expect(screen.rows[1].startsWith('<')).toBe(true);
    expect(screen.cursor.row).toBe(1);
  });
});
