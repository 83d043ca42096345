// Networks in the engine: the default bridge, host and none, and the user-defined bridges a learner
// creates. Each bridge has a subnet; a running container gets one address per network it is on.
// User-defined bridges run docker's embedded DNS, so containers on one reach each other BY NAME;
// the default bridge does not (only addresses work there), which is the lesson's whole point.
import { own } from '../../core/own';
import { hexId } from '../../core/ids';
import type { World } from '../../world';
import type { Container, DockerState, Network } from '../state';

/** A stable hex string from a seed: ids the engine derives rather than draws (endpoints, layers). */
export function stableHex(seed: string, length = 64): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    // FNV-1a over the seed and the round number, then a final avalanche (murmur3's fmix32).
    let h = 0x811c9dc5;
    const text = `${seed}#${round}`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

// ---------------------------------------------------------------------------------------------
// IPv4 arithmetic

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function parseCidr(cidr: string): { base: number; bits: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m || m.slice(1, 5).some((p) => Number(p) > 255) || Number(m[5]) > 32) return undefined;
  const bits = Number(m[5]);
  const size = 2 ** (32 - bits);
  return { base: Math.floor(ipToInt(m.slice(1, 5).join('.')) / size) * size, bits };
}

export const prefixLength = (network: Network) => parseCidr(network.subnet)?.bits ?? 0;

function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return false;
  const xEnd = x.base + 2 ** (32 - x.bits);
  const yEnd = y.base + 2 ** (32 - y.bits);
  return x.base < yEnd && y.base < xEnd;
}

