// A Flask app under Werkzeug's development server (python app.py with app.run, or flask run): its
// start-up banner, its GET routes answered as Flask answers them, and Werkzeug's access log.
// From Werkzeug 3.1 serving.py (banner, log_request) and Flask 3.x cli.py (show_server_banner)
// and json provider (compact, sorted).
import { byteLength } from '../../shell/fs';
import { stableHex } from '../../core/hash';
import { jsonDumps, PyException, str, Unsupported, type PyModule, type PyValue } from '../python';
import { installedPython } from '../python/site-packages';
import { resolvePath } from './command';
import { evalIn, missingImport, moduleNotFound, moduleScope, parseScript, type PyScript } from './python-script';
import { printed, PYTHON_VERSION, type AppBehaviour, type AppInput, type AppServer, type Page } from './types';

export const WERKZEUG_ACCESS = '{remote_addr} - - [{werkzeug_time}] "{method} {path} HTTP/1.1" {status} -';

const WERKZEUG_404 =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const WERKZEUG_500 =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';


function werkzeugVersion(files: Record<string, string>): string {
  return installedPython(files).werkzeug ?? '3.1.3';
}

function flaskStub<B>(input: AppInput<B>, script: PyScript): Record<string, PyModule> {
  const fn = (name: string, call: (args: PyValue[], kw: Record<string, PyValue>) => PyValue): PyValue => ({ t: 'builtin', name, call });
  const dict = (): PyValue => ({ t: 'dict', map: new Map() });
  const appDir = script.file.replace(/[^/]+$/, '');
  const app: PyModule = {
    t: 'module',
    name: 'flask.app',
    attrs: { config: dict(), run: fn('run', () => null), route: fn('route', () => null), get: fn('get', () => null), post: fn('post', () => null), logger: { t: 'module', name: 'logger', attrs: { info: fn('info', () => null), warning: fn('warning', () => null) } } },
  };
  const jsonOf = (args: PyValue[], kw: Record<string, PyValue>): PyValue => ({ t: 'module', name: 'flask.json', attrs: { value: args.length === 1 ? args[0] : args.length ? { t: 'list', items: args } : { t: 'dict', map: new Map(Object.entries(kw).map(([k, v]) => [`s:${k}`, [k, v] as [PyValue, PyValue]])) } } });
  return {
    flask: {
      t: 'module',
      name: 'flask',
      attrs: {
        Flask: fn('Flask', () => app),
        jsonify: fn('jsonify', jsonOf),
        render_template: fn('render_template', ([name], kw) => {
          const file = input.files[`${appDir}templates/${str(name)}`];
          if (file === undefined) throw new PyException('jinja2.exceptions.TemplateNotFound', str(name));
          return file.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, v: string) => (v in kw ? str(kw[v]) : ''));
        }),
        render_template_string: fn('render_template_string', ([text], kw) => str(text).replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, v: string) => (v in kw ? str(kw[v]) : ''))),
        request: { t: 'module', name: 'flask.request', attrs: { args: dict(), form: dict(), headers: dict(), method: 'GET', path: '/', remote_addr: '172.17.0.1', json: null } },
        make_response: fn('make_response', ([body, status]) => (status === undefined ? body : { t: 'tuple', items: [body, status] })),
        abort: fn('abort', ([code]) => {
          throw new PyException('werkzeug.exceptions.HTTPException', str(code));
        }),
        redirect: fn('redirect', ([url]) => ({ t: 'module', name: 'flask.redirect', attrs: { url: str(url) } })),
        url_for: fn('url_for', ([name]) => `/${str(name)}`),
        Response: fn('Response', ([body], kw) => ({ t: 'tuple', items: [body ?? '', kw.status ?? 200n] })),
        send_from_directory: fn('send_from_directory', ([dir, name]) => input.files[resolvePath(appDir, `${str(dir)}/${str(name)}`)] ?? ''),
      },
    },
  };
}

