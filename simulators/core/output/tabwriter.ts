// Column alignment as Go's text/tabwriter does it, because docker and kubectl print every table
// through it: cells end at a tab, a column is as wide as its widest cell plus padding (never less
// than minWidth), and a column only aligns across the consecutive lines that have that cell.

export interface TabwriterOptions {
  /** Minimal cell width, padding included. */
  minWidth: number;
  /** Added to the widest cell of a column. */
  padding: number;
}

/** docker/cli's formatter: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0). */
export const DOCKER_TABLE: TabwriterOptions = { minWidth: 10, padding: 3 };
/** kubectl's printers: tabwriter.NewWriter(out, 6, 4, 3, ' ', RememberWidths). */
export const KUBECTL_TABLE: TabwriterOptions = { minWidth: 6, padding: 3 };

const SURROGATE = /[\uD800-\uDFFF]/;
/** Characters, not UTF-16 units (Go counts runes); most cells have no surrogate pair. */
const width = (s: string) => {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Aligns tab-separated text. Lines end with '\n'; the last cell of a line is never padded. */
export function tabwrite(text: string, options: TabwriterOptions): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  // Each cell's width, measured once: tables of a thousand rows are measured and padded per column.
  const widthsOf = lines.map((cells) => cells.map(width));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let row = '';
      for (let j = 0; j < cells.length; j++) {
        row += cells[j];
        if (j < widths.length && j < cells.length - 1) row += ' '.repeat(Math.max(0, widths[j] - widthsOf[i][j]));
      }
      out.push(row);
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  // Mirrors the recursion of tabwriter's format(): find a block of lines sharing this column,
  // size it, then format the columns to its right within that block.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(start, i);
      start = i;
      let colWidth = options.minWidth;
      for (; i < line1; i++) {
        const cells = lines[i];
        if (column >= cells.length - 1) break;
        colWidth = Math.max(colWidth, widthsOf[i][column] + options.padding);
      }
      widths.push(colWidth);
      format(start, i);
      widths.pop();
      start = i;
      i--; // the outer loop's i++ must land on the line that ended the block
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('');
}

/** Formats rows of cells into an aligned table ending with a newline. */
export function formatTable(rows: readonly (readonly string[])[], options: TabwriterOptions): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', options);
}
