// The layer cache: a step whose key the cache holds is CACHED (its layer reused, with the time it
// was first made); otherwise it runs, and what it made is added under its key. Either way its work
// is applied, so later steps see its files.
import { digestOf } from '../../core/hash';
import type { Instruction } from './dockerfile';
import { addVertex, fail, type Plan } from './plan';
import { BUILDKIT, type LayerStep } from './step-context';
import type { CacheEntry, StageState } from './build-types';

/** Runs or reuses the step named `name` at `start`, and moves the stage's key on to the step's. */
export function buildLayer(plan: Plan, st: StageState, ins: Instruction, name: string, start: number, step: LayerStep): void {
  const { req, cache, newCache, startAt } = plan;
  const { key } = step;
  const hit = !req.noCache ? cache[key] ?? newCache[key] : undefined;
  const result = step.apply();
  if (hit) {
    addVertex(plan, name, start, start, { cached: true });
    st.layers.push({ digest: hit.digest, sizeBytes: hit.sizeBytes });
    st.history.push({ created: hit.created, createdBy: result.createdBy, sizeBytes: hit.sizeBytes, emptyLayer: false, comment: BUILDKIT });
  } else {
    const v = addVertex(plan, name, start, start + result.ms, { logs: result.logs ?? [] });
    plan.t = v.end;
    if (result.error) {
      v.error = result.error;
      fail(result.error, ins, v);
    }
    const entry: CacheEntry = { digest: digestOf(`layer|${key}|${startAt + start}`), sizeBytes: result.sizeBytes, created: startAt + start };
    newCache[key] = entry;
    st.layers.push({ digest: entry.digest, sizeBytes: entry.sizeBytes });
    st.history.push({ created: entry.created, createdBy: result.createdBy, sizeBytes: entry.sizeBytes, emptyLayer: false, comment: BUILDKIT });
  }
  st.key = key;
}
