// Python's http.server: `python -m http.server` listing and serving a directory, and a script's
// own HTTPServer with a do_GET, as CPython 3.12's http/server.py answers and logs.
import { byteLength } from '../../shell/fs';
import { httpDate } from '../../network/http-format';
import { resolvePath } from './command';
import { contentType } from './content-type';
import { WERKZEUG_ACCESS } from './flask';
import { evalIn, moduleScope, unbuffered, type PyScript } from './python-script';
import { PYTHON_VERSION, type AppBehaviour, type AppInput, type AppServer, type Page } from './types';

export function stdlibServer<B>(input: AppInput<B>, script: PyScript, flags: string[]): AppBehaviour {
  const interp = moduleScope(input, script, {});
  const m = /(?:HTTPServer|TCPServer|ThreadingHTTPServer)\s*\(\s*\(\s*([^,]*?)\s*,\s*([^)]*?)\s*\)/.exec(script.source);
  const hostV = m ? evalIn(interp, m[1]) : '';
  const portV = m ? evalIn(interp, m[2]) : 8000n;
  const host = typeof hostV === 'string' ? hostV : '';
  const port = typeof portV === 'bigint' || typeof portV === 'number' ? Number(portV) : 8000;
  const printed = interp.output.map((o) => o.text).join('').split('\n').filter(Boolean);
  const behaviour: AppServer = { kind: 'server', protocol: 'http', port, startupLogs: unbuffered(input, flags) ? printed : [], accessLog: WERKZEUG_ACCESS };
  if (host === '127.0.0.1' || host === 'localhost') return behaviour;
  if (/SimpleHTTPRequestHandler/.test(script.source) && !/def\s+do_GET/.test(script.source)) {
    behaviour.http = directoryPages(input, input.workingDir || '/');
    return behaviour;
  }
  const doGet = /def\s+do_GET\s*\(self\)\s*:([\s\S]*?)(?:\n\S|\n\s*def\s|$)/.exec(script.source)?.[1] ?? '';
  const status = Number(/send_response\(\s*(\d+)/.exec(doGet)?.[1] ?? 200);
  const headers: Record<string, string> = { Server: `BaseHTTP/0.6 Python/${PYTHON_VERSION}`, Date: '{http_date}' };
  for (const h of doGet.matchAll(/send_header\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]*)\3\s*\)/g)) headers[h[2]] = h[4];
  let body = '';
  const write = /wfile\.write\(\s*([\s\S]*?)\)\s*(?:\n|$)/.exec(doGet)?.[1];
  if (write) {
    const v = evalIn(interp, write.replace(/\.encode\([^)]*\)\s*$/, ''));
    if (typeof v === 'string') body = v;
  }
  const page: Page = { status, headers, body };
  behaviour.http = { '/': page, '*': page };
  return behaviour;
}

function directoryPages<B>(input: AppInput<B>, dir: string): Record<string, Page> {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const entries = new Set<string>();
  for (const p of Object.keys(input.files)) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    entries.add(rest.includes('/') ? `${rest.split('/')[0]}/` : rest);
  }
  const server = `SimpleHTTP/0.6 Python/${PYTHON_VERSION}`;
  const index = input.files[`${prefix}index.html`];
  const http: Record<string, Page> = {};
  if (index !== undefined) {
    http['/'] = { status: 200, headers: { Server: server, Date: '{http_date}', 'Content-type': 'text/html', 'Content-Length': String(byteLength(index)), 'Last-Modified': httpDate(input.builtAt ?? Date.UTC(2025, 2, 3, 9)) }, body: index };
  } else {
    const items = [...entries].sort().map((e) => `<li><a href="${encodeURI(e)}">${e.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</a></li>\n`).join('');
    const body = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n${items}</ul>\n<hr>\n</body>\n</html>\n`;
    http['/'] = { status: 200, headers: { Server: server, Date: '{http_date}', 'Content-type': 'text/html; charset=utf-8', 'Content-Length': String(byteLength(body)) }, body };
  }
  for (const e of entries) {
    const content = input.files[`${prefix}${e}`];
    if (content === undefined) continue;
    http[`/${e}`] = { status: 200, headers: { Server: server, Date: '{http_date}', 'Content-type': contentType(e) === 'application/javascript' ? 'text/javascript' : contentType(e), 'Content-Length': String(byteLength(content)), 'Last-Modified': httpDate(input.builtAt ?? Date.UTC(2025, 2, 3, 9)) }, body: content };
  }
  const notFound = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n`;
  http['*'] = { status: 404, headers: { Server: server, Date: '{http_date}', Connection: 'close', 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': String(byteLength(notFound)) }, body: notFound };
  return http;
}

export function httpServerModule<B>(input: AppInput<B>, args: string[], flags: string[]): AppBehaviour {
  let port = 8000;
  let bind = '';
  let dir = input.workingDir || '/';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--bind' || a === '-b') bind = args[++i] ?? '';
    else if (a === '--directory' || a === '-d') dir = resolvePath(dir, args[++i] ?? '.');
    else if (/^\d+$/.test(a)) port = Number(a);
  }
  const shown = bind || '0.0.0.0';
  const lines = unbuffered(input, flags) ? [`Serving HTTP on ${shown} port ${port} (http://${shown}:${port}/) ...`] : [];
  const behaviour: AppServer = { kind: 'server', protocol: 'http', port, startupLogs: lines, accessLog: WERKZEUG_ACCESS };
  if (bind !== '127.0.0.1' && bind !== 'localhost') behaviour.http = directoryPages(input, dir);
  return behaviour;
}
