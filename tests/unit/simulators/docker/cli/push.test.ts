// docker push against Docker 28 with the classic image store: the layer lines (short diff ids,
// newest first), what each registry says to a client without credentials, Docker Hub's
// namespaces, and a pushed image that comes back after docker rmi.
import { describe, expect, it } from 'vitest';
import { createSession, stripAnsi } from '../../../../../simulators';
import { CATALOG } from '../../../../../simulators/docker/catalog';
import { chainIds, layerDiffId } from '../../../../../simulators/docker/engine/images';
import { openScreen } from '../../../helpers/screen';

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const PYTHON_SLIM = CATALOG.find((i) => i.repository === 'python' && i.tags.includes('3.12-slim'))!;

/** A session with myapp:1.0 built FROM python:3.12-slim (three layers of its own), as docker build leaves it. */
function withBuiltImage() {
  const s = createSession();
  const id = 'sha256:5b0d5a3e0e5c4b0f8a4e6c1d2b3a49586f7e8d9c0b1a2f3e4d5c6b7a8f9e0d1c';
  const own = [
    { digest: 'sha256:1f1ec1b3a4c4f2d35e7e4f0f2d1bb9a9d0e2f1c3b5a7d9e1f3a5c7e9b1d3f5a7', sizeBytes: 0 },
    { digest: 'sha256:2a2ec1b3a4c4f2d35e7e4f0f2d1bb9a9d0e2f1c3b5a7d9e1f3a5c7e9b1d3f5a7', sizeBytes: 10_949_632 },
    { digest: 'sha256:3b3ec1b3a4c4f2d35e7e4f0f2d1bb9a9d0e2f1c3b5a7d9e1f3a5c7e9b1d3f5a7', sizeBytes: 2_048 },
  ];
  s.store.setState((w) => ({
    ...w,
    docker: {
      ...w.docker,
      images: { ...w.docker.images, [id]: { id, tags: ['myapp:1.0'], digests: [], added: w.clock.now, source: 'built' } },
      builtImages: {
        ...w.docker.builtImages,
        [id]: {
          created: w.clock.now,
          config: { ...PYTHON_SLIM.config, cmd: ['python', 'app.py'], workingDir: '/app', exposedPorts: ['8000/tcp'] },
          layers: [...PYTHON_SLIM.layers.map((l) => ({ digest: l.digest, sizeBytes: l.sizeBytes })), ...own],
          history: [],
          baseId: PYTHON_SLIM.id,
          files: { '/app/app.py': 'print("hi")\n' },
        },
      },
    },
  }), true);
  return { s, id, own };
}

const short = (digest: string) => layerDiffId(digest).slice(7, 19);

