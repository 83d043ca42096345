import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker run -d --name web -p 8080:80 nginx']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

const HEADER = 'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT    MEM %     NET I/O       BLOCK I/O   PIDS';

describe('docker stats', () => {
  it('prints one table with --no-stream: an idle nginx uses next to nothing of the laptop', () => {
    const s = setup();
    const r = s.run('docker stats --no-stream');
    expect(r.exitCode).toBe(0);
    const [header, row, ...rest] = r.output.split('\n');
    expect(header).toBe(HEADER);
    expect(rest).toEqual(['']);
    expect(row).toMatch(/^[0-9a-f]{12} {3}web {7}0\.00% {5}3\.9\d\dMiB \/ 15\.5GiB {3}0\.02% {5}1\.05kB \/ 0B {3}0B \/ 0B {5}3$/);
  });

  it('is deterministic', () => {
    expect(setup().run('docker stats --no-stream').output).toBe(setup().run('docker stats --no-stream').output);
  });

  it('shows the --memory limit as the LIMIT', () => {
    const s = setup();
    s.run('docker run -d --name small -m 256m nginx');
    const row = s.run('docker stats --no-stream small').output.split('\n')[1];
    expect(row).toMatch(/ 3\.9\d\dMiB \/ 256MiB {3}1\.5\d% /);
  });

  it('counts the traffic a container served', () => {
    const s = setup();
    for (let i = 0; i < 3; i++) s.run('curl -s localhost:8080 > /dev/null');
    expect(s.run("docker stats --no-stream --format '{{.NetIO}}' web").output).toBe('1.5kB / 2.56kB\n');
  });

  it('streams, redrawing the table after docker\'s clear-screen every second until Ctrl-C', () => {
    const s = setup();
    const r = s.run('docker stats', { maxSimMs: 2500 });
    expect(r.exitCode).toBe(130);
    const frames = r.output.split('\x1b[2J\x1b[H');
    expect(frames[0]).toBe('');
    expect(frames).toHaveLength(4);
    expect(frames[1].split('\n')[0]).toBe(HEADER);
    expect(frames[3].endsWith('^C\n')).toBe(true);
  });

  it('takes --format templates and table formats', () => {
    const s = setup();
    expect(s.run("docker stats --no-stream --format '{{.Name}}: {{.CPUPerc}} {{.PIDs}}'").output).toBe('web: 0.00% 3\n');
    expect(s.run("docker stats --no-stream --format 'table {{.Name}}\\t{{.MemPerc}}'").output).toBe('NAME      MEM %\nweb       0.02%\n');
  });

  it('shows stopped containers with -a or by name, as zeros', () => {
    const s = setup();
    s.run('docker stop web');
    // Nothing runs: the header alone.
    expect(s.run('docker stats --no-stream').output).toBe('CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS\n');
    expect(s.run('docker stats --no-stream -a').output.split('\n')[1]).toMatch(/^[0-9a-f]{12} {3}web {7}0\.00% {5}0B \/ 0B {13}0\.00% {5}0B \/ 0B {3}0B \/ 0B {5}0$/);
    expect(s.run("docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' web").output).toBe('web 0B / 0B\n');
  });

  it('refuses a container that does not exist', () => {
    const s = setup();
    expect(s.run('docker stats --no-stream nope')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });
});
