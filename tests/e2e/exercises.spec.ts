import { expect, openTerminal, run, test } from './terminal-helpers';

test('an exercise alone: its boxes tick as the machine proves each step, and its quiz explains', async ({ page }) => {
  await page.goto('/exercises/run-nginx/');
  await expect(page.getByRole('heading', { level: 1, name: 'Run a web server' })).toBeVisible();
  const section = page.locator('[data-exercise="run-nginx"]');
  const box = (id: string) => section.locator(`[data-check="${id}"]`);
  for (const id of ['nginx-running', 'ps-saw-it', 'page-served']) await expect(box(id)).toHaveAttribute('data-passed', 'false');

  const frame = await openTerminal(page);
  await run(page, frame, 'docker run -d --name web -p 8080:80 nginx');
  await expect(box('nginx-running')).toHaveAttribute('data-passed', 'true', { timeout: 20_000 });
  await expect(box('ps-saw-it')).toHaveAttribute('data-passed', 'false');
  await run(page, frame, 'docker ps');
  await expect(box('ps-saw-it')).toHaveAttribute('data-passed', 'true');
  await run(page, frame, 'curl http://localhost:8080');
  await expect(box('page-served')).toHaveAttribute('data-passed', 'true');
  await expect(section.getByText('3 of 3 done: well done.')).toBeVisible();
  await expect(box('page-served').getByRole('checkbox')).toBeChecked();

  const quiz = section.locator('[data-quiz="run-nginx-image-vs-container"]');
  await quiz.getByLabel('Two images and two containers.').check();
  await expect(quiz).toHaveAttribute('data-answered', 'wrong');
  await expect(quiz.getByRole('status')).toContainText('did not pull it again');
  await quiz.getByLabel('One nginx image and two containers made from it.').check();
  await expect(quiz).toHaveAttribute('data-answered', 'right');
});

test('the list of exercises links each one, with its id and chapter', async ({ page }) => {
  await page.goto('/exercises/');
  for (const id of ['first-container', 'run-nginx', 'one-image-many-containers', 'build-myapp', 'layer-cache', 'push-to-registry']) {
    await expect(page.locator(`a[href="/exercises/${id}/"]`)).toHaveCount(1);
    await expect(page.getByText(id, { exact: true })).toBeVisible();
  }
});

test('a lesson carries its exercises, each reachable by its id', async ({ page }) => {
  await page.goto('/lessons/images-and-containers/#one-image-many-containers');
  await expect(page.locator('#one-image-many-containers')).toBeInViewport();
  await expect(page.locator('[data-exercise]')).toHaveCount(2);
});

test('a quiz is answered by keyboard, and its explanation is announced', async ({ page }) => {
  await page.goto('/exercises/first-container/');
  const quiz = page.locator('[data-quiz^="first-container-"]').first();
  const first = quiz.getByRole('radio').first();
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  const answers = await quiz.getByRole('radio').count();
  for (let i = 1; i < answers; i++) {
    await page.keyboard.press('ArrowDown');
    await expect(quiz.getByRole('radio').nth(i)).toBeChecked();
    await expect(quiz.getByRole('status')).toHaveText(/^(Right\. |Not quite\. )\S/);
  }
  const box = page.locator('[data-check]').first().getByRole('checkbox');
  await expect(box).toHaveAttribute('aria-readonly', 'true');
  await expect(box).toHaveAccessibleName(/\S/);
});
