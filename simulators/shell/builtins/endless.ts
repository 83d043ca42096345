// Output without end (`yes`, `seq inf`), written the way each kind of standard output takes it:
// a terminal scrolls a screenful per frame of simulated time until Ctrl-C; a pipe takes it until
// its reader has had enough (`yes | head -3`: the writer then dies of SIGPIPE, status 141); a file
// fills until the disk (FILE_LIMIT) is full. Nothing here can run past the line's work budget.
import type { CommandContext, Effect } from '../../core/process';
import { FILE_LIMIT } from '../fs';

/** Simulated time between two screenfuls on a terminal: about a frame of the browser's. */
const FRAME_MS = 16;
/** Characters written to a pipe or file at a time. */
const CHUNK = 4096;
/**
 * What a pipe takes before its reader counts as gone: Linux's pipe buffer. The stages of a pipe
 * run one after another here, so the reader's need is not known; 64 KiB covers `yes | head -n
 * 30000` and keeps `yes | head -3` quick (the shell's own limit for loops is 16 KiB).
 */
const PIPE_TAKES = 1 << 16;

/**
 * Writes the lines `next` makes (each with its end) until the output will take no more; returns
 * the status. `next` may be a string: the same line each time (yes), built by the chunk.
 */
export function* writeEndless(ctx: CommandContext, next: (() => string) | string): Generator<Effect, number, string | null> {
  const line = typeof next === 'string' ? next : undefined;
  const make = typeof next === 'string' ? () => next : next;
  if (ctx.tty) {
    for (;;) {
      let screen = '';
      for (let i = 0; i < Math.max(1, ctx.tty.rows); i++) screen += make();
      ctx.out(screen);
      yield { type: 'wait', ms: FRAME_MS, stream: true };
    }
  }
  let written = 0;
  for (;;) {
    let chunk = line ? line.repeat(Math.ceil(CHUNK / Math.max(1, line.length))) : '';
    while (chunk.length < CHUNK) chunk += make();
    ctx.out(chunk);
    written += chunk.length;
    if (written >= PIPE_TAKES && ctx.pipeFull?.()) return 141;
    // A file holds FILE_LIMIT at most: past it the shell's write fails as on a full disk.
    if (!ctx.pipeFull && written > FILE_LIMIT) return 1;
    if (ctx.budget.breathe()) yield { type: 'wait', ms: 0 };
  }
}
