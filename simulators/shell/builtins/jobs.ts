// jobs, fg, bg and disown: bash's job control over the shell's job table (shell/jobs.ts). Jobs
// come from `cmd &` and from Ctrl-Z; fg gives one the terminal until it ends or stops again.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { NoSuchJob, type Job, type JobTable } from '../jobs';

/** A bash builtin's options as its internal getopt reads them: letters bundled, `--` ends them. */
export function builtinOptions(ctx: CommandContext, letters: string, withValue = ''): { flags: Set<string>; values: Map<string, string>; args: string[] } | number {
  const args = [...ctx.command.args];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const usage = `${ctx.argv[0]}: usage: ${ctx.argv[0]} ${ctx.command.path[0].usage}\n`;
  while (args.length && args[0].startsWith('-') && args[0] !== '-') {
    const word = args.shift()!;
    if (word === '--') break;
    for (let i = 1; i < word.length; i++) {
      const c = word[i];
      if (withValue.includes(c)) {
        const value = i + 1 < word.length ? word.slice(i + 1) : args.shift();
        if (value === undefined) {
          ctx.err(`bash: ${ctx.argv[0]}: -${c}: option requires an argument\n${usage}`);
          return 2;
        }
        values.set(c, value);
        break;
      }
      if (!letters.includes(c)) {
        ctx.err(`bash: ${ctx.argv[0]}: -${c}: invalid option\n${usage}`);
        return 2;
      }
      flags.add(c);
    }
  }
  return { flags, values, args };
}

/** The shell's jobs where job control is on (an interactive shell); otherwise bash's refusal. */
function controlled(ctx: CommandContext): JobTable | undefined {
  const jobs = ctx.language?.jobs();
  if (jobs?.interactive) return jobs;
  ctx.err(`bash: ${ctx.argv[0]}: no job control\n`);
  return undefined;
}

/** Each spec's job, or bash's complaint; `fallback` names the current job when none is given. */
function jobsNamed(ctx: CommandContext, jobs: JobTable, specs: readonly string[]): { found: Job[]; failed: boolean } {
  const found: Job[] = [];
  let failed = false;
  for (const spec of specs.length ? specs : ['%+']) {
    try {
      found.push(jobs.find(spec, ctx.argv[0]));
    } catch (e) {
      if (!(e instanceof NoSuchJob)) throw e;
      ctx.err(`${e.message}\n`);
      failed = true;
    }
  }
  return { found, failed };
}

const JOBS_USAGE = '[-lnprs] [jobspec ...] or jobs -x command [args]';

export const jobsBuiltin: CommandSpec = {
  name: 'jobs',
  summary: 'Display status of jobs.',
  usage: JOBS_USAGE,
  description:
    'Lists the active jobs.  JOBSPEC restricts output to that job.\nWithout options, the status of all active jobs is displayed.\n\nOptions:\n  -l\tlists process IDs in addition to the normal information\n  -n\tlists only processes that have changed status since the last\n\t\tnotification\n  -p\tlists process IDs only\n  -r\trestrict output to running jobs\n  -s\trestrict output to stopped jobs\n\nIf -x is supplied, COMMAND is run after all job specifications that\nappear in ARGS have been replaced with the process ID of that job\'s\nprocess group leader.\n\nExit Status:\nReturns success unless an invalid option is given or an error occurs.\nIf -x is used, returns the exit status of COMMAND.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  *run(ctx) {
    const parsed = builtinOptions(ctx, 'lnprsx');
    if (typeof parsed === 'number') return parsed;
    const { flags, args } = parsed;
    const jobs = ctx.language?.jobs();
    if (flags.has('x')) {
      if (!args.length) {
        ctx.err(`bash: jobs: -x: option requires an argument\njobs: usage: jobs ${JOBS_USAGE}\n`);
        return 2;
      }
      // Job specs in the command become their leaders' pids, then the command runs.
      const argv: string[] = [];
      for (const arg of args) {
        if (!arg.startsWith('%') || !jobs) {
          argv.push(arg);
          continue;
        }
        try {
          argv.push(String(jobs.find(arg, 'jobs').pids[0]));
        } catch (e) {
          if (!(e instanceof NoSuchJob)) throw e;
          ctx.err(`${e.message}\n`);
          return 1;
        }
      }
      return ctx.language ? yield* ctx.language.runCommand(argv) : 1;
    }
    if (!jobs) {
      for (const spec of args) ctx.err(`bash: jobs: ${spec}: no such job\n`);
      return args.length ? 1 : 0;
    }
    const { found, failed } = args.length ? jobsNamed(ctx, jobs, args) : { found: [...jobs.list()], failed: false };
    for (const job of found) {
      const state = job.state.kind;
      if (flags.has('r') && state !== 'running') continue;
      if (flags.has('s') && state !== 'stopped') continue;
      if (flags.has('n') && job.reported) continue;
      if (flags.has('p')) ctx.out(`${job.pids[0]}\n`);
      else ctx.out(jobs.line(job, { pid: flags.has('l') }));
      // Listed is reported: an ended job goes, and its notice with it.
      job.reported = true;
      if (jobs.ended(job)) jobs.remove(job);
    }
    return failed ? 1 : 0;
  },
};

