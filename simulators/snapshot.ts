// Saved worlds come back from the browser's storage, links and older versions of the site: check every
// field before trusting one, so a corrupt entry is refused with a reason instead of crashing later.
import { z } from 'zod';
import { dirTree, shellState } from './shell/snapshot-schema';
import { dockerStateSchema } from './docker/snapshot-schema';
import { WORLD_SCHEMA, type World } from './world';
import { END_OF_TIME } from './core/systems';
import { isHeap, type TimerQueue } from './core/timers';
import { migrate } from './migrations';
import { decodeCompact, isCompact } from './core/compact-json';

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
  fs: dirTree,
  shell: shellState,
  docker: dockerStateSchema,
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

/**
 * Validates an unknown value as a saved World, or throws SnapshotError saying what is wrong; never
 * anything else, whatever the value holds (a stack too deep for JSON, a getter that throws).
 */
export function parseWorld(saved: unknown): World {
  try {
    return checkWorld(saved);
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError(`saved machine is not usable: ${e instanceof RangeError ? 'too deep or too large' : 'unreadable'}`);
  }
}

function checkWorld(saved: unknown): World {
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
  if (!isHeap(result.data.timers as TimerQueue)) throw new SnapshotError('saved machine is not usable: timers: not in due order');
  // Keep a copy of the input, not zod's rebuilt output: zod assigns record keys, which would turn
  // a learner's file named `__proto__` into a prototype. JSON.parse defines keys as own data.
  return JSON.parse(JSON.stringify(upgraded)) as World;
}
