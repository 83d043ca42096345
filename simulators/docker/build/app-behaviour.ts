// What a built image does when it runs its default command, read from the program it was given:
// a Flask app serves its routes with Werkzeug's start-up lines and access log, http.server and
// `python -m http.server` serve as the standard library does, FastAPI under uvicorn, a Node http
// or Express server answers as Node does, a script that only prints prints and exits, and an
// nginx or httpd image with its own pages serves those pages. A missing module or file fails the
// way the real runtime reports it.
//
// Sources for the wording: Werkzeug 3.1 serving.py (banner, log_request), Flask 3.x cli.py
// (show_server_banner) and json provider (compact, sorted), CPython 3.12 http/server.py, uvicorn
// 0.34 logging, Node 22 http and Express 4.21 (ETag = W/"len-base64(sha1)[0:27]").
import type { CatalogImage, ImageBehaviour, ImageConfig } from '../catalog/types';
import { byteLength } from '../../shell/fs';
import { sha1Base64, stableHex } from './hash';
import { installedPython, normalizePy } from './packages';
import { Interpreter, jsonDumps, parseExpr, parsePython, PyException, runPython, str, traceback, Unsupported, type PyModule, type PyValue, type Stmt } from '../../workloads/python';

type Page = { status: number; headers: Record<string, string>; body: string };
type Server = Extract<ImageBehaviour, { kind: 'server' }>;

export interface BehaviourInput {
  config: ImageConfig;
  files: Record<string, string>;
  /** The catalog image at the root of the image's chain. */
  base?: CatalogImage;
  repository: string;
  /** When the build ran (Last-Modified of pages it copied). */
  builtAt?: number;
}

const PYTHON_VERSION = '3.12.8';
const NODE_VERSION = '22.12.0';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

function httpDate(at: number): string {
  const d = new Date(at);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error' };

/**
 * Placeholders of app servers beyond the engine's own, filled where a request is served:
 * `{werkzeug_time}` (03/Mar/2025 09:00:00, BaseHTTPRequestHandler.log_date_time_string),
 * `{request_path}` (the path asked for), `{status_text}` (the reason phrase, for uvicorn's log)
 * and `{content_length}` (the bytes of `body`, for pages whose body depends on the path).
 */
export function fillAppPlaceholders(text: string, v: { at: number; path: string; status?: number; body?: string }): string {
  if (!text.includes('{')) return text;
  const d = new Date(v.at);
  const werkzeug = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return text
    .replace(/\{werkzeug_time\}/g, werkzeug)
    .replace(/\{request_path\}/g, v.path)
    .replace(/\{status_text\}/g, REASONS[v.status ?? 200] ?? '')
    .replace(/\{content_length\}/g, () => String(byteLength(fillAppPlaceholders(v.body ?? '', { ...v, body: '' }))));
}

const WERKZEUG_ACCESS = '{remote_addr} - - [{werkzeug_time}] "{method} {path} HTTP/1.1" {status} -';

const WERKZEUG_404 =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const WERKZEUG_500 =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';

/** argv of the image's default command, with a `sh -c "..."` unwrapped to its last simple command. */
export function defaultArgv(config: ImageConfig): string[] {
  let argv = [...(config.entrypoint ?? []), ...(config.cmd ?? [])];
  // The official images' entrypoint scripts run the command they are given (node's runs `node`
  // first when the command starts with a flag).
  if (/(^|\/)docker-entrypoint\.sh$/.test(argv[0] ?? '') && argv.length > 1) argv = argv[1].startsWith('-') ? ['node', ...argv.slice(1)] : argv.slice(1);
  if (argv.length >= 3 && /(^|\/)(sh|bash|ash)$/.test(argv[0]) && argv[1] === '-c') {
    const segments = argv[2].split(/&&|;/).map((s) => s.trim()).filter(Boolean);
    argv = shellWords(segments[segments.length - 1] ?? '');
    if (argv[0] === 'exec') argv = argv.slice(1);
  }
  return argv;
}

function shellWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let quote = '';
  let any = false;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      any = true;
    } else if (/\s/.test(c)) {
      if (word || any) out.push(word);
      word = '';
      any = false;
    } else word += c;
  }
  if (word || any) out.push(word);
  return out;
}

