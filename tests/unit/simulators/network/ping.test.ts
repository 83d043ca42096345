// BusyBox's ping inside alpine and busybox containers, checked against BusyBox 1.37.0's ping.c and
// the real applet (scripts/dev/compare-network.ts): one request per interval of simulated time,
// replies from what the network carries back (running containers on a shared network, the laptop's
// bridge addresses, the loopback), and the statistics at the end, on Ctrl-C too.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { openScreen } from '../../helpers/screen';

/**
 * web (nginx) and box (alpine) and bb (busybox) on `app` (172.18.0.2, .3, .4); web also on `back`
 * as `api` (172.19.0.2), where box is too; solo (alpine) on the default bridge. The world's
 * randomness is reset afterwards, so round trips do not depend on what the set-up drew.
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
  s.restore({ ...s.snapshot(), rng: { state: 7 } });
  return s;
}

/** Runs `line`, with the simulated time it took (`docker exec` itself takes 30 ms). */
function timed(s: ReturnType<typeof createSession>, line: string) {
  const start = s.store.getState().clock.now;
  const r = s.run(line);
  return { ...r, ms: s.store.getState().clock.now - start };
}

const stats = (host: string, sent: number, received: number, loss: number, rtt?: string) =>
  `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n${rtt ? `round-trip min/avg/max = ${rtt} ms\n` : ''}`;

describe('ping -c between containers on a user-defined network', () => {
  it('resolves the name through docker DNS, one reply a second, then the statistics', () => {
    expect(timed(world(), 'docker exec box ping -c 3 web')).toEqual({
      output:
        'PING web (172.18.0.2): 56 data bytes\n' +
        '64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.140 ms\n' +
        '64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.116 ms\n' +
        '64 bytes from 172.18.0.2: seq=2 ttl=64 time=0.084 ms\n' +
        stats('web', 3, 3, 0, '0.084/0.113/0.140'),
      exitCode: 0,
      ms: 2030,
    });
  });

  it('reaches an alias on the other network they share; -q keeps only the start and the end', () => {
    expect(world().run('docker exec box ping -c 2 -q api')).toEqual({ output: `PING api (172.19.0.2): 56 data bytes\n${stats('api', 2, 2, 0, '0.116/0.128/0.140')}`, exitCode: 0 });
  });

  it('pings the loopback, and 0.0.0.0 as the loopback', () => {
    expect(world().run('docker exec bb ping -c 2 localhost')).toEqual({
      output: `PING localhost (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.072 ms\n64 bytes from 127.0.0.1: seq=1 ttl=64 time=0.073 ms\n${stats('localhost', 2, 2, 0, '0.072/0.072/0.073')}`,
      exitCode: 0,
    });
    expect(world().run('docker exec box ping -c 1 0.0.0.0')).toEqual({
      output: `PING 0.0.0.0 (0.0.0.0): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.072 ms\n${stats('0.0.0.0', 1, 1, 0, '0.072/0.072/0.072')}`,
      exitCode: 0,
    });
  });

  it('-w ends at the deadline, -i spaces the requests, -s under 4 bytes carries no time', () => {
    expect(timed(world(), 'docker exec box ping -w 2 web')).toEqual({
      output: `PING web (172.18.0.2): 56 data bytes\n64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.140 ms\n64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.116 ms\n${stats('web', 2, 2, 0, '0.116/0.128/0.140')}`,
      exitCode: 0,
      ms: 2030,
    });
    expect(timed(world(), 'docker exec box ping -c 2 -i 0.5 -s 2 web')).toEqual({
      output: `PING web (172.18.0.2): 2 data bytes\n10 bytes from 172.18.0.2: seq=0 ttl=64\n10 bytes from 172.18.0.2: seq=1 ttl=64\n${stats('web', 2, 2, 0)}`,
      exitCode: 0,
      ms: 530,
    });
  });

  it('works from a throwaway container on the network, as `docker run --rm` prints it', () => {
    expect(world().run('docker run --rm --network app alpine ping -c 2 box')).toEqual({
      output: `PING box (172.18.0.3): 56 data bytes\n64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.167 ms\n64 bytes from 172.18.0.3: seq=1 ttl=64 time=0.093 ms\n${stats('box', 2, 2, 0, '0.093/0.130/0.167')}`,
      exitCode: 0,
    });
  });
});

