// One way to read a terminal in every test: xterm's accessibility tree, which screen-reader mode
// keeps as plain text rows (the same text a screen reader announces).
import { expect, type Locator, type Page } from '@playwright/test';

export function terminal(page: Page, index = 0): Locator {
  return page.locator('[data-terminal]').nth(index);
}

/** Scrolls the terminal into view, waits until xterm has replaced the placeholder, and focuses it. */
export async function openTerminal(page: Page, index = 0): Promise<Locator> {
  const frame = terminal(page, index);
  await frame.scrollIntoViewIfNeeded();
  await expect(frame).toHaveAttribute('data-status', 'ready');
  await frame.locator('.xterm-screen').click();
  return frame;
}

export function screenText(frame: Locator): Locator {
  return frame.locator('.xterm-accessibility-tree');
}

export async function run(page: Page, frame: Locator, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** The row the cursor is on (the prompt and what is typed after it). */
export async function lastRows(frame: Locator, count: number): Promise<string[]> {
  const rows = (await screenText(frame).innerText()).split('\n').map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
  while (rows.length && rows[rows.length - 1] === '') rows.pop();
  return rows.slice(-count);
}
