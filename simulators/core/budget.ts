// One budget of work per command line, shared by every level of it: loops inside loops, brace and
// glob expansions, pipes, and programs inside containers (Python) all draw from the same count. When
// it runs out the line is cut as Ctrl-C would cut it, with what it printed so far, so no line a
// learner types can freeze the page however it nests.
import { Interrupted } from './interrupt';

/**
 * Units a line may spend. One unit is roughly one step of work (a loop pass, a word produced, a
 * Python statement, a few dozen characters built); two million of them run in about a second.
 */
export const LINE_WORK_LIMIT = 2_000_000;

/**
 * Units between two moments where a long line lets its driver breathe: the browser paints and
 * Ctrl-C gets through, however busy the line is.
 */
export const WORK_SLICE = 20_000;

/** Characters of text built (strings, output, padding) that cost one unit. */
export const CHARS_PER_UNIT = 16;

/**
 * How deeply shells may run inside one another in one line (`sh -c` inside `sh -c`, blocks inside
 * blocks): past it the line is cut, before the JavaScript stack would overflow.
 */
export const NESTING_LIMIT = 250;

/**
 * Thrown where the budget runs out. It is an interruption: whatever a program does on Ctrl-C it
 * does here too (`docker run` stops its container), and the line ends with `^C` and status 130.
 */
export class WorkExhausted extends Interrupted {
  constructor() {
    super();
    this.message = 'work budget exhausted';
  }
}

/**
 * Whether `e` is the JavaScript engine running out of stack (V8 and JavaScriptCore throw a
 * RangeError, SpiderMonkey an InternalError): past NESTING_LIMIT a smaller stack than ours may
 * still end, and then the line is cut as if its budget had run out.
 */
export function isStackOverflow(e: unknown): boolean {
  if (!(e instanceof Error) || !(e.name === 'InternalError' || e instanceof RangeError)) return false;
  // No regular expression here: compiling one at the end of the stack can itself fail fatally.
  const message = e.message.toLowerCase();
  return message.includes('call stack') || message.includes('too much recursion');
}

export interface WorkBudget {
  /** Draws `units` of work (default 1); throws WorkExhausted when none is left. */
  spend(units?: number): void;
  /** Draws the work of building `chars` characters of text, before they are built. */
  spendText(chars: number): void;
  /**
   * True once a slice of work has been spent since it last said so: the caller (a generator)
   * should then yield a zero-length wait, so the browser breathes.
   */
  breathe(): boolean;
  /** One level deeper (a script inside a block or a shell); throws WorkExhausted past NESTING_LIMIT. */
  enter(): void;
  leave(): void;
  /** Units used so far. */
  readonly used: number;
  readonly limit: number;
}

export function workBudget(limit = LINE_WORK_LIMIT): WorkBudget {
  let used = 0;
  let breathed = 0;
  let depth = 0;
  const spend = (units = 1) => {
    used += units;
    if (used > limit) throw new WorkExhausted();
  };
  return {
    spend,
    spendText: (chars) => spend(Math.ceil(Math.max(0, chars) / CHARS_PER_UNIT)),
    breathe() {
      if (used - breathed < WORK_SLICE) return false;
      breathed = used;
      return true;
    },
    enter() {
      if (++depth > NESTING_LIMIT) {
        depth--;
        throw new WorkExhausted();
      }
    },
    leave() {
      depth = Math.max(0, depth - 1);
    },
    get used() {
      return used;
    },
    limit,
  };
}

/** A budget that never runs out, for work the simulator does on its own behalf (scenario data). */
export const UNLIMITED: WorkBudget = { spend() {}, spendText() {}, breathe: () => false, enter() {}, leave() {}, used: 0, limit: Infinity };

/**
 * Most characters one piece of text may hold (a variable, a word, what a substitution captured):
 * past it the allocation fails as bash's malloc fails when memory runs out. Four million
 * characters are 8 MB in a browser's strings, where the page must go on living.
 */
export const TEXT_LIMIT = 1 << 22;

/** An allocation past TEXT_LIMIT: the line ends with bash's `xmalloc: cannot allocate N bytes`. */
export class OutOfMemory extends Error {
  constructor(readonly bytes: number) {
    super(`xmalloc: cannot allocate ${bytes} bytes`);
  }
}

/** Checks, before building it, that a text of `chars` characters may exist, and pays for building it. */
export function allocateText(budget: WorkBudget, chars: number): void {
  if (chars > TEXT_LIMIT) throw new OutOfMemory(chars + 1);
  budget.spendText(chars);
}
