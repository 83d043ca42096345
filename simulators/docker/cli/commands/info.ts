// docker info / docker system info: the client's plugins, then the daemon's view of this laptop,
// as docker-ce 28.0.1 prints it on Ubuntu 24.04 (overlay2 on ext4, systemd cgroups v2, AppArmor),
// with the buildx and compose plugins Docker's apt repository shipped beside it in March 2025.
import type { CommandContext } from '../../../core/process';
import { lookup } from '../../../shell/fs';
import { bytesSize } from '../../format';
import { goMap, goStruct, type TemplateValue } from '../../../core/template';
import { isRunning } from '../../engine/container-table';
import { stableHex } from '../../engine/networks';
import { dockerCommand } from '../spec';
import { HOST_MEMORY } from './stats';
import { ENGINE, printTemplate } from './version';

const CPUS = 8;
const PLUGINS = [
  { name: 'buildx', description: 'Docker Buildx', version: 'v0.21.1' },
  { name: 'compose', description: 'Docker Compose', version: 'v2.33.1' },
];
const LOG_DRIVERS = ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'];
const NETWORK_DRIVERS = ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'];
const INSECURE = ['::1/128', '127.0.0.0/8'];

/** The laptop's PRETTY_NAME from /etc/os-release. */
function operatingSystem(ctx: CommandContext): string {
  const file = lookup(ctx.machine.fs(), '/etc/os-release');
  const m = file.ok && file.value.kind === 'file' ? /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(file.value.content) : null;
  return m?.[1] ?? 'Ubuntu 24.04.1 LTS';
}

