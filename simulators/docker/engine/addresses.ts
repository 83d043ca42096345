// Docker's part of the network (network/addresses.ts): from the laptop, a published port on
// localhost or 0.0.0.0 reaches its container, and a container's bridge address reaches it
// directly; from inside a container, localhost is the container itself, other containers answer on
// the networks it shares with them (by name on user-defined networks, through docker's DNS), and a
// network's gateway is the laptop with its published ports. What answers is an Endpoint: the
// container's own server, its files, and its log.
import type { AddressProvider, Endpoint, Resolution } from '../../network/addresses';
import { IPV4, LOCAL_NAMES, localAddress } from '../../network/addresses';
import type { ServerProgram } from '../../network/server';
import type { World } from '../../world';
import type { Container } from '../state';
import { containerMachine, imageOf } from './container-machine';
import { isRunning, setContainer } from './container-table';
import { appendLogs } from './logs';
import { resolveName } from './networks';
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

export const dockerAddresses: AddressProvider = {
  name: 'docker',
  resolve(world, host, port, from) {
    if (from === 'laptop') return fromLaptop(world, host, port);
    if (from.startsWith('container/')) return fromContainer(world, world.docker.containers[from.slice('container/'.length)], host, port);
    return undefined;
  },
};
