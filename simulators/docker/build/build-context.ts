// What the build context sends: [internal] load .dockerignore, and [internal] load build context
// where only the files COPY/ADD name travel, and only their metadata when they are as the last
// build sent them (BuildKit keeps one record per context, source.local).
import { byteLength } from '../../shell/fs';
import { digestOf, stableHex } from '../../core/hash';
import { filesOf, included, matchSource, readContext, type BuildContext } from './context';
import { splitWords, type Stage } from './dockerfile';
import { processWord } from './shell-lex';
import { addVertex, type Plan } from './plan';
import type { Vertex } from './build-types';

/** [internal] load .dockerignore, started at `start`. */
export function loadDockerignore(plan: Plan, start: number): { context: BuildContext; vertex: Vertex } {
  const context = readContext(plan.req.fs, plan.req.contextDir)!;
  const vertex = addVertex(plan, '[internal] load .dockerignore', start + 2, start + 20);
  vertex.statuses.push({ id: 'transferring context:', start: start + 3, end: start + 11, current: Math.max(2, byteLength(context.dockerignore ?? '')) });
  return { context, vertex };
}

/** [internal] load build context, started at `start`; returns when it ends. */
export function loadContext(plan: Plan, start: number, stages: Stage[], context: BuildContext, args: Record<string, string>, escape: string): number {
  const { req, cache, startAt } = plan;
  const ctxVertex = addVertex(plan, '[internal] load build context', start, start);
  const paths = contextNeeds(stages, context, args, escape);
  const key = `ctx:${req.contextDir}`;
  const digest = digestOf(paths.map((p) => `${p}:${stableHex(context.all.get(p)!.content)}`).join('\n'));
  const same = cache[key]?.digest === digest;
  let bytes = 0;
  let total = 0;
  for (const path of paths) {
    const size = byteLength(context.all.get(path)!.content);
    total += size;
    bytes += same ? 32 : size + 56;
  }
  plan.contextTransfers[key] = { digest, sizeBytes: total, created: startAt };
  const ms = 6 + bytes / 60_000;
  ctxVertex.statuses.push({ id: 'transferring context:', start: start + 1, end: start + 1 + ms, current: Math.max(2, bytes) });
  ctxVertex.end = start + 3 + ms;
  return ctxVertex.end;
}

/** The context paths the build's COPY/ADD instructions read (BuildKit sends only those). */
function contextNeeds(stages: Stage[], context: BuildContext, args: Record<string, string>, escape: string): string[] {
  const out = new Set<string>();
  for (const s of stages) {
    for (const c of s.commands) {
      if ((c.keyword !== 'COPY' && c.keyword !== 'ADD') || c.flags.from) continue;
      const words = c.json ?? splitWords(c.rest, escape);
      for (const w of words.slice(0, -1)) {
        const src = processWord(w, args, escape).value;
        for (const m of matchSource(context, src)) for (const f of filesOf(context, m)) out.add(f.file.path);
      }
    }
  }
  return [...out].filter((p) => included(context, p)).sort();
}

/** Whether any needed stage copies from the context (not from a stage or a heredoc). */
export function usesContext(stages: Stage[], order: number[]): boolean {
  return order.some((i) => stages[i].commands.some((c) => (c.keyword === 'COPY' || c.keyword === 'ADD') && !c.flags.from && c.heredocs.length === 0));
}
