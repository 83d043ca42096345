// `watch docker ps`, `watch -n 1 -d 'ls -l'`: procps-ng 4.0.4's watch. Full screen (the alternate
// screen, as curses gives it), it runs its command through sh every interval of simulated time
// and redraws: the header, then what the command printed (simulators/shell/watch). Containers
// that start and stop between two runs show up in the next one. Ctrl-C ends it with status 0, as
// watch exits quietly on SIGINT, and the shell's screen comes back.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { CONTINUED, Interrupted, takeTerminal, type CommandContext, type Effect } from '../../core/process';
import { drawScreen, textCells, type Row } from '../pager/screen';
import { parseWatch, USAGE, type WatchOptions } from '../watch/options';
import { runCaptured, shellQuote } from '../watch/run';
import { changedSince, gridRows, headerRow, highlightChanges, outputGrid, type Grid } from '../watch/screen';
import { strftime } from './date';

/** ctime's text, as watch's header shows the time: `Mon Mar  3 09:00:00 2025`. */
const ctime = (ms: number) => strftime('%a %b %e %H:%M:%S %Y', ms);

const ENTER = '\x1b[?1049h';
const LEAVE = '\x1b[?1049l';

function* watch(ctx: CommandContext, options: WatchOptions): Generator<Effect, number, string | null> {
  const tty = ctx.tty ?? { cols: 80, rows: 24 };
  // On a terminal watch draws on it; in a pipe curses writes the same screens into the pipe.
  const draw = (text: string) => (ctx.tty ? ctx.screen(text) : ctx.out(text));
  const look = { cols: tty.cols, rows: tty.rows, title: options.title, wrap: options.wrap, color: options.color };
  const command = options.command.join(' ');
  const line = options.exec ? options.command.map(shellQuote).join(' ') : command;
  let previous: Grid | null = null;
  let highlighted: boolean[][] | null = null;
  let unchanged = 0;
  let first = true;
  yield* takeTerminal(ctx);
  draw(ENTER);
  try {
    for (;;) {
      const started = ctx.world().clock.now;
      const header: Row = options.title ? headerRow(options.intervalSeconds, command, ctx.machine.identity().hostname, ctime(started), tty.cols) : [];
      // The learner typed watch once: its first run goes in the record of commands, not every rerun.
      const { output, status } = yield* runCaptured(ctx, line, first && Boolean(ctx.recording));
      const grid = outputGrid(output, look);
      if (options.differences) highlighted = highlightChanges(grid, previous, options.cumulative, highlighted);
      const rows: Row[] = [...(options.title ? [header, []] : []), ...gridRows(grid, highlighted)];
      const changed = previous !== null && changedSince(grid, previous);
      const failed = status !== 0;
      if (failed && options.errexit) {
        rows[tty.rows - 1] = textCells('command exit with a non-zero status, press a key to exit');
        draw(drawScreen(rows, tty.cols, { row: tty.rows - 1, col: Math.min(tty.cols - 1, 56) }) + (options.beep ? '\x07' : ''));
        yield { type: 'read', raw: true };
        return 8;
      }
      draw(drawScreen(rows, tty.cols, { row: tty.rows - 1, col: 0 }) + (failed && options.beep ? '\x07' : ''));
      if (options.chgexit && changed) return 0;
      if (options.equexit !== null) {
        // watch.c counts the first screen as unchanged too, and ends at an unchanged run that
        // follows -q such runs in a row.
        if (changed) unchanged = 0;
        else if (unchanged === options.equexit) return 0;
        else unchanged++;
      }
      previous = grid;
      first = false;
      // -p keeps to the interval from one start to the next; else watch sleeps a whole interval after each run.
      const elapsed = ctx.world().clock.now - started;
      const wait = options.precise ? Math.max(0, options.intervalMs - elapsed) : options.intervalMs;
      const woke: string | null = yield { type: 'wait', ms: wait, stream: true };
      // Back from Ctrl-Z (fg): curses takes the screen again on SIGCONT, and watch runs at once.
      if (woke === CONTINUED) draw(ENTER);
    }
  } catch (e) {
    // Ctrl-C: watch catches SIGINT and exits with status 0, so the rest of the line goes on.
    if (e instanceof Interrupted) return 0;
    throw e;
  } finally {
    draw(LEAVE);
  }
}

export const watchCommand: CommandSpec = {
  name: 'watch',
  summary: 'execute a program periodically, showing output fullscreen',
  usage: '[options] command',
  description:
    'Run COMMAND again and again, every 2 seconds (-n SECS), showing its output on the whole\nscreen with the time at the top.  Ctrl-C ends it.',
  dialect: gnu,
  rawArgs: true,
  helpIsArg: true,
  flags: [
    { long: 'beep', short: 'b', type: 'bool', description: 'beep if command has a non-zero exit' },
    { long: 'color', short: 'c', type: 'bool', description: 'interpret ANSI color and style sequences' },
    { long: 'no-color', short: 'C', type: 'bool', description: 'do not interpret ANSI color and style sequences' },
    { long: 'differences', short: 'd', type: 'string', implicit: '', valueName: 'permanent', description: 'highlight changes between updates' },
    { long: 'errexit', short: 'e', type: 'bool', description: 'exit if command has a non-zero exit' },
    { long: 'chgexit', short: 'g', type: 'bool', description: 'exit when output from command changes' },
    { long: 'equexit', short: 'q', type: 'string', valueName: 'cycles', description: 'exit when output from command does not change' },
    { long: 'interval', short: 'n', type: 'string', valueName: 'secs', description: 'seconds to wait between updates' },
    { long: 'precise', short: 'p', type: 'bool', description: 'attempt run command in precise intervals' },
    { long: 'no-rerun', short: 'r', type: 'bool', description: 'do not rerun program on window resize' },
    { long: 'no-title', short: 't', type: 'bool', description: 'turn off header' },
    { long: 'no-wrap', short: 'w', type: 'bool', description: 'turn off line wrapping' },
    { long: 'exec', short: 'x', type: 'bool', description: 'pass command to exec instead of "sh -c"' },
    { long: 'version', short: 'v', type: 'bool', description: 'output version information and exit' },
  ],
  args: [{ name: 'command', variadic: true, complete: 'command' }],
  *run(ctx) {
    const parsed = parseWatch(ctx.command.args, ctx.env);
    if (parsed.kind === 'help') {
      ctx.out(USAGE);
      return 0;
    }
    if (parsed.kind === 'version') {
      ctx.out('watch from procps-ng 4.0.4\n');
      return 0;
    }
    if (parsed.kind === 'error') {
      ctx.err(parsed.message);
      return 1;
    }
    return yield* watch(ctx, parsed.options);
  },
};
