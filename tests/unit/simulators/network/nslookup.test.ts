// BusyBox's nslookup inside alpine and busybox containers, checked against BusyBox 1.37.0's
// nslookup.c and the real applet (scripts/dev/compare-network.ts): docker's embedded DNS on
// user-defined networks, the LAN's resolver on the default bridge, and what happens when a server
// refuses or never answers (its time spent too).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';

/**
 * web (nginx) and box (alpine) and bb (busybox) on `app` (172.18.0.2, .3, .4); web also on `back`
 * as `api` (172.19.0.2), where box is too (172.19.0.3); solo (alpine) on the default bridge.
 */
function world() {
  const s = createSession();
  for (const line of [
    'docker pull -q alpine',
    'docker pull -q busybox',
    'docker pull -q nginx',
    'docker network create app',
    'docker run -d --name web --network app nginx',
    'docker run -d --name box --network app alpine sleep infinity',
    'docker run -d --name bb --network app busybox sleep infinity',
    'docker run -d --name solo alpine sleep infinity',
    'docker network create back',
    'docker network connect --alias api back web',
    'docker network connect back box',
  ]) {
    const r = s.run(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.output}`);
  }
  return s;
}

/** Runs `line`, with the simulated time it took. */
function timed(s: ReturnType<typeof createSession>, line: string) {
  const start = s.store.getState().clock.now;
  const r = s.run(line);
  return { ...r, ms: s.store.getState().clock.now - start };
}

const EMBEDDED = 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n';
/** A container's name: its A record, then the empty answer to the AAAA question (no IPv6 here). */
const found = (name: string, ip: string) => `${EMBEDDED}Non-authoritative answer:\nName:\t${name}\nAddress: ${ip}\n\nNon-authoritative answer:\n\n`;
const nxdomain = (server: string, name: string) => `Server:\t\t${server}\nAddress:\t${server}:53\n\n** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`;

describe('nslookup on a user-defined network (docker embedded DNS, 127.0.0.11)', () => {
  const s = world();

  it('answers a container name with its address, and an empty AAAA answer', () => {
    expect(s.run('docker exec box nslookup web')).toEqual({ output: found('web', '172.18.0.2'), exitCode: 0 });
    expect(s.run('docker exec bb nslookup box')).toEqual({ output: found('box', '172.18.0.3'), exitCode: 0 });
  });

  it('knows network aliases and name.network, on the networks the asker shares only', () => {
    expect(s.run('docker exec box nslookup api')).toEqual({ output: found('api', '172.19.0.2'), exitCode: 0 });
    expect(s.run('docker exec box nslookup web.back')).toEqual({ output: found('web.back', '172.19.0.2'), exitCode: 0 });
    expect(s.run('docker exec bb nslookup api')).toEqual({ output: nxdomain('127.0.0.11', 'api'), exitCode: 1 });
  });

  it('says NXDOMAIN for names nobody has, the internet included (this world is offline)', () => {
    expect(s.run('docker exec box nslookup nosuch')).toEqual({ output: nxdomain('127.0.0.11', 'nosuch'), exitCode: 1 });
    expect(s.run('docker exec box nslookup example.com')).toEqual({ output: nxdomain('127.0.0.11', 'example.com'), exitCode: 1 });
  });

  it('passes localhost on to the upstream resolver, which answers with the loopback', () => {
    expect(s.run('docker exec box nslookup localhost')).toEqual({
      output: `${EMBEDDED}Non-authoritative answer:\nName:\tlocalhost\nAddress: 127.0.0.1\n\nNon-authoritative answer:\nName:\tlocalhost\nAddress: ::1\n\n`,
      exitCode: 0,
    });
  });

  it('asks backwards for an address: name.network for a container, NXDOMAIN for the gateway', () => {
    expect(s.run('docker exec box nslookup 172.19.0.2')).toEqual({ output: `${EMBEDDED}Non-authoritative answer:\n2.0.19.172.in-addr.arpa\tname = web.back\n\n`, exitCode: 0 });
    expect(s.run('docker exec box nslookup 172.18.0.1')).toEqual({ output: `${EMBEDDED}** server can't find 1.0.18.172.in-addr.arpa: NXDOMAIN\n\n`, exitCode: 1 });
  });

  it('asks only the -type it is given, -debug says which reply is which', () => {
    expect(s.run('docker exec box nslookup -type=a web')).toEqual({ output: `${EMBEDDED}Non-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\n`, exitCode: 0 });
    expect(s.run('docker exec box nslookup -q=AAAA web')).toEqual({ output: `${EMBEDDED}Non-authoritative answer:\n\n`, exitCode: 0 });
    expect(s.run('docker exec box nslookup -debug web')).toEqual({
      output: `${EMBEDDED}Query #0 completed in 0ms:\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\nQuery #1 completed in 0ms:\nNon-authoritative answer:\n\n`,
      exitCode: 0,
    });
  });

  it('follows a stopped container: its name is gone from the embedded DNS', () => {
    const t = world();
    t.run('docker stop web');
    expect(t.run('docker exec box nslookup web')).toEqual({ output: nxdomain('127.0.0.11', 'web'), exitCode: 1 });
  });
});

