// The virtual network as seen from a machine: which address and port reach which container, and
// what a request there gets back. From the laptop, `localhost:8080` reaches the container that
// published 8080, and a container's bridge address reaches it directly.
import type { World } from '../world';
import { containerMachine, imageOf } from '../docker/engine/container-machine';
import type { ImageView } from '../docker/engine/images';
import { lookup } from '../shell/fs';
import { isRunning, setContainer } from '../docker/engine/container-table';
import { resolveName } from '../docker/engine/networks';
import { fillPlaceholders } from '../docker/engine/placeholders';
import { fillAppPlaceholders, httpDate, reasonPhrase } from './http-format';
import { appendLogs } from '../docker/engine/logs';
import { registryAnswer } from '../docker/engine/registry-api';
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
  /** `clientIp`: the address the server sees the request come from (its access log's first field). */
  | { kind: 'container'; container: Container; ip: string; containerPort: number; clientIp?: string };

const LOCAL = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]']);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** Where docker's bridges live (172.16.0.0/12): an unused address there swallows packets. */
const BRIDGES = /^172\.(1[6-9]|2\d|3[01])\./;
const PRIVATE = /^172\.(1[6-9]|2\d|3[01])\.|^192\.168\./;

/** Whether the container's own program listens on `port` (its image's server, run as its default command). */
function listens(world: World, container: Container, port: number): boolean {
  const image = imageOf(world, container);
  return image?.behaviour?.kind === 'server' && image.behaviour.port === port;
}

/**
 * Where a connection to host:port lands. From the laptop (no `from`): `localhost:8080` reaches the
 * container that published 8080, and a container's address reaches it directly. From inside a
 * container (`from` = its id): localhost is the container itself, other containers are reachable
 * on the networks it shares with them (by name on user-defined networks, through docker's DNS),
 * and a network's gateway is the laptop, with its published ports.
 */
export function connect(world: World, host: string, port: number, from?: string): Connection {
  if (from !== undefined) return connectFrom(world, world.docker.containers[from], host, port);
  const running = Object.values(world.docker.containers).filter(isRunning);
  if (LOCAL.has(host)) {
    const ip = host === 'localhost' ? '127.0.0.1' : host.replace(/[[\]]/g, '');
    const target = running.find((c) => c.hostConfig.portBindings.some((b) => b.hostPort === port && b.protocol === 'tcp' && (b.hostIp === '0.0.0.0' || b.hostIp === ip)));
    if (!target) {
      // --network host: the container's server listens on the laptop's own ports.
      const onHost = running.find((c) => c.hostConfig.networkMode === 'host' && listens(world, c, port));
      if (onHost) return onHost.state.status === 'paused' ? { kind: 'hang', ip } : { kind: 'container', container: onHost, ip, containerPort: port, clientIp: '127.0.0.1' };
      return { kind: 'refused', ip };
    }
    if (target.state.status === 'paused') return { kind: 'hang', ip };
    const binding = target.hostConfig.portBindings.find((b) => b.hostPort === port)!;
    return { kind: 'container', container: target, ip, containerPort: binding.containerPort };
  }
  if (IPV4.test(host)) {
    const target = running.find((c) => Object.values(c.networks).some((n) => n.ip === host));
    if (!target) return BRIDGES.test(host) ? { kind: 'hang', ip: host } : { kind: 'refused', ip: host };
    if (target.state.status === 'paused') return { kind: 'hang', ip: host };
    return { kind: 'container', container: target, ip: host, containerPort: port };
  }
  if (host === world.host.hostname) return connect(world, '127.0.0.1', port);
  return { kind: 'unresolved' };
}

