import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { nanoResize, renderNano } from '../../../../../simulators/shell/nano';
import { KEY, open, see, seeOver, type } from './helpers';

const MAIN_1 = '^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location';
const MAIN_2 = '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line';

describe('nano screen at 80x24', () => {
  it('draws the title bar, the text, the status line and the shortcuts', async () => {
    const seen = await see(open('first line\nsecond line\n'));
    expect(seen.rows[0]).toBe('  GNU nano 7.2                       notes.txt');
    expect(seen.rows[1]).toBe('first line');
    expect(seen.rows[2]).toBe('second line');
    expect(seen.rows[3]).toBe('');
    expect(seen.rows[21]).toBe('                                [ Read 2 lines ]');
    expect(seen.rows[22]).toBe(MAIN_1);
    expect(seen.rows[23]).toBe(MAIN_2);
    expect(seen.cursor).toEqual({ row: 1, col: 0 });
  });

  it('uses reverse video for the title bar, the message and the key labels only', async () => {
    const seen = await see(open('x\n'));
    for (const col of [0, 2, 40, 79]) expect(seen.inverse(0, col)).toBe(true);
    expect(seen.inverse(1, 0)).toBe(false);
    expect(seen.inverse(21, 32)).toBe(true); // "[ Read 1 line ]"
    expect(seen.inverse(21, 10)).toBe(false);
    expect(seen.inverse(22, 0) && seen.inverse(22, 1)).toBe(true); // "^G"
    expect(seen.inverse(22, 3)).toBe(false); // "Help"
  });

  it('shows "Modified" at the right of the title bar once the text changes', async () => {
    const seen = await see(type(open('x\n'), 'y').state);
    expect(seen.rows[0]).toBe('  GNU nano 7.2                       notes.txt                        Modified');
  });

  it('names a nameless buffer "New Buffer"', async () => {
    const seen = await see(open(null, { displayName: '', path: '' }));
    expect(seen.rows[0]).toContain('New Buffer');
    expect(seen.rows[21].trim()).toBe('[ New File ]');
  });

  it('shows the cursor position report centred in brackets', async () => {
    const seen = await see(type(open('hello\n'), KEY.ctrlC).state);
    expect(seen.rows[21].trim()).toBe('[ line 1/2 (50%), col  1/ 6 ( 16%), char 0/6 ( 0%) ]');
  });

  it('marks a line longer than the screen with ">" in the last column', async () => {
    const seen = await see(open('x'.repeat(100) + '\nshort\n'));
    expect(seen.rows[1]).toBe('x'.repeat(79) + '>');
    expect(seen.inverse(1, 79)).toBe(true);
    expect(seen.rows[2]).toBe('short');
  });

  it('does not mark a line that exactly fills the width', async () => {
    const seen = await see(open('y'.repeat(80) + '\n'));
    expect(seen.rows[1]).toBe('y'.repeat(80));
  });

  it('scrolls the cursor line sideways in chunks, as nano does', async () => {
    const digits = Array.from({ length: 150 }, (_, i) => String(i % 10)).join('');
    let { state } = type(open(digits + '\nnext\n'), ...Array(77).fill(KEY.right));
    let seen = await see(state);
    expect(seen.rows[1]).toBe(digits.slice(0, 79) + '>'); // column 77 still fits
    expect(seen.cursor).toEqual({ row: 1, col: 77 });

    ({ state } = type(state, KEY.right)); // column 78: the line jumps to show from column 72
    seen = await see(state);
    expect(seen.rows[1]).toBe('<' + digits.slice(73));
    expect(seen.inverse(1, 0)).toBe(true);
    expect(seen.cursor).toEqual({ row: 1, col: 6 });
    expect(seen.rows[2]).toBe('next'); // other lines stay put

    ({ state } = type(state, KEY.end)); // column 150: shown from column 144
    seen = await see(state);
    expect(seen.rows[1]).toBe('<' + digits.slice(145));
    expect(seen.cursor).toEqual({ row: 1, col: 6 });

    ({ state } = type(state, KEY.down)); // leaving the line scrolls it back
    seen = await see(state);
    expect(seen.rows[1]).toBe(digits.slice(0, 79) + '>');
  });

  it('shows control characters as ^X', async () => {
    const seen = await see(open('a\x01b\x7f\n'));
    expect(seen.rows[1]).toBe('a^Ab^?');
  });

  it('redraws everything over a previous screen', async () => {
    const term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
    await seeOver(term, open('a much longer first line\nsecond\nthird\n'));
    const seen = await seeOver(term, type(open('short\n'), KEY.ctrlO).state);
    expect(seen.rows[1]).toBe('short');
    expect(seen.rows[2]).toBe('');
    expect(seen.rows[3]).toBe('');
    expect(seen.rows[21]).toBe('File Name to Write: notes.txt');
  });

  it('shortens a long file name with "..." in a narrow title bar', async () => {
    const name = 'a/very/long/path/to/some/deeply/nested/file.txt';
    const seen = await see(open('x\n', { cols: 40, rows: 10, displayName: name }));
    expect(seen.rows[0]).toBe('...' + name.slice(10));
  });

  it('gives wide characters two columns', async () => {
    const { state } = type(open('漢字x\n'), KEY.end);
    const seen = await see(state);
    expect(seen.rows[1]).toBe('漢字x');
    expect(seen.cursor).toEqual({ row: 1, col: 5 });
  });

  it('scrolls a long file name at the prompt, with < and > markers', async () => {
    const name = 'abcdefghij'.repeat(6);
    let { state } = type(open('x\n', { cols: 40, rows: 10, displayName: '', path: '', cwd: '/' }), KEY.ctrlO, name);
    let seen = await see(state);
    expect(seen.rows[7]).toBe('File Name to Write:<' + name.slice(54));
    expect(seen.cursor).toEqual({ row: 7, col: 26 });
    ({ state } = type(state, KEY.home));
    seen = await see(state);
    expect(seen.rows[7]).toBe('File Name to Write: ' + name.slice(0, 19) + '>');
    expect(seen.cursor).toEqual({ row: 7, col: 20 });
  });

  it('shows "Writing..." while a write is pending', async () => {
    const { state } = type(open('x\n'), KEY.ctrlO, KEY.enter);
    expect((await see(state)).rows[21].trim()).toBe('[ Writing... ]');
  });

  it('never switches screens itself', () => {
    const output = renderNano(open('x\n'));
    expect(output).not.toContain('\x1b[?1049');
    expect(output.startsWith('\x1b[?25l')).toBe(true);
  });
});

