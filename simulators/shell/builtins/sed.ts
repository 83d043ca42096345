// sed (GNU sed 4.9): the command line, reading the scripts (-e, -f, or the first operand) and the
// input files, and writing back what -i and w produce on the simulated file system. The script
// language is in shell/sed/ (script.ts reads it, run.ts runs it, regex.ts matches).
import type { CommandSpec, FlagSpec } from '../../core/command/spec';
import { parseCommand } from '../../core/command/flags';
import { takesValue } from '../../core/command/values';
import { gnu, type Dialect, type FlagError } from '../../core/command/dialects';
import type { CommandContext, Effect } from '../../core/process';
import { canRead, writeFile } from '../fs';
import { compileScripts, type ScriptSource } from '../sed/script';
import { runSed, type SedInput } from '../sed/run';
import { busyboxSed } from '../sed/busybox-command';
import { abs, actorOf, commit, fsMessage, isBusybox, readInputsOrTerminal, stat } from './support';

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

/** GNU sed answers a bad option with getopt's line and then its whole usage, on stderr. */
const sedDialect: Dialect = {
  ...gnu,
  flagError(path, error: FlagError) {
    const { message } = gnu.flagError(path, error);
    return { message: `${message.split('\n')[0]}\n${USAGE}`, exitCode: 1 };
  },
  usageError() {
    return { message: USAGE, exitCode: 1 };
  },
  help: () => USAGE,
};

/**
 * The -e and -f options in the order given (the parser keeps each kind apart, and the order of
 * the scripts matters): getopt's walk over the words again, knowing which options take a value.
 */
function scriptOptions(argv: readonly string[], flags: readonly FlagSpec[]): { kind: 'e' | 'f'; value: string }[] {
  const found: { kind: 'e' | 'f'; value: string }[] = [];
  const kindOf = (flag: FlagSpec | undefined) => (flag?.long === 'expression' ? 'e' : flag?.long === 'file' ? 'f' : undefined);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = flags.filter((f) => f.long && f.long.startsWith(name));
      const flag = matches.find((f) => f.long === name) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!flag || !takesValue(flag) || flag.implicit !== undefined) continue;
      const value = eq < 0 ? argv[++i] ?? '' : a.slice(eq + 1);
      const kind = kindOf(flag);
      if (kind) found.push({ kind, value });
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const flag = flags.find((f) => f.short === a[j]);
      if (!flag || !takesValue(flag)) continue;
      // -i takes the rest of the word as its suffix; -e, -f and -l the rest or the next word.
      if (flag.implicit !== undefined) break;
      const value = a.slice(j + 1) || argv[++i] || '';
      const kind = kindOf(flag);
      if (kind) found.push({ kind, value });
      break;
    }
  }
  return found;
}

/** Reads a file named on sed's command line from the machine: its text, or why not. */
function readFile(ctx: CommandContext, name: string): { text: string } | { code: string; isDir?: boolean } {
  const node = stat(ctx, name);
  if (!node.ok) return { code: fsMessage(node.code) };
  if (node.value.kind === 'dir') return { code: 'Is a directory', isDir: true };
  if (!canRead(node.value, ctx.machine.identity().user)) return { code: 'Permission denied' };
  return { text: node.value.content };
}

