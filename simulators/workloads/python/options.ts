// What a Python program runs with (its file, environment, modules, budget) and what comes out.
import type { WorkBudget } from '../../core/budget';
import type { PyModule, PyValue } from './types';

/** All the interpreter asks of a work budget. */
export type Spender = Pick<WorkBudget, 'spend'>;

export interface PyRunOptions {
  /** The file as the traceback names it (/app/app.py). */
  file: string;
  env: Record<string, string>;
  cwd: string;
  argv?: string[];
  /**
   * The work budget of the command line running this program: every statement, loop pass, call
   * and object built spends from it, and when it runs out WorkExhausted ends the run (the line is
   * cut as Ctrl-C would cut it). Without one, maxSteps bounds the run instead.
   */
  budget?: Spender;
  /** Without a budget: Python stops after this many steps with Unsupported (an endless loop). */
  maxSteps?: number;
  /** Modules that import fine (installed packages); others raise ModuleNotFoundError. */
  installed?: (module: string) => boolean;
  /** What `import flask` and friends give: lets the caller stub frameworks. */
  modules?: Record<string, PyModule>;
  /**
   * Reading a module for its values rather than running it: classes and `with` blocks are passed
   * over, decorators ignored, and a statement this subset cannot run is skipped instead of ending
   * the run.
   */
  lenient?: boolean;
}

export interface PyOutcome {
  output: { stream: 'stdout' | 'stderr'; text: string; atMs: number }[];
  exitCode: number;
  /** Simulated time the script took (time.sleep). */
  ms: number;
  /** True when the work budget ran out: output is what was printed until then (the line is then cut as by Ctrl-C). */
  interrupted?: boolean;
  /** Module-level names after the run (for route handlers to use). */
  globals: Map<string, PyValue>;
}
