// BusyBox's nslookup (networking/nslookup.c, 1.37.0 with its own resolver code), as alpine and
// busybox containers have it: it reads the container's /etc/resolv.conf, sends an A and an AAAA
// question (a PTR one for an address) to each nameserver in turn through the network, and prints
// each reply as it comes: the server once, then per reply "Non-authoritative answer:" (for a server
// that is not the zone's authority), its records, or "** server can't find NAME: NXDOMAIN", and a
// blank line. A server that never answers costs its timeout (5 s, resent every 2.5 s).
import type { CommandSpec } from '../core/command/spec';
import { gnu } from '../core/command/dialects';
import type { CommandContext, Effect } from '../core/process';
import { NETWORK, composeNetwork } from './addresses';
import { busyboxBuild, readNumber, usageText } from './busybox';
import { isIpv4, isIpv6, isLoopback, reverseName, type DnsOutcome, type DnsRecord, type DnsType } from './dns';
import { lookupHost, readMachineFile } from './resolver';

const NOWHERE = composeNetwork([]);

/** nslookup.c's qtypes[], in its order: `-type=` picks from them, and queries go in this order. */
const QTYPES: readonly DnsType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'];
/** Its options (`-type=`, `-querytype=`, `-port=`...); `t` is there so that `-t=` is not ambiguous. */
const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

/** index_in_substrings: an exact name, or a prefix of exactly one (`-q=a` is -querytype), else -1. */
function optionIndex(name: string): number {
  if (!name) return -1;
  const exact = OPTIONS.indexOf(name);
  if (exact >= 0) return exact;
  const matches = OPTIONS.flatMap((option, i) => (option.startsWith(name) ? [i] : []));
  return matches.length === 1 ? matches[0] : -1;
}
const INT_MAX = 2_147_483_647;

interface Settings {
  types: DnsType[];
  port: number;
  retry: number;
  timeoutS: number;
  debug: boolean;
  host: string;
  server?: string;
}

type Refusal = { text: string; code: number };

/** Options come first, each `-name[=value]`; then HOST and an optional server; anything else is usage. */
function readArgs(args: readonly string[], usage: Refusal): Settings | Refusal {
  const s: Settings = { types: [], port: 53, retry: 2, timeoutS: 5, debug: false, host: '' };
  let i = 0;
  for (;;) {
    const word = args[i];
    if (word === undefined) return usage;
    if (!word.startsWith('-')) break;
    i++;
    const eq = word.indexOf('=');
    const name = eq === -1 ? word.slice(1) : word.slice(1, eq);
    const value = eq === -1 ? '' : word.slice(eq + 1);
    const option = optionIndex(name);
    if (option < 0) return usage;
    const number = (lo: number, hi: number): number | Refusal => {
      const n = readNumber(value, lo, hi);
      return typeof n === 'string' ? { text: `nslookup: ${n}\n`, code: 1 } : n;
    };
    if (option <= 1) {
      const type = QTYPES.find((t) => t.toLowerCase() === value.toLowerCase());
      if (!type) return { text: `nslookup: invalid query type "${value}"\n`, code: 1 };
      if (!s.types.includes(type)) s.types.push(type);
    } else if (option === 4) s.debug = true;
    else {
      const n = option === 2 ? number(1, 65535) : option === 3 ? number(1, INT_MAX) : number(1, Math.floor(INT_MAX / 1000));
      if (typeof n !== 'number') return n;
      if (option === 2) s.port = n;
      else if (option === 3) s.retry = n;
      else s.timeoutS = n;
    }
  }
  if (args.length > i + 2) return usage;
  return { ...s, host: args[i], server: args[i + 1] };
}

/** /etc/resolv.conf as nslookup.c reads it: every nameserver line, and its search (or domain) line. */
function readResolvConf(text: string | undefined, hostname: string): { servers: string[]; search?: string } {
  const servers: string[] = [];
  let search: string | undefined;
  let haveSearch = false;
  for (const line of (text ?? '').split('\n')) {
    // strtok_r: the first word, then the rest of the line (its trailing blanks kept out here).
    const trimmed = line.replace(/^[ \t]+/, '');
    const end = trimmed.search(/[ \t]/);
    if (end < 0) continue;
    const key = trimmed.slice(0, end);
    const arg = trimmed.slice(end + 1).trimEnd();
    if (!arg) continue;
    if (key === 'domain' && !haveSearch) search = arg;
    else if (key === 'search') {
      haveSearch = true;
      search = arg;
    } else if (key === 'nameserver') servers.push(arg);
  }
  // No search line: the domain part of the hostname, if it has one.
  if (search === undefined && hostname.includes('.')) search = hostname.slice(hostname.indexOf('.') + 1);
  // "search ." (Docker writes it) means no search domains.
  return { servers, search: search === '.' ? undefined : search };
}