const resolve = (cwd: string, p: string) => {
  const parts: string[] = [];
  for (const part of (p.startsWith('/') ? p : `${cwd || '/'}/${p}`).split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
};

const envOf = (config: ImageConfig) => Object.fromEntries(config.env.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]));
const print = (output: string, exitCode: number): ImageBehaviour => ({ kind: 'print', output, exitCode });

/** A process that keeps running and logs what it printed, but listens on no port. */
const running = (lines: string[]): ImageBehaviour => ({ kind: 'server', protocol: 'http', port: 0, startupLogs: lines });

export function inferBehaviour(input: BehaviourInput): ImageBehaviour | undefined {
  const behaviour = inferFromCommand(input);
  // PID 1 gets no default signal handling: python, node and flask run directly install no SIGTERM
  // handler, so `docker stop` waits out its timeout and kills them (137). Servers made for
  // containers (uvicorn, gunicorn, nginx, httpd) stop at once.
  if (behaviour?.kind === 'server') {
    const program = defaultArgv(input.config)[0]?.split('/').pop() ?? '';
    if (/^(python(3(\.\d+)?)?|node|nodejs|npm|flask)$/.test(program)) return { ...behaviour, ignoresSigterm: true };
  }
  return behaviour;
}

function inferFromCommand(input: BehaviourInput): ImageBehaviour | undefined {
  const { config, base } = input;
  const argv = defaultArgv(config);
  if (!argv.length) return undefined;
  const baseArgv = base ? [...(base.config.entrypoint ?? []), ...(base.config.cmd ?? [])] : [];
  const program = argv[0].split('/').pop() ?? '';
  if (base && argv.length === baseArgv.length && argv.every((a, i) => a === baseArgv[i])) return ownPages(input, base.behaviour);
  if (/^python(3(\.\d+)?)?$/.test(program)) return input.repository === 'python' ? python(input, argv.slice(1)) : undefined;
  if (program === 'flask' && input.files['/usr/local/bin/flask'] !== undefined) return flaskCli(input, argv.slice(1));
  if (program === 'uvicorn' && input.files['/usr/local/bin/uvicorn'] !== undefined) return uvicorn(input, argv.slice(1));
  if (program === 'gunicorn' && input.files['/usr/local/bin/gunicorn'] !== undefined) return gunicorn(input, argv.slice(1));
  if ((program === 'node' || program === 'nodejs') && input.repository === 'node') return node(input, argv.slice(1));
  if (program === 'npm' && input.repository === 'node') return npm(input, argv.slice(1));
  if (program === 'nginx' && base?.repository === 'nginx') return ownPages(input, base.behaviour);
  if ((program === 'httpd-foreground' || program === 'httpd') && base?.repository === 'httpd') return ownPages(input, base.behaviour);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// nginx / httpd with the image's own pages

function contentType(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  const types: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', ico: 'image/x-icon', xml: 'text/xml' };
  return types[ext] ?? 'application/octet-stream';
}

function ownPages(input: BehaviourInput, behaviour: ImageBehaviour): ImageBehaviour {
  if (behaviour.kind !== 'server' || behaviour.protocol !== 'http' || !behaviour.http) return behaviour;
  const root = input.base?.repository === 'nginx' ? '/usr/share/nginx/html' : input.base?.repository === 'httpd' ? '/usr/local/apache2/htdocs' : undefined;
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
      else if (k === 'ETag') headers[k] = input.base?.repository === 'nginx' ? `"${secs.toString(16)}-${size.toString(16)}"` : `"${size.toString(16)}-${(secs * 1_000_000).toString(16)}"`;
      else headers[k] = v;
    }
    http[rel] = { status: 200, headers, body };
    if (/\/index\.html$/.test(rel)) http[rel.replace(/index\.html$/, '')] = { status: 200, headers, body };
  }
  return { ...behaviour, http };
}

// ---------------------------------------------------------------------------------------------
// Python

