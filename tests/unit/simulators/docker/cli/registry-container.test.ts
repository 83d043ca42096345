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

/** busybox pulled and tagged for localhost:5000, a registry (`image`) started with `runFlags`. */
function withRegistry(runFlags = '', image = 'registry:2') {
  const s = createSession();
  s.run('docker pull -q busybox');
  s.run(`docker run -d -p 5000:5000 --name registry ${runFlags} ${image}`);
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

// registry:3 (distribution 3.0.0) stores and serves the same way; what differs is its image (config in
// /etc/distribution, log level debug, a debug server on :5001), its log lines (logrus 1.9.3, an
// `environment` field) and a few answers: `application/json` without charset, no nosniff from the config,
// strict `n`, paged tag lists.
describe('a registry:3 container', () => {
  /** registry 3.0.0's JSON answers: no charset, no X-Content-Type-Options. */
  const head3 = (status: string, length: number, extra = '') =>
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nDocker-Distribution-Api-Version: registry/2.0\r\n${extra}Date: -\r\nContent-Length: ${length}\r\n\r\n`;
  const withRegistry3 = (runFlags = '') => withRegistry(runFlags, 'registry:3');

  it('pulls and starts as `docker run -d -p 5000:5000 --name registry registry:3`, logging distribution 3.0.0’s start-up', () => {
    const s = createSession();
    expect(s.run('docker run -d -p 5000:5000 --name registry registry:3')).toEqual({
      output:
        "Unable to find image 'registry:3' locally\n3: Pulling from library/registry\n" +
        ['f637881d1138', 'ed8e0977a7e0', '9fc4080776f9', '1a51344b3dd0', '658f32c91179'].map((id) => `${id}: Pull complete\n`).join('') +
        'Digest: sha256:cd92709b4191c5779cd7215ccd695db6c54652e7a62843197e367427efb84d0e\nStatus: Downloaded newer image for registry:3\n' +
        'a08ff49b6f772632716c43069c43a8c3b7cf3c25632b92409d3fb64afebede10\n',
      exitCode: 0,
    });
    const fields = 'environment=development go.version=go1.23.7 instance.id=4f1d2c7a-8e3b-4a56-9c0d-7b2e91f3a6d4 service=registry version=3.0.0';
    const logs = s.run('docker logs registry').output.replace(/^time="[^"]+"/gm, 'time="-"');
    expect(logs).toBe(
      [
        'level=debug msg="using \\"text\\" logging formatter"',
        `level=warning msg="No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable." ${fields}`,
        `level=info msg="redis not configured" ${fields}`,
        `level=info msg="using inmemory blob descriptor cache" ${fields}`,
        'level=info msg="providing prometheus metrics on /metrics"',
        `level=info msg="listening on [::]:5000" ${fields}`,
        `level=info msg="Starting upload purge in 11m0s" ${fields}`,
        'level=info msg="debug server listening :5001"',
      ]
        .map((line) => `time="-" ${line}\n`)
        .join(''),
    );
    // logrus writes to stderr; the times are RFC 3339 with nanoseconds.
    expect(s.run('docker logs registry 2>/dev/null').output).toBe('');
    expect(s.run('docker logs registry').output.split('\n')[0]).toMatch(/^time="2025-03-03T09:00:0\d\.\d+Z" level=debug /);
    expect(s.run('docker ps --format "{{.Image}} {{.Command}} {{.Ports}}"').output).toBe('registry:3 "/entrypoint.sh /etc…" 0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp\n');
    // Built 3 Apr 2025, after this session's clock: go-units says "Less than a second" for a negative age.
    expect(s.run('docker images registry').output).toBe('REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE\nregistry     3         e4e570676819   Less than a second ago   57.7MB\n');
  });

  it('answers /v2/ with {} as application/json, without the nosniff header 2.8.3’s config added', () => {
    const s = withRegistry3();
    expect(curl(s, 'localhost:5000/v2/')).toEqual({
      output: 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\nDocker-Distribution-Api-Version: registry/2.0\r\nDate: -\r\n\r\n{}',
      exitCode: 0,
    });
    expect(s.run('curl -s localhost:5000/nosuch').output).toBe('404 page not found\n');
  });

  it('takes a push and gives the image back after it is removed locally, as registry:2 does', () => {
    const s = withRegistry3();
    expect(s.run('docker push localhost:5000/box:1')).toEqual({
      output: `The push refers to repository [localhost:5000/box]\n2914900d6408: Pushed\n1: digest: ${MANIFEST} size: 528\n`,
      exitCode: 0,
    });
    expect(s.run('docker rmi localhost:5000/box:1')).toEqual({ output: `Untagged: localhost:5000/box:1\nUntagged: localhost:5000/box@${MANIFEST}\n`, exitCode: 0 });
    expect(s.run('docker pull localhost:5000/box:1')).toEqual({
      output: `1: Pulling from box\nDigest: ${MANIFEST}\nStatus: Downloaded newer image for localhost:5000/box:1\nlocalhost:5000/box:1\n`,
      exitCode: 0,
    });
    expect(s.run('docker pull localhost:5000/box:2')).toEqual({
      output: 'Error response from daemon: manifest for localhost:5000/box:2 not found: manifest unknown: manifest unknown\n',
      exitCode: 1,
    });
    // The same files under /var/lib/registry, in the image's anonymous volume.
    const v2 = '/var/lib/registry/docker/registry/v2';
    expect(s.run(`docker exec registry cat ${v2}/repositories/box/_manifests/tags/1/current/link`).output).toBe(MANIFEST);
    expect(s.run('docker logs registry 2>/dev/null').output).toBe('');
  });

  it('lists its catalog and tags as application/json, refuses an `n` that is not a count, and pages tag lists', () => {
    const s = withRegistry3();
    for (const tag of ['1', '2', '3']) {
      s.run(`docker tag busybox localhost:5000/box:${tag}`);
      s.run(`docker push -q localhost:5000/box:${tag}`);
    }
    expect(curl(s, 'localhost:5000/v2/_catalog')).toEqual({ output: `${head3('200 OK', 25)}{"repositories":["box"]}\n`, exitCode: 0 });
    expect(curl(s, 'localhost:5000/v2/box/tags/list')).toEqual({ output: `${head3('200 OK', 36)}{"name":"box","tags":["1","2","3"]}\n`, exitCode: 0 });
    expect(curl(s, '"localhost:5000/v2/box/tags/list?n=2"')).toEqual({
      output: `${head3('200 OK', 32, 'Link: </v2/box/tags/list?last=2&n=2>; rel="next"\r\n')}{"name":"box","tags":["1","2"]}\n`,
      exitCode: 0,
    });
    expect(s.run('curl -s "localhost:5000/v2/box/tags/list?n=2&last=2"').output).toBe('{"name":"box","tags":["3"]}\n');
    expect(s.run('curl -s "localhost:5000/v2/box/tags/list?last=1"').output).toBe('{"name":"box","tags":["2","3"]}\n');
    expect(s.run('curl -s "localhost:5000/v2/box/tags/list?n=0"').output).toBe('{"name":"box","tags":[]}\n');
    const invalid = (n: string) => `{"errors":[{"code":"PAGINATION_NUMBER_INVALID","message":"invalid number of results requested","detail":{"n":${n}}}]}\n`;
    expect(curl(s, '"localhost:5000/v2/_catalog?n=abc"')).toEqual({ output: `${head3('400 Bad Request', 119)}${invalid('"abc"')}`, exitCode: 0 });
    expect(s.run('curl -s "localhost:5000/v2/_catalog?n=-1"').output).toBe(invalid('"-1"'));
    expect(s.run('curl -s "localhost:5000/v2/_catalog?n=1001"').output).toBe(invalid('1001'));
    expect(s.run('curl -s "localhost:5000/v2/box/tags/list?n=x"').output).toBe(invalid('"x"'));
    expect(curl(s, 'localhost:5000/v2/nosuch/tags/list')).toEqual({
      output: `${head3('404 Not Found', 114)}{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nosuch"}}]}\n`,
      exitCode: 0,
    });
    // http.Error sets nosniff itself: the 405 keeps it.
    expect(curl(s, '-X POST localhost:5000/v2/_catalog').output).toBe(
      'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Type: text/plain; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: -\r\nContent-Length: 19\r\n\r\nMethod not allowed\n',
    );
  });

  it('keeps its images across containers in a named volume', () => {
    const s = withRegistry3('-v registry-data:/var/lib/registry');
    s.run('docker push localhost:5000/box:1');
    s.run('docker rmi localhost:5000/box:1');
    s.run('docker rm -f registry');
    s.run('docker run -d -p 5000:5000 --name registry -v registry-data:/var/lib/registry registry:3');
    expect(s.run('docker pull -q localhost:5000/box:1')).toEqual({ output: 'localhost:5000/box:1\n', exitCode: 0 });
    expect(s.run('curl -s localhost:5000/v2/_catalog').output).toBe('{"repositories":["box"]}\n');
  });

  it('is what `registry` (latest) names now; `docker stop` ends it with Go’s status 2, as 2.8.3', () => {
    const s = createSession();
    s.run('docker run -d -p 5000:5000 --name registry registry');
    expect(s.run('docker inspect --format "{{.Config.Image}} {{.Image}}" registry').output).toBe('registry sha256:e4e5706768198b632e90feae7e51918ffac8898936ee9c3bbcf036f84c8f5ba1\n');
    s.run('docker stop registry');
    expect(s.run('docker inspect --format "{{.State.ExitCode}}" registry').output).toBe('2\n');
  });
});
