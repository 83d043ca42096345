// What a container can run: runc's refusals with the client's exit codes (127 not found, 126 not a
// program), the shells each image ships, and the language tools of python and node images.
import { describe, expect, it } from 'vitest';
import { createSession, stripAnsi } from '../../../../../simulators';

function session(...images: string[]) {
  const s = createSession();
  for (const image of images) expect(s.run(`docker pull ${image}`).exitCode).toBe(0);
  return s;
}

const runcError = (detail: string) =>
  `docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown\n\nRun 'docker run --help' for more information\n`;

describe('docker run: programs runc cannot start', () => {
  it('a name not on PATH is 127', () => {
    const s = session('alpine');
    expect(s.run('docker run alpine nosuchcmd')).toEqual({ output: runcError('exec: "nosuchcmd": executable file not found in $PATH'), exitCode: 127 });
  });

  it('a path that does not exist is 127 with stat\'s reason', () => {
    const s = session('alpine');
    expect(s.run('docker run alpine /nope')).toEqual({ output: runcError('exec: "/nope": stat /nope: no such file or directory'), exitCode: 127 });
  });

  it('a file or folder that is not a program is 126', () => {
    const s = session('alpine');
    expect(s.run('docker run alpine /etc/passwd')).toEqual({ output: runcError('exec: "/etc/passwd": permission denied'), exitCode: 126 });
    expect(s.run('docker run alpine /tmp').exitCode).toBe(126);
  });

  it('a program given by its path runs', () => {
    const s = session('alpine');
    expect(s.run('docker run --rm alpine /bin/echo hi')).toEqual({ output: 'hi\n', exitCode: 0 });
  });

  it('the container is left Created, as docker leaves it', () => {
    const s = session('alpine');
    s.run('docker run --name nope alpine /nope');
    expect(s.run('docker ps -a --format "{{.Names}} {{.Status}}"').output).toBe('nope Created\n');
  });

  it('alpine has no bash, ubuntu has', () => {
    const s = session('alpine', 'ubuntu');
    expect(s.run('docker run alpine bash').exitCode).toBe(127);
    expect(s.run('docker run -it alpine bash').output).toContain('exec: "bash": executable file not found in $PATH');
    const r = s.run('docker run -it --rm ubuntu bash', { input: ['exit\r'] });
    expect(r.exitCode).toBe(0);
    expect(stripAnsi(r.output)).toMatch(/^root@[0-9a-f]{12}:\/# /);
  });
});

describe('language tools inside containers', () => {
  it('python -c prints what the code prints', () => {
    const s = session('python:3.12-slim');
    expect(s.run('docker run --rm python:3.12-slim python -c "print(6 * 7)"')).toEqual({ output: '42\n', exitCode: 0 });
    expect(s.run('docker run --rm python:3.12-slim python3 --version')).toEqual({ output: 'Python 3.12.8\n', exitCode: 0 });
  });

  it('docker exec runs python and pip, files and stdin, with Python\'s errors', () => {
    const s = session('python:3.12-slim');
    s.run('docker run -d --name py python:3.12-slim sleep 1000');
    expect(s.run('docker exec py sh -c "echo \'print(1 + 1)\' > /tmp/two.py"').exitCode).toBe(0);
    expect(s.run('docker exec py python /tmp/two.py')).toEqual({ output: '2\n', exitCode: 0 });
    expect(s.run('echo "print(\'piped\')" | docker exec -i py python')).toEqual({ output: 'piped\n', exitCode: 0 });
    expect(s.run('docker exec py python /nope.py')).toEqual({ output: "python: can't open file '/nope.py': [Errno 2] No such file or directory\n", exitCode: 2 });
    expect(s.run('docker exec py python -c "import flask"')).toEqual({
      output: 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nModuleNotFoundError: No module named \'flask\'\n',
      exitCode: 1,
    });
    expect(s.run('docker exec py pip --version').output).toBe('pip 24.3.1 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
  });

  it('says plainly when a script goes beyond the Python we model', () => {
    const s = session('python:3.12-slim');
    const r = s.run('docker run --rm python:3.12-slim python -c "class A: pass"');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^berth: this script uses Python that is not simulated here/);
  });

  it('images without python do not have it', () => {
    const s = session('alpine');
    expect(s.run('docker run --rm alpine python -c "print(1)"').exitCode).toBe(127);
  });

  it('node -e prints a literal and says plainly what it does not model', () => {
    const s = session('node:22-alpine');
    expect(s.run('docker run --rm node:22-alpine node -e "console.log(42)"')).toEqual({ output: '42\n', exitCode: 0 });
    expect(s.run('docker run --rm node:22-alpine node --version')).toEqual({ output: 'v22.12.0\n', exitCode: 0 });
    const r = s.run('docker run --rm node:22-alpine node -e "let x = 1"');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('berth: only console.log of a literal is simulated');
  });

  it('node\'s interactive prompt is refused with an example that works', () => {
    const s = session('node:22-alpine');
    const r = s.run('docker run -it --rm node:22-alpine');
    expect(r.output).toContain('Welcome to Node.js v22.12.0.');
    const example = /e\.g\. (docker run .*)$/m.exec(r.output)![1];
    expect(s.run(example)).toEqual({ output: '1\n', exitCode: 0 });
  });
});

describe('each image\'s shell words a missing command its own way', () => {
  it('BusyBox ash: sh: x: not found (127), Permission denied (126)', () => {
    const s = session('alpine');
    expect(s.run('docker run --rm alpine sh -c "nosuch"')).toEqual({ output: 'sh: nosuch: not found\n', exitCode: 127 });
    expect(s.run('docker run --rm alpine sh -c "/etc"')).toEqual({ output: 'sh: /etc: Permission denied\n', exitCode: 126 });
    const r = s.run('docker run -it --rm alpine', { input: ['nosuch\r', 'echo $?\r', 'exit\r'] });
    expect(stripAnsi(r.output)).toBe('/ # nosuch\nsh: nosuch: not found\n/ # echo $?\n127\n/ # exit\n');
  });

  it('Debian and Ubuntu: dash as sh (sh: 1: x: not found), bash as bash', () => {
    const s = session('ubuntu');
    expect(s.run('docker run --rm ubuntu sh -c "nosuch"')).toEqual({ output: 'sh: 1: nosuch: not found\n', exitCode: 127 });
    expect(s.run('docker run --rm ubuntu bash -c "nosuch"').output).toBe('bash: nosuch: command not found\n');
  });

  it('help says where it runs', () => {
    const s = session('alpine');
    s.run('docker run -d --name box alpine sleep 1000');
    expect(s.run('docker exec box sh -c help').output).toMatch(/^Berth terminal: a simulated Linux shell \(bash-like\) on this container \([0-9a-f]{12}\)\./);
    expect(s.run('help').output).toMatch(/on this learner's laptop\./);
  });
});

describe('package managers in running containers', () => {
  it('apt-get in a Debian-based container needs update first, then installs, and curl is there', () => {
    const s = session('python:3.12-slim');
    s.run('docker run -d --name py python:3.12-slim sleep 1000');
    expect(s.run('docker exec py curl --version').exitCode).toBe(127);
    const early = s.run('docker exec py apt-get install -y curl');
    expect(early.exitCode).toBe(100);
    expect(early.output).toContain('E: Unable to locate package curl');
    expect(s.run('docker exec py apt-get update').output).toContain('Get:1 http://deb.debian.org/debian bookworm InRelease');
    const install = s.run('docker exec py apt-get install -y curl');
    expect(install.exitCode).toBe(0);
    expect(install.output).toContain('Setting up curl:amd64');
    expect(s.run('docker exec py sh -c "command -v curl || ls /usr/bin/curl"').exitCode).toBe(0);
    expect(s.run('docker exec py curl --version').exitCode).toBe(0);
  });

  it('apk add in alpine; a package whose program is not simulated says so', () => {
    const s = session('alpine');
    expect(s.run('docker run --rm alpine sh -c "apk add curl >/dev/null && curl --version >/dev/null && echo ok"').output).toBe('ok\n');
    const r = s.run('docker run --rm alpine sh -c "apk add git >/dev/null; git --version"');
    expect(r.output).toBe('berth: git is installed in this container, but running it is not simulated here\n');
  });
});

describe('nginx inside its image', () => {
  it('answers -v, -t and -s reload on stderr as nginx does', () => {
    const s = session('nginx');
    s.run('docker run -d --name web nginx');
    expect(s.run('docker exec web nginx -v 2>&1')).toEqual({ output: 'nginx version: nginx/1.27.3\n', exitCode: 0 });
    expect(s.run('docker exec web nginx -v 2>/dev/null').output).toBe('');
    expect(s.run('docker exec web nginx -t 2>&1').output).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect(s.run('docker exec web nginx -s reload 2>&1').output).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 31#31: signal process started\n$/);
    expect(s.run('docker exec web nginx -s bogus').exitCode).toBe(1);
    // The image's default command still serves.
    expect(s.run('curl -s $(docker inspect -f "{{.NetworkSettings.IPAddress}}" web)').output).toContain('Welcome to nginx!');
  });
});

describe('BusyBox applets word their errors their own way', () => {
  it('ls, cat, mkdir, rm and touch in alpine', () => {
    const s = session('alpine');
    const r = s.run('docker run --rm alpine sh -c "ls /nope; echo \\$?; cat /nope; mkdir /etc; rm /nope; touch /a/b"');
    expect(r.output).toBe(
      "ls: /nope: No such file or directory\n1\ncat: can't open '/nope': No such file or directory\nmkdir: can't create directory '/etc': File exists\nrm: can't remove '/nope': No such file or directory\ntouch: /a/b: No such file or directory\n",
    );
    // The laptop keeps GNU's words.
    expect(s.run('ls /nope')).toEqual({ output: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 });
  });
});

describe('apt-get in ubuntu', () => {
  it('exists, and says plainly that Ubuntu\'s archive is not simulated', () => {
    const s = session('ubuntu');
    const r = s.run('docker run --rm ubuntu apt-get update');
    expect(r.exitCode).toBe(100);
    expect(r.output).toMatch(/^berth: apt-get is in this image, but Ubuntu's package archive is not simulated here/);
  });
});
