// uniq: adjacent equal lines folded into one, as GNU uniq compares them (after -f fields and -s
// characters skipped, at most -w characters, -i ignoring case), with -c's `%7d ` counts, -d/-u/-D
// to choose, --group to separate; an OUTPUT operand is written as a file.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { writeFile } from '../fs';
import { abs, actorOf, argmatch, commit, curly, fsMessage, quoteName, readInputsOrTerminal } from './support';

/** A count option (xstrtoumax): a number, or uniq's complaint. */
function count(ctx: CommandContext, raw: string | undefined, what: string): number | { error: number } {
  if (raw === undefined) return 0;
  if (!/^\s*\+?\d+$/.test(raw)) {
    ctx.err(`uniq: ${raw}: ${what}\n`);
    return { error: 1 };
  }
  return Math.min(Number(raw.trim()), Number.MAX_SAFE_INTEGER);
}

/** The part of a line that is compared: fields, then characters, skipped; at most `width` kept. */
function key(line: string, fields: number, chars: number, width: number | undefined, fold: boolean): string {
  let at = 0;
  for (let i = 0; i < fields && at < line.length; i++) {
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
    while (at < line.length && line[at] !== ' ' && line[at] !== '\t') at++;
  }
  let rest = line.slice(Math.min(line.length, at + chars));
  if (width !== undefined) rest = rest.slice(0, width);
  return fold ? rest.toLowerCase() : rest;
}

export const uniq: CommandSpec = {
  name: 'uniq',
  summary: 'report or omit repeated lines',
  usage: '[OPTION]... [INPUT [OUTPUT]]',
  description:
    'Filter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).\n\nWith no options, matching lines are merged to the first occurrence.',
  dialect: gnu,
  flags: [
    { long: 'count', short: 'c', type: 'bool', description: 'prefix lines by the number of occurrences' },
    { long: 'repeated', short: 'd', type: 'bool', description: 'only print duplicate lines, one for each group' },
    { long: '', short: 'D', type: 'bool', description: 'print all duplicate lines' },
    { long: 'all-repeated', type: 'string', valueName: 'METHOD', implicit: 'none', description: 'like -D, but allow separating groups\n  with an empty line;\n  METHOD={none(default),prepend,separate}' },
    { long: 'skip-fields', short: 'f', type: 'string', valueName: 'N', description: 'avoid comparing the first N fields' },
    { long: 'group', type: 'string', valueName: 'METHOD', implicit: 'separate', description: 'show all items, separating groups with an empty line;\n  METHOD={separate(default),prepend,append,both}' },
    { long: 'ignore-case', short: 'i', type: 'bool', description: 'ignore differences in case when comparing' },
    { long: 'skip-chars', short: 's', type: 'string', valueName: 'N', description: 'avoid comparing the first N characters' },
    { long: 'unique', short: 'u', type: 'bool', description: 'only print unique lines' },
    { long: 'zero-terminated', short: 'z', type: 'bool', description: 'line delimiter is NUL, not newline' },
    { long: 'check-chars', short: 'w', type: 'string', valueName: 'N', description: 'compare no more than N characters in lines' },
  ],
  args: [{ name: 'INPUT', optional: true, complete: 'path' }, { name: 'OUTPUT', optional: true, complete: 'path' }],
  notes:
    "A field is a run of blanks (usually spaces and/or TABs), then non-blank\ncharacters.  Fields are skipped before chars.\n\nNote: 'uniq' does not detect repeated lines unless they are adjacent.\nYou may want to sort the input first, or use 'sort -u' without 'uniq'.",
  *run(ctx) {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    if (args.length > 2) return ctx.usageError(`extra operand ${curly(args[2])}`);
    const fields = count(ctx, f['skip-fields'] as string | undefined, 'invalid number of fields to skip');
    if (typeof fields === 'object') return fields.error;
    const chars = count(ctx, f['skip-chars'] as string | undefined, 'invalid number of bytes to skip');
    if (typeof chars === 'object') return chars.error;
    const width = f['check-chars'] === undefined ? undefined : count(ctx, f['check-chars'] as string, 'invalid number of bytes to compare');
    if (typeof width === 'object') return width.error;

    let allRepeated: string | undefined;
    if (f['all-repeated'] !== undefined) {
      const m = argmatch(ctx, 'all-repeated', String(f['all-repeated']), [['none'], ['prepend'], ['separate']]);
      if (typeof m === 'number') return m;
      allRepeated = m;
    } else if (f.D) allRepeated = 'none';
    let group: string | undefined;
    if (f.group !== undefined) {
      const m = argmatch(ctx, 'group', String(f.group), [['prepend'], ['append'], ['separate'], ['both']]);
      if (typeof m === 'number') return m;
      group = m;
    }
    const countEach = Boolean(f.count);
    const repeated = Boolean(f.repeated) || allRepeated !== undefined;
    const unique = Boolean(f.unique);
    if (group !== undefined && (countEach || repeated || unique)) return ctx.usageError('--group is mutually exclusive with -c/-d/-D/-u');
    if (allRepeated !== undefined && countEach) return ctx.usageError('printing all duplicated lines and repeat counts is meaningless');

    const [input] = yield* readInputsOrTerminal(ctx, args.slice(0, 1));
    if ('error' in input) {
      ctx.err(`uniq: ${quoteName(input.name)}: ${fsMessage(input.error)}\n`);
      return 1;
    }
    const end = f['zero-terminated'] ? '\0' : '\n';
    const records = input.text.split(end);
    if (records[records.length - 1] === '') records.pop();
    ctx.budget.spend(records.length);
    const fold = Boolean(f['ignore-case']);
    // Runs of equal keys, in order.
    const runs: string[][] = [];
    let last: string | undefined;
    for (const record of records) {
      const k = key(record, fields, chars, width, fold);
      if (runs.length && k === last) runs[runs.length - 1].push(record);
      else runs.push([record]);
      last = k;
    }
    let out = '';
    if (group !== undefined) {
      runs.forEach((run, i) => {
        if ((group === 'prepend' || group === 'both') || (i > 0 && group === 'separate')) out += end;
        out += run.map((r) => r + end).join('');
      });
      if (runs.length && (group === 'append' || group === 'both')) out += end;
    } else if (allRepeated !== undefined) {
      let first = true;
      for (const run of runs) {
        if (run.length < 2 || unique) continue;
        if (allRepeated === 'prepend' || (allRepeated === 'separate' && !first)) out += end;
        first = false;
        out += run.map((r) => r + end).join('');
      }
    } else {
      for (const run of runs) {
        if ((repeated && run.length < 2) || (unique && run.length > 1)) continue;
        out += (countEach ? `${String(run.length).padStart(7)} ` : '') + run[0] + end;
      }
    }
    if (args.length === 2 && args[1] !== '-') {
      const error = commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, args[1]), out, actorOf(ctx)));
      if (error) {
        ctx.err(`uniq: ${quoteName(args[1])}: ${fsMessage(error)}\n`);
        return 1;
      }
      return 0;
    }
    ctx.out(out);
    return 0;
  },
};
