// How a command body runs. A body is a function that may return a generator: each `yield` is an
// effect the runner carries out (let simulated time pass, read terminal input). Under
// session.run() the effects resolve at once; in the browser the terminal resolves them in real
// time, so the same body prints an image pull instantly in a test and progressively on screen.
// The shapes live in command/types.ts with the specs they refer to.
import type { CommandRun } from './command/types';

export type { Pending, CommandBody, CommandContext, CommandRun, Effect, ExitCode, NestedShell, ShellProcess, Step } from './command/types';
export { Interrupted } from './interrupt';

export function isGenerator(value: unknown): value is CommandRun {
  return typeof value === 'object' && value !== null && typeof (value as CommandRun).next === 'function';
}
