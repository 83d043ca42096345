// One flag parser for every command, following pflag's and getopt's shared rules: `--name=value`,
// `--name value`, `-n value`, `-nvalue`, bundled shorthands (`-it`, `-la`), `--` ends the flags,
// and flags may follow arguments unless the spec stops at its first argument (docker run).
import type { FlagError } from './dialects';
import { findSubcommand, flagKey, type CommandSpec, type FlagSpec, type FlagValue, type ParsedCommand } from './spec';

export type ParseResult =
  | { kind: 'ok'; command: ParsedCommand }
  | { kind: 'help'; path: CommandSpec[] }
  | { kind: 'error'; path: CommandSpec[]; error: FlagError };

function defaults(flags: readonly FlagSpec[]): Record<string, FlagValue> {
  const values: Record<string, FlagValue> = {};
  for (const f of flags) {
    const key = flagKey(f);
    if (f.default !== undefined) values[key] = f.default;
    else if (f.type === 'bool') values[key] = false;
    else if (f.type === 'count') values[key] = 0;
    else if (f.type === 'stringArray') values[key] = [];
  }
  return values;
}

/** Flags visible at the end of a command chain: a parent's flags stay valid below it, as cobra's persistent flags do. */
export function visibleFlags(path: readonly CommandSpec[]): FlagSpec[] {
  const seen = new Set<string>();
  const result: FlagSpec[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    for (const f of path[i].flags ?? []) {
      const key = flagKey(f);
      if (!seen.has(key)) {
        seen.add(key);
        result.push(f);
      }
    }
  }
  return result;
}

export function parseCommand(root: CommandSpec, argv: readonly string[]): ParseResult {
  if (root.rawArgs) {
    if (argv.length === 1 && argv[0] === '--help' && !root.helpIsArg) return { kind: 'help', path: [root] };
    return { kind: 'ok', command: { path: [root], flags: {}, given: new Set(), args: [...argv] } };
  }
  const path: CommandSpec[] = [root];
  const dialect = root.dialect;
  let flags = visibleFlags(path);
  const values: Record<string, FlagValue> = defaults(flags);
  const given = new Set<string>();
  const args: string[] = [];
  let flagsDone = false;
  let help = false;

  const set = (flag: FlagSpec, raw: string | undefined): FlagError | undefined => {
    const key = flagKey(flag);
    given.add(key);
    switch (flag.type) {
      case 'bool':
        values[key] = raw === undefined ? true : !/^(false|0|f|F|FALSE|False)$/.test(raw);
        return;
      case 'count':
        values[key] = ((values[key] as number) ?? 0) + 1;
        return;
      case 'int': {
        if (!/^[-+]?\d+$/.test(raw ?? '')) return { kind: 'bad-int', flag, value: raw ?? '' };
        values[key] = Number(raw);
        return;
      }
      case 'stringArray':
        values[key] = [...(values[key] as string[]), raw ?? ''];
        return;
      case 'string':
        values[key] = raw ?? '';
    }
  };
  const takesValue = (f: FlagSpec) => f.type !== 'bool' && f.type !== 'count';

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
    // A bundle of shorthands: -la, -it, -n5, -p8080:80
    for (let j = 1; j < token.length; j++) {
      const char = token[j];
      if (char === 'h' && dialect.dashHIsHelp && !flags.some((f) => f.short === 'h')) {
        help = true;
        continue;
      }
      const flag = flags.find((f) => f.short === char);
      if (!flag) return { kind: 'error', path, error: { kind: 'unknown-short', char, token } };
      if (!takesValue(flag)) {
        const error = set(flag, undefined);
        if (error) return { kind: 'error', path, error };
        continue;
      }
      let value = token.slice(j + 1);
      if (value.startsWith('=') && dialect.shortEquals) value = value.slice(1);
      if (value === '' && flag.implicit !== undefined) value = flag.implicit;
      if (value === '') {
        if (i + 1 >= argv.length) return { kind: 'error', path, error: { kind: 'missing-value', flag, asShort: true } };
        value = argv[++i];
      }
      const error = set(flag, value);
      if (error) return { kind: 'error', path, error };
      break;
    }
  }
  if (help) return { kind: 'help', path };
  return { kind: 'ok', command: { path, flags: values, given, args } };
}
