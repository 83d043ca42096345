// One budget of work per command line, shared by every level of it: loops inside loops, brace and
// glob expansions, pipes, and programs inside containers (Python) all draw from the same count. When
// it runs out the line is cut as Ctrl-C would cut it, with what it printed so far, so no line a
// learner types can freeze the page however it nests.

/**
 * Units a line may spend. One unit is roughly one step of work (a loop pass, a word produced, a
 * Python statement); two million of them run in well under a second on a slow laptop.
 */
export const LINE_WORK_LIMIT = 2_000_000;

/** Thrown where the budget runs out; the line's runner treats it as Ctrl-C. */
export class WorkExhausted extends Error {
  constructor() {
    super('work budget exhausted');
  }
}

export interface WorkBudget {
  /** Draws `units` of work (default 1); throws WorkExhausted when none is left. */
  spend(units?: number): void;
  /** Units used so far. */
  readonly used: number;
  readonly limit: number;
}

export function workBudget(limit = LINE_WORK_LIMIT): WorkBudget {
  let used = 0;
  return {
    spend(units = 1) {
      used += units;
      if (used > limit) throw new WorkExhausted();
    },
    get used() {
      return used;
    },
    limit,
  };
}

/** A budget that never runs out, for work the simulator does on its own behalf (scenario data). */
export const UNLIMITED: WorkBudget = { spend() {}, used: 0, limit: Infinity };
