// Draws the whole nano screen for a state: title bar, edit window (or help text), status bar or
// prompt, and the two shortcut lines, following nano's winio.c.
import type { NanoState } from './types';
import { clipText, displayString, glyphsWidth, type Glyph } from './display';
import { HELP_TITLE, helpLines } from './help';
import { HELP_MENU, MAIN_MENU, WRITE_MENU, placeMenu, placeYesNo, type PlacedShortcut } from './menus';
import { ALERT, PLAIN, REVERSE, createGrid, fillRow, put, putText, serialize, type Grid } from './screen';
import { breadth, wideness } from './text';
import { layoutFor, pageStart } from './view';

const BRANDING = 'GNU nano 7.2';

export const QUESTIONS = {
  'save-modified': 'Save modified buffer? ',
  'different-name': 'Save file under DIFFERENT NAME? ',
} as const;

/** nano's titlebar(): version at the left, the name centred, the state at the right. */
function drawTitle(grid: Grid, row: number, upperleft: string, path: string, state: string, plug: number): void {
  const cols = grid.cols;
  fillRow(grid, row, REVERSE);
  // Do as Pico: when things don't fit, first drop the version, then the side spaces, then dottify.
  let verlen = breadth(upperleft) + 3;
  let pathlen = breadth(path);
  let statelen = breadth(state) + 2;
  let pluglen = plug;
  if (statelen > 2) pathlen++;

  if (verlen + pathlen + pluglen + statelen <= cols) putText(grid, row, 2, upperleft, REVERSE);
  else {
    verlen = 2;
    if (verlen + pathlen + pluglen + statelen > cols) pluglen = 0;
    if (verlen + pathlen + pluglen + statelen > cols) {
      verlen = 0;
      statelen -= 2;
    }
  }

  const offset = verlen > 0 ? verlen + Math.floor((cols - (verlen + pluglen + statelen) - pathlen) / 2) : 0;
  if (pathlen + pluglen + statelen <= cols) {
    put(grid, row, offset, displayString(path, 0, pathlen, false, false).glyphs, REVERSE);
  } else if (5 + statelen <= cols) {
    const at = putText(grid, row, offset, '...', REVERSE);
    const shown = displayString(path, 3 + pathlen - cols + statelen, cols - statelen, false, false);
    put(grid, row, at, shown.glyphs, REVERSE);
  }

  if (statelen > 0 && statelen <= cols) putText(grid, row, cols - statelen, state, REVERSE);
  else if (statelen > 0) put(grid, row, 0, clipText(state, cols), REVERSE);
}

/** nano's post_one_key(): the key in reverse video, a space, then as much of the tag as fits. */
function drawShortcut(grid: Grid, row: number, item: PlacedShortcut): void {
  const keyGlyphs = clipText(item.key, item.width);
  const at = put(grid, row, item.col, keyGlyphs, REVERSE);
  const width = item.width - breadth(item.key);
  if (width < 2) return;
  put(grid, row, at + 1, clipText(item.tag, width - 1), PLAIN);
}

function drawMenu(grid: Grid, helpRows: [number, number], items: PlacedShortcut[]): void {
  for (const item of items) drawShortcut(grid, helpRows[item.line], item);
}

/** nano's statusline(): the message centred, in brackets when there is room for them. */
function drawMessage(grid: Grid, row: number, text: string, alert: boolean): void {
  const message = clipText(text, grid.cols);
  const startCol = Math.floor((grid.cols - glyphsWidth(message)) / 2);
  const bracketed = startCol > 1;
  const glyphs: Glyph[] = bracketed
    ? [{ ch: '[', width: 1 }, { ch: ' ', width: 1 }, ...message, { ch: ' ', width: 1 }, { ch: ']', width: 1 }]
    : message;
  put(grid, row, bracketed ? startCol - 2 : startCol, glyphs, alert ? ALERT : REVERSE);
}

function promptText(state: NanoState): string {
  const format = state.format === 'dos' ? ' [DOS Format]' : state.format === 'mac' ? ' [Mac Format]' : '';
  return 'File Name to Write' + format;
}

/** Which part of a long prompt answer is shown (nano's get_statusbar_page_start()). */
function promptPageStart(base: number, column: number, cols: number): number {
  if (column === base || column < cols - 1) return 0;
  if (cols > base + 2) return column - base - 1 - ((column - base - 1) % (cols - base - 2));
  return Math.max(0, column - 2);
}