/** Whether `ip` lies in the network's subnet. */
export function inSubnet(network: Network, ip: string): boolean {
  const cidr = parseCidr(network.subnet);
  if (!cidr || !/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return false;
  const n = ipToInt(ip);
  return n >= cidr.base && n < cidr.base + 2 ** (32 - cidr.bits);
}

/** docker's MAC for an address: 02:42 and the four bytes of the IPv4 address. */
export const macFor = (ip: string) => `02:42:${ip.split('.').map((n) => Number(n).toString(16).padStart(2, '0')).join(':')}`;

// ---------------------------------------------------------------------------------------------
// Lookups

/** A network by name, full id or unique id prefix, as the daemon resolves the name the user typed. */
export function findNetwork(docker: DockerState, ref: string): Network | undefined {
  const all = Object.values(docker.networks);
  const byName = all.find((n) => n.name === ref);
  if (byName) return byName;
  const byId = all.find((n) => n.id === ref);
  if (byId) return byId;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  const matches = all.filter((n) => n.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

const isRunning = (c: Container) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';

/** Containers with a live endpoint on the network (running ones that got an address, or host/none). */
export function endpointsOf(docker: DockerState, network: Network): Container[] {
  return Object.values(docker.containers)
    .filter((c) => isRunning(c) && network.name in c.networks && (c.networks[network.name].ip !== '' || network.driver !== 'bridge'))
    .sort((a, b) => a.created - b.created);
}

/** The endpoint id of a container on a network: stable for the life of the attachment. */
export const endpointId = (container: Container, network: string) => stableHex(`endpoint:${container.id}:${network}:${container.state.startedAt}`);

/** The first subnet docker's default address pools give a new bridge: 172.18-31.0.0/16, then 192.168.x.0/20. */
function nextSubnet(docker: DockerState): string {
  const taken = Object.values(docker.networks).map((n) => n.subnet).filter(Boolean);
  const candidates: string[] = [];
  for (let b = 17; b <= 31; b++) candidates.push(`172.${b}.0.0/16`);
  for (let c = 0; c < 256; c += 16) candidates.push(`192.168.${c}.0/20`);
  return candidates.find((s) => !taken.some((t) => overlaps(s, t))) ?? '10.10.0.0/16';
}

export type NetworkResult<T = object> = ({ ok: true; world: World } & T) | { ok: false; error: string };

export interface NetworkCreateOptions {
  name: string;
  driver: string;
  subnet?: string;
  gateway?: string;
}

/** `docker network create`: a new bridge with the next free subnet (or the one asked for). */
export function createNetwork(world: World, options: NetworkCreateOptions): NetworkResult<{ id: string }> {
  const docker = world.docker;
  const { name } = options;
  if (Object.values(docker.networks).some((n) => n.name === name)) return { ok: false, error: `network with name ${name} already exists` };
  if (options.driver === 'host' || options.driver === 'null') return { ok: false, error: `only one instance of "${options.driver}" network is allowed` };
  if (options.driver === 'overlay') {
    return { ok: false, error: 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.' };
  }
  if (options.driver !== 'bridge') return { ok: false, error: `plugin "${options.driver}" not found` };
  let subnet = options.subnet;
  if (subnet !== undefined) {
    const cidr = parseCidr(subnet);
    if (!cidr) return { ok: false, error: `invalid CIDR address: ${subnet}` };
    subnet = `${intToIp(cidr.base)}/${cidr.bits}`;
    if (Object.values(docker.networks).some((n) => n.subnet && overlaps(n.subnet, subnet!))) {
      return { ok: false, error: 'invalid pool request: Pool overlaps with other one on this address space' };
    }
  } else subnet = nextSubnet(docker);
  const cidr = parseCidr(subnet)!;
  const gateway = options.gateway ?? intToIp(cidr.base + 1);
  if (options.gateway !== undefined && !inSubnet({ subnet } as Network, gateway)) {
    return { ok: false, error: `no matching subnet for gateway ${gateway}` };
  }
  const [id, rng] = hexId(world.rng);
  const network: Network = { id, name, driver: 'bridge', scope: 'local', subnet, gateway, created: world.clock.now, userDefined: true };
  return { ok: true, id, world: { ...world, rng, docker: { ...docker, networks: { ...docker.networks, [name]: network } } } };
}

/** `docker network rm`: refused for the predefined networks and for networks with endpoints. */
export function removeNetwork(world: World, ref: string): NetworkResult {
  const docker = world.docker;
  const network = findNetwork(docker, ref);
  if (!network) return { ok: false, error: `network ${ref} not found` };
  if (!network.userDefined) return { ok: false, error: `${network.name} is a pre-defined network and cannot be removed` };
  const endpoints = endpointsOf(docker, network);
  if (endpoints.length) {
    const list = endpoints.map((c) => `name:"${c.name}" id:"${endpointId(c, network.name).slice(0, 12)}"`).join(', ');
    return { ok: false, error: `error while removing network: network ${network.name} has active endpoints (${list})` };
  }
  const networks = { ...docker.networks };
  delete networks[network.name];
  return { ok: true, world: { ...world, docker: { ...docker, networks } } };
}

/** The lowest free address on a bridge network (the gateway takes the first). */
export function allocateAddress(docker: DockerState, network: Network, exceptId?: string): string {
  const cidr = parseCidr(network.subnet);
  if (!cidr) return '';
  const used = new Set(
    Object.values(docker.containers)
      .filter((c) => c.id !== exceptId && isRunning(c))
      .map((c) => c.networks[network.name]?.ip)
      .filter(Boolean),
  );
  used.add(network.gateway);
  const size = 2 ** (32 - cidr.bits);
  for (let offset = 2; offset < size - 1; offset++) {
    const ip = intToIp(cidr.base + offset);
    if (!used.has(ip)) return ip;
  }
  throw new Error(`network ${network.name} has no free address`);
}

/** An attachment's addresses on a network (empty for host and none, which give no address). */
export function addressOn(docker: DockerState, network: Network, containerId: string): Container['networks'][string] {
  if (network.driver !== 'bridge') return { ip: '', gateway: '', mac: '', aliases: [] };
  const ip = allocateAddress(docker, network, containerId);
  return { ip, gateway: network.gateway, mac: macFor(ip), aliases: [] };
}

const setContainer = (world: World, c: Container): World => ({ ...world, docker: { ...world.docker, containers: { ...world.docker.containers, [c.id]: c } } });

/** `docker network connect`: a running container gets an address now; a stopped one when it starts. */
export function connectNetwork(world: World, networkRef: string, container: Container, aliases: string[] = []): NetworkResult {
  const docker = world.docker;
  const network = findNetwork(docker, networkRef);
  if (!network) return { ok: false, error: `network ${networkRef} not found` };
  const mode = container.hostConfig.networkMode;
  if (network.driver === 'host' || mode === 'host') return { ok: false, error: 'container cannot be disconnected from host network or connected to host network' };
  if (network.driver === 'null' || mode === 'none') return { ok: false, error: 'container cannot be connected to multiple networks with one of the networks in private (none) mode' };
  if (network.name in container.networks) {
    if (isRunning(container)) return { ok: false, error: `endpoint with name ${container.name} already exists in network ${network.name}` };
    return { ok: false, error: `container ${container.id} is already connected to network ${network.name}` };
  }
  const attachment = isRunning(container) ? addressOn(docker, network, container.id) : { ip: '', gateway: '', mac: '', aliases: [] };
  return { ok: true, world: setContainer(world, { ...container, networks: { ...container.networks, [network.name]: { ...attachment, aliases } } }) };
}

/** `docker network disconnect`. */
export function disconnectNetwork(world: World, networkRef: string, container: Container): NetworkResult {
  const network = findNetwork(world.docker, networkRef);
  if (!network) return { ok: false, error: `network ${networkRef} not found` };
  if (network.driver === 'host') return { ok: false, error: 'container cannot be disconnected from host network or connected to host network' };
  if (!(network.name in container.networks) && !(container.hostConfig.networkMode === network.name && !isRunning(container) && !Object.keys(container.networks).length)) {
    return { ok: false, error: `container ${container.id} is not connected to network ${network.name}` };
  }
  const networks = { ...container.networks };
  delete networks[network.name];
  // Leaving the primary network makes the container's mode the next one it is on (or none).
  const rest = Object.keys(networks);
  const networkMode = container.hostConfig.networkMode === network.name ? rest[0] ?? 'none' : container.hostConfig.networkMode;
  return { ok: true, world: setContainer(world, { ...container, networks, hostConfig: { ...container.hostConfig, networkMode } }) };
}

/** The networks a container is attached to when it starts: its primary one first, then the rest. */
export function networksToJoin(container: Container): string[] {
  const mode = container.hostConfig.networkMode || 'bridge';
  const primary = mode === 'default' ? 'bridge' : mode;
  return [primary, ...Object.keys(container.networks).filter((n) => n !== primary)];
}

/**
 * Docker's embedded DNS, seen from container `fromId`: a name resolves on a user-defined network
 * the asking container is on, to a running container there by its name, an alias or its short id.
 */
export function resolveName(docker: DockerState, fromId: string, name: string): { container: Container; ip: string; network: string } | undefined {
  const from = docker.containers[fromId];
  if (!from) return undefined;
  for (const [netName, attachment] of Object.entries(from.networks)) {
    const network = own(docker.networks, netName);
    if (!network?.userDefined || !attachment.ip) continue;
    for (const c of endpointsOf(docker, network)) {
      const on = c.networks[netName];
      if (c.name === name || on.aliases.includes(name) || (name.length >= 12 && c.id.startsWith(name))) return { container: c, ip: on.ip, network: netName };
    }
  }
  return undefined;
}
