import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker run -d --name web -p 8080:80 nginx']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

/** web's row when idle: 3 processes, 1.05kB received, nothing sent; only the memory moves between samples. */
const webRow = (mem: string) => `a08ff49b6f77   web       0.00%     ${mem} / 15.5GiB   0.02%     1.05kB / 0B   0B / 0B     3`;

const HEADER = 'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT    MEM %     NET I/O       BLOCK I/O   PIDS';

describe('docker stats', () => {
  it('prints one table with --no-stream: an idle nginx uses next to nothing of the laptop', () => {
    const s = setup();
    expect(s.run('docker stats --no-stream')).toEqual({ output: `${HEADER}\n${webRow('3.918MiB')}\n`, exitCode: 0 });
  });

  it('is deterministic', () => {
    expect(setup().run('docker stats --no-stream').output).toBe(setup().run('docker stats --no-stream').output);
  });

  it('shows the --memory limit as the LIMIT', () => {
    const s = setup();
    s.run('docker run -d --name small -m 256m nginx');
    expect(s.run('docker stats --no-stream small').output).toBe(
      'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O       BLOCK I/O   PIDS\n' +
        'd4e8eb2af2f2   small     0.00%     3.918MiB / 256MiB   1.53%     1.05kB / 0B   0B / 0B     3\n',
    );
  });

  it('counts the traffic a container served', () => {
    const s = setup();
    for (let i = 0; i < 3; i++) s.run('curl -s localhost:8080 > /dev/null');
    expect(s.run("docker stats --no-stream --format '{{.NetIO}}' web").output).toBe('1.5kB / 2.56kB\n');
  });

  it('streams, redrawing the table after docker\'s clear-screen every second until Ctrl-C', () => {
    const s = setup();
    // Three frames in 2.5 s (at 0, 1 and 2 s), the memory moving a little between samples.
    const frame = (mem: string) => `\x1b[2J\x1b[H${HEADER}\n${webRow(mem)}\n`;
    expect(s.run('docker stats', { maxSimMs: 2500 })).toEqual({ output: `${frame('3.918MiB')}${frame('3.895MiB')}${frame('3.902MiB')}^C\n`, exitCode: 130 });
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
    expect(s.run('docker stats --no-stream -a').output).toBe(
      'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS\n' +
        'a08ff49b6f77   web       0.00%     0B / 0B             0.00%     0B / 0B   0B / 0B     0\n',
    );
    expect(s.run("docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' web").output).toBe('web 0B / 0B\n');
  });

  it('refuses a container that does not exist', () => {
    const s = setup();
    expect(s.run('docker stats --no-stream nope')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });
});
