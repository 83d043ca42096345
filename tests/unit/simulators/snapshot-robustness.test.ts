// restore() takes whatever a browser's storage or a link holds: it refuses with its own
// SnapshotError and a reason, never anything else, and a world it accepts never makes a later
// command fail (the Docker records are checked as deeply as the shell's).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, SnapshotError, type Session } from '../../../simulators';

const SETUP = [
  'docker pull nginx',
  'docker pull busybox',
  'docker network create appnet',
  'docker volume create data',
  'docker run -d --name web -p 8080:80 --network appnet -v data:/data nginx',
  'docker exec web sh -c "echo hi > /tmp/x"',
  'docker run --name once busybox echo hi',
  'docker run -d --name loop busybox sh -c "while true; do echo x; sleep 1; done"',
  'docker run -d --restart=always --name flaky busybox false',
  'mkdir -p projects/demo && echo hello > projects/demo/readme.txt',
];

const BATTERY = [
  'docker ps -a',
  'docker images',
  'docker inspect web once loop flaky',
  'docker logs web',
  'docker logs loop',
  'docker network ls',
  'docker network inspect appnet',
  'docker volume ls',
  'docker system df',
  'docker exec web cat /tmp/x',
  'curl -s localhost:8080 | head -3',
  'ls -R projects',
  'cat projects/demo/readme.txt',
  'history | tail -3',
  'date',
];

let cached: unknown;
/** A world with containers in every state, networks, volumes, files and history, as JSON. */
function richWorld(): Record<string, unknown> {
  if (!cached) {
    const s = createSession();
    for (const line of SETUP) s.run(line);
    s.advance(20_000);
    cached = JSON.parse(JSON.stringify(s.snapshot()));
  }
  return structuredClone(cached) as Record<string, unknown>;
}

const battery = (s: Session) => BATTERY.map((line) => [line, s.run(line)] as const);

const refusal = (world: unknown): string => {
  try {
    createSession().restore(world);
  } catch (e) {
    expect(e).toBeInstanceOf(SnapshotError);
    return (e as Error).message;
  }
  return 'accepted';
};

/** A directory holding one directory, `depth` levels down. */
function deepTree(depth: number) {
  const leaf = () => ({ kind: 'dir', children: {}, mode: 0o755, owner: 'learner', mtime: 0 });
  const root = leaf() as { children: Record<string, unknown> };
  let at = root;
  for (let i = 0; i < depth; i++) {
    const next = leaf() as { children: Record<string, unknown> };
    at.children.a = next;
    at = next;
  }
  return root;
}

describe('a saved world comes back exactly', () => {
  it('restores a busy world, and every command answers as it did before', () => {
    const s = createSession();
    s.restore(richWorld());
    const t = createSession();
    t.restore(richWorld());
    expect(battery(t)).toEqual(battery(s));
    expect(s.run('docker ps -a --format "{{.Names}} {{.Status}}"').output).toBe('flaky Restarting (1) 7 seconds ago\nloop Up 21 seconds\nonce Exited (0) 21 seconds ago\nweb Up 21 seconds\n');
  });
});

