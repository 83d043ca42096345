// BusyBox's ping (networking/ping.c, 1.37.0), as alpine and busybox containers have it: its options
// read by getopt32 ("qvAc:+s:t:+w:+W:+I:np:i:46", exactly one HOST), its lines, and its statistics.
// The name is looked up by the container's own resolver (its /etc/hosts, then its DNS server).
import type { FlagSpec } from '../core/command/spec';
import type { CommandContext, Effect } from '../core/process';
import { busyboxBuild, busyboxGetopt, readNumber, usageText } from './busybox';
import { isIpv4 } from './dns';
import { runPing, type PingPlan, type PingStyle } from './ping-run';
import { lookupHost } from './resolver';

/** The applet's options, as data: getopt reads them, Tab offers them. */
export const PING_FLAGS: readonly FlagSpec[] = [
  { long: '', short: '4', type: 'bool', description: 'Force IP name resolution' },
  { long: '', short: '6', type: 'bool', description: 'Force IPv6 name resolution' },
  { long: '', short: 'c', type: 'string', valueName: 'CNT', description: 'Send only CNT pings' },
  { long: '', short: 's', type: 'string', valueName: 'SIZE', description: 'Send SIZE data bytes in packets (default 56)' },
  { long: '', short: 'i', type: 'string', valueName: 'SECS', description: 'Interval' },
  { long: '', short: 'A', type: 'bool', description: 'Ping as soon as reply is received' },
  { long: '', short: 't', type: 'string', valueName: 'TTL', description: 'Set TTL' },
  { long: '', short: 'I', type: 'string', valueName: 'IFACE/IP', description: 'Source interface or IP address' },
  { long: '', short: 'W', type: 'string', valueName: 'SEC', description: 'Seconds to wait for the first response (default 10)' },
  { long: '', short: 'w', type: 'string', valueName: 'SEC', description: 'Seconds until ping exits (default:infinite)' },
  { long: '', short: 'q', type: 'bool', description: 'Quiet, only display output at start/finish' },
  { long: '', short: 'p', type: 'string', valueName: 'HEXBYTE', description: 'Payload pattern' },
  { long: '', short: 'v', type: 'bool', description: 'Verbose' },
  { long: '', short: 'n', type: 'bool', description: 'Numeric output (ignored)' },
];

const INT_MAX = 2_147_483_647;
const three = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

export const BUSYBOX_STYLE: PingStyle = {
  header: (plan) => `PING ${plan.host} (${plan.ip}): ${plan.size} data bytes\n`,
  reply: (plan, seq, from, rtt) => `${plan.size + 8} bytes from ${from}: seq=${seq % 65536} ttl=64${rtt === undefined ? '' : ` time=${three(rtt)} ms`}\n`,
  footer(plan, tally, interrupted) {
    const loss = tally.transmitted ? Math.floor(((tally.transmitted - tally.received) * 100) / tally.transmitted) : 0;
    let text = `${interrupted ? '' : '\n'}--- ${plan.host} ping statistics ---\n${tally.transmitted} packets transmitted, ${tally.received} packets received, ${loss}% packet loss\n`;
    if (tally.rtts.length) {
      const sum = tally.rtts.reduce((a, b) => a + b, 0);
      text += `round-trip min/avg/max = ${three(Math.min(...tally.rtts))}/${three(Math.floor(sum / tally.rtts.length))}/${three(Math.max(...tally.rtts))} ms\n`;
    }
    return text;
  },
  exitCode: (plan, tally) => (tally.received === 0 || (plan.deadlineMs !== undefined && tally.received < plan.count) ? 1 : 0),
  // About two round trips once something came back (at least a second), else -W.
  lingerAfterLastMs: (plan, tally) => (tally.received ? Math.max(1, Math.floor(Math.max(...tally.rtts, 0) / (512 * 1024))) * 1000 : plan.lingerMs),
  deadline: 'at-next-send',
  lagUs: () => 0,
  noRoute: { message: 'ping: sendto: Network unreachable\n', beforeHeader: false, code: 1 },
};

/** parse_duration_str: whole or decimal seconds with an optional s, m, h or d; undefined when refused (usage). */
function readDuration(text: string): number | string | undefined {
  const scale: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  if (text.includes('.')) {
    const m = /^([0-9.]*)(.*)$/.exec(text)!;
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(m[1])) return undefined;
    // BusyBox reads the suffix with its last digit replaced by 1: `0.5x` is refused as '1x'.
    if (!(m[2] in scale)) return `invalid number '1${m[2]}'`;
    return Number(m[1]) * scale[m[2]];
  }
  const m = /^(\d+)([smhd]?)$/.exec(text);
  if (!m) return `invalid number '${text}'`;
  return readNumber(m[1], 0, 0xffffffff) as number * scale[m[2]];
}

