import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const scheme of ['light', 'dark'] as const) {
  for (const path of ['/', '/lessons/what-is-a-container/', '/lessons/images-and-containers/', '/lessons/building-images/', '/lessons/registries/', '/exercises/', '/exercises/run-nginx/', '/exercises/run-nginx/?embed=1', '/progress/']) {
    test(`${path} has no axe violations in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
      const terminal = page.locator('[data-terminal]');
      if (await terminal.count()) {
        await terminal.first().scrollIntoViewIfNeeded();
        await expect(terminal.first()).toHaveAttribute('data-status', 'ready');
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
