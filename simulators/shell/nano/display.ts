// nano's display_string(): turn a piece of text into what is drawn on screen, starting at a given
// column and spanning at most a given number of columns. Tabs become spaces, control characters
// become ^X, and when the text goes on past the span the last character is dropped so the caller
// can put a '>' there.
import {
  TABSIZE, charLength, codePointAt, controlLetter, glyphWidth, isControl, isZeroWidth, locateColumn,
} from './text';

/** One character cell as drawn (two cells for wide characters). */
export interface Glyph {
  ch: string;
  width: 1 | 2;
}

export interface Displayed {
  glyphs: Glyph[];
  /** More text follows what is shown: the caller draws a '>' at the right edge. */
  hasMore: boolean;
}

/** Lone surrogates are not valid characters; nano shows invalid bytes as U+FFFD. */
function printable(text: string, index: number): string {
  const cp = codePointAt(text, index);
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd';
  return String.fromCodePoint(cp);
}

/**
 * `isData`: the text is a buffer line (a partly hidden first character is shown as a placeholder,
 * and more text beyond the span is flagged). `isPrompt`: likewise flag more text, for prompt
 * answers.
 */
export function displayString(
  text: string, column: number, span: number, isData: boolean, isPrompt: boolean,
): Displayed {
  const glyphs: Glyph[] = [];
  const { index: startX, start: startCol } = locateColumn(text, column);
  const beyond = column + Math.max(0, span);
  let i = startX;
  let col = column;

  // A character cut by the left edge (or that a '<' would cover) is shown as a placeholder.
  if ((startCol < column || (startCol > 0 && isData)) && i < text.length && text[i] !== '\t') {
    const cp = codePointAt(text, i);
    if (isControl(cp)) {
      if (startCol < column) {
        glyphs.push({ ch: controlLetter(cp), width: 1 });
        col++;
        i += charLength(text, i);
      }
    } else if (glyphWidth(cp) === 2) {
      if (startCol === column) {
        glyphs.push({ ch: ' ', width: 1 });
        col++;
      }
      glyphs.push({ ch: ']', width: 1 }); // the right half of a two-column character
      col++;
      i += charLength(text, i);
    }
  }

  while (i < text.length && (col < beyond || isZeroWidth(codePointAt(text, i)))) {
    const cp = codePointAt(text, i);
    if (cp === 0x09) {
      glyphs.push({ ch: ' ', width: 1 });
      col++;
      while (col % TABSIZE !== 0 && col < beyond) {
        glyphs.push({ ch: ' ', width: 1 });
        col++;
      }
    } else if (isControl(cp)) {
      glyphs.push({ ch: '^', width: 1 }, { ch: controlLetter(cp), width: 1 });
      col += 2;
    } else {
      const width = glyphWidth(cp);
      if (width === 0) {
        // A combining mark joins the character before it in the same cell.
        if (glyphs.length > 0) glyphs[glyphs.length - 1].ch += printable(text, i);
      } else {
        glyphs.push({ ch: printable(text, i), width: width as 1 | 2 });
        col += width;
      }
    }
    i += charLength(text, i);
  }

  // If there is more text than fits, make room for the '>'.
  const hasMore = col > beyond || (i < text.length && (isPrompt || isData));
  if (hasMore) {
    const last = glyphs.pop();
    // The left half of a two-column character is shown as '['.
    if (last && last.width === 2) glyphs.push({ ch: '[', width: 1 });
  }
  return { glyphs, hasMore };
}

/** Plain text clipped to `span` columns (for titles and messages). */
export function clipText(text: string, span: number): Glyph[] {
  const shown = displayString(text, 0, span, false, false).glyphs;
  let width = 0;
  const out: Glyph[] = [];
  for (const g of shown) {
    if (width + g.width > span) break;
    out.push(g);
    width += g.width;
  }
  return out;
}

export function glyphsWidth(glyphs: Glyph[]): number {
  let w = 0;
  for (const g of glyphs) w += g.width;
  return w;
}
