// kill: a signal to jobs (%1) or processes (pids), as bash's builtin sends it. A job takes the
// signal as a process does: TERM, KILL, INT and the rest end it (its notice names the signal),
// STOP stops it, CONT lets it go on. Processes that are not this shell's jobs belong to others
// here (root's daemons, a container's programs): the kernel refuses, as it would.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { NoSuchJob } from '../jobs';
import { readSignal, signalByNumber, signalList, SIGTERM, type Signal } from '../signals';

const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

/** `kill -l [N|NAME...]`: the table, or each number's name and each name's number. */
function list(ctx: CommandContext, args: readonly string[]): number {
  if (!args.length) {
    ctx.out(signalList());
    return 0;
  }
  let code = 0;
  for (const arg of args) {
    if (/^\d+$/.test(arg)) {
      // An exit status past 128 names the signal that caused it.
      const n = Number(arg) > 128 ? Number(arg) - 128 : Number(arg);
      const signal = signalByNumber(n);
      if (signal) ctx.out(`${signal.name}\n`);
      else {
        ctx.err(`bash: kill: ${arg}: invalid signal specification\n`);
        code = 1;
      }
      continue;
    }
    const signal = readSignal(arg);
    if (signal) ctx.out(`${signal.number}\n`);
    else {
      ctx.err(`bash: kill: ${arg}: invalid signal specification\n`);
      code = 1;
    }
  }
  return code;
}

export const kill: CommandSpec = {
  name: 'kill',
  summary: 'Send a signal to a job.',
  usage: '[-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]',
  description:
    'Send the processes identified by PID or JOBSPEC the signal named by\nSIGSPEC or SIGNUM.  If neither SIGSPEC nor SIGNUM is present, then\nSIGTERM is assumed.\n\nOptions:\n  -s sig\tSIG is a signal name\n  -n sig\tSIG is a signal number\n  -l\tlist the signal names; if arguments follow `-l\' they are\n\t\tassumed to be signal numbers for which names should be listed\n  -L\tsynonym for -l\n\nKill is a shell builtin for two reasons: it allows job IDs to be used\ninstead of process IDs, and allows processes to be killed if the limit\non processes that you can create is reached.\n\nExit Status:\nReturns success unless an invalid option is given or an error occurs.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run(ctx) {
    const args = [...ctx.command.args];
    let signal: Signal | 0 = SIGTERM;
    if (args[0] === '-l' || args[0] === '-L') return list(ctx, args.slice(1));
    if (args[0] === '-s' || args[0] === '-n') {
      const flag = args.shift()!;
      const spec = args.shift();
      if (spec === undefined) {
        ctx.err(`bash: kill: ${flag}: option requires an argument\n`);
        return 2;
      }
      const found = flag === '-n' && !/^\d+$/.test(spec) ? undefined : readSignal(spec);
      if (found === undefined) {
        ctx.err(`bash: kill: ${spec}: invalid signal specification\n`);
        return 1;
      }
      signal = found;
    } else if (args[0] === '--') args.shift();
    else if (args[0]?.startsWith('-') && args[0].length > 1) {
      const spec = args.shift()!.slice(1);
      const found = readSignal(spec);
      if (found === undefined) {
        ctx.err(`bash: kill: ${spec}: invalid signal specification\n`);
        return 1;
      }
      signal = found;
    }
    if (!args.length) {
      ctx.err(USAGE);
      return 2;
    }

    const jobs = ctx.language?.jobs();
    let code = 0;
    for (const target of args) {
      const owned = /^\d+$/.test(target) ? jobs?.byPid(Number(target)) : undefined;
      if (target.startsWith('%') || owned) {
        try {
          if (!jobs) throw new NoSuchJob(`bash: kill: ${target}: no such job`);
          const job = owned ?? jobs.find(target, 'kill');
          if (signal !== 0) jobs.signal(job, signal);
        } catch (e) {
          if (!(e instanceof NoSuchJob)) throw e;
          ctx.err(`${e.message}\n`);
          code = 1;
        }
        continue;
      }
      if (!/^-?\d+$/.test(target)) {
        ctx.err(`bash: kill: ${target}: arguments must be process or job IDs\n`);
        code = 1;
        continue;
      }
      const pid = Number(target);
      const proc = ctx.machine.processes().find((p) => p.pid === pid);
      const self = ctx.machine.selfPid === pid;
      if (!proc && !self) {
        ctx.err(`bash: kill: (${target}) - No such process\n`);
        code = 1;
      } else if (proc && proc.user !== ctx.machine.identity().user && ctx.machine.identity().user !== 'root') {
        ctx.err(`bash: kill: (${target}) - Operation not permitted\n`);
        code = 1;
      } else if (signal !== 0 && !(proc?.name === 'bash' && typeof signal !== 'number' && ['TERM', 'INT', 'QUIT'].includes(signal.name))) {
        // An interactive bash shrugs off TERM, INT and QUIT; anything else sent to a process
        // that is not a job here is beyond what Berth models, and it says so.
        ctx.err(`bash: kill: (${target}) - signalling this process is not modelled in Berth: jobs started with & or stopped with Ctrl-Z can be signalled (kill %1)\n`);
        code = 1;
      }
    }
    return code;
  },
};
