// A small character-cell grid, drawn into like curses windows and then turned into one full
// redraw of VT100 escapes: every row is repositioned, written and cleared to its end.
import type { Glyph } from './display';

/** Cell attributes: plain, reverse video (bars, key labels) and nano's error colour. */
export const PLAIN = 0;
export const REVERSE = 1;
export const ALERT = 2;

const SGR: Record<number, string> = {
  [PLAIN]: '\x1b[0m',
  [REVERSE]: '\x1b[0;7m',
  [ALERT]: '\x1b[0;1;37;41m', // nano's default errorcolor: bold white on red
};

interface Cell {
  ch: string;
  attr: number;
  /** 1 or 2 for a character, 0 for the cell covered by the right half of a wide character. */
  width: number;
}

export interface Grid {
  rows: number;
  cols: number;
  cells: Cell[][];
}

const blank = (attr = PLAIN): Cell => ({ ch: ' ', attr, width: 1 });

export function createGrid(rows: number, cols: number): Grid {
  const cells: Cell[][] = [];
  for (let r = 0; r < rows; r++) cells.push(Array.from({ length: cols }, () => blank()));
  return { rows, cols, cells };
}

/** Overwrites one cell, repairing any wide character it cuts in half. */
function setCell(grid: Grid, row: number, col: number, cell: Cell): void {
  const line = grid.cells[row];
  if (line[col].width === 0 && col > 0) line[col - 1] = blank(line[col - 1].attr);
  if (line[col].width === 2 && col + 1 < grid.cols) line[col + 1] = blank(line[col + 1].attr);
  line[col] = cell;
}

/** Writes glyphs from (row, col), clipped at the right edge. Returns the column after them. */
export function put(grid: Grid, row: number, col: number, glyphs: Glyph[], attr: number): number {
  if (row < 0 || row >= grid.rows) return col;
  let c = Math.max(0, col);
  for (const g of glyphs) {
    if (c + g.width > grid.cols) break;
    setCell(grid, row, c, { ch: g.ch, attr, width: g.width });
    if (g.width === 2) setCell(grid, row, c + 1, { ch: '', attr, width: 0 });
    c += g.width;
  }
  return c;
}

/** Plain ASCII-width text as glyphs (labels, prompts and other interface strings). */
export function glyphsOf(text: string): Glyph[] {
  return Array.from(text, (ch) => ({ ch, width: 1 as const }));
}

export function putText(grid: Grid, row: number, col: number, text: string, attr: number): number {
  return put(grid, row, col, glyphsOf(text), attr);
}

/** Paints a whole row with blanks in the given attribute (for reverse-video bars). */
export function fillRow(grid: Grid, row: number, attr: number): void {
  if (row < 0 || row >= grid.rows) return;
  for (let c = 0; c < grid.cols; c++) grid.cells[row][c] = blank(attr);
}

/**
 * The full redraw. The cursor is hidden while drawing; `cursor` null leaves it hidden (as in the
 * help viewer). Trailing plain blanks are left to "erase to end of line" — except on a row drawn
 * to its last column, where erasing would wipe that last character.
 */
export function serialize(grid: Grid, cursor: { row: number; col: number } | null): string {
  let out = '\x1b[?25l\x1b[0m';
  for (let r = 0; r < grid.rows; r++) {
    const line = grid.cells[r];
    let end = grid.cols;
    while (end > 0 && line[end - 1].ch === ' ' && line[end - 1].attr === PLAIN) end--;
    out += `\x1b[${r + 1};1H`;
    let attr = PLAIN;
    for (let c = 0; c < end; c++) {
      const cell = line[c];
      if (cell.width === 0) continue;
      if (cell.attr !== attr) {
        out += SGR[cell.attr];
        attr = cell.attr;
      }
      out += cell.ch;
    }
    if (attr !== PLAIN) out += SGR[PLAIN];
    if (end < grid.cols) out += '\x1b[K';
  }
  if (cursor) {
    const row = Math.min(Math.max(cursor.row, 0), grid.rows - 1);
    const col = Math.min(Math.max(cursor.col, 0), grid.cols - 1);
    out += `\x1b[${row + 1};${col + 1}H\x1b[?25h`;
  }
  return out;
}
