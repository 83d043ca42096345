// What procps-ng 4.0.4's watch puts on the screen, after its watch.c: the header line ("Every
// 2.0s: CMD" on the left, "host: ctime" on the right, the command cut with "... " when the line is
// too narrow), a blank line, then the command's output character by character until the screen is
// full: tabs to the next multiple of 8, long lines wrapped (or cut with -w), other control
// characters as curses draws them (a `^`), colour sequences styling the text with -c. With -d, the characters that
// changed since the last screen are in reverse video.
import { applySgr, PLAIN, REVERSE, withStyle, type Cell, type Style } from '../pager/cells';
import type { Row } from '../pager/screen';
import { codePointAt, charLength, controlLetter, glyphWidth } from '../nano/text';

export interface WatchLook {
  cols: number;
  rows: number;
  /** -t: no header, the output starts on the first row. */
  title: boolean;
  /** -w: lines longer than the screen are cut instead of wrapped. */
  wrap: boolean;
  /** -c: colour and style sequences style the text. */
  color: boolean;
}

/** `%.1f` as C prints it (round half to even is close enough for the intervals people type). */
const oneDecimal = (seconds: number) => seconds.toFixed(1);

/**
 * The header line (output_header). `time` is ctime's text without its newline; the right part's
 * length counts that newline, as watch's does, so the time ends in the last column.
 */
export function headerRow(intervalSeconds: number, command: string, host: string, time: string, cols: number): Row {
  const left = `Every ${oneDecimal(intervalSeconds)}s: `;
  const right = `${host}: ${time}`;
  const hlen = left.length;
  const rhlen = right.length + 1;
  const row: Cell[] = Array.from({ length: cols }, () => ({ ch: ' ', width: 1 as const, style: PLAIN }));
  const put = (col: number, text: string) => {
    let at = col;
    for (const ch of text) {
      const width = glyphWidth(ch.codePointAt(0)!) === 2 ? 2 : 1;
      if (at + width > cols) break;
      row[at] = { ch, width, style: PLAIN };
      if (width === 2) row[at + 1] = { ch: '', width: 1, style: PLAIN };
      at += width;
    }
  };
  if (cols < rhlen) return [];
  if (rhlen + hlen + 1 <= cols) {
    put(0, left);
    if (rhlen + hlen + 2 <= cols) {
      if (cols < rhlen + hlen + 4) put(cols - rhlen - 4, '... ');
      else {
        const chars = Array.from(command);
        const widthOf = (n: number) => chars.slice(0, n).reduce((w, c) => w + Math.max(0, glyphWidth(c.codePointAt(0)!)), 0);
        if (cols < rhlen + hlen + widthOf(chars.length)) {
          const available = cols - rhlen - hlen;
          let n = chars.length;
          while (n > 0 && available - 4 < widthOf(n)) n--;
          put(hlen, chars.slice(0, n).join(''));
          put(cols - rhlen - 4, '... ');
        } else put(hlen, command);
      }
    }
  }
  put(cols - rhlen + 1, right);
  return trimRow(row);
}

/** A row without its trailing plain blanks (and without the placeholders after wide characters). */
function trimRow(row: Cell[]): Cell[] {
  const cells = row.filter((c) => c.ch !== '');
  let end = cells.length;
  while (end > 0 && cells[end - 1].ch === ' ' && cells[end - 1].style === PLAIN) end--;
  return cells.slice(0, end);
}

/** The character grid the output fills: one string per cell ('' behind a wide character) and its style. */
export interface Grid {
  chars: string[][];
  styles: Style[][];
}

const isControl = (cp: number) => cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0);

