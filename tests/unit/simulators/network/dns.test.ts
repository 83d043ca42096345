// The network's names, runtime-neutral: DNS questions answered by whichever provider runs a server
// at the address asked (a made-up cluster DNS here, as Kubernetes' will be), the LAN's resolver
// beyond them, pings' fates; and the resolver's reading of /etc/hosts and /etc/resolv.conf.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { composeNetwork, type AddressProvider } from '../../../../simulators/network/addresses';
import { addressOfReverse, isIpv4, reverseName, upstreamAnswer } from '../../../../simulators/network/dns';
import { candidateNames, fromHostsFile, parseResolvConf } from '../../../../simulators/network/resolver';
import type { World } from '../../../../simulators/world';

const world = (): World => createSession().snapshot();

/** A cluster's DNS at 10.96.0.10, from pods only: authoritative for its own zone, the rest sent upstream. */
const clusterDns: AddressProvider = {
  name: 'cluster',
  resolve: () => undefined,
  dns(_w, server, question, from) {
    if (server !== '10.96.0.10' || !from.startsWith('pod/')) return undefined;
    if (question.name === 'web.default.svc.cluster.local') {
      return { kind: 'answer', rcode: 'NOERROR', authoritative: true, records: question.type === 'A' ? [{ name: question.name, type: 'A', data: '10.96.12.34' }] : [] };
    }
    return question.name.endsWith('.cluster.local') ? { kind: 'answer', rcode: 'NXDOMAIN', authoritative: true, records: [] } : { kind: 'forward' };
  },
  echo: (_w, ip, from) => (from.startsWith('pod/') && ip === '10.96.0.10' ? 'reply' : undefined),
};

describe('DNS through the composed network', () => {
  const network = composeNetwork([clusterDns]);
  const w = world();

  it('lets the provider running the server answer, authoritatively if it says so', () => {
    expect(network.dns(w, '10.96.0.10', { name: 'web.default.svc.cluster.local', type: 'A' }, 'pod/default/client/c')).toEqual({
      kind: 'answer',
      rcode: 'NOERROR',
      authoritative: true,
      records: [{ name: 'web.default.svc.cluster.local', type: 'A', data: '10.96.12.34' }],
    });
    expect(network.dns(w, '10.96.0.10', { name: 'db.default.svc.cluster.local', type: 'A' }, 'pod/default/client/c')).toEqual({ kind: 'answer', rcode: 'NXDOMAIN', authoritative: true, records: [] });
  });

  it('sends what a server forwards to the LAN resolver, which knows only localhost', () => {
    expect(network.dns(w, '10.96.0.10', { name: 'localhost', type: 'AAAA' }, 'pod/default/client/c')).toEqual({ kind: 'answer', rcode: 'NOERROR', authoritative: false, records: [{ name: 'localhost', type: 'AAAA', data: '::1' }] });
    expect(network.dns(w, '10.96.0.10', { name: 'example.com', type: 'A' }, 'pod/default/client/c')).toEqual({ kind: 'answer', rcode: 'NXDOMAIN', authoritative: false, records: [] });
  });

  it('beyond the providers: the LAN resolver answers, a loopback refuses, anything else is silent', () => {
    expect(network.dns(w, '192.168.1.1', { name: 'localhost', type: 'A' }, 'laptop')).toEqual(upstreamAnswer({ name: 'localhost', type: 'A' }));
    expect(network.dns(w, '127.0.0.53', { name: 'localhost', type: 'A' }, 'laptop')).toEqual({ kind: 'answer', rcode: 'NOERROR', authoritative: false, records: [{ name: 'localhost', type: 'A', data: '127.0.0.1' }] });
    expect(network.dns(w, '127.0.0.53', { name: 'localhost', type: 'A' }, 'container/abc')).toEqual({ kind: 'refused' });
    expect(network.dns(w, '10.96.0.10', { name: 'web', type: 'A' }, 'laptop')).toEqual({ kind: 'silent' });
    expect(network.dns(w, '8.8.8.8', { name: 'web', type: 'A' }, 'laptop')).toEqual({ kind: 'silent' });
  });

  it('pings: the loopback and the LAN resolver reply, a provider knows its own, the rest is silence', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '0.0.0.0', '192.168.1.1', '8.8.8.8'].map((ip) => network.echo(w, ip, 'laptop'))).toEqual(['reply', 'reply', 'reply', 'reply', 'reply', 'silent']);
    expect(network.echo(w, '10.96.0.10', 'pod/default/client/c')).toBe('reply');
    expect(network.echo(w, '10.96.0.10', 'laptop')).toBe('silent');
  });

  it('the upstream answers localhost backwards too, and no other address', () => {
    expect(upstreamAnswer({ name: '1.0.0.127.in-addr.arpa', type: 'PTR' })).toEqual({ kind: 'answer', rcode: 'NOERROR', authoritative: false, records: [{ name: '1.0.0.127.in-addr.arpa', type: 'PTR', data: 'localhost' }] });
    expect(upstreamAnswer({ name: '2.0.17.172.in-addr.arpa', type: 'PTR' })).toEqual({ kind: 'answer', rcode: 'NXDOMAIN', authoritative: false, records: [] });
    expect(upstreamAnswer({ name: 'LocalHost', type: 'MX' })).toEqual({ kind: 'answer', rcode: 'NOERROR', authoritative: false, records: [] });
  });
});

