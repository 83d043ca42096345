// Screen geometry and scrolling: where the title bar, edit window, status bar and help lines go
// for a given terminal size, which lines the edit window shows, and how far a long line is
// scrolled sideways.
import type { NanoState } from './types';

export interface Layout {
  /** Row of the title bar, or null when the terminal is too flat for one. */
  titleRow: number | null;
  editTop: number;
  editRows: number;
  statusRow: number;
  /** The two shortcut rows, or null when there is no room for them. */
  helpRows: [number, number] | null;
  /** nano draws the shortcut lists only from six rows on. */
  drawMenus: boolean;
}

/** nano's window_init(): title bar, edit window, then a status bar and two help lines. */
export function layoutFor(rows: number): Layout {
  if (rows < 3) {
    // Without room for a title bar the status bar shares the last (possibly only) row.
    return { titleRow: null, editTop: 0, editRows: 1, statusRow: rows - 1, helpRows: null, drawMenus: false };
  }
  if (rows < 5) {
    return { titleRow: 0, editTop: 1, editRows: rows - 2, statusRow: rows - 1, helpRows: null, drawMenus: false };
  }
  return {
    titleRow: 0,
    editTop: 1,
    editRows: rows - 4,
    statusRow: rows - 3,
    helpRows: [rows - 2, rows - 1],
    drawMenus: rows >= 6,
  };
}

export function editRowsOf(state: NanoState): number {
  return layoutFor(state.rows).editRows;
}

/**
 * nano scrolls a line sideways in chunks ("pages") when the cursor column would not fit: the
 * first column shown for a cursor at `column` (get_page_start()).
 */
export function pageStart(column: number, cols: number): number {
  if (column === 0 || column + 2 < cols) return 0;
  if (cols > 8) return column - 6 - ((column - 6) % (cols - 8));
  return Math.max(0, Math.min(column, column - (cols - 2)));
}

/** Scroll no more than needed to bring the cursor line into view (nano's FLOWING). */
export function scrollToCursor(state: NanoState): void {
  const editRows = editRowsOf(state);
  if (state.row < state.topRow) state.topRow = state.row;
  else if (state.row >= state.topRow + editRows) state.topRow = state.row - editRows + 1;
  clampTop(state);
}

/** Put the cursor line in the middle of the edit window if it is out of view (CENTERING). */
export function centreCursor(state: NanoState): void {
  const editRows = editRowsOf(state);
  if (state.row < state.topRow || state.row >= state.topRow + editRows) {
    state.topRow = Math.max(0, state.row - Math.floor(editRows / 2));
  }
  clampTop(state);
}

function clampTop(state: NanoState): void {
  state.topRow = Math.max(0, Math.min(state.topRow, state.lines.length - 1, state.row));
}
