// The workbench as a learner uses it: the terminal beside the text, Run and Write buttons, saved
// machines and ticks across reloads, reset, export and import, embed mode, a damaged saved entry.
import { readFile } from 'node:fs/promises';
import { expect, expectText, lastRows, openTerminal, run, terminal, terminalText, test } from './terminal-helpers';

const PROMPT = 'learner@laptop:~$';

test('the terminal stays beside the text while the learner scrolls, and Run types into it', async ({ page }) => {
  await page.goto('/lessons/images-and-containers/');
  const panel = page.locator('[data-bench-panel]');
  await expect(panel).toBeInViewport();
  const runButton = page.getByRole('button', { name: 'Run: docker run -d --name web -p 8080:80 nginx' });
  await runButton.scrollIntoViewIfNeeded();
  await expect(panel).toBeInViewport();
  const box = await panel.boundingBox();
  expect(box!.x).toBeGreaterThan(500);
  await runButton.click();
  const frame = terminal(page);
  await expect(frame).toHaveAttribute('data-status', 'ready');
  await expectText(frame, `${PROMPT} docker run -d --name web -p 8080:80 nginx`);
  await expectText(frame, 'Status: Downloaded newer image for nginx:latest');
  await expect.poll(() => lastRows(frame, 1)).toEqual([PROMPT]);
  await page.getByRole('button', { name: 'Run: docker ps' }).first().click();
  await expect.poll(async () => (await lastRows(frame, 3))[1]).toMatch(/^[0-9a-f]{12}   nginx     "\/docker-entrypoint\.…"   (Less than a second|\d+ seconds?) ago   Up (Less than a second|\d+ seconds?)   0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp   web$/);
});

test('a block of several lines runs them one after the other, each after the one before finished', async ({ page }) => {
  await page.goto('/lessons/images-and-containers/');
  const frame = terminal(page);
  await page.getByRole('button', { name: 'Run: docker run -d --name web -p 8080:80 nginx' }).click();
  await expectText(frame, 'Status: Downloaded newer image for nginx:latest');
  await page.getByRole('button', { name: 'Run: docker stop web' }).click();
  await expect.poll(() => terminalText(frame)).toMatch(/\$ docker stop web\nweb\nlearner@laptop:~\$ docker ps\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\nlearner@laptop:~\$ docker ps -a\nCONTAINER ID/);
});

test('the machine, the scrollback and the history survive a reload', async ({ page }) => {
  await page.goto('/lessons/images-and-containers/');
  let frame = await openTerminal(page);
  await run(page, frame, 'docker run -d --name web -p 8080:80 nginx');
  await expectText(frame, 'Status: Downloaded newer image for nginx:latest');
  await run(page, frame, 'echo remembered > note.txt');
  await expect.poll(() => lastRows(frame, 1)).toEqual([PROMPT]);
  await page.waitForTimeout(1200);
  await page.reload();
  frame = await openTerminal(page);
  await expectText(frame, '(Your machine as you left it. Reset starts it afresh.)');
  expect(await terminalText(frame)).toContain(`${PROMPT} docker run -d --name web -p 8080:80 nginx`);
  await run(page, frame, "docker ps --format '{{.Names}} {{.Status}}'; cat note.txt");
  await expect.poll(() => lastRows(frame, 3)).toEqual([expect.stringMatching(/^web Up (Less than a second|\d+ seconds?|About a minute|\d+ minutes)$/), 'remembered', PROMPT]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastRows(frame, 1)).toEqual([`${PROMPT} echo remembered > note.txt`]);
});

test('an exercise done with Run buttons stays done after a reload; Reset starts it afresh', async ({ page }) => {
  await page.goto('/exercises/run-nginx/');
  const section = page.locator('[data-exercise="run-nginx"]');
  const box = (id: string) => section.locator(`[data-check="${id}"]`);
  await section.getByText('Show the solution').click();
  await section.getByRole('button', { name: /^Run: docker run/ }).click();
  const frame = terminal(page);
  await expectText(frame, `${PROMPT} curl http://localhost:8080`, { timeout: 20_000 });
  for (const id of ['nginx-running', 'ps-saw-it', 'page-served']) await expect(box(id)).toHaveAttribute('data-passed', 'true');
  await section.getByLabel('One nginx image and two containers made from it.').check();
  await expect(section.getByText('3 of 3 done: well done.')).toBeVisible();

  await page.waitForTimeout(1200);
  await page.reload();
  for (const id of ['nginx-running', 'ps-saw-it', 'page-served']) await expect(box(id)).toHaveAttribute('data-passed', 'true');
  await expect(section.getByLabel('One nginx image and two containers made from it.')).toBeChecked();
  await expect(terminal(page)).toHaveAttribute('data-status', 'ready');
  await expectText(terminal(page), '<title>Welcome to nginx!</title>');

  page.once('dialog', (dialog) => dialog.accept());
  await section.getByRole('button', { name: 'Reset the exercise Run a web server' }).click();
  for (const id of ['nginx-running', 'ps-saw-it', 'page-served']) await expect(box(id)).toHaveAttribute('data-passed', 'false');
  await expect(section.getByLabel('One nginx image and two containers made from it.')).not.toBeChecked();
  const fresh = await openTerminal(page);
  await run(page, fresh, 'docker ps -a');
  await expect.poll(() => lastRows(fresh, 2)).toEqual(['CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES', PROMPT]);
  await page.reload();
  await expect(box('nginx-running')).toHaveAttribute('data-passed', 'false');
});

