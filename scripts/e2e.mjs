// End-to-end tests against the built static site: build it (unless SKIP_BUILD=1), make sure a
// Chromium exists, then run Playwright.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './browser.mjs';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const chromium = await ensureChromium();
if (process.env.SKIP_BUILD !== '1') run('npx', ['next', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { CHROMIUM_PATH: chromium });
