// A fresh laptop for each test: the learner in /home/learner, the clock at Mon Mar  3 09:00:00 UTC 2025.
import { createSession, type RunOptions, type Session } from '../../../../../simulators';

/** A new session where each setup line has already run, and must have succeeded. */
export function session(...setup: string[]): Session {
  const s = createSession();
  for (const line of setup) {
    const r = s.run(line);
    if (r.exitCode !== 0) throw new Error(`setup failed: ${line}\n${r.output}`);
  }
  return s;
}

/** Runs one line in a fresh session after `setup`: { output, exitCode } as the terminal shows them. */
export function run(line: string, ...setup: string[]): { output: string; exitCode: number } {
  return session(...setup).run(line);
}

/** Runs a line with keyboard input (one chunk per read), as `s.run(line, { input })`. */
export function runWith(line: string, input: RunOptions['input'], ...setup: string[]): { output: string; exitCode: number } {
  return session(...setup).run(line, { input });
}

/** What `ls` and the prompt colour a directory with in a terminal. */
export const dir = (name: string) => `\x1b[01;34m${name}\x1b[0m`;
