// Editing and cursor movement on the buffer, after nano's text.c, move.c and cut.c. Each function
// changes a draft state in place (the caller copies the state once per input chunk).
import type { NanoState } from './types';
import { setStatus, wipeStatus } from './messages';
import { actualX, charCount, isWordChar, stepLeft, stepRight, wideness } from './text';
import { centreCursor, editRowsOf, scrollToCursor } from './view';

const lastRow = (s: NanoState) => s.lines.length - 1;

/** Keep the empty "magic line" at the end: typing on it makes a new one appear below. */
function keepMagicLine(s: NanoState): void {
  if (s.lines[s.lines.length - 1] !== '') s.lines.push('');
}

function rememberColumn(s: NanoState): void {
  s.placewewant = wideness(s.lines[s.row], s.col);
}

/** Inserts text at the cursor; '\n' splits lines. The cursor ends up after the inserted text. */
export function insertText(s: NanoState, text: string): void {
  if (text === '') return;
  const line = s.lines[s.row];
  const before = line.slice(0, s.col);
  const after = line.slice(s.col);
  const parts = text.split('\n');
  if (parts.length === 1) {
    s.lines[s.row] = before + text + after;
    s.col += text.length;
  } else {
    const last = parts[parts.length - 1];
    parts[0] = before + parts[0];
    parts[parts.length - 1] = last + after;
    if (parts.length < 4096) s.lines.splice(s.row, 1, ...parts);
    else s.lines = s.lines.slice(0, s.row).concat(parts, s.lines.slice(s.row + 1)); // no huge spreads
    s.row += parts.length - 1;
    s.col = last.length;
  }
  keepMagicLine(s);
  s.modified = true;
  rememberColumn(s);
}

/**
 * Joins the cursor line with the next one (nano's do_deletion at the end of a line). nano refuses
 * to eat the magic line when the cursor is not at the start of the line: Delete at the end of the
 * last real line does nothing, so the file keeps its final newline.
 */
function joinWithNext(s: NanoState): void {
  if (s.row >= lastRow(s)) return;
  if (s.row + 1 === lastRow(s) && s.col !== 0) return;
  s.lines[s.row] += s.lines[s.row + 1];
  s.lines.splice(s.row + 1, 1);
  keepMagicLine(s);
  s.modified = true;
}

export function deleteChar(s: NanoState): void {
  const line = s.lines[s.row];
  if (s.col < line.length) {
    s.lines[s.row] = line.slice(0, s.col) + line.slice(stepRight(line, s.col));
    s.modified = true;
  } else {
    joinWithNext(s);
  }
  rememberColumn(s);
}

export function backspace(s: NanoState): void {
  if (s.col > 0) {
    s.col = stepLeft(s.lines[s.row], s.col);
    deleteChar(s);
  } else if (s.row > 0) {
    // Like nano: step left onto the end of the previous line, then delete what follows.
    s.row--;
    s.col = s.lines[s.row].length;
    joinWithNext(s);
    rememberColumn(s);
  }
}

export function moveLeft(s: NanoState): void {
  if (s.col > 0) s.col = stepLeft(s.lines[s.row], s.col);
  else if (s.row > 0) {
    s.row--;
    s.col = s.lines[s.row].length;
  }
  rememberColumn(s);
}

export function moveRight(s: NanoState): void {
  if (s.col < s.lines[s.row].length) s.col = stepRight(s.lines[s.row], s.col);
  else if (s.row < lastRow(s)) {
    s.row++;
    s.col = 0;
  }
  rememberColumn(s);
}

/** Up and Down aim for the remembered column, so passing a short line does not lose it. */
function moveVertically(s: NanoState, row: number): void {
  s.row = row;
  s.col = actualX(s.lines[row], s.placewewant);
}

export function moveUp(s: NanoState): void {
  if (s.row > 0) moveVertically(s, s.row - 1);
}

export function moveDown(s: NanoState): void {
  if (s.row < lastRow(s)) moveVertically(s, s.row + 1);
}

export function moveHome(s: NanoState): void {
  s.col = 0;
  s.placewewant = 0;
}

export function moveEnd(s: NanoState): void {
  s.col = s.lines[s.row].length;
  rememberColumn(s);
}

export function toFirstLine(s: NanoState): void {
  s.row = 0;
  s.col = 0;
  s.placewewant = 0;
}

export function toLastLine(s: NanoState): void {
  s.row = lastRow(s);
  s.col = s.lines[s.row].length;
  rememberColumn(s);
}

/**
 * PageUp/PageDown move the cursor a screenful minus two lines and scroll the view along, so the
 * cursor stays on the same screen row; at the ends of the file they go to the first/last line.
 */
