// Where a command's output leaves the cursor on its row. bash draws the next prompt right there
// (`printf abc` shows `abclearner@laptop:~$ `), so the driver must know that column rather than
// clear the row. Characters move the cursor by their width (CJK and emoji take two); the escapes
// that move it (carriage return, tab stops, CSI column moves, saving and restoring as full-screen
// programs do) are followed; other escapes take no room. The count ignores the screen's width:
// the driver wraps it.

export interface OutputColumn {
  col: number;
  /** The column saved by `ESC 7`, `CSI s` or entering the alternate screen (`CSI ?1049h`). */
  saved: number;
  /** A full-screen program has the alternate screen on (`CSI ?1049h` without its `l` yet). */
  alternate?: boolean;
}

export const startOfRow: OutputColumn = { col: 0, saved: 0 };

import { glyphWidth } from '../shell/nano/text';

// CSI sequences, OSC strings, two-character escapes, or one character (a whole code point).
// eslint-disable-next-line no-control-regex
const TOKEN = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b([@-Z\\-_78])|[\s\S]/gu;

export function columnAfter(at: OutputColumn, text: string): OutputColumn {
  let { col, saved } = at;
  let alternate = Boolean(at.alternate);
  for (const m of text.matchAll(TOKEN)) {
    const [token, params, final, escape] = m;
    if (final !== undefined) {
      const [first, second] = params.split(';').map(Number);
      const n = first || 1;
      if (params === '?1049') alternate = final === 'h';
      if ((params === '?1049' && final === 'h') || (final === 's' && !params)) saved = col;
      else if ((params === '?1049' && final === 'l') || (final === 'u' && !params)) col = saved;
      else if (final === 'G' || final === '`') col = n - 1;
      else if (final === 'H' || final === 'f') col = (second || 1) - 1;
      else if (final === 'C') col += n;
      else if (final === 'D') col = Math.max(0, col - n);
      else if (final === 'E' || final === 'F') col = 0;
    } else if (escape === '7') saved = col;
    else if (escape === '8') col = saved;
    else if (escape === 'E') col = 0;
    else if (token === '\n' || token === '\r') col = 0;
    else if (token === '\t') col += 8 - (col % 8);
    else if (token === '\b') col = Math.max(0, col - 1);
    else if (token >= ' ' && token !== '\x7f' && !token.startsWith('\x1b')) col += glyphWidth(token.codePointAt(0)!);
  }
  return alternate ? { col, saved, alternate } : { col, saved };
}
