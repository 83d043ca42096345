import type { CommandSpec, CommandTable } from '../core/command/spec';

/** A name -> spec table; later specs (docker, kubectl) join the same table. */
export function commandTable(specs: readonly CommandSpec[]): CommandTable {
  const byName = new Map<string, CommandSpec>();
  for (const spec of specs) {
    byName.set(spec.name, spec);
    for (const alias of spec.aliases ?? []) byName.set(alias, spec);
  }
  const names = [...byName.keys()].sort();
  return { get: (name) => byName.get(name), names: () => names };
}

/** bash builtins that coreutils also ships as programs (`which echo` finds /usr/bin/echo). */
const ALSO_PROGRAMS = new Set(['echo', 'printf', 'pwd', 'true', 'false', 'test', '[']);

/** Where a command lives on disk, as a PATH search finds it (/bin links to /usr/bin); none for bash-only builtins. */
export function programPaths(spec: CommandSpec | undefined): string[] {
  if (spec?.paths) return [...spec.paths];
  if (!spec || (spec.builtinOnly && !ALSO_PROGRAMS.has(spec.name))) return [];
  return [`/usr/bin/${spec.name}`, `/bin/${spec.name}`];
}
