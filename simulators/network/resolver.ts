// A program's resolver (libc's getaddrinfo) on the machine it runs on: the machine's own
// /etc/hosts first, then DNS questions to the nameservers its /etc/resolv.conf names, asked through
// the network (addresses.ts), so whichever runtime runs the server answers: Docker's embedded DNS
// in a container on a user-defined network, the LAN's resolver on the default bridge. A learner who
// edits either file sees the change, as on a real machine.
import type { CommandContext } from '../core/process';
import { lookup } from '../shell/fs';
import { NETWORK, composeNetwork } from './addresses';
import { isIpv4, isIpv6, type DnsType } from './dns';

const NOWHERE = composeNetwork([]);

/** libc's own limit: past three nameservers the rest of resolv.conf's lines are ignored. */
const MAX_NAMESERVERS = 3;
/** musl's default `timeout:5`: how long a query that nobody answers keeps the program waiting. */
export const RESOLVER_TIMEOUT_MS = 5000;

export type NameLookup =
  | { kind: 'found'; address: string }
  /** The name does not exist (NXDOMAIN, or no address of that kind). */
  | { kind: 'missing' }
  /** No nameserver answered: the lookup fails after `waitMs` (EAI_AGAIN). */
  | { kind: 'unreachable'; waitMs: number };

type Ctx = Pick<CommandContext, 'services' | 'world' | 'machine' | 'budget'>;

/** A file of the machine the command runs on, or undefined when it is missing. */
export function readMachineFile(ctx: Pick<CommandContext, 'machine'>, path: string): string | undefined {
  const found = lookup(ctx.machine.fs(), path);
  return found.ok && found.value.kind === 'file' ? found.value.content : undefined;
}

/** The address /etc/hosts gives `name` (IPv4 first, as getaddrinfo sorts them when IPv6 is off). */
export function fromHostsFile(text: string, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const matches: string[] = [];
  for (const line of text.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address && names.some((n) => n.toLowerCase() === wanted)) matches.push(address);
  }
  return matches.find(isIpv4) ?? matches[0];
}

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

/** resolv.conf as libc reads it: the last search (or domain) line wins, options accumulate. */
export function parseResolvConf(text: string | undefined): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  for (const line of (text ?? '').split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0] && conf.nameservers.length < MAX_NAMESERVERS) conf.nameservers.push(rest[0]);
    else if ((key === 'search' || key === 'domain') && rest.length) conf.search = rest.filter((d) => d !== '.');
    else if (key === 'options') {
      for (const option of rest) {
        const m = /^ndots:(\d+)$/.exec(option);
        if (m) conf.ndots = Math.min(15, Number(m[1]));
      }
    }
  }
  // No nameserver line: libc asks a server on the machine itself.
  if (!conf.nameservers.length) conf.nameservers.push('127.0.0.1');
  return conf;
}

/** The names a lookup tries in order: fewer dots than ndots tries the search domains first. */
export function candidateNames(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const searched = conf.search.map((domain) => `${name}.${domain}`);
  const dots = name.split('.').length - 1;
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

/**
 * The address `name` has from the machine `ctx` runs on, as getaddrinfo finds it: a literal
 * address is itself, then /etc/hosts, then DNS (`type` A for an IPv4 address). `resolvConf`
 * stands in for a machine whose files do not spell out its /etc/resolv.conf (the laptop's).
 */
export function lookupHost(ctx: Ctx, name: string, type: DnsType = 'A', resolvConf?: string): NameLookup {
  if (isIpv4(name) || isIpv6(name)) return { kind: 'found', address: name };
  // Reading the files is work like any other: a learner may make them huge.
  const hostsFile = readMachineFile(ctx, '/etc/hosts') ?? '';
  const resolvFile = readMachineFile(ctx, '/etc/resolv.conf') ?? resolvConf;
  ctx.budget.spendText(hostsFile.length + (resolvFile?.length ?? 0));
  const hosts = fromHostsFile(hostsFile, name);
  if (hosts) return { kind: 'found', address: hosts };
  const conf = parseResolvConf(resolvFile);
  const network = ctx.services.get(NETWORK) ?? NOWHERE;
  let answered = false;
  for (const candidate of candidateNames(name, conf)) {
    for (const server of conf.nameservers) {
      ctx.budget.spend();
      const outcome = network.dns(ctx.world(), server, { name: candidate, type }, ctx.machine.place);
      if (outcome.kind !== 'answer') continue;
      answered = true;
      const record = outcome.records.find((r) => r.type === type);
      if (outcome.rcode === 'NOERROR' && record) return { kind: 'found', address: record.data };
      // One server's NXDOMAIN or empty answer is the answer: the others are not asked.
      break;
    }
  }
  return answered ? { kind: 'missing' } : { kind: 'unreachable', waitMs: RESOLVER_TIMEOUT_MS };
}
