// `less FILE...`, `cmd | less`: the pager (simulators/shell/pager) on the terminal, less 590 as
// Ubuntu 24.04 has it. Its output in a pipe or a file is the files as they are, as less does when
// it is not on a terminal. less reads its own options (clusters, unique prefixes of long names,
// `+cmd`), so their errors are less's words, not getopt's.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec, FlagSpec } from '../../core/command/spec';
import type { CommandContext, Effect } from '../../core/process';
import { canRead, FS_MESSAGES } from '../fs';
import { documentOf, pageOnTerminal, type PagerDocument } from '../pager';
import { helpDocument } from '../pager/help';
import { HELP_PROMPT, LONG_PROMPT, MEDIUM_PROMPT } from '../pager/prompt';
import type { IgnoreCase } from '../pager/search';
import { stat } from './support';

interface LessOption {
  short: string;
  long: string;
  /** Takes a value: the rest of the word, or the next one. */
  value?: 'number' | 'string';
  description: string;
}

/** The options less 590 knows that this one acts on or quietly accepts, as its --help lists them. */
const OPTIONS: readonly LessOption[] = [
  { short: 'e', long: 'quit-at-eof', description: 'Quit at end of file.' },
  { short: 'E', long: 'QUIT-AT-EOF', description: 'Quit at end of file.' },
  { short: 'F', long: 'quit-if-one-screen', description: 'Quit if entire file fits on first screen.' },
  { short: 'i', long: 'ignore-case', description: 'Ignore case in searches that do not contain uppercase.' },
  { short: 'I', long: 'IGNORE-CASE', description: 'Ignore case in all searches.' },
  { short: 'j', long: 'jump-target', value: 'string', description: 'Screen position of target lines.' },
  { short: 'K', long: 'quit-on-intr', description: 'Exit less in response to ctrl-C.' },
  { short: 'm', long: 'long-prompt', description: 'Set prompt style.' },
  { short: 'M', long: 'LONG-PROMPT', description: 'Set prompt style.' },
  { short: 'n', long: 'line-numbers', description: "Don't use line numbers." },
  { short: 'N', long: 'LINE-NUMBERS', description: 'Use line numbers.' },
  { short: 'P', long: 'prompt', value: 'string', description: 'Define new prompt.' },
  { short: 'r', long: 'raw-control-chars', description: 'Output "raw" control characters.' },
  { short: 'R', long: 'RAW-CONTROL-CHARS', description: 'Output "raw" control characters.' },
  { short: 's', long: 'squeeze-blank-lines', description: 'Squeeze multiple blank lines.' },
  { short: 'S', long: 'chop-long-lines', description: 'Chop (truncate) long lines rather than wrapping.' },
  { short: 'x', long: 'tabs', value: 'number', description: 'Set tab stops.' },
  { short: 'X', long: 'no-init', description: "Don't use termcap init/deinit strings." },
  { short: 'y', long: 'max-forw-scroll', value: 'number', description: 'Forward scroll limit.' },
  { short: 'z', long: 'window', value: 'number', description: 'Set size of window.' },
  { short: '~', long: 'tilde', description: "Don't display tildes after end of file." },
  { short: 'V', long: 'version', description: 'Display the version number of "less".' },
];

interface Settings {
  /** An option at the end still waiting for its value: less says so and quits. */
  pending?: string;
  set: Set<string>;
  /** -Ps, -Pm, -PM: the short, medium and long prompts given. */
  prompts: { s?: string; m?: string; M?: string };
  start: string;
  files: string[];
  errors: string[];
  version: boolean;
  help: boolean;
}

/**
 * Reads less's command line: options come first (the first other word starts the files), `--`
 * ends them, `+cmd` runs cmd at the start.
 */
