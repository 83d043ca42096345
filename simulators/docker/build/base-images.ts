// Resolving base images ([internal] load metadata for ...) and the FROM step that starts a stage:
// a local image is used as is; a registry image is resolved by digest and, the first time, its
// layers are downloaded into the build cache (not into `docker images`, as with Docker 28's
// classic store); an earlier stage or scratch starts from what they are.
import { own } from '../../core/own';
import { catalogImage, findImage, viewImage } from '../engine/images';
import { lookupRemote } from '../engine/registry';
import { canonicalName, familiarName, parseReference, ReferenceError_, type ImageReference } from '../reference';
import { digestOf } from '../../core/hash';
import type { Stage } from './dockerfile';
import { addVertex, fail, type Plan } from './plan';
import type { StageScope } from './stages';
import type { BaseSource, StageState, Vertex } from './build-types';

export interface ResolvedBases {
  sources: Map<number, BaseSource>;
  /** The metadata vertices, one per image, with the error of one that could not be resolved. */
  metaVertices: { v: Vertex; stage: Stage; error?: string }[];
  metaStart: number;
  metaEnd: number;
}

export function resolveBases(plan: Plan, scope: StageScope): ResolvedBases {
  const { world, req, docker, cache } = plan;
  const { stages, baseOf, order, stageByName } = scope;
  const sources = new Map<number, BaseSource>();
  const resolved = new Map<string, BaseSource>();
  const metaStart = plan.t + 3;
  let metaEnd = metaStart;
  const metaVertices: { v: Vertex; stage: Stage; error?: string }[] = [];
  for (const i of order) {
    const base = baseOf.get(i)!;
    const fromStage = stageByName(base, i);
    if (fromStage !== undefined) {
      sources.set(i, { kind: 'stage', index: fromStage });
      continue;
    }
    if (base === 'scratch') {
      sources.set(i, { kind: 'scratch' });
      continue;
    }
    let ref: ImageReference;
    try {
      ref = parseReference(base);
    } catch (e) {
      if (!(e instanceof ReferenceError_)) throw e;
      fail(`failed to parse stage name "${base}": ${e.message}`, stages[i].from);
    }
    const key = canonicalName(ref!);
    const known = resolved.get(key);
    if (known) {
      sources.set(i, known);
      continue;
    }
    const local = !req.pull ? findImage(docker, familiarName(ref!)) : undefined;
    let src: BaseSource;
    let ms: number;
    let error: string | undefined;
    if (local) {
      src = { kind: 'local', ref: ref!, image: viewImage(docker, local), written: base };
      ms = 4;
    } else {
      const remote = lookupRemote(world, ref!);
      if (!remote.ok) {
        const why = /^pull access denied/.test(remote.error)
          ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
          : /not found: manifest unknown/.test(remote.error)
            ? `${key}: not found`
            : /no basic auth credentials/.test(remote.error)
              ? `failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://${ref!.domain}/token: 401 Unauthorized`
              : `failed to do request: ${remote.error}`;
        error = `${base}: failed to resolve source metadata for ${key}: ${why}`;
        src = { kind: 'scratch' };
        ms = 900;
      } else {
        // A pushed image is served by its registry even when this machine no longer has it.
        const id = remote.remote.kind === 'catalog' ? remote.remote.image.id : remote.remote.pushed.imageId;
        const source = remote.remote.kind === 'catalog' ? 'catalog' : own(docker.builtImages, id) ? 'built' : own(docker.images, id)?.source;
        const view = source ? viewImage(docker, { id, tags: [], digests: [], added: 0, source }) : undefined;
        if (!view) {
          error = `${base}: failed to resolve source metadata for ${key}: ${key}: not found`;
          src = { kind: 'scratch' };
        } else {
          const catalogId = remote.remote.kind === 'catalog' ? remote.remote.image.id : own(docker.builtImages, view.id)?.baseId ?? view.id;
          src = { kind: 'remote', ref: ref!, digest: remote.remote.digest, image: view, written: base, catalogId };
        }
        ms = cache[`layers:${view?.id ?? ''}`] ? 560 : 1180;
      }
    }
    const v = addVertex(plan, `[internal] load metadata for ${key}`, metaStart + metaVertices.length, metaStart + metaVertices.length + ms);
    metaVertices.push({ v, stage: stages[i], error });
    metaEnd = Math.max(metaEnd, v.end);
    resolved.set(key, src);
    sources.set(i, src);
  }
  return { sources, metaVertices, metaStart, metaEnd };
}

