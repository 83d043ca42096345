// watch's command line as procps-ng 4.0.4 reads it: getopt_long("+bCced::ghq:n:prtwvx"), so
// options stop at the command (`watch -n 1 ls -l`: -l is ls's), and its own words for mistakes,
// each followed by the whole usage on standard error.

export interface WatchOptions {
  intervalMs: number;
  /** The interval as watch prints it in the header. */
  intervalSeconds: number;
  beep: boolean;
  color: boolean;
  differences: boolean;
  /** -d=permanent: a changed character stays highlighted. */
  cumulative: boolean;
  errexit: boolean;
  chgexit: boolean;
  /** -q N: exit after N updates in a row left the screen as it was. */
  equexit: number | null;
  precise: boolean;
  title: boolean;
  wrap: boolean;
  exec: boolean;
  command: string[];
}

export const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -C, --no-color         do not interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -r, --no-rerun         do not rerun program on window resize
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

const LONG: Record<string, string> = {
  color: 'c', 'no-color': 'C', differences: 'd', help: 'h', interval: 'n', beep: 'b', errexit: 'e', chgexit: 'g',
  equexit: 'q', exec: 'x', precise: 'p', 'no-rerun': 'r', 'no-title': 't', 'no-wrap': 'w', version: 'v',
};
const TAKES_VALUE = new Set(['n', 'q']);

/**
 * strtod_nol_or_err: a decimal number with `.` or `,` as its point (watch ignores the locale).
 * Returns the seconds, or the error message watch exits with.
 */
export function readSeconds(text: string, what: string): number | string {
  const m = /^\s*([-+]?)(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!m || text.trim() === '' || (m[2] === '' && m[3] === undefined)) return `${what}: '${text}': Invalid argument`;
  const value = Number(`${m[2] || '0'}.${m[3] || '0'}`);
  return m[1] === '-' ? -value : value;
}

export type Parsed = { kind: 'ok'; options: WatchOptions } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

export function parseWatch(args: readonly string[], env: Readonly<Record<string, string>>): Parsed {
  let seconds = 2;
  if (env.WATCH_INTERVAL !== undefined) {
    const read = readSeconds(env.WATCH_INTERVAL, 'Could not parse interval from WATCH_INTERVAL');
    if (typeof read === 'string') return { kind: 'error', message: `watch: ${read}\n` };
    seconds = read;
  }
  const set = new Set<string>();
  let cumulative = false;
  let equexit: number | null = null;
  const refuse = (message: string): Parsed => ({ kind: 'error', message: `watch: ${message}\n${USAGE}` });
  let i = 0;
  const value = (key: string, inline: string | undefined): string | Parsed => {
    const v = inline ?? args[++i];
    if (v === undefined) return refuse(key.length === 1 ? `option requires an argument -- '${key}'` : `option '--${key}' requires an argument`);
    return v;
  };
  const apply = (key: string, v: string | undefined): Parsed | null => {
    if (key === 'h') return { kind: 'help' };
    if (key === 'v') return { kind: 'version' };
    if (key === 'n' || key === 'q') {
      const read = readSeconds(v!, 'failed to parse argument');
      if (typeof read === 'string') return { kind: 'error', message: `watch: ${read}\n` };
      if (key === 'n') seconds = read;
      else equexit = Math.trunc(read);
      set.add(key);
      return null;
    }
    if (key === 'd') cumulative = v !== undefined;
    if (key === 'c') set.delete('C');
    if (key === 'C') set.delete('c');
    set.add(key);
    return null;
  };
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s);
      const matches = Object.keys(LONG).filter((k) => k.startsWith(name));
      const long = LONG[name] !== undefined ? name : matches.length === 1 ? matches[0] : undefined;
      if (long === undefined) return refuse(matches.length > 1 ? `option '--${name}' is ambiguous; possibilities: ${matches.map((m) => `'--${m}'`).join(' ')}` : `unrecognized option '--${name}'`);
      const key = LONG[long];
      let v: string | undefined = inline;
      if (TAKES_VALUE.has(key)) {
        const got = value(long, inline);
        if (typeof got !== 'string') return got;
        v = got;
      } else if (inline !== undefined && key !== 'd') return refuse(`option '--${long}' doesn't allow an argument`);
      const done = apply(key, v);
      if (done) return done;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const c = arg[k];
        if (!'bCcedghqnprtwvx'.includes(c)) return refuse(`invalid option -- '${c}'`);
        if (TAKES_VALUE.has(c)) {
          const got = value(c, arg.slice(k + 1) || undefined);
          if (typeof got !== 'string') return got;
          const done = apply(c, got);
          if (done) return done;
          break;
        }
        // -d takes its optional value only when attached: -d=permanent is not getopt's form, -dpermanent is.
        const done = apply(c, c === 'd' && k + 1 < arg.length ? arg.slice(k + 1) : undefined);
        if (done) return done;
        if (c === 'd' && k + 1 < arg.length) break;
      }
      continue;
    }
    break;
  }
  const command = args.slice(i);
  if (!command.length) return { kind: 'error', message: USAGE };
  seconds = Math.min(Math.max(seconds, 0.1), 4294967295);
  return {
    kind: 'ok',
    options: {
      intervalMs: Math.round(seconds * 1000),
      intervalSeconds: seconds,
      beep: set.has('b'),
      color: set.has('c'),
      differences: set.has('d'),
      cumulative,
      errexit: set.has('e'),
      chgexit: set.has('g'),
      equexit,
      precise: set.has('p'),
      title: !set.has('t'),
      wrap: !set.has('w'),
      exec: set.has('x'),
      command,
    },
  };
}
