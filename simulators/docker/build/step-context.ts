// What one Dockerfile instruction sees while the build is planned: its stage's state, the
// variables in scope (ENV, then ARG), and how to expand a word and warn of an undefined variable.
import type { BuildContext } from './context';
import type { Instruction } from './dockerfile';
import { processWord } from './shell-lex';
import type { Plan } from './plan';
import type { StageScope } from './stages';
import type { StageState } from './build-types';

export const BUILDKIT = 'buildkit.dockerfile.v0';

export interface StepContext {
  plan: Plan;
  scope: StageScope;
  st: StageState;
  ins: Instruction;
  /** The index of the instruction's stage. */
  stageIndex: number;
  /** The stages already built, for COPY --from. */
  finalStates: Map<number, StageState>;
  context: BuildContext;
  /** The session BuildKit names in a missing file's error. */
  sessionRef: string;
  vars: Record<string, string>;
  /** A word after substitution; an undefined variable in it is warned of. */
  expand(text: string): string;
  undefinedVars(names: string[], at: Instruction): void;
}

/** What building a layer did: how long it took, what it added, what it printed or why it failed. */
export interface StepResult {
  ms: number;
  sizeBytes: number;
  logs?: { at: number; text: string }[];
  error?: string;
  createdBy: string;
}

/** A step that makes a layer: its cache key, and the work to do (run even when cached, for its files). */
export interface LayerStep {
  key: string;
  apply: () => StepResult;
}

const envMap = (env: string[]) => Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')), e.indexOf('=') < 0 ? '' : e.slice(e.indexOf('=') + 1)]));

export function stepContext(base: Omit<StepContext, 'vars' | 'expand' | 'undefinedVars'>): StepContext {
  const { st, ins, plan, scope } = base;
  const vars: Record<string, string> = { ...envMap(st.config.env) };
  for (const [k, v] of st.args) if (v !== undefined && !(k in vars)) vars[k] = v;
  const undefinedVars = (names: string[], at: Instruction) => {
    for (const name of names) {
      if (!plan.warnings.some((w) => w.rule === 'UndefinedVar' && w.line === at.line && w.message.includes(`'$${name}'`))) plan.warnings.push({ rule: 'UndefinedVar', message: `Usage of undefined variable '$${name}'`, line: at.line });
    }
  };
  const expand = (text: string) => {
    const r = processWord(text, vars, scope.escape);
    undefinedVars(r.unmatched, ins);
    return r.value;
  };
  return { ...base, vars, expand, undefinedVars };
}

/** Replaces only variables that have a value, leaving quotes and the rest as written (progress names). */
export function displayExpand(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string) => {
    const name = a ?? b!;
    return Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : m;
  });
}
