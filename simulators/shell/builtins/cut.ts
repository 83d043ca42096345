// cut: selected bytes, characters or fields of each line, as GNU coreutils 9.4 cuts them. Its -c
// is its -b (coreutils counts bytes either way), so a cut through a UTF-8 character shows as �.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { curly, fsMessage, readInputsOrTerminal } from './support';

/** A closed range of positions from 1; `hi` is Infinity for `N-`. */
export interface Range {
  lo: number;
  hi: number;
}

const SIZE_MAX = 2n ** 64n - 1n;

/**
 * Reads a LIST (`1,3-5,7-`) as coreutils' set_fields does, with its messages; `positions` words
 * them for -b and -c. The ranges come back sorted, overlapping ones merged (touching ones are not:
 * `--output-delimiter` still goes between 1-2 and 3-4), and complemented when asked.
 */
export function parseList(list: string, positions: boolean, complement: boolean): Range[] | string {
  const numberedFrom1 = positions ? 'byte/character positions are numbered from 1' : 'fields are numbered from 1';
  const ranges: Range[] = [];
  let initial = 1;
  let value = 0n;
  let lhs = false;
  let rhs = false;
  let dash = false;
  let digitsAt = -1;
  for (let i = 0; ; i++) {
    const c = list[i];
    if (c === '-') {
      digitsAt = -1;
      if (dash) return positions ? 'invalid byte or character range' : 'invalid field range';
      dash = true;
      if (lhs && value === 0n) return numberedFrom1;
      initial = lhs ? Number(value) : 1;
      value = 0n;
    } else if (c === ',' || c === ' ' || c === '\t' || c === undefined) {
      digitsAt = -1;
      if (dash) {
        dash = false;
        if (!lhs && !rhs) return 'invalid range with no endpoint: -';
        if (!rhs) ranges.push({ lo: initial, hi: Infinity });
        else {
          if (Number(value) < initial) return 'invalid decreasing range';
          ranges.push({ lo: initial, hi: Number(value) });
        }
      } else {
        if (value === 0n) return numberedFrom1;
        ranges.push({ lo: Number(value), hi: Number(value) });
      }
      value = 0n;
      if (c === undefined) break;
      lhs = rhs = false;
    } else if (c >= '0' && c <= '9') {
      if (digitsAt < 0) digitsAt = i;
      if (dash) rhs = true;
      else lhs = true;
      value = value * 10n + BigInt(c);
      if (value >= SIZE_MAX) {
        const number = /^\d+/.exec(list.slice(digitsAt))![0];
        return positions ? `byte/character offset ${curly(number)} is too large` : `field number ${curly(number)} is too large`;
      }
    } else return positions ? `invalid byte/character position ${curly(list.slice(i))}` : `invalid field value ${curly(list.slice(i))}`;
  }
  ranges.sort((a, b) => a.lo - b.lo);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.lo <= last.hi) last.hi = Math.max(last.hi, r.hi);
    else merged.push({ ...r });
  }
  if (!complement) return merged;
  const inverted: Range[] = [];
  let next = 1;
  for (const r of merged) {
    if (r.lo > next) inverted.push({ lo: next, hi: r.lo - 1 });
    next = r.hi + 1;
  }
  if (next !== Infinity) inverted.push({ lo: next, hi: Infinity });
  return inverted;
}

const rangeOf = (ranges: readonly Range[], n: number) => ranges.findIndex((r) => n >= r.lo && n <= r.hi);

/** -b/-c: the selected bytes; with --output-delimiter, it goes between separate ranges. */
function cutBytes(line: string, ranges: readonly Range[], delimiter: string | undefined): string {
  const bytes = new TextEncoder().encode(line);
  const out: number[] = [];
  const sep = delimiter === undefined ? [] : [...new TextEncoder().encode(delimiter)];
  let lastRange = -1;
  for (let i = 0; i < bytes.length; i++) {
    const at = rangeOf(ranges, i + 1);
    if (at < 0) continue;
    if (lastRange >= 0 && at !== lastRange) out.push(...sep);
    lastRange = at;
    out.push(bytes[i]);
  }
  return new TextDecoder().decode(new Uint8Array(out));
}

