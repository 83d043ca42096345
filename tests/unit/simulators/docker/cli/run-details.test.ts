// Details of docker run a learner runs into: where the pull progress goes, what the id line does
// when start fails, the daemon's full pull refusal, a container's environment, and how PID 1 stops.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

describe('docker run', () => {
  it('writes the pull progress on stderr, so $(docker run -d ...) is just the id', () => {
    const s = createSession();
    const r = s.run('docker run -d --name web nginx 2>/dev/null');
    expect(r.output).toMatch(/^[0-9a-f]{64}\n$/);
    expect(s.run('CID=$(docker run -d nginx:alpine 2>/dev/null); docker stop $CID').output).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('prints the id before the start fails, and leaves the container Created', () => {
    const s = createSession();
    s.run('docker run -d --name web -p 8080:80 nginx');
    const r = s.run('docker run -d --name web2 -p 8080:80 nginx');
    expect(r.exitCode).toBe(125);
    const [id, error] = r.output.split('\n');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(error).toMatch(/^docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/);
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
    const busybox = s.run('docker run --rm --name bb busybox env').output.split('\n');
    expect(busybox[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(busybox[1]).toMatch(/^HOSTNAME=[0-9a-f]{12}$/);
    expect(busybox.slice(2)).toEqual(['HOME=/root', '']);
    s.run('docker pull nginx');
    const nginx = s.run('docker run --rm -t -e GREETING=hi nginx env').output.split(/\r?\n/).map((l) => l.split('=')[0]);
    expect(nginx).toEqual(['PATH', 'HOSTNAME', 'TERM', 'NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE', 'GREETING', 'HOME', '']);
  });

  it('a script\'s exit prints nothing (only bash at a prompt says exit)', () => {
    const s = createSession();
    s.run('docker pull busybox');
    expect(s.run('docker run --rm busybox sh -c "echo bye; exit 42"')).toEqual({ output: 'bye\n', exitCode: 42 });
    s.run('docker run -d --name flaky --restart always busybox sh -c "echo boom; exit 1"');
    s.advance(1_000);
    expect(new Set(s.run('docker logs flaky').output.split('\n').filter(Boolean))).toEqual(new Set(['boom']));
  });
});

describe('docker stop and PID 1', () => {
  it('python app.py has no SIGTERM handler: stop waits its timeout and kills (137)', () => {
    const s = createSession({ scenario: 'myapp-built' });
    s.run('docker run -d --name app -p 8000:8000 myapp:1.0');
    const before = s.store.getState().clock.now;
    expect(s.run('docker stop app')).toEqual({ output: 'app\n', exitCode: 0 });
    expect(s.store.getState().clock.now - before).toBeGreaterThanOrEqual(10_000);
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toMatch(/^Exited \(137\) /);
    s.run('docker start app');
    const again = s.store.getState().clock.now;
    s.run('docker stop -t 2 app');
    expect(s.store.getState().clock.now - again).toBeLessThan(3_000);
  });

  it('nginx handles SIGTERM and stops at once with 0', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    const before = s.store.getState().clock.now;
    s.run('docker stop web');
    expect(s.store.getState().clock.now - before).toBeLessThan(1_000);
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toMatch(/^Exited \(0\) /);
  });
});

describe('docker run: the client\'s and the daemon\'s refusals of bad options', () => {
  const usage = "\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n";
  const tail = "\n\nRun 'docker run --help' for more information\n";
  const s = createSession();
  s.run('docker pull busybox');

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
    expect(s.run(line)).toEqual({ output, exitCode: 125 });
  });

  it('reads --env-file from the files here; -e wins; a bare NAME comes from this shell', () => {
    s.run("printf 'A=1\\n# a comment\\nB\\nC=3\\n' > app.env");
    const env = s.run('B=2 docker run --rm --env-file app.env -e C=4 busybox env').output.split('\n');
    expect(env.slice(2, 5)).toEqual(['A=1', 'B=2', 'C=4']);
  });

  it('ps and images warn when --quiet overrides --format', () => {
    const warning = 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n';
    expect(s.run('docker images -q --format "{{.Repository}}"').output).toMatch(new RegExp(`^${warning}[0-9a-f]{12}\\n$`));
    expect(s.run('docker ps -q --format "{{.Names}}"').output).toBe(warning);
  });

  it('tag names the lowercase rule on the repository part only', () => {
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
    const r = s.run('docker run -d --restart bogus nginx');
    expect(r.exitCode).toBe(125);
    expect(r.output).toMatch(/^Unable to find image 'nginx:latest' locally\n[\s\S]*Status: Downloaded newer image for nginx:latest\ndocker: Error response from daemon: invalid restart policy: unknown policy 'bogus'/);
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
    expect(s.run('docker ps -s').output.split('\n')[0]).toMatch(/   NAMES     SIZE$/);
  });
});