/** A Flask view's return value as the response Flask makes of it. */
function flaskResponse(v: PyValue, version: string, debug = false): Page {
  const headers = (type: string, body: string): Record<string, string> => ({ Server: `Werkzeug/${version} Python/${PYTHON_VERSION}`, Date: '{http_date}', 'Content-Type': type, 'Content-Length': String(byteLength(body)), Connection: 'close' });
  let status = 200;
  let value = v;
  if (typeof v === 'object' && v !== null && v.t === 'tuple') {
    value = v.items[0] ?? '';
    if (typeof v.items[1] === 'bigint') status = Number(v.items[1]);
  }
  if (typeof value === 'object' && value !== null && value.t === 'module' && value.name === 'flask.redirect') {
    const url = str(value.attrs.url);
    const body = `<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="${url}">${url}</a>. If not, click the link.\n`;
    return { status: 302, headers: { ...headers('text/html; charset=utf-8', body), Location: url }, body };
  }
  if (typeof value === 'object' && value !== null && value.t === 'module' && value.name === 'flask.json') value = value.attrs.value;
  if (typeof value === 'object' && value !== null && (value.t === 'dict' || value.t === 'list')) {
    // Compact unless the app runs in debug mode, keys sorted (Flask's DefaultJSONProvider).
    const body = `${jsonDumps(value, debug ? 2 : undefined, true, !debug)}\n`;
    return { status, headers: headers('application/json', body), body };
  }
  if (typeof value === 'string') return { status, headers: headers('text/html; charset=utf-8', value), body: value };
  const body = WERKZEUG_500;
  return { status: 500, headers: headers('text/html; charset=utf-8', body), body };
}

function flaskRoutes<B>(input: AppInput<B>, script: PyScript, debug: boolean): Record<string, Page> {
  const version = werkzeugVersion(input.files);
  const interp = moduleScope(input, script, flaskStub(input, script));
  const scope = interp.globals;
  const http: Record<string, Page> = {};
  for (const st of script.body) {
    if (st.s !== 'def' || !st.decorators.length) continue;
    for (const d of st.decorators) {
      if (d.e !== 'call' || d.f.e !== 'attr' || !['route', 'get'].includes(d.f.name)) continue;
      const methods = d.kwargs.find(([k]) => k === 'methods');
      if (methods && !/GET/.test(JSON.stringify(methods[1]))) continue;
      const pathExpr = d.args[0];
      const path = pathExpr?.e === 'const' && typeof pathExpr.v === 'string' ? pathExpr.v : undefined;
      if (!path || /[<>]/.test(path) || st.params.some((p) => !p.def)) continue;
      const fn = scope.vars.get(st.name);
      let page: Page;
      try {
        page = flaskResponse(interp.callFunction(fn!), version, debug);
      } catch (e) {
        if (!(e instanceof PyException || e instanceof Unsupported)) throw e;
        if (e instanceof PyException && e.type === 'werkzeug.exceptions.HTTPException' && e.detail === '404') page = { status: 404, headers: flaskResponse(WERKZEUG_404, version).headers, body: WERKZEUG_404 };
        else page = { ...flaskResponse(WERKZEUG_500, version), status: 500 };
      }
      http[path] = page;
      // Werkzeug redirects /path to /path/ only for routes ending in a slash; both serve here.
      if (path.length > 1 && path.endsWith('/')) http[path.slice(0, -1)] = page;
    }
  }
  http['*'] = { status: 404, headers: { Server: `Werkzeug/${version} Python/${PYTHON_VERSION}`, Date: '{http_date}', 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(byteLength(WERKZEUG_404)), Connection: 'close' }, body: WERKZEUG_404 };
  return http;
}

function werkzeugBanner(app: string, host: string, port: number, debug: boolean, printed: string[] = []): string[] {
  const lines = [` * Serving Flask app '${app}'`, ` * Debug mode: ${debug ? 'on' : 'off'}`, 'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.'];
  if (host === '0.0.0.0' || host === '') lines.push(' * Running on all addresses (0.0.0.0)', ` * Running on http://127.0.0.1:${port}`, ` * Running on http://{container_ip}:${port}`);
  else lines.push(` * Running on http://${host}:${port}`);
  lines.push('Press CTRL+C to quit');
  if (debug) {
    const pin = stableHex(`pin:${app}`).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10)).slice(0, 9);
    // The reloader runs the module again in a child process: what it printed comes twice.
    lines.push(' * Restarting with stat', ...printed, ' * Debugger is active!', ` * Debugger PIN: ${pin.slice(0, 3)}-${pin.slice(3, 6)}-${pin.slice(6, 9)}`);
  }
  return lines;
}

