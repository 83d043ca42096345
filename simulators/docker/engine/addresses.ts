// Docker's part of the network (network/addresses.ts): from the laptop, a published port on
// localhost or 0.0.0.0 reaches its container, and a container's bridge address reaches it
// directly; from inside a container, localhost is the container itself, other containers answer on
// the networks it shares with them (by name on user-defined networks, through docker's DNS), and a
// network's gateway is the laptop with its published ports. What answers is an Endpoint: the
// container's own server, its files, and its log. Pings reach what packets reach: running (not
// paused) containers on a shared network, and the laptop's bridge addresses; DNS inside a container
// on a user-defined network is the embedded server (embedded-dns.ts).
import type { AddressProvider, Echo, Endpoint, Resolution } from '../../network/addresses';
import { IPV4, LOCAL_NAMES, localAddress } from '../../network/addresses';
import { LAPTOP_STUB, isLoopback } from '../../network/dns';
import type { ServerProgram } from '../../network/server';
import type { World } from '../../world';
import type { Container } from '../state';
import { containerMachine, imageOf } from './container-machine';
import { isRunning, setContainer } from './container-table';
import { EMBEDDED_DNS, embeddedAnswer, hasEmbeddedDns } from './embedded-dns';
import { appendLogs } from './logs';
import { inSubnet, resolveName } from './networks';
import { registryAnswer } from './registry-api';
import { programOf } from './runtime';

/** Where docker's bridges live (172.16.0.0/12): an unused address there swallows packets. */
const BRIDGES = /^172\.(1[6-9]|2\d|3[01])\./;
const PRIVATE = /^172\.(1[6-9]|2\d|3[01])\.|^192\.168\./;

/** The server the container's program is: its image's own server, run as its default command. */
function serverOf(world: World, container: Container): ServerProgram | undefined {
  const image = imageOf(world, container);
  if (!image || image.behaviour?.kind !== 'server') return undefined;
  return programOf(container, image).kind === 'server' ? image.behaviour : undefined;
}

const listens = (world: World, container: Container, port: number) => serverOf(world, container)?.port === port;

/** The container as an endpoint: the connection reached `ip`, arriving at `port` inside. */
function endpoint(world: World, container: Container, ip: string, port: number, clientIp: string): Resolution {
  if (container.state.status === 'paused') return { kind: 'hang', ip };
  const id = container.id;
  const answer: Endpoint = {
    ip,
    clientIp,
    port,
    place: `container/${id}`,
    server: serverOf(world, container),
    files: () => containerMachine({ getState: () => world, setState: () => undefined }, id).fs(),
    answer: (request) => registryAnswer(world, container, request),
    log: (w, line, at) => {
      const c = w.docker.containers[id];
      return c ? setContainer(w, appendLogs(c, [{ at, stream: 'stdout', text: line }])) : w;
    },
  };
  return { kind: 'endpoint', endpoint: answer };
}

function fromLaptop(world: World, host: string, port: number): Resolution | undefined {
  const running = Object.values(world.docker.containers).filter(isRunning);
  if (LOCAL_NAMES.has(host)) {
    const ip = localAddress(host);
    const target = running.find((c) => c.hostConfig.portBindings.some((b) => b.hostPort === port && b.protocol === 'tcp' && (b.hostIp === '0.0.0.0' || b.hostIp === ip)));
    if (target) {
      const binding = target.hostConfig.portBindings.find((b) => b.hostPort === port)!;
      // Through docker-proxy, the server sees the bridge's gateway as the client.
      return endpoint(world, target, ip, binding.containerPort, world.docker.networks.bridge?.gateway ?? '172.17.0.1');
    }
    // --network host: the container's server listens on the laptop's own ports.
    const onHost = running.find((c) => c.hostConfig.networkMode === 'host' && listens(world, c, port));
    return onHost ? endpoint(world, onHost, ip, port, '127.0.0.1') : undefined;
  }
  if (IPV4.test(host)) {
    const target = running.find((c) => Object.values(c.networks).some((n) => n.ip === host));
    if (target) return endpoint(world, target, host, port, world.docker.networks.bridge?.gateway ?? '172.17.0.1');
    return BRIDGES.test(host) ? { kind: 'hang', ip: host } : undefined;
  }
  return undefined;
}

