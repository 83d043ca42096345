// diff (GNU diffutils 3.10): compares two files line by line (the hunks from text-diff.ts) and
// prints them in the normal, unified (-u) or context (-c) format, with the files' simulated times
// in the headers; compares directories by name (-r to go down); exit 0 same, 1 different, 2 trouble.
import type { Dialect } from '../../core/command/dialects';
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext, Effect } from '../../core/process';
import { canRead, childNames, type FsNode } from '../fs';
import { diffSequences, type Change } from '../text-diff';
import { fsMessage, quoteName, stat } from './support';

/** diff words its usage errors with its own name on the hint too, and exits 2. */
const diffDialect: Dialect = {
  ...gnu,
  flagError(path, error) {
    const { message } = gnu.flagError(path, error);
    return { message: message.replace(/\nTry /, '\ndiff: Try ').replace(/‘([^’]*)’/g, "'$1'"), exitCode: 2 };
  },
  usageError(_path, message) {
    return { message: `diff: ${message}\ndiff: Try 'diff --help' for more information.\n`, exitCode: 2 };
  },
};

type Style = 'normal' | 'unified' | 'context' | 'brief';

interface Options {
  style: Style;
  context: number;
  reportIdentical: boolean;
  ignoreCase: boolean;
  ignoreAllSpace: boolean;
  ignoreSpaceChange: boolean;
  text: boolean;
  recursive: boolean;
  newFile: boolean;
  labels: string[];
  /** The options as typed, for the `diff -r a/x b/x` lines of a directory comparison. */
  switches: string;
}

/** A file's lines as diff reads them: the last one may lack its newline. */
interface Lines {
  lines: string[];
  missingNewline: boolean;
}

function split(text: string): Lines {
  if (text === '') return { lines: [], missingNewline: false };
  const lines = text.split('\n');
  const missingNewline = lines[lines.length - 1] !== '';
  if (!missingNewline) lines.pop();
  return { lines, missingNewline };
}

