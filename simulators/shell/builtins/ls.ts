import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { formatLsTime } from '../../core/clock';
import { columns } from '../../core/output/columns';
import { byteLength, childNames, lookup, type FsNode } from '../fs';
import { abs, fsMessage, shellQuote } from './support';

const BLUE = '\x1b[01;34m';
const RESET = '\x1b[0m';

/** GNU ls in a UTF-8 locale sorts case-insensitively, ignoring leading dots. */
export function lsOrder(a: string, b: string): number {
  const key = (s: string) => s.replace(/^\.+/, '').toLowerCase();
  const ka = key(a);
  const kb = key(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function modeString(node: FsNode): string {
  const bits = node.mode;
  const rwx = (shift: number) => `${bits & (4 << shift) ? 'r' : '-'}${bits & (2 << shift) ? 'w' : '-'}${bits & (1 << shift) ? 'x' : '-'}`;
  let s = `${node.kind === 'dir' ? 'd' : '-'}${rwx(6)}${rwx(3)}${rwx(0)}`;
  if (node.kind === 'dir' && bits & 0o1000) s = s.slice(0, 9) + (bits & 1 ? 't' : 'T');
  return s;
}

const sizeOf = (node: FsNode) => (node.kind === 'dir' ? 4096 : byteLength(node.content));

function human(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? (Math.ceil(value * 10) / 10).toFixed(1) : Math.ceil(value)}${units[unit]}`;
}

/** Names with spaces or quotes are shown quoted in a terminal, as GNU ls does (QUOTING_STYLE=shell-escape). */
function displayName(name: string, tty: boolean): string {
  if (!tty || /^[A-Za-z0-9_\-.,:/@%+=~]+$/.test(name)) return name;
  if (/[\x00-\x1f\x7f]/.test(name)) return `$'${name.replace(/[\x00-\x1f\x7f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}'`;
  return name.includes("'") ? `"${name.replace(/(["\\$`])/g, '\\$1')}"` : `'${name}'`;
}

interface Entry {
  name: string;
  node: FsNode;
}

function render(ctx: CommandContext, entries: Entry[], options: { long: boolean; human: boolean; one: boolean; color: boolean }): string {
  const tty = ctx.tty !== null;
  const label = (e: Entry) => {
    const shown = displayName(e.name, tty);
    return options.color && e.node.kind === 'dir' ? `${BLUE}${shown}${RESET}` : shown;
  };
  if (options.long) {
    const now = ctx.machine.now();
    const links = (n: FsNode) => (n.kind === 'dir' ? 2 + Object.values(n.children).filter((c) => c.kind === 'dir').length : 1);
    const sizes = entries.map((e) => (options.human ? human(sizeOf(e.node)) : String(sizeOf(e.node))));
    const linkW = Math.max(...entries.map((e) => String(links(e.node)).length));
    const ownerW = Math.max(...entries.map((e) => e.node.owner.length));
    const sizeW = Math.max(...sizes.map((s) => s.length));
    return entries
      .map((e, i) => `${modeString(e.node)} ${String(links(e.node)).padStart(linkW)} ${e.node.owner.padEnd(ownerW)} ${e.node.owner.padEnd(ownerW)} ${sizes[i].padStart(sizeW)} ${formatLsTime(e.node.mtime, now)} ${label(e)}\n`)
      .join('');
  }
  if (options.one || !tty) return entries.map((e) => `${label(e)}\n`).join('');
  const shown = entries.map((e) => displayName(e.name, tty));
  return columns(entries.map(label), shown.map((s) => [...s].length), ctx.tty!.cols);
}

function blocks(entries: Entry[]): number {
  return entries.reduce((sum, e) => sum + (e.node.kind === 'dir' ? 4 : Math.ceil(sizeOf(e.node) / 4096) * 4), 0);
}

export const ls: CommandSpec = {
  name: 'ls',
  summary: 'list directory contents',
  usage: '[OPTION]... [FILE]...',
  description: 'List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -t nor -S is specified.',
  dialect: gnu,
  usageExitCode: 2,
  flags: [
    { long: 'all', short: 'a', type: 'bool', description: 'do not ignore entries starting with .' },
    { long: 'almost-all', short: 'A', type: 'bool', description: 'do not list implied . and ..' },
    { long: 'directory', short: 'd', type: 'bool', description: 'list directories themselves, not their contents' },
    { long: 'human-readable', short: 'h', type: 'bool', description: 'with -l, print sizes like 1K 234M 2G etc.' },
    { long: '', short: 'l', type: 'bool', description: 'use a long listing format' },
    { long: 'reverse', short: 'r', type: 'bool', description: 'reverse order while sorting' },
    { long: '', short: 'S', type: 'bool', description: 'sort by file size, largest first' },
    { long: '', short: 't', type: 'bool', description: 'sort by time, newest first' },
    { long: '', short: '1', type: 'bool', description: 'list one file per line' },
    { long: 'color', type: 'string', valueName: 'WHEN', description: "color the output WHEN; 'always', 'auto' or 'never'", default: 'auto' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  run(ctx) {
    const f = ctx.command.flags;
    const when = String(f.color);
    const options = {
      long: Boolean(f.l),
      human: Boolean(f['human-readable']),
      one: Boolean(f['1']),
      // Ubuntu aliases ls to `ls --color=auto`, so directories show blue in a terminal.
      color: when === 'always' || when === 'yes' || ((when === 'auto' || when === 'tty') && ctx.tty !== null),
    };
    const sort = (entries: Entry[]) => {
      const sorted = [...entries].sort((a, b) => {
        if (f.t && a.node.mtime !== b.node.mtime) return b.node.mtime - a.node.mtime;
        if (f.S && sizeOf(a.node) !== sizeOf(b.node)) return sizeOf(b.node) - sizeOf(a.node);
        return lsOrder(a.name, b.name);
      });
      return f.reverse ? sorted.reverse() : sorted;
    };
    const targets = ctx.command.args.length ? ctx.command.args : ['.'];
    let code = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const target of targets) {
      const node = lookup(ctx.machine.fs(), abs(ctx, target));
      if (!node.ok) {
        ctx.err(`ls: cannot access ${shellQuote(target)}: ${fsMessage(node.code)}\n`);
        code = 2;
        continue;
      }
      if (node.value.kind === 'dir' && !f.directory) dirs.push({ name: target, node: node.value });
      else files.push({ name: target, node: node.value });
    }
    const sections: string[] = [];
    if (files.length) sections.push(render(ctx, sort(files), options));
    const headed = targets.length > 1;
    for (const dir of sort(dirs)) {
      if (dir.node.kind !== 'dir') continue;
      const children = dir.node.children;
      let entries: Entry[] = childNames(dir.node)
        .filter((name) => f.all || f['almost-all'] || !name.startsWith('.'))
        .map((name) => ({ name, node: children[name] }));
      if (f.all) {
        const parent = lookup(ctx.machine.fs(), abs(ctx, `${dir.name}/..`));
        entries.push({ name: '.', node: dir.node }, { name: '..', node: parent.ok ? parent.value : dir.node });
      }
      entries = sort(entries);
      let text = headed ? `${displayName(dir.name, ctx.tty !== null)}:\n` : '';
      if (options.long) text += `total ${blocks(entries)}\n`;
      text += render(ctx, entries, options);
      sections.push(text);
    }
    ctx.out(sections.join('\n'));
    return code;
  },
};
