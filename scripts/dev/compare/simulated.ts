// The simulated side of a comparison: a fresh session per case, its files made by the same setup
// line the real side runs, then the case's lines typed one by one at its prompt.
import { createSession, type RunOptions } from '../../../simulators';
import type { Outcome } from './runner';

/** Everything the lines printed, in order, and the last one's status; a failed setup is the outcome. */
export function simulate(setup: string, lines: readonly string[], options?: RunOptions): Outcome {
  const s = createSession();
  const prepared = s.run(setup);
  if (prepared.exitCode !== 0) return { output: `setup failed: ${prepared.output}`, exitCode: -1 };
  let output = '';
  let exitCode = 0;
  for (const line of lines) {
    const r = s.run(line, options);
    output += r.output;
    exitCode = r.exitCode;
  }
  return { output, exitCode };
}
