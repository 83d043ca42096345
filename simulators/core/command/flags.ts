// One flag parser for every command, following pflag's and getopt's shared rules: `--name=value`,
// `--name value`, `-n value`, `-nvalue`, bundled shorthands (`-it`, `-la`), `--` ends the flags,
// and flags may follow arguments unless the spec stops at its first argument (docker run). A
// command's own flags hold only for it; persistent ones hold for everything below it too.
import type { FlagError } from './dialects';
import { findSubcommand, flagKey, type CommandSpec, type FlagSpec, type FlagValue, type ParsedCommand } from './spec';
import { defaultValue, readFlagValue, takesValue } from './values';

export type ParseResult =
  | { kind: 'ok'; command: ParsedCommand }
  | { kind: 'help'; path: CommandSpec[] }
  | { kind: 'error'; path: CommandSpec[]; error: FlagError };

function defaults(flags: readonly FlagSpec[]): Record<string, FlagValue> {
  const values: Record<string, FlagValue> = {};
  for (const f of flags) {
    const value = defaultValue(f);
    if (value !== undefined) values[flagKey(f)] = value;
  }
  return values;
}

function addUnseen(into: FlagSpec[], seen: Set<string>, flags: readonly FlagSpec[] | undefined) {
  for (const f of flags ?? []) {
    const key = flagKey(f);
    if (!seen.has(key)) {
      seen.add(key);
      into.push(f);
    }
  }
}

/** The flags a command declares itself, persistent ones included (cobra's LocalFlags). */
export function localFlags(path: readonly CommandSpec[]): FlagSpec[] {
  const spec = path[path.length - 1];
  const result: FlagSpec[] = [];
  const seen = new Set<string>();
  addUnseen(result, seen, spec.flags);
  addUnseen(result, seen, spec.persistentFlags);
  return result;
}

/** The persistent flags of the commands above, nearest first, less those the command redeclares (cobra's InheritedFlags). */
export function inheritedFlags(path: readonly CommandSpec[]): FlagSpec[] {
  const seen = new Set(localFlags(path).map(flagKey));
  const result: FlagSpec[] = [];
  for (let i = path.length - 2; i >= 0; i--) addUnseen(result, seen, path[i].persistentFlags);
  return result;
}

/** Every flag valid at the end of a command chain: its own, then those it inherits. */
export function visibleFlags(path: readonly CommandSpec[]): FlagSpec[] {
  return [...localFlags(path), ...inheritedFlags(path)];
}

export function parseCommand(root: CommandSpec, argv: readonly string[]): ParseResult {
  if (root.rawArgs) {
    if (argv.length === 1 && argv[0] === '--help' && !root.helpIsArg) return { kind: 'help', path: [root] };
    return { kind: 'ok', command: { path: [root], flags: {}, given: new Set(), args: [...argv], dashAt: -1 } };
  }
  const path: CommandSpec[] = [root];
  const dialect = root.dialect;
  let flags = visibleFlags(path);
  const values: Record<string, FlagValue> = defaults(flags);
  const given = new Set<string>();
  const args: string[] = [];
  let flagsDone = false;
  let help = false;
  let dashAt = -1;

  const set = (flag: FlagSpec, raw: string | undefined): FlagError | undefined => {
    const key = flagKey(flag);
    const read = readFlagValue(flag, raw, values[key], !given.has(key), Boolean(dialect.goValues));
    if (!read.ok) return { kind: 'bad-value', flag, value: raw ?? '', reason: read.error };
    given.add(key);
    values[key] = read.value;
  };

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (flagsDone || token === '-' || !token.startsWith('-')) {
      const sub = !flagsDone && args.length === 0 ? findSubcommand(path[path.length - 1], token) : undefined;
      if (sub) {
        path.push(sub);
        const added = visibleFlags(path).filter((f) => !flags.includes(f));
        Object.assign(values, defaults(added));
        flags = visibleFlags(path);
        continue;
      }
      args.push(token);
      if (path[path.length - 1].stopAtFirstArg) flagsDone = true;
      continue;
    }
    if (token === '--') {
      flagsDone = true;
      dashAt = args.length;
      continue;
    }
    const numeric = path[path.length - 1].numericShorthand;
    if (numeric && /^-\d+$/.test(token)) {
      const flag = flags.find((f) => f.long === numeric)!;
      const error = set(flag, token.slice(1));
      if (error) return { kind: 'error', path, error };
      continue;
    }
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      const inline = eq === -1 ? undefined : token.slice(eq + 1);
      if (name === 'help') {
        help = true;
        continue;
      }
      let flag = flags.find((f) => f.long === name);
      if (!flag && dialect.longPrefixes) {
        const matches = flags.filter((f) => f.long && f.long.startsWith(name));
        if (matches.length === 1) flag = matches[0];
        else if (matches.length > 1) return { kind: 'error', path, error: { kind: 'ambiguous-long', name, candidates: matches.map((f) => f.long) } };
        else if ('help'.startsWith(name)) {
          help = true;
          continue;
        }
      }
      if (!flag) return { kind: 'error', path, error: { kind: 'unknown-long', name } };
      if (!takesValue(flag)) {
        if (inline !== undefined && dialect.id === 'gnu') return { kind: 'error', path, error: { kind: 'unexpected-value', flag } };
        const error = set(flag, inline);
        if (error) return { kind: 'error', path, error };
        continue;
      }
      let value = inline ?? flag.implicit;
      if (value === undefined) {
        if (i + 1 >= argv.length) return { kind: 'error', path, error: { kind: 'missing-value', flag, asShort: false } };
        value = argv[++i];
      }
      const error = set(flag, value);
      if (error) return { kind: 'error', path, error };
      continue;
    }
    // A bundle of shorthands: -la, -it, -n5, -p8080:80; pflag also reads -n=5 and -a=false.
    for (let j = 1; j < token.length; j++) {
      const char = token[j];
      if (char === 'h' && dialect.dashHIsHelp && !flags.some((f) => f.short === 'h')) {
        help = true;
        continue;
      }
      // pflag names what is left of the bundle (`-az` is refused as "'z' in -z").
      const rest = token.slice(j);
      const flag = flags.find((f) => f.short === char);
      if (!flag) return { kind: 'error', path, error: { kind: 'unknown-short', char, token: `-${rest}` } };
      let value: string | undefined;
      if (dialect.shortEquals && rest.length > 2 && rest[1] === '=') value = rest.slice(2);
      else if (!takesValue(flag)) {
        const error = set(flag, undefined);
        if (error) return { kind: 'error', path, error };
        continue;
      } else value = rest.slice(1) || flag.implicit;
      if (value === undefined || value === '') {
        if (i + 1 >= argv.length) return { kind: 'error', path, error: { kind: 'missing-value', flag, asShort: true } };
        value = argv[++i];
      }
      const error = set(flag, value);
      if (error) return { kind: 'error', path, error };
      break;
    }
  }
  if (help) return { kind: 'help', path };
  return { kind: 'ok', command: { path, flags: values, given, args, dashAt } };
}
