// docker rmi / docker image rm, as the Docker 28 daemon with the classic image store answers:
// Untagged and Deleted records, the conflicts with containers, what -f can and cannot force, and
// the client's way of gathering errors (printed last; not-found ones do not fail under -f).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { CATALOG } from '../../../../../simulators/docker/catalog';
import { chainIds } from '../../../../../simulators/docker/engine/images';

const NGINX = CATALOG.find((i) => i.repository === 'nginx' && i.tags.includes('latest'))!;
const NGINX_ID = NGINX.id;
const SHORT = NGINX_ID.slice(7, 19);

describe('docker rmi', () => {
  it('untags the name and its digest, then deletes the image and its layers, top first', () => {
    const s = createSession();
    s.run('docker pull nginx');
    const chains = chainIds(NGINX.layers).reverse();
    expect(s.run('docker rmi nginx')).toEqual({
      output: `Untagged: nginx:latest\nUntagged: nginx@${NGINX.digest}\nDeleted: ${NGINX_ID}\n${chains.map((c) => `Deleted: ${c}\n`).join('')}`,
      exitCode: 0,
    });
    expect(s.run('docker images -q').output).toBe('');
  });

  it('only untags while other names remain', () => {
    const s = createSession();
    s.run('docker pull nginx');
    s.run('docker tag nginx registry.example.com/team/web:1.0');
    expect(s.run('docker rmi registry.example.com/team/web:1.0')).toEqual({ output: 'Untagged: registry.example.com/team/web:1.0\n', exitCode: 0 });
    s.run('docker tag nginx nginx:stable');
    // Another tag of the same repository keeps the digest reference too.
    expect(s.run('docker image rm nginx:stable')).toEqual({ output: 'Untagged: nginx:stable\n', exitCode: 0 });
    expect(s.run('docker images --format "{{.Repository}}:{{.Tag}}"').output).toBe('nginx:latest\n');
  });

  it('keeps layers another image still uses', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    const python = s.store.getState().docker.images;
    const id = Object.keys(python)[0];
    const layers = CATALOG.find((i) => i.id === id)!.layers;
    // A second image sharing every layer but the top one keeps those.
    s.store.setState((w) => ({
      ...w,
      docker: {
        ...w.docker,
        images: { ...w.docker.images, 'sha256:aaaa000000000000000000000000000000000000000000000000000000000000': { id: 'sha256:aaaa000000000000000000000000000000000000000000000000000000000000', tags: ['mine:1'], digests: [], added: 0, source: 'built' } },
        builtImages: { 'sha256:aaaa000000000000000000000000000000000000000000000000000000000000': { created: 0, config: CATALOG.find((i) => i.id === id)!.config, layers: layers.slice(0, -1).map((l) => ({ digest: l.digest, sizeBytes: l.sizeBytes })), history: [], baseId: id, files: {} } },
      },
    }), true);
    const entry = CATALOG.find((i) => i.id === id)!;
    // Only the image and its top layer go; the three below stay for mine:1.
    expect(s.run('docker rmi python:3.12-slim')).toEqual({
      output: `Untagged: python:3.12-slim\nUntagged: python@${entry.digest}\nDeleted: ${id}\nDeleted: ${chainIds(layers).at(-1)}\n`,
      exitCode: 0,
    });
  });

  it('refuses to untag an image a container uses, unless forced', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    const cid = s.run('docker ps -q').output.trim();
    expect(s.run('docker rmi nginx')).toEqual({
      output: `Error response from daemon: conflict: unable to remove repository reference "nginx" (must force) - container ${cid} is using its referenced image ${SHORT}\n`,
      exitCode: 1,
    });
    // By id, a running container cannot be forced away...
    const hard = `Error response from daemon: conflict: unable to delete ${SHORT} (cannot be forced) - image is being used by running container ${cid}\n`;
    expect(s.run(`docker rmi ${SHORT}`)).toEqual({ output: hard, exitCode: 1 });
    expect(s.run(`docker rmi -f ${SHORT}`)).toEqual({ output: hard, exitCode: 1 });
    // ...but by name -f removes the names and leaves the image, dangling, to the container.
    expect(s.run('docker rmi -f nginx')).toEqual({ output: `Untagged: nginx:latest\nUntagged: nginx@${NGINX.digest}\n`, exitCode: 0 });
    expect(s.run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"').output).toBe(`<none>:<none> ${SHORT}\n`);
  });

  it('needs -f for an image a stopped container uses, and then keeps the layers for it', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    s.run('docker stop web');
    const cid = s.run('docker ps -aq').output.trim();
    expect(s.run(`docker rmi ${SHORT.slice(0, 4)}`)).toEqual({
      output: `Error response from daemon: conflict: unable to delete ${SHORT} (must be forced) - image is being used by stopped container ${cid}\n`,
      exitCode: 1,
    });
    expect(s.run('docker rmi -f nginx')).toEqual({ output: `Untagged: nginx:latest\nUntagged: nginx@${NGINX.digest}\nDeleted: ${NGINX_ID}\n`, exitCode: 0 });
  });

  it('by id, wants -f when the image has names in several repositories', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker tag busybox mybox:1');
    const id = s.run('docker images busybox -q').output.trim();
    expect(s.run(`docker rmi ${id}`)).toEqual({ output: `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`, exitCode: 1 });
    const busybox = CATALOG.find((i) => i.repository === 'busybox')!;
    expect(s.run(`docker rmi -f ${id}`)).toEqual({
      output: `Untagged: busybox:latest\nUntagged: busybox@${busybox.digest}\nUntagged: mybox:1\nDeleted: ${busybox.id}\nDeleted: ${chainIds(busybox.layers)[0]}\n`,
      exitCode: 0,
    });
  });

  it('prints the records it could, then every error; -f does not fail on missing images', () => {
    const s = createSession();
    s.run('docker pull busybox');
    const busybox = CATALOG.find((i) => i.repository === 'busybox')!;
    expect(s.run('docker rmi missing busybox other:1')).toEqual({
      output:
        `Untagged: busybox:latest\nUntagged: busybox@${busybox.digest}\nDeleted: ${busybox.id}\nDeleted: ${chainIds(busybox.layers)[0]}\n` +
        'Error response from daemon: No such image: missing:latest\nError response from daemon: No such image: other:1\n',
      exitCode: 1,
    });
    expect(s.run('docker rmi -f missing')).toEqual({ output: 'Error response from daemon: No such image: missing:latest\n', exitCode: 0 });
    expect(s.run(`docker rmi sha256:${'a'.repeat(64)}`)).toEqual({ output: `Error response from daemon: No such image: sha256:${'a'.repeat(64)}\n`, exitCode: 1 });
  });

  it('keeps a built image the learner pushed, so the registry can serve it back', () => {
    const s = createSession();
    s.run('docker pull busybox');
    const id = s.run('docker images -q --no-trunc').output.trim();
    s.store.setState((w) => ({ ...w, docker: { ...w.docker, builtImages: { ...w.docker.builtImages, [id]: { created: 0, config: CATALOG.find((i) => i.id === id)!.config, layers: [], history: [], baseId: id, files: {} } } } }), true);
    s.run('docker rmi busybox');
    expect(s.store.getState().docker.builtImages[id]).toBeDefined();
  });
});

