// A build being planned: the clock of the build (`t`, ms from its start), the vertices shown so
// far, the cache it reads and the entries it adds, and how it ends (an outcome, or a failure that
// stops it where it happened).
import type { World } from '../../world';
import type { DockerState } from '../state';
import type { Instruction, Warning } from './dockerfile';
import type { BuildError, BuildOutcome, BuildRequest, CacheEntry, Vertex } from './build-types';

export interface Plan {
  readonly world: World;
  readonly req: BuildRequest;
  readonly docker: DockerState;
  /** The world's time when the build started. */
  readonly startAt: number;
  /** The build cache as the build found it. */
  readonly cache: Record<string, CacheEntry>;
  /** What this build adds to it: layers, downloaded bases, the frontend. */
  readonly newCache: Record<string, CacheEntry>;
  /** BuildKit's record of what the context sent (one per context directory). */
  readonly contextTransfers: Record<string, CacheEntry>;
  readonly vertices: Vertex[];
  readonly dockerfileName: string;
  lines: string[];
  warnings: Warning[];
  /** Vertices BuildKit knows of so far. */
  total: number;
  /** Where the build's clock stands. */
  t: number;
  /** Adds the image (and its tags) when the build is committed. */
  commitImage?: (d: DockerState, at: number) => DockerState;
}

export function newPlan(world: World, req: BuildRequest): Plan {
  return {
    world,
    req,
    docker: world.docker,
    startAt: world.clock.now,
    cache: { ...world.docker.buildCache },
    newCache: {},
    contextTransfers: {},
    vertices: [],
    dockerfileName: req.dockerfile.split('/').pop() ?? 'Dockerfile',
    lines: [],
    warnings: [],
    total: 0,
    t: 0,
  };
}

export function addVertex(plan: Plan, name: string, start: number, end: number, extra: Partial<Vertex> = {}): Vertex {
  const v: Vertex = { name, start, end, statuses: [], logs: [], ...extra };
  plan.vertices.push(v);
  return v;
}

/** A failure that ends the build where it happened. */
export class Failed extends Error {
  constructor(readonly error: BuildError) {
    super(error.message);
  }
}

export function fail(message: string, ins?: Instruction, v?: Vertex): never {
  throw new Failed({ message, source: ins ? { start: ins.line, end: ins.endLine } : undefined, vertex: v });
}

/** The build as `docker build` reports it, ended by `error` or making `imageId`. */
export function finish(plan: Plan, error?: BuildError, imageId?: string): BuildOutcome {
  const { vertices, newCache, contextTransfers, commitImage, startAt } = plan;
  return {
    vertices: [...vertices].sort((a, b) => a.start - b.start),
    total: Math.max(plan.total, vertices.length),
    durationMs: Math.max(plan.t, ...vertices.map((v) => v.end)),
    error,
    warnings: [...plan.warnings].sort((a, b) => a.line - b.line),
    dockerfileName: plan.dockerfileName,
    dockerfileLines: plan.lines,
    imageId,
    commit(w: World): World {
      let d: DockerState = { ...w.docker, buildCache: { ...w.docker.buildCache, ...contextTransfers, ...newCache } };
      if (commitImage) d = commitImage(d, startAt);
      return { ...w, docker: d };
    },
  };
}
