import { describe, expect, it } from 'vitest';
import { CHARS_PER_UNIT, NESTING_LIMIT, OutOfMemory, TEXT_LIMIT, WORK_SLICE, WorkExhausted, allocateText, isStackOverflow, workBudget } from '../../../../simulators/core/budget';
import { Interrupted } from '../../../../simulators/core/process';

describe('work budget', () => {
  it('counts what is spent and throws once past its limit, as an interruption', () => {
    const budget = workBudget(10);
    budget.spend(4);
    budget.spend();
    expect(budget.used).toBe(5);
    budget.spend(5);
    expect(budget.used).toBe(10);
    let thrown: unknown;
    try {
      budget.spend();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(WorkExhausted);
    expect(thrown).toBeInstanceOf(Interrupted);
  });

  it('pays text by the character, rounded up', () => {
    const budget = workBudget(100);
    budget.spendText(1);
    budget.spendText(CHARS_PER_UNIT * 3);
    budget.spendText(0);
    expect(budget.used).toBe(4);
  });

  it('says to breathe once per slice of work, not more often', () => {
    const budget = workBudget(10 * WORK_SLICE);
    const breaths: number[] = [];
    for (let i = 1; i <= 3 * WORK_SLICE; i++) {
      budget.spend();
      if (budget.breathe()) breaths.push(i);
    }
    expect(breaths).toEqual([WORK_SLICE, 2 * WORK_SLICE, 3 * WORK_SLICE]);
  });

  it('refuses to nest past its limit, and gives the level back on leave', () => {
    const budget = workBudget();
    for (let i = 0; i < NESTING_LIMIT; i++) budget.enter();
    expect(() => budget.enter()).toThrow(WorkExhausted);
    budget.leave();
    expect(() => budget.enter()).not.toThrow();
  });

  it('lets no text past TEXT_LIMIT be built, naming the bytes as bash does (length plus its NUL)', () => {
    const budget = workBudget(Infinity);
    allocateText(budget, TEXT_LIMIT);
    expect(() => allocateText(budget, TEXT_LIMIT + 1)).toThrow(new OutOfMemory(TEXT_LIMIT + 2));
    expect(new OutOfMemory(TEXT_LIMIT + 2).message).toBe(`xmalloc: cannot allocate ${TEXT_LIMIT + 2} bytes`);
  });

  it('knows the engine running out of stack from other errors', () => {
    const overflow = (): number => overflow() + 1;
    let caught: unknown;
    try {
      overflow();
    } catch (e) {
      caught = e;
    }
    expect(isStackOverflow(caught)).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid array length'))).toBe(false);
    expect(isStackOverflow(Object.assign(new Error('too much recursion'), { name: 'InternalError' }))).toBe(true);
  });
});