describe('restore refuses with its own error, whatever the value', () => {
  it('a file tree 5,000 levels deep (deeper than any path the file system lets a learner make)', () => {
    const world = richWorld();
    world.fs = deepTree(5000);
    expect(refusal(world)).toBe(`saved machine is not usable: fs: ${'/a'.repeat(511)}: deeper than 511 directories`);
  });

  it('a container whose files are 5,000 levels deep', () => {
    const world = richWorld() as { docker: { containers: Record<string, { name: string; fs?: unknown }> } };
    const web = Object.values(world.docker.containers).find((c) => c.name === 'web')!;
    web.fs = deepTree(5000);
    expect(refusal(world)).toMatch(/^saved machine is not usable: docker\.containers\.[0-9a-f]{64}\.fs: (\/a){511}: deeper than 511 directories$/);
  });

  it('values nested without end, huge arrays, and things that are not worlds at all', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    const world = richWorld() as { shell: { history: unknown[]; vars: Record<string, unknown> } };
    world.shell.vars.DEEP = nested;
    expect(refusal(world)).toBe('saved machine is not usable: shell.vars.DEEP: Invalid input: expected string, received array');
    const long = richWorld() as { shell: { history: string[] } };
    long.shell.history = Array.from({ length: 1_000_001 }, () => 'ls');
    expect(refusal(long)).toBe('saved machine is not usable: shell.history: Too big: expected array to have <=1000 items');
    expect(refusal(nested)).toMatch(/^saved machine is not usable: /);
    for (const junk of [null, 42, 'world', [], {}, { schema: 2 }]) expect(refusal(junk)).toMatch(/^saved machine is not usable: /);
  });

  it.each([
    ['a port as text', (d: Docker) => (web(d).hostConfig.portBindings[0].hostPort = '8080'), /hostConfig\.portBindings\.0\.hostPort: Invalid input: expected number, received string$/],
    ['a log line at no time', (d: Docker) => (web(d).logs[0] = { at: 'soon', stream: 'stdout', text: 'x' }), /\.logs\.0: Invalid input$/],
    ['an unknown restart policy', (d: Docker) => (web(d).hostConfig.restartPolicy.name = 'sometimes'), /restartPolicy\.name: Invalid option/],
    ['an unknown state', (d: Docker) => (web(d).state.status = 'zombie'), /state\.status: Invalid option/],
    ['a start past what a Date holds', (d: Docker) => (web(d).state.startedAt = 1e300), /state\.startedAt: Too big/],
    ['a network that does not exist', (d: Docker) => delete d.networks.appnet, /networks\.appnet: no such network$/],
    ['a volume that does not exist', (d: Docker) => delete d.volumes.data, /mounts\.0\.source: no such volume$/],
    ['a container stored under another id', (d: Docker) => (web(d).id = 'f'.repeat(64)), /\.id: not the key it is stored under$/],
    ['two containers with one name', (d: Docker) => (Object.values(d.containers).find((c) => c.name === 'loop')!.name = 'web'), /the name web is taken twice$/],
    ['a container shell with history of numbers', (d: Docker) => (web(d).shell = { cwd: '/', oldpwd: '/', vars: {}, exported: [], history: [1, 2], lastExitCode: 0 }), /\.shell\.history\.0: Invalid input: expected string, received number$/],
    ['a table key an object cannot keep', (d: Docker) => Object.defineProperty(d.volumes, '__proto__', { value: d.volumes.data, enumerable: true }), /volumes\.__proto__: not a usable name$/],
  ])('%s', (_name, mutate, reason) => {
    const world = richWorld() as { docker: Docker };
    mutate(world.docker);
    expect(refusal(world)).toMatch(reason);
  });
});

type Docker = {
  containers: Record<string, { name: string; id: string; logs: unknown[]; shell?: unknown; hostConfig: { portBindings: { hostPort: unknown }[]; restartPolicy: { name: string } }; state: { status: string; startedAt: number } }>;
  networks: Record<string, unknown>;
  volumes: Record<string, unknown>;
};
const web = (d: Docker) => Object.values(d.containers).find((c) => c.name === 'web')!;

describe('a world that passes never makes a later command fail (property)', () => {
  const junk = fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, -1e300, 1e300, 8e15, -8e15, 65536, '', 'x', '/', '..', 'a'.repeat(300), '__proto__', 'bridge', 'none', [], {}, [[[]]], { kind: 'dir' }),
    fc.string({ maxLength: 8 }),
    fc.integer(),
  );
  /** A value of the same kind as `old` (text for text, a number for a number...), or `value` itself. */
  const sameKind = (old: unknown, value: unknown) =>
    typeof old === 'string' ? String(value) : typeof old === 'number' ? (typeof value === 'number' ? value : 0) : typeof old === 'boolean' ? !old : Array.isArray(old) ? [] : old && typeof old === 'object' ? {} : value;
  /** Every path to a value inside the world's docker part and shell, as keys. */
  const paths = (value: unknown, at: string[] = [], out: string[][] = []): string[][] => {
    out.push(at);
    if (typeof value === 'object' && value !== null && at.length < 9) for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
    return out;
  };
  const candidates = (() => {
    const world = richWorld();
    return [...paths(world.docker, ['docker']), ...paths(world.shell, ['shell']), ...paths(world.timers, ['timers'])].filter((p) => p.length > 1);
  })();

  it('mutated worlds are refused or work', () => {
    fc.assert(
      // Half the changes keep each value's kind (text stays text), so that many worlds pass and
      // their commands are put to the test.
      fc.property(fc.array(fc.tuple(fc.constantFrom(...candidates), junk, fc.boolean()), { minLength: 1, maxLength: 3 }), (mutations) => {
        const world = richWorld();
        for (const [path, value, keepKind] of mutations) {
          let at = world as Record<string, unknown>;
          for (const key of path.slice(0, -1)) {
            if (typeof at[key] !== 'object' || at[key] === null) return;
            at = at[key] as Record<string, unknown>;
          }
          const key = path[path.length - 1];
          at[key] = keepKind ? sameKind(at[key], value) : value;
        }
        const s = createSession();
        try {
          s.restore(world);
        } catch (e) {
          expect(e).toBeInstanceOf(SnapshotError);
          return;
        }
        for (const [line, result] of battery(s)) {
          expect([line, result.output]).not.toEqual([line, expect.stringMatching(/internal simulator error/)]);
        }
        s.advance(60_000);
        expect(s.run('echo ok')).toEqual({ output: 'ok\n', exitCode: 0 });
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
