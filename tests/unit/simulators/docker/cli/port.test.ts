import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker run -d --name web -p 8080:80 -p 127.0.0.1:5353:53/udp nginx']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

describe('docker port', () => {
  it('lists every published port, IPv4 and IPv6, in natural order', () => {
    const s = setup();
    expect(s.run('docker port web')).toEqual({ output: '53/udp -> 127.0.0.1:5353\n80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n', exitCode: 0 });
  });

  it('gives the host addresses of one private port (tcp unless told)', () => {
    const s = setup();
    expect(s.run('docker port web 80').output).toBe('0.0.0.0:8080\n[::]:8080\n');
    expect(s.run('docker port web 80/tcp').output).toBe('0.0.0.0:8080\n[::]:8080\n');
    expect(s.run('docker port web 53/udp').output).toBe('127.0.0.1:5353\n');
    expect(s.run('docker container port web 80').output).toBe('0.0.0.0:8080\n[::]:8080\n');
  });

  it('says when a port is not published', () => {
    const s = setup();
    expect(s.run('docker port web 81')).toEqual({ output: "Error: No public port '81' published for web\n", exitCode: 1 });
    expect(s.run('docker port web 81/tcp')).toEqual({ output: "Error: No public port '81/tcp' published for web\n", exitCode: 1 });
    expect(s.run('docker port web 53')).toEqual({ output: "Error: No public port '53' published for web\n", exitCode: 1 });
    expect(s.run('docker port web http')).toEqual({ output: 'Error: invalid port (http): strconv.ParseUint: parsing "http": invalid syntax\n', exitCode: 1 });
  });

  it('prints nothing for a stopped container, and the daemon error for a missing one', () => {
    const s = setup();
    s.run('docker stop web');
    expect(s.run('docker port web')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('docker port nope')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
    expect(s.run('docker port')).toEqual({
      output: "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information\n",
      exitCode: 1,
    });
  });
});
