// Named starting worlds. A lesson's terminal names one of these; tests start from them too.
import { buildLaptop } from './laptop';
import type { ScenarioSpec } from './types';
import { MYAPP_DIR, MYAPP_FILES } from './myapp';
import type { World } from '../world';

export const SCENARIOS: Record<string, ScenarioSpec> = {
  laptop: { id: 'laptop', title: "The learner's laptop: a bash shell in an empty home directory" },
  'myapp-source': {
    id: 'myapp-source',
    title: 'The laptop, in a folder holding a small Flask app, its requirements and a Dockerfile',
    files: MYAPP_FILES,
    cwd: MYAPP_DIR,
  },
  'myapp-built': {
    id: 'myapp-built',
    title: 'The laptop with the Flask app already built as myapp:1.0',
    files: MYAPP_FILES,
    cwd: MYAPP_DIR,
    setup: ['docker build -t myapp:1.0 .'],
    settleMs: 5 * 60_000,
  },
};

export function scenarioSpec(id: string): ScenarioSpec {
  const spec = SCENARIOS[id];
  if (!spec) throw new Error(`unknown scenario "${id}" (known: ${scenarioIds().join(', ')})`);
  return spec;
}

export const DEFAULT_SCENARIO = 'laptop';

export function scenarioIds(): string[] {
  return Object.keys(SCENARIOS);
}

export function buildScenario(id: string, seed: number): World {
  return buildLaptop(scenarioSpec(id), seed);
}
