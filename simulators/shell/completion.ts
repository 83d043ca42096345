// Tab completion derived from the specs: command names first, then subcommands, flags and their
// values, paths from the machine's file system where an argument names a file, and names read
// from the world (containers, images) where a spec declares a completer function.
import { visibleFlags } from '../core/command/flags';
import { findSubcommand, flagKey, type CommandSpec, type CommandTable, type Completer, type CompletionRequest, type FlagSpec, type FlagValue } from '../core/command/spec';
import { readFlagValue, takesValue } from '../core/command/values';
import type { Machine } from './machine';
import { childNames, lookup, resolvePath } from './fs';

export interface Completion {
  /** The text to insert at the cursor (what all candidates share beyond what is typed). */
  insert: string;
  /** Every candidate, as bash lists them on a second Tab (basenames for paths). */
  candidates: string[];
}

interface Context {
  commands: CommandTable;
  machine: Machine;
  /** The world, for completers that name what is in it (containers, images, later pods). */
  world?: () => unknown;
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

type Match = { value: string; display: string; final: boolean };

function completerMatches(completer: Completer | undefined, word: string, ctx: Context, request: () => CompletionRequest): Match[] {
  if (completer === undefined) return [];
  if (completer === 'path' || completer === 'dir') return pathMatches(word, ctx, completer === 'dir');
  if (completer === 'command') {
    // The shell's functions are commands too (bash completes them with the rest).
    const functions = Object.keys(ctx.machine.shell().functions ?? {}).filter((n) => !ctx.commands.get(n));
    return [...ctx.commands.names(), ...functions].filter((n) => n.startsWith(word)).map((n) => ({ value: n, display: n, final: true }));
  }
  if (typeof completer === 'function') {
    // Without a world (a shell that has none to offer) a world completer has nothing to name.
    if (!ctx.world) return [];
    return completer(request())
      .filter((v) => v.startsWith(word))
      .map((v) => ({ value: escapeWord(v), display: v, final: true }));
  }
  return completer.filter((v) => v.startsWith(word)).map((v) => ({ value: v, display: v, final: true }));
}

/** What the words before the cursor say: the command chain, its arguments and flags, and a flag awaiting its value. */
interface LineState {
  path: CommandSpec[];
  positionals: string[];
  flags: Record<string, FlagValue>;
  /** A flag that takes its value from the word being completed. */
  pending: FlagSpec | null;
  /** Past `--`, or past the first argument of a command that stops there (docker run): words are arguments. */
  flagsDone: boolean;
}

function readLine(root: CommandSpec, words: readonly string[]): LineState {
  const state: LineState = { path: [root], positionals: [], flags: {}, pending: null, flagsDone: false };
  const goValues = Boolean(root.dialect.goValues);
  const set = (flag: FlagSpec, raw: string | undefined) => {
    const key = flagKey(flag);
    const read = readFlagValue(flag, raw, state.flags[key], !(key in state.flags), goValues);
    if (read.ok) state.flags[key] = read.value;
  };
  for (const w of words) {
    if (state.pending) {
      set(state.pending, w);
      state.pending = null;
      continue;
    }
    const spec = state.path[state.path.length - 1];
    if (!state.flagsDone && w === '--') {
      state.flagsDone = true;
      continue;
    }
    if (!state.flagsDone && w.startsWith('-') && w.length > 1) {
      const flags = visibleFlags(state.path);
      if (w.startsWith('--')) {
        const eq = w.indexOf('=');
        const flag = flags.find((f) => f.long === (eq === -1 ? w.slice(2) : w.slice(2, eq)));
        if (!flag) continue;
        if (eq !== -1) set(flag, w.slice(eq + 1));
        else if (!takesValue(flag) || flag.implicit !== undefined) set(flag, flag.implicit);
        else state.pending = flag;
        continue;
      }
      for (let j = 1; j < w.length; j++) {
        const flag = flags.find((f) => f.short === w[j]);
        if (!flag) break;
        if (!takesValue(flag)) {
          set(flag, undefined);
          continue;
        }
        let rest = w.slice(j + 1);
        if (rest.startsWith('=') && root.dialect.shortEquals) rest = rest.slice(1);
        if (rest !== '' || flag.implicit !== undefined) set(flag, rest || flag.implicit);
        else state.pending = flag;
        break;
      }
      continue;
    }
    const sub = !state.flagsDone && state.positionals.length === 0 ? findSubcommand(spec, w) : undefined;
    if (sub) state.path.push(sub);
    else {
      state.positionals.push(w);
      if (spec.stopAtFirstArg) state.flagsDone = true;
    }
  }
  return state;
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
    return finish(word, completerMatches('command', word, ctx, () => ({ world: () => undefined, args: [], flags: {} })));
  }
  const root = ctx.commands.get(words[0]);
  if (!root) return finish(word, pathMatches(word, ctx, false));

  const state = readLine(root, words.slice(1, -1));
  const request = (): CompletionRequest => ({ world: ctx.world!, args: state.positionals, flags: state.flags });
  if (state.pending) return finish(word, completerMatches(state.pending.complete, word, ctx, request));

  const path = state.path;
  const spec = path[path.length - 1];
  if (word.startsWith('-') && !state.flagsDone) {
    const flags = visibleFlags(path).filter((f) => !f.hidden);
    const eq = word.indexOf('=');
    if (word.startsWith('--') && eq !== -1) {
      // `--network=br`: the value after the `=`, with the flag kept in front of it.
      const flag = flags.find((f) => f.long === word.slice(2, eq));
      const head = word.slice(0, eq + 1);
      const values = completerMatches(flag && takesValue(flag) ? flag.complete : undefined, word.slice(eq + 1), ctx, request);
      return finish(word, values.map((m) => ({ ...m, value: head + m.value })));
    }
    const gnu = spec.dialect.id === 'gnu';
    // bash-completion offers GNU tools' long options; cobra offers pflag's shorthands as well.
    const shorthands = Boolean(spec.dialect.goValues);
    const options = flags.flatMap((f) => {
      const short = { value: `-${f.short}`, display: `-${f.short}`, final: true };
      if (!f.long) return [short];
      const long = { value: `--${f.long}${takesValue(f) && gnu ? '=' : ''}`, display: `--${f.long}`, final: !(takesValue(f) && gnu) };
      return f.short && shorthands ? [long, short] : [long];
    });
    if (spec.dialect.id !== 'bash') options.push({ value: '--help', display: '--help', final: true });
    if (shorthands && !flags.some((f) => f.short === 'h')) options.push({ value: '-h', display: '-h', final: true });
    return finish(word, options.filter((o) => o.value.startsWith(word)));
  }
  const matches: Match[] = [];
  if (spec.subcommands?.length && state.positionals.length === 0 && !state.flagsDone) {
    for (const sub of spec.subcommands) if (!sub.hidden && sub.name.startsWith(word)) matches.push({ value: sub.name, display: sub.name, final: true });
  }
  const args = spec.args ?? [];
  // Past the declared arguments the last one's completer goes on, as cobra's ValidArgsFunction
  // is asked for every position; a completer that stops after N arguments says so itself.
  const arg = args[Math.min(state.positionals.length, args.length - 1)];
  const completer = arg ? arg.complete : spec.subcommands?.length ? undefined : 'path';
  matches.push(...completerMatches(completer, word, ctx, request));
  return finish(word, matches);
}