export const fg: CommandSpec = {
  name: 'fg',
  summary: 'Move job to the foreground.',
  usage: '[job_spec]',
  description:
    "Place the job identified by JOB_SPEC in the foreground, making it the\ncurrent job.  If JOB_SPEC is not present, the shell's notion of the\ncurrent job is used.\n\nExit Status:\nStatus of command placed in foreground, or failure if an error occurs.",
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  *run(ctx) {
    const jobs = controlled(ctx);
    if (!jobs) return 1;
    const { found, failed } = jobsNamed(ctx, jobs, ctx.command.args.slice(0, 1));
    if (failed) return 1;
    const job = found[0];
    if (jobs.ended(job)) {
      ctx.err('bash: fg: job has terminated\n');
      return 1;
    }
    // bash says which command it brings back, then the job has the terminal.
    ctx.out(`${job.text}\n`);
    return yield* jobs.foreground(job);
  },
};

export const bg: CommandSpec = {
  name: 'bg',
  summary: 'Move jobs to the background.',
  usage: '[job_spec ...]',
  description:
    "Place the jobs identified by each JOB_SPEC in the background, as if they\nhad been started with `&'.  If JOB_SPEC is not present, the shell's notion\nof the current job is used.\n\nExit Status:\nReturns success unless job control is not enabled or an error occurs.",
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run(ctx) {
    const jobs = controlled(ctx);
    if (!jobs) return 1;
    const { found, failed } = jobsNamed(ctx, jobs, ctx.command.args);
    let code = failed ? 1 : 0;
    for (const job of found) {
      if (jobs.ended(job)) {
        ctx.err('bash: bg: job has terminated\n');
        code = 1;
      } else if (job.state.kind === 'running') {
        ctx.err(`bash: bg: job ${job.number} already in background\n`);
      } else {
        ctx.out(`[${job.number}]${jobs.mark(job)} ${job.text} &\n`);
        jobs.continue(job);
      }
    }
    return code;
  },
};

export const disown: CommandSpec = {
  name: 'disown',
  summary: 'Remove jobs from current shell.',
  usage: '[-h] [-ar] [jobspec ... | pid ...]',
  description:
    'Removes each JOBSPEC argument from the table of active jobs.  Without\nany JOBSPECs, the shell uses its notion of the current job.\n\nOptions:\n  -a\tremove all jobs if JOBSPEC is not supplied\n  -h\tmark each JOBSPEC so that SIGHUP is not sent to the job if the\n\t\tshell receives a SIGHUP\n  -r\tremove only running jobs\n\nExit Status:\nReturns success unless an invalid option or JOBSPEC is given.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run(ctx) {
    const parsed = builtinOptions(ctx, 'ahr');
    if (typeof parsed === 'number') return parsed;
    const { flags, args } = parsed;
    const jobs = ctx.language?.jobs();
    if (!jobs) {
      for (const spec of args) ctx.err(`bash: disown: ${spec}: no such job\n`);
      return args.length ? 1 : 0;
    }
    const all = flags.has('a') && !args.length;
    const { found, failed } = all ? { found: [...jobs.list()], failed: false } : jobsNamed(ctx, jobs, args);
    // -h only spares a job the SIGHUP of a closing terminal: it stays in the table.
    if (!flags.has('h')) for (const job of found) if (!flags.has('r') || job.state.kind === 'running') jobs.disown(job);
    return failed ? 1 : 0;
  },
};
