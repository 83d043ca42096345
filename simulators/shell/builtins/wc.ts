import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { byteLength } from '../fs';
import { fsMessage, readInputsOrTerminal } from './support';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
}

function countText(text: string): Counts {
  return {
    lines: (text.match(/\n/g) ?? []).length,
    words: text.split(/\s+/).filter(Boolean).length,
    chars: [...text].length,
    bytes: byteLength(text),
  };
}

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
    { long: 'words', short: 'w', type: 'bool', description: 'print the word counts' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const any = f.lines || f.words || f.chars || f.bytes;
    const fields: (keyof Counts)[] = any
      ? (['lines', 'words', 'chars', 'bytes'] as const).filter((k) => f[k])
      : ['lines', 'words', 'bytes'];
    const inputs = yield* readInputsOrTerminal(ctx, ctx.command.args);
    const rows: { counts: Counts; name: string }[] = [];
    let code = 0;
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0 };
    for (const input of inputs) {
      if ('error' in input) {
        ctx.err(`wc: ${input.name}: ${fsMessage(input.error)}\n`);
        code = 1;
        if (input.error === 'EISDIR') rows.push({ counts: { lines: 0, words: 0, chars: 0, bytes: 0 }, name: input.name });
        continue;
      }
      const counts = countText(input.text);
      for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += counts[k];
      rows.push({ counts, name: input.name === '-' && ctx.command.args.length === 0 ? '' : input.name });
    }
    if (inputs.length > 1) rows.push({ counts: total, name: 'total' });
    // GNU wc pads every number to one width: that of the total byte count of regular files,
    // at least 7 when reading a pipe (whose size it cannot know), none for a single count.
    const readsStdin = inputs.some((i) => i.name === '-');
    let width = String(Math.max(total.bytes, ...rows.map((r) => Math.max(...fields.map((k) => r.counts[k]))))).length;
    if (readsStdin) width = Math.max(width, 7);
    if (fields.length === 1 && rows.length === 1) width = 1;
    ctx.out(rows.map((r) => `${fields.map((k) => String(r.counts[k]).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`).join(''));
    return code;
  },
};
