import { expect, expectText, lastRows, openTerminal, run, terminal, test } from './terminal-helpers';

const PROMPT = 'learner@laptop:~$';

test.beforeEach(async ({ page }) => {
  await page.goto('/lessons/what-is-a-container/');
});

test('typing a command shows its output', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, 'echo hello');
  await expectText(frame, 'hello');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['hello', PROMPT]);
});

test('mkdir, cd and ls work and the prompt follows', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, 'mkdir -p projects/hello');
  await run(page, frame, 'cd projects/hello');
  await run(page, frame, 'touch app.py requirements.txt');
  await run(page, frame, 'ls');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['app.py  requirements.txt', 'learner@laptop:~/projects/hello$']);
});

test('Tab completes, Up recalls, Ctrl-C gives a fresh prompt', async ({ page }) => {
  const frame = await openTerminal(page);
  await page.keyboard.type('whoa');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['learner', PROMPT]);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastRows(frame, 1)).toEqual([`${PROMPT} whoami`]);
  await page.keyboard.press('Control+C');
  // Completion added a space after "whoami", and history keeps the line as typed, as bash does.
  await expect.poll(() => lastRows(frame, 2)).toEqual([`${PROMPT} whoami ^C`, PROMPT]);
  await run(page, frame, 'sleep 60');
  await page.keyboard.press('Control+C');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['^C', PROMPT]);
});

test('names with quotes and HTML stay text', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, `touch '<script>alert(1)</script>' "it's"`);
  await run(page, frame, 'ls -1');
  await expectText(frame, "'<script>alert(1)</script>'");
  await expectText(frame, `"it's"`);
  expect(await page.locator('script:text("alert(1)")').count()).toBe(0);
});

test('a fork bomb burns out within its budget, an endless loop stops at Ctrl-C, and the terminal keeps working', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, ':(){ :|:& };:');
  await expect.poll(async () => (await lastRows(frame, 2)).join('\n')).toMatch(/^\[1\] \d+\nlearner@laptop:~\$$/);
  // Its forks share one line's work budget: the first job and all it started are soon over.
  await run(page, frame, 'sleep 2; jobs; jobs');
  await expect.poll(() => lastRows(frame, 2), { timeout: 10_000 }).toEqual([expect.stringMatching(/^\[1\]\+  (Done|Exit \d+) +: \| :$/), PROMPT]);
  await run(page, frame, 'while true; do echo looping; done');
  await expectText(frame, 'looping\nlooping\nlooping');
  await page.keyboard.press('Control+C');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['^C', PROMPT]);
  await run(page, frame, 'echo still-here');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['still-here', PROMPT]);
});

test('Esc then Tab moves focus out of the terminal', async ({ page }) => {
  await openTerminal(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const inTerminal = await page.evaluate(() => Boolean(document.activeElement?.closest('.xterm')));
  expect(inTerminal).toBe(false);
});

test('output without a final newline stays on screen, before the next prompt', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, 'printf abc');
  await expect.poll(() => lastRows(frame, 1)).toEqual([`abc${PROMPT}`]);
});

test('a restarting container restarts on its own while the learner only reads', async ({ page }) => {
  const frame = await openTerminal(page);
  await run(page, frame, "docker run -d --name crash --restart=always busybox sh -c 'sleep 1; exit 3'");
  await expectText(frame, /^[0-9a-f]{64}$/m, { timeout: 15_000 });
  // No key is pressed for three seconds: the clock owner runs the exits and restarts meanwhile.
  await page.waitForTimeout(3_000);
  await run(page, frame, "docker inspect -f '{{.RestartCount}}' crash");
  await expect.poll(async () => Number((await lastRows(frame, 2))[0])).toBeGreaterThanOrEqual(2);
});
