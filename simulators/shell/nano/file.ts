// Reading file text into buffer lines and writing it back, following nano's read_file() and
// write_file(): DOS (CR LF) and Mac (CR) line endings are converted on the way in and restored on
// the way out, and a final newline is added when the text does not end with one.
import type { LineFormat } from './types';

export interface ReadResult {
  lines: string[];
  format: LineFormat;
  /** The count nano reports in "[ Read N lines ]". */
  lineCount: number;
}

/**
 * nano counts a line for every line break, plus one for text after the last break. So "a\nb\n"
 * and "a\nb" are both 2 lines, and an empty file is 0 lines.
 */
export function readText(content: string): ReadResult {
  const lines: string[] = [];
  let format: LineFormat = 'unix';
  let start = 0; // where the current line starts in `content`
  let i = 0;
  const n = content.length;

  while (i < n) {
    const code = content.charCodeAt(i);
    if (code === 0x0a) {
      // A CR before a LF is always stripped; if it ends the very first line, the file is DOS.
      let end = i;
      if (end > start && content.charCodeAt(end - 1) === 0x0d) {
        if (lines.length === 0) format = 'dos';
        end--;
      }
      lines.push(content.slice(start, end));
      start = i + 1;
    } else if (
      (lines.length === 0 || format === 'mac') &&
      i > start &&
      content.charCodeAt(i - 1) === 0x0d
    ) {
      // A CR not followed by LF on the first line makes it a Mac file: from then on every lone
      // CR ends a line. (Elsewhere a lone CR is kept as a character and shows as ^M.)
      format = 'mac';
      lines.push(content.slice(start, i - 1));
      start = i;
    }
    i++;
  }

  let lineCount = lines.length;
  if (start < n) {
    let last = content.slice(start);
    let macLineNeedsNewline = false;
    if (last.endsWith('\r')) {
      if (lines.length === 0) format = 'mac';
      last = last.slice(0, -1);
      macLineNeedsNewline = true;
    }
    lines.push(last);
    lineCount++;
    if (macLineNeedsNewline) lines.push('');
  } else {
    lines.push('');
  }

  // The buffer always ends in an empty "magic line" (nano adds it when the text lacks a final
  // newline); that is why saving "a\nb" gives "a\nb\n".
  if (lines[lines.length - 1] !== '') lines.push('');
  return { lines, format, lineCount };
}

const ENDINGS: Record<LineFormat, string> = { unix: '\n', dos: '\r\n', mac: '\r' };

/** The file text for the buffer: lines joined, so the magic line yields the final newline. */
export function writeText(lines: string[], format: LineFormat): string {
  return lines.join(ENDINGS[format]);
}

/**
 * The count nano reports in "[ Wrote N lines ]": every line followed by a line break, plus a last
 * line only if it is not empty (the magic line writes zero bytes and is not counted).
 */
export function writtenLineCount(lines: string[]): number {
  return lines.length - 1 + (lines[lines.length - 1] !== '' ? 1 : 0);
}
