import { expect, test } from '@playwright/test';

test('the home page maps the course and links the written chapters', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Containers and Kubernetes');
  const chapters = page.locator('#chapters + ol > li');
  await expect(chapters).toHaveCount(12);
  await expect(chapters.nth(1)).toContainText('coming');
  await expect(chapters.nth(1).getByRole('link')).toHaveCount(0);
  await page.getByRole('link', { name: /What is a container/ }).first().click();
  await expect(page).toHaveURL(/\/lessons\/what-is-a-container\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is a container');
});

test('a lesson has anchored headings, a table, callouts and chapter navigation', async ({ page }) => {
  await page.goto('/lessons/what-is-a-container/');
  const heading = page.getByRole('heading', { name: 'A process with walls around it' });
  await expect(heading).toHaveAttribute('id', 'a-process-with-walls-around-it');
  await expect(heading.getByRole('link')).toHaveAttribute('href', '#a-process-with-walls-around-it');
  await expect(page.locator('article table')).toContainText('Namespaces');
  await expect(page.getByRole('complementary', { name: 'Where the Linux kernel comes from' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Chapters' });
  await expect(nav).toContainText('Containers and virtual machines');
  await expect(nav).toContainText('Coming later');
});

test('an unknown address shows a page that leads back', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
