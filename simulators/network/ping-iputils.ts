// iputils' ping (20240117, Ubuntu 24.04's iputils-ping) as the learner runs it on the laptop, a
// user without CAP_NET_RAW: "PING host (ip) 56(84) bytes of data.", icmp_seq counted from 1, names
// put back on reply addresses (getnameinfo) unless the target was an address, and statistics with
// the run's time and mdev. The laptop resolves names as Ubuntu does: /etc/hosts, then
// systemd-resolved (which knows nothing of containers: only their addresses reach them from here).
import type { CommandContext, Effect } from '../core/process';
import { isIpv4, isIpv6, reverseName } from './dns';
import { NETWORK, composeNetwork } from './addresses';
import { runPing, type PingPlan, type PingStyle } from './ping-run';
import { lookupHost, readMachineFile } from './resolver';

const NOWHERE = composeNetwork([]);

/** getopt's option string of iputils ping (letters followed by `:` take a value). */
const OPTSTRING = 'h?4bRT:6F:N:aABc:CdDe:fHi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:';
const LONG_MAX = '9223372036854775807';
const INT_MAX = 2_147_483_647;

const USAGE =
  '\nUsage\n  ping [options] <destination>\n\nOptions:\n' +
  '  <destination>      DNS name or IP address\n  -a                 use audible ping\n  -A                 use adaptive ping\n' +
  '  -B                 sticky source address\n  -c <count>         stop after <count> replies\n' +
  '  -C                 call connect() syscall on socket creation\n  -D                 print timestamps\n' +
  '  -d                 use SO_DEBUG socket option\n' +
  '  -e <identifier>    define identifier for ping session, default is random for\n                     SOCK_RAW and kernel defined for SOCK_DGRAM\n                     Imply using SOCK_RAW (for IPv4 only for identifier 0)\n' +
  '  -f                 flood ping\n  -h                 print help and exit\n' +
  '  -H                 force reverse DNS name resolution (useful for numeric\n                     destinations or for -f), override -n\n' +
  '  -I <interface>     either interface name or address\n  -i <interval>      seconds between sending each packet\n' +
  '  -L                 suppress loopback of multicast packets\n  -l <preload>       send <preload> number of packages while waiting replies\n' +
  '  -m <mark>          tag the packets going out\n  -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want|probe>\n' +
  '  -n                 no reverse DNS name resolution, override -H\n  -O                 report outstanding replies\n' +
  '  -p <pattern>       contents of padding byte\n  -q                 quiet output\n  -Q <tclass>        use quality of service <tclass> bits\n' +
  '  -s <size>          use <size> as number of data bytes to be sent\n  -S <size>          use <size> as SO_SNDBUF socket option value\n' +
  '  -t <ttl>           define time to live\n  -U                 print user-to-user latency\n  -v                 verbose output\n' +
  '  -V                 print version and exit\n  -w <deadline>      reply wait <deadline> in seconds\n  -W <timeout>       time to wait for response\n' +
  '\nIPv4 options:\n  -4                 use IPv4\n  -b                 allow pinging broadcast\n  -R                 record route\n' +
  '  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n' +
  '\nIPv6 options:\n  -6                 use IPv6\n  -F <flowlabel>     define flow label, default is random\n' +
  '  -N <nodeinfo opt>  use IPv6 node info query, try <help> as argument\n\nFor more details see ping(8).\n';

const VERSION = 'ping from iputils 20240117\nlibcap: yes, IDN: yes, NLS: yes, error.h: yes, getrandom(): yes, __fpending(): yes\n';

/** Ubuntu's /etc/resolv.conf is systemd-resolved's stub; the laptop's files here do not spell it out. */
const LAPTOP_RESOLV_CONF = 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';

