// First-load JavaScript of the built pages: every script the HTML loads before anything is
// clicked or scrolled, gzipped, as a browser on a slow link would fetch it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';

export interface PageFigures {
  route: string;
  scripts: number;
  gzipKb: number;
  /** Whether xterm.js or the simulator sneaked into the first load. */
  terminalCodeInFirstLoad: boolean;
}

const OUT = path.join(process.cwd(), 'out');

export function ensureBuild() {
  if (!existsSync(path.join(OUT, 'index.html'))) execFileSync('npx', ['next', 'build'], { stdio: 'inherit' });
}

export function firstLoad(route: string): PageFigures {
  const html = readFileSync(path.join(OUT, route, 'index.html'), 'utf8');
  // Scripts marked noModule are legacy polyfills that modern browsers never fetch; preloaded
  // scripts are fetched at once even though they run later.
  const scripts = [...html.matchAll(/<script([^>]+)src="([^"]+\.js)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1] + m[3])).map((m) => m[2]);
  const preloads = [...html.matchAll(/<link[^>]+rel="preload"[^>]+as="script"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1]);
  const sources = [...new Set([...scripts, ...preloads])];
  let gzip = 0;
  let terminalCode = false;
  for (const src of sources) {
    const code = readFileSync(path.join(OUT, src.replace(/^\//, '')));
    gzip += gzipSync(code).length;
    const text = code.toString('utf8');
    if (text.includes('xterm-helper-textarea') || text.includes('createTerminalDriver') || text.includes('syntax error near unexpected token')) terminalCode = true;
  }
  return { route: `/${route}`.replace(/\/+$/, '/') || '/', scripts: sources.length, gzipKb: gzip / 1024, terminalCodeInFirstLoad: terminalCode };
}
