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