/** The questions for HOST: a PTR one for an address, else A and AAAA (or the -type ones), with search domains. */
function questions(settings: Settings, search: string | undefined): { name: string; type: DnsType }[] {
  const withSearch = (type: DnsType) =>
    type === 'PTR' || !search || settings.host.includes('.') ? [{ name: settings.host, type }] : search.split(/\s+/).filter(Boolean).map((domain) => ({ name: `${settings.host}.${domain}`, type }));
  if (settings.types.length) return QTYPES.filter((t) => settings.types.includes(t)).flatMap(withSearch);
  if (isIpv4(settings.host)) return [{ name: reverseName(settings.host), type: 'PTR' }];
  return [...withSearch('A'), ...withSearch('AAAA')];
}

/** One reply as parse_reply prints it, then the blank line that follows every reply. */
function replyText(question: { name: string }, outcome: Extract<DnsOutcome, { kind: 'answer' }>, debug: boolean, index: number): string {
  let text = debug ? `Query #${index} completed in 0ms:\n` : '';
  if (outcome.rcode !== 'NOERROR') return `${text}** server can't find ${question.name}: ${outcome.rcode}\n\n`;
  if (!outcome.authoritative) text += 'Non-authoritative answer:\n';
  else if (debug) text += 'authoritative answer:\n';
  const line = (r: DnsRecord) => (r.type === 'PTR' ? `${r.name}\tname = ${r.data}\n` : `Name:\t${r.name}\nAddress: ${r.data}\n`);
  return `${text}${outcome.records.map(line).join('')}\n`;
}

export const nslookup: CommandSpec = {
  name: 'nslookup',
  summary: 'query DNS about HOST',
  usage: '[-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]',
  description: 'Query DNS about HOST. Here: the container\'s DNS server (docker\'s embedded one on a user-defined network).',
  dialect: gnu,
  // BusyBox reads its own `-name=value` options (and prints its own usage, banner included).
  rawArgs: true,
  helpIsArg: true,
  args: [{ name: 'HOST' }, { name: 'DNS_SERVER', optional: true }],
  *run(ctx: CommandContext): Generator<Effect, number, string | null> {
    const usage = { text: usageText(busyboxBuild(ctx), 'nslookup'), code: 1 };
    if (ctx.command.args[0] === '--help') {
      ctx.err(usage.text);
      return 0;
    }
    const settings = readArgs(ctx.command.args, usage);
    if ('text' in settings) {
      ctx.err(settings.text);
      return settings.code;
    }
    const resolvConf = settings.server === undefined ? readMachineFile(ctx, '/etc/resolv.conf') : undefined;
    ctx.budget.spendText(resolvConf?.length ?? 0);
    const conf = settings.server === undefined ? readResolvConf(resolvConf, ctx.machine.identity().hostname) : { servers: [settings.server], search: undefined };
    if (!conf.servers.length) conf.servers.push('127.0.0.1');
    // Each server's address, found as any program finds one (a name is looked up first).
    const servers: { name: string; ip: string }[] = [];
    for (const name of conf.servers) {
      const found = lookupHost(ctx, name);
      if (found.kind === 'unreachable') yield { type: 'wait', ms: found.waitMs };
      if (found.kind !== 'found') {
        ctx.err(`nslookup: bad address '${name}'\n`);
        return 1;
      }
      servers.push({ name, ip: found.address });
    }
    const asked = questions(settings, conf.search);
    const network = ctx.services.get(NETWORK) ?? NOWHERE;
    const roundMs = Math.floor((settings.timeoutS * 1000) / settings.retry);
    for (const server of servers) {
      ctx.budget.spend(asked.length);
      // Only port 53 has a DNS server behind it; elsewhere the host answers as for any closed port.
      const outcomes = asked.map((q): DnsOutcome => {
        if (settings.port === 53) return network.dns(ctx.world(), server.ip, q, ctx.machine.place);
        const echo = network.echo(ctx.world(), server.ip, ctx.machine.place);
        return { kind: echo === 'reply' ? 'refused' : echo };
      });
      const first = outcomes[0];
      if (first.kind === 'no-route') {
        ctx.err(`nslookup: write to '${server.name}': Network unreachable\n`);
        continue;
      }
      if (first.kind === 'answer') {
        const address = isIpv6(server.ip) ? `[${server.ip}]:${settings.port}` : `${server.ip}:${settings.port}`;
        let text = `Server:\t\t${server.name}\nAddress:\t${address}\n\n`;
        let failed = false;
        outcomes.forEach((outcome, i) => {
          if (outcome.kind !== 'answer') return;
          if (outcome.rcode !== 'NOERROR') failed = true;
          text += replyText(asked[i], outcome, settings.debug, i);
        });
        ctx.out(text);
        return failed ? 1 : 0;
      }
      // A refusal on the machine's own loopback comes back before the second question is written.
      if (first.kind === 'refused' && isLoopback(server.ip) && asked.length > 1) {
        ctx.err(`nslookup: write to '${server.name}': Connection refused\n`);
        continue;
      }
      // Otherwise each round of questions waits its share of the timeout (a refusal is read once per round).
      const timeoutMs = settings.timeoutS * 1000;
      for (let waited = 0; waited < timeoutMs; ) {
        if (first.kind === 'refused') ctx.err('nslookup: read: Connection refused\n');
        const ms = Math.min(roundMs, timeoutMs - waited) || timeoutMs;
        yield { type: 'wait', ms };
        waited += ms;
      }
    }
    ctx.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  },
};
