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
import type { World } from '../../world';
import type { ImageConfig } from '../catalog/types';
import { catalogImage, findImage, viewImage, addImage, type ImageView } from '../engine/images';
import { lookupRemote } from '../engine/registry';
import { canonicalName, familiarName, parseReference, ReferenceError_, type ImageReference } from '../reference';
import type { BuiltImage, DockerState, LocalImage } from '../state';
import { byteLength, resolvePath, lookup, type DirNode } from '../../shell/fs';
import { commandArgv, DockerfileError, parseDockerfile, splitWords, type Instruction, type ParsedDockerfile, type Stage, type Warning } from './dockerfile';
import { processWord, processWords, LexError } from './shell-lex';
import { cleanSource, filesOf, included, matchSource, readContext, type BuildContext } from './context';
import { base36Id, digestOf, stableHex } from '../../core/hash';
import { imageDirs, runStep } from './run-step';
import { inferBehaviour } from './app-behaviour';

export interface BuildRequest {
  /** Absolute path of the context directory. */
  contextDir: string;
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  tags: string[];
  noCache: boolean;
  pull: boolean;
  buildArgs: Record<string, string>;
  target?: string;
  /** The file system of the machine the build runs on (context and Dockerfile are read from it). */
  fs: DirNode;
  /** --label: labels set on the image. */
  labels?: Record<string, string>;
}

export interface Status {
  id: string;
  start: number;
  end: number;
  current?: number;
  total?: number;
}

export interface Vertex {
  name: string;
  start: number;
  end: number;
  cached?: boolean;
  error?: string;
  statuses: Status[];
  /** Output lines with their offset from the vertex's start. */
  logs: { at: number; text: string }[];
}

export interface BuildError {
  /** What follows `ERROR: failed to solve: `. */
  message: string;
  /** Dockerfile lines to excerpt. */
  source?: { start: number; end: number };
  /** The vertex that failed (its logs go in the `------` block). */
  vertex?: Vertex;
}

export interface BuildOutcome {
  vertices: Vertex[];
  /** Vertices BuildKit knew of, started or not (the `(n/m)` of the progress header). */
  total: number;
  durationMs: number;
  error?: BuildError;
  warnings: Warning[];
  dockerfileName: string;
  dockerfileLines: string[];
  imageId?: string;
  /** The engine's state after the build (cache, images), given the world at its end. */
  commit(world: World): World;
}

interface CacheEntry {
  digest: string;
  sizeBytes: number;
  created: number;
}

interface HistoryEntry {
  created?: number;
  createdBy: string;
  sizeBytes: number;
  emptyLayer: boolean;
  comment: string;
}

interface StageState {
  stage: Stage;
  prefix: string;
  total: number;
  step: number;
  key: string;
  config: ImageConfig;
  files: Record<string, string>;
  dirs: string[];
  /** ARGs declared in the stage, with their values (or undefined when unset). */
  args: Map<string, string | undefined>;
  shell: string[];
  layers: { digest: string; sizeBytes: number }[];
  history: HistoryEntry[];
  baseHistory: BuiltImage['history'];
  baseLayers: { digest: string; sizeBytes: number }[];
  /** The catalog image at the root of the chain (for base files, tools and behaviour). */
  rootId: string;
  repository: string;
  distroBase: string;
  slim: boolean;
}

const BUILDKIT = 'buildkit.dockerfile.v0';
const PLATFORM_ARGS: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
};

/**
 * The Dockerfile frontend image `# syntax=docker/dockerfile:1` names. Not from a registry: the
 * digest and layer are placeholders of the right shape (docker/dockerfile:1 was 1.12.1 in Jan 2025).
 */
const DOCKERFILE_FRONTEND = {
  digest: 'sha256:93bfd3b68c109427185cd78b4779fc82b484b0b7618e36d0f104d4d801e66d25',
  layer: { digest: 'sha256:8bb94eb0d39fc5f0b7c67ac0d8b2a1ddd8bb1ec2a1d0a2ba55a0a5dc5ef3e6b2', compressed: 13_566_122 },
};

/** A failure that ends the build where it happened. */
class Failed extends Error {
  constructor(readonly error: BuildError) {
    super(error.message);
  }
}

/** Go's %q for a []string, as BuildKit writes CMD and ENTRYPOINT into history. */
export function goQuoteList(items: string[]): string {
  return `[${items.map((s) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => c)).join(' ')}]`;
}

