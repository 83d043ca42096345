// Starting and stopping: docker stop, start, restart, kill, pause, unpause, rm.
import type { CommandContext, Effect } from '../../../core/process';
import { killContainer, setStatus, startContainer, stopContainer, stopOutcome } from '../../engine/containers';
import { finiteWait, waitForever } from '../../../core/clock';
import { isRunning, removeFromState } from '../../engine/container-table';
import { imageOf } from '../../engine/container-machine';
import type { Container } from '../../state';
import type { World } from '../../../world';
import { isAnonymous, volumeUsers } from '../../engine/volumes';
import { eachContainer } from '../lookup';
import { findContainer } from '../../engine/container-table';
import { programOf } from '../../engine/runtime';
import { attachInteractive } from './attach';
import { followUntilExit } from './run';
import { daemonError } from '../output';
import { dockerCommand } from '../spec';

type Run = Generator<Effect, number, string | null>;
const CONTAINERS = [{ name: 'CONTAINER', variadic: true }];

/**
 * Runs `act` for each named container in turn, letting simulated time pass between them. An act
 * that waits without end (`endless`) holds the command there until Ctrl-C.
 */
function* eachInTurn(ctx: CommandContext, act: (c: Container, ref: string) => { ok: boolean; ms: number; endless?: boolean; said?: string }): Run {
  let code = 0;
  for (const ref of ctx.command.args) {
    let ms = 0;
    let endless = false;
    let said = '';
    const result = eachContainer(ctx, [ref], (c, r) => {
      const outcome = act(c, r);
      ms = outcome.ms;
      endless = Boolean(outcome.endless);
      said = outcome.said ?? '';
      return outcome.ok;
    });
    if (endless) return yield* waitForever();
    if (ms) yield { type: 'wait', ms };
    // The client prints the name once the daemon has answered, after the wait: a `logs -f` job
    // shows what the container printed meanwhile before it.
    if (said) ctx.out(said);
    if (result) code = result;
  }
  return code;
}

export const stop = dockerCommand('stop', {
  args: CONTAINERS,
  *run(ctx) {
    const seconds = ctx.command.given.has('timeout') ? Number(ctx.command.flags.timeout) : ctx.command.given.has('time') ? Number(ctx.command.flags.time) : 10;
    // A negative timeout is docker's "wait for ever"; one past what the world's clock can hold is
    // the same: a container that ignores SIGTERM then keeps the command waiting until Ctrl-C.
    const endless = seconds < 0 || finiteWait(ctx.world().clock.now, seconds * 1000) === undefined;
    return yield* eachInTurn(ctx, (c, ref) => {
      if (endless && isRunning(c) && !stopOutcome(c, imageOf(ctx.world(), c), 0).handled) return { ok: true, ms: 0, endless: true };
      const { world, ms } = stopContainer(ctx.world(), c.id, imageOf(ctx.world(), c), seconds);
      ctx.update(() => world);
      return { ok: true, ms: Math.max(ms, 50), said: `${ref}\n` };
    });
  },
});

export const start = dockerCommand('start', {
  args: CONTAINERS,
  *run(ctx) {
    const f = ctx.command.flags;
    if (f.attach || f.interactive) return yield* startAttached(ctx);
    const failed: string[] = [];
    const code = yield* eachInTurn(ctx, (c, ref) => {
      const image = imageOf(ctx.world(), c);
      if (!image) {
        failed.push(ref);
        return { ok: false, ms: 0 };
      }
      const started = startContainer(ctx.world(), c.id, image, null, { services: ctx.services });
      if (!started.ok) {
        daemonError(ctx, started.error);
        failed.push(ref);
        return { ok: false, ms: 0 };
      }
      ctx.update(() => started.world);
      return { ok: true, ms: 250, said: `${ref}\n` };
    });
    if (failed.length) ctx.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
    return code;
  },
});

export const restart = dockerCommand('restart', {
  args: CONTAINERS,
  *run(ctx) {
    return yield* eachInTurn(ctx, (c, ref) => {
      const image = imageOf(ctx.world(), c);
      const stopped = stopContainer(ctx.world(), c.id, image, 10);
      const started = image ? startContainer({ ...stopped.world, clock: { now: stopped.world.clock.now + stopped.ms } }, c.id, image, null, { services: ctx.services }) : undefined;
      if (!started?.ok) {
        daemonError(ctx, started?.error ?? `No such image: ${c.image}`);
        return { ok: false, ms: stopped.ms };
      }
      ctx.update(() => ({ ...started.world, clock: stopped.world.clock }));
      return { ok: true, ms: stopped.ms + 250, said: `${ref}\n` };
    });
  },
});

