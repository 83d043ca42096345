// `npm run bench`: bundles the benchmarks with esbuild, as the site's build bundles the simulator
// for the browser, and runs the bundle. Run through tsx instead, every function would carry
// esbuild's keepNames wrapper (`__name`), which no browser build has: it made closures look a third
// dearer than they are and hid where the time really goes.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const out = path.join(process.cwd(), 'node_modules', '.cache', 'berth-bench', 'index.mjs');
mkdirSync(path.dirname(out), { recursive: true });
await build({
  entryPoints: ['scripts/bench/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Libraries stay as npm installed them; only our TypeScript is bundled.
  packages: 'external',
  outfile: out,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
