import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker pull alpine', 'docker run -d --name web -p 8080:80 nginx']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

/** docker top's table: the daemon runs ps -ef on the host, the client pads every column to 20. */
const table = (rows: string[][]) => rows.map((r) => r.slice(0, -1).map((c) => c.padEnd(20)).join('') + r.at(-1) + '\n').join('');

/** What the host's ps -ef shows of the laptop before any container, up to and including the login shell. */
const HOST_EF = [
  'UID          PID    PPID  C STIME TTY          TIME CMD',
  'root           1       0  0 08:18 ?        00:00:02 /sbin/init splash',
  'root           2       0  0 08:18 ?        00:00:00 [kthreadd]',
  'root         398       1  0 08:18 ?        00:00:00 /usr/lib/systemd/systemd-journald',
  'root         441       1  0 08:18 ?        00:00:00 /usr/lib/systemd/systemd-udevd',
  'systemd+     702       1  0 08:18 ?        00:00:00 /usr/lib/systemd/systemd-resolved',
  'root         811       1  0 08:18 ?        00:00:00 /usr/sbin/cron -f -P',
  'message+     812       1  0 08:18 ?        00:00:00 @dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only',
  'root         845       1  0 08:18 ?        00:00:01 /usr/bin/containerd',
  'root         903       1  0 08:18 ?        00:00:00 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
  'root        1187       1  0 08:18 ?        00:00:01 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
  'learner     4242    2871  0 08:18 pts/0    00:00:00 -bash',
];

/** The seeded id of the first container, web. */
const WEB_ID = 'a08ff49b6f772632716c43069c43a8c3b7cf3c25632b92409d3fb64afebede10';

describe('docker top', () => {
  it('lists the container processes with host pids, columns 20 wide as docker pads them', () => {
    const s = setup();
    // The master is a child of the containerd shim (4317); the two workers (nginx's uid 101, which
    // the host's passwd calls systemd+) are children of the master.
    expect(s.run('docker top web')).toEqual({
      output: table([
        ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
        ['root', '4340', '4317', '0', '09:00', '?', '00:00:00', 'nginx: master process nginx -g daemon off;'],
        ['systemd+', '4368', '4340', '0', '09:00', '?', '00:00:00', 'nginx: worker process'],
        ['systemd+', '4369', '4340', '0', '09:00', '?', '00:00:00', 'nginx: worker process'],
      ]),
      exitCode: 0,
    });
    expect(s.run("docker inspect -f '{{.State.Pid}}' web").output).toBe('4340\n');
  });

  it('gives the same pids every time while the container runs', () => {
    const s = setup();
    const first = s.run('docker top web').output;
    s.advance(60_000);
    expect(s.run('docker top web').output).toBe(first);
  });

  it('shows the same processes in the laptop process table: a container is a process on the host', () => {
    const s = setup();
    // Piped, so ps does not cut lines to the terminal's width. In pid order, the asking ps last:
    // the two docker-proxy processes of -p 8080:80 (IPv4 and IPv6), the shim, nginx.
    expect(s.run('ps -ef | cat').output).toBe(
      [
        ...HOST_EF,
        'root        4300    1187  0 09:00 ?        00:00:00 /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd',
        'root        4301    1187  0 09:00 ?        00:00:00 /usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd',
        `root        4317       1  0 09:00 ?        00:00:00 /usr/bin/containerd-shim-runc-v2 -namespace moby -id ${WEB_ID} -address /run/containerd/containerd.sock`,
        'root        4340    4317  0 09:00 ?        00:00:00 nginx: master process nginx -g daemon off;',
        'systemd+    4368    4340  0 09:00 ?        00:00:00 nginx: worker process',
        'systemd+    4369    4340  0 09:00 ?        00:00:00 nginx: worker process',
        'learner     5012    4242  0 09:00 pts/0    00:00:00 ps -ef',
        '',
      ].join('\n'),
    );
    // ps aux shows nginx's three processes with their own sizes and states. (Only these rows are
    // compared: where VSZ takes 7 digits, procps lets the next column's padding absorb the overflow,
    // which the simulated ps does not do yet.)
    expect(s.run('ps aux | cat').output.split('\n').filter((l) => l.includes('nginx'))).toEqual([
      'root        4340  0.0  0.0   4400  1800 ?        Ss   09:00   0:00 nginx: master process nginx -g daemon off;',
      'systemd+    4368  0.0  0.0  11900  2900 ?        S    09:00   0:00 nginx: worker process',
      'systemd+    4369  0.0  0.0  11900  2900 ?        S    09:00   0:00 nginx: worker process',
    ]);
    // Plain ps lists the terminal's processes only.
    expect(s.run('ps').output).toBe('    PID TTY          TIME CMD\n   4242 pts/0    00:00:00 bash\n   5018 pts/0    00:00:00 ps\n');
    // Stopped, the container leaves nothing behind on the host: no proxies, no shim, no nginx.
    s.run('docker stop web');
    expect(s.run('ps -ef | cat').output).toBe([...HOST_EF, 'learner     5024    4242  0 09:00 pts/0    00:00:00 ps -ef', ''].join('\n'));
  });

  it('accepts ps options', () => {
    const s = setup();
    expect(s.run('docker top web aux')).toEqual({
      output: table([
        ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
        ['root', '4340', '0.0', '0.0', '4400', '1800', '?', 'Ss', '09:00', '0:00', 'nginx: master process nginx -g daemon off;'],
        ['systemd+', '4368', '0.0', '0.0', '11900', '2900', '?', 'S', '09:00', '0:00', 'nginx: worker process'],
        ['systemd+', '4369', '0.0', '0.0', '11900', '2900', '?', 'S', '09:00', '0:00', 'nginx: worker process'],
      ]),
      exitCode: 0,
    });
  });

  it('refuses a container that is not running', () => {
    const s = setup();
    s.run('docker run -d --name once alpine true');
    s.advance(1000);
    const id = Object.values(s.store.getState().docker.containers).find((c) => c.name === 'once')!.id;
    expect(s.run('docker top once')).toEqual({ output: `Error response from daemon: container ${id} is not running\n`, exitCode: 1 });
    expect(s.run('docker top nope')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });
});
