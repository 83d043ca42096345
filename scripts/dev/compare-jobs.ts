// Runs bash's job control (`&`, jobs, fg, bg, kill, wait, $!, disown, Ctrl-Z, the notices before a
// prompt) both in the simulator and in the real bash of this machine at an interactive prompt, and
// prints where the two terminals differ. The cases are data: add one to CASES to check one more
// thing. The loop and report are ./compare/runner.ts's.
//
//   npx tsx scripts/dev/compare-jobs.ts             every case
//   npx tsx scripts/dev/compare-jobs.ts kill wait   only cases whose steps contain one of the words
//   npx tsx scripts/dev/compare-jobs.ts --all       also print the cases that agree
//
// A case is steps: a line typed (and Enter), `@ms` (let that much time pass), `^Z` or `^C`. Job
// control needs a terminal, which node cannot give: the real side is ./bash-pty.py, driving
// `bash --norc --noprofile -i` (PS1='$ ') through a pseudo-terminal, reading it for 300 ms after
// every line or key and for `@ms` more. The simulator types each line with session.run, its
// prompt `$ ` written after each, and lets simulated time pass so that each line starts at the
// moment the real one is typed (what a job prints meanwhile is written after the prompt, as on
// the real terminal); a case with `^Z` or `^C` goes through the terminal driver and a headless
// xterm instead, the keys sent as the real side sends them and its fake timers stepped by the
// same waits. Both transcripts lose trailing blanks, and every number of four digits or more is a
// pid: each distinct one becomes P1, P2... in order of appearance, the blanks before it one (the
// real script makes sure this machine's pids have four digits at least). Real timings race: a
// case waits long enough that its job has surely started or ended before the line that looks,
// and a case whose job ends in no time at all is marked known, reported either way.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { createClock, createSession, createTerminal } from '../../simulators';
import { FakeTimers } from '../../tests/unit/helpers/fake-timers';
import { compare, type KnownCase, type Outcome } from './compare/runner';
import { inScratch } from './compare/real';

// xterm's headless build is CommonJS: its class comes through the default export under tsx.
const { Terminal } = xterm;

interface Case extends KnownCase {
  steps: string[];
}

/** How long both sides let pass after each typed line or key, before the next step. */
const SETTLE_MS = 300;

