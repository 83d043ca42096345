// The clock owner in real time, as the terminal and the time controls share it: background events
// happen live while the learner reads, pause stops everything, 10x runs ten times faster, a step
// runs exactly the next event, and a stream sleeps until its next line instead of polling.
import { describe, expect, it } from 'vitest';
import { openScreen, type Screen } from '../../helpers/screen';

const PROMPT = 'learner@laptop:~$';
const now = (s: Screen) => s.session.store.getState().clock.now;
const crash = (s: Screen) => Object.values(s.session.store.getState().docker.containers).find((c) => c.name === 'crash')!;

async function withCrashingContainer() {
  const s = await openScreen();
  s.session.run('docker pull busybox');
  await s.keys("docker run -d --name crash --restart=always busybox sh -c 'sleep 2; exit 1'\r");
  s.timers.tick(1000);
  expect(s.driver.busy()).toBe(false);
  return s;
}

describe('the clock owner', () => {
  it('lets background events happen while the learner only reads', async () => {
    const s = await withCrashingContainer();
    const started = crash(s).state.startedAt;
    // Nobody types: the exit at +2 s and the restart 100 ms later happen on their own.
    s.timers.tick(2000);
    expect(crash(s).restartCount).toBe(1);
    expect(crash(s).state.status).toBe('running');
    expect(crash(s).state.startedAt).toBe(started + 2000 + 100);
  });

  it('pauses: no simulated time passes, a running command waits, play resumes it', async () => {
    const s = await openScreen();
    s.clock.pause();
    const before = now(s);
    await s.keys('sleep 5; echo woke\r');
    s.timers.tick(60_000);
    expect(now(s)).toBe(before);
    expect(s.driver.busy()).toBe(true);
    s.clock.play();
    s.timers.tick(4_999);
    expect(s.driver.busy()).toBe(true);
    s.timers.tick(1);
    expect(await s.lines()).toEqual([`${PROMPT} sleep 5; echo woke`, 'woke', PROMPT]);
    expect(now(s)).toBe(before + 5_000);
  });

  it('runs ten times faster at 10x', async () => {
    const s = await openScreen();
    s.clock.setRate(10);
    expect(s.clock.state().rate).toBe(10);
    await s.keys('sleep 10; echo done\r');
    s.timers.tick(999);
    expect(s.driver.busy()).toBe(true);
    s.timers.tick(1);
    expect(await s.lines()).toEqual([`${PROMPT} sleep 10; echo done`, 'done', PROMPT]);
  });

  it('steps to exactly the next event while paused', async () => {
    const s = await withCrashingContainer();
    s.clock.pause();
    const exitAt = crash(s).state.plannedExit!.at;
    expect(s.clock.stepToNextEvent()).toBe(true);
    expect(now(s)).toBe(exitAt);
    expect(crash(s).state.status).toBe('restarting');
    expect(s.clock.stepToNextEvent()).toBe(true);
    expect(now(s)).toBe(exitAt + 100);
    expect(crash(s).state.status).toBe('running');
    expect(crash(s).restartCount).toBe(1);
    s.timers.tick(600_000);
    expect(now(s)).toBe(exitAt + 100);
  });

  it('says when there is nothing to step to', async () => {
    const s = await openScreen();
    s.clock.pause();
    expect(s.clock.stepToNextEvent()).toBe(false);
  });

  it('docker logs -f sleeps until each line is due, without polling', async () => {
    const s = await openScreen();
    s.session.run('docker pull busybox');
    s.session.run("docker run -d --name ticker busybox sh -c 'for i in 1 2 3; do echo tick $i; sleep 10; done'");
    await s.keys('docker logs -f ticker\r');
    s.timers.tick(100);
    expect((await s.lines()).slice(1)).toEqual(['tick 1']);
    const timersBefore = s.timers.created;
    s.timers.tick(10_000);
    expect((await s.lines()).slice(1)).toEqual(['tick 1', 'tick 2']);
    s.timers.tick(10_000);
    expect((await s.lines()).slice(1)).toEqual(['tick 1', 'tick 2', 'tick 3']);
    // Two lines in twenty seconds: a handful of wake-ups, not one every 200 ms.
    expect(s.timers.created - timersBefore).toBeLessThanOrEqual(8);
    s.timers.tick(10_000);
    // The container's program ended: logs -f ends with it.
    expect((await s.lines()).slice(1)).toEqual(['tick 1', 'tick 2', 'tick 3', PROMPT]);
  });

  it('Ctrl-C ends a stream at once and the clock goes on', async () => {
    const s = await openScreen();
    s.session.run('docker pull nginx');
    s.session.run('docker run -d --name web nginx');
    await s.keys('docker logs -f web\r');
    s.timers.tick(5_000);
    expect(s.driver.busy()).toBe(true);
    await s.keys('\x03');
    expect(s.driver.busy()).toBe(false);
    expect((await s.lines()).slice(-2)).toEqual(['^C', PROMPT]);
  });
});
