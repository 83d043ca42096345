import { gnu } from '../../core/command/dialects';
import type { CommandSpec, FlagValue } from '../../core/command/spec';
import { lineReader } from '../../core/tty';
import { fsMessage, isBusybox, quoteName, readInputs } from './support';

/** `cat -v`: control characters as ^X, DEL as ^?, and each byte above 127 as M- and its low half. */
function showNonprinting(text: string, tabs: boolean): string {
  const caret = (code: number) => (code === 0x7f ? '^?' : code < 32 ? `^${String.fromCharCode(code + 64)}` : String.fromCharCode(code));
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (c === '\t' && !tabs) out += c;
    else if (code < 128) out += caret(code);
    else for (const byte of new TextEncoder().encode(c)) out += `M-${caret(byte - 128)}`;
  }
  return out;
}

/**
 * Formats text as cat does with its options. Line numbers, and whether the last line was blank,
 * carry on from one file to the next, since cat sees one stream.
 */
function formatter(f: Record<string, FlagValue>) {
  const all = Boolean(f['show-all']);
  const nonprinting = all || Boolean(f['show-nonprinting'] || f.e || f.t);
  const tabs = all || Boolean(f['show-tabs'] || f.t);
  const ends = all || Boolean(f['show-ends'] || f.e);
  const nonblank = Boolean(f['number-nonblank']);
  const numbered = nonblank || Boolean(f.number);
  let line = 1;
  let atStart = true;
  let blanks = 0;
  return (text: string): string => {
    let out = '';
    for (const piece of text.match(/[^\n]*\n|[^\n]+/g) ?? []) {
      const newline = piece.endsWith('\n');
      let body = newline ? piece.slice(0, -1) : piece;
      if (atStart) {
        const blank = body === '' && newline;
        blanks = blank ? blanks + 1 : 0;
        if (f['squeeze-blank'] && blanks > 1) continue;
        if (numbered && !(nonblank && blank)) out += `${String(line++).padStart(6)}\t`;
      }
      if (nonprinting) body = showNonprinting(body, tabs);
      else if (tabs) body = body.replace(/\t/g, '^I');
      out += body + (newline ? `${ends ? '$' : ''}\n` : '');
      atStart = newline;
    }
    return out;
  };
}

export const cat: CommandSpec = {
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  usage: '[OPTION]... [FILE]...',
  description: 'Concatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  dialect: gnu,
  flags: [
    { long: 'show-all', short: 'A', type: 'bool', description: 'equivalent to -vET' },
    { long: 'number-nonblank', short: 'b', type: 'bool', description: 'number nonempty output lines, overrides -n' },
    { long: '', short: 'e', type: 'bool', description: 'equivalent to -vE' },
    { long: 'show-ends', short: 'E', type: 'bool', description: 'display $ at end of each line' },
    { long: 'number', short: 'n', type: 'bool', description: 'number all output lines' },
    { long: 'squeeze-blank', short: 's', type: 'bool', description: 'suppress repeated empty output lines' },
    { long: '', short: 't', type: 'bool', description: 'equivalent to -vT' },
    { long: 'show-tabs', short: 'T', type: 'bool', description: 'display TAB characters as ^I' },
    { long: '', short: 'u', type: 'bool', description: '(ignored)' },
    { long: 'show-nonprinting', short: 'v', type: 'bool', description: 'use ^ and M- notation, except for LFD and TAB' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const format = formatter(ctx.command.flags);
    const files = ctx.command.args.length ? ctx.command.args : ['-'];
    const keyboard = lineReader();
    let code = 0;
    for (const input of readInputs(ctx, files)) {
      if (input.name === '-' && ctx.stdin === null) {
        // Standard input is the terminal: cat echoes each line as it is typed, until Ctrl-D.
        for (let line = yield* keyboard.next(ctx); line !== null; line = yield* keyboard.next(ctx)) ctx.out(format(`${line}\n`));
        continue;
      }
      if ('error' in input) {
        ctx.err(isBusybox(ctx) ? `cat: can't open '${input.name}': ${fsMessage(input.error)}\n` : `cat: ${quoteName(input.name)}: ${fsMessage(input.error)}\n`);
        code = 1;
        continue;
      }
      ctx.out(format(input.text));
    }
    return code;
  },
};
