// Details of docker run a learner runs into: where the pull progress goes, what the id line does
// when start fails, the daemon's full pull refusal, a container's environment, and how PID 1 stops.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../../simulators';

const now = (s: Session) => s.store.getState().clock.now;
const idOf = (s: Session, name: string) => Object.values(s.store.getState().docker.containers).find((c) => c.name === name)!.id;

describe('docker run', () => {
  it('writes the pull progress on stderr, so $(docker run -d ...) is just the id', () => {
    const s = createSession();
    expect(s.run('docker run -d --name web nginx 2>/dev/null')).toEqual({ output: `${idOf(s, 'web')}\n`, exitCode: 0 });
    // docker stop echoes the id it was given: the whole of what $(...) captured, and nothing else.
    const stopped = s.run('CID=$(docker run -d --name alp nginx:alpine 2>/dev/null); docker stop $CID');
    expect(stopped).toEqual({ output: `${idOf(s, 'alp')}\n`, exitCode: 0 });
  });

  it('prints the id before the start fails, and leaves the container Created', () => {
    const s = createSession();
    s.run('docker run -d --name web -p 8080:80 nginx');
    const r = s.run('docker run -d --name web2 -p 8080:80 nginx');
    const id = idOf(s, 'web2');
    // The endpoint id in parentheses is the network endpoint's own id, not the container's.
    expect(r).toEqual({
      output:
        `${id}\n` +
        'docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 (e4edaa36434ef2510c632d4e86a538cc03aa056da5590e89a11d2b4a48e112a0): Bind for 0.0.0.0:8080 failed: port is already allocated\n' +
        "\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
    expect(s.run('docker ps -a --filter name=web2 --format "{{.ID}} {{.Status}}"').output).toBe(`${id.slice(0, 12)} Created\n`);
  });

  it('passes on the registry\'s whole refusal for an image that does not exist', () => {
    const s = createSession();
    expect(s.run('docker run myapp')).toEqual({
      output:
        "Unable to find image 'myapp:latest' locally\ndocker: Error response from daemon: pull access denied for myapp, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
  });

  it('gives the container PATH, HOSTNAME, TERM with -t, the image\'s and -e variables, then HOME', () => {
    const s = createSession();
    s.run('docker pull busybox');
    // HOSTNAME is the container's short id (these are the seeded ids of the two --rm containers).
    expect(s.run('docker run --rm --name bb busybox env')).toEqual({
      output: 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=a08ff49b6f77\nHOME=/root\n',
      exitCode: 0,
    });
    s.run('docker pull nginx');
    expect(s.run('docker run --rm -t -e GREETING=hi nginx env').output.split(/\r?\n/)).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=d4e8eb2af2f2',
      'TERM=xterm',
      'NGINX_VERSION=1.27.3',
      'NJS_VERSION=0.8.7',
      'NJS_RELEASE=1~bookworm',
      'PKG_RELEASE=1~bookworm',
      'DYNPKG_RELEASE=1~bookworm',
      'GREETING=hi',
      'HOME=/root',
      '',
    ]);
  });

  it('a script\'s exit prints nothing (only bash at a prompt says exit)', () => {
    const s = createSession();
    s.run('docker pull busybox');
    expect(s.run('docker run --rm busybox sh -c "echo bye; exit 42"')).toEqual({ output: 'bye\n', exitCode: 42 });
  });

  it('--restart always on a script that exits at once: moby\'s back-off decides how many runs, one log line each', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker run -d --name flaky --restart always busybox sh -c "echo boom; exit 1"');
    const created = s.run('docker inspect -f "{{.Created}}" flaky').output;
    expect(created).toBe('2025-03-03T09:00:00.714175458Z\n');
    // Each run lasts 10 ms; the waits are 100, 200, 400, 800, 1600, 3200 ms (doubling, never reset
    // since no run reaches 10 s). So runs start 120 ms after creation, then at +230, +440, +850,
    // +1660, +3270, +6480 ms.
    const at = (msAfterCreate: number) => s.advance(msAfterCreate - (now(s) - Date.parse(created.trim())));
    const state = () => s.run('docker inspect -f "{{.RestartCount}} {{.State.Status}} {{.State.StartedAt}} {{.State.FinishedAt}}" flaky').output;
    at(1_000);
    expect(state()).toBe('3 restarting 2025-03-03T09:00:01.564518064Z 2025-03-03T09:00:01.574429727Z\n');
    expect(s.run('docker logs flaky')).toEqual({ output: 'boom\n'.repeat(4), exitCode: 0 });
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toBe('Restarting (1) Less than a second ago\n');
    at(6_000);
    expect(state()).toBe('5 restarting 2025-03-03T09:00:03.984650469Z 2025-03-03T09:00:03.994788899Z\n');
    expect(s.run('docker logs flaky').output).toBe('boom\n'.repeat(6));
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toBe('Restarting (1) 2 seconds ago\n');
    at(6_490);
    expect(state()).toBe('6 restarting 2025-03-03T09:00:07.194591737Z 2025-03-03T09:00:07.204835769Z\n');
    expect(s.run('docker logs flaky').output).toBe('boom\n'.repeat(7));
  });
});

describe('docker stop and PID 1', () => {
  it('python app.py has no SIGTERM handler: stop waits its timeout and kills (137)', () => {
    const s = createSession({ scenario: 'myapp-built' });
    s.run('docker run -d --name app -p 8000:8000 myapp:1.0');
    const before = now(s);
    expect(s.run('docker stop app')).toEqual({ output: 'app\n', exitCode: 0 });
    expect(now(s) - before).toBe(10_000);
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toBe('Exited (137) Less than a second ago\n');
    s.run('docker start app');
    const again = now(s);
    expect(s.run('docker stop -t 2 app')).toEqual({ output: 'app\n', exitCode: 0 });
    expect(now(s) - again).toBe(2_000);
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toBe('Exited (137) Less than a second ago\n');
  });

  it('nginx handles SIGTERM and stops at once with 0', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    const before = now(s);
    expect(s.run('docker stop web')).toEqual({ output: 'web\n', exitCode: 0 });
    expect(now(s) - before).toBe(300);
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toBe('Exited (0) Less than a second ago\n');
  });
});

