// jq's date functions, on UTC (the simulated machine's zone): gmtime's broken-down time
// [year, month 0-11, day, hours, minutes, seconds, weekday, day of year], mktime back to seconds,
// strftime through the shell's own strftime, and a strptime for the directives dates use.
import { strftime as formatTime } from '../builtins/date';
import { isArray, isNumber, JqError, num, type JqValue } from './values';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function gmtime(v: JqValue, who = 'gmtime'): JqValue[] {
  if (!isNumber(v)) throw new JqError(`${who} requires numeric inputs`);
  const fsecs = num(v);
  const secs = Math.trunc(fsecs);
  const ms = secs * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw new JqError('error converting number of seconds since epoch to datetime');
  const d = new Date(ms);
  const yday = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds() + (fsecs - Math.floor(fsecs)), d.getUTCDay(), yday];
}

/** The broken-down fields as integers (jq's jv2tm truncates them). */
function fields(v: JqValue, message: string): number[] {
  if (!isArray(v)) throw new JqError(message);
  return v.map((x) => {
    if (!isNumber(x)) throw new JqError(message);
    return Math.trunc(num(x));
  });
}

export function mktime(v: JqValue): number {
  if (!isArray(v)) throw new JqError('mktime requires array inputs');
  if (v.length < 6) throw new JqError('mktime requires parsed datetime inputs');
  const [y, mo, d, h, mi, s] = fields(v, 'mktime requires parsed datetime inputs');
  return Math.floor(Date.UTC(y, mo, d, h, mi, s) / 1000);
}

export function strftime(v: JqValue, format: JqValue, who = 'strftime/1'): string {
  const broken = isNumber(v) ? gmtime(v) : v;
  if (!isArray(broken)) throw new JqError(`${who} requires parsed datetime inputs`);
  if (typeof format !== 'string') throw new JqError(`${who} requires a string format`);
  const [y, mo, d, h, mi, s] = fields(broken, `${who} requires parsed datetime inputs`);
  return formatTime(format, Date.UTC(y, mo ?? 0, d ?? 1, h ?? 0, mi ?? 0, s ?? 0));
}

/** glibc's strptime for the common directives; the broken-down time, or jq's "does not match". */
export function strptime(input: JqValue, format: JqValue): JqValue[] {
  if (typeof input !== 'string' || typeof format !== 'string') throw new JqError('strptime/1 requires string inputs and arguments');
  const fail = () => new JqError(`date "${input}" does not match format "${format}"`);
  const tm = { year: 0, mon: 0, mday: 0, hour: 0, min: 0, sec: 0, wday: 8, yday: 367 };
  let haveDate = false;
  let pm: boolean | undefined;
  let i = 0;
  const num = (max: number, min = 1): number => {
    while (input[i] === ' ') i++;
    const m = new RegExp(`^[+-]?\\d{${min},${max}}`).exec(input.slice(i));
    if (!m) throw fail();
    i += m[0].length;
    return Number(m[0]);
  };
  const name = (list: string[]): number => {
    const rest = input.slice(i).toLowerCase();
    for (let k = 0; k < list.length; k++) {
      for (const form of [list[k], list[k].slice(0, 3)]) {
        if (rest.startsWith(form)) {
          i += form.length;
          return k;
        }
      }
    }
    throw fail();
  };
  const directive = (c: string) => {
    switch (c) {
      case 'Y':
        tm.year = num(4) - 1900;
        haveDate = true;
        break;
      case 'm':
        tm.mon = num(2) - 1;
        haveDate = true;
        break;
      case 'd':
      case 'e':
        tm.mday = num(2);
        haveDate = true;
        break;
      case 'H':
      case 'k':
        tm.hour = num(2);
        break;
      case 'I':
      case 'l':
        tm.hour = num(2) % 12;
        break;
      case 'M':
        tm.min = num(2);
        break;
      case 'S':
        tm.sec = num(2);
        break;
      case 'y': {
        const y = num(2);
        tm.year = y < 69 ? y + 100 : y;
        haveDate = true;
        break;
      }
      case 'j':
        tm.yday = num(3) - 1;
        break;
      case 'b':
      case 'B':
      case 'h':
        tm.mon = name(MONTHS);
        haveDate = true;
        break;
      case 'a':
      case 'A':
        tm.wday = name(DAYS);
        break;
      case 'p': {
        const rest = input.slice(i, i + 2).toUpperCase();
        if (rest !== 'AM' && rest !== 'PM') throw fail();
        pm = rest === 'PM';
        i += 2;
        break;
      }
      case 'Z':
        while (/[A-Za-z]/.test(input[i] ?? '')) i++;
        break;
      case 'z': {
        const m = /^(?:Z|[+-]\d{2}:?\d{2})/.exec(input.slice(i));
        if (!m) throw fail();
        i += m[0].length;
        break;
      }
      case 's': {
        const t = gmtime(num(20));
        [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec] = [(t[0] as number) - 1900, t[1] as number, t[2] as number, t[3] as number, t[4] as number, t[5] as number];
        haveDate = true;
        break;
      }
      case 'T':
        expand('%H:%M:%S');
        break;
      case 'D':
        expand('%m/%d/%y');
        break;
      case 'F':
        expand('%Y-%m-%d');
        break;
      case 'R':
        expand('%H:%M');
        break;
      case 'n':
      case 't':
        while (/\s/.test(input[i] ?? '')) i++;
        break;
      case '%':
        if (input[i] !== '%') throw fail();
        i++;
        break;
      default:
        throw fail();
    }
  };
  const expand = (f: string) => {
    for (let k = 0; k < f.length; k++) {
      if (f[k] === '%') directive(f[++k]);
      else if (input[i++] !== f[k]) throw fail();
    }
  };
  for (let k = 0; k < format.length; k++) {
    const c = format[k];
    if (c === '%') {
      let d = format[++k];
      if (d === 'E' || d === 'O') d = format[++k];
      directive(d);
    } else if (/\s/.test(c)) {
      while (/\s/.test(input[i] ?? '')) i++;
    } else if (input[i++] !== c) throw fail();
  }
  if (i < input.length && !/\s/.test(input[i])) throw fail();
  if (pm !== undefined) tm.hour = (tm.hour % 12) + (pm ? 12 : 0);
  if (haveDate) {
    const t = Date.UTC(tm.year + 1900, tm.mon, tm.mday || 1);
    const date = new Date(t);
    tm.wday = date.getUTCDay();
    tm.yday = Math.floor((t - Date.UTC(tm.year + 1900, 0, 1)) / 86_400_000);
  }
  const out: JqValue[] = [tm.year + 1900, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday];
  if (i < input.length) out.push(input.slice(i));
  return out;
}
