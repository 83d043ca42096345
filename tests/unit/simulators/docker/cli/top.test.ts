import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker pull alpine', 'docker run -d --name web -p 8080:80 nginx']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

const rows = (output: string) => output.trimEnd().split('\n').map((l) => l.split(/\s{2,}/));

describe('docker top', () => {
  it('lists the container processes with host pids, columns 20 wide as docker pads them', () => {
    const s = setup();
    const r = s.run('docker top web');
    expect(r.exitCode).toBe(0);
    const lines = r.output.trimEnd().split('\n');
    expect(lines[0]).toBe(`${['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME'].map((h) => h.padEnd(20)).join('')}CMD`);
    const [, master, w1, w2] = rows(r.output);
    expect(master[0]).toBe('root');
    expect(master[7]).toBe('nginx: master process nginx -g daemon off;');
    expect([w1[7], w2[7]]).toEqual(['nginx: worker process', 'nginx: worker process']);
    // Workers are children of the master; the master's parent is the containerd shim.
    expect(w1[2]).toBe(master[1]);
    const pid = Number(master[1]);
    expect(pid).toBeGreaterThan(1000);
    expect(s.run("docker inspect -f '{{.State.Pid}}' web").output).toBe(`${pid}\n`);
  });

  it('gives the same pids every time while the container runs', () => {
    const s = setup();
    const first = s.run('docker top web').output;
    s.advance(60_000);
    expect(s.run('docker top web').output.replace(/\d\d:\d\d {15}/g, '')).toBe(first.replace(/\d\d:\d\d {15}/g, ''));
  });

  it('shows the same processes in the laptop process table: a container is a process on the host', () => {
    const s = setup();
    const [, master] = rows(s.run('docker top web').output);
    // Piped, so ps does not cut lines to the terminal's width.
    const ps = s.run('ps -ef | cat').output;
    const shim = ps.split('\n').find((l) => l.includes('containerd-shim-runc-v2'))!;
    expect(shim).toMatch(/^root +\d+ +1 /);
    expect(shim).toContain(`-id ${Object.keys(s.store.getState().docker.containers)[0]}`);
    const nginx = ps.split('\n').find((l) => l.includes('nginx: master process'))!;
    expect(nginx).toMatch(new RegExp(`^root +${master[1]} +${master[2]} `));
    expect(ps.split('\n').filter((l) => l.includes('nginx: worker process'))).toHaveLength(2);
    // Still in pid order, the asking ps last.
    const pids = ps.trimEnd().split('\n').slice(1).map((l) => Number(l.split(/\s+/)[1]));
    expect([...pids].sort((a, b) => a - b)).toEqual(pids);
    expect(s.run('ps aux | cat').output).toContain('nginx: master process nginx -g daemon off;');
    // Plain ps lists the terminal's processes only.
    expect(s.run('ps').output).not.toContain('nginx');
    s.run('docker stop web');
    expect(s.run('ps -ef | cat').output).not.toContain('nginx');
  });

  it('accepts ps options', () => {
    const s = setup();
    const r = s.run('docker top web aux');
    expect(r.output.split('\n')[0]).toMatch(/^USER {16}PID {17}%CPU/);
  });

  it('refuses a container that is not running', () => {
    const s = setup();
    s.run('docker run -d --name once alpine true');
    s.advance(1000);
    const id = Object.values(s.store.getState().docker.containers).find((c) => c.name === 'once')!.id;
    expect(s.run('docker top once')).toEqual({ output: `Error response from daemon: container ${id} is not running\n`, exitCode: 1 });
    expect(s.run('docker top nope')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });
});