/** `2025-03-03 09:00:00.000000000 +0000`: a header's time, as diff prints a file's mtime. */
function headerTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const nanos = String((ms % 1000) * 1_000_000).padStart(9, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${nanos} +0000`;
}

/** A header's name: C-quoted when it holds spaces, quotes, backslashes or control characters. */
function headerName(name: string): string {
  if (!/[\s"\\\x00-\x1f\x7f]/.test(name)) return name;
  const escapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  return `"${[...name].map((c) => escapes[c] ?? (/[\x00-\x1f\x7f]/.test(c) ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}"`;
}

/** The key a line is compared by, after -i, -w and -b. */
function keyOf(options: Options): (line: string, last: boolean, missing: boolean) => string {
  return (line, last, missing) => {
    let k = line;
    if (options.ignoreAllSpace) k = k.replace(/[ \t\v\f\r]+/g, '');
    else if (options.ignoreSpaceChange) k = k.replace(/[ \t\v\f\r]+/g, ' ').replace(/ $/, '');
    if (options.ignoreCase) k = k.toLowerCase();
    // A last line without its newline differs from the same text with one (unless -b or -w).
    if (last && missing && !options.ignoreAllSpace && !options.ignoreSpaceChange) k += '\0no-newline';
    return k;
  };
}

const NO_NEWLINE = '\\ No newline at end of file\n';

/** One line of a hunk with its prefix, and the marker when it is the file's unfinished last line. */
function lineOut(prefix: string, file: Lines, i: number): string {
  const end = file.missingNewline && i === file.lines.length - 1 ? `\n${NO_NEWLINE}` : '\n';
  return `${prefix}${file.lines[i]}${end}`;
}

/** Normal format: each change with its `2,3c2` line. */
function normal(a: Lines, b: Lines, changes: readonly Change[]): string {
  const range = (first: number, last: number) => (last <= first ? String(last + 1) : `${first + 1},${last + 1}`);
  let out = '';
  for (const c of changes) {
    const kind = c.deleted && c.inserted ? 'c' : c.deleted ? 'd' : 'a';
    out += `${range(c.line0, c.line0 + c.deleted - 1)}${kind}${range(c.line1, c.line1 + c.inserted - 1)}\n`;
    for (let i = c.line0; i < c.line0 + c.deleted; i++) out += lineOut('< ', a, i);
    if (c.deleted && c.inserted) out += '---\n';
    for (let i = c.line1; i < c.line1 + c.inserted; i++) out += lineOut('> ', b, i);
  }
  return out;
}

/** Changes grouped into hunks: the next one joins when at most 2 × context unchanged lines lie between. */
function hunks(changes: readonly Change[], context: number): Change[][] {
  const groups: Change[][] = [];
  for (const c of changes) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (last && c.line0 - (last.line0 + last.deleted) < 2 * context + 1) group.push(c);
    else groups.push([c]);
  }
  return groups;
}

/** The lines a hunk shows, context included: [first0, last0, first1, last1], 0-based and inclusive. */
function extent(group: readonly Change[], a: Lines, b: Lines, context: number): [number, number, number, number] {
  const first = group[0];
  const last = group[group.length - 1];
  const first0 = Math.max(first.line0 - context, 0);
  const first1 = Math.max(first.line1 - context, 0);
  const end0 = last.line0 + last.deleted - 1;
  const end1 = last.line1 + last.inserted - 1;
  const last0 = end0 < a.lines.length - context ? end0 + context : a.lines.length - 1;
  const last1 = end1 < b.lines.length - context ? end1 + context : b.lines.length - 1;
  return [first0, last0, first1, last1];
}

function unified(a: Lines, b: Lines, changes: readonly Change[], context: number): string {
  const range = (first: number, last: number) => {
    const [ta, tb] = [first + 1, last + 1];
    return tb <= ta ? (tb < ta ? `${tb},0` : String(tb)) : `${ta},${tb - ta + 1}`;
  };
  let out = '';
  for (const group of hunks(changes, context)) {
    const [first0, last0, first1, last1] = extent(group, a, b, context);
    out += `@@ -${range(first0, last0)} +${range(first1, last1)} @@\n`;
    let i = first0;
    let j = first1;
    let next = 0;
    while (i <= last0 || j <= last1) {
      const c = group[next];
      if (!c || i < c.line0) {
        out += lineOut(' ', a, i++);
        j++;
        continue;
      }
      for (let k = 0; k < c.deleted; k++) out += lineOut('-', a, i++);
      for (let k = 0; k < c.inserted; k++) out += lineOut('+', b, j++);
      next++;
    }
  }
  return out;
}

function contextFormat(a: Lines, b: Lines, changes: readonly Change[], context: number): string {
  const range = (first: number, last: number) => {
    const [ta, tb] = [first + 1, last + 1];
    return tb <= ta ? String(tb) : `${ta},${tb}`;
  };
  let out = '';
  for (const group of hunks(changes, context)) {
    const [first0, last0, first1, last1] = extent(group, a, b, context);
    out += '***************\n';
    out += `*** ${range(first0, last0)} ****\n`;
    // A side's lines are shown only when the hunk changes something on it: `!` a changed line,
    // `-` or `+` one only deleted or inserted, two spaces the context.
    const marks = (side: 0 | 1) => {
      const mark = new Map<number, string>();
      for (const c of group) {
        const [from, count, other] = side === 0 ? [c.line0, c.deleted, c.inserted] : [c.line1, c.inserted, c.deleted];
        for (let i = from; i < from + count; i++) mark.set(i, other ? '! ' : side === 0 ? '- ' : '+ ');
      }
      return mark;
    };
    if (group.some((c) => c.deleted)) {
      const mark = marks(0);
      for (let i = first0; i <= last0; i++) out += lineOut(mark.get(i) ?? '  ', a, i);
    }
    out += `--- ${range(first1, last1)} ----\n`;
    if (group.some((c) => c.inserted)) {
      const mark = marks(1);
      for (let j = first1; j <= last1; j++) out += lineOut(mark.get(j) ?? '  ', b, j);
    }
  }
  return out;
}

/** What one side of a comparison is: its name, and its text (or that it is absent, with -N). */
interface Operand {
  name: string;
  node?: FsNode;
  /** Standard input's text for `-`. */
  stdin?: string;
}

/** Compares two files; returns 0, 1 or 2 and prints the differences (and the `diff -r` line before them inside directories). */
function compareFiles(ctx: CommandContext, options: Options, left: Operand, right: Operand, heading?: string): number {
  const text = (o: Operand) => o.stdin ?? (o.node?.kind === 'file' ? o.node.content : '');
  const [ta, tb] = [text(left), text(right)];
  const binary = !options.text && (ta.includes('\0') || tb.includes('\0'));
  if (ta === tb) {
    if (options.reportIdentical) ctx.out(`Files ${left.name} and ${right.name} are identical\n`);
    return 0;
  }
  if (binary || options.style === 'brief') {
    if (heading && options.style !== 'brief' && !binary) ctx.out(heading);
    ctx.out(`${binary ? 'Binary files' : 'Files'} ${left.name} and ${right.name} differ\n`);
    return 1;
  }
  const a = split(ta);
  const b = split(tb);
  ctx.budget.spendText(ta.length + tb.length);
  const key = keyOf(options);
  const keys = (f: Lines) => f.lines.map((line, i) => key(line, i === f.lines.length - 1, f.missingNewline));
  // The context lines are also the horizon GNU diff keeps round the search (none for the normal format).
  const horizon = options.style === 'unified' || options.style === 'context' ? options.context : 0;
  const changes = diffSequences(keys(a), keys(b), ctx.budget, horizon, a.missingNewline === b.missingNewline);
  if (!changes.length) {
    if (options.reportIdentical) ctx.out(`Files ${left.name} and ${right.name} are identical\n`);
    return 0;
  }
  let out = heading ?? '';
  const time = (o: Operand) => headerTime(o.node ? o.node.mtime : o.stdin !== undefined ? ctx.machine.now() : 0);
  const label = (i: number, o: Operand) => options.labels[i] ?? `${headerName(o.name)}\t${time(o)}`;
  if (options.style === 'unified') out += `--- ${label(0, left)}\n+++ ${label(1, right)}\n${unified(a, b, changes, options.context)}`;
  else if (options.style === 'context') out += `*** ${label(0, left)}\n--- ${label(1, right)}\n${contextFormat(a, b, changes, options.context)}`;
  else out += normal(a, b, changes);
  ctx.out(out);
  return 1;
}

/** The words of the command line but the two operands, shell-quoted: what `diff -r` repeats before each pair. */
function switchesOf(words: string[], operands: readonly string[]): string {
  const rest = [...words];
  for (const operand of [...operands].reverse()) {
    const at = rest.lastIndexOf(operand);
    if (at >= 0) rest.splice(at, 1);
  }
  return rest.map((w) => ` ${quoteName(w)}`).join('');
}

const kindOf = (node: FsNode) => (node.kind === 'dir' ? 'directory' : node.content === '' ? 'regular empty file' : 'regular file');

/** Compares two directories entry by entry, in byte order of the names. */
function* compareDirs(ctx: CommandContext, options: Options, left: string, right: string, l: FsNode & { kind: 'dir' }, r: FsNode & { kind: 'dir' }): Generator<Effect, number, string | null> {
  let status = 0;
  const worst = (code: number) => (status = Math.max(status, code));
  for (const [dir, node] of [[left, l], [right, r]] as const) {
    if (!canRead(node, ctx.machine.identity().user)) {
      ctx.err(`diff: ${dir}: Permission denied\n`);
      return 2;
    }
  }
  const names = [...new Set([...childNames(l), ...childNames(r)])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const join = (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);
  for (const name of names) {
    ctx.budget.spend();
    if (ctx.budget.breathe()) yield { type: 'wait', ms: 0 };
    const a = Object.prototype.hasOwnProperty.call(l.children, name) ? l.children[name] : undefined;
    const b = Object.prototype.hasOwnProperty.call(r.children, name) ? r.children[name] : undefined;
    const pa = join(left, name);
    const pb = join(right, name);
    if (!a || !b) {
      const present = (a ?? b)!;
      if (options.newFile && present.kind === 'file') {
        worst(compareFiles(ctx, options, { name: pa, node: a }, { name: pb, node: b }, `diff${options.switches} ${pa} ${pb}\n`));
        continue;
      }
      ctx.out(`Only in ${a ? left : right}: ${name}\n`);
      worst(1);
      continue;
    }
    if (a.kind === 'dir' && b.kind === 'dir') {
      if (options.recursive) worst(yield* compareDirs(ctx, options, pa, pb, a, b));
      else ctx.out(`Common subdirectories: ${pa} and ${pb}\n`);
      continue;
    }
    if (a.kind !== b.kind) {
      ctx.out(`File ${pa} is a ${kindOf(a)} while file ${pb} is a ${kindOf(b)}\n`);
      worst(1);
      continue;
    }
    worst(compareFiles(ctx, options, { name: pa, node: a }, { name: pb, node: b }, `diff${options.switches} ${pa} ${pb}\n`));
  }
  return status;
}

export const diff: CommandSpec = {
  name: 'diff',
  summary: 'compare files line by line',
  usage: '[OPTION]... FILES',
  description: 'Compare FILES line by line.',
  dialect: diffDialect,
  usageExitCode: 2,
  flags: [
    { long: 'normal', type: 'bool', description: 'output a normal diff (the default)' },
    { long: 'brief', short: 'q', type: 'bool', description: 'report only when files differ' },
    { long: 'report-identical-files', short: 's', type: 'bool', description: 'report when two files are the same' },
    { long: '', short: 'c', type: 'bool', description: 'output 3 lines of copied context' },
    { long: '', short: 'C', type: 'string', valueName: 'NUM', description: 'output NUM (default 3) lines of copied context' },
    { long: 'context', type: 'string', valueName: 'NUM', implicit: '3', hidden: true, description: 'output NUM (default 3) lines of copied context' },
    { long: '', short: 'u', type: 'bool', description: 'output 3 lines of unified context' },
    { long: '', short: 'U', type: 'string', valueName: 'NUM', description: 'output NUM (default 3) lines of unified context' },
    { long: 'unified', type: 'string', valueName: 'NUM', implicit: '3', hidden: true, description: 'output NUM (default 3) lines of unified context' },
    { long: 'recursive', short: 'r', type: 'bool', description: 'recursively compare any subdirectories found' },
    { long: 'new-file', short: 'N', type: 'bool', description: 'treat absent files as empty' },
    { long: 'ignore-case', short: 'i', type: 'bool', description: 'ignore case differences in file contents' },
    { long: 'ignore-space-change', short: 'b', type: 'bool', description: 'ignore changes in the amount of white space' },
    { long: 'ignore-all-space', short: 'w', type: 'bool', description: 'ignore all white space' },
    { long: 'text', short: 'a', type: 'bool', description: 'treat all files as text' },
    { long: 'label', short: 'L', type: 'stringArray', valueName: 'LABEL', description: 'use LABEL instead of file name and timestamp\n  (can be repeated)' },
    { long: 'color', type: 'string', valueName: 'WHEN', implicit: 'auto', description: "color output; WHEN is 'never', 'always', or 'auto'" },
  ],
  args: [{ name: 'FILE1', complete: 'path' }, { name: 'FILE2', complete: 'path' }],
  notes: "FILES are 'FILE1 FILE2' or 'DIR1 DIR2' or 'DIR FILE' or 'FILE DIR'.\nIf a FILE is '-', read standard input.\nExit status is 0 if inputs are the same, 1 if different, 2 if trouble.",
  *run(ctx) {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    // The output style: -q wins; -u and -c may not be mixed.
    const given = ctx.command.given;
    const unifiedAsked = ['u', 'U', 'unified'].some((k) => given.has(k));
    const contextAsked = ['c', 'C', 'context'].some((k) => given.has(k));
    if (unifiedAsked && contextAsked) return ctx.usageError('conflicting output style options');
    let context = 3;
    // Of several context lengths, the largest counts.
    const lengths = ['U', 'unified', 'C', 'context'].filter((k) => f[k] !== undefined).map((k) => String(f[k]));
    if (given.has('u') || given.has('c')) lengths.push('3');
    for (const raw of lengths) if (!/^\d+$/.test(raw)) return ctx.usageError(`invalid context length '${raw}'`);
    if (lengths.length) context = Math.max(...lengths.map(Number));
    const options: Options = {
      style: f.brief ? 'brief' : unifiedAsked ? 'unified' : contextAsked ? 'context' : 'normal',
      context,
      reportIdentical: Boolean(f['report-identical-files']),
      ignoreCase: Boolean(f['ignore-case']),
      ignoreAllSpace: Boolean(f['ignore-all-space']),
      ignoreSpaceChange: Boolean(f['ignore-space-change']),
      text: Boolean(f.text),
      recursive: Boolean(f.recursive),
      newFile: Boolean(f['new-file']),
      labels: f.label as string[],
      switches: switchesOf(ctx.argv.slice(1), args),
    };
    if (args.length < 2) return ctx.usageError(`missing operand after '${args.length ? args[0] : 'diff'}'`);
    if (args.length > 2) return ctx.usageError(`extra operand '${args[2]}'`);

    const open = (name: string): Operand | { error: string } => {
      if (name === '-') return { name, stdin: ctx.stdin ?? '' };
      const found = stat(ctx, name);
      if (!found.ok) return found.code === 'ENOENT' && options.newFile ? { name } : { error: `diff: ${quoteName(name)}: ${fsMessage(found.code)}\n` };
      if (found.value.kind === 'file' && !canRead(found.value, ctx.machine.identity().user)) return { error: `diff: ${quoteName(name)}: Permission denied\n` };
      return { name, node: found.value };
    };
    let left = open(args[0]);
    let right = open(args[1]);
    if ('error' in left || 'error' in right) {
      if ('error' in left) ctx.err(left.error);
      if ('error' in right) ctx.err(right.error);
      return 2;
    }
    if (!left.node && !right.node && left.stdin === undefined && right.stdin === undefined) {
      ctx.err(`diff: ${quoteName(args[0])}: No such file or directory\n`);
      return 2;
    }
    const ld = left.node?.kind === 'dir';
    const rd = right.node?.kind === 'dir';
    if (ld && rd) return yield* compareDirs(ctx, options, left.name, right.name, left.node as FsNode & { kind: 'dir' }, right.node as FsNode & { kind: 'dir' });
    // A file and a directory: the file of the same name inside it.
    if (ld !== rd) {
      const [dir, file] = ld ? [left, right] : [right, left];
      const inside = `${dir.name.replace(/\/+$/, '')}/${file.name.replace(/\/+$/, '').split('/').pop()}`;
      if (file.stdin !== undefined) {
        ctx.err("diff: cannot compare '-' to a directory\n");
        return 2;
      }
      const opened = open(inside);
      if ('error' in opened) {
        ctx.err(opened.error);
        return 2;
      }
      if (ld) left = opened;
      else right = opened;
      if (opened.node?.kind === 'dir') {
        ctx.err(`diff: ${quoteName(inside)}: Is a directory\n`);
        return 2;
      }
    }
    return compareFiles(ctx, options, left, right);
  },
};
