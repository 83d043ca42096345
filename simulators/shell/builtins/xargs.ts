// xargs (GNU findutils 4.9): builds command lines from standard input and runs them, as many
// items per line as fit in 128 KiB (or -n, -L, -I say), each through the shell runtime so any
// program of the machine can be run (docker rm, later kubectl). Exit status as GNU's: 123 when a
// run failed, 124 when one exited 255, 126/127 when the program cannot be run.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { lineReader } from '../../core/tty';
import { fsMessage, readInputs } from './support';
import { findProgram, runProgram } from './run-program';

/** What `-e` without a value stands for: no end-of-file string. */
const NO_EOF = '\u0000';

/** GNU xargs' command buffer ("Size of command buffer we are actually using: 131072"). */
const ARG_MAX = 131072;

type Items = { items: { text: string; line: number }[] } | { error: string };

/** Items as xargs reads them by default: blanks separate, quotes and backslashes group; `line` counts input lines for -L. */
function splitQuoted(text: string, eof: string | undefined, lineMode: boolean): Items {
  const items: { text: string; line: number }[] = [];
  let line = 0;
  let current = '';
  let inItem = false;
  let quote: string | undefined;
  const finish = () => {
    if (inItem) {
      if (eof !== undefined && current === eof) return false;
      items.push({ text: current, line });
    }
    current = '';
    inItem = false;
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\n') return { error: `unmatched ${quote === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option` };
      else current += c;
      continue;
    }
    if (c === '\n') {
      if (!finish()) return { items };
      // -L: a line ending in a blank goes on to the next one.
      if (!(lineMode && (text[i - 1] === ' ' || text[i - 1] === '\t'))) line++;
    } else if (c === ' ' || c === '\t') {
      if (!finish()) return { items };
    } else if (c === "'" || c === '"') {
      quote = c;
      inItem = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inItem = true;
    } else {
      current += c;
      inItem = true;
    }
  }
  if (quote) return { error: `unmatched ${quote === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option` };
  finish();
  return { items };
}

