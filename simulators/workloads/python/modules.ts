// The standard modules the subset models (os, sys, time, math, platform, json); the rest of the
// standard library is Unsupported, installed packages come from the caller, others are missing.
import { PyException, Unsupported } from './errors';
import { builtin as f, floatToInt } from './builtins';
import { jsonDumps } from './format';
import type { PyHost } from './host';
import { keyOf, list, str, truthy, tuple } from './values';
import type { PyDict, PyModule } from './types';

const STDLIB = new Set(['os', 'sys', 'time', 'math', 'json', 'platform', 'socket', 'datetime', 'random', 'http', 'http.server', 'socketserver', 'logging', 'pathlib', 'typing', 're', 'collections', 'functools', 'itertools', 'string', 'signal', 'threading', 'subprocess', 'argparse', 'dataclasses', 'enum', 'uuid', 'hashlib', 'base64', 'urllib', 'urllib.request', 'urllib.parse', 'sqlite3', 'csv', 'io', 'shutil', 'textwrap', 'traceback', 'asyncio', 'contextlib', 'abc', 'copy', 'decimal', 'fractions', 'statistics', 'pprint', 'secrets', 'tempfile', 'glob', 'getpass', 'inspect', 'warnings', 'zoneinfo', 'wsgiref', 'wsgiref.simple_server', 'email', 'html', 'operator', 'heapq', 'bisect', 'struct', 'array', 'queue', 'select', 'ssl', 'gzip', 'zipfile', 'tarfile', 'unittest', 'dis', 'ast', 'types', 'weakref', 'atexit', 'locale', 'calendar', 'configparser', 'fnmatch', 'shlex', 'timeit', 'cProfile', 'pdb', 'multiprocessing', 'concurrent', 'concurrent.futures', 'urllib.error', 'codecs', 'numbers', 'errno', 'stat', 'posixpath', 'ntpath', 'builtins', '__future__']);

export function stdlibModule(name: string, host: PyHost): PyModule {
  const env: PyDict = { t: 'dict', map: new Map(Object.entries(host.opts.env).map(([k, v]) => [keyOf(k), [k, v]])) };
  switch (name) {
    case 'os':
      return {
        t: 'module',
        name,
        attrs: {
          environ: env,
          getenv: f('getenv', ([k, d]) => host.opts.env[str(k)] ?? d ?? null),
          getcwd: f('getcwd', () => host.opts.cwd),
          getpid: f('getpid', () => 1n),
          name: 'posix',
          sep: '/',
          linesep: '\n',
          path: { t: 'module', name: 'os.path', attrs: { join: f('join', (a) => a.map((x) => str(x)).reduce((p, c) => (c.startsWith('/') ? c : p.endsWith('/') || !p ? p + c : `${p}/${c}`), '')), exists: f('exists', () => false), basename: f('basename', ([p]) => str(p).split('/').pop() ?? ''), dirname: f('dirname', ([p]) => str(p).split('/').slice(0, -1).join('/')), abspath: f('abspath', ([p]) => str(p)) } },
        },
      };
    case 'sys':
      return {
        t: 'module',
        name,
        attrs: {
          exit: f('exit', ([code]) => host.exit(code)),
          argv: list((host.opts.argv ?? [host.opts.file]).map((a) => a)),
          version: '3.12.8 (main, Dec 24 2024, 22:20:41) [GCC 12.2.0]',
          platform: 'linux',
          executable: '/usr/local/bin/python',
          stdout: { t: 'module', name: 'sys.stdout', attrs: { write: f('write', ([s]) => (host.write('stdout', str(s)), BigInt(str(s).length))), flush: f('flush', () => null) } },
          stderr: { t: 'module', name: 'sys.stderr', attrs: { write: f('write', ([s]) => (host.write('stderr', str(s)), BigInt(str(s).length))), flush: f('flush', () => null) } },
          version_info: tuple([3n, 12n, 8n, 'final', 0n]),
        },
      };
    case 'time':
      return {
        t: 'module',
        name,
        attrs: {
          sleep: f('sleep', ([s]) => {
            host.sleep(Math.max(0, Number(s)) * 1000);
            return null;
          }),
          time: f('time', () => 1741000000 + host.elapsed / 1000),
        },
      };
    case 'math':
      return { t: 'module', name, attrs: { pi: Math.PI, e: Math.E, sqrt: f('sqrt', ([x]) => Math.sqrt(Number(x))), floor: f('floor', ([x]) => floatToInt(Math.floor(Number(x)))), ceil: f('ceil', ([x]) => floatToInt(Math.ceil(Number(x)))), pow: f('pow', ([a, b]) => Number(a) ** Number(b)) } };
    case 'platform':
      return { t: 'module', name, attrs: { python_version: f('python_version', () => '3.12.8'), system: f('system', () => 'Linux'), machine: f('machine', () => 'x86_64'), release: f('release', () => '6.8.0-51-generic') } };
    case 'json':
      return { t: 'module', name, attrs: { dumps: f('dumps', ([v], kw) => jsonDumps(v, kw.indent === undefined ? undefined : Number(kw.indent), Boolean(kw.sort_keys && truthy(kw.sort_keys)), false)) } };
    default:
      if (host.opts.modules?.[name]) return host.opts.modules[name];
      if (STDLIB.has(name) || STDLIB.has(name.split('.')[0])) throw new Unsupported(`module ${name}`);
      if (host.opts.installed?.(name.split('.')[0])) throw new Unsupported(`module ${name}`);
      throw new PyException('ModuleNotFoundError', `No module named '${name.split('.')[0]}'`);
  }
}
