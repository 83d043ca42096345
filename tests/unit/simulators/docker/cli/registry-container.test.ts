// A registry:2 container on localhost:5000 keeps what is pushed to it in its own files, under
// /var/lib/registry (distribution 2.8.3's filesystem layout), and answers /v2/_catalog and
// /v2/<name>/tags/list from them as registry/handlers/catalog.go and tags.go do. The folder is the
// image's VOLUME: a new container without a volume starts empty, a named volume or a bind mount
// carries the images over.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { openScreen } from '../../../helpers/screen';

const MANIFEST = 'sha256:d0b4fe7f49bb8bf7dea03a30799e9f5657c18622eec9a1dfa0111e1d2bae973e';
const CONFIG = 'sha256:af47096251092caf59498806ab8d58e8173ecf5a182f024ce9d635b5b4a55d66';
const LAYER = 'sha256:9c0abc9c5bd3a7854141800ba1f4a227baa88b11b49d8207eadc483c3f2496de';

/** busybox pulled and tagged for localhost:5000, a registry started with `runFlags`. */
function withRegistry(runFlags = '') {
  const s = createSession();
  s.run('docker pull -q busybox');
  s.run(`docker run -d -p 5000:5000 --name registry ${runFlags} registry:2`);
  s.run('docker tag busybox localhost:5000/box:1');
  return s;
}

/** The response body and code, the Date header set aside (it is the simulated clock's). */
const curl = (s: ReturnType<typeof createSession>, args: string) => {
  const r = s.run(`curl -si ${args}`);
  return { ...r, output: r.output.replace(/^Date: .*\r\n/m, 'Date: -\r\n') };
};

const head = (status: string, length: number, extra = '') =>
  `HTTP/1.1 ${status}\r\n${extra}Content-Type: application/json; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: -\r\nContent-Length: ${length}\r\n\r\n`;