describe('docker run: the client\'s and the daemon\'s refusals of bad options', () => {
  const usage = "\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n";
  const tail = "\n\nRun 'docker run --help' for more information\n";
  /** A fresh world per test with busybox pulled, so each test stands alone. */
  const withBusybox = () => {
    const s = createSession();
    s.run('docker pull busybox');
    return s;
  };

  it.each([
    ['docker run --restart always --rm busybox', `docker: conflicting options: cannot specify both --restart and --rm${tail}`],
    ['docker run -e =x busybox', `invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x${usage}`],
    ['docker run -m abc busybox', `invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'${usage}`],
    ['docker run --cpus abc busybox', `invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number${usage}`],
    ['docker run --env-file nope.env busybox', `docker: open nope.env: no such file or directory${tail}`],
    ['docker run -v :/x busybox', `docker: invalid spec: :/x: empty section between colons${tail}`],
    ['docker run -v rel/x:/x busybox', `docker: Error response from daemon: create rel/x: "rel/x" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path${tail}`],
    ['docker run --restart bogus busybox', `docker: Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'${tail}`],
    ['docker run --restart always:3 busybox', `docker: Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'${tail}`],
    ['docker run --restart on-failure:x busybox', `docker: invalid restart policy format: maximum retry count must be an integer${tail}`],
  ])('%s', (line, output) => {
    const s = withBusybox();
    expect(s.run(line)).toEqual({ output, exitCode: 125 });
    expect(s.run('docker ps -aq')).toEqual({ output: '', exitCode: 0 });
  });

  it('reads --env-file from the files here; -e wins; a bare NAME comes from this shell', () => {
    const s = withBusybox();
    s.run("printf 'A=1\\n# a comment\\nB\\nC=3\\n' > app.env");
    expect(s.run('B=2 docker run --rm --env-file app.env -e C=4 busybox env').output.split('\n')).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=a08ff49b6f77',
      'A=1',
      'B=2',
      'C=4',
      'HOME=/root',
      '',
    ]);
  });

  it('ps and images warn when --quiet overrides --format', () => {
    const s = withBusybox();
    const warning = 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n';
    expect(s.run('docker images -q --format "{{.Repository}}"').output).toBe(`${warning}af4709625109\n`);
    expect(s.run('docker ps -q --format "{{.Names}}"').output).toBe(warning);
  });

  it('tag names the lowercase rule on the repository part only', () => {
    const s = withBusybox();
    expect(s.run('docker tag busybox Bad/Name')).toEqual({
      output: 'Error parsing reference: "Bad/Name" is not a valid repository/tag: invalid reference format: repository name (Name) must be lowercase\n',
      exitCode: 1,
    });
  });
});