describe('nano in small windows', () => {
  const numbered = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

  it('fits a 20x8 screen: 4 text rows, a status line, two help lines', async () => {
    const seen = await see(open(numbered, { cols: 20, rows: 8 }));
    expect(seen.rows[0]).toBe('     notes.txt');
    expect(seen.rows.slice(1, 5)).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    expect(seen.rows[5]).toBe(' [ Read 30 lines ]');
    expect(seen.rows[6]).toBe('^G Hel^O Wri^W Where');
    expect(seen.rows[7]).toBe('^X Exi^R Rea^\\ Repla');
  });

  it('scrolls one line at a time when the cursor leaves the window', async () => {
    let { state } = type(open(numbered, { cols: 20, rows: 8 }), ...Array(4).fill(KEY.down));
    let seen = await see(state);
    expect(seen.rows.slice(1, 5)).toEqual(['line 2', 'line 3', 'line 4', 'line 5']);
    expect(seen.cursor).toEqual({ row: 4, col: 0 });

    ({ state } = type(state, ...Array(4).fill(KEY.up)));
    seen = await see(state);
    expect(seen.rows.slice(1, 5)).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    expect(seen.cursor).toEqual({ row: 1, col: 0 });
  });

  it('pages by two lines in a window of four', () => {
    const { state } = type(open(numbered, { cols: 20, rows: 8 }), KEY.pageDown, KEY.pageDown);
    expect([state.row, state.topRow]).toEqual([4, 4]);
  });

  it('keeps the cursor in view when the window shrinks', async () => {
    let { state } = type(open(numbered), ...Array(15).fill(KEY.down));
    state = nanoResize(state, 20, 8);
    expect(state.topRow).toBe(12);
    const seen = await see(state);
    expect(seen.rows[4]).toBe('line 16');
    expect(seen.cursor).toEqual({ row: 4, col: 0 });
  });

  it('draws something sensible on very small terminals', async () => {
    for (const [cols, rows] of [[1, 1], [5, 2], [10, 3], [12, 5], [20, 8], [3, 30]]) {
      const state = type(open(numbered, { cols, rows }), KEY.down, 'typed', KEY.ctrlO).state;
      const seen = await see(state);
      expect(seen.rows.length).toBe(rows);
      expect(seen.cursor.row).toBeLessThan(rows);
      expect(seen.cursor.col).toBeLessThan(cols);
    }
  });
});
