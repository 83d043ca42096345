// The engine's own clock work, run whenever simulated time passes: programs that end by themselves
// exit on time, and restart policies bring containers back (with docker's doubling back-off).
import type { World } from '../../world';
import { exitContainer, setContainer, startContainer } from './containers';
import { imageOf } from './container-machine';

function wantsRestart(world: World, id: string, code: number): boolean {
  const c = world.docker.containers[id];
  if (!c) return false;
  const policy = c.hostConfig.restartPolicy;
  if (policy.name === 'always' || policy.name === 'unless-stopped') return true;
  if (policy.name === 'on-failure') return code !== 0 && (policy.maximumRetryCount === 0 || c.restartCount < policy.maximumRetryCount);
  return false;
}

export function dockerTick(world: World): World {
  let next = world;
  // A container may exit and restart several times within one long advance: loop until quiet.
  for (let guard = 0; guard < 1000; guard++) {
    const now = next.clock.now;
    const due = Object.values(next.docker.containers)
      .filter((c) => (c.state.status === 'running' && c.state.plannedExit && c.state.plannedExit.at <= now) || (c.state.status === 'restarting' && c.state.finishedAt + restartDelay(c.restartCount) <= now))
      .sort((a, b) => (a.state.plannedExit?.at ?? a.state.finishedAt) - (b.state.plannedExit?.at ?? b.state.finishedAt));
    if (!due.length) return next;
    const c = due[0];
    if (c.state.status === 'running') {
      const { at, code } = c.state.plannedExit!;
      if (wantsRestart(next, c.id, code) && !c.hostConfig.autoRemove) {
        next = setContainer(next, { ...c, state: { ...c.state, status: 'restarting', exitCode: code, finishedAt: at, plannedExit: undefined } });
      } else next = exitContainer(next, c.id, code, at);
    } else {
      const image = imageOf(next, c);
      const restarted = { ...c, restartCount: c.restartCount + 1, state: { ...c.state, status: 'exited' as const } };
      const started = image ? startContainer(setContainer(next, restarted), c.id, image) : undefined;
      next = started?.ok ? started.world : exitContainer(next, c.id, c.state.exitCode, now);
    }
  }
  return next;
}

/** Docker waits 100 ms before the first restart and doubles the wait each time, up to a minute. */
export function restartDelay(restarts: number): number {
  return Math.min(60_000, 100 * 2 ** restarts);
}
