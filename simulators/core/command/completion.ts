// Tab completion derived from the specs: command names first, then subcommands, flags and their
// values, and paths from the machine's file system where an argument names a file.
import { visibleFlags } from './flags';
import { findSubcommand, type CommandSpec, type CommandTable, type Completer } from './spec';
import type { Machine } from '../../shell/machine';
import { childNames, lookup, resolvePath } from '../../shell/fs';

export interface Completion {
  /** The text to insert at the cursor (what all candidates share beyond what is typed). */
  insert: string;
  /** Every candidate, as bash lists them on a second Tab (basenames for paths). */
  candidates: string[];
}

interface Context {
  commands: CommandTable;
  machine: Machine;
}

const SEPARATORS = /^(\|\||&&|[|;&(])$/;

/** Splits the text before the cursor into shell words, tracking quotes; the last word is the one being typed. */
function wordsBefore(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      started = true;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      started = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (started) words.push(current);
      current = '';
      started = false;
      continue;
    }
    if ('|;&('.includes(c)) {
      if (started) words.push(current);
      const two = text.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      words.push(op);
      i += op.length - 1;
      current = '';
      started = false;
      continue;
    }
    current += c;
    started = true;
  }
  words.push(current);
  return words;
}

const escapeWord = (s: string) => s.replace(/([ \t'"\\$`|&;()<>*?[\]!#])/g, '\\$1');

function commonPrefix(items: string[]): string {
  if (!items.length) return '';
  let prefix = items[0];
  for (const item of items.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < item.length && prefix[i] === item[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

function finish(word: string, matches: { value: string; display: string; final: boolean }[]): Completion {
  if (!matches.length) return { insert: '', candidates: [] };
  const unique = [...new Map(matches.map((m) => [m.value, m])).values()];
  if (unique.length === 1) {
    const only = unique[0];
    return { insert: only.value.slice(word.length) + (only.final ? ' ' : ''), candidates: [only.display] };
  }
  const common = commonPrefix(unique.map((m) => m.value));
  return { insert: common.length > word.length ? common.slice(word.length) : '', candidates: unique.map((m) => m.display).sort() };
}

function pathMatches(word: string, ctx: Context, dirsOnly: boolean) {
  const slash = word.lastIndexOf('/');
  const dirPart = slash === -1 ? '' : word.slice(0, slash + 1);
  const prefix = slash === -1 ? word : word.slice(slash + 1);
  const home = ctx.machine.identity().home;
  const expanded = dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart;
  const dir = lookup(ctx.machine.fs(), resolvePath(ctx.machine.shell().cwd, expanded || '.'));
  if (!dir.ok || dir.value.kind !== 'dir') return [];
  const children = dir.value.children;
  return childNames(dir.value)
    .filter((name) => name.startsWith(prefix) && (prefix.startsWith('.') || !name.startsWith('.')))
    .filter((name) => !dirsOnly || children[name].kind === 'dir')
    .map((name) => {
      const isDir = children[name].kind === 'dir';
      return { value: dirPart + escapeWord(name) + (isDir ? '/' : ''), display: name + (isDir ? '/' : ''), final: !isDir };
    });
}

function completerMatches(completer: Completer | undefined, word: string, ctx: Context) {
  if (completer === undefined) return [];
  if (completer === 'path' || completer === 'dir') return pathMatches(word, ctx, completer === 'dir');
  if (completer === 'command') return ctx.commands.names().filter((n) => n.startsWith(word)).map((n) => ({ value: n, display: n, final: true }));
  return completer.filter((v) => v.startsWith(word)).map((v) => ({ value: v, display: v, final: true }));
}

export function complete(line: string, cursor: number, ctx: Context): Completion {
  const all = wordsBefore(line.slice(0, Math.max(0, Math.min(cursor, line.length))));
  let start = 0;
  all.forEach((w, i) => {
    if (SEPARATORS.test(w) && i < all.length - 1) start = i + 1;
  });
  const words = all.slice(start);
  const word = words[words.length - 1];
  if (words.length === 1) {
    if (word.includes('/')) return finish(word, pathMatches(word, ctx, false));
    return finish(word, completerMatches('command', word, ctx));
  }
  const root = ctx.commands.get(words[0]);
  if (!root) return finish(word, pathMatches(word, ctx, false));

  const path: CommandSpec[] = [root];
  const positionals: string[] = [];
  let pendingFlag: Completer | undefined | null = null;
  for (const w of words.slice(1, -1)) {
    if (pendingFlag !== null) {
      pendingFlag = null;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      const flags = visibleFlags(path);
      const name = w.startsWith('--') ? w.slice(2) : w.slice(-1);
      const flag = w.startsWith('--') ? flags.find((f) => f.long === name) : flags.find((f) => f.short === name);
      if (flag && flag.type !== 'bool' && flag.type !== 'count' && !w.includes('=') && (w.startsWith('--') || w.length === 2 || w.endsWith(flag.short!))) {
        pendingFlag = flag.complete;
      }
      continue;
    }
    const sub = positionals.length === 0 ? findSubcommand(path[path.length - 1], w) : undefined;
    if (sub) path.push(sub);
    else positionals.push(w);
  }
  if (pendingFlag !== null) return finish(word, completerMatches(pendingFlag, word, ctx));

  const spec = path[path.length - 1];
  if (word.startsWith('-')) {
    const flags = visibleFlags(path).filter((f) => !f.hidden);
    const options = flags.flatMap((f) => {
      const takesValue = f.type !== 'bool' && f.type !== 'count';
      if (f.long) return [{ value: `--${f.long}${takesValue && spec.dialect.id === 'gnu' ? '=' : ''}`, display: `--${f.long}`, final: !(takesValue && spec.dialect.id === 'gnu') }];
      return [{ value: `-${f.short}`, display: `-${f.short}`, final: true }];
    });
    if (spec.dialect.id !== 'bash') options.push({ value: '--help', display: '--help', final: true });
    return finish(word, options.filter((o) => o.value.startsWith(word)));
  }
  const matches = [];
  if (spec.subcommands?.length && positionals.length === 0) {
    for (const sub of spec.subcommands) if (sub.name.startsWith(word)) matches.push({ value: sub.name, display: sub.name, final: true });
  }
  const args = spec.args ?? [];
  const arg = args[Math.min(positionals.length, args.length - 1)];
  const completer = arg ? arg.complete : spec.subcommands?.length ? undefined : 'path';
  matches.push(...completerMatches(completer, word, ctx));
  return finish(word, matches);
}