describe('nslookup on the default bridge', () => {
  const s = world();

  it('asks the LAN resolver docker copied from the laptop, which knows no container', () => {
    expect(s.run('docker exec solo nslookup web')).toEqual({ output: nxdomain('192.168.1.1', 'web'), exitCode: 1 });
    expect(s.run('docker exec solo nslookup 172.17.0.2')).toEqual({ output: 'Server:\t\t192.168.1.1\nAddress:\t192.168.1.1:53\n\n** server can\'t find 2.0.17.172.in-addr.arpa: NXDOMAIN\n\n', exitCode: 1 });
  });

  it('reads the resolv.conf docker wrote for each network, and the one the learner edits', () => {
    expect(s.run('docker exec solo cat /etc/resolv.conf')).toEqual({
      output:
        "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 192.168.1.1\nsearch .\n\n# Based on host file: '/run/systemd/resolve/resolv.conf' (legacy)\n# Overrides: []\n",
      exitCode: 0,
    });
    expect(s.run('docker exec box cat /etc/resolv.conf')).toEqual({
      output:
        "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\nsearch .\noptions ndots:0\n\n# Based on host file: '/run/systemd/resolve/resolv.conf' (internal resolver)\n# ExtServers: [192.168.1.1]\n# Overrides: []\n# Option ndots from: internal\n",
      exitCode: 0,
    });
    const t = world();
    t.run("docker exec solo sh -c 'echo nameserver 127.0.0.11 > /etc/resolv.conf'");
    // No embedded server runs for a container on the default bridge: its own loopback refuses.
    expect(t.run('docker exec solo nslookup web')).toEqual({ output: "nslookup: write to '127.0.0.11': Connection refused\n;; connection timed out; no servers could be reached\n\n", exitCode: 1 });
  });

  it('with --network host asks the laptop\'s systemd-resolved stub; with none it cannot send', () => {
    expect(s.run('docker run --rm --network host alpine cat /etc/resolv.conf').output).toBe(
      "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.53\nsearch .\noptions edns0 trust-ad\n\n# Based on host file: '/etc/resolv.conf'\n# Overrides: []\n",
    );
    expect(s.run('docker run --rm --network host alpine nslookup -type=a localhost')).toEqual({
      output: 'Server:\t\t127.0.0.53\nAddress:\t127.0.0.53:53\n\nNon-authoritative answer:\nName:\tlocalhost\nAddress: 127.0.0.1\n\n',
      exitCode: 0,
    });
    expect(s.run('docker run --rm --network none alpine nslookup web')).toEqual({
      output: "nslookup: write to '192.168.1.1': Network unreachable\n;; connection timed out; no servers could be reached\n\n",
      exitCode: 1,
    });
  });
});