describe('docker image prune', () => {
  it('removes dangling images after asking, and everything unused with -a', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    s.run('docker pull busybox');
    s.run('docker pull alpine');
    s.run('docker tag alpine busybox:latest'); // busybox's image keeps only its digest: dangling
    const busybox = CATALOG.find((i) => i.repository === 'busybox')!;
    expect(s.run('docker image prune', { input: ['n\r'] })).toEqual({ output: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] n\r\n', exitCode: 0 });
    const pruned = s.run('echo y | docker image prune');
    expect(pruned.output).toBe(
      `WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] Deleted Images:\nuntagged: busybox@${busybox.digest}\ndeleted: ${busybox.id}\n${chainIds(busybox.layers).reverse().map((c) => `deleted: ${c}\n`).join('')}\nTotal reclaimed space: 4.27MB\n`,
    );
    expect(s.run('docker image prune -f')).toEqual({ output: 'Total reclaimed space: 0B\n', exitCode: 0 });
    // -a: alpine (also named busybox:latest now) goes; nginx stays for its container.
    const alpine = CATALOG.find((i) => i.repository === 'alpine' && i.tags.includes('latest'))!;
    expect(s.run('docker image prune -a -f')).toEqual({
      output: `Deleted Images:\nuntagged: alpine:latest\nuntagged: alpine@${alpine.digest}\nuntagged: busybox:latest\ndeleted: ${alpine.id}\ndeleted: ${chainIds(alpine.layers)[0]}\n\nTotal reclaimed space: 7.83MB\n`,
      exitCode: 0,
    });
    expect(s.run('docker images --format "{{.Repository}}"').output).toBe('nginx\n');
  });
});


describe('docker rmi -f of an image a stopped container uses', () => {
  it('deletes the image record only; the container keeps its layers, starts, and shows the id', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    s.run('docker stop web');
    const nginx = CATALOG.find((i) => i.repository === 'nginx' && i.tags.includes('latest'))!;
    expect(s.run('docker rmi nginx').exitCode).toBe(1);
    expect(s.run('docker rmi -f nginx')).toEqual({ output: `Untagged: nginx:latest\nUntagged: nginx@${nginx.digest}\nDeleted: ${nginx.id}\n`, exitCode: 0 });
    expect(s.run('docker start web')).toEqual({ output: 'web\n', exitCode: 0 });
    expect(s.run('docker ps --format "{{.Image}} {{.Names}}"').output).toBe(`${nginx.id.slice(7, 19)} web\n`);
    expect(s.run('docker exec web hostname').exitCode).toBe(0);
  });

  it('a running container keeps its image: -f by name only untags it, -f by id is refused', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    const nginx = CATALOG.find((i) => i.repository === 'nginx' && i.tags.includes('latest'))!;
    expect(s.run('docker rmi -f nginx').output).toBe(`Untagged: nginx:latest\nUntagged: nginx@${nginx.digest}\n`);
    expect(s.run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"').output).toBe(`<none>:<none> ${nginx.id.slice(7, 19)}\n`);
    expect(s.run(`docker rmi -f ${nginx.id.slice(7, 19)}`)).toEqual({
      output: `Error response from daemon: conflict: unable to delete ${nginx.id.slice(7, 19)} (cannot be forced) - image is being used by running container a08ff49b6f77\n`,
      exitCode: 1,
    });
  });
});
