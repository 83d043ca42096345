// Every pattern a learner writes for Docker (ps --filter name, images --filter reference, a
// .dockerignore, COPY's wildcards, redis-cli's KEYS) is matched in linear time: no pattern can
// hold the line, and none is a JavaScript error.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';

const attack = `${'*a'.repeat(30)}*b`;

describe('patterns Docker matches', () => {
  it('docker ps --filter name is a Go regular expression over the stored name, which starts with /', () => {
    const s = createSession();
    s.run('docker pull busybox');
    for (const name of ['web', 'web2', 'a'.repeat(60)]) s.run(`docker run -d --name ${name} busybox sleep 1000`);
    const names = (filter: string) => s.run(`docker ps --format "{{.Names}}" --filter "name=${filter}"`);
    expect(names('^/web$')).toEqual({ output: 'web\n', exitCode: 0 });
    expect(names('^web$')).toEqual({ output: '', exitCode: 0 });
    expect(names('web')).toEqual({ output: 'web2\nweb\n', exitCode: 0 });
    // A value Go cannot compile matches nothing; a catastrophic one answers at once.
    expect(names('(')).toEqual({ output: '', exitCode: 0 });
    expect(names('(a+)+b')).toEqual({ output: '', exitCode: 0 });
  });

  it('docker images --filter reference stops a star at / as path.Match does', () => {
    const s = createSession();
    s.run('docker pull busybox');
    const repos = (filter: string) => s.run(`docker images --format "{{.Repository}}" --filter "reference=${filter}"`);
    expect(repos('bus*')).toEqual({ output: 'busybox\n', exitCode: 0 });
    expect(repos('*/*')).toEqual({ output: '', exitCode: 0 });
    expect(repos(attack)).toEqual({ output: '', exitCode: 0 });
  });

  it('a .dockerignore and COPY wildcards of any shape build or fail as BuildKit says, never as JavaScript', () => {
    const s = createSession({ scenario: 'myapp-source' });
    s.run(`printf '%s\\n' '${attack}' '[z-a]' 'x[' >> .dockerignore`);
    expect(s.run('docker build -q -t t1 .').exitCode).toBe(0);
    s.run("printf 'FROM python:3.12-slim\\nCOPY [z-a]* /app/\\n' > Dockerfile.bad");
    const bad = s.run('docker build -q -f Dockerfile.bad -t t2 .');
    expect(bad.exitCode).toBe(1);
    expect(bad.output).toMatch(/^Dockerfile\.bad:2\n[\s\S]*ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [a-z0-9]+::[a-z0-9]+: "\/\[z-a\]\*": not found\n$/);
  });

  it('redis-cli KEYS takes Redis globs', () => {
    const s = createSession();
    s.run('docker pull redis');
    s.run('docker run -d --name cache redis');
    const r = s.run('docker exec -it cache redis-cli', { input: ['set user:a 1\r', 'set user:b 2\r', 'set other 3\r', 'keys user:[ab]\r', `keys ${attack}\r`, 'keys [\r', 'quit\r'] });
    expect(r.output).toBe(
      [
        '127.0.0.1:6379> set user:a 1',
        'OK',
        '127.0.0.1:6379> set user:b 2',
        'OK',
        '127.0.0.1:6379> set other 3',
        'OK',
        '127.0.0.1:6379> keys user:[ab]',
        '1) "user:a"',
        '2) "user:b"',
        `127.0.0.1:6379> keys ${attack}`,
        '(empty array)',
        '127.0.0.1:6379> keys [',
        '(empty array)',
        '127.0.0.1:6379> quit',
        '',
      ].join('\n'),
    );
  });
});
