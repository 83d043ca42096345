// Named starting worlds. A lesson's terminal names one of these; tests start from them too.
import { buildLaptop } from './laptop';
import type { ScenarioSpec } from './types';
import type { World } from '../world';

export const SCENARIOS: Record<string, ScenarioSpec> = {
  laptop: { id: 'laptop', title: "The learner's laptop: a bash shell in an empty home directory" },
};

export const DEFAULT_SCENARIO = 'laptop';

export function scenarioIds(): string[] {
  return Object.keys(SCENARIOS);
}

export function buildScenario(id: string, seed: number): World {
  const spec = SCENARIOS[id];
  if (!spec) throw new Error(`unknown scenario "${id}" (known: ${scenarioIds().join(', ')})`);
  return buildLaptop(spec, seed);
}