/** The time column: three decimals under a millisecond and up to 10, then fewer (gather_statistics). */
function replyTime(us: number): string {
  if (us >= 100_000 - 50) return `${Math.floor((us + 500) / 1000)}`;
  if (us >= 10_000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `0.${String(us).padStart(3, '0')}`;
}

const ms3 = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

/** C's %g for a percentage: six significant digits, no trailing zeros. */
const percent = (x: number) => String(Number(x.toPrecision(6)));

/**
 * finish(): the loss, the run's time and, with replies, min/avg/max/mdev as iputils rounds them; an
 * adaptive run (-A) adds the mean gap between requests and the smoothed round trip (ipg/ewma).
 */
function footer(plan: PingPlan, tally: Parameters<PingStyle['footer']>[1], interrupted: boolean, adaptive: boolean): string {
  let text = `${interrupted ? '' : '\n'}--- ${plan.host} ping statistics ---\n${tally.transmitted} packets transmitted, ${tally.received} received`;
  if (tally.transmitted) text += `, ${percent(((tally.transmitted - tally.received) * 100) / tally.transmitted)}% packet loss, time ${Math.floor((tally.lastUs + 500) / 1000)}ms`;
  text += '\n';
  if (tally.received && tally.rtts.length) {
    const total = tally.rtts.length;
    const sum = tally.rtts.reduce((a, b) => a + b, 0);
    const sum2 = tally.rtts.reduce((a, b) => a + b * b, 0);
    const variance = Math.trunc((sum2 - Math.floor((sum * sum) / total)) / total);
    text += `rtt min/avg/max/mdev = ${ms3(Math.min(...tally.rtts))}/${ms3(Math.floor(sum / total))}/${ms3(Math.max(...tally.rtts))}/${ms3(Math.floor(Math.sqrt(Math.max(0, variance))))} ms`;
  }
  if (adaptive && tally.received && tally.transmitted > 1) {
    // rts->rtt: eight times an exponentially weighted mean of the round trips.
    const ewma8 = tally.rtts.reduce((rtt, t) => (rtt ? rtt + t - Math.trunc(rtt / 8) : t * 8), 0);
    text += `${tally.rtts.length ? ', ' : ''}ipg/ewma ${ms3(Math.floor(tally.lastUs / (tally.transmitted - 1)))}/${ms3(Math.trunc(ewma8 / 8))} ms`;
  }
  return `${text}\n`;
}

function styleFor(ctx: CommandContext, numeric: boolean, v6: boolean, adaptive: boolean): PingStyle {
  const network = ctx.services.get(NETWORK) ?? NOWHERE;
  /** getnameinfo: /etc/hosts, then a PTR question to the laptop's resolver; the bare address when neither knows it. */
  // pr_addr looks an address up once and keeps the answer for the next replies.
  const names = new Map<string, string>();
  const named = (ip: string) => {
    if (numeric) return ip;
    const known = names.get(ip);
    if (known !== undefined) return known;
    const hosts = readMachineFile(ctx, '/etc/hosts') ?? '';
    ctx.budget.spendText(hosts.length);
    const line = hosts.split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).find(([address, name]) => address === ip && name);
    let name = line?.[1];
    if (!name && isIpv4(ip)) {
      const reply = network.dns(ctx.world(), '127.0.0.53', { name: reverseName(ip), type: 'PTR' }, ctx.machine.place);
      name = reply.kind === 'answer' ? reply.records.find((r) => r.type === 'PTR')?.data : undefined;
    }
    const shown = name && name !== ip ? `${name} (${ip})` : ip;
    names.set(ip, shown);
    return shown;
  };
  return {
    header: (plan) => (v6 ? `PING ${plan.host} (${plan.ip}) ${plan.size} data bytes\n` : `PING ${plan.host} (${plan.ip}) ${plan.size}(${plan.size + 28}) bytes of data.\n`),
    reply: (plan, seq, from, rtt) => `${plan.size + 8} bytes from ${named(from)}: icmp_seq=${(seq + 1) % 65536} ttl=64${rtt === undefined ? '' : ` time=${replyTime(rtt)} ms`}\n`,
    footer: (plan, tally, interrupted) => footer(plan, tally, interrupted, adaptive),
    exitCode: (plan, tally) => (tally.received === 0 || (plan.deadlineMs !== undefined && tally.received < plan.count) ? 1 : 0),
    // With -w the deadline ends it; else two round trips or an interval once something came back, or -W.
    lingerAfterLastMs: (plan, tally) => (plan.deadlineMs !== undefined ? 0 : tally.received ? Math.max(Math.ceil((2 * Math.max(...tally.rtts, 0)) / 1000), plan.intervalUs / 1000) : plan.lingerMs),
    deadline: 'exact',
    // Its loop wakes a little after each interval: the statistics' time runs a few ms past whole seconds.
    lagUs: (r, intervalUs) => 40 + Math.floor(r * Math.min(1500, intervalUs / 4)),
    // Its probe connect() finds no route before anything is printed.
    noRoute: { message: 'ping: connect: Network is unreachable\n', beforeHeader: true, code: 2 },
  };
}

type Refusal = { text: string; code: number };

/** strtol_or_err: the number, or iputils' complaint (exit 1). */
function integer(value: string, lo: number, hi: number | string): number | Refusal {
  if (!/^\s*[-+]?\d+$/.test(value)) return { text: `ping: invalid argument: '${value}'\n`, code: 1 };
  const n = Number(value);
  return n < lo || n > Number(hi) ? { text: `ping: invalid argument: '${value}': out of range: ${lo} <= value <= ${hi}\n`, code: 1 } : n;
}