/** Replaces only variables that have a value, leaving quotes and the rest as written (progress names). */
function displayExpand(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string) => {
    const name = a ?? b!;
    return Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : m;
  });
}

const envMap = (env: string[]) => Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')), e.indexOf('=') < 0 ? '' : e.slice(e.indexOf('=') + 1)]));

function setEnv(env: string[], key: string, value: string): string[] {
  const out = env.filter((e) => e.split('=')[0] !== key);
  out.push(`${key}=${value}`);
  return out;
}

function joinPath(dir: string, rel: string): string {
  return resolvePath(dir || '/', rel);
}

/** units.Bytes with %.2f, as BuildKit prints transfer sizes: `312B`, `1.02kB`, `28.23MB`. */
export function unitsBytes(n: number): string {
  if (n < 1000) return `${Math.max(0, Math.round(n))}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}

/** How a base image is found: a local image, a registry image, an earlier stage, or nothing. */
type BaseSource =
  | { kind: 'local'; ref: ImageReference; image: ImageView; written: string }
  | { kind: 'remote'; ref: ImageReference; digest: string; image: ImageView; written: string; catalogId: string }
  | { kind: 'stage'; index: number }
  | { kind: 'scratch' };

export function planBuild(world: World, req: BuildRequest): BuildOutcome {
  const docker = world.docker;
  const startAt = world.clock.now;
  const cache = { ...docker.buildCache };
  const newCache: Record<string, CacheEntry> = {};
  const vertices: Vertex[] = [];
  let total = 0;
  const dockerfileName = req.dockerfile.split('/').pop() ?? 'Dockerfile';
  let lines: string[] = [];
  let warnings: Warning[] = [];
  let t = 0;
  const vertex = (name: string, start: number, end: number, extra: Partial<Vertex> = {}): Vertex => {
    const v: Vertex = { name, start, end, statuses: [], logs: [], ...extra };
    vertices.push(v);
    return v;
  };
  let commitImage: ((d: DockerState, at: number) => DockerState) | undefined;
  const contextTransfers: Record<string, CacheEntry> = {};

  const finish = (error?: BuildError, imageId?: string): BuildOutcome => ({
    vertices: [...vertices].sort((a, b) => a.start - b.start),
    total: Math.max(total, vertices.length),
    durationMs: Math.max(t, ...vertices.map((v) => v.end)),
    error,
    warnings: [...warnings].sort((a, b) => a.line - b.line),
    dockerfileName,
    dockerfileLines: lines,
    imageId,
    commit(w: World): World {
      let d: DockerState = { ...w.docker, buildCache: { ...w.docker.buildCache, ...contextTransfers, ...newCache } };
      if (commitImage) d = commitImage(d, startAt);
      return { ...w, docker: d };
    },
  });

  // ---- [internal] load build definition
  const dfNode = lookup(req.fs, req.dockerfile);
  const dfText = dfNode.ok && dfNode.value.kind === 'file' ? dfNode.value.content : undefined;
  const def = vertex(`[internal] load build definition from ${dockerfileName}`, 0, 27);
  def.statuses.push({ id: 'transferring dockerfile:', start: 3, end: 11, current: dfText === undefined ? 2 : Math.max(2, byteLength(dfText)) });
  t = 27;
  total = 1;
  if (dfText === undefined) return finish({ message: `failed to read dockerfile: open ${dockerfileName}: no such file or directory` });
  lines = dfText.split('\n');
  let parsed: ParsedDockerfile;
  try {
    parsed = parseDockerfile(dfText);
  } catch (e) {
    if (e instanceof DockerfileError) return finish({ message: e.message, source: e.line ? { start: e.line, end: e.endLine ?? e.line } : undefined });
    throw e;
  }
  lines = parsed.lines;
  warnings = [...parsed.warnings];
  const escape = parsed.escape;

  // `# syntax=docker/dockerfile:1`: BuildKit first fetches that frontend image and hands it the build.
  if (parsed.directives.syntax) {
    let ref: ImageReference | undefined;
    try {
      ref = parseReference(parsed.directives.syntax);
    } catch (e) {
      if (!(e instanceof ReferenceError_)) throw e;
    }
    const name = ref ? canonicalName(ref) : parsed.directives.syntax;
    const resolve = vertex(`resolve image config for docker-image://${name}`, t + 2, t + 2);
    if (!ref || ref.path !== 'docker/dockerfile') {
      resolve.end = resolve.start + 900;
      resolve.error = `${parsed.directives.syntax}: failed to resolve source metadata for docker-image://${name}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
      t = resolve.end;
      total = vertices.length;
      return finish({ message: resolve.error, vertex: resolve });
    }
    const key = `frontend:${name}`;
    const have = cache[key];
    resolve.end = resolve.start + (have ? 520 : 1080);
    const image = `docker-image://${name}@${DOCKERFILE_FRONTEND.digest}`;
    if (have) {
      vertex(image, resolve.end + 1, resolve.end + 1, { cached: true });
      t = resolve.end + 1;
    } else {
      const v = vertex(image, resolve.end + 1, resolve.end + 1);
      const layer = DOCKERFILE_FRONTEND.layer;
      v.statuses.push({ id: `resolve docker.io/docker/dockerfile:${ref.tag}@${DOCKERFILE_FRONTEND.digest}`, start: v.start + 1, end: v.start + 9 });
      const dl = { start: v.start + 10, end: v.start + 10 + 60 + layer.compressed / 40_000 };
      v.statuses.push({ id: layer.digest, start: dl.start, end: dl.end, current: layer.compressed, total: layer.compressed });
      v.statuses.push({ id: `extracting ${layer.digest}`, start: dl.end, end: dl.end + 30 + layer.compressed / 90_000 });
      v.end = dl.end + 40 + layer.compressed / 90_000;
      t = v.end;
      newCache[key] = { digest: DOCKERFILE_FRONTEND.digest, sizeBytes: layer.compressed, created: startAt };
    }
    total = vertices.length;
  }
  const fail = (message: string, ins?: Instruction, v?: Vertex): never => {
    throw new Failed({ message, source: ins ? { start: ins.line, end: ins.endLine } : undefined, vertex: v });
  };

  try {
    // ---- build args and the global scope (ARGs before the first FROM)
    const globalArgs: Record<string, string> = { ...PLATFORM_ARGS };
    const declaredGlobal = new Set<string>();
    for (const ins of parsed.metaArgs) {
      for (const p of ins.pairs ?? []) {
        declaredGlobal.add(p.key);
        const value = req.buildArgs[p.key] ?? (p.value === undefined ? undefined : processWord(p.value, globalArgs, escape).value);
        if (value !== undefined) globalArgs[p.key] = value;
      }
    }

    // ---- which stages the target needs
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

    // ---- resolve base images ([internal] load metadata for ...)
    const sources = new Map<number, BaseSource>();
    const resolved = new Map<string, BaseSource>();
    const metaStart = t + 3;
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
          const source = remote.remote.kind === 'catalog' ? 'catalog' : docker.builtImages[id] ? 'built' : docker.images[id]?.source;
          const view = source ? viewImage(docker, { id, tags: [], digests: [], added: 0, source }) : undefined;
          if (!view) {
            error = `${base}: failed to resolve source metadata for ${key}: ${key}: not found`;
            src = { kind: 'scratch' };
          } else {
            const catalogId = remote.remote.kind === 'catalog' ? remote.remote.image.id : docker.builtImages[view.id]?.baseId ?? view.id;
            src = { kind: 'remote', ref: ref!, digest: remote.remote.digest, image: view, written: base, catalogId };
          }
          ms = cache[`layers:${view?.id ?? ''}`] ? 560 : 1180;
        }
      }
      const v = vertex(`[internal] load metadata for ${key}`, metaStart + metaVertices.length, metaStart + metaVertices.length + ms);
      metaVertices.push({ v, stage: stages[i], error });
      metaEnd = Math.max(metaEnd, v.end);
      resolved.set(key, src);
      sources.set(i, src);
    }

    // ---- [internal] load .dockerignore
    const context = readContext(req.fs, req.contextDir)!;
    const ignoreVertex = vertex('[internal] load .dockerignore', metaStart + 2, metaStart + 20);
    ignoreVertex.statuses.push({ id: 'transferring context:', start: metaStart + 3, end: metaStart + 11, current: Math.max(2, byteLength(context.dockerignore ?? '')) });
    t = Math.max(metaEnd, ignoreVertex.end);

    // Every step BuildKit will know of, for the (n/m) count.
    const countSteps = (s: Stage) => 1 + s.commands.filter((c) => ['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(c.keyword)).length;
    total = vertices.length + order.reduce((n, i) => n + countSteps(stages[i]) - (['stage', 'scratch'].includes(sources.get(i)!.kind) ? 1 : 0), 0);
    const usesContext = order.some((i) => stages[i].commands.some((c) => (c.keyword === 'COPY' || c.keyword === 'ADD') && !c.flags.from && c.heredocs.length === 0));
    if (usesContext) total++;

    const metaError = metaVertices.find((m) => m.error);
    if (metaError) {
      metaError.v.error = metaError.error;
      t = metaError.v.end;
      // The others were still being resolved: BuildKit cancels them.
      for (const m of metaVertices) if (m !== metaError && m.v.end > t) m.v.end = t;
      return finish({ message: metaError.error!, source: { start: metaError.stage.from.line, end: metaError.stage.from.endLine }, vertex: metaError.v });
    }

    // ---- run the stages
    const finalStates = new Map<number, StageState>();
    const multi = stages.length > 1;
    let contextLoaded = false;
    // [internal] load build context: only the files COPY/ADD name travel; when they are as the last
    // build sent them, only their metadata does. BuildKit keeps one record per context (source.local).
    const loadContext = (start: number): number => {
      const ctxVertex = vertex('[internal] load build context', start, start);
      const paths = contextNeeds(order.map((k) => stages[k]), context, globalArgs, escape);
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
      contextTransfers[key] = { digest, sizeBytes: total, created: startAt };
      const ms = 6 + bytes / 60_000;
      ctxVertex.statuses.push({ id: 'transferring context:', start: start + 1, end: start + 1 + ms, current: Math.max(2, bytes) });
      ctxVertex.end = start + 3 + ms;
      return ctxVertex.end;
    };
    const sessionRef = `${base36Id(`session:${req.contextDir}:${startAt}`)}::${base36Id(`ref:${req.contextDir}:${startAt}`)}`;

    for (const i of order) {
      const stage = stages[i];
      const src = sources.get(i)!;
      const n = countSteps(stage);
      const width = String(n).length;
      const prefix = stage.name ? `${stage.name} ` : multi ? `stage-${i} ` : '';
      const label = (step: number) => `[${prefix}${String(step).padStart(width)}/${n}]`;
      let st: StageState;
      if (src.kind === 'stage') {
        const parent = finalStates.get(src.index)!;
        st = { ...parent, stage, prefix, total: n, step: 1, args: new Map(), history: [...parent.history], layers: [...parent.layers] };
      } else if (src.kind === 'scratch') {
        st = {
          stage, prefix, total: n, step: 1, key: digestOf('scratch'), config: { cmd: null, entrypoint: null, env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workingDir: '', exposedPorts: [], user: '', labels: {} },
          files: {}, dirs: [], args: new Map(), shell: ['/bin/sh', '-c'], layers: [], history: [], baseHistory: [], baseLayers: [], rootId: '', repository: 'scratch', distroBase: 'scratch', slim: true,
        };
      } else {
        const image = src.image;
        const built = docker.builtImages[image.id];
        const rootId = built ? built.baseId : image.id;
        const root = catalogImage(rootId);
        const repository = root?.repository ?? 'scratch';
        st = {
          stage, prefix, total: n, step: 1, key: digestOf(`from:${image.id}`), config: { ...image.config, env: [...image.config.env], exposedPorts: [...image.config.exposedPorts], labels: { ...image.config.labels } },
          files: { ...image.files }, dirs: [], args: new Map(), shell: ['/bin/sh', '-c'], layers: [], history: [], baseHistory: image.history, baseLayers: image.layers.map((l) => ({ digest: l.digest, sizeBytes: l.sizeBytes })),
          rootId, repository, distroBase: image.base, slim: !root || root.tags.some((tag) => /slim/.test(tag)) || root.base.startsWith('alpine'),
        };
        // FROM ...: the image itself (and, the first time, its layers).
        const fromStart = t + 1;
        let fromEnd = fromStart;
        if (src.kind === 'local') {
          fromEnd = fromStart + 3;
          vertex(`${label(1)} FROM ${canonicalName(src.ref)}`, fromStart, fromEnd);
        } else {
          const name = `${canonicalName(src.ref)}@${src.digest}`;
          const v = vertex(`${label(1)} FROM ${name}`, fromStart, fromStart);
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
        }
        t = fromEnd;
        if (usesContext && !contextLoaded) {
          contextLoaded = true;
          t = Math.max(t, loadContext(fromStart + 2));
        }
      }
      if ((src.kind === 'stage' || src.kind === 'scratch') && usesContext && !contextLoaded) {
        contextLoaded = true;
        t = loadContext(t + 1);
      }

      // The steps.
      for (const ins of stage.commands) {
        const vars: Record<string, string> = { ...envMap(st.config.env) };
        for (const [k, v] of st.args) if (v !== undefined && !(k in vars)) vars[k] = v;
        const expand = (text: string) => {
          const r = processWord(text, vars, escape);
          undefinedVars(r.unmatched, ins);
          return r.value;
        };
        const undefinedVars = (names: string[], at: Instruction) => {
          for (const name of names) {
            if (!warnings.some((w) => w.rule === 'UndefinedVar' && w.line === at.line && w.message.includes(`'$${name}'`))) warnings.push({ rule: 'UndefinedVar', message: `Usage of undefined variable '$${name}'`, line: at.line });
          }
        };
        const shown = `${ins.keyword}${displayExpand(ins.original.trim().slice(ins.written.length), vars)}`;
        const meta = (createdBy: string) => st.history.push({ createdBy, sizeBytes: 0, emptyLayer: true, comment: BUILDKIT });
        switch (ins.keyword) {
          case 'ARG':
            for (const p of ins.pairs ?? []) {
              const fromGlobal = declaredGlobal.has(p.key) ? globalArgs[p.key] : PLATFORM_ARGS[p.key];
              const value = req.buildArgs[p.key] ?? (p.value !== undefined ? expand(p.value) : fromGlobal);
              st.args.set(p.key, value);
            }
            meta(`ARG ${(ins.pairs ?? []).map((p) => (st.args.get(p.key) === undefined ? p.key : `${p.key}=${st.args.get(p.key)}`)).join(' ')}`);
            continue;
          case 'ENV': {
            const pairs = (ins.pairs ?? []).map((p) => [p.key, ins.legacyKeyValue ? expand(p.value ?? '') : expand(p.value ?? '')] as const);
            for (const [k, v] of pairs) st.config.env = setEnv(st.config.env, k, v);
            meta(`ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`);
            continue;
          }
          case 'LABEL': {
            const pairs = (ins.pairs ?? []).map((p) => [expand(p.key), expand(p.value ?? '')] as const);
            for (const [k, v] of pairs) st.config.labels = { ...st.config.labels, [k]: v };
            meta(`LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`);
            continue;
          }
          case 'MAINTAINER':
            meta(`MAINTAINER ${ins.args[0]}`);
            continue;
          case 'EXPOSE': {
            const ports = processWords(ins.rest, vars, escape);
            undefinedVars(ports.unmatched, ins);
            const list: string[] = [];
            for (const p of ports.words) {
              const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(p);
              if (!m) fail(`invalid containerPort: ${p.split('/')[0]}`, ins);
              const proto = (m![3] ?? 'tcp').toLowerCase();
              for (let port = Number(m![1]); port <= Number(m![2] ?? m![1]); port++) list.push(`${port}/${proto}`);
            }
            st.config.exposedPorts = [...new Set([...st.config.exposedPorts, ...list])];
            meta(`EXPOSE map[${[...new Set(list)].sort().map((p) => `${p}:{}`).join(' ')}]`);
            continue;
          }
          case 'CMD': {
            const argv = commandArgv(ins, st.shell);
            st.config.cmd = argv;
            meta(`CMD ${goQuoteList(argv)}`);
            continue;
          }
          case 'ENTRYPOINT': {
            const argv = commandArgv(ins, st.shell);
            st.config.entrypoint = argv.length ? argv : null;
            // An ENTRYPOINT resets a CMD inherited from the base image.
            if (!stage.commands.slice(0, stage.commands.indexOf(ins)).some((c) => c.keyword === 'CMD')) st.config.cmd = null;
            meta(`ENTRYPOINT ${goQuoteList(argv)}`);
            continue;
          }
          case 'USER':
            st.config.user = expand(ins.args[0]);
            meta(`USER ${st.config.user}`);
            continue;
          case 'VOLUME': {
            const vols = (ins.json ?? processWords(ins.rest, vars, escape).words).map((v) => expand(v));
            st.config.volumes = [...new Set([...(st.config.volumes ?? []), ...vols])];
            meta(`VOLUME [${vols.join(' ')}]`);
            continue;
          }
          case 'STOPSIGNAL':
            st.config.stopSignal = expand(ins.args[0]);
            meta(`STOPSIGNAL ${st.config.stopSignal}`);
            continue;
          case 'SHELL':
            st.shell = ins.json ?? st.shell;
            meta(`SHELL [${st.shell.join(' ')}]`);
            continue;
          case 'HEALTHCHECK':
            meta(`HEALTHCHECK &{${goQuoteList(ins.args[0]?.toUpperCase() === 'NONE' ? ['NONE'] : ['CMD-SHELL', ins.rest.replace(/^CMD\s+/i, '')])} "0s" "0s" "0s" "0s" '\\x00'}`);
            continue;
          case 'ONBUILD':
            meta(`ONBUILD ${ins.rest}`);
            continue;
          case 'FROM':
            continue;
        }

        // Steps that make a layer: WORKDIR, COPY, ADD, RUN.
        st.step++;
        const name = `${label(st.step)} ${shown}`;
        const start = t + 1;
        let key: string;
        let apply: () => { ms: number; sizeBytes: number; logs?: { at: number; text: string }[]; error?: string; createdBy: string };
        if (ins.keyword === 'WORKDIR') {
          const raw = expand(ins.args[0]);
          if (!raw.startsWith('/') && !stage.commands.slice(0, stage.commands.indexOf(ins)).some((c) => c.keyword === 'WORKDIR')) {
            warnings.push({ rule: 'WorkdirRelativePath', message: `Relative workdir "${raw}" can have unexpected results if the base image changes`, line: ins.line });
          }
          const path = joinPath(st.config.workingDir, raw);
          key = digestOf(`${st.key}|WORKDIR|${path}|${st.config.user}`);
          apply = () => {
            st.config.workingDir = path;
            if (!st.dirs.includes(path)) st.dirs = [...st.dirs, path];
            return { ms: 80, sizeBytes: 0, createdBy: `WORKDIR ${path}` };
          };
        } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
          const words = (ins.json ?? splitWords(ins.rest, escape)).map((w) => expand(w));
          const heredocs = new Map(ins.heredocs.map((h) => [h.name, h]));
          const dest = words[words.length - 1];
          const srcs = words.slice(0, -1);
          const chown = ins.flags.chown ? expand(ins.flags.chown) : '';
          const fromRef = ins.flags.from ? expand(ins.flags.from) : undefined;
          const plan: { path: string; content: string }[] = [];
          const destAbs = joinPath(st.config.workingDir, dest);
          const baseDirs = imageDirs({ base: st.distroBase, repository: st.repository, slim: st.slim, files: st.files, dirs: st.dirs });
          const destIsDir = dest.endsWith('/') || dest === '.' || baseDirs.has(destAbs) || st.dirs.includes(destAbs);
          let fromFiles: Record<string, string> | undefined;
          if (fromRef !== undefined) {
            const s = stageByName(fromRef, i);
            if (s !== undefined) fromFiles = finalStates.get(s)!.files;
            else {
              const local = findImage(docker, fromRef);
              fromFiles = local ? viewImage(docker, local).files : {};
            }
          }
          // Each source's files with their path below the destination directory.
          const items: { rel: string; content: string }[] = [];
          let singleFile = srcs.length === 1;
          for (const s of srcs) {
            const here = /^<<-?['"]?([A-Za-z_][A-Za-z0-9_]*)/.exec(s);
            if (here && heredocs.has(here[1])) {
              const h = heredocs.get(here[1])!;
              items.push({ rel: h.name, content: h.expand ? displayExpand(h.content, vars) : h.content });
              continue;
            }
            if (ins.keyword === 'ADD' && /^https?:\/\//.test(s)) {
              const v = vertex(`${name}`, start, start + 40, { error: `ADD from a URL is not simulated in this terminal: ${s}` });
              t = v.end;
              fail(`ADD from a URL is not simulated in this terminal: ${s}`, ins, v);
            }
            if (fromFiles) {
              const clean = `/${cleanSource(s)}`.replace(/\/$/, '') || '/';
              const exact = fromFiles[clean];
              const under = Object.entries(fromFiles).filter(([p]) => p.startsWith(clean === '/' ? '/' : `${clean}/`));
              if (exact !== undefined) items.push({ rel: clean.split('/').pop()!, content: exact });
              else if (under.length) {
                singleFile = false;
                for (const [p, c] of under) items.push({ rel: p.slice(clean === '/' ? 1 : clean.length + 1), content: c });
              } else {
                const v = vertex(name, start, start + 10, { error: `failed to calculate checksum of ref ${sessionRef}: "${clean}": not found` });
                t = v.end;
                fail(`failed to compute cache key: failed to calculate checksum of ref ${sessionRef}: "${clean}": not found`, ins, v);
              }
              continue;
            }
            const matches = matchSource(context, s);
            const found = matches.flatMap((m) => filesOf(context, m).map((f) => ({ m, f })));
            const ignored = matches.length > 0 && found.length === 0 && matches.every((m) => !m.isDir);
            if (!matches.length || ignored) {
              const shownPath = `/${cleanSource(s)}`;
              if (ignored) warnings.push({ rule: 'CopyIgnoredFile', message: `Attempting to Copy file "${cleanSource(s)}" that is excluded by .dockerignore`, line: ins.line });
              const v = vertex(name, start, start + 10, { error: `failed to calculate checksum of ref ${sessionRef}: "${shownPath}": not found` });
              t = v.end;
              fail(`failed to compute cache key: failed to calculate checksum of ref ${sessionRef}: "${shownPath}": not found`, ins, v);
            }
            if (matches.length > 1 || matches.some((m) => m.isDir)) singleFile = false;
            for (const { f } of found) items.push({ rel: f.rel, content: f.file.content });
          }
          if (srcs.length > 1 && !dest.endsWith('/') && !destIsDir) {
            fail(`When using ${ins.keyword} with more than one source file, the destination must be a directory and end with a /`, ins);
          }
          const many = !singleFile;
          for (const item of items) {
            const path = singleFile && !destIsDir ? destAbs : `${destAbs.replace(/\/$/, '')}/${item.rel}`;
            plan.push({ path: joinPath('/', path), content: item.content });
          }
          const inputs = plan.map((p) => `${p.path}:${stableHex(p.content)}`).sort().join(',');
          key = digestOf(`${st.key}|${ins.keyword}|${destAbs}|${chown}|${ins.flags.chmod ?? ''}|${inputs}`);
          apply = () => {
            const files = { ...st.files };
            let bytes = 0;
            for (const p of plan) {
              files[p.path] = p.content;
              bytes += byteLength(p.content);
            }
            st.files = files;
            if (many || destIsDir) st.dirs = [...new Set([...st.dirs, destAbs.replace(/\/$/, '') || '/'])];
            return { ms: 45 + bytes / 20_000, sizeBytes: bytes, createdBy: `${ins.keyword} ${srcs.join(' ')} ${dest} # buildkit` };
          };
        } else {
          // RUN
          const heredoc = ins.heredocs[0];
          const onlyHeredoc = heredoc && /^<<-?['"]?[A-Za-z_][A-Za-z0-9_]*['"]?$/.test(ins.rest.trim());
          const argv = onlyHeredoc ? [...st.shell, heredoc.content] : commandArgv(ins, st.shell);
          const runEnv = [...st.config.env];
          const buildArgEnv: string[] = [];
          for (const [k, v] of st.args) {
            if (v === undefined) continue;
            buildArgEnv.push(`${k}=${v}`);
            if (!runEnv.some((e) => e.startsWith(`${k}=`))) runEnv.push(`${k}=${v}`);
          }
          const argvText = argv.join(' ');
          const createdBy = `RUN ${buildArgEnv.length ? `|${buildArgEnv.length} ${buildArgEnv.join(' ')} ` : ''}${argvText} # buildkit`;
          key = digestOf(`${st.key}|RUN|${JSON.stringify(argv)}|${runEnv.join('\n')}|${st.config.user}|${st.config.workingDir}`);
          const stepKey = key;
          apply = () => {
            const shellForm = !ins.json || onlyHeredoc;
            const entry = cache[stepKey];
            const at = entry && !req.noCache ? entry.created : startAt + start;
            const result = runStep({
              world,
              at,
              image: { base: st.distroBase, repository: st.repository, slim: st.slim, files: st.files, dirs: st.dirs },
              env: runEnv,
              workdir: st.config.workingDir || '/',
              user: st.config.user,
              script: shellForm ? argv[argv.length - 1] : undefined,
              argv: shellForm ? undefined : argv,
              seed: stepKey,
            });
            const logs = result.logs.filter((l) => !(l.text === 'exit' && /\bexit\b/.test(argvText))).map((l) => ({ at: l.ms + 150, text: l.text }));
            if (result.exitCode !== 0) {
              return { ms: 180 + result.ms, sizeBytes: 0, logs, error: `process "${argvText}" did not complete successfully: exit code: ${result.exitCode}`, createdBy };
            }
            st.files = result.files;
            st.dirs = result.dirs;
            return { ms: 200 + result.ms, sizeBytes: result.addedBytes, logs, createdBy };
          };
        }

        const hit = !req.noCache ? cache[key] ?? newCache[key] : undefined;
        const result = apply();
        if (hit) {
          vertex(name, start, start, { cached: true });
          st.layers.push({ digest: hit.digest, sizeBytes: hit.sizeBytes });
          st.history.push({ created: hit.created, createdBy: result.createdBy, sizeBytes: hit.sizeBytes, emptyLayer: false, comment: BUILDKIT });
        } else {
          const v = vertex(name, start, start + result.ms, { logs: result.logs ?? [] });
          t = v.end;
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
      finalStates.set(i, st);
    }

    // ---- exporting to image
    const st = finalStates.get(targetIndex)!;
    const newLayerBytes = st.layers.reduce((n, l) => n + l.sizeBytes, 0);
    // Metadata steps take the time of the layer before them (or, before any, of the first one).
    const firstCreated = st.history.find((h) => h.created !== undefined)?.created ?? startAt;
    let last: number | undefined;
    for (const h of st.history) {
      if (h.created !== undefined) last = h.created;
      else h.created = last ?? firstCreated;
    }
    const created = Math.max(...st.history.map((h) => h.created!), st.history.length ? 0 : startAt);
    const history: BuiltImage['history'] = [
      ...[...st.history].reverse().map((h) => ({ created: h.created!, createdBy: h.createdBy, sizeBytes: h.sizeBytes, emptyLayer: h.emptyLayer, comment: h.comment })),
      ...st.baseHistory,
    ];
    const layers = [...st.baseLayers, ...st.layers];
    const config: ImageConfig = { ...st.config, labels: { ...st.config.labels, ...(req.labels ?? {}) } };
    const imageId = digestOf(JSON.stringify({ config, layers: layers.map((l) => l.digest), history: history.map((h) => [h.created, h.createdBy, h.emptyLayer]) }));
    const exportStart = t + 1;
    const layersMs = 25 + newLayerBytes / 400_000 + st.layers.length * 12;
    const exp = vertex('exporting to image', exportStart, exportStart);
    exp.statuses.push({ id: 'exporting layers', start: exportStart + 1, end: exportStart + 1 + layersMs });
    let cursor = exportStart + 1 + layersMs;
    exp.statuses.push({ id: `writing image ${imageId}`, start: cursor + 1, end: cursor + 9 });
    cursor += 10;
    const names: string[] = [];
    for (const tag of req.tags) {
      const ref = parseReference(tag);
      names.push(familiarName(ref));
      exp.statuses.push({ id: `naming to ${canonicalName(ref)}`, start: cursor + 1, end: cursor + 4 });
      cursor += 5;
    }
    exp.end = cursor + 1;
    t = exp.end;
    total = Math.max(total, vertices.length);
    const baseId = st.rootId;
    const root = catalogImage(baseId);
    const behaviour = inferBehaviour({ config, files: st.files, base: root, repository: st.repository, builtAt: created });
    commitImage = (d: DockerState, at: number) => {
      const built: BuiltImage = { created, config, layers, history, baseId, behaviour, files: st.files };
      let next: DockerState = { ...d, builtImages: { ...d.builtImages, [imageId]: built } };
      const image: LocalImage = { id: imageId, tags: [], digests: [], added: at, source: 'built' };
      if (!names.length && !next.images[imageId]) next = { ...next, images: { ...next.images, [imageId]: image } };
      for (const name of names) next = addImage(next, image, name);
      return next;
    };
    return finish(undefined, imageId);
  } catch (e) {
    if (e instanceof Failed) return finish(e.error);
    if (e instanceof LexError) return finish({ message: e.message });
    throw e;
  }
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
