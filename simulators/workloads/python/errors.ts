// What stops Python code: its exceptions (printed as a traceback), sys.exit, and Unsupported for
// code outside the subset we model.
import type { Expr } from './types';

/** Code this small Python does not model: callers fall back to a plainer guess or say so plainly. */
export class Unsupported extends Error {}

/** A Python exception that escaped to the top: printed as a traceback, exit code 1. */
export class PyException extends Error {
  /** The frames it passed through, innermost first, as the interpreter records them. */
  readonly frames: TraceFrame[] = [];
  /** The innermost expression it came out of in the frame being left (for that frame's carets). */
  pendingExpr?: Expr;
  /** How many frames were running where it was last recorded. */
  recordedDepth?: number;
  constructor(
    readonly type: string,
    readonly detail: string,
    public line = 0,
    /** Raised while compiling, before any code ran: printed as one line, without a traceback. */
    readonly bare = false,
    /** A SyntaxError's column (0-based), where CPython draws its caret. */
    readonly col?: number,
  ) {
    super(`${type}: ${detail}`);
  }
}

/** One line of a traceback: a frame's function, the line it was running and the expression that failed. */
export interface TraceFrame {
  name: string;
  line: number;
  expr?: Expr;
}

export class SysExit extends Error {
  constructor(readonly code: number, readonly text?: string) {
    super('exit');
  }
}
