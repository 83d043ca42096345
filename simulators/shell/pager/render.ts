// Draws a pager state the way less leaves the screen: its first page of a short file right where
// the cursor was (the prompt just below it), a whole screen after moving (`~` in bold past the
// end), and otherwise only the bottom line, rewritten where the cursor is.
import { UNLIMITED, type WorkBudget } from '../../core/budget';
import { BOLD, REVERSE, visibleText, withStyle, type Cell } from './cells';
import { shownKeys } from './commands';
import { lineCells, rowCellsOf, shownRow, totalRows } from './layout';
import { HELP_PROMPT, SHORT_PROMPT, expandPrompt } from './prompt';
import { layoutOf, promptFacts, type PagerState } from './pager';
import { compileSearch } from './search';
import { drawRow, drawScreen, textCells, type Row } from './screen';

const TILDE: Row = [{ ch: '~', width: 1, style: BOLD }];
const BLANK: Row = [];

/** The bottom line: the prompt, what is being typed, or a message. */
export function bottomLine(s: PagerState): Cell[] {
  switch (s.mode) {
    case 'search':
      return textCells(`${s.typingInvert ? 'Non-match ' : ''}${s.typingBackward ? '?' : '/'}${s.typed}`);
    case 'number':
      return textCells(`:${s.typed}`);
    case 'prefix':
      return textCells(` ${shownKeys(s.typed)}`);
    case 'message':
      return textCells(`${s.message}  (press RETURN)`, REVERSE);
    case 'follow':
      return textCells('Waiting for data... (interrupt to abort)', REVERSE);
    default: {
      const proto = s.helpOver ? HELP_PROMPT : (s.options.prompt ?? SHORT_PROMPT);
      const prompt = expandPrompt(proto, promptFacts(s), s.options.cols - 2);
      return prompt ? textCells(prompt, REVERSE) : textCells(':');
    }
  }
}

/** Screen row `i` of the text area: a row of the document with its matches highlighted, or `~`. */
function contentRow(s: PagerState, i: number, highlight: ((line: number) => [number, number][]) | null): Row {
  const layout = layoutOf(s);
  const row = s.top + i;
  if (s.blank || row < 0 || row >= totalRows(s.doc, layout)) return s.options.noTildes ? BLANK : TILDE;
  const shown = shownRow(s.doc, layout, row, s.hshift);
  const spans = highlight ? highlight(shown.line) : [];
  if (!spans.length) return rowCellsOf(shown);
  const { index } = lineCells(s.doc, shown.line, layout.raw);
  const lit = shown.text.map((cell, k) => {
    const visible = index[shown.from + k];
    return spans.some(([a, b]) => visible >= a && visible < b) ? { ...cell, style: withStyle(cell.style, REVERSE) } : cell;
  });
  return rowCellsOf(shown, lit);
}

/** What the search highlights in a line, or null when nothing is highlighted. */
function highlighter(s: PagerState, budget: WorkBudget): ((line: number) => [number, number][]) | null {
  if (!s.search || !s.hilite || s.search.invert) return null;
  const matcher = compileSearch(s.search, s.options.ignoreCase, budget);
  if (!matcher) return null;
  return (line) => matcher.spans(visibleText(s.doc.lines[line], Boolean(s.options.raw)));
}

/** The escapes that bring the terminal from the last drawn state to `s`. */
export function renderPager(s: PagerState, budget: WorkBudget = UNLIMITED): string {
  const cols = s.options.cols;
  const bottom = bottomLine(s);
  const bell = s.bell ? '\x07' : '';
  if (s.mode === 'exited') return '';
  if (s.paint === 'prompt') return `\r${drawRow(bottom, cols)}${bell}`;
  const highlight = highlighter(s, budget);
  const content = Math.max(1, s.options.rows - 1);
  if (s.paint === 'first') {
    // Written from the cursor, as less writes its first page: a short file's lines and the prompt
    // right below them; a long one's page scrolls the screen until the prompt is on the last row.
    const shown = Math.min(content, totalRows(s.doc, layoutOf(s)) - Math.max(0, s.top));
    const rows = Array.from({ length: Math.max(0, shown) }, (_, i) => drawRow(contentRow(s, i, highlight), cols) + '\r\n').join('');
    return `\r${rows}${drawRow(bottom, cols)}${bell}`;
  }
  const rows: Row[] = Array.from({ length: content }, (_, i) => contentRow(s, i, highlight));
  rows.push(bottom);
  const width = bottom.reduce((n, c) => n + c.width, 0);
  return drawScreen(rows, cols, { row: s.options.rows - 1, col: Math.min(width, cols - 1) }) + bell;
}