/** A stage's state before its first step: what it starts from, and its cache key's root. */
export function stageStart(plan: Plan, stage: Stage, src: BaseSource, prefix: string, total: number, finalStates: Map<number, StageState>): StageState {
  if (src.kind === 'stage') {
    const parent = finalStates.get(src.index)!;
    return { ...parent, stage, prefix, total, step: 1, args: new Map(), history: [...parent.history], layers: [...parent.layers] };
  }
  if (src.kind === 'scratch') {
    return {
      stage, prefix, total, step: 1, key: digestOf('scratch'), config: { cmd: null, entrypoint: null, env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workingDir: '', exposedPorts: [], user: '', labels: {} },
      files: {}, dirs: [], args: new Map(), shell: ['/bin/sh', '-c'], layers: [], history: [], baseHistory: [], baseLayers: [], rootId: '', repository: 'scratch', distroBase: 'scratch', slim: true,
    };
  }
  const image = src.image;
  const built = own(plan.docker.builtImages, image.id);
  const rootId = built ? built.baseId : image.id;
  const root = catalogImage(rootId);
  const repository = root?.repository ?? 'scratch';
  return {
    stage, prefix, total, step: 1, key: digestOf(`from:${image.id}`), config: { ...image.config, env: [...image.config.env], exposedPorts: [...image.config.exposedPorts], labels: { ...image.config.labels } },
    files: { ...image.files }, dirs: [], args: new Map(), shell: ['/bin/sh', '-c'], layers: [], history: [], baseHistory: image.history, baseLayers: image.layers.map((l) => ({ digest: l.digest, sizeBytes: l.sizeBytes })),
    rootId, repository, distroBase: image.base, slim: !root || root.tags.some((tag) => /slim/.test(tag)) || root.base.startsWith('alpine'),
  };
}

/** The FROM step of an image base: its vertex (with the layers' downloads the first time); returns when it ends. */
export function fromStep(plan: Plan, src: Extract<BaseSource, { kind: 'local' | 'remote' }>, label: string): number {
  const { cache, newCache, startAt } = plan;
  const image = src.image;
  const fromStart = plan.t + 1;
  let fromEnd = fromStart;
  if (src.kind === 'local') {
    fromEnd = fromStart + 3;
    addVertex(plan, `${label} FROM ${canonicalName(src.ref)}`, fromStart, fromEnd);
    return fromEnd;
  }
  const name = `${canonicalName(src.ref)}@${src.digest}`;
  const v = addVertex(plan, `${label} FROM ${name}`, fromStart, fromStart);
  v.statuses.push({ id: `resolve ${name}`, start: fromStart + 1, end: fromStart + 9 });
  fromEnd = fromStart + 14;
  const have = cache[`layers:${image.id}`] || newCache[`layers:${image.id}`];
  if (!have) {
    const layers = image.layers;
    const slots = [fromStart + 14, fromStart + 14, fromStart + 14];
    const downloads = layers.map((l) => {
      const slot = slots.indexOf(Math.min(...slots));
      const start = slots[slot];
      const end = start + 60 + l.compressedBytes / 40_000;
      slots[slot] = end;
      return { l, start, end };
    });
    for (const d of [...downloads].sort((a, b) => a.end - b.end)) {
      v.statuses.push({ id: `sha256:${d.l.digest.slice(7)}`, start: d.start, end: d.end, current: d.l.compressedBytes, total: d.l.compressedBytes });
    }
    let extractEnd = fromStart + 14;
    for (const d of downloads) {
      const start = Math.max(d.end, extractEnd);
      extractEnd = start + 30 + d.l.sizeBytes / 180_000;
      v.statuses.push({ id: `extracting sha256:${d.l.digest.slice(7)}`, start, end: extractEnd });
    }
    fromEnd = extractEnd + 5;
    newCache[`layers:${image.id}`] = { digest: image.id, sizeBytes: image.sizeBytes, created: startAt };
  }
  v.end = fromEnd;
  return fromEnd;
}
