import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const containers = (s: ReturnType<typeof createSession>) => Object.values(s.store.getState().docker.containers);

/** What pulling alpine:latest prints after its first line: one layer, the digest, the status. */
const PULL_ALPINE = [
  '1f3e46996e29: Pull complete',
  'Digest: sha256:56fa17d2a7e7f168a043a2712e63aed1f8543aeafdcee47c58dcffe38ed51099',
  'Status: Downloaded newer image for alpine:latest',
];

describe('docker create', () => {
  it('creates without starting and prints the full id', () => {
    const s = createSession();
    s.run('docker pull nginx');
    const r = s.run('docker create --name web -p 8080:80 nginx');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^[0-9a-f]{64}\n$/);
    const [c] = containers(s);
    expect(r.output.trim()).toBe(c.id);
    expect(c.state.status).toBe('created');
    expect(s.run('docker ps -a --format "{{.Names}} {{.Status}}"').output).toBe('web Created\n');
    expect(s.run('curl -s localhost:8080').exitCode).toBe(7);
  });

  it('pulls the image first when it is missing', () => {
    const s = createSession();
    const r = s.run('docker create alpine');
    const [c] = containers(s);
    expect(r).toEqual({
      output: [
        "Unable to find image 'alpine:latest' locally",
        'latest: Pulling from library/alpine',
        ...PULL_ALPINE,
        c.id,
        '',
      ].join('\n'),
      exitCode: 0,
    });
  });

  it('is started later with docker start, with everything create was given', () => {
    const s = createSession();
    s.run('docker pull nginx');
    s.run('docker create --name web -p 8080:80 -e MODE=test nginx');
    expect(s.run('docker start web').output).toBe('web\n');
    expect(s.run('curl -s localhost:8080')).toEqual({ output: s.run('docker exec web cat /usr/share/nginx/html/index.html').output, exitCode: 0 });
    expect(s.run("docker inspect -f '{{index .Config.Env 6}}' web").output).toBe('MODE=test\n');
  });

  it('refuses what run refuses, pointing at docker create --help', () => {
    const s = createSession();
    s.run('docker pull nginx');
    const id = s.run('docker create --name web nginx').output.trim();
    expect(s.run('docker create --name web nginx')).toEqual({
      output: `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker create --help' for more information\n`,
      exitCode: 125,
    });
    expect(s.run('docker create --network nope nginx').output).toBe("docker: Error response from daemon: network nope not found\n\nRun 'docker create --help' for more information\n");
    expect(s.run('docker exec web ls')).toEqual({ output: `Error response from daemon: container ${id} is not running\n`, exitCode: 1 });
  });
});

describe('docker container prune', () => {
  function setup() {
    const s = createSession();
    for (const line of ['docker pull nginx', 'docker pull alpine', 'docker run -d --name web nginx', 'docker run --name once alpine echo hi', 'docker create --name idle nginx']) s.run(line);
    return s;
  }

  it('asks first, and removes every container that is not running', () => {
    const s = setup();
    const stopped = containers(s).filter((c) => c.name !== 'web').sort((a, b) => b.created - a.created);
    const r = s.run('docker container prune', { input: ['y\r'] });
    expect(r.exitCode).toBe(0);
    expect(r.output.replace(/\r/g, '')).toBe(
      `WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] y\nDeleted Containers:\n${stopped.map((c) => `${c.id}\n`).join('')}\nTotal reclaimed space: 0B\n`,
    );
    expect(containers(s).map((c) => c.name)).toEqual(['web']);
  });

  it('keeps everything unless the answer is y', () => {
    const s = setup();
    expect(s.run('docker container prune', { input: ['yes\r'] }).exitCode).toBe(0);
    expect(s.run('echo n | docker container prune').output).toBe('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
    expect(containers(s)).toHaveLength(3);
  });

  it('does not ask with -f, and counts what the removed containers wrote', () => {
    const s = setup();
    s.run('docker run --name writer alpine sh -c "echo 0123456789 > /big"');
    // Newest first: writer, idle, once; 11 bytes are writer's /big.
    const ids = ['writer', 'idle', 'once'].map((name) => containers(s).find((c) => c.name === name)!.id);
    expect(s.run('docker container prune -f')).toEqual({ output: `Deleted Containers:\n${ids.map((id) => `${id}\n`).join('')}\nTotal reclaimed space: 11B\n`, exitCode: 0 });
    expect(s.run('docker container prune -f').output).toBe('Total reclaimed space: 0B\n');
  });
});
