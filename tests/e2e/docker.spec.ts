import { expect, expectText, lastRows, openTerminal, run, test } from './terminal-helpers';

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
