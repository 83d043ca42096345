// Finds a Chromium for the end-to-end tests, installing one where that is possible.
// Order: $CHROMIUM_PATH, the system's Chromium (Debian's package), Playwright's own download;
// failing all, as root with apt-get, Debian's chromium package; else `playwright install chromium`.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'];

async function playwrightBrowser() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return SYSTEM_PATHS.find((p) => existsSync(p)) ?? (await playwrightBrowser());
}

export async function ensureChromium() {
  const found = await findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium package…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.log('No Chromium found: asking Playwright to download its own…');
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  }
  const installed = await findChromium();
  if (!installed) throw new Error('No Chromium available: set CHROMIUM_PATH to a Chromium or Chrome executable.');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await ensureChromium());
}
