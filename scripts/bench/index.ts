// `npm run bench`: the speed and size figures the README records.
import { benchShell } from './shell';
import { ensureBuild, firstLoad } from './bundle';
import { benchDocker } from './docker';

const fmt = (n: number, digits = 3) => n.toFixed(digits);

const shell = benchShell();
console.log('Shell');
console.log(`  commands run                  ${shell.commands}`);
console.log(`  median per command            ${fmt(shell.medianMs)} ms   (target < 0.2 ms)`);
console.log(`  p99 per command               ${fmt(shell.p99Ms)} ms`);
console.log(`  heap growth after them        ${fmt(shell.heapGrowthKb, 0)} kB   (history kept: ${shell.historyLength} lines, bounded)`);
console.log(`  growth over 10,000 more        ${fmt(shell.secondRoundGrowthKb, 0)} kB   (no unbounded growth when near zero)`);
console.log(`  saved world (JSON)            ${fmt(shell.worldJsonKb, 1)} kB`);

const docker = benchDocker();
console.log('\nDocker');
console.log(`  docker ps, ${docker.psContainers} containers     ${fmt(docker.psMedianMs)} ms median   (target < 5 ms)`);
console.log(`  chapter 3–5 script           ${fmt(docker.scriptMedianMs)} ms median per command over ${docker.scriptCommands} commands   (target < 1 ms)`);
console.log(`  saved world after it         ${fmt(docker.worldJsonKb, 1)} kB   (target < 100 kB)`);

ensureBuild();
console.log('\nFirst-load JavaScript (gzip)');
for (const route of ['', 'lessons/what-is-a-container']) {
  const page = firstLoad(route);
  console.log(`  ${page.route.padEnd(30)}${fmt(page.gzipKb, 1)} kB in ${page.scripts} scripts   (target < 150 kB; terminal code in first load: ${page.terminalCodeInFirstLoad ? 'YES' : 'no'})`);
}