const STDLIB_TOP = new Set(['os', 'sys', 'time', 'math', 'json', 'platform', 'socket', 'datetime', 'random', 'http', 'socketserver', 'logging', 'pathlib', 'typing', 're', 'collections', 'functools', 'itertools', 'string', 'signal', 'threading', 'subprocess', 'argparse', 'dataclasses', 'enum', 'uuid', 'hashlib', 'base64', 'urllib', 'sqlite3', 'csv', 'io', 'shutil', 'textwrap', 'traceback', 'asyncio', 'contextlib', 'abc', 'copy', 'decimal', 'fractions', 'statistics', 'pprint', 'secrets', 'tempfile', 'glob', 'getpass', 'inspect', 'warnings', 'zoneinfo', 'wsgiref', 'email', 'html', 'operator', 'heapq', 'bisect', 'struct', 'array', 'queue', 'select', 'ssl', 'gzip', 'zipfile', 'tarfile', 'unittest', 'types', 'weakref', 'atexit', 'locale', 'calendar', 'configparser', 'fnmatch', 'shlex', 'timeit', 'multiprocessing', 'concurrent', 'codecs', 'numbers', 'errno', 'stat', 'builtins', '__future__']);
/** Import names that differ from their distribution's name. */
const DIST_OF: Record<string, string> = { yaml: 'pyyaml', dotenv: 'python-dotenv', psycopg2: 'psycopg2-binary', dateutil: 'python-dateutil' };

interface PyScript {
  file: string;
  source: string;
  body: Stmt[];
  lines: string[];
}

function unbuffered(input: BehaviourInput, flags: string[]): boolean {
  const env = envOf(input.config);
  return flags.includes('-u') || Boolean(env.PYTHONUNBUFFERED);
}

/** The first import of a module that is neither in the standard library nor installed. */
function missingImport(script: PyScript, files: Record<string, string>): { module: string; line: number } | undefined {
  const installed = installedPython(files);
  const local = (m: string) => Object.keys(files).some((p) => p === `${script.file.replace(/[^/]+$/, '')}${m}.py` || p.startsWith(`${script.file.replace(/[^/]+$/, '')}${m}/`));
  const check = (body: Stmt[]): { module: string; line: number } | undefined => {
    for (const st of body) {
      if (st.s === 'import') {
        const mods = st.from !== undefined ? [st.from] : st.names.map(([n]) => n);
        for (const m of mods) {
          const top = m.split('.')[0];
          if (!top || m.startsWith('.') || STDLIB_TOP.has(top) || local(top)) continue;
          if (!(normalizePy(DIST_OF[top] ?? top) in installed)) return { module: top, line: st.line };
        }
      }
      if (st.s === 'try') continue;
      if (st.s === 'if') for (const [, b] of st.branches) {
        const r = check(b);
        if (r) return r;
      }
    }
    return undefined;
  };
  return check(script.body);
}

function moduleNotFound(script: PyScript, missing: { module: string; line: number }): ImageBehaviour {
  const e = new PyException('ModuleNotFoundError', `No module named '${missing.module}'`, missing.line);
  return print(traceback(e, script.file, script.lines), 1);
}

function python(input: BehaviourInput, args: string[]): ImageBehaviour | undefined {
  const flags: string[] = [];
  while (args[0]?.startsWith('-') && args[0] !== '-m' && args[0] !== '-c') flags.push(args.shift()!);
  const cwd = input.config.workingDir || '/';
  if (!args.length) return input.base?.behaviour;
  if (args[0] === '-m') {
    const [mod, ...rest] = args.slice(1);
    if (mod === 'http.server') return httpServerModule(input, rest, flags);
    if (mod === 'flask') return flaskCli(input, rest);
    if (mod === 'uvicorn' && normalizePy('uvicorn') in installedPython(input.files)) return uvicorn(input, rest);
    if (mod === 'gunicorn' && 'gunicorn' in installedPython(input.files)) return gunicorn(input, rest);
    return print(`/usr/local/bin/python: No module named ${mod}\n`, 1);
  }
  if (args[0] === '-c') return pythonScript(input, { file: '<string>', source: args[1] ?? '' }, flags, ['-c', ...args.slice(2)]);
  const file = resolve(cwd, args[0]);
  const source = input.files[file];
  if (source === undefined) return print(`python: can't open file '${file}': [Errno 2] No such file or directory\n`, 2);
  return pythonScript(input, { file, source }, flags, args);
}

