import { expect, test } from '@playwright/test';

test('pages fit the screen without sideways scrolling', async ({ page }) => {
  for (const path of ['/', '/lessons/what-is-a-container/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('the theme toggle cycles system, light, dark and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await expect(toggle).toHaveAttribute('data-theme-mode', 'system');
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-theme-mode', 'light');
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-theme-mode', 'dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});

test('a corrupt saved theme falls back to the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => window.localStorage.setItem('berth-theme', '{"broken'));
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('button', { name: /^Theme:/ })).toHaveAttribute('data-theme-mode', 'system');
});

test('keyboard users can skip to the content', async ({ page }) => {
  await page.goto('/lessons/what-is-a-container/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
