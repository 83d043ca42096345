// The one way to ask whether checks pass: pages, tests and anyone else call this. A predicate that
// throws (a world its author did not foresee) counts as not passing, never as an error.
import type { World } from '../world';
import type { Check } from './types';

export interface CheckResult {
  id: string;
  passed: boolean;
}

export function evaluate(checks: readonly Check[], source: { store: { getState(): World } }): CheckResult[] {
  const world = source.store.getState();
  return checks.flatMap((check) => {
    if (check.kind !== 'state') return [];
    let passed = false;
    try {
      passed = check.passes(world) === true;
    } catch {
      passed = false;
    }
    return [{ id: check.id, passed }];
  });
}