const CASES: Case[] = [
  // starting and listing
  { steps: ['sleep 3 &', 'jobs', 'echo $!'] },
  { steps: ['sleep 3 &', 'sleep 4 &', 'jobs', 'jobs -l', 'jobs -p', 'jobs -r', 'jobs -s'] },
  { steps: ['sleep 3 &', 'sleep 4 &', 'sleep 5 &', 'jobs %%', 'jobs %+', 'jobs %-', 'jobs %1', 'jobs %sleep', 'jobs %?4', 'jobs %9'] },
  { steps: ['sleep 2 & sleep 3 &', 'jobs'] },
  { steps: ['echo $!', 'jobs; echo $?'] },
  { steps: ['sleep 2 | cat &', 'jobs -l', 'jobs -p'] },
  { steps: ['(sleep 1; echo hi) &', '{ sleep 1; echo ho; } &', 'jobs'] },
  { steps: ['sleep 3 &', 'jobs -x echo %1'] },
  // notices: when a job's end is reported
  { steps: ['sleep 1 &', '@1200', 'true', 'true'] },
  { steps: ['sleep 1 &', '@1200', 'jobs', 'jobs'] },
  { steps: ['sleep 1 &', 'sleep 1 &', '@1200', 'true'] },
  { steps: ['(exit 3) &', '@300', 'true'], known: 'a race on the real side: bash often draws its prompt before the job has ended (reported a prompt later, as the simulator does), sometimes after' },
  { steps: ['false &', 'true', 'true'], known: 'a race on the real side: bash often draws its prompt before the job has ended (reported a prompt later, as the simulator does), sometimes after' },
  { steps: ['x=1 &', 'echo ${x-unset}', 'true'], known: 'a race on the real side: bash often draws its prompt before the job has ended (reported a prompt later, as the simulator does), sometimes after' },
  { steps: ['sleep 1 && echo hi &', '@1500', 'true'] },
  { steps: ['(sleep 0.5; echo hi) &', '@800', 'jobs'] },
  { steps: ['for i in 1 2 3; do echo $i; sleep 0.2; done &', '@1000', 'true'] },
  { steps: ['sleep 1 &', 'sleep 2', '@2000', 'true'] },
  // kill
  { steps: ['sleep 5 &', 'kill %1', 'true'] },
  { steps: ['sleep 5 &', 'kill %1; sleep 0.1', 'true'] },
  { steps: ['sleep 5 &', 'kill $!', 'true'] },
  { steps: ['sleep 5 &', 'kill -9 %1', 'true'] },
  { steps: ['sleep 5 &', 'kill -HUP %1', 'true'] },
  { steps: ['sleep 5 &', 'kill -INT %1', 'true'] },
  { steps: ['sleep 5 &', 'kill -s KILL %1', 'true'] },
  { steps: ['sleep 5 &', 'sleep 6 &', 'kill %1 %2', 'true'] },
  { steps: ['sleep 5 &', 'kill -STOP %1', 'true', 'jobs', 'kill -CONT %1', 'jobs', 'kill %1', 'true'] },
  { steps: ['kill %1', 'kill %foo', 'kill -9', 'kill -NOPE 1234; echo $?'] },
  { steps: ['sleep 5 &', 'kill %2; echo $?', 'kill %1'] },
  { steps: ['sleep 50 &', 'kill -STOP %1', 'true', 'jobs -l', 'kill -9 %1', 'true'] },
  { steps: ['seq 1 50 > f.txt', 'watch date &', 'true', 'jobs -l', 'kill -9 %1', 'true'] },
  { steps: ['sleep 5 &', 'disown', 'kill $!; echo $?', 'kill $!; echo $?'] },
  // wait
  { steps: ['sleep 1 &', 'wait', '@1000', 'echo $?'] },
  { steps: ['(sleep 1; exit 3) &', 'wait %1; echo $?', '@1000', 'jobs'] },
  { steps: ['sleep 5 &', 'kill $!; wait $!; echo $?'] },
  { steps: ['sleep 2 &', 'sleep 1 &', 'wait -n; echo $?', '@1000', 'jobs'] },
  { steps: ['sleep 1 &', 'wait -n -p who; echo $? $who', '@1000'] },
  { steps: ['wait -n; echo $?', 'wait %1; echo $?', 'wait 99999; echo $?'] },
  { steps: ['sleep 2 | cat &', 'wait $!; echo st=$?', '@2000'] },
  // fg and bg
  { steps: ['fg', 'bg', 'fg %1'] },
  { steps: ['sleep 1 &', 'fg', '@1000', 'echo $?'] },
  { steps: ['sleep 1 &', 'sleep 5 &', 'fg %1', '@1000', 'jobs', 'kill %2', 'true'] },
  { steps: ['sleep 5 &', 'bg; echo $?', 'kill %1'] },
  // disown
  { steps: ['sleep 5 &', 'disown', 'jobs; echo $?', 'kill $!; echo $?'] },
  { steps: ['sleep 5 &', 'sleep 6 &', 'disown %1', 'jobs', 'kill %2', 'true'] },
  { steps: ['sleep 5 &', 'disown -h %1', 'jobs', 'kill %1', 'true'] },
  { steps: ['sleep 5 &', 'sleep 6 &', 'disown -a', 'jobs', 'disown %1'] },
  // Ctrl-Z and Ctrl-C, through the terminal
  { steps: ['sleep 3', '^Z', 'echo $?', 'jobs', 'bg', 'jobs', 'kill %1', 'true'] },
  { steps: ['sleep 1', '^Z', 'fg', '@1000', 'echo $?'] },
  { steps: ['sleep 1', '^Z', 'bg', '@1200', 'true'] },
  { steps: ['cat', '^Z', 'kill %1', 'true'] },
  { steps: ['sleep 2', '^C', 'echo $?'] },
  { steps: ['sleep 5 &', 'sleep 3', '^Z', 'jobs', 'kill %1 %2', 'true'] },
];

