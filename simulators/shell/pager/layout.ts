// Lines as screen rows. less scrolls by rows, not lines: a line longer than the screen is wide
// wraps onto the rows below (or, with -S, is cut at the edge with a `>` in reverse video). Rows are
// numbered from the document's first row; a line's first row is found through a table of where
// each line starts, built once per document and width.
import { cellsOf, lineWidth, PLAIN, REVERSE, type Cell, type LineCells } from './cells';
import type { PagerDocument } from './document';
import { utf8Length } from './document';

export interface LayoutOptions {
  cols: number;
  /** -S: one row per line, cut at the screen's edge. */
  chop: boolean;
  /** -N: each row starts with its line's number in 7 columns and a space. */
  lineNumbers: boolean;
  /** -R: colour sequences style the text. */
  raw: boolean;
}

const NUMBER_WIDTH = 7;

/** Columns a row's text may take. */
export const textWidth = (o: LayoutOptions) => Math.max(1, o.cols - (o.lineNumbers ? NUMBER_WIDTH + 1 : 0));

const keyOf = (o: LayoutOptions) => `${textWidth(o)}:${o.chop ? 1 : 0}:${o.raw ? 1 : 0}`;

const startsCache = new WeakMap<PagerDocument, Map<string, readonly number[]>>();
const cellsCache = new WeakMap<PagerDocument, Map<number, LineCells>>();

/** A line's cells, kept while the document is shown (a screen asks for the same lines again and again). */
export function lineCells(doc: PagerDocument, line: number, raw: boolean): LineCells {
  let map = cellsCache.get(doc);
  if (!map) cellsCache.set(doc, (map = new Map()));
  let cells = map.get(line);
  if (!cells) {
    if (map.size > 4096) map.clear();
    cells = cellsOf(doc.lines[line], raw);
    map.set(line, cells);
  }
  return cells;
}

/** Where each wrapped row of a line starts, as indexes into its cells (always at least one row). */
function wrapPoints(cells: readonly Cell[], width: number): number[] {
  const points = [0];
  let used = 0;
  cells.forEach((cell, i) => {
    if (used + cell.width > width && used > 0) {
      points.push(i);
      used = 0;
    }
    used += cell.width;
  });
  return points;
}

function rowsOfLine(doc: PagerDocument, line: number, o: LayoutOptions): number {
  if (o.chop) return 1;
  const text = doc.lines[line];
  const width = textWidth(o);
  if (/^[\x20-\x7e]*$/.test(text)) return Math.max(1, Math.ceil(text.length / width));
  if (lineWidth(text, o.raw) <= width) return 1;
  return wrapPoints(lineCells(doc, line, o.raw).cells, width).length;
}

/**
 * The first row of every line, and the number of rows after the last: `starts[i]` is line i's
 * first row, `starts[lines]` the total. Built in one pass; the caller pays for it from its budget.
 */
export function rowStarts(doc: PagerDocument, o: LayoutOptions): readonly number[] {
  let map = startsCache.get(doc);
  if (!map) startsCache.set(doc, (map = new Map()));
  const key = keyOf(o);
  let starts = map.get(key);
  if (!starts) {
    const out = new Array<number>(doc.lines.length + 1);
    let row = 0;
    for (let i = 0; i < doc.lines.length; i++) {
      out[i] = row;
      row += rowsOfLine(doc, i, o);
    }
    out[doc.lines.length] = row;
    starts = out;
    map.set(key, starts);
  }
  return starts;
}

export const totalRows = (doc: PagerDocument, o: LayoutOptions) => rowStarts(doc, o)[doc.lines.length];

/** The line a row belongs to (the row must exist). */
export function lineOfRow(starts: readonly number[], row: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface ShownRow {
  /** The line this row shows, 0-based. */
  line: number;
  /** The line number column (-N), or nothing. */
  prefix: Cell[];
  /** The line's cells on this row: cells[from] onwards. */
  text: Cell[];
  from: number;
  /** -S: the line goes on past the right edge (a reversed `>` ends the row). */
  more: boolean;
}

/** The cells a row shows, from its parts. */
export const rowCellsOf = (shown: ShownRow, text: Cell[] = shown.text): Cell[] => [...shown.prefix, ...text, ...(shown.more ? [{ ch: '>', width: 1 as const, style: REVERSE }] : [])];

/** Row `row` of the document, as shown with `hshift` columns scrolled off to the left (-S). */
export function shownRow(doc: PagerDocument, o: LayoutOptions, row: number, hshift: number): ShownRow {
  const starts = rowStarts(doc, o);
  const line = lineOfRow(starts, row);
  const { cells } = lineCells(doc, line, o.raw);
  const width = textWidth(o);
  const prefix: Cell[] = o.lineNumbers ? Array.from(`${String(line + 1).padStart(NUMBER_WIDTH)} `, (ch) => ({ ch, width: 1 as const, style: PLAIN })) : [];
  if (o.chop) {
    // Skip hshift columns and show what fits; a line going on past the edge ends in a reversed '>'.
    let col = 0;
    let from = 0;
    while (from < cells.length && col + cells[from].width <= hshift) col += cells[from++].width;
    let to = from;
    let used = 0;
    while (to < cells.length && used + cells[to].width <= width) used += cells[to++].width;
    const more = to < cells.length;
    if (more) while (to > from && used + 1 > width) used -= cells[--to].width;
    return { line, prefix, text: cells.slice(from, to), from, more };
  }
  const points = wrapPoints(cells, width);
  const k = row - starts[line];
  const from = points[k] ?? cells.length;
  const to = points[k + 1] ?? cells.length;
  return { line, prefix, text: cells.slice(from, to), from, more: false };
}

/** The byte offset where row `row` starts (a wrapped line's later rows start inside it). */
export function rowOffset(doc: PagerDocument, o: LayoutOptions, row: number): number {
  const starts = rowStarts(doc, o);
  const line = lineOfRow(starts, row);
  const base = doc.offsets[line];
  if (row === starts[line]) return base;
  const { from } = shownRow(doc, o, row, 0);
  const { source } = lineCells(doc, line, o.raw);
  return base + utf8Length(doc.lines[line].slice(0, source[from] ?? doc.lines[line].length));
}