/** -f: the selected fields joined by the output delimiter, or undefined for a line -s drops. */
function cutFields(line: string, ranges: readonly Range[], delim: string, output: string, onlyDelimited: boolean): string | undefined {
  if (!line.includes(delim)) return onlyDelimited ? undefined : line;
  const fields = line.split(delim);
  return fields.filter((_, i) => rangeOf(ranges, i + 1) >= 0).join(output);
}

function fail(ctx: CommandContext, message: string): number {
  return ctx.usageError(message);
}

export const cut: CommandSpec = {
  name: 'cut',
  summary: 'remove sections from each line of files',
  usage: 'OPTION... [FILE]...',
  description: 'Print selected parts of lines from each FILE to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  dialect: gnu,
  flags: [
    { long: 'bytes', short: 'b', type: 'stringArray', valueName: 'LIST', description: 'select only these bytes' },
    { long: 'characters', short: 'c', type: 'stringArray', valueName: 'LIST', description: 'select only these characters' },
    { long: 'delimiter', short: 'd', type: 'string', valueName: 'DELIM', description: 'use DELIM instead of TAB for field delimiter' },
    { long: 'fields', short: 'f', type: 'stringArray', valueName: 'LIST', description: 'select only these fields;  also print any line\n  that contains no delimiter character, unless\n  the -s option is specified' },
    { long: '', short: 'n', type: 'bool', description: '(ignored)' },
    { long: 'complement', type: 'bool', description: 'complement the set of selected bytes, characters\n  or fields' },
    { long: 'only-delimited', short: 's', type: 'bool', description: 'do not print lines not containing delimiters' },
    { long: 'output-delimiter', type: 'string', valueName: 'STRING', description: 'use STRING as the output delimiter\n  the default is to use the input delimiter' },
    { long: 'zero-terminated', short: 'z', type: 'bool', description: 'line delimiter is NUL, not newline' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  notes:
    'Use one, and only one of -b, -c or -f.  Each LIST is made up of one\nrange, or many ranges separated by commas.  Selected input is written\nin the same order that it is read, and is written exactly once.\nEach range is one of:\n\n  N     N\'th byte, character or field, counted from 1\n  N-    from N\'th byte, character or field, to end of line\n  N-M   from N\'th to M\'th (included) byte, character or field\n  -M    from first to M\'th (included) byte, character or field',
  *run(ctx) {
    const f = ctx.command.flags;
    const lists = [...(f.bytes as string[]).map((l) => ['b', l]), ...(f.characters as string[]).map((l) => ['c', l]), ...(f.fields as string[]).map((l) => ['f', l])];
    if (lists.length > 1) return fail(ctx, 'only one list may be specified');
    const delim = f.delimiter as string | undefined;
    if (delim !== undefined && new TextEncoder().encode(delim).length > 1) return fail(ctx, 'the delimiter must be a single character');
    if (!lists.length) return fail(ctx, 'you must specify a list of bytes, characters, or fields');
    const [kind, list] = lists[0];
    const bytes = kind !== 'f';
    if (bytes && delim !== undefined) return fail(ctx, 'an input delimiter may be specified only when operating on fields');
    if (bytes && f['only-delimited']) return fail(ctx, 'suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    const ranges = parseList(list, bytes, Boolean(f.complement));
    if (typeof ranges === 'string') return fail(ctx, ranges);
    // `-d ''` and `--output-delimiter=''` mean the NUL byte, as in coreutils.
    const inputDelim = delim === undefined ? '\t' : delim || '\0';
    const given = f['output-delimiter'] as string | undefined;
    const outputDelim = given === undefined ? inputDelim : given || '\0';
    const end = f['zero-terminated'] ? '\0' : '\n';

    const inputs = yield* readInputsOrTerminal(ctx, ctx.command.args);
    let code = 0;
    for (const input of inputs) {
      if ('error' in input) {
        ctx.err(`cut: ${input.name}: ${fsMessage(input.error)}\n`);
        code = 1;
        continue;
      }
      const records = input.text.split(end);
      if (records[records.length - 1] === '') records.pop();
      let out = '';
      for (const record of records) {
        ctx.budget.spend(1 + Math.ceil(record.length / 16));
        const cutOne = bytes ? cutBytes(record, ranges, given === undefined ? undefined : outputDelim) : cutFields(record, ranges, inputDelim, outputDelim, Boolean(f['only-delimited']));
        if (cutOne !== undefined) out += cutOne + end;
      }
      ctx.out(out);
    }
    return code;
  },
};
