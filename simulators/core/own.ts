// A record's own entry, never what every object inherits: the world's tables are keyed by names a
// learner types (a volume called `__proto__`, an image id `constructor`), and `table[name]` would
// hand back Object.prototype's members for those.
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