export function flaskApp<B>(input: AppInput<B>, script: PyScript, via: 'script' | 'cli', cli?: { host: string; port: number; debug: boolean }): AppBehaviour {
  const stub = flaskStub(input, script);
  const interp = moduleScope(input, script, stub);
  let host = cli?.host ?? '127.0.0.1';
  let port = cli?.port ?? 5000;
  let debug = cli?.debug ?? false;
  if (via === 'script') {
    const run = /\.run\s*\(([^)]*(?:\([^)]*\)[^)]*)*)\)/.exec(script.source);
    const args = run?.[1] ?? '';
    const kw = (name: string) => new RegExp(`\\b${name}\\s*=\\s*([^,]+(?:\\([^)]*\\))?)`).exec(args)?.[1]?.trim();
    const positional = args.split(',').map((a) => a.trim()).filter((a) => a && !a.includes('='));
    const hostText = kw('host') ?? positional[0];
    const portText = kw('port') ?? positional[1];
    if (hostText) {
      const v = evalIn(interp, hostText);
      if (typeof v === 'string') host = v;
    }
    if (portText) {
      const v = evalIn(interp, portText);
      if (typeof v === 'bigint' || typeof v === 'number') port = Number(v);
      else if (typeof v === 'string' && /^\d+$/.test(v)) port = Number(v);
    }
    const d = kw('debug');
    if (d) debug = evalIn(interp, d) === true;
  }
  const name = script.file.split('/').pop()!.replace(/\.py$/, '');
  const printed = interp.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join('').split('\n').filter(Boolean);
  const loopback = host === '127.0.0.1' || host === 'localhost';
  const behaviour: AppServer = {
    kind: 'server',
    protocol: 'http',
    port,
    startupLogs: [...printed, ...werkzeugBanner(name, host, port, debug, printed)],
    accessLog: WERKZEUG_ACCESS,
  };
  // Bound to the container's loopback only: a published port reaches nothing that answers.
  if (!loopback) behaviour.http = flaskRoutes(input, script, debug);
  return behaviour;
}

export function flaskCli<B>(input: AppInput<B>, args: string[]): AppBehaviour | undefined {
  const env = input.env;
  const cwd = input.workingDir || '/';
  let app = env.FLASK_APP;
  let host = env.FLASK_RUN_HOST ?? '127.0.0.1';
  let port = Number(env.FLASK_RUN_PORT ?? 5000);
  let debug = env.FLASK_DEBUG === '1' || env.FLASK_DEBUG === 'true';
  let run = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (flag: string) => (a.startsWith(`${flag}=`) ? a.slice(flag.length + 1) : args[++i]);
    if (a === 'run') run = true;
    else if (a === '--app' || a.startsWith('--app=')) app = value('--app');
    else if (a === '--host' || a === '-h' || a.startsWith('--host=')) host = value(a.startsWith('--host') ? '--host' : '-h');
    else if (a === '--port' || a === '-p' || a.startsWith('--port=')) port = Number(value(a.startsWith('--port') ? '--port' : '-p'));
    else if (a === '--debug') debug = true;
  }
  if (!run) return undefined;
  const candidates = app ? [app.replace(/:.*$/, '').replace(/\.py$/, '')] : ['wsgi', 'app'];
  const file = candidates.map((c) => resolvePath(cwd, `${c}.py`)).find((f) => input.files[f] !== undefined);
  if (!file) {
    return printed(
      `Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n`,
      2,
    );
  }
  const parsed = parseScript(file, input.files[file]);
  if ('kind' in parsed) return parsed;
  const missing = missingImport(parsed, input.files);
  if (missing) return moduleNotFound(parsed, missing);
  return flaskApp(input, parsed, 'cli', { host, port, debug });
}