describe('ping where no reply comes', () => {
  it('a paused container swallows the requests: -W seconds after the last, 100% loss and status 1', () => {
    const s = world();
    s.run('docker pause web');
    expect(timed(s, 'docker exec box ping -c 2 -W 1 web')).toEqual({ output: `PING web (172.18.0.2): 56 data bytes\n${stats('web', 2, 0, 100)}`, exitCode: 1, ms: 2030 });
    s.run('docker unpause web');
    expect(s.run('docker exec box ping -c 1 web').exitCode).toBe(0);
  });

  it('an address nobody has waits the default 10 s after the last request', () => {
    expect(timed(world(), 'docker exec box ping -c 2 172.18.0.99')).toEqual({ output: `PING 172.18.0.99 (172.18.0.99): 56 data bytes\n${stats('172.18.0.99', 2, 0, 100)}`, exitCode: 1, ms: 11030 });
  });

  it('another bridge is cut off: the default bridge cannot reach app, nor app the default bridge', () => {
    const s = world();
    expect(s.run('docker exec solo ping -c 1 -W 1 172.18.0.2')).toEqual({ output: `PING 172.18.0.2 (172.18.0.2): 56 data bytes\n${stats('172.18.0.2', 1, 0, 100)}`, exitCode: 1 });
    expect(s.run('docker exec bb ping -c 1 -W 1 172.17.0.2')).toEqual({ output: `PING 172.17.0.2 (172.17.0.2): 56 data bytes\n${stats('172.17.0.2', 1, 0, 100)}`, exitCode: 1 });
  });

  it('the laptop answers on every bridge gateway', () => {
    expect(world().run('docker exec solo ping -c 1 172.17.0.1')).toEqual({
      output: `PING 172.17.0.1 (172.17.0.1): 56 data bytes\n64 bytes from 172.17.0.1: seq=0 ttl=64 time=0.140 ms\n${stats('172.17.0.1', 1, 1, 0, '0.140/0.140/0.140')}`,
      exitCode: 0,
    });
  });

  it('-w with some replies missing: status 1 (fewer than -c came back by the deadline)', () => {
    const s = world();
    s.run('docker pause web');
    expect(s.run('docker exec box ping -c 5 -w 2 web')).toEqual({ output: `PING web (172.18.0.2): 56 data bytes\n${stats('web', 2, 0, 100)}`, exitCode: 1 });
  });

  it('a container without a network cannot even send', () => {
    expect(world().run('docker run --rm --network none alpine ping -c 1 172.18.0.2')).toEqual({ output: 'PING 172.18.0.2 (172.18.0.2): 56 data bytes\nping: sendto: Network unreachable\n', exitCode: 1 });
  });
});

describe('ping names that do not resolve', () => {
  it('says bad address, at once: container names on the default bridge, outside names, stopped containers', () => {
    const s = world();
    expect(s.run('docker exec solo ping web')).toEqual({ output: "ping: bad address 'web'\n", exitCode: 1 });
    expect(s.run('docker exec box ping example.com')).toEqual({ output: "ping: bad address 'example.com'\n", exitCode: 1 });
    expect(s.run('docker exec bb ping -6 web')).toEqual({ output: "ping: bad address 'web'\n", exitCode: 1 });
    s.run('docker stop web');
    expect(s.run('docker exec box ping -c 1 web')).toEqual({ output: "ping: bad address 'web'\n", exitCode: 1 });
  });

  it('reads the container\'s own /etc/hosts first, as its resolver does', () => {
    const s = world();
    s.run("docker exec solo sh -c 'echo 172.17.0.1 laptop >> /etc/hosts'");
    expect(s.run('docker exec solo ping -c 1 laptop')).toEqual({
      output: `PING laptop (172.17.0.1): 56 data bytes\n64 bytes from 172.17.0.1: seq=0 ttl=64 time=0.140 ms\n${stats('laptop', 1, 1, 0, '0.140/0.140/0.140')}`,
      exitCode: 0,
    });
  });
});

