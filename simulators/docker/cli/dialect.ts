// How the docker client words usage errors and help pages (docker/cli's cobra setup with pflag):
// `unknown flag: --foo`, a blank line, the Usage line, a blank line, `Run 'docker run --help' for
// more information`, exit 125; argument-count errors exit 1; help wraps to the terminal's width.
import type { Dialect, FlagError } from '../../core/command/dialects';
import type { CommandSpec, FlagSpec } from '../../core/command/spec';
import { goQuote } from '../../core/command/go-strconv';
import { DOCKER_REFERENCE } from './reference';

const key = (path: readonly CommandSpec[]) => path.slice(1).map((s) => s.name).join(' ');
const commandLine = (path: readonly CommandSpec[]) => path.map((s) => s.name).join(' ');

/**
 * The reference entry for a command path. `docker container stop` has none of its own: it is
 * `docker stop` under another name, so its usage is that one's with the name changed.
 */
function referenceFor(path: readonly CommandSpec[]) {
  const own = DOCKER_REFERENCE[key(path)];
  if (own || path.length < 3) return own;
  const shared = DOCKER_REFERENCE[path[path.length - 1].name];
  return shared && { ...shared, usage: shared.usage.replace(/^docker \S+/, commandLine(path)) };
}

export function usageLine(path: readonly CommandSpec[]): string {
  const spec = path[path.length - 1];
  return referenceFor(path)?.usage ?? `${commandLine(path)} ${spec.usage ?? '[OPTIONS]'}`.trimEnd();
}

const flagName = (flag: FlagSpec) => (flag.short ? `-${flag.short}, --${flag.long}` : `--${flag.long}`);

function pflagMessage(error: FlagError): string {
  switch (error.kind) {
    case 'unknown-long':
    case 'ambiguous-long':
      return `unknown flag: --${error.name}`;
    case 'unknown-short':
      return `unknown shorthand flag: '${error.char}' in ${error.token}`;
    case 'missing-value':
      return error.asShort ? `flag needs an argument: '${error.flag.short}' in -${error.flag.short}` : `flag needs an argument: --${error.flag.long}`;
    case 'unexpected-value':
      return `invalid argument for "${flagName(error.flag)}" flag`;
    case 'bad-value':
      return `invalid argument ${goQuote(error.value)} for "${flagName(error.flag)}" flag: ${error.reason}`;
  }
}

/**
 * pflag's wrap: the first line continues after the flag column, the rest are indented to it;
 * five columns of slop keep a short last word from sitting alone on a line.
 */
export function wrapText(indent: number, width: number, text: string): string {
  const pad = (s: string, n: number) => s.replace(/\n/g, `\n${' '.repeat(n)}`);
  let room = width - indent;
  let prefix = '';
  if (room < 24) {
    indent = 16;
    room = width - indent;
    prefix = `\n${' '.repeat(indent)}`;
  }
  if (room < 24) return text.replace(/\n/g, prefix);
  const slop = 5;
  room -= slop;
  const cut = (s: string): [string, string] => {
    if (room + slop > s.length) return [s, ''];
    const head = s.slice(0, room);
    const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
    if (space <= 0) return [s, ''];
    const newline = head.lastIndexOf('\n');
    if (newline > 0 && newline < space) return [s.slice(0, newline), s.slice(newline + 1)];
    return [s.slice(0, space), s.slice(space + 1)];
  };
  let [line, rest] = cut(text);
  let out = prefix + pad(line, indent);
  while (rest !== '') {
    [line, rest] = cut(rest);
    out += `\n${' '.repeat(indent)}${pad(line, indent)}`;
  }
  return out;
}

/** The Options block: flags sorted by name, descriptions wrapped to the terminal (width - 1). */
export function flagUsages(flags: readonly FlagSpec[], cols: number): string {
  const rows = [...flags]
    .filter((f) => !f.hidden)
    .sort((a, b) => (a.long < b.long ? -1 : 1))
    .map((f) => {
      const head = `${f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`}${f.valueName ? ` ${f.valueName}` : ''}`;
      return { head, text: f.description };
    });
  const maxlen = Math.max(0, ...rows.map((r) => r.head.length + 1));
  // As pflag prints it: head, a space, padding to the widest head, a space, then the text.
  return rows.map((r) => `${r.head} ${' '.repeat(maxlen - r.head.length)} ${wrapText(maxlen + 2, cols - 1, r.text)}\n`).join('');
}

export const dockerDialect: Dialect = {
  id: 'docker',
  longPrefixes: false,
  shortEquals: true,
  dashHIsHelp: true,
  goValues: true,
  flagError(path, error) {
    return {
      message: `${pflagMessage(error)}\n\nUsage:  ${usageLine(path)}\n\nRun '${commandLine(path)} --help' for more information\n`,
      exitCode: 125,
    };
  },
  usageError(path, message) {
    return { message: `docker: ${message}\n\nUsage:  ${usageLine(path)}\n\nRun '${commandLine(path)} --help' for more information\n`, exitCode: 1 };
  },
  checkArgs(path, args) {
    const spec = path[path.length - 1];
    const specs = spec.args ?? [];
    const min = specs.filter((a) => !a.optional).length;
    const max = specs.some((a) => a.variadic) ? Infinity : specs.length;
    if (args.length >= min && args.length <= max) return undefined;
    const name = `'${commandLine(path)}'`;
    const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
    let message: string;
    let verb = 'Run';
    if (max === 0) message = `${name} accepts no arguments`;
    else if (min === max) message = `${name} requires ${plural(min)}`;
    else if (max === Infinity) {
      message = `${name} requires at least ${plural(min)}`;
      verb = 'See';
    } else if (min === 0) message = `${name} requires at most ${plural(max)}`;
    else message = `${name} requires at least ${min} and at most ${plural(max)}`;
    return { message: `docker: ${message}\n\nUsage:  ${usageLine(path)}\n\n${verb} '${commandLine(path)} --help' for more information\n`, exitCode: 1 };
  },
  unknownSubcommand(path, name) {
    const line = `${commandLine(path)} ${name}`;
    const usage = path.length > 1 ? `\nUsage:  ${commandLine(path)}\n` : '';
    return { message: `docker: unknown command: ${line}\n${usage}\nRun '${commandLine(path)} --help' for more information\n`, exitCode: 1 };
  },
  help(path, cols = 80) {
    const spec = path[path.length - 1];
    const reference = referenceFor(path);
    let text = `Usage:  ${usageLine(path)}\n\n${reference?.description ?? spec.description ?? spec.summary}\n`;
    if (reference?.aliases) text += `\nAliases:\n  ${reference.aliases}\n`;
    if (spec.subcommands?.length) {
      const sections = new Map<string, [string, string][]>();
      for (const sub of spec.subcommands) {
        if (sub.hidden) continue;
        const section = sub.section ?? 'Commands';
        if (!sections.has(section)) sections.set(section, []);
        sections.get(section)!.push([sub.name, sub.summary]);
      }
      const width = Math.max(...spec.subcommands.map((s) => s.name.length)) + 2;
      for (const [section, rows] of sections) {
        text += `\n${section}:\n${rows.map(([n, s]) => `  ${n.padEnd(Math.max(width, 12))}${s}`).join('\n')}\n`;
      }
    }
    const flags = spec.flags ?? [];
    if (flags.length) text += `\n${path.length === 1 ? 'Global Options' : 'Options'}:\n${flagUsages(flags, cols)}`;
    if (spec.subcommands?.length) text += `\nRun '${commandLine(path)} COMMAND --help' for more information on a command.\n`;
    if (path.length === 1) text += '\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n';
    return text;
  },
};