test('the exercise in a lesson and at its own link share one machine and one set of ticks', async ({ page }) => {
  await page.goto('/lessons/images-and-containers/#run-nginx');
  const tab = page.getByRole('tab', { name: 'Run a web server' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const frame = page.locator('[data-terminal="exercise:run-nginx"]');
  await expect(frame).toHaveAttribute('data-status', 'ready');
  await frame.locator('.xterm-screen').click();
  await run(page, frame, 'docker run -d --name web -p 8080:80 nginx');
  const box = page.locator('[data-exercise="run-nginx"] [data-check="nginx-running"]');
  await expect(box).toHaveAttribute('data-passed', 'true', { timeout: 20_000 });
  await page.waitForTimeout(1200);
  await page.goto('/exercises/run-nginx/');
  await expect(page.locator('[data-check="nginx-running"]')).toHaveAttribute('data-passed', 'true');
  const alone = await openTerminal(page);
  await run(page, alone, "docker ps --format '{{.Names}}'");
  await expect.poll(() => lastRows(alone, 2)).toEqual(['web', PROMPT]);
  await page.goto('/exercises/');
  await expect(page.locator('[data-exercise-progress="run-nginx"]')).toHaveText('2 of 4');
});

test('Write to file saves a lesson block in the terminal\'s machine', async ({ page }) => {
  await page.goto('/lessons/building-images/');
  const write = page.getByRole('button', { name: 'Write to file app.py' });
  await write.click();
  await expect(page.getByText("Saved /home/learner/myapp/app.py in the terminal's machine.")).toBeVisible();
  const frame = await openTerminal(page);
  await run(page, frame, 'grep -c . app.py; head -1 app.py');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['from flask import Flask', 'learner@laptop:~/myapp$']);
});

test('keys typed while the terminal loads are kept, and Space does not scroll the page', async ({ page }) => {
  // Hold back the terminal's code (the only script that carries xterm) for a while.
  await page.route('**/_next/static/chunks/**', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('xterm-helper-textarea')) await new Promise((r) => setTimeout(r, 2500));
    await route.fulfill({ response, body });
  });
  await page.goto('/lessons/what-is-a-container/');
  const frame = terminal(page);
  const placeholder = frame.getByLabel(/loading\. What you type now is kept\./);
  await expect(placeholder).toBeVisible();
  await expect(frame.getByRole('status')).toHaveText('Starting the terminal…');
  await placeholder.focus();
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.keyboard.type('echo kept for later');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expect(frame.getByText('Kept for when it is ready: echo kept for later')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(frame).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => lastRows(frame, 3)).toEqual([`${PROMPT} echo kept for later`, 'kept for later', PROMPT]);
});

test('a damaged saved entry gives a notice and a working page', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('berth:progress', '{"version":1,"exercises":{"run-nginx":{"checks":"not a list"}}}');
    localStorage.setItem('berth:machine:exercise:run-nginx', JSON.stringify({ version: 1, world: '{"not":"a world"}', screen: '<img src=x onerror=alert(1)>', savedAt: 1 }));
  });
  page.on('dialog', () => {
    throw new Error('no dialog may open');
  });
  await page.goto('/exercises/run-nginx/');
  await expect(page.getByText('Your progress saved in this browser could not be read (it may come from another version of Berth), so it was set aside. You start afresh.')).toBeVisible();
  await expect(page.getByText('The saved machine of "Exercise: Run a web server" could not be read, so it starts afresh.')).toBeVisible();
  const frame = await openTerminal(page);
  await run(page, frame, 'docker run -d --name web -p 8080:80 nginx');
  await expect(page.locator('[data-check="nginx-running"]')).toHaveAttribute('data-passed', 'true', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(page.locator('[data-notice]')).toHaveCount(1);
});

