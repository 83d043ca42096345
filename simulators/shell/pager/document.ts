// What a pager shows: a file's or a pipe's text cut into lines, with where each line starts in
// bytes (UTF-8), since less's prompts speak in bytes ("byte 175/792 22%") and jump to percents of
// the size. A pipe's size is known to less only once it has read to the end.

export interface PagerDocument {
  /** The file name as typed, or null for standard input. */
  name: string | null;
  /** The lines without their newlines (a CR before the newline is dropped, as less hides it). */
  lines: readonly string[];
  /** Where each line starts, in bytes; one entry more than `lines`: the size. */
  offsets: readonly number[];
  /** The text ends with a newline (less counts the position after it as the start of a line). */
  endsWithNewline: boolean;
  /** Standard input: its size and line count are unknown until read to the end. */
  piped: boolean;
  /** A file named on the command line that could not be opened: what less says when asked to show it. */
  error?: string;
}

/** Bytes of `text` in UTF-8. */
export function utf8Length(text: string): number {
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function documentOf(name: string | null, text: string, piped = name === null): PagerDocument {
  const parts = text === '' ? [] : text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) parts.pop();
  const offsets: number[] = [0];
  let at = 0;
  const lines = parts.map((raw, i) => {
    at += utf8Length(raw) + (i < parts.length - 1 || endsWithNewline ? 1 : 0);
    offsets.push(at);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  });
  return { name, lines, offsets, endsWithNewline, piped };
}

/** The size in bytes. */
export const sizeOf = (doc: PagerDocument) => doc.offsets[doc.offsets.length - 1];

/**
 * less's find_linenum: the number of the line holding byte `pos` (1-based). The end of the text
 * counts as the start of one more line, so the last line's number is this at the end, less one.
 */
export function lineNumberAt(doc: PagerDocument, pos: number): number {
  const n = doc.lines.length;
  if (pos >= sizeOf(doc)) return n + 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.offsets[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
