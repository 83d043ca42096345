// `npm run bench`: the speed and size figures the README records.
import { benchShell } from './shell';
import { ensureBuild, firstLoad } from './bundle';
import { benchDocker } from './docker';
import { benchCore } from './core';
import { benchExercises } from './exercises';

const fmt = (n: number, digits = 3) => n.toFixed(digits);

const shell = benchShell();
console.log('Shell');
console.log(`  commands run                  ${shell.commands}`);
console.log(`  median per command            ${fmt(shell.medianMs)} ms   (target < 0.2 ms)`);
console.log(`  p99 per command               ${fmt(shell.p99Ms)} ms`);
console.log(`  heap growth after them        ${fmt(shell.heapGrowthKb, 0)} kB   (history kept: ${shell.historyLength} lines, bounded)`);
console.log(`  growth over 10,000 more        ${fmt(shell.secondRoundGrowthKb, 0)} kB   (no unbounded growth when near zero)`);
console.log(`  world as plain JSON           ${fmt(shell.worldJsonKb, 1)} kB   (the record of commands keeps the last 2,000-2,500)`);
console.log(`  saved world (save())          ${fmt(shell.savedKb, 1)} kB`);

const docker = benchDocker();
console.log('\nDocker');
console.log(`  docker ps, ${docker.psContainers} containers     ${fmt(docker.psMedianMs)} ms median   (target < 5 ms)`);
console.log(`  chapter 3–5 script           ${fmt(docker.scriptMedianMs)} ms median per command over ${docker.scriptCommands} commands   (target < 1 ms)`);
console.log(`  saved world after it         ${fmt(docker.worldJsonKb, 1)} kB   (target < 100 kB)`);

const core = benchCore();
// How much dearer one operation is with 10,000 containers than with 100 (the target: under 2).
const ratio = (pick: (f: (typeof core.scale)[number]) => number) => pick(core.scale[core.scale.length - 1]) / pick(core.scale[0]);
console.log('\nCore');
for (const f of core.scale) console.log(`  ${String(f.objects).padStart(6)} containers    change one ${fmt(f.changeMs, 4)} ms   docker create ${fmt(f.createMs)} ms`);
console.log(`  10,000 vs 100                  change ${fmt(ratio((f) => f.changeMs), 2)}   create ${fmt(ratio((f) => f.createMs), 2)}   (target < 2)`);
console.log(`  idle hour, 1,000 nginx        ${fmt(core.idleHourMs, 2)} ms, ${core.idleHourEvents} events run`);
console.log(`  saved world after it          ${fmt(core.savedKb, 0)} kB (plain JSON ${fmt(core.plainKb, 0)} kB)   (target < 1 MB)`);
console.log(`  save / load                   ${fmt(core.saveMs, 0)} ms / ${fmt(core.loadMs, 0)} ms   (target well under 1 s)`);

const ex = benchExercises();
console.log('\nExercises');
console.log(`  evaluate every check          ${fmt(ex.evaluateMs, 4)} ms median, slowest exercise ${ex.slowest}, record of ${ex.recordCommands} commands   (target < 1 ms)`);
console.log(`  saved progress, chapters 1-5  ${fmt(ex.savedKb, 1)} kB in ${ex.machines} machines and the ticks   (target < 200 kB)`);

ensureBuild();
console.log('\nFirst-load JavaScript (gzip)');
for (const route of ['', 'lessons/what-is-a-container']) {
  const page = firstLoad(route);
  console.log(`  ${page.route.padEnd(30)}${fmt(page.gzipKb, 1)} kB in ${page.scripts} scripts   (target < 150 kB; terminal code in first load: ${page.terminalCodeInFirstLoad ? 'YES' : 'no'})`);
}
