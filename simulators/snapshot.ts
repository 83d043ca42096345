// Saved worlds come back from the browser's storage, links and older versions of the site: check every
// field before trusting one, so a corrupt entry is refused with a reason instead of crashing later.
import { z } from 'zod';
import type { FsNode } from './shell/fs';
import { WORLD_SCHEMA, type World } from './world';
import { END_OF_TIME } from './core/systems';
import { isHeap, type TimerQueue } from './core/timers';
import { migrate } from './migrations';
import { decodeCompact, isCompact } from './core/compact-json';

const fileNode = z.object({
  kind: z.literal('file'),
  content: z.string(),
  mode: z.number().int(),
  owner: z.string(),
  mtime: z.number(),
});

const fsNode: z.ZodType<FsNode> = z.lazy(() =>
  z.union([
    fileNode,
    z.object({
      kind: z.literal('dir'),
      children: z.record(z.string(), fsNode),
      mode: z.number().int(),
      owner: z.string(),
      mtime: z.number(),
    }),
  ]),
) as z.ZodType<FsNode>;

const worldSchema = z.object({
  schema: z.literal(WORLD_SCHEMA),
  scenario: z.string(),
  clock: z.object({ now: z.number().finite().min(0).max(END_OF_TIME) }),
  record: z.object({
    nextId: z.number().int().min(1),
    commands: z.array(
      z.object({
        id: z.number().int().min(1),
        argv: z.array(z.string()),
        exitCode: z.number().int(),
        start: z.number().finite(),
        end: z.number().finite(),
        machine: z.string(),
        setup: z.literal(true).optional(),
      }),
    ),
  }),
  timers: z.object({
    seq: z.number().int().min(0),
    heap: z.array(z.object({ at: z.number().int().min(0).max(END_OF_TIME), seq: z.number().int().min(0), system: z.string(), key: z.string() })),
  }),
  rng: z.object({ state: z.number().int() }),
  host: z.object({
    hostname: z.string(),
    user: z.string(),
    home: z.string().startsWith('/'),
    bootedAt: z.number().finite(),
    kernel: z.object({ name: z.string(), release: z.string(), version: z.string(), machine: z.string(), os: z.string() }),
  }),
  fs: fsNode,
  shell: z.object({
    cwd: z.string().startsWith('/'),
    oldpwd: z.string(),
    vars: z.record(z.string(), z.string()),
    exported: z.array(z.string()),
    history: z.array(z.string()),
    lastExitCode: z.number().int(),
  }),
  // The engine's records are checked for their shape here and trusted in detail: they are only
  // ever written by the engine itself.
  docker: z.object({
    images: z.record(z.string(), z.object({ id: z.string(), tags: z.array(z.string()), digests: z.array(z.string()), added: z.number(), source: z.enum(['catalog', 'built']) })),
    containers: z.record(z.string(), z.object({ id: z.string(), name: z.string(), imageId: z.string(), state: z.object({ status: z.string() }).passthrough() }).passthrough()),
    networks: z.record(z.string(), z.object({ name: z.string() }).passthrough()),
    volumes: z.record(z.string(), z.object({ name: z.string() }).passthrough()),
    registry: z.record(z.string(), z.record(z.string(), z.object({ imageId: z.string(), digest: z.string(), pushedAt: z.number() }))),
    logins: z.record(z.string(), z.object({ username: z.string() })),
    buildCache: z.record(z.string(), z.object({ digest: z.string(), sizeBytes: z.number(), created: z.number() })),
    builtImages: z.record(z.string(), z.object({ created: z.number() }).passthrough()),
  }),
});

export class SnapshotError extends Error {}

/** Reads save()'s text (or a plain snapshot's JSON), or throws SnapshotError saying what is wrong. */
export function parseSaved(text: string): World {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SnapshotError('saved machine is not usable: not JSON');
  }
  return parseWorld(value);
}

/** Validates an unknown value as a saved World, or throws SnapshotError saying what is wrong. */
export function parseWorld(saved: unknown): World {
  let value = saved;
  if (isCompact(saved)) {
    try {
      value = decodeCompact(saved);
    } catch (e) {
      throw new SnapshotError(`saved machine is not usable: ${e instanceof Error ? e.message : 'unreadable'}`);
    }
  }
  const upgraded = migrate(value);
  const result = worldSchema.safeParse(upgraded);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SnapshotError(`saved machine is not usable: ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  if ((result.data.fs as FsNode).kind !== 'dir') throw new SnapshotError('saved machine is not usable: fs: the root must be a directory');
  if (!isHeap(result.data.timers as TimerQueue)) throw new SnapshotError('saved machine is not usable: timers: not in due order');
  // Keep a copy of the input, not zod's rebuilt output: zod assigns record keys, which would turn
  // a learner's file named `__proto__` into a prototype. JSON.parse defines keys as own data.
  return JSON.parse(JSON.stringify(upgraded)) as World;
}
