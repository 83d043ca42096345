import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { formatUnixDate } from '../../core/clock';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** The strftime conversions learners reach for: `date +%H:%M:%S`, `date +%Y-%m-%d`, `date +%s`. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  return format.replace(/%([a-zA-Z%])/g, (all, c: string) => {
    switch (c) {
      case 'Y': return String(d.getUTCFullYear());
      case 'y': return p2(d.getUTCFullYear() % 100);
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'd': return p2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'H': return p2(d.getUTCHours());
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 's': return String(Math.floor(ms / 1000));
      case 'N': return String((ms % 1000) * 1e6).padStart(9, '0');
      case 'A': return DAYS[d.getUTCDay()];
      case 'a': return DAYS[d.getUTCDay()].slice(0, 3);
      case 'B': return MONTHS[d.getUTCMonth()];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()].slice(0, 3);
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'R': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'j': return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0');
      case 'u': return String(d.getUTCDay() || 7);
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return all;
    }
  });
}

export const date: CommandSpec = {
  name: 'date',
  summary: 'Display the current time in the given FORMAT.',
  usage: '[OPTION]... [+FORMAT]',
  description: 'Display the current time in the given FORMAT (the simulated clock of this machine).',
  dialect: gnu,
  flags: [
    { long: 'utc', short: 'u', type: 'bool', description: 'print Coordinated Universal Time (UTC)' },
    { long: 'iso-8601', short: 'I', type: 'bool', description: 'output date/time in ISO 8601 format' },
    { long: 'rfc-3339', type: 'string', valueName: 'FMT', description: "output date/time in RFC 3339 format; FMT='date', 'seconds', or 'ns'" },
  ],
  run(ctx) {
    const now = ctx.machine.now();
    const [arg, extra] = ctx.command.args;
    if (extra !== undefined) return ctx.usageError(`extra operand ‘${extra}’`);
    if (arg !== undefined && !arg.startsWith('+')) {
      ctx.err(`date: invalid date ‘${arg}’\n`);
      return 1;
    }
    let text: string;
    if (arg) text = strftime(arg.slice(1), now);
    else if (ctx.command.flags['iso-8601']) text = strftime('%F', now);
    else if (ctx.command.flags['rfc-3339']) text = strftime(ctx.command.flags['rfc-3339'] === 'date' ? '%F' : '%F %T+00:00', now);
    else text = formatUnixDate(now);
    ctx.out(`${text}\n`);
    return 0;
  },
};