describe('nslookup against a server that does not answer', () => {
  const s = world();

  it('own loopback, two questions: the second write meets the refusal at once', () => {
    expect(timed(s, 'docker exec box nslookup web 127.0.0.1')).toEqual({ output: "nslookup: write to '127.0.0.1': Connection refused\n;; connection timed out; no servers could be reached\n\n", exitCode: 1, ms: 30 });
  });

  it('a host with nothing on port 53: a refusal read each round, until the 5 s timeout', () => {
    const refused = 'nslookup: read: Connection refused\nnslookup: read: Connection refused\n;; connection timed out; no servers could be reached\n\n';
    expect(timed(s, 'docker exec box nslookup web 172.18.0.2')).toEqual({ output: refused, exitCode: 1, ms: 5030 });
    expect(timed(s, 'docker exec box nslookup -type=a web 127.0.0.1')).toEqual({ output: refused, exitCode: 1, ms: 5030 });
    expect(timed(s, 'docker exec box nslookup -retry=1 -timeout=2 web 172.18.0.2')).toEqual({ output: 'nslookup: read: Connection refused\n;; connection timed out; no servers could be reached\n\n', exitCode: 1, ms: 2030 });
  });

  it('an address where nothing is: silence, then the timeout', () => {
    expect(timed(s, 'docker exec box nslookup web 172.18.0.99')).toEqual({ output: ';; connection timed out; no servers could be reached\n\n', exitCode: 1, ms: 5030 });
    expect(s.run('docker exec box nslookup -port=5353 web 127.0.0.11')).toEqual({ output: "nslookup: write to '127.0.0.11': Connection refused\n;; connection timed out; no servers could be reached\n\n", exitCode: 1 });
  });

  it('a server given by name is looked up first', () => {
    expect(s.run('docker exec box nslookup box web')).toEqual({
      output: 'nslookup: read: Connection refused\nnslookup: read: Connection refused\n;; connection timed out; no servers could be reached\n\n',
      exitCode: 1,
    });
    expect(s.run('docker exec box nslookup box nosuch')).toEqual({ output: "nslookup: bad address 'nosuch'\n", exitCode: 1 });
  });
});

describe("nslookup's own refusals", () => {
  const s = world();
  const ALPINE = 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.';
  const IMAGE = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.';
  const usage = (banner: string) => `${banner}\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n`;

  it('prints its usage, with the banner of the build it is, for no HOST or too many words', () => {
    expect(s.run('docker exec box nslookup')).toEqual({ output: usage(ALPINE), exitCode: 1 });
    expect(s.run('docker exec bb nslookup')).toEqual({ output: usage(IMAGE), exitCode: 1 });
    expect(s.run('docker exec box nslookup a b c')).toEqual({ output: usage(ALPINE), exitCode: 1 });
    expect(s.run('docker exec box nslookup -x web')).toEqual({ output: usage(ALPINE), exitCode: 1 });
    expect(s.run('docker exec box nslookup -ty web')).toEqual({ output: 'nslookup: invalid query type ""\n', exitCode: 1 });
  });

  it('--help is the usage too, with success', () => {
    expect(s.run('docker exec box nslookup --help')).toEqual({ output: usage(ALPINE), exitCode: 0 });
  });

  it('refuses a query type and numbers out of range in its own words', () => {
    expect(s.run('docker exec box nslookup -type=zz web')).toEqual({ output: 'nslookup: invalid query type "zz"\n', exitCode: 1 });
    expect(s.run('docker exec box nslookup -port=0 web')).toEqual({ output: 'nslookup: number 0 is not in 1..65535 range\n', exitCode: 1 });
    expect(s.run('docker exec box nslookup -port web')).toEqual({ output: "nslookup: invalid number ''\n", exitCode: 1 });
    // `-t` is -timeout's exact short name (so that it is not ambiguous with -type).
    expect(s.run('docker exec box nslookup -t web')).toEqual({ output: "nslookup: invalid number ''\n", exitCode: 1 });
    expect(s.run('docker exec box nslookup -timeout=99999999 web')).toEqual({ output: 'nslookup: number 99999999 is not in 1..2147483 range\n', exitCode: 1 });
  });

  it('reads options only before HOST: after it, a word is the server', () => {
    expect(s.run('docker exec box nslookup web -type=a')).toEqual({ output: "nslookup: bad address '-type=a'\n", exitCode: 1 });
  });

  it('is BusyBox\'s: Debian-based images do not have it', () => {
    expect(s.run('docker exec web nslookup box')).toEqual({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\n',
      exitCode: 127,
    });
  });
});