test('progress exported from one browser imports into a fresh one, machine included', async ({ page, browser }) => {
  await page.goto('/exercises/run-nginx/');
  const frame = await openTerminal(page);
  await run(page, frame, 'docker run -d --name web -p 8080:80 nginx');
  await expect(page.locator('[data-check="nginx-running"]')).toHaveAttribute('data-passed', 'true', { timeout: 20_000 });
  await page.waitForTimeout(1200);
  await page.goto('/progress/');
  await expect(page.locator('[data-progress-of="run-nginx"]')).toHaveText('1 of 4 checks');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  const text = await readFile(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ berth: 'progress', version: 1, progress: { exercises: { 'run-nginx': { checks: ['nginx-running'] } } } });

  const other = await browser.newContext();
  await other.addInitScript(() => ((window as unknown as { __berthTerminals: unknown[] }).__berthTerminals = []));
  const fresh = await other.newPage();
  await fresh.goto('/progress/');
  await expect(fresh.locator('[data-progress-of="run-nginx"]')).toHaveText('not started');
  await fresh.getByLabel('Import a file').setInputFiles(file);
  await expect(fresh.locator('[data-progress-status]')).toHaveText(/^Imported .*: 1 exercise and 1 saved terminal\.$/);
  await expect(fresh.locator('[data-progress-of="run-nginx"]')).toHaveText('1 of 4 checks');
  await fresh.goto('/exercises/run-nginx/');
  await expect(fresh.locator('[data-check="nginx-running"]')).toHaveAttribute('data-passed', 'true');
  const restored = fresh.locator('[data-terminal]').first();
  await expect(restored).toHaveAttribute('data-status', 'ready');
  await restored.locator('.xterm-screen').click();
  await fresh.keyboard.type("docker ps --format '{{.Names}}'");
  await fresh.keyboard.press('Enter');
  await expect.poll(() => lastRows(restored, 2)).toEqual(['web', PROMPT]);

  await fresh.goto('/progress/');
  await fresh.getByLabel('Import a file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(fresh.locator('[data-progress-status]')).toHaveText('This is not a Berth progress file, or it was damaged: nothing was imported.');
  await other.close();
});

test('embedded, an exercise shows no site chrome and links back to its chapter', async ({ page }) => {
  await page.goto('/exercises/run-nginx/?embed=1');
  await expect(page.getByRole('heading', { level: 1, name: 'Run a web server' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Berth, chapter 3: Images and containers' })).toHaveAttribute('href', '/lessons/images-and-containers/#run-nginx');
  const frame = await openTerminal(page);
  await run(page, frame, 'echo inside');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['inside', PROMPT]);
});

test('the terminal widens from the keyboard and goes full screen', async ({ page }) => {
  await page.goto('/lessons/what-is-a-container/');
  const panel = page.locator('[data-bench-panel]');
  const before = (await panel.boundingBox())!.width;
  const handle = page.getByRole('separator', { name: /Terminal width/ });
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(Math.round(before) + 80);
  await page.getByRole('button', { name: 'Full screen' }).click();
  const viewport = page.viewportSize()!;
  await expect.poll(async () => (await panel.boundingBox())!.width).toBe(viewport.width);
  await page.getByRole('button', { name: 'Exit full screen' }).click();
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(Math.round(before) + 80);
});

test('chapter 1 leads on to the next written chapter and names the one still coming', async ({ page }) => {
  await page.goto('/lessons/what-is-a-container/');
  const nav = page.getByRole('navigation', { name: 'Chapters' });
  await expect(nav.getByRole('link', { name: /Next · chapter 3/ })).toHaveAttribute('href', '/lessons/images-and-containers/');
  await expect(nav.locator('[data-coming]')).toHaveText('Coming later: chapter 2, Containers and virtual machines. The course map shows what is written so far.');
});

test('a progress link carries ticks and answers to a fresh browser, after the learner agrees', async ({ page, browser }) => {
  await page.goto('/exercises/run-nginx/');
  await page.getByLabel('One nginx image and two containers made from it.').check();
  await expect(page.locator('[data-quiz="run-nginx-image-vs-container"]')).toHaveAttribute('data-answered', 'right');
  await page.goto('/progress/');
  await page.getByRole('button', { name: 'Copy a progress link' }).click();
  const link = await page.locator('[data-progress-link]').textContent();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/progress\/#import=[A-Za-z0-9_-]+$/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link!);
  await expect(fresh.locator('[data-progress-of="run-nginx"]')).toHaveText('not started');
  await fresh.getByRole('button', { name: 'Import it' }).click();
  await expect(fresh.locator('[data-progress-status]')).toHaveText('Imported the link: 1 exercise and 0 saved terminals.');
  await expect(fresh.locator('[data-progress-of="run-nginx"]')).toHaveText('1 of 4 checks');
  expect(fresh.url()).toMatch(/\/progress\/$/);
  await fresh.goto('/progress/#import=not-base64!!');
  await expect(fresh.locator('[data-progress-status]')).toHaveText('This progress link is damaged: nothing was imported.');
  await other.close();
});

test('keyboard users reach the terminal without tabbing through the lesson', async ({ page }) => {
  await page.goto('/lessons/registries/');
  await expect(page.locator('[data-bench-panel]')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Go to the terminal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.xterm')))).toBe(true);
  await page.keyboard.type('echo typed');
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRows(terminal(page), 2)).toEqual(['typed', 'learner@laptop:~/myapp$']);
});
