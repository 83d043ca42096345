// DNS as the network answers it: a question sent to a server's address from a place, and what comes
// back. Whoever runs a server at that address answers (Docker's embedded DNS at 127.0.0.11 inside
// containers on user-defined networks; a cluster's DNS next). Everything else goes to the LAN's
// resolver, the laptop's upstream: this world has no internet, so past the machine's own names that
// resolver knows only localhost, and says NXDOMAIN for the rest, as curl's "Could not resolve host"
// does for the same names.

/** The query types BusyBox's nslookup can ask (`-type=`); the servers here hold A and PTR records only. */
export type DnsType = 'SOA' | 'NS' | 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'SRV' | 'PTR' | 'ANY';

export interface DnsQuestion {
  /** The name asked, without a final dot (`web`, `2.0.18.172.in-addr.arpa`). */
  name: string;
  type: DnsType;
}

export interface DnsRecord {
  name: string;
  type: DnsType;
  /** An address for A and AAAA, a name for PTR (without its final dot). */
  data: string;
}

/** rcodes as BusyBox's nslookup names them. */
export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

export type DnsOutcome =
  /** A reply: no records with NOERROR is NODATA (the name exists, without that type). */
  | { kind: 'answer'; rcode: Rcode; authoritative: boolean; records: DnsRecord[] }
  /** The host is there but nothing listens on port 53: its ICMP port-unreachable. */
  | { kind: 'refused' }
  /** Nothing answers at all: the asker waits for its timeout. */
  | { kind: 'silent' }
  /** No route to the server (a container without a network): the question cannot even be sent. */
  | { kind: 'no-route' };

/** What a provider's server does with a question: answers it, or sends it on to the upstream resolver. */
export type ServerReply = Extract<DnsOutcome, { kind: 'answer' }> | { kind: 'forward' };

/**
 * The LAN's resolver: the laptop's Wi-Fi router, which systemd-resolved on the laptop uses and
 * Docker copies into containers on the default bridge (from /run/systemd/resolve/resolv.conf).
 */
export const LAN_RESOLVER = '192.168.1.1';

/** systemd-resolved's stub on the laptop, what its own /etc/resolv.conf names. */
export const LAPTOP_STUB = '127.0.0.53';

const LOCALHOST: Partial<Record<DnsType, string>> = { A: '127.0.0.1', AAAA: '::1' };

export const nxdomain = (): DnsOutcome => ({ kind: 'answer', rcode: 'NXDOMAIN', authoritative: false, records: [] });

/**
 * The upstream resolver's answer: localhost is the loopback (RFC 6761, as dnsmasq and
 * systemd-resolved answer it), 127.0.0.1 is localhost backwards; no other name exists.
 */
export function upstreamAnswer(question: DnsQuestion): DnsOutcome {
  const name = question.name.toLowerCase();
  if (name === 'localhost') {
    const data = LOCALHOST[question.type];
    return { kind: 'answer', rcode: 'NOERROR', authoritative: false, records: data ? [{ name: question.name, type: question.type, data }] : [] };
  }
  if (question.type === 'PTR' && name === '1.0.0.127.in-addr.arpa') {
    return { kind: 'answer', rcode: 'NOERROR', authoritative: false, records: [{ name: question.name, type: 'PTR', data: 'localhost' }] };
  }
  return nxdomain();
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Whether `text` is a dotted IPv4 address as inet_pton reads one (four parts, each 0-255). */
export function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return Boolean(m && m.slice(1).every((part) => Number(part) <= 255 && !/^0\d/.test(part)));
}

/** Whether `text` looks like an IPv6 address (hex groups and colons, an IPv4 tail allowed). */
export const isIpv6 = (text: string) => text.includes(':') && /^[0-9a-f:.]+$/i.test(text) && !text.includes(':::');

/** The name a reverse (PTR) question asks for an IPv4 address: 172.18.0.2 -> 2.0.18.172.in-addr.arpa. */
export const reverseName = (ip: string) => `${ip.split('.').reverse().join('.')}.in-addr.arpa`;

/** The IPv4 address a reverse name stands for, or undefined when it is not one. */
export function addressOfReverse(name: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/i.exec(name);
  if (!m) return undefined;
  const ip = [m[4], m[3], m[2], m[1]].join('.');
  return isIpv4(ip) ? ip : undefined;
}

/** Whether an address is the machine's own loopback (127.0.0.0/8, ::1): it always answers. */
export const isLoopback = (ip: string) => /^127\./.test(ip) || ip === '::1';