describe('a registry:2 container', () => {
  it('lists what was pushed in its catalog and tag lists, and NAME_UNKNOWN for other names', () => {
    const s = withRegistry();
    expect(curl(s, 'localhost:5000/v2/_catalog')).toEqual({ output: `${head('200 OK', 20)}{"repositories":[]}\n`, exitCode: 0 });
    expect(s.run('docker push localhost:5000/box:1')).toEqual({
      output: `The push refers to repository [localhost:5000/box]\n2914900d6408: Pushed\n1: digest: ${MANIFEST} size: 528\n`,
      exitCode: 0,
    });
    s.run('docker tag busybox localhost:5000/box:0.9');
    s.run('docker tag busybox localhost:5000/team/box:2');
    s.run('docker push localhost:5000/box:0.9');
    expect(s.run('docker push localhost:5000/team/box:2')).toEqual({
      output: `The push refers to repository [localhost:5000/team/box]\n2914900d6408: Mounted from box\n2: digest: ${MANIFEST} size: 528\n`,
      exitCode: 0,
    });
    expect(curl(s, 'localhost:5000/v2/_catalog')).toEqual({ output: `${head('200 OK', 36)}{"repositories":["box","team/box"]}\n`, exitCode: 0 });
    expect(curl(s, 'localhost:5000/v2/box/tags/list')).toEqual({ output: `${head('200 OK', 34)}{"name":"box","tags":["0.9","1"]}\n`, exitCode: 0 });
    expect(curl(s, 'localhost:5000/v2/team/box/tags/list')).toEqual({ output: `${head('200 OK', 33)}{"name":"team/box","tags":["2"]}\n`, exitCode: 0 });
    expect(curl(s, 'localhost:5000/v2/nosuch/tags/list')).toEqual({
      output: `${head('404 Not Found', 114)}{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nosuch"}}]}\n`,
      exitCode: 0,
    });
    // A name the route does not match (upper case) is the router's plain 404.
    expect(s.run('curl -s localhost:5000/v2/Box/tags/list').output).toBe('404 page not found\n');
    expect(s.run('docker logs registry 2>/dev/null').output).toBe(
      [
        '"GET /v2/_catalog HTTP/1.1" 200 20',
        '"GET /v2/_catalog HTTP/1.1" 200 36',
        '"GET /v2/box/tags/list HTTP/1.1" 200 34',
        '"GET /v2/team/box/tags/list HTTP/1.1" 200 33',
        '"GET /v2/nosuch/tags/list HTTP/1.1" 404 114',
        '"GET /v2/Box/tags/list HTTP/1.1" 404 19',
      ]
        .map((request, i) => `172.17.0.1 - - [03/Mar/2025:09:00:0${i < 1 ? 2 : 5} +0000] ${request} "" "curl/8.5.0"\n`)
        .join(''),
    );
  });

  it('pages its catalog with n and last, with a Link to the next page, and refuses n over 1000', () => {
    const s = withRegistry();
    for (const name of ['b', 'a/z', 'a-b', 'a']) {
      s.run(`docker tag busybox localhost:5000/${name}:1`);
      s.run(`docker push -q localhost:5000/${name}:1`);
    }
    // Names compare component by component: "a/z" before "a-b".
    expect(s.run('curl -s localhost:5000/v2/_catalog').output).toBe('{"repositories":["a","a/z","a-b","b"]}\n');
    expect(curl(s, '"localhost:5000/v2/_catalog?n=2"').output).toBe(`${head('200 OK', 29, '').replace('Docker-Distribution-Api-Version: registry/2.0\r\n', 'Docker-Distribution-Api-Version: registry/2.0\r\nLink: </v2/_catalog?last=a%2Fz&n=2>; rel="next"\r\n')}{"repositories":["a","a/z"]}\n`);
    expect(s.run('curl -s "localhost:5000/v2/_catalog?n=2&last=a%2Fz"').output).toBe('{"repositories":["a-b","b"]}\n');
    expect(s.run('curl -s "localhost:5000/v2/_catalog?n=5&last=a-b"').output).toBe('{"repositories":["b"]}\n');
    expect(curl(s, '"localhost:5000/v2/_catalog?n=1001"')).toEqual({
      output: `${head('400 Bad Request', 118)}{"errors":[{"code":"PAGINATION_NUMBER_INVALID","message":"invalid number of results requested","detail":{"n":1001}}]}\n`,
      exitCode: 0,
    });
  });

  it('takes GET only on its catalog and tag lists, as gorilla’s MethodHandler answers', () => {
    const s = withRegistry();
    const refused = 'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Type: text/plain; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: -\r\nContent-Length: 19\r\n\r\n';
    expect(curl(s, '-X POST localhost:5000/v2/_catalog')).toEqual({ output: `${refused}Method not allowed\n`, exitCode: 0 });
    expect(curl(s, '-I localhost:5000/v2/box/tags/list')).toEqual({ output: refused, exitCode: 0 });
  });

  it('keeps the images as files under /var/lib/registry, in its anonymous volume', () => {
    const s = withRegistry();
    s.run('docker push localhost:5000/box:1');
    const v2 = '/var/lib/registry/docker/registry/v2';
    expect(s.run(`docker exec registry ls ${v2} ${v2}/repositories/box ${v2}/repositories/box/_manifests/tags/1 ${v2}/repositories/box/_layers/sha256 ${v2}/blobs/sha256/d0`).output).toBe(
      `${v2}:\nblobs\nrepositories\n\n${v2}/blobs/sha256/d0:\n${MANIFEST.slice(7)}\n\n${v2}/repositories/box:\n_layers\n_manifests\n_uploads\n\n${v2}/repositories/box/_layers/sha256:\n${LAYER.slice(7)}\n${CONFIG.slice(7)}\n\n${v2}/repositories/box/_manifests/tags/1:\ncurrent\nindex\n`,
    );
    // A link holds the digest and no newline, as the registry writes it.
    expect(s.run(`docker exec registry cat ${v2}/repositories/box/_manifests/tags/1/current/link`).output).toBe(MANIFEST);
    expect(JSON.parse(s.run(`docker exec registry cat ${v2}/blobs/sha256/d0/${MANIFEST.slice(7)}/data`).output)).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: expect.any(Number), digest: CONFIG },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 2_155_907, digest: LAYER }],
    });
    // The files live in the volume docker made for the image's VOLUME: nothing in the container's own layer.
    const volumes = Object.values(s.store.getState().docker.volumes);
    expect(volumes.map((v) => Object.keys(v.files).filter((f) => f.includes('/current/')))).toEqual([['docker/registry/v2/repositories/box/_manifests/tags/1/current/link']]);
  });

  it('forgets its images when replaced by a new container without a volume, as the real one does', () => {
    const s = withRegistry();
    s.run('docker push localhost:5000/box:1');
    s.run('docker rmi localhost:5000/box:1');
    // Stopped and started, it is the same container with the same volume: the image is still there.
    s.run('docker stop registry && docker start registry');
    expect(s.run('docker pull -q localhost:5000/box:1')).toEqual({ output: 'localhost:5000/box:1\n', exitCode: 0 });
    s.run('docker rmi localhost:5000/box:1');
    s.run('docker rm -f registry');
    s.run('docker run -d -p 5000:5000 --name registry registry:2');
    expect(s.run('docker pull localhost:5000/box:1')).toEqual({
      output: 'Error response from daemon: manifest for localhost:5000/box:1 not found: manifest unknown: manifest unknown\n',
      exitCode: 1,
    });
    expect(s.run('curl -s localhost:5000/v2/_catalog').output).toBe('{"repositories":[]}\n');
    expect(s.run('docker pull localhost:5000/box@' + MANIFEST)).toEqual({
      output: `Error response from daemon: manifest for localhost:5000/box@${MANIFEST} not found: manifest unknown: manifest unknown\n`,
      exitCode: 1,
    });
    // The old container's anonymous volume is left behind, as `docker rm` without -v leaves it.
    expect(s.run('docker volume ls -q | wc -l').output).toBe('2\n');
  });

  it('serves the images again from a named volume or a bind mount kept across containers', () => {
    for (const [flags, check] of [
      ['-v registry-data:/var/lib/registry', 'docker volume ls -q'],
      ['-v /home/learner/regdata:/var/lib/registry', 'ls regdata/docker/registry/v2/repositories | cat'],
    ]) {
      const s = withRegistry(flags);
      s.run('docker push localhost:5000/box:1');
      s.run('docker rmi localhost:5000/box:1');
      s.run('docker rm -f registry');
      s.run(`docker run -d -p 5000:5000 --name registry ${flags} registry:2`);
      expect(s.run('docker pull localhost:5000/box:1')).toEqual({
        output: `1: Pulling from box\nDigest: ${MANIFEST}\nStatus: Downloaded newer image for localhost:5000/box:1\nlocalhost:5000/box:1\n`,
        exitCode: 0,
      });
      expect(s.run('curl -s localhost:5000/v2/box/tags/list').output).toBe('{"name":"box","tags":["1"]}\n');
      expect(s.run(check).output).toBe(flags.includes('registry-data') ? 'registry-data\n' : 'box\n');
    }
  });

  it('leaves pushes to a remote registry where they were: registry.example.com is not the container', () => {
    const s = withRegistry();
    s.run('echo secret | docker login -u learner --password-stdin registry.example.com');
    s.run('docker tag busybox registry.example.com/team/box:1');
    expect(s.run('docker push registry.example.com/team/box:1')).toEqual({
      output: `The push refers to repository [registry.example.com/team/box]\n2914900d6408: Pushed\n1: digest: ${MANIFEST} size: 528\n`,
      exitCode: 0,
    });
    expect(s.run('curl -s localhost:5000/v2/_catalog').output).toBe('{"repositories":[]}\n');
    s.run('docker rmi registry.example.com/team/box:1');
    s.run('docker rm -f registry');
    expect(s.run('docker pull -q registry.example.com/team/box:1')).toEqual({ output: 'registry.example.com/team/box:1\n', exitCode: 0 });
  });

  it('answers {} at /v2/, which the terminal shows before the next prompt (chapter 5)', async () => {
    const screen = await openScreen();
    screen.session.run('docker run -d -p 5000:5000 --name registry registry:2');
    await screen.keys('curl http://localhost:5000/v2/\r');
    for (let i = 0; i < 20 && screen.driver.busy(); i++) screen.timers.tick(100);
    expect((await screen.lines()).slice(-2)).toEqual(['learner@laptop:~$ curl http://localhost:5000/v2/', '{}learner@laptop:~$']);
  });
});
