// docker logs: what a container wrote, with --tail, --timestamps, --since/--until and --follow.
import { version } from '../../../core/store';
import { readLogs } from '../../engine/logs';
import { findContainer, isRunning } from '../../engine/container-table';
import type { LogLine } from '../../state';
import { daemonError } from '../output';
import { dockerCommand } from '../spec';

/** Docker's RFC 3339 with nanoseconds: 2025-03-03T09:00:00.123456789Z */
const stamp = (at: number) => new Date(at).toISOString().replace(/\.(\d{3})Z$/, (_, ms) => `.${ms}${String((at * 7919) % 1_000_000).padStart(6, '0')}Z`);

/** `42m`, `10s`, `2h`, or a timestamp; returns ms since the epoch. */
function parseTime(value: string, now: number): number | undefined {
  const rel = /^(\d+)(s|m|h)$/.exec(value);
  if (rel) return now - Number(rel[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[rel[2] as 's' | 'm' | 'h'];
  const abs = Date.parse(value);
  return Number.isNaN(abs) ? undefined : abs;
}

export const logs = dockerCommand('logs', {
  args: [{ name: 'CONTAINER' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const [ref] = ctx.command.args;
    yield { type: 'wait', ms: 30 };
    const container = findContainer(ctx.world().docker, ref);
    if (!container) return daemonError(ctx, `No such container: ${ref}`);
    const now = ctx.world().clock.now;
    const since = f.since ? parseTime(String(f.since), now) : undefined;
    const until = f.until ? parseTime(String(f.until), now) : undefined;
    if ((f.since && since === undefined) || (f.until && until === undefined)) {
      ctx.err(`invalid value for "${f.since && since === undefined ? 'since' : 'until'}": failed to parse value as time or duration: "${f.since && since === undefined ? f.since : f.until}"\n`);
      return 1;
    }
    const tail = String(f.tail ?? 'all');
    if (tail !== 'all' && !/^-?\d+$/.test(tail)) {
      ctx.err(`Error response from daemon: invalid value for "tail": strconv.Atoi: parsing "${tail}": invalid syntax\n`);
      return 1;
    }
    const show = (line: LogLine) => ctx[line.stream === 'stderr' ? 'err' : 'out'](`${f.timestamps ? `${stamp(line.at)} ` : ''}${line.text}\n`);
    const visible = (line: LogLine, at: number) => line.at <= at && (since === undefined || line.at >= since) && (until === undefined || line.at <= until);
    let lines = readLogs(ctx.world(), container, ctx.services).filter((l) => visible(l, now));
    if (tail !== 'all' && Number(tail) >= 0) lines = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
    lines.forEach(show);
    if (!f.follow) return 0;
    let seen = readLogs(ctx.world(), container, ctx.services).filter((l) => l.at <= now).length;
    for (;;) {
      const current = ctx.world().docker.containers[container.id];
      if (!current) return 0;
      const at = ctx.world().clock.now;
      const all = readLogs(ctx.world(), current, ctx.services);
      const fresh = all.slice(seen).filter((l) => l.at <= at);
      fresh.forEach(show);
      seen += fresh.length;
      if (!isRunning(current) && all.length === seen) return 0;
      // Sleep until the next line is due or the container changes (it exits, a request is logged).
      const next = all[seen];
      const table = ctx.world().docker.containers;
      const seenVersion = version(table);
      yield { type: 'wait', ms: next ? Math.max(0, next.at - at) : Infinity, stream: true, ready: () => ctx.world().docker.containers !== table || version(table) !== seenVersion };
    }
  },
});