/** The run BusyBox's options describe, or what it prints before giving up (and its exit code). */
function planFrom(ctx: CommandContext): { plan: Omit<PingPlan, 'ip'>; ipv6: boolean; source?: string } | { text: string; code: number } {
  const build = busyboxBuild(ctx);
  const usage = { text: usageText(build, 'ping'), code: 1 };
  const parsed = busyboxGetopt(ctx.argv[0] ?? 'ping', ctx.command.args, PING_FLAGS, build.libc);
  if (!parsed.ok) return { text: parsed.message + usage.text, code: 1 };
  const o = parsed.options;
  // Exactly one HOST, and -q and -v exclude each other ("=1:q--v:v--q").
  if (parsed.operands.length !== 1 || (o.has('q') && o.has('v'))) return usage;
  const number = (letter: string, lo: number, hi: number, base = 10): number | { text: string; code: number } => {
    const value = o.get(letter);
    if (typeof value !== 'string') return lo;
    const n = readNumber(value, lo, hi, base);
    return typeof n === 'string' ? { text: `ping: ${n}\n`, code: 1 } : n;
  };
  const count = number('c', 0, INT_MAX);
  const size = o.has('s') ? number('s', 0, 65535) : 56;
  const ttl = number('t', 0, INT_MAX);
  const deadline = number('w', 0, INT_MAX);
  const linger = o.has('W') ? number('W', 0, INT_MAX) : 10;
  for (const n of [count, size, ttl, deadline, linger]) if (typeof n !== 'number') return n;
  if (o.has('p')) {
    const pattern = number('p', 0, 255, 16);
    if (typeof pattern !== 'number') return pattern;
  }
  const interval = readDuration(typeof o.get('i') === 'string' ? (o.get('i') as string) : '1');
  if (interval === undefined) return usage;
  if (typeof interval === 'string') return { text: `ping: ${interval}\n`, code: 1 };
  const intervalSeconds = Math.min(interval, INT_MAX / 1_000_000);
  const source = typeof o.get('I') === 'string' ? (o.get('I') as string) : undefined;
  if (source !== undefined && !/^(eth\d+|lo)$/.test(source) && !isIpv4(source)) return { text: `ping: bad address '${source}'\n`, code: 1 };
  return {
    ipv6: o.has('6') && !o.has('4'),
    source: source && isIpv4(source) ? source : undefined,
    plan: {
      host: parsed.operands[0],
      count: count as number,
      intervalUs: Math.floor(intervalSeconds * 1_000_000),
      // -w 0 sets no deadline: BusyBox keeps 0 as "none".
      deadlineMs: deadline ? Math.min(deadline as number, INT_MAX / 1_000_000) * 1000 : undefined,
      lingerMs: (linger as number) * 1000,
      quiet: o.has('q'),
      size: size as number,
      timed: (size as number) >= 4,
      adaptive: o.has('A'),
    },
  };
}

export function* busyboxPing(ctx: CommandContext): Generator<Effect, number, string | null> {
  const build = busyboxBuild(ctx);
  // `ping --help` is BusyBox's own: the usage, on stderr, and success.
  if (ctx.command.args[0] === '--help') {
    ctx.err(usageText(build, 'ping'));
    return 0;
  }
  const read = planFrom(ctx);
  if ('text' in read) {
    ctx.err(read.text);
    return read.code;
  }
  const { host } = read.plan;
  const bad = () => {
    ctx.err(`ping: bad address '${host}'\n`);
    return 1;
  };
  // No IPv6 here: -6 finds no address for a name or an IPv4 literal.
  if (read.ipv6 && !host.includes(':')) return bad();
  const found = lookupHost(ctx, host);
  if (found.kind === 'unreachable') yield { type: 'wait', ms: found.waitMs };
  if (found.kind !== 'found') return bad();
  const plan: PingPlan = { ...read.plan, ip: found.address };
  const style: PingStyle = read.source ? { ...BUSYBOX_STYLE, header: (p) => `PING ${p.host} (${p.ip}) from ${read.source}: ${p.size} data bytes\n` } : BUSYBOX_STYLE;
  return yield* runPing(ctx, plan, style);
}
