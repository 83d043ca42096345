// Names laid out in columns, filled down then across, as wide as the terminal allows: GNU ls's
// default layout, which bash also uses to list Tab completions.

/** Lays names out in columns down then across, as wide as the terminal allows (GNU ls -C). */
export function columns(names: string[], widths: number[], termWidth: number): string {
  if (!names.length) return '';
  let best = 1;
  let bestWidths = [Math.max(...widths)];
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const actualCols = Math.ceil(names.length / rows);
    const colWidths: number[] = [];
    for (let c = 0; c < actualCols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const i = c * rows + r;
        if (i < names.length) w = Math.max(w, widths[i]);
      }
      colWidths.push(w);
    }
    const total = colWidths.reduce((a, b) => a + b, 0) + 2 * (actualCols - 1);
    if (total <= termWidth) {
      best = actualCols;
      bestWidths = colWidths;
      break;
    }
  }
  const rows = Math.ceil(names.length / best);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < best; c++) {
      const i = c * rows + r;
      if (i >= names.length) break;
      const next = (c + 1) * rows + r;
      line += names[i] + (next < names.length ? ' '.repeat(bestWidths[c] - widths[i] + 2) : '');
    }
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

