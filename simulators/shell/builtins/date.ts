import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { formatUnixDate } from '../../core/clock';
import { argmatch, curly, fsMessage, stat } from './support';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;

/** The ISO 8601 week-based year and week of a date (weeks start on Monday; week 1 holds a Thursday). */
function isoWeek(d: Date): { year: number; week: number } {
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7)));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const days = (thursday.getTime() - firstThursday.getTime()) / DAY_MS;
  return { year: thursday.getUTCFullYear(), week: 1 + Math.round((days - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7) };
}

/**
 * GNU date's conversions (`date +%H:%M:%S`, `date +%Y-%m-%d`, `date +%s`) in the C locale and UTC,
 * with its flags: `-` no padding, `_` spaces, `0` zeros, `^` upper case, `#` swapped case, and a width.
 */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const day = d.getUTCDate();
  const hour = d.getUTCHours();
  const yday = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
  const weekOf = (firstDay: number) => Math.floor((yday - 1 + 7 - ((d.getUTCDay() - firstDay + 7) % 7)) / 7);
  const hour12 = hour % 12 || 12;
  return format.replace(/%([-_0^#]*)(\d*)([EO](?=[a-zA-Z]))?(:{0,3}z|[a-zA-Z%+])/g, (all, flags: string, widthText: string, _modifier: string | undefined, conv: string) => {
    // [text, default padding, default width] of each conversion
    const number = (n: number, width = 2, pad = '0'): [string, string, number] => [String(n), pad, width];
    const word = (s: string): [string, string, number] => [s, ' ', 0];
    const conversions: Record<string, () => [string, string, number]> = {
      a: () => word(DAYS[d.getUTCDay()].slice(0, 3)),
      A: () => word(DAYS[d.getUTCDay()]),
      b: () => word(MONTHS[d.getUTCMonth()].slice(0, 3)),
      h: () => word(MONTHS[d.getUTCMonth()].slice(0, 3)),
      B: () => word(MONTHS[d.getUTCMonth()]),
      c: () => word(strftime('%a %b %e %H:%M:%S %Y', ms)),
      C: () => number(Math.floor(d.getUTCFullYear() / 100)),
      d: () => number(day),
      D: () => word(strftime('%m/%d/%y', ms)),
      e: () => number(day, 2, ' '),
      F: () => word(strftime('%Y-%m-%d', ms)),
      g: () => number(isoWeek(d).year % 100),
      G: () => number(isoWeek(d).year, 1),
      H: () => number(hour),
      I: () => number(hour12),
      j: () => number(yday, 3),
      k: () => number(hour, 2, ' '),
      l: () => number(hour12, 2, ' '),
      m: () => number(d.getUTCMonth() + 1),
      M: () => number(d.getUTCMinutes()),
      n: () => word('\n'),
      N: () => number(((ms % 1000) + 1000) % 1000 * 1e6, 9),
      p: () => word(hour < 12 ? 'AM' : 'PM'),
      P: () => word(hour < 12 ? 'am' : 'pm'),
      q: () => number(Math.floor(d.getUTCMonth() / 3) + 1, 1),
      r: () => word(strftime('%I:%M:%S %p', ms)),
      R: () => word(strftime('%H:%M', ms)),
      s: () => number(Math.floor(ms / 1000), 1),
      S: () => number(d.getUTCSeconds()),
      t: () => word('\t'),
      T: () => word(strftime('%H:%M:%S', ms)),
      u: () => number(d.getUTCDay() || 7, 1),
      U: () => number(weekOf(0)),
      V: () => number(isoWeek(d).week),
      w: () => number(d.getUTCDay(), 1),
      W: () => number(weekOf(1)),
      x: () => word(strftime('%m/%d/%y', ms)),
      X: () => word(strftime('%H:%M:%S', ms)),
      y: () => number(d.getUTCFullYear() % 100),
      Y: () => number(d.getUTCFullYear(), 1),
      z: () => word('+0000'),
      ':z': () => word('+00:00'),
      '::z': () => word('+00:00:00'),
      ':::z': () => word('+00'),
      Z: () => word('UTC'),
      '%': () => word('%'),
    };
    const conversion = conversions[conv];
    if (!conversion) return all;
    let [text, pad, width] = conversion();
    if (widthText) width = Number(widthText);
    if (flags.includes('-')) width = 0;
    else if (flags.includes('_')) pad = ' ';
    else if (flags.includes('0')) pad = '0';
    if (flags.includes('^')) text = text.toUpperCase();
    else if (flags.includes('#')) text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
    return text.padStart(width, pad);
  });
}

const UNITS: Record<string, number> = { sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS, fortnight: 14 * DAY_MS };

/**
 * The `-d` strings people write: `@SECONDS`, `now`, `yesterday`, `tomorrow`, `2 days ago`, `+3 hours`,
 * `2025-03-05`, `2025-03-05 14:30[:00]`, `14:30`. Returns undefined for anything else.
 */
