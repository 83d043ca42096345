// Simulated time. The world carries its own clock so that the same commands always print the same
// dates and ages, whatever the wall clock says.
import type { Effect } from './process';

/** Monday 2025-03-03 09:00:00 UTC: a fixed, plausible start for every new world. */
export const EPOCH_MS = Date.UTC(2025, 2, 3, 9, 0, 0);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The way GNU `date` prints a time in the C locale: `Mon Mar  3 09:00:00 UTC 2025`. */
export function formatUnixDate(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${time} UTC ${d.getUTCFullYear()}`;
}

/** `ls -l` style timestamp: `Mar  3 09:00` (recent files show the time, as GNU ls does). */
export function formatLsTime(ms: number, now: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const sixMonths = 182 * 24 * 3600 * 1000;
  const tail = Math.abs(now - ms) < sixMonths
    ? `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
    : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The latest moment a world's clock may show: the end of year 9999, the last that GNU date, Go's
 * time formats (docker inspect) and JavaScript's Date all write with four digits. No duration a
 * learner gives can carry the clock past it.
 */
export const CLOCK_LIMIT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A wait of `ms` starting at `now`, in whole milliseconds, or undefined when it never ends as far
 * as a world can tell (infinite, not a number, or past CLOCK_LIMIT_MS): such a wait is waited a
 * second at a time until Ctrl-C, as `sleep infinity` is.
 */
export function finiteWait(now: number, ms: number): number | undefined {
  if (Number.isNaN(ms) || !(now + ms <= CLOCK_LIMIT_MS)) return undefined;
  return Math.max(0, Math.round(ms));
}

/** Waits without end, a second of simulated time at a time, until the line is interrupted. */
export function* waitForever(): Generator<Effect, never, string | null> {
  for (;;) yield { type: 'wait', ms: 1000, stream: true };
}