const gnuSed: CommandSpec = {
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  usage: '[OPTION]... {script-only-if-no-other-script} [input-file]...',
  dialect: sedDialect,
  flags: [
    { long: 'quiet', short: 'n', type: 'bool', description: 'suppress automatic printing of pattern space' },
    { long: 'silent', type: 'bool', hidden: true, description: 'suppress automatic printing of pattern space' },
    { long: 'debug', type: 'bool', description: 'annotate program execution' },
    { long: 'expression', short: 'e', type: 'stringArray', valueName: 'script', description: 'add the script to the commands to be executed' },
    { long: 'file', short: 'f', type: 'stringArray', valueName: 'script-file', description: 'add the contents of script-file to the commands to be executed', complete: 'path' },
    { long: 'follow-symlinks', type: 'bool', description: 'follow symlinks when processing in place' },
    { long: 'in-place', short: 'i', type: 'string', valueName: 'SUFFIX', implicit: '*', description: 'edit files in place (makes backup if SUFFIX supplied)' },
    { long: 'line-length', short: 'l', type: 'string', valueName: 'N', description: "specify the desired line-wrap length for the `l' command" },
    { long: 'posix', type: 'bool', description: 'disable all GNU extensions.' },
    { long: 'regexp-extended', short: 'E', type: 'bool', description: 'use extended regular expressions in the script' },
    { long: '', short: 'r', type: 'bool', hidden: true, description: 'use extended regular expressions in the script' },
    { long: 'separate', short: 's', type: 'bool', description: 'consider files as separate rather than as a single, continuous long stream.' },
    { long: 'sandbox', type: 'bool', description: 'operate in sandbox mode (disable e/r/w commands).' },
    { long: 'unbuffered', short: 'u', type: 'bool', description: 'load minimal amounts of data from the input files and flush the output buffers more often' },
    { long: 'null-data', short: 'z', type: 'bool', description: 'separate lines by NUL characters' },
    { long: 'binary', short: 'b', type: 'bool', hidden: true, description: 'open files in binary mode' },
    { long: 'version', type: 'bool', description: 'output version information and exit' },
  ],
  args: [{ name: 'script', optional: true }, { name: 'input-file', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const operands = [...ctx.command.args];
    if (f.version) {
      ctx.out('sed (GNU sed) 4.9\nPackaged by Debian\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Jay Fenlason, Tom Lord, Ken Pizzini,\nPaolo Bonzini, Jim Meyering, and Assaf Gordon.\n\nThis sed program was built with SELinux support.\nSELinux is disabled on this system.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\nE-mail bug reports to: <bug-sed@gnu.org>.\n');
      return 0;
    }
    for (const unsupported of ['debug', 'posix'] as const) {
      if (f[unsupported]) {
        ctx.err(`sed: --${unsupported} is not supported in this terminal\n`);
        return 1;
      }
    }
    // The scripts, in the order given; without -e or -f, the first operand is the script.
    const sources: ScriptSource[] = [];
    for (const option of scriptOptions(ctx.argv.slice(1), gnuSed.flags ?? [])) {
      if (option.kind === 'e') {
        sources.push({ kind: 'expression', text: option.value });
        continue;
      }
      const file = option.value === '-' ? { text: ctx.stdin ?? '' } : readFile(ctx, option.value);
      if ('code' in file) {
        ctx.err(`sed: couldn't open file ${option.value}: ${file.code}\n`);
        return 4;
      }
      sources.push({ kind: 'file', name: option.value, text: file.text });
    }
    if (!sources.length) {
      if (!operands.length) return ctx.usageError('');
      sources.push({ kind: 'expression', text: operands.shift()! });
    }
    let lineLength = 70;
    if (f['line-length'] !== undefined) {
      const raw = String(f['line-length']);
      if (!/^\d+$/.test(raw)) {
        ctx.err(`sed: invalid line length: ${raw}\n`);
        return 1;
      }
      lineLength = Number(raw);
    }
    const program = compileScripts(sources, { extended: Boolean(f['regexp-extended'] || f.r), budget: ctx.budget });
    if ('message' in program) {
      ctx.err(program.message);
      return program.exitCode;
    }
    if (f.sandbox && (program.writes.length || program.commands.some((c) => c.name === 'r' || c.name === 'R'))) {
      ctx.err('sed: -e expression #1, char 0: e/r/w commands disabled in sandbox mode\n');
      return 1;
    }
    const inPlace = f['in-place'] as string | undefined;
    if (inPlace !== undefined && !operands.length) {
      ctx.err('sed: no input files\n');
      return 4;
    }
    // The files w writes are created (or emptied) before any input is read.
    for (const name of new Set(program.writes)) {
      if (name === '/dev/stdout' || name === '/dev/stderr') continue;
      const error = commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), '', actorOf(ctx)));
      if (error) {
        ctx.err(`sed: couldn't open file ${name}: ${fsMessage(error)}\n`);
        return 4;
      }
    }

    // The input files: standard input (or the keyboard) for none or `-`.
    const names = operands.length ? operands : ['-'];
    const typed = ctx.stdin === null && names.includes('-') && inPlace === undefined ? yield* readInputsOrTerminal(ctx, ['-']) : [];
    const stdinText = typed.length && 'text' in typed[0] ? typed[0].text : ctx.stdin ?? '';
    const inputs: SedInput[] = names.map((name) => {
      if (name === '-' && inPlace === undefined) return { name: '-', text: stdinText };
      const file = readFile(ctx, name);
      if ('text' in file) return { name, text: file.text };
      if (file.isDir) return { name, error: inPlace !== undefined ? `sed: couldn't edit ${name}: not a regular file\n` : `sed: read error on ${name}: Is a directory\n`, fatal: true };
      return { name, error: `sed: can't read ${name}: ${file.code}\n` };
    });

    const result = yield* runSed(program, inputs, {
      quiet: Boolean(f.quiet || f.silent),
      separate: Boolean(f.separate) || inPlace !== undefined,
      inPlace: inPlace !== undefined,
      nullData: Boolean(f['null-data']),
      lineLength,
      budget: ctx.budget,
      readFile: (name) => {
        if (name === '/dev/stdin') return ctx.stdin ?? '';
        const file = readFile(ctx, name);
        return 'text' in file ? file.text : undefined;
      },
      stdout: (t) => ctx.out(t),
      stderr: (t) => ctx.err(t),
    });

    // -i: each file gets its new text; with a SUFFIX, the old one is kept under the backup name.
    for (const [name, text] of result.edited) {
      if (inPlace !== '*') {
        const backup = inPlace!.includes('*') ? inPlace!.replace(/\*/g, name.split('/').pop()!) : name + inPlace;
        const target = inPlace!.includes('/') ? backup : name.includes('/') && inPlace!.includes('*') ? `${name.slice(0, name.lastIndexOf('/') + 1)}${backup}` : backup;
        const original = readFile(ctx, name);
        if ('text' in original) commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, target), original.text, actorOf(ctx)));
      }
      const error = commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), text, actorOf(ctx)));
      if (error) {
        ctx.err(`sed: couldn't open temporary file ${name}: ${fsMessage(error)}\n`);
        return 4;
      }
    }
    for (const [name, text] of result.written) commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), text, actorOf(ctx)));
    return result.status;
  },
};

/**
 * sed as the machine has it: BusyBox's applet inside alpine and busybox containers (its own options,
 * words and behaviour: ../sed/busybox-command.ts), GNU sed elsewhere. Each reads its own command
 * line, so a BusyBox refusal is not worded as GNU's getopt would word it.
 */
export const sed: CommandSpec = {
  ...gnuSed,
  rawArgs: true,
  helpIsArg: true,
  *run(ctx) {
    if (isBusybox(ctx)) return yield* busyboxSed(ctx);
    const parsed = parseCommand(gnuSed, ctx.argv.slice(1));
    if (parsed.kind === 'help') {
      ctx.out(sedDialect.help(parsed.path, ctx.tty?.cols));
      return 0;
    }
    if (parsed.kind === 'error') {
      const { message, exitCode } = sedDialect.flagError(parsed.path, parsed.error);
      ctx.err(message);
      return exitCode;
    }
    return yield* gnuSed.run!({ ...ctx, command: parsed.command }) as Generator<Effect, number, string | null>;
  },
};
