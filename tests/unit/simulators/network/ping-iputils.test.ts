// ping on the laptop: iputils 20240117 as Ubuntu 24.04 ships it, run by a user (not root), checked
// against its sources (ping.c, ping_common.c) and the real iputils (scripts/dev/compare-network.ts).
// From the laptop, containers answer on their bridge addresses only: their names are docker's, not
// the laptop's.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { openScreen } from '../../helpers/screen';

/** The laptop with web (nginx) on the default bridge, 172.17.0.2; randomness reset after the set-up. */
function laptop() {
  const s = createSession();
  for (const line of ['docker pull -q nginx', 'docker run -d --name web nginx']) {
    const r = s.run(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.output}`);
  }
  s.restore({ ...s.snapshot(), rng: { state: 7 } });
  return s;
}

function timed(s: ReturnType<typeof createSession>, line: string, options?: { maxSimMs: number }) {
  const start = s.store.getState().clock.now;
  const r = s.run(line, options);
  return { ...r, ms: s.store.getState().clock.now - start };
}

/** iputils 20240117's usage(), as ping_common.c prints it. */
const USAGE = [
  '',
  'Usage',
  '  ping [options] <destination>',
  '',
  'Options:',
  '  <destination>      DNS name or IP address',
  '  -a                 use audible ping',
  '  -A                 use adaptive ping',
  '  -B                 sticky source address',
  '  -c <count>         stop after <count> replies',
  '  -C                 call connect() syscall on socket creation',
  '  -D                 print timestamps',
  '  -d                 use SO_DEBUG socket option',
  '  -e <identifier>    define identifier for ping session, default is random for',
  '                     SOCK_RAW and kernel defined for SOCK_DGRAM',
  '                     Imply using SOCK_RAW (for IPv4 only for identifier 0)',
  '  -f                 flood ping',
  '  -h                 print help and exit',
  '  -H                 force reverse DNS name resolution (useful for numeric',
  '                     destinations or for -f), override -n',
  '  -I <interface>     either interface name or address',
  '  -i <interval>      seconds between sending each packet',
  '  -L                 suppress loopback of multicast packets',
  '  -l <preload>       send <preload> number of packages while waiting replies',
  '  -m <mark>          tag the packets going out',
  '  -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want|probe>',
  '  -n                 no reverse DNS name resolution, override -H',
  '  -O                 report outstanding replies',
  '  -p <pattern>       contents of padding byte',
  '  -q                 quiet output',
  '  -Q <tclass>        use quality of service <tclass> bits',
  '  -s <size>          use <size> as number of data bytes to be sent',
  '  -S <size>          use <size> as SO_SNDBUF socket option value',
  '  -t <ttl>           define time to live',
  '  -U                 print user-to-user latency',
  '  -v                 verbose output',
  '  -V                 print version and exit',
  '  -w <deadline>      reply wait <deadline> in seconds',
  '  -W <timeout>       time to wait for response',
  '',
  'IPv4 options:',
  '  -4                 use IPv4',
  '  -b                 allow pinging broadcast',
  '  -R                 record route',
  '  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>',
  '',
  'IPv6 options:',
  '  -6                 use IPv6',
  '  -F <flowlabel>     define flow label, default is random',
  '  -N <nodeinfo opt>  use IPv6 node info query, try <help> as argument',
  '',
  'For more details see ping(8).',
  '',
].join('\n');

const header = (host: string, ip: string, size = 56) => `PING ${host} (${ip}) ${size}(${size + 28}) bytes of data.\n`;

describe('ping on the laptop', () => {
  it('reaches a container by its bridge address: icmp_seq from 1, the time and mdev in the statistics', () => {
    expect(timed(laptop(), 'ping -c 3 172.17.0.2')).toEqual({
      output:
        header('172.17.0.2', '172.17.0.2') +
        '64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time=0.140 ms\n64 bytes from 172.17.0.2: icmp_seq=2 ttl=64 time=0.116 ms\n64 bytes from 172.17.0.2: icmp_seq=3 ttl=64 time=0.084 ms\n' +
        '\n--- 172.17.0.2 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2001ms\nrtt min/avg/max/mdev = 0.084/0.113/0.140/0.022 ms\n',
      exitCode: 0,
      ms: 2001,
    });
  });

  it('names the replies of a name from /etc/hosts, unless -n', () => {
    expect(laptop().run('ping -c 2 localhost')).toEqual({
      output:
        header('localhost', '127.0.0.1') +
        '64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=0.072 ms\n64 bytes from localhost (127.0.0.1): icmp_seq=2 ttl=64 time=0.073 ms\n' +
        '\n--- localhost ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms\nrtt min/avg/max/mdev = 0.072/0.072/0.073/0.000 ms\n',
      exitCode: 0,
    });
    expect(laptop().run('ping -c 1 laptop')).toEqual({
      output: `${header('laptop', '127.0.1.1')}64 bytes from laptop (127.0.1.1): icmp_seq=1 ttl=64 time=0.072 ms\n\n--- laptop ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.072/0.072/0.072/0.000 ms\n`,
      exitCode: 0,
    });
    expect(laptop().run('ping -c 1 -n localhost')).toEqual({
      output: `${header('localhost', '127.0.0.1')}64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.072 ms\n\n--- localhost ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.072/0.072/0.072/0.000 ms\n`,
      exitCode: 0,
    });
  });

  it('-q, -i, -w and a size too small for the timestamp', () => {
    expect(laptop().run('ping -c 2 -q 172.17.0.1')).toEqual({
      output: `${header('172.17.0.1', '172.17.0.1')}\n--- 172.17.0.1 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms\nrtt min/avg/max/mdev = 0.116/0.128/0.140/0.012 ms\n`,
      exitCode: 0,
    });
    expect(timed(laptop(), 'ping -c 3 -i 0.2 127.0.0.1')).toEqual({
      output:
        header('127.0.0.1', '127.0.0.1') +
        '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.072 ms\n64 bytes from 127.0.0.1: icmp_seq=2 ttl=64 time=0.073 ms\n64 bytes from 127.0.0.1: icmp_seq=3 ttl=64 time=0.053 ms\n' +
        '\n--- 127.0.0.1 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 401ms\nrtt min/avg/max/mdev = 0.053/0.066/0.073/0.009 ms\n',
      exitCode: 0,
      ms: 401,
    });
    expect(timed(laptop(), 'ping -w 2 127.0.0.1')).toEqual({
      output:
        header('127.0.0.1', '127.0.0.1') +
        '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.072 ms\n64 bytes from 127.0.0.1: icmp_seq=2 ttl=64 time=0.073 ms\n' +
        '\n--- 127.0.0.1 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms\nrtt min/avg/max/mdev = 0.072/0.072/0.073/0.000 ms\n',
      exitCode: 0,
      ms: 2000,
    });
    expect(laptop().run('ping -c 1 -s 8 127.0.0.1')).toEqual({
      output: `${header('127.0.0.1', '127.0.0.1', 8)}16 bytes from 127.0.0.1: icmp_seq=1 ttl=64\n\n--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n\n`,
      exitCode: 0,
    });
  });

  it('-A goes as fast as a user may (every 2 ms), and reports ipg/ewma', () => {
    expect(laptop().run('ping -c 3 -A 127.0.0.1')).toEqual({
      output:
        header('127.0.0.1', '127.0.0.1') +
        '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.072 ms\n64 bytes from 127.0.0.1: icmp_seq=2 ttl=64 time=0.073 ms\n64 bytes from 127.0.0.1: icmp_seq=3 ttl=64 time=0.053 ms\n' +
        '\n--- 127.0.0.1 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 5ms\nrtt min/avg/max/mdev = 0.053/0.066/0.073/0.009 ms, ipg/ewma 2.256/0.069 ms\n',
      exitCode: 0,
    });
  });
});

describe('ping on the laptop, without replies', () => {
  it('a paused container: -W after the last request, a blank line where the rtt line would be, status 1', () => {
    const s = laptop();
    s.run('docker pause web');
    expect(timed(s, 'ping -c 2 -W 1 172.17.0.2')).toEqual({
      output: `${header('172.17.0.2', '172.17.0.2')}\n--- 172.17.0.2 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1000ms\n\n`,
      exitCode: 1,
      ms: 2000,
    });
  });

  it('the internet is not there: silence, for the default 10 s', () => {
    expect(timed(laptop(), 'ping -c 1 8.8.8.8')).toEqual({
      output: `${header('8.8.8.8', '8.8.8.8')}\n--- 8.8.8.8 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n`,
      exitCode: 1,
      ms: 10000,
    });
  });

  it('a container name means nothing to the laptop', () => {
    expect(laptop().run('ping web')).toEqual({ output: 'ping: web: Name or service not known\n', exitCode: 2 });
    expect(laptop().run('ping example.com')).toEqual({ output: 'ping: example.com: Name or service not known\n', exitCode: 2 });
  });
});

describe('ping on the laptop until Ctrl-C', () => {
  it('prints the statistics and lets the line go on', () => {
    expect(timed(laptop(), 'ping 172.17.0.2; echo "ping said $?"', { maxSimMs: 2500 })).toEqual({
      output:
        header('172.17.0.2', '172.17.0.2') +
        '64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time=0.140 ms\n64 bytes from 172.17.0.2: icmp_seq=2 ttl=64 time=0.116 ms\n64 bytes from 172.17.0.2: icmp_seq=3 ttl=64 time=0.084 ms\n' +
        '^C\n--- 172.17.0.2 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2001ms\nrtt min/avg/max/mdev = 0.084/0.113/0.140/0.022 ms\nping said 0\n',
      exitCode: 0,
      ms: 2500,
    });
  });

  it('on a real screen: the lines come with the clock, Ctrl-C ends them with the statistics and the prompt', async () => {
    const screen = await openScreen();
    screen.session.run('docker pull -q nginx');
    screen.session.run('docker run -d --name web nginx');
    screen.session.restore({ ...screen.session.snapshot(), rng: { state: 7 } });
    await screen.keys('ping 172.17.0.2\r');
    screen.timers.tick(800);
    expect((await screen.lines()).slice(-3)).toEqual([
      'learner@laptop:~$ ping 172.17.0.2',
      'PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.',
      '64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time=0.140 ms',
    ]);
    screen.timers.tick(1000);
    expect((await screen.lines()).slice(-1)).toEqual(['64 bytes from 172.17.0.2: icmp_seq=2 ttl=64 time=0.116 ms']);
    await screen.keys('\x03');
    expect((await screen.lines()).slice(-5)).toEqual([
      '^C',
      '--- 172.17.0.2 ping statistics ---',
      '2 packets transmitted, 2 received, 0% packet loss, time 1000ms',
      'rtt min/avg/max/mdev = 0.116/0.128/0.140/0.012 ms',
      'learner@laptop:~$',
    ]);
  });
});

describe("ping's own refusals on the laptop", () => {
  const s = laptop();

  it('no destination, bad numbers, flooding as a user', () => {
    expect(s.run('ping')).toEqual({ output: 'ping: usage error: Destination address required\n', exitCode: 1 });
    expect(s.run('ping -c abc 172.17.0.2')).toEqual({ output: "ping: invalid argument: 'abc'\n", exitCode: 1 });
    expect(s.run('ping -c 0 172.17.0.2')).toEqual({ output: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", exitCode: 1 });
    expect(s.run('ping -t 300 172.17.0.2')).toEqual({ output: "ping: invalid argument: '300': out of range: 0 <= value <= 255\n", exitCode: 1 });
    expect(s.run('ping -4 -6 172.17.0.2')).toEqual({ output: 'ping: only one -4 or -6 option may be specified\n', exitCode: 2 });
    expect(s.run('ping -i 0.001 172.17.0.2')).toEqual({ output: `${header('172.17.0.2', '172.17.0.2')}ping: cannot flood, minimal interval for user must be >= 2 ms, use -i 0.002 (or higher)\n`, exitCode: 2 });
  });

  it("an unknown option: getopt's words, then the usage, status 2; -h is the usage alone", () => {
    expect(s.run('ping -x 172.17.0.2')).toEqual({ output: `ping: invalid option -- 'x'\n${USAGE}`, exitCode: 2 });
    expect(s.run('ping 172.17.0.2 -c')).toEqual({ output: `ping: option requires an argument -- 'c'\n${USAGE}`, exitCode: 2 });
    expect(s.run('ping -h')).toEqual({ output: USAGE, exitCode: 2 });
  });
});
