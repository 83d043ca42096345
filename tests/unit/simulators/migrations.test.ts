// Saved worlds of schema 1 (before time became a queue of events) come back working: their planned
// exits and pending restarts get timers, and the record of commands starts empty.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../simulators';

/** A world as version 1 saved it: no timers, no record; due work was found by rescanning. */
function versionOne(build: (s: ReturnType<typeof createSession>) => void) {
  const s = createSession();
  build(s);
  const world = JSON.parse(JSON.stringify(s.snapshot()));
  delete world.timers;
  delete world.record;
  world.schema = 1;
  for (const c of Object.values(world.docker.containers) as { state: { restartDelay?: number } }[]) delete c.state.restartDelay;
  return world;
}

describe('migrating saved worlds', () => {
  it('gives a planned exit its timer, so the container still exits on time', () => {
    const old = versionOne((s) => {
      s.run('docker pull busybox');
      s.run("docker run -d --name job busybox sh -c 'sleep 30; echo done'");
    });
    const s = createSession();
    s.restore(old);
    expect(s.store.getState().schema).toBe(3);
    expect(s.store.getState().record).toEqual({ commands: [], nextId: 1 });
    const exitAt = (Object.values(s.store.getState().docker.containers)[0] as { state: { plannedExit: { at: number } } }).state.plannedExit.at;
    expect(s.nextEventAt()).toBe(exitAt);
    s.advance(31_000);
    expect(s.run('docker ps -a --format "{{.Names}} {{.Status}}"').output).toBe('job Exited (0) 1 second ago\n');
    expect(s.run('docker logs job').output).toBe('done\n');
  });

  it('gives a restart waiting out its back-off a timer and the back-off it had', () => {
    const old = versionOne((s) => {
      s.run('docker pull busybox');
      s.run("docker run -d --name crash --restart=always busybox sh -c 'sleep 1; exit 1'");
      // The run took 280 ms of the first second; the exit comes 720 ms later, the restart 100 ms after.
      s.advance(750);
    });
    const s = createSession();
    s.restore(old);
    const c = () => Object.values(s.store.getState().docker.containers)[0];
    expect(c().state.status).toBe('restarting');
    expect(c().state.restartDelay).toBe(100);
    s.advance(69);
    expect(c().state.status).toBe('restarting');
    s.advance(1);
    expect(c().state.status).toBe('running');
    expect(c().restartCount).toBe(1);
  });

  it('refuses a world from a newer version than this site knows', () => {
    const s = createSession();
    const saved = JSON.parse(JSON.stringify(s.snapshot()));
    saved.schema = 99;
    expect(() => createSession().restore(saved)).toThrow(/schema/);
  });
});