function readArgs(args: readonly string[]): Settings {
  const s: Settings = { set: new Set(), prompts: {}, start: '', files: [], errors: [], version: false, help: false };
  const nameOf = (o: LessOption) => `-${o.short} (--${o.long})`;
  const take = (o: LessOption, value: string | undefined) => {
    if (value === undefined) {
      s.pending = nameOf(o);
      return;
    }
    if (value === '' || (o.value === 'number' && !/^-?\d+$/.test(value))) {
      s.errors.push(`${o.value === 'number' ? 'Number' : 'Value'} is required after ${nameOf(o)}`);
      return;
    }
    if (o.short !== 'P') return;
    const kind = /^[smM=hw]/.test(value) ? value[0] : 's';
    if (kind === 's' || kind === 'm' || kind === 'M') s.prompts[kind] = /^[smM]/.test(value) ? value.slice(1) : value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      s.files.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('+') && arg.length > 1) {
      const cmd = arg.slice(1);
      s.start += /^\d+$/.test(cmd) ? `${cmd}g` : cmd.startsWith('/') || cmd.startsWith('?') ? `${cmd}\r` : cmd;
      continue;
    }
    if (arg === '--help') {
      s.help = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const [name, value] = arg.slice(2).split(/=(.*)/s);
      const exact = OPTIONS.find((o) => o.long === name);
      const found = exact ? [exact] : OPTIONS.filter((o) => o.long.toLowerCase().startsWith(name.toLowerCase()));
      if (found.length > 1) s.errors.push(`${name} is an ambiguous abbreviation ("less --help" for help)`);
      else if (!found.length) s.errors.push(`There is no ${name} option ("less --help" for help)`);
      else if (found[0].short === 'V') s.version = true;
      else if (found[0].value) take(found[0], value ?? args[++i]);
      else s.set.add(found[0].short);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const o = OPTIONS.find((x) => x.short === arg[k]);
        if (!o) {
          s.errors.push(`There is no ${arg[k]} option ("less --help" for help)`);
          continue;
        }
        if (o.short === 'V') s.version = true;
        else if (o.value) {
          take(o, arg.slice(k + 1) || args[++i]);
          break;
        } else s.set.add(o.short);
      }
      continue;
    }
    s.files.push(...args.slice(i));
    break;
  }
  return s;
}

const VERSION = `less 590 (GNU regular expressions)
Copyright (C) 1984-2021  Mark Nudelman

less comes with NO WARRANTY, to the extent permitted by law.
For information about the terms of redistribution,
see the file named README in the less distribution.
Home page: https://greenwoodsoftware.com/less
`;

type Opened = { name: string; text: string } | { name: string; error: string };

function open(ctx: CommandContext, name: string): Opened {
  const node = stat(ctx, name);
  if (!node.ok) return { name, error: `${name}: ${FS_MESSAGES[node.code]}` };
  if (node.value.kind === 'dir') return { name, error: `${name} is a directory` };
  if (!canRead(node.value, ctx.machine.identity().user)) return { name, error: `${name}: ${FS_MESSAGES.EACCES}` };
  return { name, text: node.value.content };
}

/**
 * Waits for a key after messages written before the screen is taken over. Returns null when input
 * ended, else the keys to run as the first commands: any key but RETURN or SPACE is one (get_return).
 */
function* pressReturn(ctx: CommandContext): Generator<Effect, string | null, string | null> {
  ctx.screen('Press RETURN to continue ');
  const key: string | null = yield { type: 'read', raw: true };
  ctx.screen('\r\n');
  if (key === null) return null;
  return /^[\r\n ]/.test(key) ? key.slice(1) : key;
}

/** -s: runs of blank lines shown as one. */
const squeezed = (text: string) => text.replace(/\n{3,}/g, '\n\n').replace(/^\n{2,}/, '\n');

/** The LESS variable's options come before the command line's, their dash optional (`LESS=FRX`). */
const fromEnvironment = (value: string | undefined) =>
  (value ?? '').split(/\s+/).filter(Boolean).map((word) => (/^[-+]/.test(word) ? word : `-${word}`));

