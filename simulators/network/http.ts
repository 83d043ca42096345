// What an HTTP request to an endpoint gets back: the serving program's pages, a file from its
// document root, its own computed answers, and the access-log line it writes. Runtime-neutral: the
// endpoint (addresses.ts) carries everything needed, whoever runs the program.
import type { World } from '../world';
import { lookup } from '../shell/fs';
import { fillPlaceholders } from './placeholders';
import { fillAppPlaceholders, httpDate, reasonPhrase } from './http-format';
import type { Endpoint } from './addresses';
import type { HttpRequest, Page } from './server';

export type { HttpRequest } from './server';

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', ico: 'image/x-icon' };
const mimeType = (path: string) => MIME[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** The file a request names under the server's document root, as the workload's files have it. */
function fromDocroot(endpoint: Endpoint, root: string, requestPath: string): { kind: 'file'; path: string; content: string; mtime: number } | { kind: 'missing' } {
  const fs = endpoint.files();
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

/** Serves a request at an endpoint: its program answers, and writes its access-log line. */
export function serve(world: World, endpoint: Endpoint, request: HttpRequest): HttpOutcome {
  const server = endpoint.server;
  if (!server || server.port !== endpoint.port) return { kind: 'refused' };
  if (server.protocol === 'redis') return { kind: 'http09' };
  if (server.protocol !== 'http' || !server.http) return { kind: 'empty-reply' };
  const pages = server.http;
  const now = world.clock.now;
  const clientIp = endpoint.clientIp;
  let page: Page = endpoint.answer?.(request) ?? pages[request.path] ?? pages[request.path.replace(/\/index\.html$/, '/')] ?? pages['*'];
  let literal = false;
  // Static servers take GET and HEAD only; their own 405 page answers anything else for a file.
  if (!['GET', 'HEAD'].includes(request.method) && pages['405'] && page.status === 200) page = pages['405'];
  // A web server answers from its document root: what a bind mount or volume put there is served.
  const served = server.docroot ? fromDocroot(endpoint, server.docroot, request.path) : undefined;
  if (served?.kind === 'missing') page = pages['*'];
  else if (served?.kind === 'file' && served.content !== pages['/']?.body) {
    const bytes = new TextEncoder().encode(served.content).length;
    const headers = { ...pages['/'].headers, 'Content-Type': mimeType(served.path), 'Content-Length': String(bytes), 'Last-Modified': httpDate(served.mtime), ETag: `"${Math.floor(served.mtime / 1000).toString(16)}-${bytes.toString(16)}"` };
    page = { status: 200, headers, body: served.content };
    literal = true;
  }
  // Built apps' own placeholders (Werkzeug's log time, the path in Express's 404 page): http-format.ts.
  const app = { at: now, path: request.path, status: page.status, body: page.body };
  const fillAll = (text: string) => fillAppPlaceholders(fillPlaceholders(text, { at: now, kernel: world.host.kernel.release, remoteAddr: clientIp, containerIp: endpoint.ip }), app);
  const fill = (text: string) => (literal && text === page.body ? text : fillAll(text));
  const body = request.method === 'HEAD' ? '' : fill(page.body);
  const headers = Object.entries(page.headers).map(([k, v]) => [k, fill(v)] as [string, string]);
  let next = world;
  if (server.accessLog) {
    const line = fillAppPlaceholders(fillPlaceholders(server.accessLog, {
      at: now,
      kernel: world.host.kernel.release,
      remoteAddr: clientIp,
      method: request.method,
      path: request.path,
      status: page.status,
      bytes: new TextEncoder().encode(body).length,
      userAgent: request.headers['User-Agent'] ?? '-',
    }), app);
    next = endpoint.log(world, line, now);
  }
  return { kind: 'response', status: page.status, reason: page.reason ?? reasonPhrase(page.status, page.headers.Server), headers, body, world: next };
}
