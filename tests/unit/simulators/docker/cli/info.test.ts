// docker info / docker system info: this laptop as docker-ce 28.0.1 reports it, with counts from
// the world, and --format over the same data the real client templates.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

describe('docker info', () => {
  it('describes the client plugins and the daemon on this laptop', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx');
    s.run('docker run --name hello hello-world');
    s.run('docker run -d --name cache redis');
    s.run('docker pause cache');
    const out = s.run('docker info');
    expect(out.exitCode).toBe(0);
    expect(out.output).toMatch(
      /^Client: Docker Engine - Community\n Version:    28\.0\.1\n Context:    default\n Debug Mode: false\n Plugins:\n  buildx: Docker Buildx \(Docker Inc\.\)\n    Version:  v0\.21\.1\n    Path:     \/usr\/libexec\/docker\/cli-plugins\/docker-buildx\n  compose: Docker Compose \(Docker Inc\.\)\n    Version:  v2\.33\.1\n    Path:     \/usr\/libexec\/docker\/cli-plugins\/docker-compose\n\nServer:\n Containers: 3\n  Running: 1\n  Paused: 1\n  Stopped: 1\n Images: 3\n Server Version: 28\.0\.1\n Storage Driver: overlay2\n/,
    );
    for (const line of [
      ' Cgroup Driver: systemd\n Cgroup Version: 2\n',
      ' Kernel Version: 6.8.0-51-generic\n Operating System: Ubuntu 24.04.1 LTS\n OSType: linux\n Architecture: x86_64\n CPUs: 8\n Total Memory: 15.5GiB\n Name: laptop\n ID: ',
      ' Docker Root Dir: /var/lib/docker\n',
      ' Insecure Registries:\n  ::1/128\n  127.0.0.0/8\n Live Restore Enabled: false\n\n',
    ]) {
      expect(out.output).toContain(line);
    }
    expect(out.output.endsWith('Live Restore Enabled: false\n\n')).toBe(true);
    expect(s.run('docker system info').output).toBe(out.output);
  });

  it('formats with a Go template', () => {
    const s = createSession();
    expect(s.run("docker info -f '{{.ServerVersion}} {{.NCPU}} {{.MemTotal}} {{.Driver}} {{.CgroupVersion}}'").output).toBe('28.0.1 8 16642998272 overlay2 2\n');
    expect(s.run("docker info --format '{{.Plugins.Volume}} {{len .ClientInfo.Plugins}}'").output).toBe('[local] 2\n');
    const json = JSON.parse(s.run('docker info --format json').output);
    expect(json.ClientInfo.Plugins.map((p: { Name: string }) => p.Name)).toEqual(['buildx', 'compose']);
    expect(Object.keys(json).slice(0, 6)).toEqual(['ID', 'Containers', 'ContainersRunning', 'ContainersPaused', 'ContainersStopped', 'Images']);
    expect(s.run("docker info -f 'a{{.Nope}}'")).toEqual({ output: 'a\ntemplate: :1:3: executing "" at <.Nope>: can\'t evaluate field Nope in type system.dockerInfo\n', exitCode: 1 });
    expect(s.run("docker info -f '{{'")).toEqual({ output: 'template parsing error: template: :1: unclosed action\n', exitCode: 64 });
  });
});
