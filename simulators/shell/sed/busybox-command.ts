// sed as BusyBox 1.37.0 runs it inside alpine and busybox containers (sed_main): getopt_long over
// -i[SFX] -r -E -n -e -f and their long names, every -e script before every -f file, the first
// operand as the script without them, then the files: a `-` among them read there, and with -i
// each file on its own, rewritten in place (and kept under NAME+SFX first when SFX is given).
import type { CommandContext, Effect } from '../../core/process';
import { busyboxBuild, busyboxGetoptLong, busyboxUsage, type GetoptOption } from '../busybox';
import { writeFile } from '../fs';
import { stdoutBuffer } from '../builtins/stdout-buffer';
import { abs, actorOf, commit, fsMessage, readInputsOrTerminal, stat } from '../builtins/support';
import { canRead } from '../fs';
import { SED_MESSAGES, SED_USAGE, SED_VERSION } from './busybox';
import { BbScriptReader, BbSedError } from './busybox-script';
import { BbInput, processFiles, STDIN, type BbRunState, type BbStream } from './busybox-run';

const OPTIONS = {
  i: { short: 'i', long: 'in-place', arg: 'optional' },
  r: { short: 'r', long: 'regexp-extended', arg: 'none' },
  E: { short: 'E', arg: 'none' },
  n: { short: 'n', long: 'quiet', arg: 'none' },
  silent: { short: 'n', long: 'silent', arg: 'none' },
  e: { short: 'e', long: 'expression', arg: 'required' },
  f: { short: 'f', long: 'file', arg: 'required' },
} satisfies Record<string, GetoptOption>;

/** A file's text as sed reads it: a directory reads as nothing (its read fails quietly), else why it cannot be opened. */
function openInput(ctx: CommandContext, name: string): { text: string } | { error: string } {
  const node = stat(ctx, name);
  if (!node.ok) return { error: fsMessage(node.code) };
  if (node.value.kind === 'dir') return { text: '' };
  if (!canRead(node.value, ctx.machine.identity().user)) return { error: 'Permission denied' };
  return { text: node.value.content };
}

/** A file written while sed runs: the stream itself for /dev/stdout and /dev/stderr. */
const DEVICES = new Set(['/dev/stdout', '/dev/stderr']);

