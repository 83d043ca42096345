import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { byteLength } from '../fs';
import { fsMessage, quoteName, readInputsOrTerminal } from './support';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  'max-line-length': number;
}

const ORDER = ['lines', 'words', 'chars', 'bytes', 'max-line-length'] as const;

/** Display width of a line, with tabs to the next multiple of 8 as wc -L counts them. */
function lineWidth(line: string): number {
  let width = 0;
  for (const c of line) width = c === '\t' ? width + 8 - (width % 8) : width + 1;
  return width;
}

function countText(text: string): Counts {
  return {
    lines: (text.match(/\n/g) ?? []).length,
    words: text.split(/\s+/).filter(Boolean).length,
    chars: [...text].length,
    bytes: byteLength(text),
    'max-line-length': Math.max(0, ...text.split('\n').map(lineWidth)),
  };
}

const zero = (): Counts => ({ lines: 0, words: 0, chars: 0, bytes: 0, 'max-line-length': 0 });

export const wc: CommandSpec = {
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  usage: '[OPTION]... [FILE]...',
  description: 'Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a nonempty sequence of non white\nspace delimited by white space characters or by start or end of input.',
  dialect: gnu,
  flags: [
    { long: 'bytes', short: 'c', type: 'bool', description: 'print the byte counts' },
    { long: 'chars', short: 'm', type: 'bool', description: 'print the character counts' },
    { long: 'lines', short: 'l', type: 'bool', description: 'print the newline counts' },
    { long: 'max-line-length', short: 'L', type: 'bool', description: 'print the maximum display width' },
    { long: 'words', short: 'w', type: 'bool', description: 'print the word counts' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const chosen = ORDER.filter((k) => f[k]);
    const fields: (keyof Counts)[] = chosen.length ? chosen : ['lines', 'words', 'bytes'];
    const inputs = yield* readInputsOrTerminal(ctx, ctx.command.args);
    // GNU wc pads every number to one width, worked out before counting: that of the total size of
    // the regular files, at least 7 when a pipe or a directory is among them (their size is not
    // known), and none at all for a single count of a single input.
    let width = 1;
    if (inputs.length > 1 || fields.length > 1) {
      let bytes = 0;
      let minimum = 1;
      for (const input of inputs) {
        if ('text' in input && input.name !== '-') bytes += byteLength(input.text);
        else if (input.name === '-' || ('error' in input && input.error === 'EISDIR')) minimum = 7;
      }
      width = Math.max(String(bytes).length, minimum);
    }
    const row = (counts: Counts, name: string) => `${fields.map((k) => String(counts[k]).padStart(width)).join(' ')}${name ? ` ${name}` : ''}\n`;
    const total = zero();
    let code = 0;
    for (const input of inputs) {
      if (input.name === '') {
        ctx.err('wc: invalid zero-length file name\n');
        code = 1;
        continue;
      }
      const name = input.name === '-' && !ctx.command.args.length ? '' : input.name;
      if ('error' in input) {
        ctx.err(`wc: ${quoteName(input.name)}: ${fsMessage(input.error)}\n`);
        code = 1;
        if (input.error === 'EISDIR') ctx.out(row(zero(), name));
        continue;
      }
      const counts = countText(input.text);
      for (const k of ORDER) total[k] = k === 'max-line-length' ? Math.max(total[k], counts[k]) : total[k] + counts[k];
      ctx.out(row(counts, name));
    }
    if (inputs.length > 1) ctx.out(row(total, 'total'));
    return code;
  },
};