function connectFrom(world: World, source: Container | undefined, host: string, port: number): Connection {
  if (!source) return { kind: 'unresolved' };
  const self = (ip: string): Connection => (listens(world, source, port) ? { kind: 'container', container: source, ip, containerPort: port, clientIp: ip } : { kind: 'refused', ip });
  if (LOCAL.has(host)) return self(host === 'localhost' ? '127.0.0.1' : host.replace(/[[\]]/g, ''));
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
    const through = connect(world, '0.0.0.0', port);
    return through.kind === 'container' ? { ...through, ip, clientIp: world.docker.networks.bridge?.gateway ?? '172.17.0.1' } : through.kind === 'refused' ? { kind: 'refused', ip } : through;
  }
  for (const [netName, attachment] of own) {
    const target = Object.values(world.docker.containers).find((c) => isRunning(c) && c.networks[netName]?.ip === ip);
    if (!target) continue;
    if (target.state.status === 'paused') return { kind: 'hang', ip };
    return { kind: 'container', container: target, ip, containerPort: port, clientIp: attachment.ip };
  }
  // Another network's address, or nothing there: the packets go nowhere.
  return PRIVATE.test(ip) ? { kind: 'hang', ip } : { kind: 'refused', ip };
}

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', ico: 'image/x-icon' };
const mimeType = (path: string) => MIME[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** Where nginx and httpd serve files from in their official images. */
function docrootOf(image: ImageView): string | undefined {
  if (/nginx/.test(image.tags.join(' ') + (image.config.cmd ?? []).join(' '))) return '/usr/share/nginx/html';
  if (/httpd/.test(image.tags.join(' ') + (image.config.cmd ?? []).join(' '))) return '/usr/local/apache2/htdocs';
  return undefined;
}

/** The file a request names under the server's document root, as the container's file system has it. */
function fromDocroot(world: World, container: Container, image: ImageView, requestPath: string): { kind: 'file'; path: string; content: string; mtime: number } | { kind: 'missing' } | undefined {
  const root = docrootOf(image);
  if (!root) return undefined;
  const readOnly = { getState: () => world, setState: () => undefined };
  const fs = containerMachine(readOnly, container.id).fs();
  const raw = requestPath.split(/[?#]/)[0];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed escape is looked up as typed
  }
  let path = `${root}${decoded}`;
  let found = lookup(fs, path.replace(/\/+$/, '') || '/');
  if (found.ok && found.value.kind === 'dir') {
    path = `${path.replace(/\/+$/, '')}/index.html`;
    found = lookup(fs, path);
  }
  if (!found.ok || found.value.kind !== 'file') return { kind: 'missing' };
  return { kind: 'file', path, content: found.value.content, mtime: found.value.mtime };
}

export type HttpOutcome =
  | { kind: 'response'; status: number; reason: string; headers: [string, string][]; body: string; world: World }
  | { kind: 'refused' }
  | { kind: 'empty-reply' }
  | { kind: 'http09' }
  | { kind: 'hang' };

/** Serves a request at a container: its image's server answers, and writes its access-log line. */
export function serve(world: World, target: Extract<Connection, { kind: 'container' }>, request: HttpRequest, clientIp: string): HttpOutcome {
  const image = imageOf(world, target.container);
  const behaviour = image?.behaviour;
  if (behaviour?.kind !== 'server' || behaviour.port !== target.containerPort) return { kind: 'refused' };
  if (behaviour.protocol === 'redis') return { kind: 'http09' };
  if (behaviour.protocol !== 'http' || !behaviour.http) return { kind: 'empty-reply' };
  const now = world.clock.now;
  // A registry's catalog and tag lists come from what it stores.
  let page: { status: number; reason?: string; headers: Record<string, string>; body: string } =
    registryAnswer(world, target.container, request) ?? behaviour.http[request.path] ?? behaviour.http[request.path.replace(/\/index\.html$/, '/')] ?? behaviour.http['*'];
  let literal = false;
  // Static servers take GET and HEAD only; their own 405 page answers anything else for a file.
  if (!['GET', 'HEAD'].includes(request.method) && behaviour.http['405'] && page.status === 200) page = behaviour.http['405'];
  // A web server answers from its document root: what a bind mount or volume put there is served.
  const served = fromDocroot(world, target.container, image!, request.path);
  if (served?.kind === 'missing') page = behaviour.http['*'];
  else if (served?.kind === 'file' && served.content !== behaviour.http['/']?.body) {
    const bytes = new TextEncoder().encode(served.content).length;
    const headers = { ...behaviour.http['/'].headers, 'Content-Type': mimeType(served.path), 'Content-Length': String(bytes), 'Last-Modified': httpDate(served.mtime), ETag: `"${Math.floor(served.mtime / 1000).toString(16)}-${bytes.toString(16)}"` };
    page = { status: 200, headers, body: served.content };
    literal = true;
  }
  // Built apps' own placeholders (Werkzeug's log time, the path in Express's 404 page): http-format.ts.
  const app = { at: now, path: request.path, status: page.status, body: page.body };
  const fillAll = (text: string) => fillAppPlaceholders(fillPlaceholders(text, { at: now, kernel: world.host.kernel.release, remoteAddr: clientIp, containerIp: target.ip }), app);
  const fill = (text: string) => (literal && text === page.body ? text : fillAll(text));
  const body = request.method === 'HEAD' ? '' : fill(page.body);
  const headers = Object.entries(page.headers).map(([k, v]) => [k, fill(v)] as [string, string]);
  let next = world;
  if (behaviour.accessLog) {
    const line = fillAppPlaceholders(fillPlaceholders(behaviour.accessLog, {
      at: now,
      kernel: world.host.kernel.release,
      remoteAddr: clientIp,
      method: request.method,
      path: request.path,
      status: page.status,
      bytes: new TextEncoder().encode(body).length,
      userAgent: request.headers['User-Agent'] ?? '-',
    }), app);
    next = setContainer(world, appendLogs(target.container, [{ at: now, stream: 'stdout', text: line }]));
  }
  return { kind: 'response', status: page.status, reason: page.reason ?? reasonPhrase(page.status, page.headers.Server), headers, body, world: next };
}