function* less(ctx: CommandContext): Generator<Effect, number, string | null> {
  const s = readArgs([...fromEnvironment(ctx.env.LESS), ...ctx.command.args]);
  if (s.pending) {
    ctx.err(`${s.errors.map((e) => `${e}\n`).join('')}Value is required after ${s.pending}\n`);
    return 0;
  }
  if (s.version) {
    ctx.out(VERSION);
    return 0;
  }
  const onTerminal = ctx.tty !== null;
  // Mistakes in the options are said and passed over.
  ctx.err(s.errors.map((e) => `${e}\n`).join(''));
  if (s.help) {
    if (!onTerminal) {
      ctx.out(`${helpDocument().lines.join('\n')}\n`);
      return 0;
    }
    return yield* pageOnTerminal(ctx, [helpDocument()], { prompt: HELP_PROMPT });
  }
  const stdin = (): Opened[] => (ctx.stdin !== null ? [{ name: '-', text: ctx.stdin }] : []);
  // `-` names standard input, as no name at all does.
  const inputs: Opened[] = s.files.length ? s.files.flatMap((f) => (f === '-' ? stdin() : [open(ctx, f)])) : stdin();
  if (!onTerminal) {
    // Not on a terminal: the files go through as they are (and a pipe's text with them).
    for (const input of inputs) {
      if ('error' in input) ctx.err(`${input.error}\n`);
      else ctx.out(input.text);
    }
    return 0;
  }
  if (!inputs.length) {
    ctx.err('Missing filename ("less --help" for help)\n');
    return 0;
  }
  const readable = inputs.filter((i): i is { name: string; text: string } => !('error' in i));
  const firstGood = inputs.findIndex((i) => !('error' in i));
  const skipped = inputs.slice(0, firstGood === -1 ? inputs.length : firstGood);
  for (const input of skipped) if ('error' in input) ctx.err(`${input.error}\n`);
  if (!readable.length) return 1;
  if (skipped.length || s.errors.length) {
    // Before the screen is taken over, the learner gets to read what went wrong.
    const typed = yield* pressReturn(ctx);
    if (typed === null) return 0;
    s.start = typed + s.start;
  }
  ctx.budget.spendText(readable.reduce((n, i) => n + i.text.length, 0));
  const docs: PagerDocument[] = inputs.slice(firstGood).map((input) => {
    if ('error' in input) return { ...documentOf(input.name, ''), error: input.error };
    const text = s.set.has('s') ? squeezed(input.text) : input.text;
    return documentOf(input.name === '-' ? null : input.name, text);
  });
  const ignoreCase: IgnoreCase = s.set.has('I') ? 'always' : s.set.has('i') ? 'smart' : undefined;
  const prompt = s.set.has('M') ? (s.prompts.M ?? LONG_PROMPT) : s.set.has('m') ? (s.prompts.m ?? MEDIUM_PROMPT) : s.prompts.s;
  return yield* pageOnTerminal(ctx, docs, {
    lineNumbers: s.set.has('N'),
    chop: s.set.has('S'),
    raw: s.set.has('R') || s.set.has('r'),
    ignoreCase,
    prompt,
    quitIfOneScreen: s.set.has('F'),
    noInit: s.set.has('X'),
    quitOnInterrupt: s.set.has('K'),
    noTildes: s.set.has('~'),
  }, s.start);
}

/** The flags as a spec lists them, for `man less`, --help and Tab. */
const FLAGS: FlagSpec[] = OPTIONS.map((o) => ({
  short: o.short,
  long: o.long,
  type: o.value ? 'string' : 'bool',
  valueName: o.value === 'number' ? 'N' : o.value ? 'VALUE' : undefined,
  description: o.description,
}));

export const lessCommand: CommandSpec = {
  name: 'less',
  summary: 'opposite of more',
  usage: '[OPTION]... [FILE]...',
  description:
    'Show FILE (or what comes down a pipe) a screen at a time.  SPACE, f and PAGE DOWN go\nforward, b and PAGE UP back, j and k a line, g and G to the start and the end,\n/PATTERN searches (n and N repeat it), h shows every command and q quits.\nIn a pipe or a file, less passes the text through unchanged.',
  dialect: gnu,
  rawArgs: true,
  helpIsArg: true,
  flags: FLAGS,
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  run: less,
};