describe('ping until Ctrl-C', () => {
  it('prints the statistics when interrupted, and the shell goes on (ping handled the signal)', () => {
    const s = world();
    expect(s.run('docker exec -it box sh', { input: 'ping web\necho $?\n', maxSimMs: 2500 })).toEqual({
      output:
        '/ # ping web\nPING web (172.18.0.2): 56 data bytes\n' +
        '64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.140 ms\n64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.116 ms\n64 bytes from 172.18.0.2: seq=2 ttl=64 time=0.084 ms\n' +
        '^C\n--- web ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min/avg/max = 0.084/0.113/0.140 ms\n' +
        '/ # echo $?\n0\n/ # exit\n',
      exitCode: 0,
    });
    expect(s.run('docker exec -it box sh', { input: 'ping 172.18.0.99\necho $?\n', maxSimMs: 1500 }).output).toBe(
      '/ # ping 172.18.0.99\nPING 172.18.0.99 (172.18.0.99): 56 data bytes\n^C\n--- 172.18.0.99 ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n/ # echo $?\n1\n/ # exit\n',
    );
  });

  it('on a real screen, a line a second until the learner presses Ctrl-C', async () => {
    const screen = await openScreen();
    for (const line of ['docker pull -q alpine', 'docker pull -q nginx', 'docker network create app', 'docker run -d --name web --network app nginx', 'docker run -d --name box --network app alpine sleep infinity']) screen.session.run(line);
    screen.session.restore({ ...screen.session.snapshot(), rng: { state: 7 } });
    await screen.keys('docker exec -it box sh\r');
    await screen.keys('ping web\r');
    screen.timers.tick(1500);
    expect((await screen.lines()).slice(-3)).toEqual(['PING web (172.18.0.2): 56 data bytes', '64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.140 ms', '64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.116 ms']);
    await screen.keys('\x03');
    expect((await screen.lines()).slice(-6)).toEqual([
      '64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.116 ms',
      '^C',
      '--- web ping statistics ---',
      '2 packets transmitted, 2 packets received, 0% packet loss',
      'round-trip min/avg/max = 0.116/0.128/0.140 ms',
      '/ #',
    ]);
  });

  it('keeps pinging in a detached container: its log grows a line a second', () => {
    const s = world();
    s.run('docker run -d --name pinger --network app busybox ping web');
    s.advance(2500);
    expect(s.run('docker logs pinger')).toEqual({
      // A program off the terminal draws from its own seeded randomness, so its replays print the same times.
      output: 'PING web (172.18.0.2): 56 data bytes\n64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.160 ms\n64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.098 ms\n64 bytes from 172.18.0.2: seq=2 ttl=64 time=0.050 ms\n',
      exitCode: 0,
    });
  });
});

describe("ping's own refusals", () => {
  const ALPINE = 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.';
  const IMAGE = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.';
  const usage = (banner: string) =>
    `${banner}\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n` +
    '\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n' +
    '\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n' +
    '\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n' +
    '\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n' +
    '\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n';
  const s = world();

  it('prints its usage for no HOST, two, or -q with -v', () => {
    expect(s.run('docker exec box ping')).toEqual({ output: usage(ALPINE), exitCode: 1 });
    expect(s.run('docker exec bb ping web box')).toEqual({ output: usage(IMAGE), exitCode: 1 });
    expect(s.run('docker exec bb ping -qv web')).toEqual({ output: usage(IMAGE), exitCode: 1 });
    expect(s.run('docker exec bb ping --help')).toEqual({ output: usage(IMAGE), exitCode: 0 });
  });

  it('words an unknown option as its libc does: musl in alpine, glibc in busybox', () => {
    expect(s.run('docker exec box ping -x web')).toEqual({ output: `ping: unrecognized option: x\n${usage(ALPINE)}`, exitCode: 1 });
    expect(s.run('docker exec bb ping -x web')).toEqual({ output: `ping: invalid option -- 'x'\n${usage(IMAGE)}`, exitCode: 1 });
    expect(s.run('docker exec box ping --count=3 web')).toEqual({ output: `ping: unrecognized option: count=3\n${usage(ALPINE)}`, exitCode: 1 });
    expect(s.run('docker exec bb ping --count=3 web')).toEqual({ output: `ping: unrecognized option '--count=3'\n${usage(IMAGE)}`, exitCode: 1 });
    expect(s.run('docker exec box ping web -c')).toEqual({ output: `ping: option requires an argument: c\n${usage(ALPINE)}`, exitCode: 1 });
    expect(s.run('docker exec bb ping web -c')).toEqual({ output: `ping: option requires an argument -- 'c'\n${usage(IMAGE)}`, exitCode: 1 });
  });

  it('refuses numbers as xatou_range does', () => {
    expect(s.run('docker exec box ping -c abc web')).toEqual({ output: "ping: invalid number 'abc'\n", exitCode: 1 });
    expect(s.run('docker exec box ping -c -1 web')).toEqual({ output: "ping: invalid number '-1'\n", exitCode: 1 });
    expect(s.run('docker exec box ping -c 3000000000 web')).toEqual({ output: 'ping: number 3000000000 is not in 0..2147483647 range\n', exitCode: 1 });
    expect(s.run('docker exec box ping -s 70000 web')).toEqual({ output: 'ping: number 70000 is not in 0..65535 range\n', exitCode: 1 });
    expect(s.run('docker exec box ping -i 0.5x web')).toEqual({ output: "ping: invalid number '1x'\n", exitCode: 1 });
    expect(s.run('docker exec box ping -p 1ff web')).toEqual({ output: 'ping: number 1ff is not in 0..255 range\n', exitCode: 1 });
  });

  it('is BusyBox\'s: Debian-based images do not have it', () => {
    expect(s.run('docker exec web ping box')).toEqual({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown\n',
      exitCode: 127,
    });
  });
});
