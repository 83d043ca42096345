// Reading a headless xterm's screen with its cells' looks, for tests of full-screen programs: each
// row's text, and beside it one letter per cell (B bold, U underline, R reverse, combinations in
// brackets, '.' plain) up to its last styled cell.
import type { Screen } from '../../../helpers/screen';

export interface StyledRow {
  text: string;
  styles: string;
}

export async function styledRows(s: Screen): Promise<StyledRow[]> {
  await s.lines(); // waits for everything written to reach the terminal
  const buffer = s.term.buffer.active;
  const rows: StyledRow[] = [];
  for (let y = 0; y < s.term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    let styles = '';
    for (let x = 0; x < s.term.cols; x++) {
      const cell = line?.getCell(x);
      if (!cell) break;
      const flags = `${cell.isBold() ? 'B' : ''}${cell.isUnderline() ? 'U' : ''}${cell.isInverse() ? 'R' : ''}`;
      styles += flags.length > 1 ? `[${flags}]` : flags || '.';
    }
    rows.push({ text: (line?.translateToString(true) ?? '').trimEnd(), styles: styles.replace(/\.+$/, '') });
  }
  return rows;
}

/** The visible rows, all of them (blank ones included), as text. */
export async function screenRows(s: Screen): Promise<string[]> {
  return (await styledRows(s)).map((r) => r.text);
}

/** The styles of one row. */
export async function rowStyles(s: Screen, row: number): Promise<string> {
  return (await styledRows(s))[row].styles;
}
