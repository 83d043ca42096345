// The virtual network as seen from a machine: which address and port reach which container, and
// what a request there gets back. From the laptop, `localhost:8080` reaches the container that
// published 8080, and a container's bridge address reaches it directly.
import type { World } from '../world';
import { imageOf } from '../docker/engine/container-machine';
import { isRunning, setContainer } from '../docker/engine/containers';
import { fillPlaceholders } from '../docker/engine/placeholders';
import { appendLogs } from '../docker/engine/runtime';
import type { Container } from '../docker/state';

export interface HttpRequest {
  method: string;
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
}

export type Connection =
  | { kind: 'refused'; ip: string }
  | { kind: 'unresolved' }
  | { kind: 'hang'; ip: string }
  | { kind: 'container'; container: Container; ip: string; containerPort: number };

const LOCAL = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]']);

/** Where a connection from the laptop to host:port lands. */
export function connect(world: World, host: string, port: number): Connection {
  const running = Object.values(world.docker.containers).filter(isRunning);
  if (LOCAL.has(host)) {
    const ip = host === 'localhost' ? '127.0.0.1' : host.replace(/[[\]]/g, '');
    const target = running.find((c) => c.hostConfig.portBindings.some((b) => b.hostPort === port && b.protocol === 'tcp' && (b.hostIp === '0.0.0.0' || b.hostIp === ip)));
    if (!target) return { kind: 'refused', ip };
    if (target.state.status === 'paused') return { kind: 'hang', ip };
    const binding = target.hostConfig.portBindings.find((b) => b.hostPort === port)!;
    return { kind: 'container', container: target, ip, containerPort: binding.containerPort };
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
    const target = running.find((c) => Object.values(c.networks).some((n) => n.ip === host));
    if (!target) return /^172\.(1[6-9]|2\d|3[01])\./.test(host) ? { kind: 'hang', ip: host } : { kind: 'refused', ip: host };
    if (target.state.status === 'paused') return { kind: 'hang', ip: host };
    return { kind: 'container', container: target, ip: host, containerPort: port };
  }
  if (host === world.host.hostname) return connect(world, '127.0.0.1', port);
  return { kind: 'unresolved' };
}

export type HttpOutcome =
  | { kind: 'response'; status: number; reason: string; headers: [string, string][]; body: string; world: World }
  | { kind: 'refused' }
  | { kind: 'empty-reply' }
  | { kind: 'http09' }
  | { kind: 'hang' };

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** Serves a request at a container: its image's server answers, and writes its access-log line. */
export function serve(world: World, target: Extract<Connection, { kind: 'container' }>, request: HttpRequest, clientIp: string): HttpOutcome {
  const image = imageOf(world, target.container);
  const behaviour = image?.behaviour;
  if (behaviour?.kind !== 'server' || behaviour.port !== target.containerPort) return { kind: 'refused' };
  if (behaviour.protocol === 'redis') return { kind: 'http09' };
  if (behaviour.protocol !== 'http' || !behaviour.http) return { kind: 'empty-reply' };
  const now = world.clock.now;
  const page = behaviour.http[request.path] ?? behaviour.http[request.path.replace(/\/index\.html$/, '/')] ?? behaviour.http['*'];
  const fill = (text: string) => fillPlaceholders(text, { at: now, kernel: world.host.kernel.release, remoteAddr: clientIp, containerIp: target.ip });
  const body = request.method === 'HEAD' ? '' : fill(page.body);
  const headers = Object.entries(page.headers).map(([k, v]) => [k, fill(v)] as [string, string]);
  let next = world;
  if (behaviour.accessLog) {
    const line = fillPlaceholders(behaviour.accessLog, {
      at: now,
      kernel: world.host.kernel.release,
      remoteAddr: clientIp,
      method: request.method,
      path: request.path,
      status: page.status,
      bytes: request.method === 'HEAD' ? 0 : new TextEncoder().encode(fill(page.body)).length,
      userAgent: request.headers['User-Agent'] ?? '-',
    });
    next = setContainer(world, appendLogs(target.container, [{ at: now, stream: 'stdout', text: line }]));
  }
  return { kind: 'response', status: page.status, reason: REASONS[page.status] ?? '', headers, body: request.method === 'HEAD' ? '' : fill(page.body), world: next };
}