function fromContainer(world: World, source: Container | undefined, host: string, port: number): Resolution | undefined {
  if (!source) return undefined;
  const self = (ip: string): Resolution => (listens(world, source, port) ? endpoint(world, source, ip, port, ip) : { kind: 'refused', ip });
  if (LOCAL_NAMES.has(host)) return self(localAddress(host));
  const own = Object.entries(source.networks).filter(([, n]) => n.ip);
  if (host === source.config.hostname) return self(own[0]?.[1].ip ?? '127.0.0.1');
  let ip = host;
  if (!IPV4.test(host)) {
    const found = resolveName(world.docker, source.id, host);
    if (!found) return { kind: 'unresolved' };
    ip = found.ip;
  }
  if (own.some(([, n]) => n.ip === ip)) return self(ip);
  // A gateway is the laptop: its published ports answer, as seen from the bridge.
  if (own.some(([, n]) => n.gateway === ip)) {
    const through = fromLaptop(world, '0.0.0.0', port);
    if (through?.kind === 'endpoint') return { kind: 'endpoint', endpoint: { ...through.endpoint, ip } };
    return through?.kind === 'hang' ? through : { kind: 'refused', ip };
  }
  for (const [netName, attachment] of own) {
    const target = Object.values(world.docker.containers).find((c) => isRunning(c) && c.networks[netName]?.ip === ip);
    if (target) return endpoint(world, target, ip, port, attachment.ip);
  }
  // Another network's address, or nothing there: the packets go nowhere.
  return PRIVATE.test(ip) ? { kind: 'hang', ip } : { kind: 'refused', ip };
}

const sourceOf = (world: World, from: string) => (from.startsWith('container/') ? world.docker.containers[from.slice('container/'.length)] : undefined);

/** The laptop's own addresses on docker's bridges: every network's gateway. */
const isGateway = (world: World, ip: string) => Object.values(world.docker.networks).some((n) => n.gateway === ip);

/** Whether `ip` is one of docker's: in a network's subnet or the pools bridges are cut from. */
const onDockerNetworks = (world: World, ip: string) => BRIDGES.test(ip) || Object.values(world.docker.networks).some((n) => inSubnet(n, ip));

/** Whether an echo to `ip` from the laptop (or a container sharing its network stack) is answered. */
function echoFromLaptop(world: World, ip: string): Echo | undefined {
  if (isGateway(world, ip)) return 'reply';
  const target = Object.values(world.docker.containers).find((c) => isRunning(c) && Object.values(c.networks).some((n) => n.ip === ip));
  if (target) return target.state.status === 'running' ? 'reply' : 'silent';
  return onDockerNetworks(world, ip) ? 'silent' : undefined;
}

function echoFromContainer(world: World, source: Container, ip: string): Echo | undefined {
  if (source.hostConfig.networkMode === 'host') return echoFromLaptop(world, ip);
  if (isLoopback(ip) || ip === '0.0.0.0') return undefined;
  const own = Object.entries(source.networks).filter(([, n]) => n.ip);
  // --network none: only the loopback is there, and no route leads anywhere else.
  if (!own.length) return 'no-route';
  if (own.some(([, n]) => n.ip === ip)) return 'reply';
  // Every bridge's gateway is an address of the laptop, which the container's default route reaches.
  if (isGateway(world, ip)) return 'reply';
  for (const [netName] of own) {
    const target = Object.values(world.docker.containers).find((c) => isRunning(c) && c.networks[netName]?.ip === ip);
    if (target) return target.state.status === 'running' ? 'reply' : 'silent';
  }
  // Another bridge's containers are cut off (docker's isolation rules), and unused addresses are silent.
  return onDockerNetworks(world, ip) ? 'silent' : undefined;
}

export const dockerAddresses: AddressProvider = {
  name: 'docker',
  resolve(world, host, port, from) {
    if (from === 'laptop') return fromLaptop(world, host, port);
    if (from.startsWith('container/')) return fromContainer(world, world.docker.containers[from.slice('container/'.length)], host, port);
    return undefined;
  },
  dns(world, server, question, from) {
    const source = sourceOf(world, from);
    if (!source || !isRunning(source)) return undefined;
    // A container on the host's network stack asks the laptop's systemd-resolved, as the laptop does.
    if (source.hostConfig.networkMode === 'host') return server === LAPTOP_STUB ? { kind: 'forward' } : undefined;
    if (server === EMBEDDED_DNS && hasEmbeddedDns(world.docker, source)) return embeddedAnswer(world.docker, source, question);
    return undefined;
  },
  echo(world, ip, from) {
    if (from === 'laptop') return echoFromLaptop(world, ip);
    const source = sourceOf(world, from);
    return source ? echoFromContainer(world, source, ip) : undefined;
  },
};
