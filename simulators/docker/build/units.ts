// Sizes as BuildKit prints them.

/** units.Bytes with %.2f, as BuildKit prints transfer sizes: `312B`, `1.02kB`, `28.23MB`. */
export function unitsBytes(n: number): string {
  if (n < 1000) return `${Math.max(0, Math.round(n))}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}