/** nano's draw_the_promptbar(). Returns the cursor column. */
function drawPromptBar(grid: Grid, row: number, state: NanoState): number {
  const cols = grid.cols;
  const prompt = state.prompt!;
  const label = promptText(state);
  const base = breadth(label) + 2;
  const column = base + wideness(prompt.answer, prompt.cursor);
  const page = promptPageStart(base, column, cols);
  const endPage = promptPageStart(base, base + breadth(prompt.answer) - 1, cols);
  fillRow(grid, row, REVERSE);
  let at = putText(grid, row, 0, label + ':', REVERSE);
  at = putText(grid, row, at, page === 0 ? ' ' : '<', REVERSE);
  put(grid, row, at, displayString(prompt.answer, page, cols - base, false, true).glyphs, REVERSE);
  if (page < endPage && base + breadth(prompt.answer) - page > cols) putText(grid, row, cols - 1, '>', REVERSE);
  return column - page;
}

/** A Y/N question across the status bar. Returns the cursor column (just after the question). */
function drawQuestion(grid: Grid, row: number, question: string): number {
  fillRow(grid, row, REVERSE);
  return put(grid, row, 0, clipText(question, Math.max(0, grid.cols - 1)), REVERSE);
}

/** The edit window: each line from its first column, except the cursor line, which scrolls. */
function drawEditWindow(grid: Grid, state: NanoState, top: number, rows: number): { row: number; col: number } {
  const cols = grid.cols;
  let cursor = { row: top, col: 0 };
  for (let i = 0; i < rows; i++) {
    const index = state.topRow + i;
    if (index >= state.lines.length) break;
    const text = state.lines[index];
    const isCurrent = index === state.row;
    const cursorColumn = isCurrent ? wideness(text, state.col) : 0;
    const from = pageStart(cursorColumn, cols);
    const shown = displayString(text, from, cols, true, false);
    put(grid, top + i, 0, shown.glyphs, PLAIN);
    if (from > 0) putText(grid, top + i, 0, '<', REVERSE);
    if (shown.hasMore) putText(grid, top + i, cols - 1, '>', REVERSE);
    if (isCurrent) cursor = { row: top + i, col: cursorColumn - from };
  }
  return cursor;
}

function drawHelpText(grid: Grid, state: NanoState, top: number, rows: number): void {
  const lines = helpLines(grid.cols);
  for (let i = 0; i < rows; i++) {
    const text = lines[state.helpTop + i];
    if (text === undefined) break;
    const shown = displayString(text, 0, grid.cols, true, false);
    put(grid, top + i, 0, shown.glyphs, PLAIN);
    if (shown.hasMore) putText(grid, top + i, grid.cols - 1, '>', REVERSE);
  }
}

/** A full redraw of the screen (no alternate-screen switching). */
export function renderNano(state: NanoState): string {
  const layout = layoutFor(state.rows);
  const grid = createGrid(state.rows, state.cols);

  if (state.mode === 'help') {
    if (layout.titleRow !== null) drawTitle(grid, layout.titleRow, '', HELP_TITLE, '', 0);
    drawHelpText(grid, state, layout.editTop, layout.editRows);
    if (layout.helpRows && layout.drawMenus) drawMenu(grid, layout.helpRows, placeMenu(HELP_MENU, state.cols));
    return serialize(grid, null); // the help viewer hides the cursor
  }

  if (layout.titleRow !== null) {
    const name = state.displayName === '' ? 'New Buffer' : state.displayName;
    // When unmodified, nano still reserves room for "Modified" so the name does not jump.
    drawTitle(grid, layout.titleRow, BRANDING, name, state.modified ? 'Modified' : '', state.modified ? 0 : 9);
  }
  let cursor = drawEditWindow(grid, state, layout.editTop, layout.editRows);

  const row = layout.statusRow;
  if (state.mode === 'write-prompt' && state.prompt) {
    cursor = { row, col: drawPromptBar(grid, row, state) };
    if (layout.helpRows && layout.drawMenus) drawMenu(grid, layout.helpRows, placeMenu(WRITE_MENU, state.cols));
  } else if (state.mode === 'yesno' && state.question) {
    if (layout.helpRows) drawMenu(grid, layout.helpRows, placeYesNo(state.cols));
    cursor = { row, col: drawQuestion(grid, row, QUESTIONS[state.question]) };
  } else {
    if (state.status) drawMessage(grid, row, state.status.text, state.status.alert);
    if (layout.helpRows && layout.drawMenus) drawMenu(grid, layout.helpRows, placeMenu(MAIN_MENU, state.cols));
  }
  return serialize(grid, cursor);
}
