// One way to read a terminal in every test: its xterm buffer, joined into logical lines (a line
// that wrapped on screen is one line). mount.ts registers each terminal when a test asks for it.
import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** Playwright's test, with every page asking its terminals to register for reading. */
export const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      (window as unknown as { __berthTerminals: unknown[] }).__berthTerminals = [];
    });
    await use(page);
  },
});
export { expect };

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

/** Every line the terminal holds (scrollback included), trailing blank lines dropped. */
export async function terminalLines(frame: Locator): Promise<string[]> {
  const lines = await frame.evaluate((el) => {
    const all = (window as unknown as { __berthTerminals: { host: HTMLElement; lines(): string[] }[] }).__berthTerminals;
    const entry = all.find((t) => el.contains(t.host));
    return entry ? entry.lines() : [];
  });
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export async function terminalText(frame: Locator): Promise<string> {
  return (await terminalLines(frame)).join('\n');
}

export async function lastRows(frame: Locator, count: number): Promise<string[]> {
  return (await terminalLines(frame)).slice(-count);
}

/** Waits until the terminal's text contains `text`. */
export async function expectText(frame: Locator, text: string | RegExp, options: { timeout?: number } = {}) {
  await expect.poll(() => terminalText(frame), options).toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}

export async function run(page: Page, _frame: Locator, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
