// The builder: runs a Dockerfile's stages the way BuildKit does and works out, ahead of time, the
// whole build as a timeline of progress vertices (what `docker build` shows), the layers and the
// image it makes, and the changes to the engine's state (build cache, images).
//
// The layer cache is real: each step has a key made of its parent's key and its own inputs (the
// instruction after ARG/ENV substitution, the environment and user a RUN sees, and for COPY/ADD
// the content of every file copied). A step whose key is in `buildCache` is CACHED; one change
// makes that step and every step after it run again.
//
// Base images: a FROM image found locally is used as is (no digest in the step's name, metadata
// loads in 0.0s); otherwise BuildKit resolves it from the registry (`FROM ...@sha256:...` with a
// `resolve` line) and, the first time, downloads its layers into the build cache. As with
// Docker 28's default (classic) image store, a base image pulled by a build is NOT added to
// `docker images`; it stays in the build cache, so later builds do not download it again.
//
// The phases, each in its own file: definition.ts (the Dockerfile and its frontend), stages.ts
// (build args, which stages), base-images.ts (resolving bases, FROM), build-context.ts (what the
// context sends), metadata-steps.ts, workdir-step.ts, copy-step.ts and run-instruction.ts (the
// instructions), layer-cache.ts (cached or run), export-image.ts (the image).
import type { World } from '../../world';
import { base36Id } from '../../core/hash';
import { LexError } from './shell-lex';
import { fromStep, resolveBases, stageStart } from './base-images';
import { loadContext, loadDockerignore, usesContext } from './build-context';
import { copyStep } from './copy-step';
import { loadDefinition } from './definition';
import { exportImage } from './export-image';
import { buildLayer } from './layer-cache';
import { metadataStep } from './metadata-steps';
import { Failed, finish, newPlan } from './plan';
import { runInstruction } from './run-instruction';
import { countSteps, scopeStages } from './stages';
import { displayExpand, stepContext } from './step-context';
import { workdirStep } from './workdir-step';
import type { BuildOutcome, BuildRequest, StageState } from './build-types';

export type { BuildOutcome, BuildRequest, Status, Vertex } from './build-types';

export function planBuild(world: World, req: BuildRequest): BuildOutcome {
  const plan = newPlan(world, req);
  const parsed = loadDefinition(plan);
  if (!('stages' in parsed)) return parsed;
  try {
    const scope = scopeStages(plan, parsed);
    const { stages, order, globalArgs, escape } = scope;
    const bases = resolveBases(plan, scope);
    const { sources } = bases;
    const { context, vertex: ignoreVertex } = loadDockerignore(plan, bases.metaStart);
    plan.t = Math.max(bases.metaEnd, ignoreVertex.end);

    // Every step BuildKit will know of, for the (n/m) count.
    plan.total = plan.vertices.length + order.reduce((n, i) => n + countSteps(stages[i]) - (['stage', 'scratch'].includes(sources.get(i)!.kind) ? 1 : 0), 0);
    const copiesContext = usesContext(stages, order);
    if (copiesContext) plan.total++;

    const metaError = bases.metaVertices.find((m) => m.error);
    if (metaError) {
      metaError.v.error = metaError.error;
      plan.t = metaError.v.end;
      // The others were still being resolved: BuildKit cancels them.
      for (const m of bases.metaVertices) if (m !== metaError && m.v.end > plan.t) m.v.end = plan.t;
      return finish(plan, { message: metaError.error!, source: { start: metaError.stage.from.line, end: metaError.stage.from.endLine }, vertex: metaError.v });
    }

    // ---- run the stages
    const finalStates = new Map<number, StageState>();
    const multi = stages.length > 1;
    let contextLoaded = false;
    const neededStages = order.map((k) => stages[k]);
    const sessionRef = `${base36Id(`session:${req.contextDir}:${plan.startAt}`)}::${base36Id(`ref:${req.contextDir}:${plan.startAt}`)}`;

    for (const i of order) {
      const stage = stages[i];
      const src = sources.get(i)!;
      const n = countSteps(stage);
      const width = String(n).length;
      const prefix = stage.name ? `${stage.name} ` : multi ? `stage-${i} ` : '';
      const label = (step: number) => `[${prefix}${String(step).padStart(width)}/${n}]`;
      const st = stageStart(plan, stage, src, prefix, n, finalStates);
      if (src.kind === 'local' || src.kind === 'remote') {
        const fromStart = plan.t + 1;
        plan.t = fromStep(plan, src, label(1));
        if (copiesContext && !contextLoaded) {
          contextLoaded = true;
          plan.t = Math.max(plan.t, loadContext(plan, fromStart + 2, neededStages, context, globalArgs, escape));
        }
      }
      if ((src.kind === 'stage' || src.kind === 'scratch') && copiesContext && !contextLoaded) {
        contextLoaded = true;
        plan.t = loadContext(plan, plan.t + 1, neededStages, context, globalArgs, escape);
      }

      // The steps.
      for (const ins of stage.commands) {
        const c = stepContext({ plan, scope, st, ins, stageIndex: i, finalStates, context, sessionRef });
        const shown = `${ins.keyword}${displayExpand(ins.original.trim().slice(ins.written.length), c.vars)}`;
        if (metadataStep(c)) continue;
        // Steps that make a layer: WORKDIR, COPY, ADD, RUN.
        st.step++;
        const name = `${label(st.step)} ${shown}`;
        const start = plan.t + 1;
        const step = ins.keyword === 'WORKDIR' ? workdirStep(c) : ins.keyword === 'COPY' || ins.keyword === 'ADD' ? copyStep(c, name, start) : runInstruction(c, start);
        buildLayer(plan, st, ins, name, start, step);
      }
      finalStates.set(i, st);
    }

    return finish(plan, undefined, exportImage(plan, finalStates.get(scope.targetIndex)!));
  } catch (e) {
    if (e instanceof Failed) return finish(plan, e.error);
    if (e instanceof LexError) return finish(plan, { message: e.message });
    throw e;
  }
}
