// docker inspect (and container / image inspect): the daemon's JSON for containers, images,
// networks and volumes, as Docker 28 shapes it, printed with 4-space indentation in an array,
// or through a Go template (-f/--format) the way docker/cli's inspect package runs it.
import { own } from '../../../core/own';
import type { CommandContext, Effect } from '../../../core/process';
import { goMap, TemplateError, type TemplateValue } from '../../../core/template';
import { executeTemplate, parseTemplate } from '../../format/templates';
import { imageOf } from '../../engine/container-machine';
import { findContainer, isRunning } from '../../engine/container-table';
import { findImage, viewImage, type ImageView } from '../../engine/images';
import { endpointId, endpointsOf, findNetwork, prefixLength, stableHex } from '../../engine/networks';
import { isAnonymous, volumeMountpoint } from '../../engine/volumes';
import type { Container, DockerState, Mount, Network, Volume } from '../../state';
import type { World } from '../../../world';
import { dockerCommand } from '../spec';

type Run = Generator<Effect, number, string | null>;
type Json = TemplateValue;

// ---------------------------------------------------------------------------------------------
// Go's shapes: structs keep their field order; maps print and marshal with sorted keys.

const compareBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A Go map: keys sorted as encoding/json sorts them, and templates treat it as a map. */
export function gmap(entries: Record<string, Json>): Json {
  const sorted: Record<string, Json> = {};
  for (const key of Object.keys(entries).sort(compareBytes)) sorted[key] = entries[key];
  return goMap(sorted);
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Go's time.RFC3339Nano: trailing zeros of the fraction dropped. `seed` gives the sub-millisecond digits. */
export function rfc3339Nano(ms: number, seed = ''): string {
  if (!ms) return ZERO_TIME;
  const iso = new Date(ms).toISOString();
  const extra = seed ? String(parseInt(stableHex(`ns:${seed}:${ms}`, 8), 16) % 1_000_000).padStart(6, '0') : '000000';
  const fraction = `${iso.slice(20, 23)}${extra}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** Go's time.RFC3339 in UTC, as volumes' CreatedAt. */
const rfc3339 = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** The daemon's JSON (encoding/json escapes <, > and &), indented by docker/cli's json.Indent. */
export function goJson(value: unknown, indent = '    '): string {
  return JSON.stringify(value, null, indent)
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ---------------------------------------------------------------------------------------------
// Containers

const STORAGE = '/var/lib/docker';
const layerDir = (seed: string) => `${STORAGE}/overlay2/${stableHex(`layer:${seed}`)}`;

function graphDriver(container: Container, image: ImageView | undefined): Json {
  const own = layerDir(container.id);
  const lower = [`${own}-init/diff`, ...(image?.layers ?? []).map((l) => `${layerDir(l.digest)}/diff`).reverse()];
  return {
    Data: gmap({ ID: container.id, LowerDir: lower.join(':'), MergedDir: `${own}/merged`, UpperDir: `${own}/diff`, WorkDir: `${own}/work` }),
    Name: 'overlay2',
  };
}

const portKey = (port: number, protocol: string) => `${port}/${protocol}`;

function hostConfig(c: Container): Json {
  const h = c.hostConfig;
  const binds = h.mounts.filter((m) => !(m.type === 'volume' && isAnonymous(m.source))).map((m) => `${m.source}:${m.destination}${m.readOnly ? ':ro' : ''}`);
  const portBindings: Record<string, Json> = {};
  for (const b of h.portBindings) {
    const key = portKey(b.containerPort, b.protocol);
    portBindings[key] = [...((portBindings[key] as Json[]) ?? []), { HostIp: b.hostIp === '0.0.0.0' ? '' : b.hostIp, HostPort: b.hostPort ? String(b.hostPort) : '' }];
  }
  return {
    Binds: binds.length ? binds : null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: gmap({}) },
    NetworkMode: h.networkMode,
    PortBindings: gmap(portBindings),
    RestartPolicy: { Name: h.restartPolicy.name, MaximumRetryCount: h.restartPolicy.maximumRetryCount },
    AutoRemove: h.autoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    ConsoleSize: c.config.tty ? [24, 80] : [0, 0],
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: 'private',
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: null,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: false,
    PublishAllPorts: h.publishAll,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: 0,
    Memory: h.memory,
    NanoCpus: h.nanoCpus,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    // With a memory limit and no swap limit, the daemon allows as much swap again.
    MemoryReservation: 0,
    MemorySwap: h.memory ? h.memory * 2 : 0,
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
    ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
  };
}

function mountJson(m: Mount): Json {
  if (m.type === 'volume') {
    return { Type: 'volume', Name: m.source, Source: volumeMountpoint(m.source), Destination: m.destination, Driver: 'local', Mode: isAnonymous(m.source) ? '' : m.readOnly ? 'ro' : 'z', RW: !m.readOnly, Propagation: '' };
  }
  return { Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.readOnly ? 'ro' : '', RW: !m.readOnly, Propagation: 'rprivate' };
}

function containerConfig(c: Container, image: ImageView | undefined): Json {
  const attached = c.config.tty;
  const config: Record<string, Json> = {
    Hostname: c.config.hostname,
    Domainname: '',
    User: c.config.user,
    AttachStdin: attached && c.config.openStdin,
    AttachStdout: attached,
    AttachStderr: attached,
  };
  if (c.config.exposedPorts.length) config.ExposedPorts = gmap(Object.fromEntries(c.config.exposedPorts.map((p) => [p, {}])));
  Object.assign(config, {
    Tty: c.config.tty,
    OpenStdin: c.config.openStdin,
    StdinOnce: attached && c.config.openStdin,
    Env: c.config.env,
    Cmd: c.config.cmd,
    Image: c.image,
    Volumes: image?.config.volumes?.length ? gmap(Object.fromEntries(image.config.volumes.map((v) => [v, {}]))) : null,
    WorkingDir: c.config.workingDir,
    Entrypoint: c.config.entrypoint,
    OnBuild: null,
    Labels: gmap(c.config.labels),
  });
  if (image?.config.stopSignal) config.StopSignal = image.config.stopSignal;
  return config;
}

function endpointJson(docker: DockerState, c: Container, name: string): Json {
  const attachment = c.networks[name];
  const network = own(docker.networks, name);
  const live = isRunning(c) && (attachment.ip !== '' || network?.driver !== 'bridge');
  const dns = network?.userDefined && live ? [c.name, c.id.slice(0, 12), ...attachment.aliases] : null;
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: attachment.aliases.length ? attachment.aliases : null,
    MacAddress: attachment.mac,
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: network?.id ?? '',
    EndpointID: live ? endpointId(c, name) : '',
    Gateway: attachment.gateway,
    IPAddress: attachment.ip,
    IPPrefixLen: attachment.ip && network ? prefixLength(network) : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: dns,
  };
}

function networkSettings(docker: DockerState, c: Container): Json {
  const running = isRunning(c);
  const ports: Record<string, Json> = {};
  if (running) {
    for (const p of c.config.exposedPorts) ports[p] = null;
    for (const b of c.hostConfig.portBindings) {
      const key = portKey(b.containerPort, b.protocol);
      const list = (ports[key] as Json[] | null) ?? [];
      list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
      if (b.hostIp === '0.0.0.0') list.push({ HostIp: '::', HostPort: String(b.hostPort) });
      ports[key] = list;
    }
  }
  // The top-level fields describe the default bridge only (deprecated, still filled in Docker 28).
  const bridge = c.networks.bridge;
  const sandbox = running ? stableHex(`sandbox:${c.id}:${c.state.startedAt}`) : '';
  const networks: Record<string, Json> = {};
  const attached = Object.keys(c.networks).length ? Object.keys(c.networks) : [c.hostConfig.networkMode];
  for (const name of attached) {
    if (c.networks[name]) networks[name] = endpointJson(docker, c, name);
    else {
      const network = own(docker.networks, name);
      networks[name] = { ...(endpointJson(docker, { ...c, networks: { [name]: { ip: '', gateway: '', mac: '', aliases: [] } } }, name) as object), NetworkID: network?.id ?? '' };
    }
  }
  return {
    Bridge: '',
    SandboxID: sandbox,
    SandboxKey: sandbox ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
    Ports: gmap(ports),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge && running && bridge.ip ? endpointId(c, 'bridge') : '',
    Gateway: bridge?.gateway ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: bridge?.ip ?? '',
    IPPrefixLen: bridge?.ip ? 16 : 0,
    IPv6Gateway: '',
    MacAddress: bridge?.mac ?? '',
    Networks: gmap(networks),
  };
}

/** `docker inspect` of a container, field for field in Docker 28's order. */
export function inspectContainer(world: World, c: Container): Json {
  const image = imageOf(world, c);
  const s = c.state;
  const dir = `${STORAGE}/containers/${c.id}`;
  const everStarted = s.startedAt > 0;
  return {
    Id: c.id,
    Created: rfc3339Nano(c.created, c.id),
    Path: c.path,
    Args: c.args,
    State: {
      Status: s.status,
      Running: s.status === 'running' || s.status === 'paused',
      Paused: s.status === 'paused',
      Restarting: s.status === 'restarting',
      OOMKilled: s.oomKilled,
      Dead: s.status === 'dead',
      Pid: s.pid,
      ExitCode: s.exitCode,
      Error: s.error,
      StartedAt: rfc3339Nano(s.startedAt, `${c.id}:start`),
      FinishedAt: rfc3339Nano(s.finishedAt, `${c.id}:finish`),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: everStarted ? `${dir}/${c.id}-json.log` : '',
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: hostConfig(c),
    GraphDriver: graphDriver(c, image),
    Mounts: c.hostConfig.mounts.map(mountJson),
    Config: containerConfig(c, image),
    NetworkSettings: networkSettings(world.docker, c),
  };
}

// ---------------------------------------------------------------------------------------------
// Images, networks, volumes

export const diffId = (digest: string) => `sha256:${stableHex(`diffid:${digest}`)}`;

/** `docker image inspect`, Docker 28 with the overlay2 image store. */
export function inspectImage(view: ImageView): Json {
  const cfg = view.config;
  const config: Record<string, Json> = { Hostname: '', Domainname: '', User: cfg.user, AttachStdin: false, AttachStdout: false, AttachStderr: false };
  if (cfg.exposedPorts.length) config.ExposedPorts = gmap(Object.fromEntries(cfg.exposedPorts.map((p) => [p, {}])));
  Object.assign(config, {
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: cfg.env,
    Cmd: cfg.cmd,
    Image: '',
    Volumes: cfg.volumes?.length ? gmap(Object.fromEntries(cfg.volumes.map((v) => [v, {}]))) : null,
    WorkingDir: cfg.workingDir,
    Entrypoint: cfg.entrypoint,
    OnBuild: null,
    Labels: Object.keys(cfg.labels).length ? gmap(cfg.labels) : null,
  });
  if (cfg.stopSignal) config.StopSignal = cfg.stopSignal;
  const dirs = view.layers.map((l) => layerDir(l.digest));
  const top = dirs[dirs.length - 1] ?? layerDir(view.id);
  const data: Record<string, Json> = { MergedDir: `${top}/merged`, UpperDir: `${top}/diff`, WorkDir: `${top}/work` };
  if (dirs.length > 1) data.LowerDir = dirs.slice(0, -1).reverse().map((d) => `${d}/diff`).join(':');
  return {
    Id: view.id,
    RepoTags: view.tags,
    RepoDigests: view.digests,
    Parent: '',
    Comment: view.history[0]?.comment ?? '',
    Created: rfc3339Nano(view.created),
    DockerVersion: '',
    Author: '',
    Config: config,
    Architecture: 'amd64',
    Os: 'linux',
    Size: view.sizeBytes,
    GraphDriver: { Data: gmap(data), Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: view.layers.map((l) => diffId(l.digest)) },
    Metadata: { LastTagTime: ZERO_TIME },
  };
}

const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/** `docker network inspect`. */
export function inspectNetwork(docker: DockerState, network: Network, world?: World): Json {
  const containers: Record<string, Json> = {};
  for (const c of endpointsOf(docker, network)) {
    const a = c.networks[network.name];
    containers[c.id] = { Name: c.name, EndpointID: endpointId(c, network.name), MacAddress: a.mac, IPv4Address: a.ip ? `${a.ip}/${prefixLength(network)}` : '', IPv6Address: '' };
  }
  const isBridge = network.driver === 'bridge';
  return {
    Name: network.name,
    Id: network.id,
    Created: rfc3339Nano(network.created || world?.host.bootedAt || 0, network.id),
    Scope: network.scope,
    Driver: network.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: network.userDefined ? gmap({}) : null, Config: isBridge ? [{ Subnet: network.subnet, Gateway: network.gateway }] : [] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: gmap(containers),
    Options: gmap(network.name === 'bridge' && !network.userDefined ? DEFAULT_BRIDGE_OPTIONS : {}),
    Labels: gmap({}),
  };
}

/** `docker volume inspect`. */
export function inspectVolume(volume: Volume): Json {
  return {
    CreatedAt: rfc3339(volume.created),
    Driver: volume.driver,
    Labels: isAnonymous(volume.name) ? gmap({ 'com.docker.volume.anonymous': '' }) : null,
    Mountpoint: volumeMountpoint(volume.name),
    Name: volume.name,
    Options: null,
    Scope: 'local',
  };
}

// ---------------------------------------------------------------------------------------------
// The inspect package: JSON array, compact json, or a template per element.

export type Lookup = (ref: string) => { ok: true; value: Json; typeName: string } | { ok: false; error: string };

/** A missing field on the typed struct sends docker to the raw JSON map, which words it its own way. */
function rawFallbackMessage(message: string): string {
  return message.replace(/can't evaluate field (\S+) in type \S+/, (_, field: string) => `map has no entry for key "${field}"`);
}

/** docker/cli's inspect.Inspect: print what was found, then the errors, exit 1 if any. */
export function printInspect(ctx: CommandContext, refs: readonly string[], format: string | undefined, lookup: Lookup): number {
  const found: { value: Json; typeName: string }[] = [];
  const errors: string[] = [];
  let template;
  if (format && format !== 'json') {
    try {
      template = parseTemplate(format);
    } catch (e) {
      ctx.err(`template parsing error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 64;
    }
  }
  let buffer = '';
  for (const ref of refs) {
    const result = lookup(ref);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    if (!template) {
      found.push(result);
      continue;
    }
    try {
      buffer += `${executeTemplate(template, result.value, { typeName: result.typeName })}\n`;
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      errors.push(`template parsing error: ${rawFallbackMessage(e.message)}`);
    }
  }
  if (template) ctx.out(buffer || '\n');
  else if (format === 'json') ctx.out(`${JSON.stringify(found.map((f) => f.value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
  else ctx.out(found.length ? `${goJson(found.map((f) => f.value))}\n` : '[]\n');
  if (errors.length) {
    ctx.err(`${errors.join('\n')}\n`);
    return 1;
  }
  return 0;
}

export const containerLookup = (world: World): Lookup => (ref) => {
  const c = findContainer(world.docker, ref);
  return c ? { ok: true, value: inspectContainer(world, c), typeName: 'container.InspectResponse' } : { ok: false, error: `Error response from daemon: No such container: ${ref}` };
};

export const imageLookup = (world: World): Lookup => (ref) => {
  const image = findImage(world.docker, ref);
  if (!image) return { ok: false, error: `Error response from daemon: No such image: ${/[:@]/.test(ref) || /^[0-9a-f]{12,64}$/.test(ref) ? ref : `${ref}:latest`}` };
  return { ok: true, value: inspectImage(viewImage(world.docker, image)), typeName: 'image.InspectResponse' };
};

export const networkLookup = (world: World): Lookup => (ref) => {
  const network = findNetwork(world.docker, ref);
  return network ? { ok: true, value: inspectNetwork(world.docker, network, world), typeName: 'network.Inspect' } : { ok: false, error: `Error response from daemon: network ${ref} not found` };
};

export const volumeLookup = (world: World): Lookup => (ref) => {
  const volume = own(world.docker.volumes, ref);
  return volume ? { ok: true, value: inspectVolume(volume), typeName: 'volume.Volume' } : { ok: false, error: `Error response from daemon: get ${ref}: no such volume` };
};

const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
const typeList = TYPES.join('", "');

/** `docker inspect` tries a container, an image, a network, then a volume, unless --type says which. */
function anyLookup(world: World, type: string): Lookup {
  const order: [string, Lookup][] = [
    ['container', containerLookup(world)],
    ['image', imageLookup(world)],
    ['network', networkLookup(world)],
    ['volume', volumeLookup(world)],
  ];
  return (ref) => {
    for (const [kind, lookup] of order) {
      if (type && kind !== type) continue;
      const result = lookup(ref);
      if (result.ok || type) return result;
    }
    if (type) return { ok: false, error: `Error response from daemon: ${type} ${ref} not found` };
    return { ok: false, error: `Error: No such object: ${ref}` };
  };
}

export const inspect = dockerCommand('inspect', {
  args: [{ name: 'NAME|ID', variadic: true }],
  complete: { type: TYPES },
  *run(ctx): Run {
    const f = ctx.command.flags;
    yield { type: 'wait', ms: 25 };
    const format = f.format === undefined ? undefined : String(f.format);
    // `docker container inspect` and `docker image inspect` are this command restricted to one kind.
    const group = ctx.command.path.length > 2 ? ctx.command.path[ctx.command.path.length - 2].name : '';
    if (group === 'container') return printInspect(ctx, ctx.command.args, format, containerLookup(ctx.world()));
    if (group === 'image') return printInspect(ctx, ctx.command.args, format, imageLookup(ctx.world()));
    const type = f.type === undefined ? '' : String(f.type);
    if (ctx.command.given.has('type') && type === '') {
      ctx.err(`type is empty: must be one of "${typeList}"\n`);
      return 1;
    }
    if (type && !TYPES.includes(type)) {
      ctx.err(`unknown type: "${type}": must be one of "${typeList}"\n`);
      return 1;
    }
    if (f.size && type !== '' && type !== 'container') ctx.err(`WARNING: --size ignored for ${type}\n`);
    return printInspect(ctx, ctx.command.args, format, anyLookup(ctx.world(), type));
  },
});
