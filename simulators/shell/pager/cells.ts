// One line of text as the cells a terminal shows, the way less draws it: tabs run to the next
// multiple of 8, overstrikes become bold (`X\bX`) or underline (`_\bX`) as nroff writes them for
// man pages, other control characters show as `^X` in reverse video, and East Asian wide
// characters take two columns. With -R, colour and style sequences (`ESC[1;31m`) style the text
// instead of showing as `ESC[1;31m`.
import { codePointAt, charLength, controlLetter, glyphWidth, TABSIZE } from '../nano/text';

/**
 * A cell's look as SGR parameters: '' plain, '1' bold, '4' underline, '7' reverse video, and with
 * -R whatever the text asked for ('1;31'). Kept as text so a cell compares and prints cheaply.
 */
export type Style = string;

export const PLAIN: Style = '';
export const BOLD: Style = '1';
export const UNDERLINE: Style = '4';
export const REVERSE: Style = '7';

export interface Cell {
  ch: string;
  /** 1, or 2 for a wide character (the cell after it is covered). */
  width: 1 | 2;
  style: Style;
}

/** A style with one more attribute: bold and underline together are '1;4'. */
export function withStyle(style: Style, add: Style): Style {
  if (!style) return add;
  if (!add || style.split(';').includes(add)) return style;
  return `${style};${add}`;
}

const isPlainAscii = (line: string) => /^[\x20-\x7e]*$/.test(line);

/** The text a search sees in a line: what is shown, without overstrikes (nor, with -R, colour sequences). */
export function visibleText(line: string, raw = false): string {
  if (isPlainAscii(line)) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\b') {
      // `X\bY` shows Y (or X, when Y is the underscore of an underline).
      const next = line[i + 1];
      if (next !== undefined && out.length) {
        if (next !== '_') out = out.slice(0, -1) + next;
        i++;
      }
      continue;
    }
    if (c === '\x1b' && raw) {
      const m = /^\x1b\[[0-9;]*[A-Za-z]/.exec(line.slice(i));
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

export interface LineCells {
  cells: Cell[];
  /** Each cell's position in `visibleText(line)`, so search matches can be highlighted. */
  index: number[];
  /** Each cell's position in the line itself, for byte offsets of a wrapped line's rows. */
  source: number[];
}

/** The cells of `line`. `raw` is less's -R: SGR sequences set the style of the text after them. */
export function cellsOf(line: string, raw = false): LineCells {
  const cells: Cell[] = [];
  const index: number[] = [];
  const source: number[] = [];
  if (isPlainAscii(line)) {
    for (let i = 0; i < line.length; i++) {
      cells.push({ ch: line[i], width: 1, style: PLAIN });
      index.push(i);
      source.push(i);
    }
    return { cells, index, source };
  }
  let column = 0;
  let visible = 0;
  let at = 0;
  let sgr: Style = PLAIN;
  const push = (ch: string, width: 1 | 2, style: Style) => {
    cells.push({ ch, width, style });
    index.push(visible);
    source.push(at);
    column += width;
  };
  for (let i = 0; i < line.length; ) {
    at = i;
    const cp = codePointAt(line, i);
    const len = charLength(line, i);
    if (cp === 0x08 && cells.length && i + 1 < line.length) {
      // An overstrike: the previous cell and the next character make one cell.
      const prev = cells[cells.length - 1];
      const nextLen = charLength(line, i + 1);
      const next = line.slice(i + 1, i + 1 + nextLen);
      if (next === prev.ch) prev.style = withStyle(prev.style, BOLD);
      else if (prev.ch === '_') {
        prev.ch = next;
        prev.style = withStyle(prev.style, UNDERLINE);
      } else if (next === '_') prev.style = withStyle(prev.style, UNDERLINE);
      else prev.ch = next;
      i += 1 + nextLen;
      continue;
    }
    if (cp === 0x1b) {
      const m = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(line.slice(i, i + 64));
      if (m && raw) {
        if (m[2] === 'm') sgr = applySgr(sgr, m[1]);
        i += m[0].length;
        continue;
      }
      for (const ch of 'ESC') push(ch, 1, REVERSE);
      i += 1;
      visible += 1;
      continue;
    }
    if (cp === 0x09) {
      do push(' ', 1, sgr);
      while (column % TABSIZE !== 0);
      i += 1;
      visible += 1;
      continue;
    }
    if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) {
      push('^', 1, REVERSE);
      push(controlLetter(cp), 1, REVERSE);
      i += len;
      visible += len;
      continue;
    }
    const width = glyphWidth(cp);
    const ch = line.slice(i, i + len);
    if (width === 0 && cells.length) cells[cells.length - 1].ch += ch;
    else push(ch, width === 2 ? 2 : 1, sgr);
    i += len;
    visible += len;
  }
  return { cells, index, source };
}

/** The style after an SGR sequence's parameters (`0`, `1`, `31`, `1;31`...), as less -R keeps it. */
export function applySgr(style: Style, params: string): Style {
  let parts = style ? style.split(';') : [];
  for (const p of (params || '0').split(';')) {
    const n = Number(p || '0');
    if (n === 0) parts = [];
    else if (n === 22) parts = parts.filter((x) => x !== '1' && x !== '2');
    else if (n === 24) parts = parts.filter((x) => x !== '4');
    else if (n === 27) parts = parts.filter((x) => x !== '7');
    else if (n === 39) parts = parts.filter((x) => !/^(3[0-7]|9[0-7])$/.test(x));
    else if (n === 49) parts = parts.filter((x) => !/^(4[0-7]|10[0-7])$/.test(x));
    else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) parts = [...parts.filter((x) => !/^(3[0-7]|9[0-7])$/.test(x)), String(n)];
    else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) parts = [...parts.filter((x) => !/^(4[0-7]|10[0-7])$/.test(x)), String(n)];
    else if ([1, 2, 3, 4, 5, 7].includes(n) && !parts.includes(String(n))) parts.push(String(n));
  }
  return parts.join(';');
}

/** Columns a line takes, without building its cells when it is plain text. */
export function lineWidth(line: string, raw = false): number {
  if (isPlainAscii(line)) return line.length;
  let width = 0;
  for (const cell of cellsOf(line, raw).cells) width += cell.width;
  return width;
}
