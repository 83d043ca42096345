import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { CATALOG } from '../../../../../simulators/docker/catalog';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker pull alpine', 'docker run -d --name web -p 8080:80 -v data:/data nginx']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

const json = (output: string) => JSON.parse(output) as Record<string, any>[];

describe('docker inspect', () => {
  it('prints a container as an array of one object, indented by 4 spaces, in Docker 28 field order', () => {
    const s = setup();
    const r = s.run('docker inspect web');
    expect(r.exitCode).toBe(0);
    expect(r.output.startsWith('[\n    {\n        "Id": "')).toBe(true);
    const [c] = json(r.output);
    expect(Object.keys(c)).toEqual([
      'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name', 'RestartCount', 'Driver',
      'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig', 'GraphDriver', 'Mounts', 'Config', 'NetworkSettings',
    ]);
    expect(c.Name).toBe('/web');
    expect(c.Created).toMatch(/^2\d{3}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/);
    expect(c.Path).toBe('/docker-entrypoint.sh');
    expect(c.Args).toEqual(['nginx', '-g', 'daemon off;']);
    expect(Object.keys(c.State)).toEqual(['Status', 'Running', 'Paused', 'Restarting', 'OOMKilled', 'Dead', 'Pid', 'ExitCode', 'Error', 'StartedAt', 'FinishedAt']);
    expect(c.State).toMatchObject({ Status: 'running', Running: true, Paused: false, ExitCode: 0, FinishedAt: '0001-01-01T00:00:00Z' });
    expect(c.State.Pid).toBeGreaterThan(1);
    expect(c.HostConfig).toMatchObject({ NetworkMode: 'bridge', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, AutoRemove: false, Memory: 0, NanoCpus: 0, Binds: ['data:/data'] });
    expect(c.Mounts).toEqual([{ Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' }]);
    expect(c.Config).toMatchObject({ Hostname: c.Id.slice(0, 12), Image: 'nginx', Cmd: ['nginx', '-g', 'daemon off;'], Entrypoint: ['/docker-entrypoint.sh'], ExposedPorts: { '80/tcp': {} }, WorkingDir: '', StopSignal: 'SIGQUIT' });
    expect(c.Config.Env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(c.NetworkSettings).toMatchObject({
      Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] },
      IPAddress: '172.17.0.2',
      Gateway: '172.17.0.1',
      IPPrefixLen: 16,
      MacAddress: '02:42:ac:11:00:02',
      Networks: { bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1', IPPrefixLen: 16, MacAddress: '02:42:ac:11:00:02', Aliases: null, DNSNames: null } },
    });
  });

  it('escapes <, > and & as the daemon does', () => {
    const s = setup();
    expect(s.run('docker inspect web').output).toContain('"maintainer": "NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e"');
  });

  it('runs -f/--format templates on each object', () => {
    const s = setup();
    expect(s.run('docker inspect -f "{{.State.Status}}" web').output).toBe('running\n');
    expect(s.run("docker inspect --format '{{.NetworkSettings.IPAddress}}' web").output).toBe('172.17.0.2\n');
    expect(s.run("docker inspect -f '{{json .Config.ExposedPorts}}' web").output).toBe('{"80/tcp":{}}\n');
    expect(s.run("docker inspect -f '{{range .Mounts}}{{.Name}} -> {{.Destination}}{{end}}' web").output).toBe('data -> /data\n');
    expect(s.run("docker inspect -f '{{index .Config.Labels \"maintainer\"}}' web").output).toBe('NGINX Docker Maintainers <docker-maint@nginx.com>\n');
    expect(s.run("docker inspect -f '{{.Name}}' web web").output).toBe('/web\n/web\n');
    const env = JSON.parse(s.run("docker inspect -f '{{json .Config.Env}}' web").output);
    expect(env).toContain('NGINX_VERSION=1.27.3');
  });

  it('says when a template is wrong: parse errors exit 64, execution errors exit 1', () => {
    const s = setup();
    expect(s.run("docker inspect -f '{{.Name' web")).toEqual({ output: 'template parsing error: template: :1: unclosed action\n', exitCode: 64 });
    expect(s.run("docker inspect -f '{{.Nope}}' web")).toEqual({ output: '\ntemplate parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n', exitCode: 1 });
  });

  it('reports what it cannot find after printing what it found', () => {
    const s = setup();
    expect(s.run('docker inspect nope')).toEqual({ output: '[]\nError: No such object: nope\n', exitCode: 1 });
    const r = s.run("docker inspect -f '{{.Name}}' web nope");
    expect(r).toEqual({ output: '/web\nError: No such object: nope\n', exitCode: 1 });
  });

  it('inspects images with their tags, digests and layers', () => {
    const s = setup();
    const [image] = json(s.run('docker inspect alpine').output);
    const entry = CATALOG.find((i) => i.repository === 'alpine')!;
    expect(image).toMatchObject({ Id: entry.id, RepoTags: ['alpine:latest'], RepoDigests: [`alpine@${entry.digest}`], Architecture: 'amd64', Os: 'linux', Size: entry.sizeBytes });
    expect(image.Created).toMatch(/Z$/);
    expect(image.RootFS.Type).toBe('layers');
    expect(image.RootFS.Layers).toHaveLength(entry.layers.length);
    expect(image.RootFS.Layers[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(image.Config.Cmd).toEqual(['/bin/sh']);
    expect(s.run("docker image inspect -f '{{.Os}}/{{.Architecture}}' nginx").output).toBe('linux/amd64\n');
  });

  it('finds networks and volumes by name too, and --type restricts the search', () => {
    const s = setup();
    expect(json(s.run('docker inspect bridge').output)[0]).toMatchObject({ Name: 'bridge', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] } });
    expect(json(s.run('docker inspect data').output)[0]).toMatchObject({ Name: 'data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/data/_data', Scope: 'local' });
    expect(s.run('docker inspect --type volume web')).toEqual({ output: '[]\nError response from daemon: get web: no such volume\n', exitCode: 1 });
    expect(s.run('docker inspect --type foo web')).toEqual({
      output: 'unknown type: "foo": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
      exitCode: 1,
    });
    expect(s.run('docker container inspect nginx')).toEqual({ output: '[]\nError response from daemon: No such container: nginx\n', exitCode: 1 });
    expect(s.run('docker image inspect nope')).toEqual({ output: '[]\nError response from daemon: No such image: nope:latest\n', exitCode: 1 });
  });

  it('shows a stopped container without addresses but still on its network', () => {
    const s = setup();
    s.run('docker stop web');
    const [c] = json(s.run('docker inspect web').output);
    expect(c.State).toMatchObject({ Status: 'exited', Running: false, Pid: 0, ExitCode: 0 });
    expect(c.State.FinishedAt).not.toBe('0001-01-01T00:00:00Z');
    expect(c.NetworkSettings.IPAddress).toBe('');
    expect(c.NetworkSettings.Ports).toEqual({});
    expect(c.NetworkSettings.Networks.bridge).toMatchObject({ IPAddress: '', EndpointID: '' });
  });

  it('leaves the top-level IPAddress empty for a container on a user-defined network', () => {
    const s = setup();
    s.run('docker network create mynet');
    s.run('docker run -d --name api --network mynet nginx');
    expect(s.run("docker inspect -f '[{{.NetworkSettings.IPAddress}}] {{.NetworkSettings.Networks.mynet.IPAddress}}' api").output).toBe('[] 172.18.0.2\n');
    expect(s.run("docker inspect -f '{{json .NetworkSettings.Networks.mynet.DNSNames}}' api").output).toMatch(/^\["api","[0-9a-f]{12}"\]\n$/);
  });

  it('records the limits given to run', () => {
    const s = setup();
    s.run('docker run -d --name small -m 256m --cpus 0.5 --restart always nginx');
    expect(s.run("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.RestartPolicy.Name}}' small").output).toBe('268435456 536870912 500000000 always\n');
  });
});