/** ping_strtod: seconds as a decimal; garbage is only warned about (and reads as what strtod made of it). */
function seconds(value: string, what: string, warnings: string[]): number | Refusal {
  const m = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?/i.exec(value);
  const num = m ? Number(m[0]) : 0;
  if (!value) return { text: `ping: ${what}: ${value}\n`, code: 2 };
  if (!m || m[0].length !== value.length) warnings.push(`ping: option argument contains garbage: ${m ? value.slice(m[0].length) : value}\nping: this will become fatal error in the future\n`);
  if (!Number.isFinite(num)) return { text: `ping: ${what}: ${value}: Numerical result out of range\n`, code: 2 };
  if (num < 0 || num > INT_MAX / 1000) return { text: `ping: ${what}: ${value}\n`, code: 2 };
  return num;
}

/** getopt over iputils' option string: the options given, the operands, or the refusal and usage (exit 2). */
function getopt(args: readonly string[]): { options: Map<string, string | true>; operands: string[] } | Refusal {
  const options = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      operands.push(word);
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const letter = word[j];
      const at = letter === ':' ? -1 : OPTSTRING.indexOf(letter);
      if (at < 0 || word.startsWith('--')) return { text: `ping: invalid option -- '${letter}'\n${USAGE}`, code: 2 };
      if (OPTSTRING[at + 1] !== ':') {
        options.set(letter, true);
        continue;
      }
      const value = j + 1 < word.length ? word.slice(j + 1) : args[++i];
      if (value === undefined) return { text: `ping: option requires an argument -- '${letter}'\n${USAGE}`, code: 2 };
      options.set(letter, value);
      break;
    }
  }
  return { options, operands };
}

export function* iputilsPing(ctx: CommandContext): Generator<Effect, number, string | null> {
  const read = getopt(ctx.command.args);
  if ('text' in read) {
    ctx.err(read.text);
    return read.code;
  }
  const o = read.options;
  const fail = (r: Refusal) => {
    ctx.err(r.text);
    return r.code;
  };
  if (o.has('h') || o.has('?')) return fail({ text: USAGE, code: 2 });
  if (o.has('V')) {
    ctx.out(VERSION);
    return 0;
  }
  if (o.has('4') && o.has('6')) return fail({ text: 'ping: only one -4 or -6 option may be specified\n', code: 2 });
  const value = (letter: string) => (typeof o.get(letter) === 'string' ? (o.get(letter) as string) : undefined);
  const warnings: string[] = [];
  const count = value('c') === undefined ? 0 : integer(value('c')!, 1, LONG_MAX);
  const size = value('s') === undefined ? 56 : integer(value('s')!, 0, INT_MAX);
  const ttl = value('t') === undefined ? 64 : integer(value('t')!, 0, 255);
  const deadline = value('w') === undefined ? 0 : integer(value('w')!, 0, INT_MAX);
  const interval = value('i') === undefined ? 1 : seconds(value('i')!, 'bad timing interval', warnings);
  const linger = value('W') === undefined ? 10 : seconds(value('W')!, 'bad linger time', warnings);
  for (const n of [count, size, ttl, deadline, interval, linger]) if (typeof n !== 'number') return fail(n);
  ctx.err(warnings.join(''));
  const host = read.operands[read.operands.length - 1];
  if (host === undefined) return fail({ text: 'ping: usage error: Destination address required\n', code: 1 });
  const intervalMs = o.has('f') ? 0 : Math.floor((interval as number) * 1000);
  const root = ctx.machine.identity().user === 'root';
  const resolved = lookupHost(ctx, host, 'A', LAPTOP_RESOLV_CONF);
  if (resolved.kind === 'unreachable') yield { type: 'wait', ms: resolved.waitMs };
  if (resolved.kind !== 'found') return fail({ text: `ping: ${host}: ${resolved.kind === 'missing' ? 'Name or service not known' : 'Temporary failure in name resolution'}\n`, code: 2 });
  const v6 = isIpv6(resolved.address);
  if (o.has('6') && !v6) return fail({ text: `ping: ${host}: Address family for hostname not supported\n`, code: 2 });
  const plan: PingPlan = {
    host,
    ip: resolved.address,
    count: count as number,
    intervalUs: intervalMs * 1000,
    deadlineMs: deadline ? (deadline as number) * 1000 : undefined,
    lingerMs: Math.floor((linger as number) * 1000),
    quiet: o.has('q'),
    size: size as number,
    timed: (size as number) >= 16,
    // -A sends as soon as a reply is back, but never faster than every 2 ms for a user.
    adaptive: o.has('A') && root,
  };
  if (o.has('A') && !root) plan.intervalUs = 2000;
  // An address typed as such is printed as such; a name gets names on its replies, unless -n.
  const numeric = o.has('n') || isIpv4(host) || isIpv6(host);
  const style = styleFor(ctx, numeric, v6, o.has('A'));
  // A user (not root) may not send faster than every 2 ms: refused once the socket is set up, after the header.
  if (intervalMs < 2 && !root) {
    ctx.out(style.header(plan));
    return fail({ text: 'ping: cannot flood, minimal interval for user must be >= 2 ms, use -i 0.002 (or higher)\n', code: 2 });
  }
  return yield* runPing(ctx, plan, style);
}
