// mawk's command line (init.c process_cmdline): -f, -F, -v and -W options, --version and --help,
// then the program text unless -f gave it, then the operands that become ARGV. Its own words for
// what it refuses; -W options it has but the simulator does not need are taken and ignored.

export const MAWK_USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W compat        pre-POSIX 2001.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W posix         stricter POSIX checking.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W usage         show this message and exit.
`;

/** mawk 1.3.4 20240123 as built for amd64 against a current glibc (Ubuntu 24.04's version). */
export const MAWK_VERSION = `mawk 1.3.4 20240123
Copyright 2008-2023,2024, Thomas E. Dickey
Copyright 1991-1996,2014, Michael D. Brennan

random-funcs:       arc4random_stir/arc4random
regex-funcs:        internal

compiled limits:
sprintf buffer      8192
maximum-integer     9223372036854775808
`;

export type AwkCommandLine =
  | {
      kind: 'run';
      program: { text: string } | { files: string[] };
      operands: string[];
      /** -v assignments, done before BEGIN, values still with their escapes. */
      assignments: [string, string][];
      /** -F's value, still with its escapes. */
      fs?: string;
      /** mawk's complaints about -W options it does not know; it runs all the same. */
      warnings?: string;
    }
  /** Print to stdout (help, version) or stderr and exit with the code. */
  | { kind: 'exit'; out?: string; err?: string; code: number };

const W_OPTIONS = ['version', 'dump', 'exec', 'help', 'interactive', 'posix', 'random', 're-interval', 'sprintf', 'traditional', 'usage', 'compat', 'lint', 'lint-old', 'non-decimal-data'];

/** A -W or -- option name as mawk matches it: any prefix that picks one. */
function wOption(name: string): string | undefined {
  const bare = name.split('=')[0];
  const exact = W_OPTIONS.find((o) => o === bare);
  if (exact) return exact;
  const prefixed = W_OPTIONS.filter((o) => bare !== '' && o.startsWith(bare));
  return prefixed.length >= 1 ? prefixed[0] : undefined;
}

export function parseAwkCommandLine(args: readonly string[], progname: string): AwkCommandLine {
  const bad = (arg: string): AwkCommandLine => ({ kind: 'exit', err: `${progname}: not an option: ${arg}\n`, code: 2 });
  if (args.length === 0) return { kind: 'exit', err: MAWK_USAGE, code: 0 };
  const files: string[] = [];
  const assignments: [string, string][] = [];
  let fs: string | undefined;
  let warnings = '';
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) {
    const arg = args[i];
    if (arg === '-') {
      if (!files.length) return { kind: 'exit', code: 0 };
      break;
    }
    if (arg === '--') {
      i++;
      break;
    }
    if (arg.startsWith('--')) {
      const option = wOption(arg.slice(2));
      if (!option) return bad(arg);
      if (option === 'version') return { kind: 'exit', out: MAWK_VERSION, code: 0 };
      if (option === 'help' || option === 'usage') return { kind: 'exit', out: MAWK_USAGE, code: 0 };
      i++;
      continue;
    }
    const letter = arg[1];
    let value: string;
    if (arg.length === 2) {
      if (i === args.length - 1) {
        if ('WFvf'.includes(letter)) return { kind: 'exit', err: `${progname}: option ${arg} lacks argument\n`, code: 2 };
        return bad(arg);
      }
      value = args[i + 1];
      i += 2;
    } else {
      value = arg.slice(2);
      i++;
    }
    switch (letter) {
      case 'W':
        for (const name of value.split(',')) {
          const option = wOption(name);
          if (!option) {
            warnings += `${progname}: vacuous option: -W "${name}"\n`;
            continue;
          }
          if (option === 'version') return { kind: 'exit', out: MAWK_VERSION, code: 0 };
          if (option === 'help' || option === 'usage') return { kind: 'exit', out: MAWK_USAGE, code: 0 };
        }
        break;
      case 'v': {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(value);
        if (!m) return { kind: 'exit', err: `${progname}: improper assignment: -v ${value}\n`, code: 2 };
        assignments.push([m[1], value.slice(m[0].length)]);
        break;
      }
      case 'F':
        fs = value;
        break;
      case 'f':
        files.push(value);
        break;
      default:
        return bad(arg);
    }
  }
  if (files.length) return { kind: 'run', program: { files }, operands: args.slice(i), assignments, fs, ...(warnings ? { warnings } : {}) };
  if (i >= args.length) return { kind: 'exit', err: warnings || undefined, code: 0 };
  return { kind: 'run', program: { text: args[i] }, operands: args.slice(i + 1), assignments, fs, ...(warnings ? { warnings } : {}) };
}