describe('addresses and reverse names', () => {
  it('reads dotted IPv4 as inet_pton does', () => {
    expect(['172.18.0.2', '0.0.0.0', '255.255.255.255', '256.1.1.1', '1.2.3', '01.2.3.4', 'web'].map(isIpv4)).toEqual([true, true, true, false, false, false, false]);
  });

  it('turns an address into its in-addr.arpa name and back', () => {
    expect(reverseName('172.18.0.2')).toBe('2.0.18.172.in-addr.arpa');
    expect(addressOfReverse('2.0.18.172.in-addr.arpa')).toBe('172.18.0.2');
    expect(addressOfReverse('2.0.18.172.IN-ADDR.ARPA')).toBe('172.18.0.2');
    expect(addressOfReverse('web.in-addr.arpa')).toBeUndefined();
  });
});

describe("a program's resolver files", () => {
  it('/etc/hosts: any of a line\'s names, case aside, comments skipped, IPv4 first', () => {
    const hosts = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n# 10.0.0.9 old\n172.18.0.3\tBox  box.local # this container\n';
    expect(['localhost', 'ip6-localhost', 'box', 'box.local', 'old', 'nope'].map((n) => fromHostsFile(hosts, n))).toEqual(['127.0.0.1', '::1', '172.18.0.3', '172.18.0.3', undefined, undefined]);
  });

  it('/etc/resolv.conf: three nameservers at most, the last search line, ndots, 127.0.0.1 when none', () => {
    expect(parseResolvConf('nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\nsearch a b\nsearch svc.cluster.local cluster.local\noptions ndots:5 edns0\n')).toEqual({
      nameservers: ['1.1.1.1', '2.2.2.2', '3.3.3.3'],
      search: ['svc.cluster.local', 'cluster.local'],
      ndots: 5,
    });
    expect(parseResolvConf('# empty\nsearch .\n')).toEqual({ nameservers: ['127.0.0.1'], search: [], ndots: 1 });
    expect(parseResolvConf(undefined)).toEqual({ nameservers: ['127.0.0.1'], search: [], ndots: 1 });
  });

  it('tries the search domains first for names with fewer dots than ndots, last otherwise', () => {
    const conf = { search: ['default.svc.cluster.local', 'svc.cluster.local'], ndots: 5 };
    expect(candidateNames('web', conf)).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web']);
    expect(candidateNames('web', { ...conf, ndots: 0 })).toEqual(['web', 'web.default.svc.cluster.local', 'web.svc.cluster.local']);
    expect(candidateNames('web.', conf)).toEqual(['web']);
  });
});
