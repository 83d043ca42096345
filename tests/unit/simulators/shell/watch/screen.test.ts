// watch's screen as procps-ng 4.0.4's watch.c draws it: the header's rules for narrow terminals,
// and how the output fills the rows.
import { describe, expect, it } from 'vitest';
import { headerRow, outputGrid, type WatchLook } from '../../../../../simulators/shell/watch/screen';

const text = (row: readonly { ch: string }[]) => row.map((c) => c.ch).join('');
const TIME = 'Mon Mar  3 09:00:00 2025';
const look = (over: Partial<WatchLook> = {}): WatchLook => ({ cols: 20, rows: 6, title: false, wrap: true, color: false, ...over });
const rows = (output: string, over: Partial<WatchLook> = {}) => outputGrid(output, look(over)).chars.map((r) => r.join('').replace(/ +$/, ''));

describe("watch's header", () => {
  // "laptop: Mon Mar  3 09:00:00 2025" is 32 columns, 33 with ctime's newline; "Every 2.0s: " is 12.
  it('puts the time at the right edge and the command after the interval', () => {
    expect(text(headerRow(2, 'date', 'laptop', TIME, 80))).toBe(`Every 2.0s: date${' '.repeat(32)}laptop: ${TIME}`);
    expect(text(headerRow(0.5, 'ls -l', 'laptop', TIME, 60))).toBe(`Every 0.5s: ls -l${' '.repeat(11)}laptop: ${TIME}`);
  });

  it('cuts the command to leave room for "... "', () => {
    expect(text(headerRow(2, 'echo a very long command', 'laptop', TIME, 60))).toBe(`Every 2.0s: echo a very...  laptop: ${TIME}`);
  });

  it('as the terminal narrows: "... " over the interval, the interval alone, the time alone, then nothing', () => {
    expect(text(headerRow(2, 'date', 'laptop', TIME, 48))).toBe(`Every 2.0s:...  laptop: ${TIME}`);
    expect(text(headerRow(2, 'date', 'laptop', TIME, 47))).toBe(`Every 2.0s...  laptop: ${TIME}`);
    expect(text(headerRow(2, 'date', 'laptop', TIME, 46))).toBe(`Every 2.0s:   laptop: ${TIME}`);
    expect(text(headerRow(2, 'date', 'laptop', TIME, 45))).toBe(`${' '.repeat(13)}laptop: ${TIME}`);
    expect(text(headerRow(2, 'date', 'laptop', TIME, 33))).toBe(` laptop: ${TIME}`);
    expect(text(headerRow(2, 'date', 'laptop', TIME, 32))).toBe('');
  });
});

describe("watch's output", () => {
  it('wraps a long line; a line that fills its row exactly takes no blank row after it', () => {
    expect(rows(`${'a'.repeat(25)}\n${'b'.repeat(20)}\nc\n`)).toEqual(['a'.repeat(20), 'aaaaa', 'b'.repeat(20), 'c', '', '']);
  });

  it('-w cuts long lines', () => {
    expect(rows(`${'a'.repeat(25)}\nc\n`, { wrap: false })).toEqual(['a'.repeat(20), 'c', '', '', '', '']);
  });

  it('leaves the header rows free, and stops at the bottom of the screen', () => {
    const grid = outputGrid('1\n2\n3\n4\n5\n', look({ title: true }));
    expect(grid.chars.map((r) => r.join('').trim())).toEqual(['1', '2', '3', '4']);
  });

  it('shows control characters as curses draws them, a ^ the next character overwrites; with -c, colours style the text', () => {
    expect(rows('a\x07b\x1b[1mc\x7f\n')).toEqual(['a b^[1mc^', '', '', '', '', '']);
    const grid = outputGrid('a\x1b[1mb\x1b[0mc\n', look({ color: true }));
    expect(grid.chars[0].slice(0, 3).join('')).toBe('abc');
    expect(grid.styles[0].slice(0, 3)).toEqual(['', '1', '']);
  });

  it('a wide character that does not fit at the end of a row goes to the next', () => {
    const grid = outputGrid(`${'x'.repeat(19)}漢\n`, look());
    expect(grid.chars[0].join('')).toBe(`${'x'.repeat(19)} `);
    expect(grid.chars[1].slice(0, 2)).toEqual(['漢', '']);
  });
});
