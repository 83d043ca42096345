import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { fsMessage, lines, readInputsOrTerminal } from './support';

/** `sort -h` understands the suffixes `ls -h` and `du -h` print. */
function humanValue(s: string): number {
  const m = /^\s*([-+]?\d*\.?\d+)([KMGTPE]?)/i.exec(s);
  if (!m) return 0;
  const power = 'KMGTPE'.indexOf(m[2].toUpperCase()) + 1;
  return Number(m[1]) * 1024 ** power;
}

function numericValue(s: string): number {
  const m = /^\s*[-+]?\d*\.?\d+/.exec(s);
  return m ? Number(m[0]) : 0;
}

export const sort: CommandSpec = {
  name: 'sort',
  summary: 'sort lines of text files',
  usage: '[OPTION]... [FILE]...',
  description: 'Write sorted concatenation of all FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  dialect: gnu,
  usageExitCode: 2,
  flags: [
    { long: 'reverse', short: 'r', type: 'bool', description: 'reverse the result of comparisons' },
    { long: 'numeric-sort', short: 'n', type: 'bool', description: 'compare according to string numerical value' },
    { long: 'human-numeric-sort', short: 'h', type: 'bool', description: 'compare human readable numbers (e.g., 2K 1G)' },
    { long: 'ignore-case', short: 'f', type: 'bool', description: 'fold lower case to upper case characters' },
    { long: 'unique', short: 'u', type: 'bool', description: 'output only the first of an equal run' },
    { long: 'key', short: 'k', type: 'string', valueName: 'KEYDEF', description: 'sort via a key; KEYDEF gives location and type' },
    { long: 'field-separator', short: 't', type: 'string', valueName: 'SEP', description: 'use SEP instead of non-blank to blank transition' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const inputs = yield* readInputsOrTerminal(ctx, ctx.command.args);
    const all: string[] = [];
    for (const input of inputs) {
      if ('error' in input) {
        ctx.err(input.error === 'EISDIR' ? `sort: read failed: ${input.name}: Is a directory\n` : `sort: cannot read: ${input.name}: ${fsMessage(input.error)}\n`);
        return 2;
      }
      all.push(...lines(input.text));
    }
    const sep = f['field-separator'] as string | undefined;
    let keyField: number | undefined;
    if (f.key !== undefined) {
      const m = /^(\d+)/.exec(String(f.key));
      if (!m || Number(m[1]) === 0) {
        ctx.err(`sort: invalid number at field start: invalid count at start of ‘${f.key}’\n`);
        return 2;
      }
      keyField = Number(m[1]);
    }
    const keyOf = (line: string) => {
      if (keyField === undefined) return line;
      const fields = sep ? line.split(sep) : line.split(/(?<=\S)(?=\s)/);
      return fields.slice(keyField - 1).join(sep ?? '');
    };
    const compareText = (a: string, b: string) => {
      const x = f['ignore-case'] ? a.toUpperCase() : a;
      const y = f['ignore-case'] ? b.toUpperCase() : b;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const compareKeys = (a: string, b: string) => {
      if (f['numeric-sort']) return numericValue(a) - numericValue(b);
      if (f['human-numeric-sort']) return humanValue(a) - humanValue(b);
      return compareText(a, b);
    };
    const compare = (a: string, b: string) => {
      const c = compareKeys(keyOf(a), keyOf(b));
      // GNU sort breaks ties by comparing whole lines, unless -u asks for equal keys to merge.
      return c !== 0 || f.unique ? c : compareText(a, b) || (a < b ? -1 : a > b ? 1 : 0);
    };
    let sorted = [...all].sort(compare);
    if (f.reverse) sorted.reverse();
    if (f.unique) sorted = sorted.filter((line, i) => i === 0 || compareKeys(keyOf(sorted[i - 1]), keyOf(line)) !== 0);
    ctx.out(sorted.map((l) => `${l}\n`).join(''));
    return 0;
  },
};
