// docker rm as the Docker 28 client runs it (cli/command/container/rm.go): the daemon removes each
// container, the client reads the results in argument order and prints each removed name; under
// --force a container that does not exist is reported on stderr and skipped (exit 0); every other
// error is held until the end, joined by newlines, and the status is 1.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const missing = (name: string) => `Error response from daemon: No such container: ${name}`;

function withContainers() {
  const s = createSession();
  s.run('docker run -d --name web nginx');
  s.run('docker create --name idle busybox');
  return s;
}

describe('docker rm', () => {
  it('-f on a container that does not exist prints the daemon error and exits 0', () => {
    const s = createSession();
    expect(s.run('docker rm -f nosuch')).toEqual({ output: `${missing('nosuch')}\n`, exitCode: 0 });
    expect(s.run('docker rm -f nosuch 2>/dev/null')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('docker container rm --force nosuch')).toEqual({ output: `${missing('nosuch')}\n`, exitCode: 0 });
  });

  it('without -f, a container that does not exist is an error, exit 1', () => {
    const s = createSession();
    expect(s.run('docker rm nosuch')).toEqual({ output: `${missing('nosuch')}\n`, exitCode: 1 });
  });

  it('-f removes the others in order, the missing one reported where it comes', () => {
    const s = withContainers();
    expect(s.run('docker rm -f nosuch web')).toEqual({ output: `${missing('nosuch')}\nweb\n`, exitCode: 0 });
    expect(s.run('docker ps -a --format {{.Names}}')).toEqual({ output: 'idle\n', exitCode: 0 });
    // stdout has the removed names only.
    expect(s.run('docker rm -f idle gone 2>/dev/null')).toEqual({ output: 'idle\n', exitCode: 0 });
  });

  it('without -f, removes what it can and reports every refusal at the end', () => {
    const s = withContainers();
    expect(s.run('docker rm nosuch web idle other')).toEqual({
      output: `idle\n${missing('nosuch')}\nError response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n${missing('other')}\n`,
      exitCode: 1,
    });
    expect(s.run('docker rm nosuch web 2>&1 >/dev/null | wc -l')).toEqual({ output: '2\n', exitCode: 0 });
    expect(s.run('docker ps -a --format {{.Names}}')).toEqual({ output: 'web\n', exitCode: 0 });
  });

  it('refuses an empty name as the client does, with -f too', () => {
    const s = createSession();
    expect(s.run('docker rm -f /')).toEqual({ output: 'container name cannot be empty\n', exitCode: 1 });
  });

  it('takes a name with its leading slash', () => {
    const s = withContainers();
    expect(s.run('docker rm /idle')).toEqual({ output: '/idle\n', exitCode: 0 });
  });

  it('-v also removes the anonymous volumes, and leaves named ones', () => {
    const s = createSession();
    s.run('docker run -d --name registry -v keep:/data registry:2');
    expect(s.run('docker volume ls -q | wc -l')).toEqual({ output: '2\n', exitCode: 0 });
    expect(s.run('docker rm -fv registry')).toEqual({ output: 'registry\n', exitCode: 0 });
    expect(s.run('docker volume ls -q')).toEqual({ output: 'keep\n', exitCode: 0 });
  });
});
