// awk as Ubuntu 24.04 has it: mawk 1.3.4 20240123 (/usr/bin/awk points there, and it names itself
// by what it was called). The language lives in ../awk/; here, its command line, its files and
// its streams.
import { OutOfMemory } from '../../core/budget';
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { lineReader } from '../../core/tty';
import { fromBytes, toBytes } from '../awk/bytes';
import { AwkRuntime } from '../awk/interpreter';
import { AwkSyntaxError, unescape } from '../awk/lexer';
import { parseAwkCommandLine } from '../awk/options';
import { checkRegexLiterals, parseProgram } from '../awk/parser';
import { canRead, writeFile } from '../fs';
import { stdoutBuffer } from './stdout-buffer';
import { abs, actorOf, commit, fsMessage, stat } from './support';

/** Writes byte strings as text, keeping a character cut between two writes whole. */
function byteStream(write: (text: string) => void): (bytes: string) => void {
  const decoder = new TextDecoder();
  return (bytes) => {
    if (!/[^\x00-\x7f]/.test(bytes)) {
      write(bytes);
      return;
    }
    const array = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i) & 0xff;
    const text = decoder.decode(array, { stream: true });
    if (text) write(text);
  };
}

function readFile(ctx: CommandContext, name: string): { text: string } | { error: string } {
  const node = stat(ctx, fromBytes(name));
  if (!node.ok) return { error: fsMessage(node.code) };
  if (node.value.kind === 'dir') return { error: 'Is a directory' };
  if (!canRead(node.value, ctx.machine.identity().user)) return { error: 'Permission denied' };
  return { text: toBytes(node.value.content) };
}

export const awk: CommandSpec = {
  name: 'awk',
  summary: 'pattern scanning and text processing language',
  usage: '[Options] [Program] [file ...]',
  dialect: gnu,
  rawArgs: true,
  helpIsArg: true,
  args: [{ name: 'PROGRAM' }, { name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const progname = ctx.argv[0].split('/').pop() || 'awk';
    const line = parseAwkCommandLine(ctx.command.args.map(toBytes), progname);
    const err = byteStream((t) => ctx.err(t));
    const stdout = stdoutBuffer(byteStream((t) => ctx.out(t)), ctx.tty !== null);
    const out = (bytes: string) => stdout.write(bytes);
    if (line.kind === 'exit') {
      if (line.out) ctx.out(line.out);
      if (line.err) ctx.err(line.err);
      return line.code;
    }
    if (line.warnings) err(line.warnings);

    let source: string;
    let where = '';
    if ('text' in line.program) source = line.program.text;
    else {
      const texts: string[] = [];
      for (const name of line.program.files) {
        const file = name === '-' || name === '/dev/stdin' ? { text: toBytes(ctx.stdin ?? '') } : readFile(ctx, name);
        if ('error' in file) {
          err(`${progname}: cannot open "${name}" (${file.error})\n`);
          return 2;
        }
        texts.push(file.text);
      }
      source = texts.join('\n');
      where = `${line.program.files[0]}: `;
    }

    let program;
    try {
      program = parseProgram(source);
      checkRegexLiterals(program);
    } catch (e) {
      if (!(e instanceof AwkSyntaxError)) throw e;
      for (let x: AwkSyntaxError | undefined = e; x; x = x.then) err(x.plain ? `${progname}: ${where}${x.line}: ${x.message}\n` : `${progname}: ${where}line ${x.line}: ${x.message}\n`);
      return 2;
    }

    const runtime = new AwkRuntime(
      program,
      {
        out,
        err,
        readFile: (name) => readFile(ctx, name),
        writeFile(name, bytes, append) {
          const error = commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, fromBytes(name)), fromBytes(bytes), actorOf(ctx), { append }));
          return error && fsMessage(error);
        },
        now: () => ctx.machine.now(),
        env: Object.fromEntries(Object.entries(ctx.env).map(([k, v]) => [toBytes(k), toBytes(v)])),
        budget: ctx.budget,
      },
      [progname, ...line.operands],
      line.assignments,
      line.fs === undefined ? undefined : unescape(line.fs),
      ctx.stdin === null ? null : toBytes(ctx.stdin),
    );
    const keyboard = lineReader();
    try {
      const code = yield* runtime.run(function* typed() {
        // Reading the terminal flushes what a terminal's line buffer holds (a prompt without a newline).
        if (ctx.tty) stdout.flush();
        const typedLine = yield* keyboard.next(ctx);
        return typedLine === null ? null : toBytes(typedLine);
      });
      stdout.flush();
      return code;
    } catch (e) {
      if (e instanceof OutOfMemory) {
        err(`${progname}: out of memory\n`);
        stdout.flush();
        return 2;
      }
      throw e;
    }
  },
};

/** mawk itself (/usr/bin/mawk, what /usr/bin/awk points to): the same program under its own name, left out of listings. */
export const mawk: CommandSpec = { ...awk, name: 'mawk', hidden: true };
