// Job control on the screen, through the terminal driver and a real terminal emulator: Ctrl-Z
// stops the running line, bg and fg move it, a job's output arrives while the learner types
// (the prompt and the half-typed line are drawn again below it), notices come before prompts.
import { describe, expect, it } from 'vitest';
import { openScreen } from '../../helpers/screen';

const P = 'learner@laptop:~$ ';

describe('job control on the terminal', () => {
  it('Ctrl-Z stops the running line; bg, jobs, fg and kill go on from there', async () => {
    const s = await openScreen();
    await s.keys('sleep 5\r');
    s.timers.tick(1000);
    await s.keys('\x1a');
    expect(s.driver.busy()).toBe(false);
    await s.keys('echo $?\r');
    await s.keys('jobs\r');
    await s.keys('bg\r');
    await s.keys('jobs\r');
    s.timers.tick(5000);
    await s.keys('\r');
    await s.keys('cat\r');
    await s.keys('\x1a');
    await s.keys('fg\r');
    await s.keys('abc\r');
    await s.keys('\x1a');
    await s.keys('kill %1\r');
    await s.keys('\r');
    expect(await s.lines()).toEqual([
      `${P}sleep 5`,
      '^Z',
      '[1]+  Stopped                 sleep 5',
      `${P}echo $?`,
      '148',
      `${P}jobs`,
      '[1]+  Stopped                 sleep 5',
      `${P}bg`,
      '[1]+ sleep 5 &',
      `${P}jobs`,
      '[1]+  Running                 sleep 5 &',
      P.trimEnd(),
      '[1]+  Done                    sleep 5',
      `${P}cat`,
      '^Z',
      '[1]+  Stopped                 cat',
      `${P}fg`,
      'cat',
      'abc',
      'abc',
      '^Z',
      '[1]+  Stopped                 cat',
      `${P}kill %1`,
      // bash's kill sends a stopped job SIGCONT too, and reports it Stopped once more first.
      '',
      '[1]+  Stopped                 cat',
      P.trimEnd(),
      '[1]+  Terminated              cat',
      P.trimEnd(),
    ]);
  });

  it('Ctrl-Z on watch gives the screen back before the notice; fg takes it again, and bg stops it for the terminal', async () => {
    const s = await openScreen();
    await s.keys('watch date\r');
    s.timers.tick(500);
    expect((await s.lines())[0]).toMatch(/^Every 2\.0s: date +laptop: /);
    await s.keys('\x1a');
    // The normal screen again, as curses leaves it on SIGTSTP: the line typed, ^Z, the notice.
    expect(await s.lines()).toEqual([`${P}watch date`, '^Z', '[1]+  Stopped                 watch date', P.trimEnd()]);
    await s.keys('fg\r');
    const screen = await s.lines();
    expect(screen[0]).toMatch(/^Every 2\.0s: date +laptop: /);
    expect(screen[2]).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
    await s.keys('\x1a');
    await s.keys('bg\r');
    await s.keys('\r');
    await s.keys('kill %1\r');
    await s.keys('\r');
    expect(await s.lines()).toEqual([
      `${P}watch date`,
      '^Z',
      '[1]+  Stopped                 watch date',
      `${P}fg`,
      'watch date',
      '^Z',
      '[1]+  Stopped                 watch date',
      `${P}bg`,
      '[1]+ watch date &',
      '',
      '[1]+  Stopped                 watch date',
      P.trimEnd(),
      `${P}kill %1`,
      '',
      '[1]+  Stopped                 watch date',
      P.trimEnd(),
      '[1]+  Terminated              watch date',
      P.trimEnd(),
    ]);
  });

  it('a stopped sleep continued later ends at its own deadline, not one delayed by the stop', async () => {
    const s = await openScreen();
    await s.keys('sleep 3\r');
    s.timers.tick(1000);
    await s.keys('\x1a');
    s.timers.tick(10_000);
    await s.keys('fg\r');
    s.timers.tick(1);
    expect(s.driver.busy()).toBe(false);
    expect((await s.lines()).slice(-3)).toEqual([`${P}fg`, 'sleep 3', P.trimEnd()]);
  });

  it('what a job prints while the learner types goes above the prompt, and the typing is kept', async () => {
    const s = await openScreen();
    await s.keys('(sleep 2; echo hello) &\r');
    await s.keys('echo typ');
    s.timers.tick(2500);
    await s.keys('ed\r');
    expect(await s.lines()).toEqual([`${P}(sleep 2; echo hello) &`, '[1] 5003', 'hello', `${P}echo typed`, 'typed', '[1]+  Done                    ( sleep 2; echo hello )', P.trimEnd()]);
  });

  it('docker logs -f in the background writes each new line to its file as the container logs it', async () => {
    const s = await openScreen({ cols: 120 });
    await s.keys('docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1\r');
    s.timers.tick(30_000);
    await s.keys('docker logs -f web >/tmp/log &\r');
    s.timers.tick(1000);
    await s.keys('grep -c GET /tmp/log\r');
    await s.keys('curl -s localhost:8080 >/dev/null; curl -s localhost:8080/x >/dev/null\r');
    s.timers.tick(1000);
    await s.keys('grep -c GET /tmp/log\r');
    expect((await s.lines()).slice(-6)).toEqual([`${P}grep -c GET /tmp/log`, '0', `${P}curl -s localhost:8080 >/dev/null; curl -s localhost:8080/x >/dev/null`, `${P}grep -c GET /tmp/log`, '2', P.trimEnd()]);
  });
});
