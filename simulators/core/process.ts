// How a command body runs. A body is a function that may return a generator: each `yield` is an
// effect the runner carries out (let simulated time pass, read terminal input). Under
// session.run() the effects resolve at once; in the browser the terminal resolves them in real
// time, so the same body prints an image pull instantly in a test and progressively on screen.
// The shapes live in command/types.ts with the specs they refer to.
import type { CommandContext, CommandRun, Effect } from './command/types';

export type { Pending, CommandBody, CommandContext, CommandRun, Effect, ExitCode, NestedShell, ShellProcess, Step } from './command/types';
export { Interrupted } from './interrupt';

export function isGenerator(value: unknown): value is CommandRun {
  return typeof value === 'object' && value !== null && typeof (value as CommandRun).next === 'function';
}

/**
 * What a full-screen program (less, watch, nano) does before it draws: takes the terminal over.
 * In the foreground that is at once; in a background job the job stops here, as SIGTTOU stops a
 * real one, and goes on when `fg` gives it the terminal.
 */
export function* takeTerminal(ctx: Pick<CommandContext, 'background' | 'tty'>): Generator<Effect, void, string | null> {
  if (ctx.background && ctx.tty) yield { type: 'read', raw: true, takeover: true };
}

/**
 * What a waiting full-screen program is resumed with when `fg` brings it back after Ctrl-Z (curses'
 * SIGCONT): it takes its screen again and draws it whole, rather than waiting on blind.
 */
export const CONTINUED = '\u0000SIGCONT';
