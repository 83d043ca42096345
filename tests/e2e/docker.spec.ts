import { expect, expectText, lastRows, openTerminal, run, terminalLines, terminalText, test } from './terminal-helpers';

const PROMPT = 'learner@laptop:~$';

test('chapter 3: run nginx, see it in docker ps, curl it, stop and remove it', async ({ page }) => {
  await page.goto('/lessons/images-and-containers/');
  const frame = await openTerminal(page);
  await run(page, frame, 'docker run -d --name web -p 8080:80 nginx');
  await expectText(frame, 'Status: Downloaded newer image for nginx:latest');
  await expect.poll(() => lastRows(frame, 1)).toEqual([PROMPT]);
  const [id] = await lastRows(frame, 2);
  expect(id).toMatch(/^[0-9a-f]{64}$/);

  await run(page, frame, 'docker ps');
  await expect.poll(async () => (await lastRows(frame, 2))[0]).toMatch(new RegExp(`^${id.slice(0, 12)}   nginx .* Up .*0\\.0\\.0\\.0:8080->80/tcp, \\[::\\]:8080->80/tcp   web$`));

  await run(page, frame, 'curl http://localhost:8080');
  await expectText(frame, 'Thank you for using nginx.');

  await run(page, frame, 'docker stop web');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['web', PROMPT]);
  await run(page, frame, 'docker rm web');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['web', PROMPT]);
  await run(page, frame, 'docker ps -a');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES', PROMPT]);
});

test('chapter 4: the build runs step by step, the app answers, and a rebuild comes from the cache', async ({ page }) => {
  await page.goto('/lessons/building-images/');
  const frame = await openTerminal(page);
  const prompt = 'learner@laptop:~/myapp$';
  await run(page, frame, 'docker build -t myapp:1.0 .');
  // BuildKit's display redraws in place while steps run, and says FINISHED only at the end.
  await expect.poll(async () => (await terminalLines(frame)).some((l) => /^\[\+\] Building \d+\.\ds \(\d+\/\d+\)\s+docker:default$/.test(l))).toBe(true);
  await expectText(frame, /=> => naming to docker\.io\/library\/myapp:1\.0 +0\.0s/, { timeout: 30_000 });
  await expectText(frame, /\[\+\] Building [\d.]+s \(10\/10\) FINISHED/);
  await expect.poll(() => lastRows(frame, 1)).toEqual([prompt]);

  await run(page, frame, 'docker run -d -p 8000:8000 myapp:1.0');
  await expect.poll(() => lastRows(frame, 2)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), prompt]);
  await run(page, frame, 'curl http://localhost:8000');
  await expectText(frame, 'Hello from inside a container!');

  await run(page, frame, 'docker build -t myapp:1.0 .');
  await expectText(frame, /CACHED \[5\/5\] COPY \. \./, { timeout: 15_000 });
  await expect.poll(() => lastRows(frame, 1)).toEqual([prompt]);

  // Edit app.py in nano, save, leave; the next build reruns only from COPY . . on.
  await run(page, frame, 'nano app.py');
  await expectText(frame, 'GNU nano 7.2');
  await page.keyboard.type('# edited in nano');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+O');
  await expectText(frame, 'File Name to Write: app.py');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+X');
  await expect.poll(() => lastRows(frame, 1)).toEqual([prompt]);
  await run(page, frame, 'head -1 app.py');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['# edited in nano', prompt]);
  await run(page, frame, 'docker build -t myapp:1.1 .');
  await expectText(frame, /naming to docker\.io\/library\/myapp:1\.1/, { timeout: 15_000 });
  const text = await terminalText(frame);
  const last = text.slice(text.lastIndexOf('[+] Building'));
  // The step's name is cut to the terminal's width, as BuildKit does.
  expect(last).toMatch(/CACHED \[4\/5\] RUN pip install --no-cache-dir -r requirements/);
  expect(last).toMatch(/ => \[5\/5\] COPY \. \./);
});

test('chapter 5: a push is refused until login, then goes through', async ({ page }) => {
  await page.goto('/lessons/registries/');
  const frame = await openTerminal(page);
  await run(page, frame, 'docker tag myapp:1.0 registry.example.com/team/myapp:1.0');
  await run(page, frame, 'docker push registry.example.com/team/myapp:1.0');
  await expectText(frame, 'no basic auth credentials', { timeout: 15_000 });
  await run(page, frame, 'docker login registry.example.com');
  await expectText(frame, 'Username:');
  await page.keyboard.type('learner');
  await page.keyboard.press('Enter');
  await expectText(frame, 'Password:');
  await page.keyboard.type('secret');
  await page.keyboard.press('Enter');
  await expectText(frame, 'Login Succeeded', { timeout: 15_000 });
  // The password never reaches the screen.
  expect(await terminalText(frame)).not.toContain('secret');
  await run(page, frame, 'docker push registry.example.com/team/myapp:1.0');
  await expectText(frame, /1\.0: digest: sha256:[0-9a-f]{64} size: \d+/, { timeout: 30_000 });
});
