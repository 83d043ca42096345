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
    const invalid = args.filter((arg) => {
      const m = /^\s*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(arg);
      if (m) total += (/^inf/i.test(m[1]) ? Infinity : Number(m[1])) * UNITS[m[2]];
      return !m;
    });
    if (invalid.length) {
      for (const arg of invalid.slice(0, -1)) ctx.err(`sleep: invalid time interval ‘${arg}’\n`);
      return ctx.usageError(`invalid time interval ‘${invalid[invalid.length - 1]}’`);
    }
    // `sleep infinity` waits until Ctrl-C.
    if (total === Infinity) for (;;) yield { type: 'wait', ms: 1000, stream: true };
    if (total > 0) yield { type: 'wait', ms: Math.round(total) };
    return 0;
  },
};
