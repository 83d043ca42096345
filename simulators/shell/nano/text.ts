// Column arithmetic, the way nano measures text on screen: tabs run to the next multiple of 8,
// control characters show as two columns (^X), East Asian wide characters take two columns and
// combining marks none. Positions in a line are string indexes kept on code-point boundaries.

export const TABSIZE = 8;

// Code points drawn two columns wide (a compact approximation of wcwidth()).
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

// Code points that take no column of their own (combining marks, zero-width spaces and joiners).
const ZERO: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x20d0, 0x20ff], [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f], [0xfeff, 0xfeff],
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [lo, hi] of ranges) {
    if (cp < lo) return false;
    if (cp <= hi) return true;
  }
  return false;
}

/** C0 controls, DEL and C1 controls: nano shows them as a caret plus a letter. */
export function isControl(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0);
}

/** The letter after the caret: ^A for 0x01, ^? for DEL, ^@ for 0x80 (nano's control_mbrep). */
export function controlLetter(cp: number): string {
  if (cp === 0x7f) return '?';
  if (cp >= 0x80) return String.fromCharCode(cp - 0x40);
  return String.fromCharCode(cp + 0x40);
}

export function isZeroWidth(cp: number): boolean {
  return inRanges(cp, ZERO);
}

/** Columns taken by a printable (non-tab, non-control) code point. */
export function glyphWidth(cp: number): number {
  if (inRanges(cp, ZERO)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** The code point at `index` (which must be < text.length). */
export function codePointAt(text: string, index: number): number {
  return text.codePointAt(index) ?? 0;
}

/** The string length of the code point at `index`: 2 for astral characters, else 1. */
export function charLength(text: string, index: number): number {
  return codePointAt(text, index) > 0xffff ? 2 : 1;
}

/** The column just after the character starting at `index`, drawn from `column`. */
export function advance(text: string, index: number, column: number): number {
  const cp = codePointAt(text, index);
  if (cp === 0x09) return column + TABSIZE - (column % TABSIZE);
  if (isControl(cp)) return column + 2;
  return column + glyphWidth(cp);
}

/** Display column of position `index` in `text` (nano's wideness()). */
export function wideness(text: string, index: number): number {
  let column = 0;
  for (let i = 0; i < index && i < text.length; i += charLength(text, i)) column = advance(text, i, column);
  return column;
}

/** Display width of the whole text (nano's breadth()). */
export function breadth(text: string): number {
  return wideness(text, text.length);
}

/**
 * The index of the character shown at `column`: the first character that ends beyond that column
 * (nano's actual_x()). A column in the middle of a tab lands on the tab itself. Also returns the
 * column where that character starts.
 */
export function locateColumn(text: string, column: number): { index: number; start: number } {
  let width = 0;
  let i = 0;
  while (i < text.length) {
    const next = advance(text, i, width);
    if (next > column) break;
    width = next;
    i += charLength(text, i);
  }
  return { index: i, start: width };
}

export function actualX(text: string, column: number): number {
  return locateColumn(text, column).index;
}

/** The start of the code point before `index`. */
export function stepLeft(text: string, index: number): number {
  if (index <= 0) return 0;
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return index - 2;
  }
  return index - 1;
}

/** The start of the code point after `index`. */
export function stepRight(text: string, index: number): number {
  if (index >= text.length) return text.length;
  return index + charLength(text, index);
}

/** Number of characters (code points), as nano counts them in "char 12/300". */
export function charCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += charLength(text, i)) count++;
  return count;
}

/** Letters and digits make words for ^Space / ^Right / M-Space / ^Left (nano's is_word_char). */
export function isWordChar(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(codePointAt(text, index)));
}
