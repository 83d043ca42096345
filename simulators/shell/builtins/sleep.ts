import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { finiteWait, waitForever } from '../../core/clock';

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A number as C's strtod reads it (decimal, hexadecimal with a binary exponent, inf), then a unit; undefined when sleep refuses it. */
function parseInterval(arg: string): number | undefined {
  const m = /^\s*\+?(?:((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?|(inf(?:inity)?))([smhd]?)$/i.exec(arg);
  if (!m) return undefined;
  let seconds: number;
  if (m[1] !== undefined) seconds = Number(m[1]);
  else if (m[5] !== undefined) seconds = Infinity;
  else {
    const whole = m[2] ?? '';
    const fraction = m[3] ?? '';
    if (!whole && !fraction) return undefined;
    seconds = parseInt(`${whole}${fraction}` || '0', 16) * 2 ** (Number(m[4] ?? 0) - 4 * fraction.length);
  }
  return seconds * UNITS[m[6].toLowerCase()];
}

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
      const ms = parseInterval(arg);
      if (ms !== undefined) total += ms;
      return ms === undefined;
    });
    if (invalid.length) {
      for (const arg of invalid.slice(0, -1)) ctx.err(`sleep: invalid time interval ‘${arg}’\n`);
      return ctx.usageError(`invalid time interval ‘${invalid[invalid.length - 1]}’`);
    }
    // `sleep infinity` waits until Ctrl-C, and so does any sleep longer than the world's clock can
    // run (`sleep 1e9d`): coreutils takes them all and sleeps as long as it can.
    const ms = finiteWait(ctx.world().clock.now, total);
    if (ms === undefined) return yield* waitForever();
    if (ms > 0) yield { type: 'wait', ms };
    return 0;
  },
};
