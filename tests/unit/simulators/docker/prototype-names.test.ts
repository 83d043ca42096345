// Names every JavaScript object already has (`constructor`, `toString`, `__proto__`) are names a
// learner may type for a volume, a network, an image or a registry: each is its own thing here,
// never what an object inherits.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('names an object inherits', () => {
  it('get the daemon’s own answers, never an internal error', () => {
    const s = createSession();
    s.run('docker pull busybox');
    for (const name of NAMES) {
      for (const line of [
        `docker volume inspect ${name}`,
        `docker volume rm ${name}`,
        `docker network inspect ${name}`,
        `docker image inspect ${name}`,
        `docker inspect ${name}`,
        `docker logs ${name}`,
        `docker rmi ${name}`,
        `docker history ${name}`,
        `docker logout ${name}`,
        `docker tag busybox ${name.toLowerCase()}:1`,
        `docker push ${name.toLowerCase()}:1`,
        `docker run --rm -v ${name}:/data busybox ls /data`,
      ]) {
        const r = s.run(line);
        expect([line, r.output]).not.toEqual([line, expect.stringMatching(/internal simulator error|TypeError|undefined|NaN/)]);
        expect(Number.isInteger(r.exitCode)).toBe(true);
      }
    }
  });

  it('are ordinary names where Docker allows them: a volume called constructor', () => {
    const s = createSession();
    expect(s.run('docker volume create constructor')).toEqual({ output: 'constructor\n', exitCode: 0 });
    expect(s.run('docker volume ls -q').output).toBe('constructor\n');
    expect(s.run("docker volume inspect -f '{{.Name}} {{.Driver}}' constructor").output).toBe('constructor local\n');
    s.run('docker pull busybox');
    expect(s.run("docker run --rm -v constructor:/data busybox sh -c 'echo kept > /data/f'").exitCode).toBe(0);
    expect(s.run('docker run --rm -v constructor:/data busybox cat /data/f').output).toBe('kept\n');
    expect(s.run('docker volume rm constructor')).toEqual({ output: 'constructor\n', exitCode: 0 });
    expect(s.run('docker volume inspect toString')).toEqual({ output: '[]\nError response from daemon: get toString: no such volume\n', exitCode: 1 });
  });
});
