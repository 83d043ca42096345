// An Express 4.21 app: its GET routes (res.send, res.json) with Express's headers and weak ETag
// (W/"len-base64(sha1)[0:27]"), express.static's files, and Express's 404 page.
import { byteLength } from '../../shell/fs';
import { sha1Base64 } from '../../core/hash';
import { httpDate } from '../../network/http-format';
import { resolvePath } from './command';
import { contentType } from './content-type';
import { balanced, jsValue } from './node-source';
import type { AppInput, Page } from './types';

function expressHeaders(type: string, body: string, etag = true): Record<string, string> {
  const headers: Record<string, string> = { 'X-Powered-By': 'Express', 'Content-Type': type, 'Content-Length': String(byteLength(body)) };
  if (etag) headers.ETag = `W/"${byteLength(body).toString(16)}-${sha1Base64(body).slice(0, 27)}"`;
  return { ...headers, Date: '{http_date}', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5' };
}

/** An Express app's pages: its GET routes answered with send or json, its static folder, and Express's 404 page. */
export function expressPages<B>(input: AppInput<B>, src: string, dir: string, consts: Record<string, unknown>): Record<string, Page> {
  const http: Record<string, Page> = {};
  for (const m of src.matchAll(/\.get\(\s*(['"`])([^'"`]+)\1\s*,/g)) {
    const path = m[2];
    if (path.includes(':') || path === '*') continue;
    const handler = src.slice(m.index! + m[0].length);
    const body = /res\s*(?:\.status\(\s*(\d+)\s*\))?\s*\.(send|json|end)\(/.exec(handler);
    if (!body) continue;
    const argText = balanced(handler, body.index + body[0].length - 1);
    const value = jsValue(argText, consts);
    const status = Number(body[1] ?? 200);
    if (body[2] === 'json' || (typeof value === 'object' && value !== null)) {
      const text = JSON.stringify(value ?? null);
      http[path] = { status, headers: expressHeaders('application/json; charset=utf-8', text), body: text };
    } else {
      const text = String(value ?? '');
      http[path] = { status, headers: expressHeaders('text/html; charset=utf-8', text), body: text };
    }
  }
  const staticDir = /express\.static\(\s*(?:path\.join\(\s*__dirname\s*,\s*)?['"]([^'"]+)['"]/.exec(src)?.[1];
  if (staticDir) {
    const root = resolvePath(dir, staticDir);
    for (const [p, content] of Object.entries(input.files)) {
      if (!p.startsWith(`${root}/`)) continue;
      const rel = p.slice(root.length);
      const page: Page = { status: 200, headers: { 'X-Powered-By': 'Express', 'Accept-Ranges': 'bytes', 'Cache-Control': 'public, max-age=0', 'Last-Modified': httpDate(input.builtAt ?? Date.UTC(2025, 2, 3, 9)), ETag: `W/"${byteLength(content).toString(16)}-${(input.builtAt ?? 0).toString(16)}"`, 'Content-Type': `${contentType(p)}; charset=UTF-8`, 'Content-Length': String(byteLength(content)), Date: '{http_date}', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5' }, body: content };
      if (!http[rel]) http[rel] = page;
      if (rel.endsWith('/index.html') && !http[rel.slice(0, -10)]) http[rel.slice(0, -10) || '/'] = page;
    }
  }
  const notFound = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET {request_path}</pre>\n</body>\n</html>\n';
  http['*'] = { status: 404, headers: { 'X-Powered-By': 'Express', 'Content-Security-Policy': "default-src 'none'", 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': '{content_length}', Date: '{http_date}', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5' }, body: notFound };
  return http;
}
