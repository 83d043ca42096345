// wait: until jobs end, on simulated time. With ids (pids or job specs) it returns the last one's
// status; without, it waits for every running job and returns 0; -n returns the first to end.
// An interactive shell reports a job it waited for at once, as bash does.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext, Effect } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { assignVar } from '../variables';
import { NoSuchJob, type Job, type JobTable } from '../jobs';
import { builtinOptions } from './jobs';

/** Waits until `done()` holds; the session wakes it as soon as a job's change makes it so. */
function* until(done: () => boolean): Generator<Effect, void, string | null> {
  while (!done()) yield { type: 'wait', ms: Infinity, ready: done };
}

/** An ended job's status, reported and dropped as `wait` does. */
function collect(ctx: CommandContext, jobs: JobTable, job: Job): number {
  const code = jobs.status(job);
  if (jobs.interactive && !job.reported) ctx.out(jobs.line(job));
  job.reported = true;
  jobs.remove(job);
  return code;
}

export const wait: CommandSpec = {
  name: 'wait',
  summary: 'Wait for job completion and return exit status.',
  usage: '[-fn] [-p var] [id ...]',
  description:
    "Waits for each process identified by an ID, which may be a process ID or a\njob specification, and reports its termination status.  If ID is not\ngiven, waits for all currently active child processes, and the return\nstatus is zero.  If ID is a job specification, waits for all processes\nin that job's pipeline.\n\nIf the -n option is supplied, waits for a single job from the list of IDs,\nor, if no IDs are supplied, for the next job to complete and returns its\nexit status.\n\nIf the -p option is supplied, the process or job identifier of the job\nfor which the exit status is returned is assigned to the variable VAR\nnamed by the option argument.\n\nExit Status:\nReturns the status of the last ID; fails if ID is invalid or an invalid\noption is given, or if -n is supplied and the shell has no unwaited-for\nchildren.",
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  *run(ctx) {
    const parsed = builtinOptions(ctx, 'fnp', 'p');
    if (typeof parsed === 'number') return parsed;
    const { flags, values, args } = parsed;
    const jobs = ctx.language?.jobs();
    const variable = values.get('p');
    const report = (job: Job) => {
      if (variable !== undefined) ctx.machine.setShell((s) => assignVar(s, variable, String(job.pids[job.pids.length - 1])));
    };

    // Each id named: a job, or bash's complaint (a pid not of ours, text that is neither).
    const named: Job[] = [];
    let code = 0;
    for (const id of args) {
      if (!/^%/.test(id) && !/^\d+$/.test(id)) {
        ctx.err(`bash: wait: \`${id}': not a pid or valid job spec\n`);
        code = 1;
        continue;
      }
      try {
        if (!jobs) throw new NoSuchJob(/^\d+$/.test(id) ? '' : `bash: wait: ${id}: no such job`);
        named.push(jobs.find(id, 'wait'));
      } catch (e) {
        if (!(e instanceof NoSuchJob)) throw e;
        ctx.err(/^\d+$/.test(id) ? `bash: wait: pid ${id} is not a child of this shell\n` : `${e.message}\n`);
        code = 127;
      }
    }
    if (!jobs) return code;

    if (flags.has('n')) {
      const among = args.length ? named : jobs.list().filter((j) => !j.reported || j.state.kind !== 'stopped');
      if (!among.length) return 127;
      yield* until(() => among.some((j) => jobs.ended(j)));
      const first = among.find((j) => jobs.ended(j))!;
      report(first);
      return collect(ctx, jobs, first);
    }
    if (!args.length) {
      // Every running job; a stopped one would never end, and bash does not wait for it.
      const running = () => jobs.list().filter((j) => j.state.kind === 'running');
      yield* until(() => running().length === 0);
      return 0;
    }
    for (const job of named) {
      yield* until(() => jobs.ended(job) || job.state.kind === 'stopped');
      report(job);
      if (jobs.ended(job)) code = collect(ctx, jobs, job);
      else {
        // A stopped job would never end: bash warns, reports it, and returns what stopped it.
        ctx.err(`bash: warning: wait_for_job: job ${job.number} is stopped\n`);
        if (jobs.interactive) ctx.out(`\n${jobs.line(job)}`);
        job.reported = true;
        code = jobs.status(job);
      }
    }
    return code;
  },
};
