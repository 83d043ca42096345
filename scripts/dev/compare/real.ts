// The real side of a comparison: a fresh temporary directory per case holding the same files the
// simulator gets, a clean environment, the tools run with stdout and stderr merged, and the
// directory's path written back as the simulator's home so the two outputs can be compared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../../simulators';
import type { Outcome } from './runner';

export const SIM_HOME = '/home/learner';

/** The simulator's clock when a session starts: the real files are dated so, for ls -l and diff's headers. */
const SIM_TIME = '2025-03-03 09:00:00 UTC';

let homeFiles: { name: string; content: string }[] | undefined;

/** The files a fresh simulated home holds (.bashrc, .profile), to be made in the real directory too. */
function simulatedHomeFiles() {
  if (!homeFiles) {
    const s = createSession();
    const names = s.run('ls -1A').output.split('\n').filter(Boolean);
    homeFiles = names.map((name) => ({ name, content: s.run(`cat ${name}`).output }));
  }
  return homeFiles;
}

export interface ScratchOptions {
  /** Variables beside the clean ones (PATH, HOME, LC_ALL, LANG, USER, TERM), or replacing them. */
  env?: Record<string, string>;
  /** Also makes the simulated home's own files (.bashrc, .profile). */
  homeFiles?: boolean;
}

/**
 * Makes a fresh directory (HOME too), runs `setup` there with bash, dates every file as the
 * simulator's clock, then `run`; the directory's path reads as /home/learner in the outcome.
 * A setup that fails is the case's outcome, as the simulated side reports its own.
 */
export function inScratch(setup: string, run: (dir: string, env: NodeJS.ProcessEnv) => Outcome, options: ScratchOptions = {}): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'berth-compare-'));
  if (options.homeFiles) for (const f of simulatedHomeFiles()) writeFileSync(join(dir, f.name), f.content);
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', USER: 'learner', TERM: 'dumb', ...options.env } as unknown as NodeJS.ProcessEnv;
  try {
    const prepared = spawnOutcome(['bash', '-c', `exec 2>&1; ${setup} && find . -exec touch -h -d '${SIM_TIME}' {} +`], { cwd: dir, env });
    if (prepared.exitCode !== 0) return { output: `setup failed: ${prepared.output}`, exitCode: -1 };
    const outcome = run(dir, env);
    return { ...outcome, output: outcome.output.split(dir).join(SIM_HOME) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** What it reads; without it, standard input is /dev/null. */
  input?: string;
  timeout?: number;
}

/** Runs a program to its end: what it wrote to stdout (merge stderr into it in the command) and its status, -1 when it had none (killed). */
export function spawnOutcome(argv: readonly string[], options: SpawnOptions = {}): Outcome {
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: options.env,
    input: options.input,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: options.timeout,
  });
  return { output: r.stdout ?? '', exitCode: r.status ?? -1 };
}