describe('docker push', () => {
  it('refuses without credentials after listing the layers, then pushes every layer once logged in', () => {
    const { s, own } = withBuiltImage();
    s.run('docker tag myapp:1.0 registry.example.com/team/myapp:1.0');
    const ids = [...PYTHON_SLIM.layers, ...own].reverse().map((l) => short(l.digest));
    const refused = s.run('docker push registry.example.com/team/myapp:1.0');
    expect(refused).toEqual({
      output:
        'The push refers to repository [registry.example.com/team/myapp]\n' +
        ids.map((id, i) => `${id}: ${i < 5 ? 'Preparing' : 'Waiting'}\n`).join('') +
        'no basic auth credentials\n',
      exitCode: 1,
    });
    s.run('docker login registry.example.com', { input: ['alice\r', 'secret\r'] });
    // The manifest: seven layers and a config, 1781 bytes, and its digest.
    const digest = 'sha256:f749be6d32101ed8144604166b35653b3d363dea0c602a761eef139d20696a02';
    const manifestLine = `1.0: digest: ${digest} size: 1781`;
    expect(s.run('docker push registry.example.com/team/myapp:1.0')).toEqual({
      output: `The push refers to repository [registry.example.com/team/myapp]\n${ids.map((id) => `${id}: Pushed\n`).join('')}${manifestLine}\n`,
      exitCode: 0,
    });
    expect(s.store.getState().docker.registry['registry.example.com/team/myapp']['1.0'].digest).toBe(digest);
    // The digest belongs to the name in that registry; myapp itself has none.
    expect(s.run('docker images --digests --format "{{.Repository}} {{.Digest}}"').output).toBe(`myapp <none>\nregistry.example.com/team/myapp ${digest}\n`);

    // Again: the registry has every layer; the manifest, and so the digest, are the same.
    const again = s.run('docker push registry.example.com/team/myapp:1.0');
    expect(again.output).toBe(`The push refers to repository [registry.example.com/team/myapp]\n${ids.map((id) => `${id}: Layer already exists\n`).join('')}${manifestLine}\n`);

    // Another repository of the same registry mounts the layers it already holds.
    s.run('docker tag myapp:1.0 registry.example.com/team/other:2');
    expect(s.run('docker push registry.example.com/team/other:2')).toEqual({
      output: `The push refers to repository [registry.example.com/team/other]\n${ids.map((id) => `${id}: Mounted from team/myapp\n`).join('')}2: digest: ${digest} size: 1781\n`,
      exitCode: 0,
    });
  });

  it('brings a pushed image back after docker rmi, by pull or by run', () => {
    const { s, id } = withBuiltImage();
    s.run('docker tag myapp:1.0 registry.example.com/team/myapp:1.0');
    s.run('docker login -u alice -p secret registry.example.com');
    s.run('docker push registry.example.com/team/myapp:1.0');
    const removed = s.run('docker rmi registry.example.com/team/myapp:1.0 myapp:1.0');
    expect(removed.exitCode).toBe(0);
    expect(s.store.getState().docker.images[id]).toBeUndefined();
    // Pulls name layers by their compressed digests, base first (pushes by diff ids, top first).
    const pulling = [
      '1.0: Pulling from team/myapp',
      ...['fd674058ff8f', 'ad5b6a1962fd', 'de2a998baeb3', '184aff3eb8fb', '1f1ec1b3a4c4', '2a2ec1b3a4c4', '3b3ec1b3a4c4'].map((l) => `${l}: Pull complete`),
      'Digest: sha256:f749be6d32101ed8144604166b35653b3d363dea0c602a761eef139d20696a02',
      'Status: Downloaded newer image for registry.example.com/team/myapp:1.0',
    ].join('\n');
    expect(s.run('docker pull registry.example.com/team/myapp:1.0')).toEqual({ output: `${pulling}\nregistry.example.com/team/myapp:1.0\n`, exitCode: 0 });
    expect(s.store.getState().docker.images[id].tags).toEqual(['registry.example.com/team/myapp:1.0']);

    s.run('docker rmi registry.example.com/team/myapp:1.0');
    expect(s.run('docker run -d --name app registry.example.com/team/myapp:1.0')).toEqual({
      output: `Unable to find image 'registry.example.com/team/myapp:1.0' locally\n${pulling}\na08ff49b6f772632716c43069c43a8c3b7cf3c25632b92409d3fb64afebede10\n`,
      exitCode: 0,
    });
  });

  it('prints "Using default tag" and explains a missing tag or repository', () => {
    const s = createSession();
    expect(s.run('docker push registry.example.com/team/myapp')).toEqual({
      output: 'Using default tag: latest\nThe push refers to repository [registry.example.com/team/myapp]\nAn image does not exist locally with the tag: registry.example.com/team/myapp\n',
      exitCode: 1,
    });
    s.run('docker pull busybox');
    s.run('docker tag busybox registry.example.com/team/box:1.0');
    expect(s.run('docker push registry.example.com/team/box')).toEqual({
      output: 'Using default tag: latest\nThe push refers to repository [registry.example.com/team/box]\ntag does not exist: registry.example.com/team/box:latest\n',
      exitCode: 1,
    });
    expect(s.run('docker push Nginx')).toEqual({ output: 'invalid reference format: repository name (library/Nginx) must be lowercase\n', exitCode: 1 });
    expect(s.run('docker push -a registry.example.com/team/box:1.0')).toEqual({ output: "tag can't be used with --all-tags/-a\n", exitCode: 1 });
  });

  it('lets Docker Hub users push only into their own namespace, mounting official layers', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    s.run('docker tag python:3.12-slim alice/py:1.0');
    const ids = [...PYTHON_SLIM.layers].reverse().map((l) => short(l.digest));
    const denied = 'denied: requested access to the resource is denied\n';
    expect(s.run('docker push alice/py:1.0')).toEqual({ output: `The push refers to repository [docker.io/alice/py]\n${ids.map((id) => `${id}: Preparing\n`).join('')}${denied}`, exitCode: 1 });
    s.run('docker login -u alice -p pw');
    expect(s.run('docker push alice/py:1.0')).toEqual({
      output: `The push refers to repository [docker.io/alice/py]\n${ids.map((id) => `${id}: Mounted from library/python\n`).join('')}1.0: digest: sha256:61ac399d665fa103ee1343f7a4be7ed8ec6a36bd56c79119b8887a3c48eb8ea3 size: 1159\n`,
      exitCode: 0,
    });
    expect(s.run('docker push python:3.12-slim')).toEqual({ output: `The push refers to repository [docker.io/library/python]\n${ids.map((id) => `${id}: Preparing\n`).join('')}${denied}`, exitCode: 1 });
    s.run('docker tag python:3.12-slim bob/py:1.0');
    expect(s.run('docker push bob/py:1.0').output.endsWith(denied)).toBe(true);
  });

  it('uses each registry’s own words for a client without credentials', () => {
    const s = createSession();
    s.run('docker pull busybox');
    const cases: [string, string][] = [
      [`${ECR}/app:1`, 'no basic auth credentials'],
      ['myacr.azurecr.io/app:1', 'unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.'],
      ['europe-west1-docker.pkg.dev/proj/repo/app:1', 'denied: Unauthenticated request. Unauthenticated requests do not have permission "artifactregistry.repositories.uploadArtifacts" on resource "projects/proj/locations/europe-west1/repositories/repo" (or it may not exist)'],
      ['gcr.io/proj/app:1', "unauthorized: You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication"],
    ];
    for (const [name, error] of cases) {
      s.run(`docker tag busybox ${name}`);
      const r = s.run(`docker push ${name}`);
      expect(r.exitCode).toBe(1);
      expect(r.output.endsWith(`: Preparing\n${error}\n`), r.output).toBe(true);
    }
    s.run('docker tag busybox nosuch.example/app:1');
    expect(s.run('docker push nosuch.example/app:1')).toEqual({
      output: 'The push refers to repository [nosuch.example/app]\nGet "https://nosuch.example/v2/": dial tcp: lookup nosuch.example on 127.0.0.53:53: no such host\n',
      exitCode: 1,
    });
    // A registry on localhost answers only while one runs there; it asks for no credentials.
    s.run('docker tag busybox localhost:5000/box:1');
    expect(s.run('docker push localhost:5000/box:1')).toEqual({
      output: 'The push refers to repository [localhost:5000/box]\nGet "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n',
      exitCode: 1,
    });
    s.run('docker run -d --name registry -p 5000:5000 registry:2');
    expect(s.run('docker push localhost:5000/box:1').exitCode).toBe(0);
    s.run('docker rmi localhost:5000/box:1');
    expect(s.run('docker pull -q localhost:5000/box:1')).toEqual({ output: 'localhost:5000/box:1\n', exitCode: 0 });
    s.run('docker stop registry');
    expect(s.run('docker pull localhost:5000/box:1').output).toBe('Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n');
  });

  it('pushes every tag of a repository with -a, and prints only the name with -q', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker run -d -p 5000:5000 registry:2');
    s.run('docker tag busybox localhost:5000/box:1');
    s.run('docker tag busybox localhost:5000/box:2');
    // The second tag's messages rewrite the same layer line, as the client's display does.
    const manifest = 'digest: sha256:d0b4fe7f49bb8bf7dea03a30799e9f5657c18622eec9a1dfa0111e1d2bae973e size: 528';
    expect(s.run('docker push -a localhost:5000/box')).toEqual({
      output: `The push refers to repository [localhost:5000/box]\n2914900d6408: Layer already exists\n1: ${manifest}\n2: ${manifest}\n`,
      exitCode: 0,
    });
    expect(s.run('docker push -q localhost:5000/box:1')).toEqual({ output: 'localhost:5000/box:1\n', exitCode: 0 });
  });

  it('animates the layers in a live terminal and leaves the same final screen', async () => {
    const screen = await openScreen();
    const { session } = screen;
    session.run('docker pull busybox');
    session.run('docker run -d -p 5000:5000 registry:2');
    session.run('docker tag busybox localhost:5000/box:1');
    await screen.keys('docker push localhost:5000/box:1\r');
    await screen.timers.tick(200);
    const early = await screen.text();
    expect(early).toContain('The push refers to repository [localhost:5000/box]');
    for (let i = 0; i < 100 && !(await screen.text()).includes('digest:'); i++) screen.timers.tick(250);
    const lines = await screen.lines();
    const layer = CATALOG.find((i) => i.repository === 'busybox')!.layers[0];
    const at = lines.findIndex((l) => l.startsWith('The push refers'));
    expect(lines[at + 1]).toBe(`${short(layer.digest)}: Pushed`);
    // The digest line is wider than 80 columns: the terminal wraps it.
    expect(lines.slice(at + 2, at + 4).join('')).toMatch(/^1: digest: sha256:[0-9a-f]{64} size: \d+$/);
    expect(screen.raw.join('')).toMatch(/Pushing +[\d.]+[kM]?B\/[\d.]+MB/);
  });
});

describe('layer ids', () => {
  it('chains ids the way the layer store does: the base layer’s chain id is its diff id', () => {
    const chains = chainIds(PYTHON_SLIM.layers);
    expect(chains[0]).toBe(layerDiffId(PYTHON_SLIM.layers[0].digest));
    expect(new Set(chains).size).toBe(chains.length);
    expect(stripAnsi(chains[1])).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
