// Builds docker command specs from the client's own reference (flags, usage, help texts), so a
// command file holds only what is ours: its arguments and its body.
import type { ArgSpec, CommandSpec, FlagSpec } from '../../core/command/spec';
import type { CommandBody } from '../../core/process';
import { dockerDialect } from './dialect';
import { DOCKER_REFERENCE } from './reference';

// docker's own option types (opts.ListOpts, FilterOpt, MapOpts...) repeat without splitting.
const REPEATABLE = new Set(['list', 'filter', 'map', 'stringArray', 'ulimit', 'mount', 'network', 'gpu-request', 'pref', 'command', 'external-ca', 'weight-device', 'throttle-device']);

/** How each value name in the client's help reads its value (pflag prints a StringSlice as `strings`). */
function kindOf(value: string): Pick<FlagSpec, 'type' | 'bits'> {
  switch (value) {
    case '':
      return { type: 'bool' };
    case 'int':
    case 'int64':
      return { type: 'int' };
    case 'int32':
      return { type: 'int', bits: 32 };
    case 'uint16':
      return { type: 'uint', bits: 16 };
    case 'uint':
    case 'uint64':
      return { type: 'uint' };
    case 'duration':
      return { type: 'duration' };
    case 'strings':
    case 'stringSlice':
      return { type: 'stringSlice' };
    default:
      return { type: REPEATABLE.has(value) ? 'stringArray' : 'string' };
  }
}

export function referenceFlags(key: string): FlagSpec[] {
  const reference = DOCKER_REFERENCE[key];
  if (!reference) throw new Error(`no docker reference for "${key}"`);
  return reference.flags.map((f) => {
    const flag: FlagSpec = { long: f.long, ...kindOf(f.value), description: f.text, valueName: f.value || undefined };
    const def = /\(default (-?\d+)\)\s*$/.exec(f.text);
    if (f.short) flag.short = f.short;
    if ((flag.type === 'int' || flag.type === 'uint') && def) flag.default = Number(def[1]);
    return flag;
  });
}

export interface DockerCommandOptions {
  args?: readonly ArgSpec[];
  run?: CommandBody;
  stopAtFirstArg?: boolean;
  subcommands?: readonly CommandSpec[];
  aliases?: readonly string[];
  section?: string;
  /** Completion hints for flag values, by long name. */
  complete?: Record<string, FlagSpec['complete']>;
}

/** A docker (sub)command whose flags and help come from the reference entry `key` ('run', 'network ls'). */
export function dockerCommand(key: string, options: DockerCommandOptions = {}): CommandSpec {
  const reference = DOCKER_REFERENCE[key];
  const name = key.split(' ').pop() || 'docker';
  const flags = reference ? referenceFlags(key).map((f) => (options.complete?.[f.long] ? { ...f, complete: options.complete[f.long] } : f)) : [];
  return {
    name,
    summary: reference?.description.split('\n')[0] ?? name,
    description: reference?.description,
    dialect: dockerDialect,
    flags,
    args: options.args ?? [],
    run: options.run,
    stopAtFirstArg: options.stopAtFirstArg,
    subcommands: options.subcommands,
    aliases: options.aliases,
    section: options.section,
  };
}