export function parseDate(text: string, now: number): number | undefined {
  const epoch = /^\s*@([-+]?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (epoch) return Math.round(Number(epoch[1]) * 1000);
  let rest = ` ${text.toLowerCase()} `;
  let base = now;
  const absolute = /\s(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[t\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?z?)?(?=\s)/.exec(rest);
  if (absolute) {
    const [, y, mo, da, h = '0', mi = '0', s = '0'] = absolute.map((v) => v ?? undefined) as string[];
    if (Number(mo) < 1 || Number(mo) > 12 || Number(da) < 1 || Number(da) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
    base = Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(s));
    rest = rest.replace(absolute[0], ' ');
  }
  const day = (shift: number) => {
    base += shift * DAY_MS;
    return ' ';
  };
  rest = rest.replace(/\s(now|today)(?=\s)/g, () => day(0)).replace(/\syesterday(?=\s)/g, () => day(-1)).replace(/\stomorrow(?=\s)/g, () => day(1));
  const time = /\s(\d{1,2}):(\d{2})(?::(\d{2}))?(?=\s)/.exec(rest);
  if (time) {
    if (Number(time[1]) > 23 || Number(time[2]) > 59) return undefined;
    base = Math.floor(base / DAY_MS) * DAY_MS + ((Number(time[1]) * 60 + Number(time[2])) * 60 + Number(time[3] ?? 0)) * 1000;
    rest = rest.replace(time[0], ' ');
  }
  // Relative items; `ago` turns the one just before it around.
  const item = /\s([-+]?\d+)?\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?(\s+ago)?(?=\s)/;
  for (let m = item.exec(rest); m; m = item.exec(rest)) {
    const n = Number(m[1] ?? 1) * (m[3] ? -1 : 1);
    if (m[2] === 'month' || m[2] === 'year') {
      const d = new Date(base);
      d.setUTCMonth(d.getUTCMonth() + (m[2] === 'year' ? 12 * n : n));
      base = d.getTime();
    } else base += n * UNITS[m[2]];
    rest = rest.replace(m[0], ' ');
  }
  return rest.trim() === '' ? base : undefined;
}

export const date: CommandSpec = {
  name: 'date',
  summary: 'Display the current time in the given FORMAT.',
  usage: '[OPTION]... [+FORMAT]',
  description: 'Display the current time in the given FORMAT (the simulated clock of this machine).',
  dialect: gnu,
  flags: [
    { long: 'date', short: 'd', type: 'string', valueName: 'STRING', description: "display time described by STRING, not 'now'" },
    { long: 'iso-8601', short: 'I', type: 'string', valueName: 'FMT', implicit: 'date', description: "output date/time in ISO 8601 format.\nFMT='date' for date only (the default),\n'hours', 'minutes', 'seconds', or 'ns'" },
    { long: 'rfc-email', short: 'R', type: 'bool', description: 'output date and time in RFC 5322 format' },
    { long: 'rfc-3339', type: 'string', valueName: 'FMT', description: "output date/time in RFC 3339 format; FMT='date', 'seconds', or 'ns'" },
    { long: 'reference', short: 'r', type: 'string', valueName: 'FILE', description: 'display the last modification time of FILE' },
    { long: 'utc', short: 'u', type: 'bool', description: 'print or set Coordinated Universal Time (UTC)' },
  ],
  run(ctx) {
    const f = ctx.command.flags;
    const [arg, extra] = ctx.command.args;
    if (extra !== undefined) return ctx.usageError(`extra operand ${curly(extra)}`);
    if (arg !== undefined && !arg.startsWith('+')) {
      ctx.err(`date: invalid date ${curly(arg)}\n`);
      return 1;
    }
    const formats = [arg !== undefined, f['iso-8601'] !== undefined, Boolean(f['rfc-email']), f['rfc-3339'] !== undefined].filter(Boolean).length;
    if (formats > 1) {
      ctx.err('date: multiple output formats specified\n');
      return 1;
    }
    let ms = ctx.machine.now();
    if (f.date !== undefined && f.reference !== undefined) {
      ctx.err('date: the options to specify dates for printing are mutually exclusive\n' + "Try 'date --help' for more information.\n");
      return 1;
    }
    if (f.date !== undefined) {
      const parsed = parseDate(String(f.date), ms);
      if (parsed === undefined || Number.isNaN(new Date(parsed).getTime())) {
        // GNU goes on to years JavaScript's Date cannot hold (past ±275,760): there we refuse, in
        // GNU's words, rather than print a date that is not one.
        const epoch = /^\s*@\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(String(f.date));
        ctx.err(parsed !== undefined && epoch ? `date: time ${curly(epoch[1].replace(/^\+/, ''))} is out of range\n` : `date: invalid date ${curly(String(f.date))}\n`);
        return 1;
      }
      ms = parsed;
    }
    if (f.reference !== undefined) {
      const node = stat(ctx, String(f.reference));
      if (!node.ok) {
        ctx.err(`date: ${f.reference}: ${fsMessage(node.code)}\n`);
        return 1;
      }
      ms = node.value.mtime;
    }
    let format: string;
    if (arg !== undefined) format = arg.slice(1);
    else if (f['iso-8601'] !== undefined) {
      const which = argmatch(ctx, 'iso-8601', String(f['iso-8601']), [['hours'], ['minutes'], ['date'], ['seconds'], ['ns']]);
      if (typeof which === 'number') return which;
      format = { date: '%F', hours: '%FT%H%:z', minutes: '%FT%H:%M%:z', seconds: '%FT%T%:z', ns: '%FT%T,%N%:z' }[which]!;
    } else if (f['rfc-3339'] !== undefined) {
      const which = argmatch(ctx, 'rfc-3339', String(f['rfc-3339']), [['date'], ['seconds'], ['ns']]);
      if (typeof which === 'number') return which;
      format = { date: '%F', seconds: '%F %T%:z', ns: '%F %T.%N%:z' }[which]!;
    } else if (f['rfc-email']) format = '%a, %d %b %Y %T %z';
    else {
      ctx.out(`${formatUnixDate(ms)}\n`);
      return 0;
    }
    ctx.out(`${strftime(format, ms)}\n`);
    return 0;
  },
};
