// Saved worlds from older versions of the site, brought up to today's shape before validation.
// Each step takes one schema version to the next, so a world saved years ago climbs them in turn.
import { emptyTimers, schedule, type TimerQueue } from './core/timers';
import { emptyRecord } from './core/record';
import { WORLD_SCHEMA } from './world';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * 1 -> 2: time became a queue of timers, and the world keeps a record of commands (empty: version 1
 * kept only bash's history, which has no exit codes or times). Version 1 found due work by rescanning containers; the
 * same work now needs its timers: a planned exit, and a restart waiting out its back-off.
 */
function v1to2(world: Raw): Raw {
  const timers: TimerQueue = emptyTimers();
  const docker = isObject(world.docker) ? world.docker : {};
  const containers: Raw = isObject(docker.containers) ? { ...docker.containers } : {};
  for (const id of Object.keys(containers).sort()) {
    const c = containers[id];
    if (!isObject(c) || !isObject(c.state)) continue;
    const state = c.state;
    const exit = state.plannedExit;
    if (state.status === 'running' && isObject(exit) && typeof exit.at === 'number' && Number.isFinite(exit.at)) schedule(timers, exit.at, 'docker', id);
    if (state.status === 'restarting' && typeof state.finishedAt === 'number' && Number.isFinite(state.finishedAt)) {
      // Version 1 waited 100 ms doubling per restart; the new manager keeps the back-off on the record.
      const count = typeof c.restartCount === 'number' ? c.restartCount : 0;
      const delay = Math.min(60_000, 100 * 2 ** Math.min(count, 10));
      containers[id] = { ...c, state: { ...state, restartDelay: delay } };
      schedule(timers, state.finishedAt + delay, 'docker', id);
    }
  }
  return { ...world, schema: 2, timers, record: emptyRecord(), ...(isObject(world.docker) ? { docker: { ...docker, containers } } : {}) };
}

/**
 * 2 -> 3: the shell state may hold arrays, functions, `set` options and positional parameters, each
 * optional: a version-2 world is already a good version-3 one. The step exists so that a world
 * saved with them is refused by an older site rather than loaded with them dropped.
 */
function v2to3(world: Raw): Raw {
  return { ...world, schema: 3 };
}

const STEPS: Record<number, (world: Raw) => Raw> = { 1: v1to2, 2: v2to3 };

/** Upgrades a saved world to WORLD_SCHEMA; anything unrecognisable is returned as is for validation to refuse. */
export function migrate(value: unknown): unknown {
  if (!isObject(value)) return value;
  let world = value;
  for (let guard = 0; guard < 100 && typeof world.schema === 'number' && world.schema < WORLD_SCHEMA; guard++) {
    const step = STEPS[world.schema];
    if (!step) return world;
    world = step(world);
  }
  return world;
}
