// The units docker prints: sizes as go-units' HumanSize (decimal, three significant digits) and
// durations as go-units' HumanDuration ("About a minute", "2 weeks").

/**
 * go-units HumanSizeWithPrecision: decimal units. `docker images` uses 3 significant figures
 * (`192MB`, `7.83MB`), progress bars and `docker system df` use HumanSize's 4 (`10.49MB`).
 */
export function humanSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(precision))}${units[unit]}`;
}

/** `1.5kB / 2MB`-style binary sizes (stats): go-units BytesSize, `KiB`, `MiB`. */
export function bytesSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toPrecision(4))}${units[unit]}`;
}

/** go-units HumanDuration: the way `docker ps` says how long ago or for how long. */
export function humanDuration(ms: number): string {
  // Truncating seconds and minutes but rounding hours, exactly as go-units does.
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(Math.floor(ms / 3_600_000) / 24 / 365)} years`;
}

export const ago = (ms: number) => `${humanDuration(ms)} ago`;
