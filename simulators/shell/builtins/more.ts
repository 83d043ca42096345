// `more FILE...`, `cmd | more`: util-linux 2.39's pager (simulators/shell/pager/more.ts), the
// variant of less that writes onto the terminal itself and ends at the end of the text. In a
// pipe or a file it copies its input, with a `::::::::::::::` banner before each file when there
// are several, as the real one does. Its options are read here, in util-linux's words.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec, FlagSpec } from '../../core/command/spec';
import type { CommandContext, Effect } from '../../core/process';
import { canRead, FS_MESSAGES } from '../fs';
import { moreOnTerminal, type MoreInput, type MoreOptions } from '../pager/more';
import { stat } from './support';

const USAGE = `
Usage:
 more [options] <file>...

Display the contents of a file in a terminal.

Options:
 -d, --silent          display help instead of ringing bell
 -f, --logical         count logical rather than screen lines
 -l, --no-pause        suppress pause after form feed
 -c, --print-over      do not scroll, display text and clean line ends
 -p, --clean-print     do not scroll, clean screen and display text
 -e, --exit-on-eof     exit on end-of-file
 -s, --squeeze         squeeze multiple blank lines into one
 -u, --plain           suppress underlining and bold
 -n, --lines <number>  the number of lines per screenful
 -<number>             same as --lines
 +<number>             display file beginning from line number
 +/<pattern>           display file beginning from pattern match

 -h, --help            display this help
 -V, --version         display version

For more details see more(1).
`;

const LONG: Record<string, string> = {
  silent: 'd', logical: 'f', 'no-pause': 'l', 'print-over': 'c', 'clean-print': 'p', 'exit-on-eof': 'e',
  squeeze: 's', plain: 'u', lines: 'n', version: 'V', help: 'h',
};

type Parsed = { options: MoreOptions; files: string[]; help?: boolean; version?: boolean } | { error: string };

/** util-linux's argscan: -NUM and +NUM/+/PATTERN first, then getopt_long("dflcpsun:eVh"). */
function parseArgs(args: readonly string[]): Parsed {
  const options: MoreOptions = {};
  const files: string[] = [];
  const set = new Set<string>();
  const words = [...args];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^-\d+$/.test(w)) options.lines = Math.abs(Number(w));
    else if (/^\+\d+$/.test(w)) options.startLine = Number(w.slice(1));
    else if (w.startsWith('+/')) options.startSearch = w.slice(2);
    else continue;
    words.splice(i--, 1);
  }
  const refuse = (message: string) => ({ error: `more: ${message}\nTry 'more --help' for more information.\n` });
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      files.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--')) {
      const [name, value] = w.slice(2).split(/=(.*)/s);
      const matches = Object.keys(LONG).filter((k) => k.startsWith(name));
      const key = LONG[name] ?? (matches.length === 1 ? LONG[matches[0]] : undefined);
      if (!key) return refuse(matches.length > 1 ? `option '--${name}' is ambiguous; possibilities: ${matches.map((m) => `'--${m}'`).join(' ')}` : `unrecognized option '--${name}'`);
      if (key === 'n') {
        const v = value ?? words[++i];
        if (v === undefined) return refuse(`option '--lines' requires an argument`);
        if (!/^\d+$/.test(v)) return { error: `more: argument error: '${v}'\n` };
        options.lines = Number(v);
      } else if (value !== undefined) return refuse(`option '--${Object.keys(LONG).find((k) => LONG[k] === key)}' doesn't allow an argument`);
      else set.add(key);
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      for (let k = 1; k < w.length; k++) {
        const c = w[k];
        if (!'dflcpsuneVh'.includes(c)) return refuse(`invalid option -- '${c}'`);
        if (c === 'n') {
          const v = w.slice(k + 1) || words[++i];
          if (v === undefined) return refuse(`option requires an argument -- 'n'`);
          if (!/^\d+$/.test(v)) return { error: `more: argument error: '${v}'\n` };
          options.lines = Number(v);
          break;
        }
        set.add(c);
      }
      continue;
    }
    files.push(w);
  }
  if (set.has('s')) options.squeeze = true;
  if (set.has('d')) options.silent = true;
  return { options, files, help: set.has('h'), version: set.has('V') };
}

function* more(ctx: CommandContext): Generator<Effect, number, string | null> {
  const parsed = parseArgs(ctx.command.args);
  if ('error' in parsed) {
    ctx.err(parsed.error);
    return 1;
  }
  if (parsed.help) {
    ctx.out(USAGE);
    return 0;
  }
  if (parsed.version) {
    ctx.out('more from util-linux 2.39.3\n');
    return 0;
  }
  if (ctx.stdin === null && !parsed.files.length) {
    ctx.err("more: bad usage\nTry 'more --help' for more information.\n");
    return 1;
  }
  const inputs: MoreInput[] = ctx.stdin !== null ? [{ name: null, text: ctx.stdin }] : [];
  for (const name of parsed.files) {
    const node = stat(ctx, name);
    if (!node.ok) ctx.err(`more: cannot open ${name}: ${FS_MESSAGES[node.code]}\n`);
    else if (node.value.kind === 'dir') ctx.out(`\n*** ${name}: directory ***\n\n`);
    else if (!canRead(node.value, ctx.machine.identity().user)) ctx.err(`more: cannot open ${name}: ${FS_MESSAGES.EACCES}\n`);
    else inputs.push({ name, text: node.value.content });
  }
  const banners = parsed.files.length > 1 || (ctx.stdin !== null && parsed.files.length > 0);
  if (!ctx.tty) {
    // Not on a terminal: the text goes through (a pipe's first), files under their banners.
    for (const input of inputs) ctx.out(`${banners && input.name !== null ? `::::::::::::::\n${input.name}\n::::::::::::::\n` : ''}${input.text}`);
    return 0;
  }
  if (!inputs.length) return 0;
  ctx.budget.spendText(inputs.reduce((n, i) => n + i.text.length, 0));
  return yield* moreOnTerminal(ctx, inputs, parsed.options);
}

const FLAGS: FlagSpec[] = [
  { long: 'silent', short: 'd', type: 'bool', description: 'display help instead of ringing bell' },
  { long: 'logical', short: 'f', type: 'bool', description: 'count logical rather than screen lines' },
  { long: 'no-pause', short: 'l', type: 'bool', description: 'suppress pause after form feed' },
  { long: 'print-over', short: 'c', type: 'bool', description: 'do not scroll, display text and clean line ends' },
  { long: 'clean-print', short: 'p', type: 'bool', description: 'do not scroll, clean screen and display text' },
  { long: 'exit-on-eof', short: 'e', type: 'bool', description: 'exit on end-of-file' },
  { long: 'squeeze', short: 's', type: 'bool', description: 'squeeze multiple blank lines into one' },
  { long: 'plain', short: 'u', type: 'bool', description: 'suppress underlining and bold' },
  { long: 'lines', short: 'n', type: 'string', valueName: 'number', description: 'the number of lines per screenful' },
  { long: 'version', short: 'V', type: 'bool', description: 'display version' },
];

export const moreCommand: CommandSpec = {
  name: 'more',
  summary: 'display the contents of a file in a terminal',
  usage: '[options] <file>...',
  description: 'Display the contents of a file in a terminal.',
  dialect: gnu,
  rawArgs: true,
  helpIsArg: true,
  flags: FLAGS,
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  run: more,
};
