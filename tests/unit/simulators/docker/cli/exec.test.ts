import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker pull alpine', 'docker run -d --name web -p 8080:80 nginx', 'docker run -d --name box alpine sleep 1000']) {
    expect(s.run(line).exitCode).toBe(0);
  }
  return s;
}

const idOf = (s: ReturnType<typeof createSession>, name: string) => Object.values(s.store.getState().docker.containers).find((c) => c.name === name)!.id;

describe('docker exec', () => {
  it('runs a one-off command in the container and prints its output (one name per line without -t)', () => {
    const s = setup();
    const r = s.run('docker exec web ls /');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')).toEqual(expect.arrayContaining(['bin', 'etc', 'usr', 'var']));
    expect(s.run('docker exec web cat /etc/hostname').output).toBe(`${idOf(s, 'web').slice(0, 12)}\n`);
  });

  it('gives the command exit code back', () => {
    const s = setup();
    expect(s.run('docker exec box sh -c "exit 3"').exitCode).toBe(3);
    expect(s.run('docker exec box ls /nope').exitCode).not.toBe(0);
  });

  it('shows the exec process inside beside PID 1, with a small pid and no parent', () => {
    const s = setup();
    expect(s.run('docker exec box ps').output).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1000\n    7 root      0:00 ps\n');
  });

  it('opens an interactive shell with -it, and leaving it leaves the container running', () => {
    const s = setup();
    const id = idOf(s, 'box');
    const r = s.run('docker exec -it box sh', { input: ['hostname\r', 'ps\r', 'exit\r'] });
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(`/ # hostname\n${id.slice(0, 12)}\n/ # ps\nPID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1000\n    7 root      0:00 sh\n    9 root      0:00 ps\n/ # exit\n`);
    expect(s.store.getState().docker.containers[id].state.status).toBe('running');
    expect(s.run('docker ps --format "{{.Names}}"').output).toContain('box');
  });

  it('passes the shell exit code on, and bash in a Debian image gives bash prompt', () => {
    const s = setup();
    expect(s.run('docker exec -it box sh', { input: ['exit 4\r'] }).exitCode).toBe(4);
    const r = s.run('docker exec -it web bash', { input: ['pwd\r'] });
    expect(r.output).toContain(`root@${idOf(s, 'web').slice(0, 12)}:/# pwd\n/\n`);
  });

  it('keeps what the command wrote in the container', () => {
    const s = setup();
    expect(s.run('docker exec web sh -c "echo hello > /tmp/note"').exitCode).toBe(0);
    expect(s.run('docker exec web cat /tmp/note').output).toBe('hello\n');
  });

  it('refuses -it when the input is not a terminal', () => {
    const s = setup();
    expect(s.run('echo ls | docker exec -it web sh')).toEqual({ output: 'the input device is not a TTY\n', exitCode: 1 });
  });

  it('reads a script from a pipe with -i', () => {
    const s = setup();
    expect(s.run('echo "echo piped; hostname" | docker exec -i box sh').output).toBe(`piped\n${idOf(s, 'box').slice(0, 12)}\n`);
  });

  it('answers like runc when the program is not in the image (exit 127)', () => {
    const s = setup();
    expect(s.run('docker exec web ps')).toEqual({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown\n',
      exitCode: 127,
    });
    // alpine has no bash, and cd is a shell builtin, not a program
    expect(s.run('docker exec -it box bash').output).toContain('exec: "bash": executable file not found in $PATH');
    expect(s.run('docker exec box cd /tmp').exitCode).toBe(127);
    expect(s.run('docker exec box /bin/nope').output).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/nope": stat /bin/nope: no such file or directory: unknown\n');
  });

  it('refuses a stopped, paused or missing container as the daemon words it', () => {
    const s = setup();
    expect(s.run('docker exec nope ls')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
    s.run('docker pause web');
    expect(s.run('docker exec web ls')).toEqual({ output: 'Error response from daemon: Container web is paused, unpause the container before exec\n', exitCode: 1 });
    s.run('docker unpause web');
    s.run('docker stop web');
    expect(s.run('docker exec web ls')).toEqual({ output: `Error response from daemon: container ${idOf(s, 'web')} is not running\n`, exitCode: 1 });
  });

  it('applies -w, -e and -u to the new process only', () => {
    const s = setup();
    expect(s.run('docker exec -w /tmp box pwd').output).toBe('/tmp\n');
    expect(s.run('docker exec box pwd').output).toBe('/\n');
    expect(s.run("docker exec -e GREETING=hi box sh -c 'echo $GREETING'").output).toBe('hi\n');
    expect(s.run("docker exec box sh -c 'echo [$GREETING]'").output).toBe('[]\n');
    expect(s.run('docker exec -u nobody box whoami').output).toBe('nobody\n');
    expect(s.run('docker exec box whoami').output).toBe('root\n');
    expect(s.run('docker exec -w /nope box pwd')).toEqual({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown\n',
      exitCode: 127,
    });
  });

  it('checks its arguments as the client does', () => {
    const s = setup();
    expect(s.run('docker exec web')).toEqual({
      output: "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n",
      exitCode: 1,
    });
    expect(s.run('docker container exec box echo hi').output).toBe('hi\n');
  });
});