/** -I: each line is one item (leading blanks dropped), quotes still special. */
function splitLines(text: string, eof: string | undefined): Items {
  const items: { text: string; line: number }[] = [];
  for (const [n, raw] of text.split('\n').entries()) {
    const parsed = splitQuoted(raw.replace(/^[ \t]+/, ''), undefined, false);
    if ('error' in parsed) return parsed;
    if (!parsed.items.length) continue;
    // Inside the line blanks are kept as they were written (only quotes are taken off).
    const item = raw.replace(/^[ \t]+/, '').replace(/["']/g, '');
    if (eof !== undefined && item === eof) break;
    items.push({ text: item, line: n });
  }
  return { items };
}

/** A delimiter as -d takes it: one character or a C escape (`\n`, `\t`, `\0`, `\x41`, `\101`). */
function delimiter(raw: string): string | undefined {
  const escapes: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  if ([...raw].length === 1) return raw;
  if (raw[0] !== '\\') return undefined;
  if (raw.length === 2 && escapes[raw[1]]) return escapes[raw[1]];
  const m = /^\\(?:x([0-9a-fA-F]{1,2})|([0-7]{1,3}))$/.exec(raw);
  if (!m) return undefined;
  return String.fromCharCode(m[1] ? parseInt(m[1], 16) : parseInt(m[2], 8));
}

function positive(ctx: CommandContext, raw: string, option: string, min: number): number | { error: number } {
  if (!/^\s*[-+]?\d+$/.test(raw)) {
    ctx.err(`xargs: invalid number "${raw}" for -${option} option\nTry 'xargs --help' for more information.\n`);
    return { error: 1 };
  }
  const n = Number(raw);
  if (n < min) {
    ctx.err(`xargs: value ${raw.trim()} for -${option} option should be >= ${min}\nTry 'xargs --help' for more information.\n`);
    return { error: 1 };
  }
  return n;
}

export const xargs: CommandSpec = {
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  usage: '[OPTION]... COMMAND [INITIAL-ARGS]...',
  description: 'Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.',
  dialect: gnu,
  stopAtFirstArg: true,
  flags: [
    { long: 'null', short: '0', type: 'bool', description: 'items are separated by a null, not whitespace;\n  disables quote and backslash processing and\n  logical EOF processing' },
    { long: 'arg-file', short: 'a', type: 'string', valueName: 'FILE', description: 'read arguments from FILE, not standard input', complete: 'path' },
    { long: 'delimiter', short: 'd', type: 'string', valueName: 'CHARACTER', description: 'items in input stream are separated by CHARACTER,\n  not by whitespace; disables quote and backslash\n  processing and logical EOF processing' },
    { long: '', short: 'E', type: 'string', valueName: 'END', description: 'set logical EOF string; if END occurs as a line\n  of input, the rest of the input is ignored\n  (ignored if -0 or -d was specified)' },
    // A bare -e means no end-of-file string (a value a learner cannot type stands for it).
    { long: 'eof', short: 'e', type: 'string', valueName: 'END', implicit: NO_EOF, description: 'equivalent to -E END if END is specified;\n  otherwise, there is no end-of-file string' },
    { long: '', short: 'I', type: 'string', valueName: 'R', description: 'same as --replace=R' },
    { long: 'replace', short: 'i', type: 'string', valueName: 'R', implicit: '{}', description: 'replace R in INITIAL-ARGS with names read\n  from standard input, split at newlines;\n  if R is unspecified, assume {}' },
    { long: 'max-lines', short: 'L', type: 'string', valueName: 'MAX-LINES', description: 'use at most MAX-LINES non-blank input lines per\n  command line' },
    { long: 'max-args', short: 'n', type: 'string', valueName: 'MAX-ARGS', description: 'use at most MAX-ARGS arguments per command line' },
    { long: 'open-tty', short: 'o', type: 'bool', description: 'Reopen stdin as /dev/tty in the child process\n  before executing the command; useful to run an\n  interactive application.' },
    { long: 'max-procs', short: 'P', type: 'string', valueName: 'MAX-PROCS', description: 'run at most MAX-PROCS processes at a time' },
    { long: 'interactive', short: 'p', type: 'bool', description: 'prompt before running commands' },
    { long: 'no-run-if-empty', short: 'r', type: 'bool', description: 'if there are no arguments, then do not run COMMAND;\n  if this option is not given, COMMAND will be\n  run at least once' },
    { long: 'max-chars', short: 's', type: 'string', valueName: 'MAX-CHARS', description: 'limit length of command line to MAX-CHARS' },
    { long: 'verbose', short: 't', type: 'bool', description: 'print commands before executing them' },
    { long: 'exit', short: 'x', type: 'bool', description: 'exit if the size (see -s) is exceeded' },
  ],
  args: [{ name: 'COMMAND', optional: true, complete: 'command' }, { name: 'INITIAL-ARGS', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const given = [...ctx.command.given];
    // Of -n, -L and -I, the last one given decides how lines are built.
    const mode = given.filter((k) => k === 'max-args' || k === 'max-lines' || k === 'I' || k === 'replace').pop();
    let maxArgs = Infinity;
    let maxLines = Infinity;
    let replace: string | undefined;
    if (f['max-procs'] !== undefined) {
      const p = positive(ctx, String(f['max-procs']), 'P', 0);
      if (typeof p === 'object') return p.error;
    }
    let limit = ARG_MAX;
    if (f['max-chars'] !== undefined) {
      const s = positive(ctx, String(f['max-chars']), 's', 1);
      if (typeof s === 'object') return s.error;
      limit = Math.min(s, ARG_MAX);
    }
    if (mode === 'max-args') {
      const n = positive(ctx, String(f['max-args']), 'n', 1);
      if (typeof n === 'object') return n.error;
      maxArgs = n;
    } else if (mode === 'max-lines') {
      const n = positive(ctx, String(f['max-lines']), 'L', 1);
      if (typeof n === 'object') return n.error;
      maxLines = n;
    } else if (mode === 'I' || mode === 'replace') {
      replace = String(mode === 'I' ? f.I : f.replace);
      maxLines = 1;
    }
    const eofGiven = given.filter((k) => k === 'E' || k === 'eof').pop();
    const eof = eofGiven === 'E' ? String(f.E) : eofGiven === 'eof' && f.eof !== NO_EOF ? String(f.eof) : undefined;

    // Where the items come from: standard input, or -a FILE.
    let text: string;
    if (f['arg-file'] !== undefined) {
      const [input] = readInputs(ctx, [String(f['arg-file'])]);
      if ('error' in input) {
        ctx.err(`xargs: ${input.name}: ${fsMessage(input.error)}\n`);
        return 1;
      }
      text = input.text;
    } else text = ctx.stdin ?? '';

    let items: { text: string; line: number }[];
    if (f.null || f.delimiter !== undefined) {
      let sep = '\0';
      if (f.delimiter !== undefined && !f.null) {
        const d = delimiter(String(f.delimiter));
        if (d === undefined) {
          ctx.err(`xargs: invalid input delimiter specification ${String(f.delimiter)}: the delimiter must be either a single character or an escape sequence starting with \\.\n`);
          return 1;
        }
        sep = d;
      }
      const parts = text.split(sep);
      if (parts[parts.length - 1] === '') parts.pop();
      items = parts.map((part, line) => ({ text: part, line }));
    } else {
      const parsed = replace !== undefined ? splitLines(text, eof) : splitQuoted(text, eof, maxLines !== Infinity);
      if ('error' in parsed) {
        ctx.err(`xargs: ${parsed.error}\n`);
        return 1;
      }
      items = parsed.items;
    }
    ctx.budget.spend(items.length);

    const command = ctx.command.args.length ? [...ctx.command.args] : ['echo'];
    if (!items.length && (f['no-run-if-empty'] || replace !== undefined)) return 0;

    // The command lines, in order.
    const lines: string[][] = [];
    if (replace !== undefined) {
      for (const item of items) lines.push(command.map((word) => word.split(replace!).join(item.text)));
    } else {
      const base = command.reduce((n, w) => n + new TextEncoder().encode(w).length + 1, 0);
      let current: string[] = [];
      let size = base;
      let firstLine = -1;
      let lineCount = 0;
      for (const item of items) {
        const bytes = new TextEncoder().encode(item.text).length + 1;
        if (base + bytes > limit) {
          ctx.err('xargs: argument line too long\n');
          return 1;
        }
        const newLine = item.line !== firstLine;
        if (current.length && (current.length >= maxArgs || size + bytes > limit || (newLine && lineCount >= maxLines))) {
          lines.push([...command, ...current]);
          current = [];
          size = base;
          lineCount = 0;
          firstLine = -1;
        }
        if (item.line !== firstLine) {
          lineCount++;
          firstLine = item.line;
        }
        current.push(item.text);
        size += bytes;
      }
      if (current.length || !lines.length) lines.push([...command, ...current]);
    }

    let status = 0;
    // -p asks at the terminal (xargs opens /dev/tty): only an answer starting with y runs the line.
    const keyboard = lineReader();
    for (const argv of lines) {
      if (f.interactive) {
        ctx.err(`${argv.join(' ')} ?...`);
        const answer = yield* keyboard.next(ctx);
        if (answer === null || !/^[yY]/.test(answer)) continue;
      } else if (f.verbose) ctx.err(`${argv.join(' ')}\n`);
      const missing = findProgram(ctx, argv[0]);
      if (missing) {
        ctx.err(`xargs: ${argv[0]}: ${fsMessage(missing)}\n`);
        return missing === 'ENOENT' ? 127 : 126;
      }
      // The command's standard input is /dev/null (the items came from xargs' own), or with -o the terminal.
      const code = yield* runProgram(ctx, argv, f['open-tty'] ? null : '');
      if (code === 255) {
        ctx.err(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
        return 124;
      }
      if (code !== 0) status = 123;
    }
    return status;
  },
};