export const kill = dockerCommand('kill', {
  args: CONTAINERS,
  *run(ctx) {
    const signal = String(ctx.command.flags.signal || 'KILL').toUpperCase();
    return yield* eachInTurn(ctx, (c, ref) => {
      if (!isRunning(c)) {
        daemonError(ctx, `cannot kill container: ${ref}: container ${c.id} is not running`);
        return { ok: false, ms: 0 };
      }
      ctx.update((w) => killContainer(w, c.id, signal));
      return { ok: true, ms: 40, said: `${ref}\n` };
    });
  },
});

export const pause = dockerCommand('pause', {
  args: CONTAINERS,
  *run(ctx) {
    return yield* eachInTurn(ctx, (c, ref) => {
      if (c.state.status === 'paused') {
        daemonError(ctx, `container ${c.id} is already paused`);
        return { ok: false, ms: 0 };
      }
      if (!isRunning(c)) {
        daemonError(ctx, `container ${c.id} is not running`);
        return { ok: false, ms: 0 };
      }
      ctx.update((w) => setStatus(w, c.id, 'paused'));
      return { ok: true, ms: 30, said: `${ref}\n` };
    });
  },
});

export const unpause = dockerCommand('unpause', {
  args: CONTAINERS,
  *run(ctx) {
    return yield* eachInTurn(ctx, (c, ref) => {
      if (c.state.status !== 'paused') {
        daemonError(ctx, `container ${c.id} is not paused`);
        return { ok: false, ms: 0 };
      }
      ctx.update((w) => setStatus(w, c.id, 'running'));
      return { ok: true, ms: 30, said: `${ref}\n` };
    });
  },
});

/**
 * docker/cli's runRm: the daemon removes each container, results are read in argument order and
 * removed names printed as they come. Under --force a container that does not exist is only
 * reported (stderr) and skipped; every other error waits for the end, joined, and makes the status 1.
 * With -v the container's anonymous volumes go too; named ones stay.
 */
export const rm = dockerCommand('rm', {
  args: CONTAINERS,
  *run(ctx) {
    const force = Boolean(ctx.command.flags.force);
    const errors: string[] = [];
    for (const ref of ctx.command.args) {
      const id = ref.replace(/^\/+|\/+$/g, '');
      if (!id) {
        errors.push('container name cannot be empty');
        continue;
      }
      const c = findContainer(ctx.world().docker, id);
      if (!c) {
        const missing = `Error response from daemon: No such container: ${id}`;
        if (force) ctx.err(`${missing}\n`);
        else errors.push(missing);
        continue;
      }
      if (isRunning(c) && !force) {
        const why = c.state.status === 'paused' ? 'container is paused and must be unpaused first' : `container is ${c.state.status}: stop the container before removing or force remove`;
        errors.push(`Error response from daemon: cannot remove container "/${c.name}": ${why}`);
        continue;
      }
      ctx.update((w) => {
        const removed = removeFromState(isRunning(c) ? killContainer(w, c.id, 'KILL') : w, c.id);
        return ctx.command.flags.volumes ? withoutAnonymousVolumes(removed, c) : removed;
      });
      ctx.out(`${ref}\n`);
      yield { type: 'wait', ms: 60 };
    }
    if (!errors.length) return 0;
    ctx.err(`${errors.join('\n')}\n`);
    return 1;
  },
});

/** `docker rm -v`: the container's anonymous volumes that no other container uses. */
function withoutAnonymousVolumes(world: World, container: Container): World {
  const gone = container.hostConfig.mounts.filter((m) => m.type === 'volume' && isAnonymous(m.source) && !volumeUsers(world.docker, m.source).length).map((m) => m.source);
  if (!gone.length) return world;
  const volumes = { ...world.docker.volumes };
  for (const name of gone) delete volumes[name];
  return { ...world, docker: { ...world.docker, volumes } };
}

export { daemonError };

/**
 * `docker start -a` follows the container's output until it exits, with its exit code; `-ai` on a
 * container made with `-it` opens its shell again.
 */
function* startAttached(ctx: CommandContext): Run {
  if (ctx.command.args.length > 1) {
    ctx.err('you cannot start and attach multiple containers at once\n');
    return 1;
  }
  const ref = ctx.command.args[0];
  const c = findContainer(ctx.world().docker, ref);
  if (!c) return daemonError(ctx, `No such container: ${ref}`);
  const image = imageOf(ctx.world(), c);
  if (!image) return daemonError(ctx, `No such image: ${c.image}`);
  const wasRunning = isRunning(c);
  if (!wasRunning) {
    const started = startContainer(ctx.world(), c.id, image, null, { services: ctx.services });
    if (!started.ok) {
      daemonError(ctx, started.error);
      ctx.err(`Error: failed to start containers: ${ref}\n`);
      return 1;
    }
    ctx.update(() => started.world);
    yield { type: 'wait', ms: 250 };
  }
  const program = programOf(c, image);
  const interactive = ctx.command.flags.interactive && c.config.tty && c.config.openStdin;
  if (interactive && (program.kind === 'shell' || program.kind === 'interpreter')) return yield* attachInteractive(ctx, c.id, image, program);
  return yield* followUntilExit(ctx, c.id);
}
