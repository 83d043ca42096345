// The everyday toolbox in a real browser: background jobs and their notices, Ctrl-Z, watch
// redrawing on the clock and leaving at Ctrl-C, and less paging, searching and quitting.
import { expect, expectText, lastRows, openTerminal, run, terminalLines, test } from './terminal-helpers';

const PROMPT = 'learner@laptop:~$';

test.beforeEach(async ({ page }) => {
  await page.goto('/lessons/what-is-a-container/');
});

test('a job runs in the background: jobs lists it, kill %1 ends it, and bash reports it before a later prompt', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, 'sleep 30 &');
  await expect.poll(async () => (await lastRows(frame, 2)).join('\n')).toMatch(/^\[1\] \d+\nlearner@laptop:~\$$/);
  await run(page, frame, 'jobs');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['[1]+  Running                 sleep 30 &', PROMPT]);
  // bash draws the prompt after kill before the job is gone: the notice waits for the next one.
  await run(page, frame, 'kill %1');
  await expect.poll(() => lastRows(frame, 2)).toEqual([`${PROMPT} kill %1`, PROMPT]);
  await run(page, frame, 'true');
  await expect.poll(() => lastRows(frame, 3)).toEqual([`${PROMPT} true`, '[1]+  Terminated              sleep 30', PROMPT]);
  await run(page, frame, 'jobs');
  await expect.poll(() => lastRows(frame, 2)).toEqual([`${PROMPT} jobs`, PROMPT]);
});

test('what a job prints arrives on its own time, while the learner sits at the prompt', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, '(sleep 1; echo one second later) &');
  await expect.poll(() => lastRows(frame, 2), { timeout: 10_000 }).toEqual(['one second later', PROMPT]);
  await run(page, frame, 'true');
  await expect.poll(() => lastRows(frame, 3)).toEqual([`${PROMPT} true`, '[1]+  Done                    ( sleep 1; echo one second later )', PROMPT]);
});

test('Ctrl-Z stops the running command as a job; bg lets it go on, and kill ends it', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, 'sleep 100');
  await page.keyboard.press('Control+Z');
  await expect.poll(() => lastRows(frame, 4)).toEqual([`${PROMPT} sleep 100`, '^Z', '[1]+  Stopped                 sleep 100', PROMPT]);
  await run(page, frame, 'bg');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['[1]+ sleep 100 &', PROMPT]);
  await run(page, frame, 'jobs');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['[1]+  Running                 sleep 100 &', PROMPT]);
  await run(page, frame, 'kill %1; sleep 0.1');
  await expect.poll(() => lastRows(frame, 3)).toEqual([`${PROMPT} kill %1; sleep 0.1`, '[1]+  Terminated              sleep 100', PROMPT]);
});

test('watch docker ps fills the screen, runs again every two seconds, and Ctrl-C brings the prompt back', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, 'docker run -d --name web nginx');
  await expectText(frame, /^[0-9a-f]{64}$/m, { timeout: 15_000 });
  await run(page, frame, 'watch docker ps');
  const header = async () => (await terminalLines(frame))[0] ?? '';
  await expect.poll(header).toMatch(/^Every 2\.0s: docker ps +laptop: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  const first = await header();
  const screen = await terminalLines(frame);
  expect(screen[1]).toBe('');
  // watch wraps docker ps's wide lines onto the rows below, as procps's does (-w would cut them).
  expect(screen[2]).toMatch(/^CONTAINER ID   IMAGE     COMMAND                  CREATED/);
  // Where a row breaks, the blanks at its end are not kept: the table is read without blanks.
  const table = screen.slice(2).join('').replace(/ /g, '');
  expect(table).toMatch(/^CONTAINERIDIMAGECOMMANDCREATEDSTATUSPORTSNAMES[0-9a-f]{12}nginx"\/docker-entrypoint\.…"(Lessthanasecond|\d+seconds?)agoUp(Lessthanasecond|\d+seconds?)80\/tcpweb$/);
  // Two seconds on, watch has run docker ps again: the clock in its header has moved.
  await expect.poll(header, { timeout: 10_000 }).not.toBe(first);
  expect(await header()).toMatch(/^Every 2\.0s: docker ps +laptop: /);
  await page.keyboard.press('Control+C');
  await expect.poll(() => lastRows(frame, 2)).toEqual([`${PROMPT} watch docker ps`, PROMPT]);
  await run(page, frame, 'echo back');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['back', PROMPT]);
});

test('less pages a long file: it opens at the top, / finds a line, Space turns the page, q leaves it', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, 'seq 1 500 > long.txt');
  await run(page, frame, 'less long.txt');
  await expect.poll(async () => (await terminalLines(frame)).slice(0, 3)).toEqual(['1', '2', '3']);
  const rows = (await terminalLines(frame)).length;
  expect(await lastRows(frame, 1)).toEqual(['long.txt']);
  await page.keyboard.type('/250');
  await expect.poll(() => lastRows(frame, 1)).toEqual(['/250']);
  await page.keyboard.press('Enter');
  // The line found is drawn at the top of the screen, the rest of the page below it.
  await expect.poll(async () => (await terminalLines(frame)).slice(0, 2)).toEqual(['250', '251']);
  await page.keyboard.press(' ');
  await expect.poll(async () => (await terminalLines(frame))[0]).toBe(String(250 + rows - 1));
  await page.keyboard.type('q');
  // less used the other screen: the prompt comes back below the command that opened it.
  await expect.poll(() => lastRows(frame, 2)).toEqual([`${PROMPT} less long.txt`, PROMPT]);
});