function parseScript(file: string, source: string): PyScript | ImageBehaviour {
  const lines = source.split('\n');
  try {
    return { file, source, body: parsePython(source), lines };
  } catch (e) {
    if (e instanceof PyException) return print(traceback(e, file, lines), 1);
    if (e instanceof Unsupported) return { file, source, body: [], lines };
    throw e;
  }
}

function pythonScript(input: BehaviourInput, src: { file: string; source: string }, flags: string[], argv: string[]): ImageBehaviour {
  const parsed = parseScript(src.file, src.source);
  if ('kind' in parsed) return parsed;
  const script = parsed;
  const missing = missingImport(script, input.files);
  if (missing) return moduleNotFound(script, missing);
  const imports = new Set(script.body.flatMap((st) => (st.s === 'import' ? (st.from !== undefined ? [st.from] : st.names.map(([n]) => n)) : [])));
  const has = (m: string) => [...imports].some((i) => i === m || i.startsWith(`${m}.`));
  if (has('flask') && /\.run\s*\(/.test(src.source)) return flaskApp(input, script, 'script');
  if (has('fastapi') && /uvicorn\.run\s*\(/.test(src.source)) {
    const m = /uvicorn\.run\s*\(([^)]*)\)/.exec(src.source)!;
    const host = /host\s*=\s*['"]([^'"]+)['"]/.exec(m[1])?.[1] ?? '127.0.0.1';
    const port = Number(/port\s*=\s*(\d+)/.exec(m[1])?.[1] ?? 8000);
    return fastapiApp(input, script, host, port);
  }
  if ((has('http.server') || has('socketserver') || has('http')) && /serve_forever\s*\(/.test(src.source)) return stdlibServer(input, script, flags);
  // A plain script: run it.
  try {
    const result = runPython(script.source, { file: script.file, env: envOf(input.config), cwd: input.config.workingDir || '/', argv: argv.map((a) => a), installed: (m) => normalizePy(DIST_OF[m] ?? m) in installedPython(input.files), maxSteps: 100_000 });
    return print(result.output.map((o) => o.text).join(''), result.exitCode);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    // Runs until stopped (a loop that never ends, or more than this interpreter can follow).
    try {
      const lenient = new Interpreter({ file: script.file, env: envOf(input.config), cwd: input.config.workingDir || '/', maxSteps: 2_000, lenient: true });
      lenient.runLenient(script.body);
      return running(unbuffered(input, flags) ? lenient.output.map((o) => o.text).join('').split('\n').filter(Boolean).slice(0, 50) : []);
    } catch {
      return running([]);
    }
  }
}

/** Module-level values of a script (constants, os.environ reads), its classes and main block skipped. */
function moduleScope(input: BehaviourInput, script: PyScript, modules: Record<string, PyModule>): Interpreter {
  const interp = new Interpreter({ file: script.file, env: envOf(input.config), cwd: input.config.workingDir || '/', maxSteps: 20_000, lenient: true, modules });
  interp.runLenient(script.body);
  return interp;
}

function evalIn(interp: Interpreter, text: string): PyValue | undefined {
  try {
    return interp.evaluate(parseExpr(text));
  } catch {
    return undefined;
  }
}

function werkzeugVersion(files: Record<string, string>): string {
  return installedPython(files).werkzeug ?? '3.1.3';
}

function flaskStub(input: BehaviourInput, script: PyScript): Record<string, PyModule> {
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
        send_from_directory: fn('send_from_directory', ([dir, name]) => input.files[resolve(appDir, `${str(dir)}/${str(name)}`)] ?? ''),
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

function flaskRoutes(input: BehaviourInput, script: PyScript, debug: boolean): Record<string, Page> {
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

function flaskApp(input: BehaviourInput, script: PyScript, via: 'script' | 'cli', cli?: { host: string; port: number; debug: boolean }): ImageBehaviour {
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
  const behaviour: Server = {
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

function flaskCli(input: BehaviourInput, args: string[]): ImageBehaviour | undefined {
  const env = envOf(input.config);
  const cwd = input.config.workingDir || '/';
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
  const file = candidates.map((c) => resolve(cwd, `${c}.py`)).find((f) => input.files[f] !== undefined);
  if (!file) {
    return print(
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

function stdlibServer(input: BehaviourInput, script: PyScript, flags: string[]): ImageBehaviour {
  const interp = moduleScope(input, script, {});
  const m = /(?:HTTPServer|TCPServer|ThreadingHTTPServer)\s*\(\s*\(\s*([^,]*?)\s*,\s*([^)]*?)\s*\)/.exec(script.source);
  const hostV = m ? evalIn(interp, m[1]) : '';
  const portV = m ? evalIn(interp, m[2]) : 8000n;
  const host = typeof hostV === 'string' ? hostV : '';
  const port = typeof portV === 'bigint' || typeof portV === 'number' ? Number(portV) : 8000;
  const printed = interp.output.map((o) => o.text).join('').split('\n').filter(Boolean);
  const behaviour: Server = { kind: 'server', protocol: 'http', port, startupLogs: unbuffered(input, flags) ? printed : [], accessLog: WERKZEUG_ACCESS };
  if (host === '127.0.0.1' || host === 'localhost') return behaviour;
  if (/SimpleHTTPRequestHandler/.test(script.source) && !/def\s+do_GET/.test(script.source)) {
    behaviour.http = directoryPages(input, input.config.workingDir || '/');
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

function directoryPages(input: BehaviourInput, dir: string): Record<string, Page> {
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

function httpServerModule(input: BehaviourInput, args: string[], flags: string[]): ImageBehaviour {
  let port = 8000;
  let bind = '';
  let dir = input.config.workingDir || '/';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--bind' || a === '-b') bind = args[++i] ?? '';
    else if (a === '--directory' || a === '-d') dir = resolve(dir, args[++i] ?? '.');
    else if (/^\d+$/.test(a)) port = Number(a);
  }
  const shown = bind || '0.0.0.0';
  const lines = unbuffered(input, flags) ? [`Serving HTTP on ${shown} port ${port} (http://${shown}:${port}/) ...`] : [];
  const behaviour: Server = { kind: 'server', protocol: 'http', port, startupLogs: lines, accessLog: WERKZEUG_ACCESS };
  if (bind !== '127.0.0.1' && bind !== 'localhost') behaviour.http = directoryPages(input, dir);
  return behaviour;
}

function fastapiApp(input: BehaviourInput, script: PyScript, host: string, port: number): ImageBehaviour {
  const fn = (name: string, call: (args: PyValue[], kw: Record<string, PyValue>) => PyValue): PyValue => ({ t: 'builtin', name, call });
  const app: PyModule = { t: 'module', name: 'fastapi.app', attrs: { get: fn('get', () => null), post: fn('post', () => null) } };
  const interp = moduleScope(input, script, { fastapi: { t: 'module', name: 'fastapi', attrs: { FastAPI: fn('FastAPI', () => app), HTTPException: fn('HTTPException', () => null) } }, uvicorn: { t: 'module', name: 'uvicorn', attrs: { run: fn('run', () => null) } } });
  const scope = interp.globals;
  const headers = (body: string): Record<string, string> => ({ date: '{http_date}', server: 'uvicorn', 'content-length': String(byteLength(body)), 'content-type': 'application/json' });
  const http: Record<string, Page> = {};
  for (const st of script.body) {
    if (st.s !== 'def' || !st.decorators.length) continue;
    for (const d of st.decorators) {
      if (d.e !== 'call' || d.f.e !== 'attr' || d.f.name !== 'get') continue;
      const p = d.args[0];
      const path = p?.e === 'const' && typeof p.v === 'string' ? p.v : undefined;
      if (!path || path.includes('{') || st.params.some((x) => !x.def)) continue;
      try {
        const v = interp.callFunction(scope.vars.get(st.name)!);
        const body = typeof v === 'string' ? JSON.stringify(v) : jsonDumps(v, undefined, false, true);
        http[path] = { status: 200, headers: headers(body), body };
      } catch {
        const body = 'Internal Server Error';
        http[path] = { status: 500, headers: { ...headers(body), 'content-type': 'text/plain; charset=utf-8' }, body };
      }
    }
  }
  const notFound = '{"detail":"Not Found"}';
  http['*'] = { status: 404, headers: headers(notFound), body: notFound };
  const behaviour: Server = {
    kind: 'server',
    protocol: 'http',
    port,
    startupLogs: ['INFO:     Started server process [1]', 'INFO:     Waiting for application startup.', 'INFO:     Application startup complete.', `INFO:     Uvicorn running on http://${host}:${port} (Press CTRL+C to quit)`],
    accessLog: 'INFO:     {remote_addr}:52146 - "{method} {path} HTTP/1.1" {status} ' + '{status_text}',
    shutdownLogs: ['INFO:     Shutting down', 'INFO:     Waiting for application shutdown.', 'INFO:     Application shutdown complete.', 'INFO:     Finished server process [1]'],
  };
  if (host !== '127.0.0.1' && host !== 'localhost') behaviour.http = http;
  return behaviour;
}

function uvicorn(input: BehaviourInput, args: string[]): ImageBehaviour | undefined {
  let target = '';
  let host = '127.0.0.1';
  let port = 8000;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--host' || a.startsWith('--host=')) host = a.includes('=') ? a.split('=')[1] : args[++i];
    else if (a === '--port' || a.startsWith('--port=')) port = Number(a.includes('=') ? a.split('=')[1] : args[++i]);
    else if (!a.startsWith('-')) target = a;
  }
  const file = resolve(input.config.workingDir || '/', `${target.split(':')[0].replace(/\./g, '/')}.py`);
  const source = input.files[file];
  if (source === undefined) return print(`ERROR:    Error loading ASGI app. Could not import module "${target.split(':')[0]}".\n`, 1);
  const parsed = parseScript(file, source);
  if ('kind' in parsed) return parsed;
  const missing = missingImport(parsed, input.files);
  if (missing) return moduleNotFound(parsed, missing);
  return fastapiApp(input, parsed, host, port);
}

function gunicorn(input: BehaviourInput, args: string[]): ImageBehaviour | undefined {
  let target = '';
  let bind = '127.0.0.1:8000';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-b' || a === '--bind') bind = args[++i] ?? bind;
    else if (a.startsWith('--bind=')) bind = a.slice(7);
    else if (a === '-w' || a === '--workers' || a === '-k' || a === '--worker-class' || a === '--timeout') i++;
    else if (!a.startsWith('-')) target = a;
  }
  const [host, portText] = bind.includes(':') ? bind.split(':') : ['127.0.0.1', bind];
  const file = resolve(input.config.workingDir || '/', `${target.split(':')[0].replace(/\./g, '/')}.py`);
  const source = input.files[file];
  if (source === undefined) return undefined;
  const parsed = parseScript(file, source);
  if ('kind' in parsed) return parsed;
  const flask = flaskApp(input, parsed, 'cli', { host, port: Number(portText), debug: false });
  if (flask.kind !== 'server') return flask;
  const http = flask.http && Object.fromEntries(Object.entries(flask.http).map(([k, p]) => [k, { ...p, headers: { Server: 'gunicorn', Date: '{http_date}', Connection: 'close', 'Content-Type': p.headers['Content-Type'], 'Content-Length': p.headers['Content-Length'] } }]));
  // gunicorn's own start-up lines carry a timestamp format the engine cannot fill; they are left out.
  return { kind: 'server', protocol: 'http', port: Number(portText), startupLogs: [], http };
}

// ---------------------------------------------------------------------------------------------
// Node

/** A JavaScript literal (string, template, number, object, array) as a JS value, or undefined. */
function jsValue(text: string, consts: Record<string, unknown>): unknown {
  const t = text.trim();
  const str1 = /^(['"])((?:\\.|(?!\1).)*)\1$/s.exec(t);
  if (str1) return str1[2].replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(['"\\])/g, '$1');
  const tpl = /^`((?:\\.|[^`])*)`$/s.exec(t);
  if (tpl) return tpl[1].replace(/\$\{\s*([^}]+?)\s*\}/g, (_, e: string) => String(jsValue(e, consts) ?? consts[e] ?? '')).replace(/\\n/g, '\n');
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  if (/^[A-Za-z_$][\w$]*$/.test(t) && t in consts) return consts[t];
  if (/^[[{]/.test(t)) {
    const json = t
      .replace(/'((?:\\.|[^'\\])*)'/g, (_, s: string) => JSON.stringify(s.replace(/\\'/g, "'")))
      .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
      .replace(/,(\s*[}\]])/g, '$1');
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  const or = /^(.+?)\s*\|\|\s*(.+)$/.exec(t);
  if (or) return jsValue(or[1], consts) || jsValue(or[2], consts);
  return undefined;
}

/** The text between a `(` at `open` and its matching `)`. */
function balanced(src: string, open: number): string {
  let depth = 0;
  let quote = '';
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return src.slice(open + 1, i);
    }
  }
  return src.slice(open + 1);
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      cur += c;
      if (c === '\\') cur += text[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function nodeConsts(src: string, env: Record<string, string>): Record<string, unknown> {
  const consts: Record<string, unknown> = {};
  for (const m of src.matchAll(/(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+)/g)) {
    const expr = m[2].replace(/process\.env\.([A-Za-z_]\w*)/g, (_, k: string) => (k in env ? JSON.stringify(env[k]) : 'undefined'));
    const v = jsValue(expr.replace(/^undefined\s*\|\|\s*/, ''), consts);
    if (v !== undefined) consts[m[1]] = v;
  }
  return consts;
}

const nodeLogs = (src: string, consts: Record<string, unknown>) => [...src.matchAll(/console\.(?:log|info|error|warn)\(/g)].map((m) => splitArgs(balanced(src, m.index! + m[0].length - 1)).map((a) => String(jsValue(a, consts) ?? '')).join(' '));

function nodeMissingModule(file: string, mod: string): ImageBehaviour {
  return print(
    `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${mod}'\nRequire stack:\n- ${file}\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Module.require (node:internal/modules/cjs/loader:1311:19)\n    at require (node:internal/modules/helpers:179:18)\n    at Object.<anonymous> (${file}:1:17)\n    at Module._compile (node:internal/modules/cjs/loader:1469:14)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1548:10)\n    at Module.load (node:internal/modules/cjs/loader:1288:32)\n    at Module._load (node:internal/modules/cjs/loader:1104:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12) {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '${file}' ]\n}\n\nNode.js v${NODE_VERSION}\n`,
    1,
  );
}

function expressHeaders(type: string, body: string, etag = true): Record<string, string> {
  const headers: Record<string, string> = { 'X-Powered-By': 'Express', 'Content-Type': type, 'Content-Length': String(byteLength(body)) };
  if (etag) headers.ETag = `W/"${byteLength(body).toString(16)}-${sha1Base64(body).slice(0, 27)}"`;
  return { ...headers, Date: '{http_date}', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5' };
}

function node(input: BehaviourInput, args: string[], preface: string[] = []): ImageBehaviour {
  const cwd = input.config.workingDir || '/';
  const target = args.find((a) => !a.startsWith('-'));
  if (!target) return input.base?.behaviour ?? print('', 0);
  let file = resolve(cwd, target);
  if (input.files[file] === undefined && input.files[`${file}.js`] !== undefined) file = `${file}.js`;
  const src = input.files[file];
  if (src === undefined) {
    return print(
      `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${file}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${NODE_VERSION}\n`,
      1,
    );
  }
  const env = envOf(input.config);
  const consts = nodeConsts(src, env);
  const required = [...src.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)|from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
  const dir = file.replace(/[^/]+$/, '');
  for (const mod of required) {
    if (mod.startsWith('.') || mod.startsWith('node:') || ['http', 'https', 'fs', 'path', 'os', 'url', 'util', 'events', 'crypto', 'child_process', 'net', 'stream', 'zlib', 'readline', 'process', 'assert', 'buffer', 'querystring', 'timers', 'cluster', 'dns', 'worker_threads', 'fs/promises'].includes(mod)) continue;
    const installed = Object.keys(input.files).some((p) => p.startsWith(`${dir}node_modules/${mod}/`) || p.startsWith(`/app/node_modules/${mod}/`) || p.startsWith(`/usr/src/app/node_modules/${mod}/`));
    if (!installed) return nodeMissingModule(file, mod);
  }
  const listen = /\.listen\(/.exec(src);
  const logs = nodeLogs(src, consts);
  if (!listen) return print([...preface, ...logs].map((l) => `${l}\n`).join(''), 0);
  const listenArgs = splitArgs(balanced(src, listen.index + listen[0].length - 1));
  const portValue = jsValue(listenArgs[0] ?? '', consts);
  const port = Number(portValue ?? 3000) || 3000;
  const hostArg = listenArgs[1] ? jsValue(listenArgs[1], consts) : undefined;
  const loopback = hostArg === '127.0.0.1' || hostArg === 'localhost';
  const consts2 = { ...consts, PORT: consts.PORT ?? port, port: consts.port ?? port };
  const startupLogs = [...preface, ...nodeLogs(src, consts2)];
  const behaviour: Server = { kind: 'server', protocol: 'http', port, startupLogs };
  if (loopback) return behaviour;
  const http: Record<string, Page> = {};
  if (/require\(\s*['"]express['"]\s*\)|from\s+['"]express['"]/.test(src)) {
    for (const m of src.matchAll(/\.get\(\s*(['"`])([^'"`]+)\1\s*,/g)) {
      const path = m[2];
      if (path.includes(':') || path === '*') continue;
      const handler = src.slice(m.index! + m[0].length);
      const body = /res\s*(?:\.status\(\s*(\d+)\s*\))?\s*\.(send|json|end)\(/.exec(handler);
      if (!body) continue;
      const argText = balanced(handler, body.index + body[0].length - 1);
      const value = jsValue(argText, consts2);
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
      const root = resolve(dir, staticDir);
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
  } else {
    // Node's own http module: one handler answers every path.
    const handler = src.slice(src.indexOf('createServer'));
    const headers: Record<string, string> = {};
    const head = /writeHead\(\s*(\d+)\s*(?:,\s*(\{[^}]*\}))?/.exec(handler);
    const status = Number(head?.[1] ?? /statusCode\s*=\s*(\d+)/.exec(handler)?.[1] ?? 200);
    const obj = head?.[2] ? (jsValue(head[2], consts2) as Record<string, unknown> | undefined) : undefined;
    for (const [k, v] of Object.entries(obj ?? {})) headers[k] = String(v);
    for (const m of handler.matchAll(/setHeader\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]*)\3\s*\)/g)) headers[m[2]] = m[4];
    const end = /\.end\(/.exec(handler);
    const value = end ? jsValue(balanced(handler, end.index + end[0].length - 1), consts2) : '';
    const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
    const page: Page = { status, headers: { ...headers, Date: '{http_date}', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5', 'Content-Length': String(byteLength(text)) }, body: text };
    http['/'] = page;
    http['*'] = page;
  }
  behaviour.http = http;
  return behaviour;
}

function npm(input: BehaviourInput, args: string[]): ImageBehaviour | undefined {
  const cwd = input.config.workingDir || '/';
  const name = args[0] === 'run' || args[0] === 'run-script' ? args[1] : args[0];
  const pkgText = input.files[resolve(cwd, 'package.json')];
  let pkg: { name?: string; version?: string; scripts?: Record<string, string>; main?: string } = {};
  try {
    pkg = pkgText ? JSON.parse(pkgText) : {};
  } catch {
    return undefined;
  }
  const script = pkg.scripts?.[name ?? ''] ?? (name === 'start' ? `node ${pkg.main ?? 'server.js'}` : undefined);
  if (!script) return print(`npm error Missing script: "${name}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n`, 1);
  const preface = ['', `> ${pkg.name ?? cwd.split('/').pop()}@${pkg.version ?? '1.0.0'} ${name}`, `> ${script}`, ''];
  const words = shellWords(script);
  if (words[0] === 'node') return node(input, words.slice(1), preface);
  return undefined;
}
