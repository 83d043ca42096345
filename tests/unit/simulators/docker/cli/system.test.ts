// docker system df: sizes and reclaimable space computed as docker/cli's disk-usage formatter
// does (layers counted once, a running container's image not reclaimable), checked against the
// real client's rendering of the same daemon answers.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

describe('docker system df', () => {
  it('is all zeros on a fresh laptop', () => {
    expect(createSession().run('docker system df')).toEqual({
      output:
        'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\nImages          0         0         0B        0B\nContainers      0         0         0B        0B\nLocal Volumes   0         0         0B        0B\nBuild Cache     0         0         0B        0B\n',
      exitCode: 0,
    });
  });

  it('counts images, containers and volumes from the world', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    s.run('docker run -d --name web nginx');
    s.run('docker run -d --name old nginx');
    s.run('docker stop old');
    s.run('docker volume create data');
    expect(s.run('docker system df').output).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        'Images          2         1         316.8MB   125.1MB (39%)\n' +
        'Containers      2         1         2.19kB    1.095kB (50%)\n' +
        'Local Volumes   1         0         0B        0B\n' +
        'Build Cache     0         0         0B        0B\n',
    );
    expect(s.run("docker system df --format '{{.Type}}: {{.Reclaimable}}'").output).toBe('Images: 125.1MB (39%)\nContainers: 1.095kB (50%)\nLocal Volumes: 0B\nBuild Cache: 0B\n');
    expect(s.run("docker system df --format '{{json .}}'").output.split('\n')[0]).toBe('{"Active":"1","Reclaimable":"125.1MB (39%)","Size":"316.8MB","TotalCount":"2","Type":"Images"}');
    expect(s.run("docker system df --format '{{.Nope}}'")).toEqual({
      output: 'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.diskUsageImagesContext\n',
      exitCode: 1,
    });
  });

  it('lists each item with -v', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    s.advance(60_000);
    const out = s.run('docker system df -v').output;
    expect(out).toBe(
      'Images space usage:\n\n' +
        'REPOSITORY   TAG       IMAGE ID       CREATED        SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS\n' +
        'nginx        latest    9bea9f2796e2   3 months ago   192MB     0B            191.7MB       1\n\n' +
        'Containers space usage:\n\n' +
        'CONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED              STATUS              NAMES\n' +
        `${s.run('docker ps -q').output.trim()}   nginx     "/docker-entrypoint.…"   0               1.09kB    About a minute ago   Up About a minute   web\n\n` +
        'Local Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\n\n' +
        'Build cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n',
    );
  });
});

describe('docker system prune', () => {
  it('lists what it will remove, then removes stopped containers, unused networks and dangling images', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    s.run('docker run --name hello hello-world');
    s.run('docker network create backend');
    const hello = s.run('docker ps -aq --filter name=hello --no-trunc').output.trim();
    const warning = 'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ';
    expect(s.run('docker system prune', { input: ['\r'] }).output).toBe(`${warning}\r\n`);
    // Declined: both containers are still there, newest first.
    expect(s.run('docker ps -aq --no-trunc').output).toBe(`${hello}\na08ff49b6f772632716c43069c43a8c3b7cf3c25632b92409d3fb64afebede10\n`);
    expect(s.run('docker system prune -f')).toEqual({ output: `Deleted Containers:\n${hello}\n\nDeleted Networks:\nbackend\n\nTotal reclaimed space: 0B\n`, exitCode: 0 });
    // hello-world's image is unused now, but not dangling: only -a takes it.
    expect(s.run('docker images --format "{{.Repository}}"').output).toBe('nginx\nhello-world\n');
    // The image, then its one layer; 13,256 bytes in all (docker ps and images round to 13.3kB).
    expect(s.run('docker system prune -a -f')).toEqual({
      output: [
        'Deleted Images:',
        'untagged: hello-world:latest',
        'untagged: hello-world@sha256:5b3cc85e16e3058003c13b7821318369dad01dac3dbb877aac3c28182255c724',
        'deleted: sha256:d2c94e258dcb3c5ac2798d32e1249e42ef01cba4841c2234249495f87264ac5a',
        'deleted: sha256:ba8d9340b5c278a0ffab97fee754c59d7a3ad501e92c0feabf26d1f89212186f',
        '',
        'Total reclaimed space: 13.26kB',
        '',
      ].join('\n'),
      exitCode: 0,
    });
    // As the Docker 28 client words it; declining exits 0 with nothing more.
    expect(s.run('docker system prune -a --volumes', { input: ['n\r'] })).toEqual({
      output:
        'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all anonymous volumes not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n\nAre you sure you want to continue? [y/N] n\r\n',
      exitCode: 0,
    });
  });
});

