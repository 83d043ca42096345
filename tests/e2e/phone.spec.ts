// On a phone the terminal is one tap away, over the page, and keeps its state when closed.
import { expect, expectText, lastRows, run, terminal, test } from './terminal-helpers';

const PROMPT = 'learner@laptop:~$';

test('the terminal opens over the lesson, keeps its state when closed, and Run opens it', async ({ page }) => {
  await page.goto('/lessons/images-and-containers/');
  const panel = page.locator('[data-bench-panel]');
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  await expect(panel).toBeVisible();
  const viewport = page.viewportSize()!;
  const box = (await panel.boundingBox())!;
  expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, viewport.width, viewport.height]);
  const frame = terminal(page);
  await expect(frame).toHaveAttribute('data-status', 'ready');
  await frame.locator('.xterm-screen').click();
  await run(page, frame, 'echo still here');
  await expect.poll(() => lastRows(frame, 2)).toEqual(['still here', PROMPT]);

  await page.getByRole('button', { name: 'Back to the text' }).click();
  await expect(panel).toBeHidden();
  const runButton = page.getByRole('button', { name: 'Run: docker images' });
  await runButton.scrollIntoViewIfNeeded();
  await runButton.click();
  await expect(panel).toBeVisible();
  await expectText(frame, `${PROMPT} docker images`);
  await expect.poll(async () => (await lastRows(frame, 5)).join('\n')).toContain('still here');
});
