// nginx and httpd serving the pages an image put in their document root, with the headers those
// servers give a file (Last-Modified, and each server's own ETag).
import { byteLength } from '../../shell/fs';
import { httpDate } from '../../network/http-format';
import { contentType } from './content-type';
import type { AppInput, AppServer, Page } from './types';

/** A base image's own server with pages, as far as serving the image's files is concerned. */
type HttpServer = AppServer & { http: Record<string, Page> };
const isHttpServer = (b: unknown): b is HttpServer => typeof b === 'object' && b !== null && (b as AppServer).kind === 'server' && (b as AppServer).protocol === 'http' && Boolean((b as AppServer).http);

export function ownPages<B>(input: AppInput<B>, behaviour: B): B {
  if (!isHttpServer(behaviour)) return behaviour;
  const root = input.base?.runtime === 'nginx' ? '/usr/share/nginx/html' : input.base?.runtime === 'httpd' ? '/usr/local/apache2/htdocs' : undefined;
  if (!root) return behaviour;
  const pages = Object.entries(input.files).filter(([p]) => p.startsWith(`${root}/`));
  if (!pages.length) return behaviour;
  const at = input.builtAt ?? Date.UTC(2025, 2, 3, 9, 0, 0);
  const http: Record<string, Page> = { ...behaviour.http };
  const template = behaviour.http['/'];
  for (const [path, body] of pages) {
    const rel = path.slice(root.length);
    const size = byteLength(body);
    const secs = Math.floor(at / 1000);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(template.headers)) {
      if (k === 'Content-Length') headers[k] = String(size);
      else if (k === 'Content-Type') headers[k] = contentType(path);
      else if (k === 'Last-Modified') headers[k] = httpDate(secs * 1000);
      else if (k === 'ETag') headers[k] = input.base?.runtime === 'nginx' ? `"${secs.toString(16)}-${size.toString(16)}"` : `"${size.toString(16)}-${(secs * 1_000_000).toString(16)}"`;
      else headers[k] = v;
    }
    http[rel] = { status: 200, headers, body };
    if (/\/index\.html$/.test(rel)) http[rel.replace(/index\.html$/, '')] = { status: 200, headers, body };
  }
  return { ...behaviour, http };
}
