// Where a connection to host:port lands, asked of the address providers the session composes:
// Docker's (published ports, container addresses, names on user networks) today; Kubernetes'
// (pod IPs, ClusterIPs, NodePorts, load balancers, cluster DNS) next. What answers is an Endpoint:
// a serving program and what it needs (its files, where its access log goes), whatever runs it, so
// curl, wget and whatever comes later never import a runtime.
import { serviceKey } from '../core/services';
import type { DirNode } from '../shell/fs';
import type { World } from '../world';
import { LAN_RESOLVER, LAPTOP_STUB, isLoopback, upstreamAnswer, type DnsOutcome, type DnsQuestion, type ServerReply } from './dns';
import type { HttpRequest, Page, ServerProgram } from './server';

export interface Endpoint {
  /** The address the client reached (curl -v: "Connected to ... (ip)"). */
  ip: string;
  /** The address the server sees the request come from: its access log's first field. */
  clientIp: string;
  /** The port inside the workload the connection arrived at. */
  port: number;
  /** The workload serving, as a Machine.place (`container/<id>`; later `pod/...`). */
  place: string;
  /** What listens there, or none: the address is up but nothing listens on that port. */
  server?: ServerProgram;
  /** The workload's files, for a document root (what a volume or bind mount put there is served). */
  files(): DirNode;
  /** Answers the workload computes from its own state (a registry's catalog), before the static pages. */
  answer?(request: HttpRequest): Page | undefined;
  /** Writes one access-log line where the workload's log goes; returns the world after. */
  log(world: World, line: string, at: number): World;
}

export type Resolution =
  | { kind: 'endpoint'; endpoint: Endpoint }
  /** Something is there and says no (RST): curl's "Connection refused". */
  | { kind: 'refused'; ip: string }
  /** Packets go nowhere (a paused container, an unused private address): curl waits until its timeout. */
  | { kind: 'hang'; ip: string }
  /** No such name. */
  | { kind: 'unresolved' };

/**
 * One runtime's part of the network. `from` is where the connection starts, as a Machine.place
 * (`laptop`, `container/<id>`, later `pod/...`). Undefined: this provider knows nothing of that host
 * from there, and the next one is asked.
 */
export interface AddressProvider {
  readonly name: string;
  resolve(world: World, host: string, port: number, from: string): Resolution | undefined;
  /**
   * The DNS server this provider runs at `server`, as seen from `from`, answering `question` (or
   * sending it on to the upstream resolver); undefined when it runs none there.
   */
  dns?(world: World, server: string, question: DnsQuestion, from: string): ServerReply | undefined;
  /** What an ICMP echo (ping) to `ip` sent from `from` meets; undefined when this provider knows nothing of it. */
  echo?(world: World, ip: string, from: string): Echo | undefined;
}

export interface Network {
  connect(world: World, host: string, port: number, from: string): Resolution;
  /** A DNS question sent to `server` from `from` (nslookup, and the resolver programs use). */
  dns(world: World, server: string, question: DnsQuestion, from: string): DnsOutcome;
  /** What an echo request to `ip` from `from` meets. */
  echo(world: World, ip: string, from: string): Echo;
}

/**
 * A packet's fate: a reply (a live host), silence (nothing there, a paused container, a dropped
 * packet), or no route at all (a container with --network none): the send itself fails.
 */
export type Echo = 'reply' | 'silent' | 'no-route';

export const NETWORK = serviceKey<Network>('network');

export const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]']);
export const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The address a local name means: localhost is 127.0.0.1, [::1] is ::1. */
export const localAddress = (host: string) => (host === 'localhost' ? '127.0.0.1' : host.replace(/[[\]]/g, ''));

/**
 * The providers in order of asking; what none claims is refused (an address) or unknown (a name).
 * Beyond them: every machine's loopback answers pings, and the LAN's resolver (and, on the laptop,
 * systemd-resolved's stub in front of it) answers DNS; other addresses stay silent, since this world
 * has no internet.
 */
export function composeNetwork(providers: readonly AddressProvider[]): Network {
  const network: Network = {
    dns(world, server, question, from) {
      for (const provider of providers) {
        const reply = provider.dns?.(world, server, question, from);
        if (reply) return reply.kind === 'forward' ? upstreamAnswer(question) : reply;
      }
      const echo = network.echo(world, server, from);
      if (echo === 'reply' && (server === LAN_RESOLVER || (from === 'laptop' && server === LAPTOP_STUB))) return upstreamAnswer(question);
      return { kind: echo === 'reply' ? 'refused' : echo };
    },
    echo(world, ip, from) {
      for (const provider of providers) {
        const found = provider.echo?.(world, ip, from);
        if (found !== undefined) return found;
      }
      return isLoopback(ip) || ip === '0.0.0.0' || ip === LAN_RESOLVER ? 'reply' : 'silent';
    },
    connect(world, host, port, from) {
      for (const provider of providers) {
        const found = provider.resolve(world, host, port, from);
        if (found) return found;
      }
      // The laptop's own name is the laptop.
      if (from === 'laptop' && host === world.host.hostname) return network.connect(world, '127.0.0.1', port, from);
      if (LOCAL_NAMES.has(host)) return { kind: 'refused', ip: localAddress(host) };
      if (IPV4.test(host)) return { kind: 'refused', ip: host };
      return { kind: 'unresolved' };
    },
  };
  return network;
}
