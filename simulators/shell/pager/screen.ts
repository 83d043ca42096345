// A screen's rows as styled cells, and the escapes that draw them: what less, man and watch hand
// the terminal. A row is drawn from its first column and cleared to its end, so the same rows give
// the same picture whatever the terminal showed before.
import { PLAIN, type Cell, type Style } from './cells';

export type Row = readonly Cell[];

/** less's terminal set-up: the alternate screen (its tty modes have no effect on the simulated one). */
export const ENTER_PAGER = '\x1b[?1049h';
/** Clears the prompt line and goes back to the shell's screen, as less does when it quits. */
export const LEAVE_PAGER = '\r\x1b[K\x1b[?1049l';

const sgr = (style: Style) => (style ? `\x1b[0;${style}m` : '\x1b[0m');

/**
 * The escapes that write `row` from the cursor: cells in their styles, then the rest of the line
 * cleared — except a row that reaches the last column, where clearing would wipe that character.
 */
export function drawRow(row: Row, cols: number): string {
  let out = '';
  let style: Style = PLAIN;
  let width = 0;
  for (const cell of row) {
    if (width + cell.width > cols) break;
    if (cell.style !== style) {
      out += sgr(cell.style);
      style = cell.style;
    }
    out += cell.ch;
    width += cell.width;
  }
  if (style !== PLAIN) out += sgr(PLAIN);
  return width < cols ? `${out}\x1b[K` : out;
}

/** Plain text as cells in one style (prompts, messages, headers). */
export function textCells(text: string, style: Style = PLAIN): Cell[] {
  return Array.from(text, (ch) => ({ ch, width: 1 as const, style }));
}

/** Clears the screen and draws every row in its place, leaving the cursor at `cursor` (0-based). */
export function drawScreen(rows: readonly Row[], cols: number, cursor: { row: number; col: number }): string {
  let out = '\x1b[H\x1b[2J';
  rows.forEach((row, i) => {
    if (row.length) out += `\x1b[${i + 1};1H${drawRow(row, cols)}`;
  });
  return `${out}\x1b[${cursor.row + 1};${cursor.col + 1}H`;
}
