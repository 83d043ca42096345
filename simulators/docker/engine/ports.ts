// `-p` values as docker reads them: `8080:80`, `127.0.0.1:8080:80`, `8080:80/udp`, `80` (a
// random host port), and the ranges learners rarely type (refused plainly).
import type { PortBinding } from '../state';

export class PortSpecError extends Error {}

export function parsePublish(spec: string): Omit<PortBinding, 'hostPort'> & { hostPort: number | null } {
  const [body, proto = 'tcp'] = spec.split('/');
  if (proto !== 'tcp' && proto !== 'udp') throw new PortSpecError(`invalid proto: ${proto}`);
  const parts = body.split(':');
  let hostIp = '0.0.0.0';
  let host: string | undefined;
  let container: string;
  if (parts.length === 1) container = parts[0];
  else if (parts.length === 2) [host, container] = parts;
  else if (parts.length === 3) [hostIp, host, container] = parts;
  else throw new PortSpecError(`invalid port format: ${spec}`);
  const valid = (p: string) => /^\d+$/.test(p) && Number(p) > 0 && Number(p) < 65536;
  if (!valid(container)) throw new PortSpecError(`invalid containerPort: ${container}`);
  if (host !== undefined && host !== '' && !valid(host)) throw new PortSpecError(`invalid hostPort: ${host}`);
  if (hostIp !== '0.0.0.0' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(hostIp)) throw new PortSpecError(`invalid IP address: ${hostIp}`);
  return { hostIp, hostPort: host ? Number(host) : null, containerPort: Number(container), protocol: proto };
}

/** `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp` as docker ps prints published ports (IPv4 and IPv6). */
export function formatPorts(bindings: readonly PortBinding[], exposed: readonly string[]): string {
  const published = new Set(bindings.map((b) => `${b.containerPort}/${b.protocol}`));
  const parts: string[] = [];
  for (const b of [...bindings].sort((x, y) => x.containerPort - y.containerPort || x.hostPort - y.hostPort)) {
    parts.push(`${b.hostIp}:${b.hostPort}->${b.containerPort}/${b.protocol}`);
    if (b.hostIp === '0.0.0.0') parts.push(`[::]:${b.hostPort}->${b.containerPort}/${b.protocol}`);
  }
  for (const port of exposed) if (!published.has(port)) parts.push(port);
  return parts.join(', ');
}
