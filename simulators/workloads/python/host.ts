// What builtins and modules may ask of the running interpreter.
import type { PyRunOptions } from './options';
import type { PyValue } from './types';

export interface PyHost {
  readonly opts: PyRunOptions;
  write(stream: 'stdout' | 'stderr', text: string): void;
  /** sys.exit / exit(): ends the program with this code (None 0, an int itself, anything else printed and 1). */
  exit(code: PyValue | undefined): never;
  /** time.sleep: simulated time passes. */
  sleep(ms: number): void;
  /** Simulated ms since the program started. */
  readonly elapsed: number;
  /** Draws work from the line's budget (sorting: n log n), when there is one. */
  spend(units: number): void;
}
