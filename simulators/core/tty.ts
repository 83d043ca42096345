// Reading typed lines the way a terminal in canonical mode delivers them to a program (`cat` with
// no file, a password prompt): the terminal echoes keys, Backspace edits, Enter ends a line and
// Ctrl-D on an empty line ends the input.
import type { CommandContext, Effect } from './process';

export interface LineReader {
  /** The next line without its newline, or null at end of input. */
  next(ctx: Pick<CommandContext, 'screen'>, options?: { echo?: boolean }): Generator<Effect, string | null, string | null>;
}

export function lineReader(): LineReader {
  let pending = '';
  let ended = false;
  return {
    *next(ctx, options = {}) {
      const echo = options.echo ?? true;
      let line = '';
      for (;;) {
        while (pending.length) {
          const ch = pending[0];
          pending = pending.slice(1);
          if (ch === '\x1b') {
            // Swallow an escape sequence (arrow keys): canonical input has no use for it.
            const m = /^(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(pending);
            if (m) pending = pending.slice(m[0].length);
            continue;
          }
          if (ch === '\r' || ch === '\n') {
            if (ch === '\r' && pending[0] === '\n') pending = pending.slice(1);
            ctx.screen('\r\n');
            return line;
          }
          if (ch === '\x04') {
            if (line === '') {
              ended = true;
              return null;
            }
            continue;
          }
          if (ch === '\x7f' || ch === '\b') {
            if (line.length) {
              line = line.slice(0, -1);
              if (echo) ctx.screen('\b \b');
            }
            continue;
          }
          if (ch < ' ' && ch !== '\t') continue;
          line += ch;
          if (echo) ctx.screen(ch);
        }
        if (ended) return line === '' ? null : line;
        const chunk: string | null = yield { type: 'read' };
        if (chunk === null) {
          ended = true;
          return line === '' ? null : line;
        }
        pending += chunk;
      }
    },
  };
}
