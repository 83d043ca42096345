// head and tail: the first or last lines (or bytes) of each input.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { lineReader } from '../../core/tty';
import { curly, fsMessage, readInputsOrTerminal, shellQuote } from './support';

/** Splits keeping each line's newline, so cutting lines never invents or loses one. */
function splitKeep(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function count(ctx: CommandContext, raw: string | undefined, what: 'lines' | 'bytes'): { n: number; fromStart: boolean; allBut: boolean } | number {
  const value = raw ?? '10';
  const m = /^([+-]?)(\d+)([kKmM]?)$/.exec(value);
  if (!m) {
    ctx.err(`${ctx.argv[0]}: invalid number of ${what}: ${curly(value)}\n`);
    return 1;
  }
  const scale = m[3] ? (m[3].toLowerCase() === 'k' ? 1024 : 1024 * 1024) : 1;
  return { n: Number(m[2]) * scale, fromStart: m[1] === '+', allBut: m[1] === '-' };
}

const countFlags = [
  { long: 'lines', short: 'n', type: 'string', valueName: 'NUM', description: 'print NUM lines instead of the first 10' },
  { long: 'bytes', short: 'c', type: 'string', valueName: 'NUM', description: 'print NUM bytes' },
  { long: 'quiet', short: 'q', type: 'bool', description: 'never print headers giving file names' },
  { long: 'verbose', short: 'v', type: 'bool', description: 'always print headers giving file names' },
] as const;

function makeFilter(name: 'head' | 'tail'): CommandSpec {
  const isHead = name === 'head';
  return {
    name,
    summary: isHead ? 'output the first part of files' : 'output the last part of files',
    usage: '[OPTION]... [FILE]...',
    description: isHead
      ? 'Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.'
      : 'Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.',
    dialect: gnu,
    numericShorthand: 'lines',
    flags: [
      ...countFlags.map((f) => ({ ...f, description: isHead ? f.description : f.description.replace('first', 'last') })),
      ...(isHead ? [] : [{ long: 'follow', short: 'f', type: 'bool' as const, description: 'output appended data as the file grows' }]),
    ],
    args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
    *run(ctx) {
      const f = ctx.command.flags;
      // The last of -n and -c given decides what is counted.
      const bytes = [...ctx.command.given].filter((k) => k === 'lines' || k === 'bytes').pop() === 'bytes';
      const parsed = count(ctx, (bytes ? f.bytes : f.lines) as string | undefined, bytes ? 'bytes' : 'lines');
      if (typeof parsed === 'number') return parsed;
      const files = ctx.command.args;
      if (isHead && !bytes && !parsed.allBut && ctx.stdin === null && files.every((name) => name === '-') && files.length <= 1) {
        // head -n N at the terminal prints each line as it is typed and stops after N of them.
        if (f.verbose) ctx.out('==> standard input <==\n');
        const keyboard = lineReader();
        for (let n = 0; n < parsed.n; n++) {
          const line = yield* keyboard.next(ctx);
          if (line === null) break;
          ctx.out(`${line}\n`);
        }
        return 0;
      }
      const inputs = yield* readInputsOrTerminal(ctx, files);
      const headers = Boolean(f.verbose) || (inputs.length > 1 && !f.quiet);
      let code = 0;
      let first = true;
      for (const input of inputs) {
        if ('error' in input) {
          const quoted = shellQuote(input.name);
          ctx.err(input.error === 'EISDIR' ? `${name}: error reading ${quoted}: Is a directory\n` : `${name}: cannot open ${quoted} for reading: ${fsMessage(input.error)}\n`);
          code = 1;
          continue;
        }
        if (headers) ctx.out(`${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
        first = false;
        const units = bytes ? [...input.text] : splitKeep(input.text);
        let kept: string[];
        if (isHead) kept = parsed.allBut ? units.slice(0, Math.max(0, units.length - parsed.n)) : units.slice(0, parsed.n);
        else kept = parsed.fromStart ? units.slice(Math.max(0, parsed.n - 1)) : parsed.n === 0 ? [] : units.slice(-parsed.n);
        ctx.out(kept.join(''));
      }
      if (!isHead && f.follow) {
        if (inputs.every((input) => 'error' in input)) {
          ctx.err('tail: no files remaining\n');
          return 1;
        }
        // Nothing else writes to files while tail waits, so following shows no more lines until Ctrl-C.
        for (;;) yield { type: 'wait', ms: 1000, stream: true };
      }
      return code;
    },
  };
}

export const head = makeFilter('head');
export const tail = makeFilter('tail');
