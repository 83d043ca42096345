// Tab after docker's commands offers what the engine holds, as the Docker 28 client's completion
// (cobra, cli/command/completion) does: every tag of the local images where an image is named,
// and container names where a container is, from the containers each command can act on.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of [
    'docker pull -q nginx',
    'docker pull -q nginx:alpine',
    'docker pull -q redis',
    'docker pull -q busybox',
    'docker run -d --name web nginx',
    'docker run -d --name cache redis',
    'docker pause cache',
    'docker create --name idle busybox',
    'docker run --name once busybox echo hi',
    'docker network create backend',
    'docker network connect backend web',
    'docker volume create data',
    'touch Dockerfile notes.txt',
  ]) {
    const { exitCode, output } = s.run(line);
    if (exitCode !== 0) throw new Error(`${line}: ${output}`);
  }
  return { s, tab: (line: string) => s.complete(line, line.length) };
}
const IMAGES = ['busybox:latest', 'nginx:alpine', 'nginx:latest', 'redis:latest'];

describe('docker completion from the engine', () => {
  it('completes a lone image to its whole reference, and two tags of one repository to their common part', () => {
    const s = createSession();
    s.run('docker pull -q nginx');
    expect(s.complete('docker run ngi', 14)).toEqual({ insert: 'nx:latest ', candidates: ['nginx:latest'] });
    s.run('docker pull -q nginx:alpine');
    expect(s.complete('docker run ngi', 14)).toEqual({ insert: 'nx:', candidates: ['nginx:alpine', 'nginx:latest'] });
    // Nothing local, nothing offered: not even files, as the client completes no files here.
    expect(s.complete('docker run red', 14)).toEqual({ insert: '', candidates: [] });
  });

  it('offers images where a command names images, as far as it names them', () => {
    const { tab } = setup();
    for (const line of ['docker run ', 'docker create ', 'docker create nginx ', 'docker rmi ', 'docker rmi nginx:latest ', 'docker image rm ', 'docker image inspect ', 'docker tag ', 'docker tag nginx ', 'docker history ', 'docker push ', 'docker image push ', 'docker container create ']) {
      expect([line, tab(line).candidates]).toEqual([line, IMAGES]);
    }
    // run takes one image, tag two: after them the container's command or nothing.
    for (const line of ['docker run nginx ', 'docker run -d --name x nginx l', 'docker tag nginx x ', 'docker history nginx ', 'docker push nginx ']) {
      expect([line, tab(line)]).toEqual([line, { insert: '', candidates: [] }]);
    }
    expect(tab('docker run -it --rm bu')).toEqual({ insert: 'sybox:latest ', candidates: ['busybox:latest'] });
  });

  it('offers the containers each command can act on: running, stopped, paused or all', () => {
    const { tab } = setup();
    const cases: [string, string[]][] = [
      ['docker stop ', ['cache', 'web']],
      ['docker kill ', ['cache', 'web']],
      ['docker port ', ['cache', 'web']],
      ['docker top ', ['cache', 'web']],
      ['docker stats ', ['cache', 'web']],
      ['docker exec ', ['web']],
      ['docker exec -it ', ['web']],
      ['docker pause ', ['web']],
      ['docker unpause ', ['cache']],
      ['docker start ', ['idle', 'once']],
      ['docker rm ', ['idle', 'once']],
      ['docker rm -f ', ['cache', 'idle', 'once', 'web']],
      ['docker rm --force=true ', ['cache', 'idle', 'once', 'web']],
      ['docker restart ', ['cache', 'idle', 'once', 'web']],
      ['docker logs ', ['cache', 'idle', 'once', 'web']],
      ['docker logs -f --tail 5 ', ['cache', 'idle', 'once', 'web']],
      ['docker container inspect ', ['cache', 'idle', 'once', 'web']],
      ['docker container stop ', ['cache', 'web']],
      ['docker container rm ', ['idle', 'once']],
      // Every position asks again, as cobra's completion does.
      ['docker stop web ', ['cache', 'web']],
    ];
    expect(cases.map(([line]) => [line, tab(line).candidates])).toEqual(cases);
  });

  it('completes a container name with a space after it', () => {
    const { tab } = setup();
    expect(tab('docker stop we')).toEqual({ insert: 'b ', candidates: ['web'] });
    expect(tab('docker start i')).toEqual({ insert: 'dle ', candidates: ['idle'] });
    expect(tab('docker stop i')).toEqual({ insert: '', candidates: [] });
  });

  it('leaves docker inspect to file names, as the client does', () => {
    const { tab } = setup();
    expect(tab('docker inspect ')).toEqual({ insert: '', candidates: ['Dockerfile', 'notes.txt'] });
  });

  it('offers networks, volumes and value lists where run, create and the network commands take them', () => {
    const { s, tab } = setup();
    expect(tab('docker run --network ').candidates).toEqual(['backend', 'bridge', 'host', 'none']);
    expect(tab('docker run --network=ba')).toEqual({ insert: 'ckend ', candidates: ['backend'] });
    expect(tab('docker create --restart o')).toEqual({ insert: 'n-failure ', candidates: ['on-failure'] });
    expect(tab('docker run --pull ').candidates).toEqual(['always', 'missing', 'never']);
    expect(tab('docker run --volumes-from ').candidates).toEqual(['cache', 'idle', 'once', 'web']);
    expect(tab('docker network rm ').candidates).toEqual(['backend', 'bridge', 'host', 'none']);
    expect(tab('docker network connect ').candidates).toEqual(['backend', 'bridge', 'host', 'none']);
    expect(tab('docker network connect backend ').candidates).toEqual(['cache', 'idle', 'once']);
    expect(tab('docker network disconnect backend ').candidates).toEqual(['web']);
    // redis declares a VOLUME: its container has an anonymous one besides `data`.
    const volumes = s.run('docker volume ls -q').output.trim().split('\n');
    expect(volumes).toHaveLength(2);
    expect(tab('docker volume rm ').candidates).toEqual([...volumes].sort());
  });

  it("offers only the subcommand's own flags, not the root's", () => {
    const { tab } = setup();
    expect(tab('docker stop -').candidates).toEqual(['--help', '--signal', '--timeout', '-h', '-s', '-t']);
    expect(tab('docker --deb')).toEqual({ insert: 'ug ', candidates: ['--debug'] });
    expect(tab('docker ps --deb')).toEqual({ insert: '', candidates: [] });
  });
});
