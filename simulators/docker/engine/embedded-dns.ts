// Docker's embedded DNS server, 127.0.0.11 inside every container on a user-defined network
// (libnetwork's resolver.go): names of containers on the networks the asker shares with them, by
// container name, network alias or short id, and `name.network`; addresses back to `name.network`.
// Its own answers are never authoritative. What it does not know it forwards to the host's
// resolvers (the network's upstream); a name it knows without an IPv6 address gets an empty AAAA
// answer instead, so nslookup shows a bare "Non-authoritative answer:" for it.
import { own } from '../../core/own';
import { addressOfReverse, type DnsQuestion, type ServerReply } from '../../network/dns';
import type { Container, DockerState } from '../state';
import { endpointsOf } from './networks';

export const EMBEDDED_DNS = '127.0.0.11';

/** The user-defined networks a container is on with an address, in the order it joined them. */
function userNetworks(docker: DockerState, container: Container): string[] {
  return Object.entries(container.networks)
    .filter(([name, attachment]) => own(docker.networks, name)?.userDefined && attachment.ip)
    .map(([name]) => name);
}

/** Whether the container asks the embedded server: it runs for containers on a user-defined network. */
export const hasEmbeddedDns = (docker: DockerState, container: Container) => userNetworks(docker, container).length > 0;

const answersTo = (c: Container, network: string, name: string) =>
  c.name.toLowerCase() === name || c.networks[network].aliases.some((a) => a.toLowerCase() === name) || (name.length >= 12 && c.id.startsWith(name));

/**
 * The addresses `name` has from container `from`: on the first of its networks that knows the name
 * (every container answering to it there: an alias can be shared), as libnetwork's ResolveName.
 */
export function addressesOf(docker: DockerState, from: Container, rawName: string): string[] {
  const name = rawName.toLowerCase().replace(/\.$/, '');
  const networks = userNetworks(docker, from);
  // `web.app`: the container web, asked for on the network app only.
  const dot = name.lastIndexOf('.');
  const qualified = dot > 0 && networks.includes(name.slice(dot + 1)) ? { short: name.slice(0, dot), network: name.slice(dot + 1) } : undefined;
  for (const network of qualified ? [qualified.network] : networks) {
    const net = own(docker.networks, network);
    if (!net) continue;
    const ips = endpointsOf(docker, net)
      .filter((c) => answersTo(c, network, qualified?.short ?? name))
      .map((c) => c.networks[network].ip);
    if (ips.length) return ips;
  }
  return [];
}

/** The embedded server's reply to `question` from container `from`. */
export function embeddedAnswer(docker: DockerState, from: Container, question: DnsQuestion): ServerReply {
  const reply = (records: { name: string; type: DnsQuestion['type']; data: string }[]): ServerReply => ({ kind: 'answer', rcode: 'NOERROR', authoritative: false, records });
  if (question.type === 'PTR') {
    const ip = addressOfReverse(question.name);
    for (const network of ip ? userNetworks(docker, from) : []) {
      const net = own(docker.networks, network);
      const target = net && endpointsOf(docker, net).find((c) => c.networks[network].ip === ip);
      if (target) return reply([{ name: question.name, type: 'PTR', data: `${target.name}.${network}` }]);
    }
    return { kind: 'forward' };
  }
  // It answers A, AAAA and MX itself; every other type goes to the upstream resolver.
  if (question.type !== 'A' && question.type !== 'AAAA' && question.type !== 'MX') return { kind: 'forward' };
  const ips = addressesOf(docker, from, question.name);
  if (!ips.length) return { kind: 'forward' };
  // Containers here have no IPv6 address, and no mail exchanger: the name exists, with nothing to give.
  return reply(question.type === 'A' ? ips.map((data) => ({ name: question.name, type: 'A', data })) : []);
}
