import { describe, expect, it } from 'vitest';
import { nanoContent } from '../../../../../simulators/shell/nano';
import { KEY, open, see, type } from './helpers';

const at = (s: { row: number; col: number }) => [s.row, s.col];

describe('nano editing keys', () => {
  it('inserts typed text at the cursor and marks the buffer modified', () => {
    const { state } = type(open('world\n'), 'hello ');
    expect(state.lines[0]).toBe('hello world');
    expect(at(state)).toEqual([0, 6]);
    expect(state.modified).toBe(true);
  });

  it('splits the line on Enter', () => {
    const { state } = type(open('abcd\n'), KEY.right, KEY.right, KEY.enter);
    expect(state.lines).toEqual(['ab', 'cd', '']);
    expect(at(state)).toEqual([1, 0]);
  });

  it('inserts the line breaks of a multi-line paste', () => {
    const { state } = type(open(null), 'one\rtwo\nthree\r\nfour');
    expect(nanoContent(state)).toBe('one\ntwo\nthree\nfour\n');
    expect(at(state)).toEqual([3, 4]);
  });

  it('parses several keys in one chunk, in order', () => {
    const { state } = type(open(null), `ab${KEY.left}X${KEY.end}Y${KEY.home}Z`);
    expect(state.lines[0]).toBe('ZaXbY');
  });

  it('deletes backwards, joining with the previous line at column 0', () => {
    let { state } = type(open('ab\ncd\n'), KEY.down, KEY.backspace);
    expect(state.lines).toEqual(['abcd', '']);
    expect(at(state)).toEqual([0, 2]);
    ({ state } = type(state, KEY.backspace));
    expect(state.lines[0]).toBe('acd');
  });

  it('does nothing on Backspace at the very start', () => {
    const { state } = type(open('ab\n'), KEY.backspace);
    expect(state.lines).toEqual(['ab', '']);
    expect(state.modified).toBe(false);
  });

  it('deletes forward, joining with the next line at the end of a line', () => {
    let { state } = type(open('ab\ncd\nef\n'), KEY.del);
    expect(state.lines[0]).toBe('b');
    ({ state } = type(state, KEY.end, KEY.del));
    expect(state.lines).toEqual(['bcd', 'ef', '']);
  });

  it('keeps the final newline: Delete at the end of the last line does nothing', () => {
    const { state } = type(open('ab\ncd\n'), KEY.down, KEY.end, KEY.del);
    expect(nanoContent(state)).toBe('ab\ncd\n');
    expect(state.modified).toBe(false);
  });

  it('moves with the arrows across line ends', () => {
    let { state } = type(open('ab\ncd\n'), KEY.end, KEY.right);
    expect(at(state)).toEqual([1, 0]);
    ({ state } = type(state, KEY.left));
    expect(at(state)).toEqual([0, 2]);
  });

  it('keeps the wanted column when Up/Down pass a shorter line', () => {
    let { state } = type(open('long line\nab\nanother line\n'), KEY.end, KEY.down);
    expect(at(state)).toEqual([1, 2]);
    ({ state } = type(state, KEY.down));
    expect(at(state)).toEqual([2, 9]);
    ({ state } = type(state, KEY.up, KEY.up));
    expect(at(state)).toEqual([0, 9]);
  });

  it('goes to line start and end with Home/End and ^A/^E in every spelling', () => {
    for (const end of [KEY.end, '\x1bOF', '\x1b[4~', KEY.ctrlE]) {
      expect(at(type(open('hello\n'), end).state)).toEqual([0, 5]);
    }
    for (const home of [KEY.home, '\x1bOH', '\x1b[1~', KEY.ctrlA]) {
      expect(at(type(open('hello\n'), KEY.end, home).state)).toEqual([0, 0]);
    }
  });

  it('accepts the SS3 arrow keys', () => {
    const { state } = type(open('ab\ncd\n'), '\x1bOB', '\x1bOC', '\x1bOA', '\x1bOD');
    expect(at(state)).toEqual([0, 0]);
  });

  it('moves a screenful minus two lines with PageDown/PageUp', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    let { state } = type(open(text), KEY.pageDown);
    expect(state.row).toBe(18); // 20 text rows, minus 2
    expect(state.topRow).toBe(18); // the cursor keeps its screen row
    ({ state } = type(state, KEY.pageUp));
    expect([state.row, state.topRow]).toEqual([0, 0]);
    ({ state } = type(state, ...Array(10).fill(KEY.pageDown)));
    expect(state.row).toBe(100); // the last (empty) line, once there is no full page left
  });

  it('inserts a real tab character, drawn up to the next multiple of 8', async () => {
    const { state } = type(open(null), 'a\tb');
    expect(state.lines[0]).toBe('a\tb');
    const seen = await see(state);
    expect(seen.rows[1]).toBe('a       b');
    expect(seen.cursor).toEqual({ row: 1, col: 9 });
  });

  it('moves by words with Ctrl+Right / Ctrl+Left', () => {
    let { state } = type(open('one two  three\n'), '\x1b[1;5C');
    expect(state.col).toBe(4);
    ({ state } = type(state, '\x1b[1;5C'));
    expect(state.col).toBe(9);
    ({ state } = type(state, '\x1b[1;5D', '\x1b[1;5D'));
    expect(state.col).toBe(0);
  });

  it('goes to the first and last line with M-\\ and M-/', () => {
    let { state } = type(open('a\nb\nc\n'), '\x1b/');
    expect(at(state)).toEqual([3, 0]);
    ({ state } = type(state, '\x1b\\'));
    expect(at(state)).toEqual([0, 0]);
  });

  it('cuts the current line with ^K and pastes it back with ^U', () => {
    let { state } = type(open('one\ntwo\nthree\n'), KEY.ctrlK);
    expect(state.lines).toEqual(['two', 'three', '']);
    ({ state } = type(state, KEY.down, KEY.ctrlU));
    expect(state.lines).toEqual(['two', 'one', 'three', '']);
    expect(at(state)).toEqual([2, 0]);
  });

  it('piles consecutive ^K cuts into one cut buffer', () => {
    let { state } = type(open('1\n2\n3\n4\n'), KEY.ctrlK, KEY.ctrlK, KEY.ctrlK);
    expect(state.lines).toEqual(['4', '']);
    ({ state } = type(state, KEY.down, KEY.ctrlU));
    expect(nanoContent(state)).toBe('4\n1\n2\n3\n');
  });

  it('starts a fresh cut buffer after any other key', () => {
    let { state } = type(open('1\n2\n3\n'), KEY.ctrlK, KEY.down, KEY.up, KEY.ctrlK);
    expect(state.cutBuffer).toBe('2\n');
    ({ state } = type(state, KEY.ctrlU, KEY.ctrlU));
    expect(nanoContent(state)).toBe('2\n2\n3\n');
  });

  it('says so when there is nothing to cut or paste', () => {
    expect(type(open(null), KEY.ctrlK).state.status).toEqual({ text: 'Nothing was cut', alert: false });
    expect(type(open(null), KEY.ctrlU).state.status).toEqual({ text: 'Cutbuffer is empty', alert: true });
  });

  it('reports the cursor position on ^C', () => {
    const { state } = type(open('hello\nworld\n'), KEY.down, KEY.right, KEY.right, KEY.ctrlC);
    expect(state.status?.text).toBe('line 2/3 (66%), col  3/ 6 ( 50%), char  8/12 (66%)');
  });

  it('wipes a message after 20 more keystrokes', () => {
    let { state } = type(open('x\n'), ...Array(19).fill(KEY.right));
    expect(state.status?.text).toBe('Read 1 line');
    ({ state } = type(state, KEY.right));
    expect(state.status).toBeNull();
  });

  it('ignores unknown escape sequences rather than typing them', () => {
    const { state } = type(open(null), 'a\x1b[99~b\x1b[1;3Ac\x1b[<0;1;1M\x1b[I');
    expect(state.lines).toEqual(['abc', '']);
  });

  it('shows the help viewer on ^G and leaves it on ^X', async () => {
    let { state } = type(open('text\n'), KEY.ctrlG);
    const seen = await see(state);
    expect(seen.rows[0].trim()).toBe('Main nano help text');
    expect(seen.rows[1]).toContain('The nano editor is designed to emulate');
    expect(seen.rows[22]).toMatch(/^\^L Refresh\s+\^W Where Is/);
    expect(seen.rows[23]).toMatch(/^\^X Close/);
    ({ state } = type(state, KEY.pageDown, KEY.down, KEY.ctrlX));
    expect(state.mode).toBe('editing');
    expect(state.lines).toEqual(['text', '']);
  });

  it('inserts a bracketed paste as text, line breaks included', () => {
    const { state } = type(open(null), '\x1b[200~one\r\ntwo\x1b[201~');
    expect(nanoContent(state)).toBe('one\ntwo\n');
  });

  it('scrolls the help text and keeps it within bounds', () => {
    let { state } = type(open('x\n'), KEY.ctrlG, KEY.up);
    expect(state.helpTop).toBe(0);
    ({ state } = type(state, KEY.pageDown));
    expect(state.helpTop).toBe(18);
    ({ state } = type(state, ...Array(40).fill(KEY.pageDown)));
    const bottom = state.helpTop;
    ({ state } = type(state, KEY.down));
    expect(state.helpTop).toBe(bottom);
    ({ state } = type(state, KEY.home));
    expect(state.helpTop).toBe(0);
  });

  it('explains commands that this simulator does not have', () => {
    const { state } = type(open('x\n'), '\x17');
    expect(state.status?.text).toBe('Where Is is not available in this simulator');
    expect(state.lines).toEqual(['x', '']);
  });
});