/** A UUID the daemon generated once for this machine (/var/lib/docker/engine-id). */
const daemonId = (hostname: string) => {
  const h = stableHex(`engine-id:${hostname}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Go's RFC3339Nano: fraction digits without trailing zeros. */
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');

function counts(ctx: CommandContext) {
  const docker = ctx.world().docker;
  const containers = Object.values(docker.containers);
  const running = containers.filter((c) => c.state.status === 'running' || c.state.status === 'restarting').length;
  const paused = containers.filter((c) => c.state.status === 'paused').length;
  return { total: containers.length, running, paused, stopped: containers.length - running - paused, images: Object.keys(docker.images).length, busy: containers.filter(isRunning).length };
}

function infoData(ctx: CommandContext): TemplateValue {
  const world = ctx.world();
  const n = counts(ctx);
  const path = (name: string) => `/usr/libexec/docker/cli-plugins/docker-${name}`;
  const clientInfo = goStruct(
    {
      Debug: false,
      Version: ENGINE.version,
      DefaultAPIVersion: ENGINE.apiVersion,
      GitCommit: ENGINE.clientCommit,
      GoVersion: ENGINE.goVersion,
      Os: 'linux',
      Arch: 'amd64',
      BuildTime: ENGINE.built,
      Context: 'default',
      Plugins: PLUGINS.map((p) => goStruct({ SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: p.version, ShortDescription: p.description, Name: p.name, Path: path(p.name) }, 'pluginmanager.Plugin')),
      Warnings: null,
    },
    '*system.clientInfo',
  );
  return goStruct(
    {
      ID: daemonId(world.host.hostname),
      Containers: n.total,
      ContainersRunning: n.running,
      ContainersPaused: n.paused,
      ContainersStopped: n.stopped,
      Images: n.images,
      Driver: 'overlay2',
      DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
      Plugins: goStruct({ Volume: ['local'], Network: NETWORK_DRIVERS, Authorization: null, Log: LOG_DRIVERS }, 'system.PluginsInfo'),
      MemoryLimit: true,
      SwapLimit: true,
      CpuCfsPeriod: true,
      CpuCfsQuota: true,
      CPUShares: true,
      CPUSet: true,
      PidsLimit: true,
      IPv4Forwarding: true,
      Debug: false,
      NFd: 24 + 9 * n.busy,
      OomKillDisable: false,
      NGoroutines: 38 + 11 * n.busy,
      SystemTime: rfc3339(world.clock.now),
      LoggingDriver: 'json-file',
      CgroupDriver: 'systemd',
      CgroupVersion: '2',
      NEventsListener: 0,
      KernelVersion: world.host.kernel.release,
      OperatingSystem: operatingSystem(ctx),
      OSVersion: '24.04',
      OSType: 'linux',
      Architecture: world.host.kernel.machine,
      IndexServerAddress: 'https://index.docker.io/v1/',
      RegistryConfig: goStruct(
        { IndexConfigs: goMap({ 'docker.io': goStruct({ Mirrors: [], Name: 'docker.io', Official: true, Secure: true }, '*registry.IndexInfo') }), InsecureRegistryCIDRs: INSECURE, Mirrors: null },
        '*registry.ServiceConfig',
      ),
      NCPU: CPUS,
      MemTotal: HOST_MEMORY,
      GenericResources: null,
      DockerRootDir: '/var/lib/docker',
      HttpProxy: '',
      HttpsProxy: '',
      NoProxy: '',
      Name: world.host.hostname,
      Labels: [],
      ExperimentalBuild: false,
      ServerVersion: ENGINE.version,
      Runtimes: goMap({ 'io.containerd.runc.v2': goStruct({ path: 'runc', status: goMap({}) }, 'system.RuntimeWithStatus'), runc: goStruct({ path: 'runc', status: goMap({}) }, 'system.RuntimeWithStatus') }),
      DefaultRuntime: 'runc',
      Swarm: goStruct({ NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null }, 'swarm.Info'),
      LiveRestoreEnabled: false,
      Isolation: '',
      InitBinary: 'docker-init',
      ContainerdCommit: goStruct({ ID: ENGINE.containerd.commit }, 'system.Commit'),
      RuncCommit: goStruct({ ID: ENGINE.runc.commit }, 'system.Commit'),
      InitCommit: goStruct({ ID: ENGINE.init.commit }, 'system.Commit'),
      SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
      CDISpecDirs: [],
      Containerd: goStruct({ Address: '/run/containerd/containerd.sock', Namespaces: goStruct({ Containers: 'moby', Plugins: 'plugins.moby' }, 'system.ContainerdNamespaces') }, '*system.ContainerdInfo'),
      Warnings: null,
      ClientInfo: clientInfo,
    },
    'system.dockerInfo',
  );
}

function infoText(ctx: CommandContext): string {
  const world = ctx.world();
  const n = counts(ctx);
  const plugins = PLUGINS.map((p) => `  ${p.name}: ${p.description} (Docker Inc.)\n    Version:  ${p.version}\n    Path:     /usr/libexec/docker/cli-plugins/docker-${p.name}\n`).join('');
  return (
    `Client: ${ENGINE.platform}\n Version:    ${ENGINE.version}\n Context:    default\n Debug Mode: false\n Plugins:\n${plugins}\n` +
    `Server:\n Containers: ${n.total}\n  Running: ${n.running}\n  Paused: ${n.paused}\n  Stopped: ${n.stopped}\n Images: ${n.images}\n Server Version: ${ENGINE.version}\n` +
    ' Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n  Using metacopy: false\n  Native Overlay Diff: true\n  userxattr: false\n' +
    ' Logging Driver: json-file\n Cgroup Driver: systemd\n Cgroup Version: 2\n' +
    ` Plugins:\n  Volume: local\n  Network: ${NETWORK_DRIVERS.join(' ')}\n  Log: ${LOG_DRIVERS.join(' ')}\n` +
    ' Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n Init Binary: docker-init\n' +
    ` containerd version: ${ENGINE.containerd.commit}\n runc version: ${ENGINE.runc.commit}\n init version: ${ENGINE.init.commit}\n` +
    ' Security Options:\n  apparmor\n  seccomp\n   Profile: builtin\n  cgroupns\n' +
    ` Kernel Version: ${world.host.kernel.release}\n Operating System: ${operatingSystem(ctx)}\n OSType: linux\n Architecture: ${world.host.kernel.machine}\n` +
    ` CPUs: ${CPUS}\n Total Memory: ${bytesSize(HOST_MEMORY)}\n Name: ${world.host.hostname}\n ID: ${daemonId(world.host.hostname)}\n Docker Root Dir: /var/lib/docker\n` +
    ' Debug Mode: false\n Experimental: false\n' +
    ` Insecure Registries:\n${INSECURE.map((r) => `  ${r}\n`).join('')}` +
    ' Live Restore Enabled: false\n\n'
  );
}

export const info = dockerCommand('info', {
  *run(ctx) {
    yield { type: 'wait', ms: 60 };
    const format = ctx.command.flags.format === undefined ? '' : String(ctx.command.flags.format);
    if (!format) {
      ctx.out(infoText(ctx));
      return 0;
    }
    return printTemplate(ctx, format, infoData(ctx), '', 'system.dockerInfo');
  },
});