export function* busyboxSed(ctx: CommandContext): Generator<Effect, number, string | null> {
  const build = busyboxBuild(ctx);
  const args = ctx.argv.slice(1);
  const usage = busyboxUsage(build, 'sed', SED_USAGE);
  // `sed --help` alone is BusyBox's own: the usage, and success.
  if (args.length === 1 && args[0] === '--help') {
    ctx.err(usage);
    return 0;
  }
  if (args[0] === '--version') {
    ctx.out(SED_VERSION);
    return 0;
  }
  const parsed = busyboxGetoptLong(ctx.argv[0] ?? 'sed', args, Object.values(OPTIONS), build.libc);
  if (!parsed.ok) {
    ctx.err(parsed.message + usage);
    return 1;
  }
  let quiet = 0;
  let extended = false;
  let inPlace: { suffix?: string } | undefined;
  const expressions: string[] = [];
  const scriptFiles: string[] = [];
  for (const { option, value } of parsed.options) {
    if (option.short === 'n') quiet++;
    else if (option.short === 'r' || option.short === 'E') extended = true;
    else if (option.short === 'i') inPlace = value === undefined ? {} : { suffix: value };
    else if (option.short === 'e') expressions.push(value!);
    else if (option.short === 'f') scriptFiles.push(value!);
  }
  const operands = [...parsed.operands];

  const stdout = stdoutBuffer((t) => ctx.out(t), ctx.tty !== null);
  const stdoutStream: BbStream = { write: (t) => stdout.write(t) };
  const stderrStream: BbStream = { write: (t) => ctx.err(t) };
  // bb_error_msg flushes every stdio stream before it writes: what was printed comes first.
  const complain = (text: string) => {
    stdout.flush();
    ctx.err(text);
  };
  const written = new Map<string, string[]>();
  const files = new Map<string, BbStream>();
  const die = (message: string) => {
    complain(`sed: ${message}\n`);
    return 1;
  };
  /** What w wrote, put in its files (also when sed dies: stdio flushes them on the way out). */
  const flushWrites = () => {
    for (const [name, chunks] of written) commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), chunks.join(''), actorOf(ctx)));
    stdout.flush();
  };

  // The script: -e ones first, then -f files, else the first operand.
  const reader = new BbScriptReader({
    extended,
    build,
    budget: ctx.budget,
    openForWrite(name) {
      if (name === '/dev/stdout') files.set(name, stdoutStream);
      else if (name === '/dev/stderr') files.set(name, stderrStream);
      if (DEVICES.has(name)) return undefined;
      const error = commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), '', actorOf(ctx)));
      if (error) return fsMessage(error);
      const chunks: string[] = [];
      written.set(name, chunks);
      files.set(name, { write: (t) => chunks.push(t) });
      return undefined;
    },
  });
  try {
    for (const text of expressions) reader.addBlock(text);
    for (const name of scriptFiles) {
      const file = name === '-' ? { text: ctx.stdin ?? '' } : openInput(ctx, name);
      if ('error' in file) {
        flushWrites();
        return die(SED_MESSAGES.perror(name, file.error));
      }
      const lines = file.text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) reader.add(line);
    }
    if (!expressions.length && !scriptFiles.length) {
      if (!operands.length) {
        ctx.err(usage);
        return 1;
      }
      reader.addBlock(operands.shift()!);
    }
    reader.finish();
  } catch (e) {
    if (!(e instanceof BbSedError)) throw e;
    flushWrites();
    return die(e.message);
  }
  const program = reader.program;
  program.quiet += quiet;

  if (!operands.length && inPlace) {
    flushWrites();
    return die(SED_MESSAGES.inPlaceNeedsFile);
  }
  const names = operands.length ? operands.map((n) => (!inPlace && n === '-' ? STDIN : n)) : [STDIN];
  let stdinText = ctx.stdin ?? '';
  if (ctx.stdin === null && names.includes(STDIN)) {
    const typed = yield* readInputsOrTerminal(ctx, ['-']);
    stdinText = typed.length && 'text' in typed[0] ? typed[0].text : '';
  }
  const input = new BbInput(names, {
    budget: ctx.budget,
    open: (name) => openInput(ctx, name),
    readFile(name) {
      const file = openInput(ctx, name);
      return 'text' in file ? file.text : undefined;
    },
    stdin: stdinText,
    stderr: complain,
  });
  const state: BbRunState = { program, host: input.host, files, hold: null, previousRegex: undefined, appended: [] };

  try {
    if (!inPlace) {
      // A `-` operand runs what came before it, itself included, at once (line numbers start again after it).
      for (let k = 0; k < names.length; k++) {
        input.last = k;
        if (names[k] === STDIN && operands.length) yield* processFiles(state, input, stdoutStream);
      }
      yield* processFiles(state, input, stdoutStream);
    } else {
      for (let k = 0; k < names.length; k++) {
        input.last = k;
        const name = names[k];
        const node = stat(ctx, name);
        if (!node.ok) {
          complain(`sed: ${SED_MESSAGES.perror(name, fsMessage(node.code))}\n`);
          input.exitcode = 1;
          input.current++;
          continue;
        }
        const chunks: string[] = [];
        yield* processFiles(state, input, { write: (t) => chunks.push(t) });
        if (node.value.kind === 'dir') {
          flushWrites();
          return die(SED_MESSAGES.cantMove(`${name}XXXXXX`, name, 'Is a directory'));
        }
        if (inPlace.suffix !== undefined) commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name + inPlace.suffix), node.value.content, actorOf(ctx)));
        commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), chunks.join(''), actorOf(ctx)));
        // Ranges spent on one file start afresh on the next.
        for (const c of program.commands) {
          c.begLine = c.begLineOrig;
          c.endLine = c.endLineOrig;
        }
      }
    }
  } catch (e) {
    if (!(e instanceof BbSedError)) throw e;
    flushWrites();
    return die(e.message);
  }
  flushWrites();
  return input.exitcode;
}
