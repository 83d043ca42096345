// Builds docker command specs from the client's own reference (flags, usage, help texts), so a
// command file holds only what is ours: its arguments and its body.
import type { ArgSpec, CommandSpec, FlagSpec } from '../../core/command/spec';
import type { CommandBody } from '../../core/process';
import { dockerDialect } from './dialect';
import { DOCKER_REFERENCE } from './reference';

const REPEATABLE = new Set(['list', 'filter', 'map', 'stringArray', 'strings', 'ulimit', 'mount', 'network', 'gpu-request', 'pref', 'command', 'external-ca', 'weight-device', 'throttle-device', 'stringSlice']);
const INTEGER = new Set(['int', 'int64', 'uint16', 'uint64', 'uint']);

export function referenceFlags(key: string): FlagSpec[] {
  const reference = DOCKER_REFERENCE[key];
  if (!reference) throw new Error(`no docker reference for "${key}"`);
  return reference.flags.map((f) => {
    const type: FlagSpec['type'] = f.value === '' ? 'bool' : INTEGER.has(f.value) ? 'int' : REPEATABLE.has(f.value) ? 'stringArray' : 'string';
    const def = /\(default (-?\d+)\)\s*$/.exec(f.text);
    const flag: FlagSpec = { long: f.long, type, description: f.text, valueName: f.value || undefined };
    if (f.short) flag.short = f.short;
    if (type === 'int' && def) flag.default = Number(def[1]);
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
