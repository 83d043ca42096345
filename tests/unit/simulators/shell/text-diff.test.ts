// GNU diff's line matching (analyze.c over diffseq.h): minimal edit scripts, its tie-breaking by
// shift_boundaries, its horizon round the identical ends, and the work budget.
import { describe, expect, it } from 'vitest';
import { WorkExhausted, workBudget } from '../../../../simulators/core/budget';
import { diffSequences } from '../../../../simulators/shell/text-diff';

const diff = (a: string, b: string, horizon = 0) => diffSequences([...a], [...b], workBudget(), horizon);

describe('diffSequences', () => {
  it('finds nothing between equal sequences', () => {
    expect(diff('abc', 'abc')).toEqual([]);
    expect(diff('', '')).toEqual([]);
  });

  it('finds insertions, deletions and changes, in order', () => {
    expect(diff('abc', 'abxc')).toEqual([{ line0: 2, line1: 2, deleted: 0, inserted: 1 }]);
    expect(diff('abc', 'ac')).toEqual([{ line0: 1, line1: 1, deleted: 1, inserted: 0 }]);
    expect(diff('abcde', 'aXcdY')).toEqual([
      { line0: 1, line1: 1, deleted: 1, inserted: 1 },
      { line0: 4, line1: 4, deleted: 1, inserted: 1 },
    ]);
    expect(diff('', 'ab')).toEqual([{ line0: 0, line1: 0, deleted: 0, inserted: 2 }]);
  });

  it('slides a run of changes down to merge it, as GNU prints it', () => {
    // x a b a b y -> x a b y: GNU deletes the second "a b" (lines 4-5), not the first.
    expect(diff('xababy', 'xaby')).toEqual([{ line0: 3, line1: 3, deleted: 2, inserted: 0 }]);
  });

  it('keeps `horizon` identical lines round the search, which may move a change', () => {
    // GNU diff prints this pair's last insertion as 5a7 in the normal format but after line 6 of
    // the first file with -u, whose three context lines let shift_boundaries move it.
    const a = ['c', 'e', 'a', 'd', 'b', ''];
    const b = ['c', '', 'a', 'd', 'c', 'b', '', ''];
    expect(diffSequences(a, b, workBudget(), 0).at(-1)).toEqual({ line0: 5, line1: 6, deleted: 0, inserted: 1 });
    expect(diffSequences(a, b, workBudget(), 3).at(-1)).toEqual({ line0: 6, line1: 7, deleted: 0, inserted: 1 });
  });

  it('stays minimal on small inputs with many ties', () => {
    const changes = diff('abababab', 'babababa');
    const cost = changes.reduce((n, c) => n + c.deleted + c.inserted, 0);
    expect(cost).toBe(2);
  });

  it('pays every step from the budget: a huge comparison is cut, not run', () => {
    // (Lines with no match anywhere are set aside at once: these all match somewhere.)
    const a = Array.from({ length: 20_000 }, (_, i) => String(i % 7));
    const b = Array.from({ length: 20_000 }, (_, i) => String((i * 3) % 7));
    expect(() => diffSequences(a, b, workBudget(50_000))).toThrow(WorkExhausted);
  });
});