/** Fills the rows below the header with the command's output, as run_command reads it. */
export function outputGrid(output: string, look: WatchLook): Grid {
  const top = look.title ? 2 : 0;
  const height = Math.max(0, look.rows - top);
  const chars: string[][] = Array.from({ length: height }, () => Array.from({ length: look.cols }, () => ' '));
  const styles: Style[][] = Array.from({ length: height }, () => Array.from({ length: look.cols }, () => PLAIN));
  let i = 0;
  let style: Style = PLAIN;
  let carry: string | null = null;
  /** The next character watch would read: control characters other than tab and newline are passed over. */
  const next = (): string | null => {
    if (carry !== null) {
      const c = carry;
      carry = null;
      return c;
    }
    for (;;) {
      if (i >= output.length) return null;
      const cp = codePointAt(output, i);
      const ch = output.slice(i, i + charLength(output, i));
      i += ch.length;
      if (cp === 0x1b && look.color) {
        const m = /^\[([0-9;]*)m/.exec(output.slice(i, i + 100));
        if (m) {
          style = applySgr(style, m[1]);
          i += m[0].length;
        }
        continue;
      }
      // Only NUL is passed over (wcwidth 0); other controls reach the screen.
      if (cp !== 0) return ch;
    }
  };
  let oldEol = true;
  for (let y = 0; y < height; y++) {
    let eol = false;
    let tab = false;
    for (let x = 0; x < look.cols; x++) {
      let ch = ' ';
      let cellStyle: Style = PLAIN;
      if (!eol) {
        if (!tab) {
          const c = next();
          if (c === '\n') {
            // A line that filled the row exactly has already moved to the next: a newline at the
            // start of the row after it is passed over (as is any that follows it there, as in watch).
            if (!oldEol && x === 0) {
              x = -1;
              continue;
            }
            eol = true;
          } else if (c === '\t') tab = true;
          else if (c === '\x07') {
            // watch beeps and moves on, leaving that cell as it was.
            continue;
          } else if (c !== null && isControl(c.codePointAt(0)!)) {
            // curses draws a control character as ^X in two cells, but watch counts one: the
            // character after it writes over the letter, so mostly a lone ^ shows.
            chars[y][x] = '^';
            styles[y][x] = style;
            if (x + 1 < look.cols) {
              chars[y][x + 1] = controlLetter(c.codePointAt(0)!);
              styles[y][x + 1] = style;
            }
            continue;
          } else if (c !== null) {
            const width = glyphWidth(c.codePointAt(0)!);
            if (width === 2 && x === look.cols - 1) {
              // No room for a wide character here: it goes to the next row.
              carry = c;
              break;
            }
            ch = c;
            cellStyle = style;
            chars[y][x] = ch;
            styles[y][x] = cellStyle;
            if (width === 2 && x + 1 < look.cols) {
              chars[y][x + 1] = '';
              x++;
            }
            continue;
          }
        }
        if (tab && (x + 1) % 8 === 0) tab = false;
      }
      chars[y][x] = ch;
      styles[y][x] = cellStyle;
    }
    oldEol = eol;
    if (!look.wrap) {
      style = PLAIN;
      // -w: the rest of a long line is dropped.
      if (!eol) for (let c = next(); c !== null && c !== '\n'; c = next());
    }
  }
  return { chars, styles };
}

/**
 * -d: the cells whose character changed since `previous` are in reverse video; with
 * -d=permanent (`cumulative`) a cell once highlighted stays so.
 */
export function highlightChanges(grid: Grid, previous: Grid | null, cumulative: boolean, highlighted: boolean[][] | null): boolean[][] {
  return grid.chars.map((row, y) =>
    row.map((ch, x) => previous !== null && (ch !== previous.chars[y]?.[x] || (cumulative && Boolean(highlighted?.[y]?.[x])))),
  );
}

/** Whether any character differs from the screen before (-g). */
export const changedSince = (grid: Grid, previous: Grid) => grid.chars.some((row, y) => row.some((ch, x) => ch !== previous.chars[y]?.[x]));

/** The grid's rows as cells, with the highlighted ones reversed. */
export function gridRows(grid: Grid, highlighted: boolean[][] | null): Row[] {
  return grid.chars.map((row, y) =>
    trimRow(
      row.map((ch, x) => ({
        ch,
        width: ch !== '' && glyphWidth(ch.codePointAt(0) ?? 32) === 2 ? (2 as const) : (1 as const),
        style: highlighted?.[y]?.[x] ? withStyle(grid.styles[y][x], REVERSE) : grid.styles[y][x],
      })),
    ),
  );
}
