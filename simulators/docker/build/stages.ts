// The build's stages: the global scope (ARGs before the first FROM, with BuildKit's platform
// args), each stage's base after substitution, and which stages the target needs, in order.
import { processWord } from './shell-lex';
import type { ParsedDockerfile, Stage } from './dockerfile';
import { fail, type Plan } from './plan';

export const PLATFORM_ARGS: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
};

export interface StageScope {
  stages: Stage[];
  escape: string;
  /** Values of the global ARGs (and the platform args). */
  globalArgs: Record<string, string>;
  /** ARGs declared before the first FROM. */
  declaredGlobal: Set<string>;
  targetIndex: number;
  /** Each stage's base as written after substitution: an image, an earlier stage, or scratch. */
  baseOf: Map<number, string>;
  /** The stages the target needs, in Dockerfile order. */
  order: number[];
  /** An earlier stage by name or index, as FROM and COPY --from name them. */
  stageByName(name: string, before: number): number | undefined;
}

export function scopeStages(plan: Plan, parsed: ParsedDockerfile): StageScope {
  const { req, warnings } = plan;
  const escape = parsed.escape;
  const globalArgs: Record<string, string> = { ...PLATFORM_ARGS };
  const declaredGlobal = new Set<string>();
  for (const ins of parsed.metaArgs) {
    for (const p of ins.pairs ?? []) {
      declaredGlobal.add(p.key);
      const value = req.buildArgs[p.key] ?? (p.value === undefined ? undefined : processWord(p.value, globalArgs, escape).value);
      if (value !== undefined) globalArgs[p.key] = value;
    }
  }

  const stages = parsed.stages;
  let targetIndex = stages.length - 1;
  if (req.target) {
    targetIndex = stages.findIndex((s) => s.name === req.target!.toLowerCase());
    if (targetIndex < 0) fail(`target stage "${req.target}" could not be found`);
  }
  const stageByName = (name: string, before: number): number | undefined => {
    const lower = name.toLowerCase();
    const named = stages.findIndex((s, i) => i < before && s.name === lower);
    if (named >= 0) return named;
    if (/^\d+$/.test(name) && Number(name) < before) return Number(name);
    return undefined;
  };
  const baseOf = new Map<number, string>();
  for (const s of stages) {
    const expanded = processWord(s.base, globalArgs, escape);
    for (const name of expanded.unmatched) {
      if (!declaredGlobal.has(name)) warnings.push({ rule: 'UndefinedArgInFrom', message: `FROM argument '${name}' is not declared`, line: s.from.line });
    }
    baseOf.set(s.index, expanded.value);
  }
  const needed = new Set<number>();
  const need = (i: number) => {
    if (needed.has(i)) return;
    needed.add(i);
    const base = baseOf.get(i)!;
    const from = stageByName(base, i);
    if (from !== undefined) need(from);
    for (const c of stages[i].commands) {
      if ((c.keyword === 'COPY' || c.keyword === 'ADD') && c.flags.from) {
        const ref = processWord(c.flags.from, globalArgs, escape).value;
        const s = stageByName(ref, i);
        if (s !== undefined) need(s);
      }
    }
  };
  need(targetIndex);
  const order = [...needed].sort((a, b) => a - b);
  return { stages, escape, globalArgs, declaredGlobal, targetIndex, baseOf, order, stageByName };
}

/** Every step BuildKit will know of in a stage, for the (n/m) count: FROM and the steps that make layers. */
export const countSteps = (s: Stage) => 1 + s.commands.filter((c) => ['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(c.keyword)).length;
