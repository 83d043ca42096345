// A command is data: its name, flags, arguments and subcommands. Parsing, --help, Tab completion
// and unknown-flag errors are derived from this spec (see flags.ts, help.ts, shell/completion.ts),
// so a new flag is one line here and never a change to the parser. The shapes are in types.ts.
import type { CommandSpec, FlagSpec } from './types';

export type { ArgSpec, CommandSpec, CommandTable, Completer, CompleterFn, CompletionRequest, FlagSpec, FlagType, FlagValue, ParsedCommand } from './types';

/** The key a flag's value is stored under: its long name, else its shorthand. */
export const flagKey = (flag: FlagSpec) => flag.long || flag.short!;

export function findSubcommand(spec: CommandSpec, name: string): CommandSpec | undefined {
  return spec.subcommands?.find((s) => s.name === name || s.aliases?.includes(name));
}
