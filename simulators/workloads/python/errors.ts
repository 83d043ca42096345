// What stops Python code: its exceptions (printed as a traceback), sys.exit, the control-flow
// signals of return/break/continue, and Unsupported for code outside the subset we model.
import type { PyValue } from './values';

/** Code this small Python does not model: callers fall back to a plainer guess or say so plainly. */
export class Unsupported extends Error {}

/** A Python exception that escaped to the top: printed as a traceback, exit code 1. */
export class PyException extends Error {
  constructor(
    readonly type: string,
    readonly detail: string,
    public line = 0,
  ) {
    super(`${type}: ${detail}`);
  }
}

export class SysExit extends Error {
  constructor(readonly code: number, readonly text?: string) {
    super('exit');
  }
}

export class ReturnSignal {
  constructor(readonly value: PyValue) {}
}
export class BreakSignal {}
export class ContinueSignal {}
