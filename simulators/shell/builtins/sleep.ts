import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleep: CommandSpec = {
  name: 'sleep',
  summary: 'Pause for NUMBER seconds.',
  usage: 'NUMBER[SUFFIX]...',
  description:
    "Pause for NUMBER seconds of simulated time.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.  Ctrl-C stops it early.",
  dialect: gnu,
  *run(ctx) {
    const args = ctx.command.args;
    if (!args.length) return ctx.usageError('missing operand');
    let total = 0;
    for (const arg of args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
      if (!m) return ctx.usageError(`invalid time interval ‘${arg}’`);
      total += Number(m[1]) * UNITS[m[2]];
    }
    if (total > 0) yield { type: 'wait', ms: Math.round(total) };
    return 0;
  },
};
