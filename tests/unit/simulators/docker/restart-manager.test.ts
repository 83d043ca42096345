// The restart policies over simulated time, event by event, against moby's restart manager:
// first restart 100 ms after the exit, the wait doubling each time up to a minute, back to 100 ms
// once a run lasted 10 s; on-failure:N restarts N times; a user's start resets the count.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession, type Session } from '../../../../simulators';
import { nextDelay } from '../../../../simulators/docker/engine/restart-manager';

const container = (s: Session, name: string) => Object.values(s.store.getState().docker.containers).find((c) => c.name === name)!;

/** Steps event by event for `ms`, writing down each change of status as `+ms status count`. */
function timeline(s: Session, name: string, ms: number): string[] {
  const start = s.store.getState().clock.now;
  const out: string[] = [];
  let last = '';
  const note = () => {
    const c = container(s, name);
    const now = s.store.getState().clock.now;
    const line = `${c.state.status} ${c.restartCount}`;
    if (line !== last) out.push(`+${now - start} ${line}`);
    last = line;
  };
  note();
  while ((s.nextEventAt() ?? Infinity) <= start + ms) {
    s.stepToNextEvent();
    note();
  }
  return out;
}

function crashing(policy: string, script = 'sleep 3; exit 1') {
  const s = createSession({ seed: 7 });
  s.run('docker pull busybox');
  s.run(`docker run -d --name crash --restart=${policy} busybox sh -c '${script}'`);
  return s;
}

describe('restart policies on the event queue', () => {
  it('always: 100 ms, then doubling waits between 3-second runs', () => {
    const s = crashing('always');
    // The command's own waits (create, start) already passed 280 ms of its first run.
    expect(timeline(s, 'crash', 20_000)).toEqual([
      '+0 running 0',
      '+2720 restarting 0',
      '+2820 running 1',
      '+5820 restarting 1',
      '+6020 running 2',
      '+9020 restarting 2',
      '+9420 running 3',
      '+12420 restarting 3',
      '+13220 running 4',
      '+16220 restarting 4',
      '+17820 running 5',
    ]);
  });

  it('caps the wait at one minute', () => {
    expect([0, 1, 2, 3, 9, 10, 11].reduce<number[]>((acc) => [...acc, nextDelay(acc.at(-1), 3000)], [])).toEqual([100, 200, 400, 800, 1600, 3200, 6400]);
    let d: number | undefined;
    const seen: number[] = [];
    for (let i = 0; i < 13; i++) seen.push((d = nextDelay(d, 1000)));
    expect(seen.slice(-5)).toEqual([25_600, 51_200, 60_000, 60_000, 60_000]);
  });

  it('resets the wait to 100 ms after a run of 10 s or more', () => {
    expect(nextDelay(51_200, 9_999)).toBe(60_000);
    expect(nextDelay(51_200, 10_000)).toBe(100);
    const s = crashing('always', 'sleep 12; exit 3');
    const t = timeline(s, 'crash', 40_000);
    // Every run lasts 12 s, so every wait is the first one: 100 ms.
    expect(t).toEqual(['+0 running 0', '+11720 restarting 0', '+11820 running 1', '+23820 restarting 1', '+23920 running 2', '+35920 restarting 2', '+36020 running 3']);
  });

  it('on-failure:3 runs four times in all, then stays exited with the last code', () => {
    const s = crashing('on-failure:3');
    s.advance(600_000);
    const c = container(s, 'crash');
    expect(c.restartCount).toBe(3);
    expect(c.state.status).toBe('exited');
    expect(c.state.exitCode).toBe(1);
    expect(s.run('docker logs crash').output).toBe('');
    expect(s.nextEventAt()).toBeUndefined();
  });

  it('on-failure does not restart a clean exit', () => {
    const s = crashing('on-failure', 'echo done');
    s.advance(60_000);
    expect(s.run('docker ps -a --format "{{.Status}} {{.RunningFor}}"').output).toBe('Exited (0) About a minute ago About a minute ago\n');
    expect(container(s, 'crash').restartCount).toBe(0);
  });

  it('keeps one log line per run: ten minutes of always', () => {
    const s = crashing('always', 'echo run; sleep 3; exit 1');
    s.advance(600_000);
    const runs = container(s, 'crash').restartCount + 1;
    expect(runs).toBe(18);
    expect(s.run('docker logs crash').output).toBe('run\n'.repeat(runs));
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toBe('Restarting (1) 24 seconds ago\n');
  });

  it('a start by the learner resets the restart count', () => {
    const s = crashing('on-failure:1', 'sleep 2; exit 2');
    s.advance(10_000);
    expect(container(s, 'crash').restartCount).toBe(1);
    s.run('docker start crash');
    expect(container(s, 'crash').restartCount).toBe(0);
  });

  it('docker stop during the back-off leaves it exited, and the stale timer does nothing', () => {
    const s = crashing('always');
    s.advance(2_750);
    expect(container(s, 'crash').state.status).toBe('restarting');
    s.run('docker stop crash');
    s.advance(120_000);
    expect(container(s, 'crash').state.status).toBe('exited');
    expect(container(s, 'crash').restartCount).toBe(0);
  });

  it('gives the same world however ten minutes are sliced', () => {
    const reference = (() => {
      const s = crashing('always', 'echo run; sleep 3; exit 1');
      s.advance(600_000);
      return JSON.stringify(s.snapshot());
    })();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 599_999 }), { minLength: 1, maxLength: 60 }), (cuts) => {
        const s = crashing('always', 'echo run; sleep 3; exit 1');
        let at = 0;
        for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
          s.advance(cut - at);
          at = cut;
        }
        s.advance(600_000 - at);
        expect(JSON.stringify(s.snapshot())).toBe(reference);
      }),
      { numRuns: 25 },
    );
  });

  it('ignores a saved timer whose key names no container, even one every object inherits', () => {
    const s = crashing('always');
    const saved = JSON.parse(JSON.stringify(s.snapshot()));
    saved.timers.heap[0].key = '__proto__';
    const t = createSession();
    t.restore(saved);
    expect(() => t.advance(60_000)).not.toThrow();
    expect(t.run('echo still here').output).toBe('still here\n');
  });
});
