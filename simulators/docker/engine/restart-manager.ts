// Docker's background work on the simulated clock, as one system woken by timers keyed by
// container id: a program that ends by itself exits at its own moment, and the restart policy
// brings the container back after moby's back-off (daemon/restartmanager): 100 ms before the first
// restart, doubling each time up to a minute, back to 100 ms once a run lasted 10 s or more.
import type { BackgroundSystem } from '../../core/systems';
import type { Services } from '../../core/services';
import { DOCKER_SYSTEM, wakeAt } from './wake';
import { own } from '../../core/own';
import type { World } from '../../world';
import type { Container } from '../state';
import { exitContainer, startContainer } from './containers';
import { setContainer } from './container-table';
import { imageOf } from './container-machine';
import { closeProgramLogs } from './logs';


const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 60_000;
/** A run at least this long resets the back-off (moby: executionDuration >= 10s). */
const RESET_AFTER_MS = 10_000;


/** Whether the policy restarts after this exit, as moby's ShouldRestart decides (count not yet raised). */
function policyRestarts(c: Container, code: number): boolean {
  const policy = c.hostConfig.restartPolicy;
  if (c.hostConfig.autoRemove) return false;
  if (policy.name === 'always' || policy.name === 'unless-stopped') return true;
  if (policy.name === 'on-failure') return code !== 0 && (policy.maximumRetryCount === 0 || c.restartCount < policy.maximumRetryCount);
  return false;
}

/** The back-off before the next restart, given the last one and how long this run lasted. */
export function nextDelay(previous: number | undefined, ranMs: number): number {
  const last = ranMs >= RESET_AFTER_MS ? 0 : previous ?? 0;
  return last === 0 ? FIRST_DELAY_MS : Math.min(MAX_DELAY_MS, last * 2);
}

/**
 * The container's main program ended by itself at `at` with `code`: the restart policy decides
 * between "Restarting" (and a timer for the restart) and "Exited".
 */
export function programExited(world: World, id: string, code: number, at: number): World {
  const c = world.docker.containers[id];
  if (!c) return world;
  if (!policyRestarts(c, code)) return exitContainer(world, id, code, at);
  const delay = nextDelay(c.state.restartDelay, at - c.state.startedAt);
  const restarting: Container = { ...closeProgramLogs(c, at), state: { ...c.state, status: 'restarting', exitCode: code, finishedAt: at, pid: 0, plannedExit: undefined, restartDelay: delay } };
  return wakeAt(setContainer(world, restarting), at + delay, id);
}

function restart(world: World, c: Container, services: Services): World {
  const image = imageOf(world, c);
  const counted: Container = { ...c, restartCount: c.restartCount + 1, state: { ...c.state, status: 'exited' } };
  const started = image ? startContainer(setContainer(world, counted), c.id, image, null, { byPolicy: true, services }) : undefined;
  return started?.ok ? started.world : exitContainer(world, c.id, c.state.exitCode, world.clock.now);
}

/** The engine's background system; `services` is what a restarted program may use (the network). */
export const dockerSystem = (services: Services): BackgroundSystem<World> => ({
  id: DOCKER_SYSTEM,
  wake(world, id) {
    const c = own(world.docker.containers, id);
    if (!c) return world;
    const now = world.clock.now;
    if (c.state.status === 'running' && c.state.plannedExit && c.state.plannedExit.at <= now) {
      return programExited(world, id, c.state.plannedExit.code, c.state.plannedExit.at);
    }
    if (c.state.status === 'restarting' && c.state.finishedAt + (c.state.restartDelay ?? FIRST_DELAY_MS) <= now) return restart(world, c, services);
    return world;
  },
});
