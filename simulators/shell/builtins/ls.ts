import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { formatLsTime } from '../../core/clock';
import { columns } from '../../core/output/columns';
import { byteLength, canRead, childNames, type FsNode } from '../fs';
import { argmatch, fsMessage, isBusybox, quoteName, shellQuote, stat } from './support';

const RESET = '\x1b[0m';

/** The colour GNU ls gives an entry by default (dircolors): directories blue, /tmp-like ones on green. */
function colorOf(node: FsNode): string | undefined {
  if (node.kind === 'file') return node.mode & 0o111 ? '01;32' : undefined;
  const sticky = (node.mode & 0o1000) !== 0;
  const otherWritable = (node.mode & 0o002) !== 0;
  return sticky && otherWritable ? '30;42' : otherWritable ? '34;42' : sticky ? '37;44' : '01;34';
}

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

/** Names that need it are shown quoted in a terminal, as GNU ls does (QUOTING_STYLE=shell-escape). */
const displayName = (name: string, tty: boolean) => (tty ? quoteName(name) : name);

interface Entry {
  name: string;
  node: FsNode;
}

interface Options {
  long: boolean;
  human: boolean;
  one: boolean;
  color: boolean;
}

function render(ctx: CommandContext, entries: Entry[], options: Options): string {
  const tty = ctx.tty !== null;
  const shown = entries.map((e) => displayName(e.name, tty));
  // When some names in a listing are quoted, the others get a space so that the names line up.
  const align = shown.some((s, i) => s !== entries[i].name) && !(options.one && !options.long);
  const label = (e: Entry, i: number) => {
    const color = options.color ? colorOf(e.node) : undefined;
    const name = color ? `\x1b[${color}m${shown[i]}${RESET}` : shown[i];
    return align && shown[i] === e.name ? ` ${name}` : name;
  };
  if (options.long) {
    const now = ctx.machine.now();
    const links = (n: FsNode) => (n.kind === 'dir' ? 2 + Object.values(n.children).filter((c) => c.kind === 'dir').length : 1);
    const sizes = entries.map((e) => (options.human ? human(sizeOf(e.node)) : String(sizeOf(e.node))));
    const linkW = Math.max(...entries.map((e) => String(links(e.node)).length));
    const ownerW = Math.max(...entries.map((e) => e.node.owner.length));
    const sizeW = Math.max(...sizes.map((s) => s.length));
    return entries
      .map((e, i) => `${modeString(e.node)} ${String(links(e.node)).padStart(linkW)} ${e.node.owner.padEnd(ownerW)} ${e.node.owner.padEnd(ownerW)} ${sizes[i].padStart(sizeW)} ${formatLsTime(e.node.mtime, now)} ${label(e, i)}\n`)
      .join('');
  }
  if (options.one || !tty) return entries.map((e, i) => `${label(e, i)}\n`).join('');
  const widths = shown.map((s, i) => [...s].length + (align && s === entries[i].name ? 1 : 0));
  return columns(entries.map(label), widths, ctx.tty!.cols);
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
    { long: 'recursive', short: 'R', type: 'bool', description: 'list subdirectories recursively' },
    { long: '', short: 'S', type: 'bool', description: 'sort by file size, largest first' },
    { long: '', short: 't', type: 'bool', description: 'sort by time, newest first' },
    { long: '', short: '1', type: 'bool', description: 'list one file per line' },
    { long: 'color', type: 'string', valueName: 'WHEN', implicit: 'always', description: "color the output WHEN; 'always', 'auto' or 'never'", default: 'auto' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  run(ctx) {
    const f = ctx.command.flags;
    const when = argmatch(ctx, 'color', String(f.color), [['always', 'yes', 'force'], ['never', 'no', 'none'], ['auto', 'tty', 'if-tty']]);
    if (typeof when === 'number') return when;
    const options: Options = {
      long: Boolean(f.l),
      human: Boolean(f['human-readable']),
      one: Boolean(f['1']),
      // Plain GNU ls never colours; Ubuntu's alias `ls --color=auto` makes directories blue in a
      // terminal. Only the laptop's shell has that alias (containers' root shells do not).
      color: when === 'always' || (when === 'auto' && ctx.tty !== null && (ctx.command.given.has('color') || Boolean(ctx.machine.identity().colorLs))),
    };
    const user = ctx.machine.identity().user;
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
      const node = stat(ctx, target);
      if (!node.ok) {
        if (isBusybox(ctx)) {
          ctx.err(`ls: ${target}: ${fsMessage(node.code)}\n`);
          code = 1;
        } else {
          ctx.err(`ls: cannot access ${shellQuote(target)}: ${fsMessage(node.code)}\n`);
          code = 2;
        }
        continue;
      }
      if (node.value.kind === 'dir' && !f.directory) dirs.push({ name: target, node: node.value });
      else files.push({ name: target, node: node.value });
    }
    const sections: string[] = [];
    const print = (text: string) => {
      ctx.out(sections.length ? `\n${text}` : text);
      sections.push(text);
    };
    if (files.length) print(render(ctx, sort(files), options));
    const headed = targets.length > 1 || Boolean(f.recursive);
    const list = (dir: Entry, top: boolean) => {
      if (dir.node.kind !== 'dir') return;
      if (!canRead(dir.node, user)) {
        ctx.err(`ls: cannot open directory ${shellQuote(dir.name)}: Permission denied\n`);
        code = top ? 2 : Math.max(code, 1);
        return;
      }
      const children = dir.node.children;
      let entries: Entry[] = childNames(dir.node)
        .filter((name) => f.all || f['almost-all'] || !name.startsWith('.'))
        .map((name) => ({ name, node: children[name] }));
      if (f.all) {
        const parent = stat(ctx, `${dir.name}/..`);
        entries.push({ name: '.', node: dir.node }, { name: '..', node: parent.ok ? parent.value : dir.node });
      }
      entries = sort(entries);
      let text = headed ? `${displayName(dir.name, ctx.tty !== null)}:\n` : '';
      if (options.long) text += `total ${options.human ? human(blocks(entries) * 1024) : blocks(entries)}\n`;
      print(text + render(ctx, entries, options));
      if (!f.recursive) return;
      for (const e of entries) {
        if (e.node.kind !== 'dir' || e.name === '.' || e.name === '..') continue;
        list({ name: dir.name.endsWith('/') ? `${dir.name}${e.name}` : `${dir.name}/${e.name}`, node: e.node }, false);
      }
    };
    for (const dir of sort(dirs)) list(dir, true);
    return code;
  },
};