describe('a container\'s two streams', () => {
  it('stderr stays stderr: attached runs and docker logs keep them apart (one stream with -t)', () => {
    const s = createSession();
    s.run('docker pull busybox');
    expect(s.run('docker run --rm busybox sh -c "echo out; echo err >&2" 2>/dev/null').output).toBe('out\n');
    expect(s.run('docker run --rm busybox sh -c "echo out; echo err >&2" >/dev/null').output).toBe('err\n');
    expect(s.run('docker run --rm -t busybox sh -c "echo out; echo err >&2" 2>/dev/null').output).toBe('out\nerr\n');
    s.run('docker run -d --name bb busybox sh -c "echo out; echo err >&2"');
    expect(s.run('docker logs bb 2>/dev/null').output).toBe('out\n');
    expect(s.run('docker logs bb 2>&1 >/dev/null').output).toBe('err\n');
  });
});

describe('docker run -i', () => {
  it('hands piped input to the container\'s command; without -i the command reads nothing', () => {
    const s = createSession();
    s.run('docker pull busybox');
    expect(s.run('echo hi | docker run --rm -i busybox cat')).toEqual({ output: 'hi\n', exitCode: 0 });
    expect(s.run('printf "a\\nb\\n" | docker run --rm -i busybox wc -l')).toEqual({ output: '2\n', exitCode: 0 });
    expect(s.run('echo hi | docker run --rm busybox cat')).toEqual({ output: '', exitCode: 0 });
  });
});

describe('docker start -a and -ai', () => {
  it('-a follows the output and returns the exit code; two containers are refused', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker create --name c1 busybox sh -c "echo hello; exit 3"');
    expect(s.run('docker start -a c1')).toEqual({ output: 'hello\n', exitCode: 3 });
    expect(s.run('docker start -a c1 c1')).toEqual({ output: 'you cannot start and attach multiple containers at once\n', exitCode: 1 });
    expect(s.run('docker start -a nope')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });

  it('-ai reopens the shell of a container made with -it', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker run -it --name box busybox', { input: ['touch /kept\r', 'exit\r'] });
    const r = s.run('docker start -ai box', { input: ['ls /kept\r', 'exit 5\r'] });
    expect(r.output).toBe('/ # ls /kept\n/kept\n/ # exit 5\n');
    expect(r.exitCode).toBe(5);
  });
});

describe('who refuses, and when', () => {
  it('the daemon refuses a bad restart policy or memory limit only after the image is here', () => {
    const s = createSession();
    expect(s.run('docker run -d --restart bogus nginx')).toEqual({
      output: [
        "Unable to find image 'nginx:latest' locally",
        'latest: Pulling from library/nginx',
        'af302e5c37e9: Pull complete',
        '207b812743af: Pull complete',
        '841e383b441e: Pull complete',
        '0256c04a8d84: Pull complete',
        '38e992d287c5: Pull complete',
        '9e9aab598f58: Pull complete',
        '4de87b37f4ad: Pull complete',
        'Digest: sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a',
        'Status: Downloaded newer image for nginx:latest',
        "docker: Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
        '',
        "Run 'docker run --help' for more information",
        '',
      ].join('\n'),
      exitCode: 125,
    });
    expect(s.run('docker create -m 1k nginx').output).toBe("docker: Error response from daemon: Minimum memory limit allowed is 6MB\n\nRun 'docker create --help' for more information\n");
    expect(s.run('docker ps -aq').output).toBe('');
  });
});

describe('docker ps -s', () => {
  it('shows what each container wrote, and that over its image as virtual', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    s.run('docker run --name writer alpine sh -c "echo 0123456789 > /big"');
    expect(s.run('docker ps -as --format "{{.Names}} {{.Size}}"').output).toBe('writer 11B (virtual 7.83MB)\nweb 1.09kB (virtual 192MB)\n');
    expect(s.run('docker ps -s').output).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED        STATUS        PORTS     NAMES     SIZE\n' +
        'a08ff49b6f77   nginx     "/docker-entrypoint.…"   1 second ago   Up 1 second   80/tcp    web       1.09kB (virtual 192MB)\n',
    );
  });
});
