// A manual page set for a terminal the way groff's man macros set it (-Tutf8, as man-db runs it):
// lines of width*39/40 columns, the title line and footer in three parts, headings bold at the left
// edge, text indented 7 columns, filled and justified. Justification spreads the spare columns over
// the gaps between words, from the left on one line and from the right on the next, as groff
// alternates. For a terminal, bold and italic are overstrikes (X\bX and _\bX) that the pager draws
// as bold and underline; for a pipe they are plain text, as man-db strips them.
import type { Block, Face, ManPage, Run } from './page';

export interface FormatOptions {
  /** The terminal's (or MANWIDTH's) width in columns. */
  width: number;
  /** Bold and italic as overstrikes (a terminal), or plain text (a pipe). */
  overstrike: boolean;
}

/** The indent of text under a heading, and of a tagged paragraph's description past it. */
const INDENT = 7;

/** groff's line length for a terminal of `width` columns, as man-db asks for it. */
export const lineLength = (width: number) => Math.max(20, Math.floor((width * 39) / 40));

interface Word {
  chars: { ch: string; face: Face }[];
  /** Columns of space before this word when it is not the first on its line (2 after a sentence). */
  gap: number;
}

/** Splits runs into words, keeping each character's face and the space before each word. */
function wordsOf(runs: Run[]): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  let pendingSpace = '';
  for (const run of runs) {
    for (const ch of run.text) {
      if (ch === ' ' || ch === '\n' || ch === '\t') {
        if (current) words.push(current);
        current = null;
        pendingSpace += ch;
        continue;
      }
      if (!current) {
        const prev = words[words.length - 1];
        // Two spaces, or a line break, after the end of a sentence keep two columns (groff's sentence space).
        const sentenceEnd = prev !== undefined && /[.!?]["')\]]*$/.test(prev.chars.map((c) => c.ch).join(''));
        const gap = sentenceEnd && (pendingSpace.length > 1 || pendingSpace.includes('\n')) ? 2 : 1;
        current = { chars: [], gap };
        pendingSpace = '';
      }
      current.chars.push({ ch, face: run.face });
    }
  }
  if (current) words.push(current);
  return words;
}

function faced(ch: string, face: Face, overstrike: boolean): string {
  if (!overstrike || face === 'R') return ch;
  return face === 'B' ? `${ch}\b${ch}` : `_\b${ch}`;
}

const wordText = (w: Word, overstrike: boolean) => w.chars.map((c) => faced(c.ch, c.face, overstrike)).join('');
const wordWidth = (w: Word) => w.chars.length;

/** Formats one page; lines end with '\n'. */
export function formatPage(page: ManPage, options: FormatOptions): string {
  const width = lineLength(options.width);
  const { overstrike } = options;
  const out: string[] = [];
  /** groff's direction for spreading spare columns, turned after each justified line. */
  let fromRight = false;

  /** Fills words into lines of `avail` columns after `indent`; the first may start later (`firstAt`). */
  const fill = (words: Word[], indent: number, first = '', firstAt = indent) => {
    const avail = width - indent;
    let line: Word[] = [];
    let used = 0;
    let start = firstAt - indent;
    let prefix = first;
    const emit = (last: boolean) => {
      const extra = last ? 0 : avail - start - used;
      const gaps = line.slice(1).map((w) => w.gap);
      if (extra > 0 && gaps.length) {
        const each = Math.floor(extra / gaps.length);
        const rest = extra % gaps.length;
        for (let i = 0; i < gaps.length; i++) {
          const k = fromRight ? gaps.length - 1 - i : i;
          gaps[k] += each + (i < rest ? 1 : 0);
        }
      }
      // groff turns the direction after every line it breaks while filling, spare columns or not.
      if (!last) fromRight = !fromRight;
      const text = line.map((w, i) => (i ? ' '.repeat(gaps[i - 1]) : '') + wordText(w, overstrike)).join('');
      out.push(`${prefix || ' '.repeat(indent)}${prefix ? ' '.repeat(Math.max(0, firstAt - visibleLength(prefix))) : ''}${text}`.replace(/ +$/, ''));
      prefix = '';
      start = 0;
      line = [];
      used = 0;
    };
    for (const word of words) {
      const add = line.length ? word.gap + wordWidth(word) : wordWidth(word);
      if (line.length && start + used + add > avail) emit(false);
      used += line.length ? word.gap + wordWidth(word) : wordWidth(word);
      line.push(word);
    }
    if (line.length || prefix) emit(true);
  };

  const runsText = (runs: Run[]) => runs.map((r) => Array.from(r.text, (c) => faced(c, r.face, overstrike)).join('')).join('');
  const runsWidth = (runs: Run[]) => runs.reduce((n, r) => n + Array.from(r.text).length, 0);

  const block = (b: Block) => {
    switch (b.kind) {
      case 'para':
        return fill(wordsOf(b.text), INDENT);
      case 'lines':
        for (const line of b.lines) out.push(`${' '.repeat(INDENT)}${runsText(line)}`.replace(/ +$/, ''));
        return;
      case 'tagged': {
        const tag = `${' '.repeat(INDENT)}${runsText(b.tag)}`;
        if (runsWidth(b.tag) < INDENT) return fill(wordsOf(b.text), 2 * INDENT, tag, 2 * INDENT);
        out.push(tag);
        return fill(wordsOf(b.text), 2 * INDENT);
      }
    }
  };

  const name = `${page.title}(${page.section})`;
  out.push(threeParts(name, page.manual, name, width), '');
  page.sections.forEach((section, i) => {
    if (i > 0) out.push('');
    out.push(runsText([{ text: section.heading, face: 'B' }]));
    section.blocks.forEach((b, k) => {
      if (k > 0) out.push('');
      block(b);
    });
  });
  out.push('', threeParts(page.source, page.date, name, width));
  return out.map((l) => `${l}\n`).join('');
}

/** Columns a line takes on screen (overstrikes take one). */
function visibleLength(text: string): number {
  return Array.from(text.replace(/.\x08/g, '')).length;
}

/** The title line and footer: left, centre and right parts, the centre in the middle (.tl). */
export function threeParts(left: string, centre: string, right: string, width: number): string {
  const at = Math.max(left.length + 1, Math.ceil((width - centre.length) / 2));
  const head = `${left}${' '.repeat(at - left.length)}${centre}`;
  return `${head}${' '.repeat(Math.max(1, width - head.length - right.length))}${right}`;
}