export function pageMove(s: NanoState, direction: -1 | 1): void {
  const editRows = editRowsOf(s);
  const mustMove = editRows < 3 ? 1 : editRows - 2;
  const target = s.row + direction * mustMove;
  if (target < 0) {
    toFirstLine(s);
    scrollToCursor(s);
    return;
  }
  if (target > lastRow(s)) {
    toLastLine(s);
    scrollToCursor(s);
    return;
  }
  const screenRow = s.row - s.topRow;
  moveVertically(s, target);
  s.topRow = Math.max(0, s.row - screenRow);
}

/** ^Space / Ctrl+Right: to the start of the next word (nano's do_next_word). */
export function nextWord(s: NanoState): void {
  let seenSpace = !isWordChar(s.lines[s.row], s.col);
  for (;;) {
    const line = s.lines[s.row];
    if (s.col >= line.length) {
      if (s.row >= lastRow(s)) break;
      s.row++;
      s.col = 0;
      seenSpace = true;
    } else {
      s.col = stepRight(line, s.col);
    }
    if (!isWordChar(s.lines[s.row], s.col)) seenSpace = true;
    else if (seenSpace) break;
  }
  rememberColumn(s);
}

/** M-Space / Ctrl+Left: to the start of this or the previous word (nano's do_prev_word). */
export function prevWord(s: NanoState): void {
  let seenWord = false;
  for (;;) {
    if (s.col === 0) {
      if (s.row === 0) break;
      s.row--;
      s.col = s.lines[s.row].length;
    }
    s.col = stepLeft(s.lines[s.row], s.col);
    if (isWordChar(s.lines[s.row], s.col)) {
      seenWord = true;
      if (s.col === 0) break;
    } else if (seenWord) {
      s.col = stepRight(s.lines[s.row], s.col);
      break;
    }
  }
  rememberColumn(s);
}

/**
 * ^K: cut the whole cursor line into the cut buffer. Cuts made one right after another pile up
 * in the buffer, so ^K^K^K followed by ^U moves three lines; any other key starts afresh.
 */
export function cutLine(s: NanoState): void {
  const atEnd = s.row === lastRow(s);
  if (atEnd && s.lines[s.row] === '') {
    setStatus(s, 'Nothing was cut', false);
    return;
  }
  if (!s.keepCut || s.cutBuffer === null) s.cutBuffer = '';
  if (atEnd) {
    s.cutBuffer += s.lines[s.row];
    s.lines[s.row] = '';
  } else {
    s.cutBuffer += s.lines[s.row] + '\n';
    s.lines.splice(s.row, 1);
  }
  keepMagicLine(s);
  s.col = 0;
  s.placewewant = 0;
  s.modified = true;
  s.keepCut = true;
  wipeStatus(s);
}

/** ^U: insert the cut buffer at the cursor. A paste of a screenful or more centres the cursor. */
export function pasteCut(s: NanoState): void {
  if (s.cutBuffer === null) {
    setStatus(s, 'Cutbuffer is empty', true);
    return;
  }
  const wasRow = s.row;
  insertText(s, s.cutBuffer);
  s.modified = true;
  wipeStatus(s);
  if (s.row - wasRow >= editRowsOf(s)) centreCursor(s);
}

/** Width of a number in digits, for nano's aligned "line 3/12" fields. */
const digits = (n: number) => String(n).length;
const pad = (value: number, width: number) => String(value).padStart(width, ' ');

/** ^C: "line 3/12 (25%), col  5/20 ( 25%), char 40/300 (13%)" (nano's report_cursor_position). */
export function cursorReport(s: NanoState): string {
  const line = s.lines[s.row];
  const totalLines = s.lines.length; // nano counts the magic line here
  const fullWidth = wideness(line, line.length) + 1;
  const column = wideness(line, s.col) + 1;
  // Characters before the cursor, counting one for each line break (nano's number_of_characters_in).
  let sum = charCount(line.slice(0, s.col));
  let total = 0;
  for (let r = 0; r < s.lines.length; r++) {
    const chars = charCount(s.lines[r]);
    total += chars + (r < s.lines.length - 1 ? 1 : 0);
    if (r < s.row) sum += chars + 1;
  }
  const linePct = Math.floor((100 * (s.row + 1)) / totalLines);
  const colPct = Math.floor((100 * column) / fullWidth);
  const charPct = total === 0 ? 0 : Math.floor((100 * sum) / total);
  return (
    `line ${pad(s.row + 1, digits(totalLines))}/${totalLines} (${pad(linePct, 2)}%), ` +
    `col ${pad(column, 2)}/${pad(fullWidth, 2)} (${pad(colPct, 3)}%), ` +
    `char ${pad(sum, digits(total))}/${total} (${pad(charPct, 2)}%)`
  );
}