// --- the real side ---------------------------------------------------------------------------

const PTY_SCRIPT = fileURLToPath(new URL('./bash-pty.py', import.meta.url));

function real(c: Case): Outcome {
  return inScratch('true', (dir, env) => {
    const r = spawnSync('python3', [PTY_SCRIPT], { cwd: dir, env: { ...env, PS1: '$ ' }, input: JSON.stringify(c.steps), encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) return { output: `bash-pty.py failed (${r.status ?? r.signal}): ${r.stderr}`, exitCode: -1 };
    return { output: r.stdout, exitCode: 0 };
  });
}

// --- the simulated side ----------------------------------------------------------------------

const waitOf = (step: string) => (step.startsWith('@') ? Number(step.slice(1)) : undefined);
const isKey = (step: string) => step === '^Z' || step === '^C';

/** Each line through session.run, time passing between lines as it does on the real side. */
function typed(c: Case): Outcome {
  const s = createSession();
  const now = () => s.store.getState().clock.now;
  let screen = '$ ';
  // What a job prints while the prompt shows lands after it, as bash's terminal shows it.
  s.attach((text) => (screen += text));
  for (let i = 0; i < c.steps.length; i++) {
    const step = c.steps[i];
    if (waitOf(step) !== undefined) continue;
    const start = now();
    screen += `${step}\n${s.run(step).output}$ `;
    // The next line is typed SETTLE_MS and the waits that follow after this one was.
    let wait = SETTLE_MS;
    for (let j = i + 1; j < c.steps.length && waitOf(c.steps[j]) !== undefined; j++) wait += waitOf(c.steps[j])!;
    s.advance(Math.max(0, start + wait - now()));
  }
  return { output: screen, exitCode: 0 };
}

/** Keys through the terminal driver into a headless xterm, its timers stepped as the real side waits. */
async function onTerminal(c: Case): Promise<Outcome> {
  const term = new Terminal({ cols: 250, rows: 50, allowProposedApi: true, scrollback: 1000 });
  const session = createSession();
  const timers = new FakeTimers();
  const clock = createClock(session, timers.api);
  let pending = Promise.resolve();
  const write = (data: string) => (pending = pending.then(() => new Promise<void>((resolve) => term.write(data, resolve))));
  const driver = createTerminal(session, { write, cols: () => term.cols, rows: () => term.rows }, timers.api, { clock });
  for (const step of c.steps) {
    const wait = waitOf(step);
    if (wait !== undefined) {
      timers.tick(wait);
      continue;
    }
    driver.input(step === '^Z' ? '\x1a' : step === '^C' ? '\x03' : `${step}\r`);
    timers.tick(SETTLE_MS);
  }
  await pending;
  driver.dispose();
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < buffer.length; y++) rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
  // The laptop's prompt (user, host, directory) stands for the real side's `$ `.
  return { output: rows.join('\n').replace(/^learner@laptop:[^$\n]*\$/gm, '$'), exitCode: 0 };
}

// --- comparing -------------------------------------------------------------------------------

/** Trailing blanks and blank lines dropped; pids (four digits or more) named P1, P2... in order of appearance. */
function normalize(text: string): string {
  const pids = new Map<string, string>();
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '')
    // A pid's padding goes with it (jobs -l pads to five places; real pids may have more digits).
    .replace(/( *)\b(\d{4,})\b/g, (_, pad: string, pid: string) => {
      if (!pids.has(pid)) pids.set(pid, `P${pids.size + 1}`);
      return `${pad ? ' ' : ''}${pids.get(pid)!}`;
    });
}

void compare({
  cases: CASES,
  title: (c) => c.steps.join(' ⏎ '),
  real,
  simulated: (c) => (c.steps.some(isKey) ? onTerminal(c) : typed(c)),
  normalize,
  layout: 'lines',
});
