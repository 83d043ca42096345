// Random sequences of docker commands over a few names and ports: nothing throws, and the engine's
// state keeps its promises whatever the order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../simulators';
import { imageOf } from '../../../../simulators/docker/engine/container-machine';

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
  fc.tuple(fc.constantFrom('rmi', 'rmi -f', 'image rm'), image).map(([verb, i]) => `docker ${verb} ${i}`),
  fc.tuple(image, name).map(([i, n]) => `docker tag ${i} ${n}:v1`),
  fc.tuple(name, fc.constantFrom('docker rmi', 'docker push', 'docker run -d -p 9000:80')).map(([n, verb]) => `${verb} ${n}:v1`),
  fc.constantFrom('docker network create net1', 'docker network rm net1', 'docker volume create vol1', 'docker volume rm vol1', 'docker container prune -f', 'docker image prune -f', 'docker image prune -af', 'docker system prune -f', 'docker system df'),
  fc.tuple(name, image, fc.constantFrom('--network net1', '-v vol1:/data', '-v /tmp:/host', '--rm')).map(([n, i, opt]) => `docker run -d --name ${n} ${opt} ${i}`),
  fc.tuple(name, fc.constantFrom('hostname', 'ls /', 'sh -c "exit 4"', 'nosuchcmd')).map(([n, c]) => `docker exec ${n} ${c}`),
  fc.tuple(name, fc.constantFrom('net1', 'bridge')).map(([n, net]) => `docker network connect ${net} ${n}`),
  fc.integer({ min: 0, max: 120_000 }).map((ms) => `#advance ${ms}`),
);

function check(session: Session) {
  const docker = session.store.getState().docker;
  const containers = Object.values(docker.containers);
  const running = containers.filter((c) => ['running', 'paused', 'restarting'].includes(c.state.status));
  // A host port is bound by at most one running container.
  const bound = running.flatMap((c) => c.hostConfig.portBindings.map((b) => `${b.hostPort}/${b.protocol}`));
  expect(new Set(bound).size).toBe(bound.length);
  // Every container's image exists: as a local image, or (after `rmi -f` of a stopped container's
  // image, which docker allows) as the layers the container keeps. Names are unique.
  for (const c of containers) expect(imageOf(session.store.getState(), c)).toBeDefined();
  expect(new Set(containers.map((c) => c.name)).size).toBe(containers.length);
  // A tag names one image; a container's networks and named volumes exist.
  const tags = Object.values(docker.images).flatMap((i) => i.tags);
  expect(new Set(tags).size).toBe(tags.length);
  for (const c of containers) {
    for (const net of Object.keys(c.networks)) expect(Object.values(docker.networks).some((n) => n.name === net)).toBe(true);
    for (const m of c.hostConfig.mounts) if (m.type === 'volume') expect(docker.volumes[m.source]).toBeDefined();
  }
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
