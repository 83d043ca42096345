// Random sequences of docker commands over a few names and ports: nothing throws, and the engine's
// state keeps its promises whatever the order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../simulators';

const NAMES = ['web', 'api', 'db', 'x'];
const PORTS = ['8080', '8081', '9000'];
const IMAGES = ['nginx', 'nginx:1.26', 'busybox', 'alpine', 'hello-world', 'redis', 'nosuch', 'Bad:Name'];

const name = fc.constantFrom(...NAMES);
const port = fc.constantFrom(...PORTS);
const image = fc.constantFrom(...IMAGES);

const command = fc.oneof(
  fc.tuple(name, port, image).map(([n, p, i]) => `docker run -d --name ${n} -p ${p}:80 ${i}`),
  fc.tuple(port, image).map(([p, i]) => `docker run -d -p ${p}:80 ${i}`),
  fc.tuple(image, fc.constantFrom('', 'sleep 5', 'ps', 'hostname', 'nosuchcmd', 'sh -c "echo hi; exit 3"')).map(([i, c]) => `docker run --rm ${i} ${c}`),
  fc.tuple(fc.constantFrom('always', 'on-failure:2', 'no'), image).map(([r, i]) => `docker run -d --restart ${r} ${i} sh -c "exit 1"`),
  fc.tuple(fc.constantFrom('stop', 'start', 'restart', 'kill', 'pause', 'unpause', 'rm', 'rm -f', 'logs', 'logs --tail 2'), name).map(([verb, n]) => `docker ${verb} ${n}`),
  fc.constantFrom('docker ps', 'docker ps -a', 'docker ps -aq', 'docker images', 'docker pull nginx', 'curl -s localhost:8080', 'curl -s localhost:9000', 'docker ps --format "{{.Names}} {{.Ports}}"', 'docker ps --filter status=exited'),
  fc.integer({ min: 0, max: 120_000 }).map((ms) => `#advance ${ms}`),
);

function check(session: Session) {
  const docker = session.store.getState().docker;
  const containers = Object.values(docker.containers);
  const running = containers.filter((c) => ['running', 'paused', 'restarting'].includes(c.state.status));
  // A host port is bound by at most one running container.
  const bound = running.flatMap((c) => c.hostConfig.portBindings.map((b) => `${b.hostPort}/${b.protocol}`));
  expect(new Set(bound).size).toBe(bound.length);
  // Every container's image exists locally, and names are unique.
  for (const c of containers) expect(docker.images[c.imageId]).toBeDefined();
  expect(new Set(containers.map((c) => c.name)).size).toBe(containers.length);
  // docker ps agrees with the state.
  const listed = session.run('docker ps -q --no-trunc').output.split('\n').filter(Boolean).sort();
  const expected = session.store.getState().docker;
  const nowRunning = Object.values(expected.containers).filter((c) => ['running', 'paused', 'restarting'].includes(c.state.status)).map((c) => c.id).sort();
  expect(listed).toEqual(nowRunning);
}

describe('docker engine (property)', () => {
  it('keeps its invariants over random command sequences', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 14 }), (lines) => {
        const session = createSession();
        for (const line of lines) {
          if (line.startsWith('#advance')) {
            session.advance(Number(line.split(' ')[1]));
          } else {
            const r = session.run(line, { maxSimMs: 500 });
            expect(r.output).not.toMatch(/internal simulator error/);
          }
          check(session);
        }
        expect(session.run('echo ok').output).toBe('ok\n');
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
