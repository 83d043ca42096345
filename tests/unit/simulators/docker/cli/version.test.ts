// docker version: docker-ce 28.0.1 on Ubuntu 24.04 (values from its release builds), and
// --format run through the Go template engine with the client's own error wording.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const VERSION = `Client: Docker Engine - Community
 Version:           28.0.1
 API version:       1.48
 Go version:        go1.23.6
 Git commit:        068a01e
 Built:             Wed Feb 26 10:41:12 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          28.0.1
  API version:      1.48 (minimum version 1.24)
  Go version:       go1.23.6
  Git commit:       bbd0a17
  Built:            Wed Feb 26 10:41:12 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.25
  GitCommit:        bcc810d6b9066471b0b6fa75f557a15a1cbf31bb
 runc:
  Version:          1.2.4
  GitCommit:        v1.2.4-0-g6c52b3f
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

describe('docker version', () => {
  it('prints the client and the server', () => {
    expect(createSession().run('docker version')).toEqual({ output: VERSION, exitCode: 0 });
  });

  it('formats with a Go template', () => {
    const s = createSession();
    expect(s.run("docker version --format '{{.Server.Version}}'")).toEqual({ output: '28.0.1\n', exitCode: 0 });
    expect(s.run("docker version -f '{{.Client.Version}} {{.Client.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.KernelVersion}}'").output).toBe('28.0.1 1.48 1.24 6.8.0-51-generic\n');
    expect(s.run("docker version -f '{{range .Server.Components}}{{.Name}}={{.Version}} {{end}}'").output).toBe('Engine=28.0.1 containerd=1.7.25 runc=1.2.4 docker-init=0.19.0 \n');
    const json = JSON.parse(s.run('docker version --format json').output);
    expect(json.Client).toEqual({ Platform: { Name: 'Docker Engine - Community' }, Version: '28.0.1', ApiVersion: '1.48', DefaultAPIVersion: '1.48', GitCommit: '068a01e', GoVersion: 'go1.23.6', Os: 'linux', Arch: 'amd64', BuildTime: 'Wed Feb 26 10:41:12 2025', Context: 'default' });
    expect(json.Server.Components[0].Details.BuildTime).toBe('Wed Feb 26 10:41:12 2025');
    expect(json.Server.BuildTime).toBe('2025-02-26T10:41:12.000000000+00:00');
  });

  it('reports template errors as the client does', () => {
    const s = createSession();
    expect(s.run("docker version -f '{{.Server.Nope}}'")).toEqual({
      output: '\ntemplate: version:1:9: executing "version" at <.Server.Nope>: can\'t evaluate field Nope in type *types.Version\n',
      exitCode: 1,
    });
    expect(s.run("docker version -f '{{.Client.Nope}}'").output).toContain("can't evaluate field Nope in type system.clientVersion");
    expect(s.run("docker version -f '{{'")).toEqual({ output: 'template parsing error: template: version:1: unclosed action\n', exitCode: 64 });
  });
});
