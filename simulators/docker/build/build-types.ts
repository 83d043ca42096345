// The shapes of a build: what `docker build` asks, what BuildKit shows (vertices with their
// statuses and logs), and what a stage carries from one step to the next.
import type { World } from '../../world';
import type { ImageConfig } from '../catalog/types';
import type { ImageView } from '../engine/images';
import type { ImageReference } from '../reference';
import type { BuiltImage } from '../state';
import type { DirNode } from '../../shell/fs';
import type { Stage, Warning } from './dockerfile';

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

export interface CacheEntry {
  digest: string;
  sizeBytes: number;
  created: number;
}

export interface HistoryEntry {
  created?: number;
  createdBy: string;
  sizeBytes: number;
  emptyLayer: boolean;
  comment: string;
}

/** A stage between two steps: its cache key so far, its image config, files and history. */
export interface StageState {
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

/** How a base image is found: a local image, a registry image, an earlier stage, or nothing. */
export type BaseSource =
  | { kind: 'local'; ref: ImageReference; image: ImageView; written: string }
  | { kind: 'remote'; ref: ImageReference; digest: string; image: ImageView; written: string; catalogId: string }
  | { kind: 'stage'; index: number }
  | { kind: 'scratch' };
