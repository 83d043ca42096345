// A Python program as the app readers see it: parsed, its imports checked against what the image
// installed, its module level run to read its values (constants, os.environ) without serving.
import { Interpreter, parseExpr, parsePython, PyException, traceback, Unsupported, type PyModule, type PyValue, type Stmt } from '../python';
import { installedPython, normalizePy } from '../python/site-packages';
import { printed, type AppBehaviour, type AppInput } from './types';

const STDLIB_TOP = new Set(['os', 'sys', 'time', 'math', 'json', 'platform', 'socket', 'datetime', 'random', 'http', 'socketserver', 'logging', 'pathlib', 'typing', 're', 'collections', 'functools', 'itertools', 'string', 'signal', 'threading', 'subprocess', 'argparse', 'dataclasses', 'enum', 'uuid', 'hashlib', 'base64', 'urllib', 'sqlite3', 'csv', 'io', 'shutil', 'textwrap', 'traceback', 'asyncio', 'contextlib', 'abc', 'copy', 'decimal', 'fractions', 'statistics', 'pprint', 'secrets', 'tempfile', 'glob', 'getpass', 'inspect', 'warnings', 'zoneinfo', 'wsgiref', 'email', 'html', 'operator', 'heapq', 'bisect', 'struct', 'array', 'queue', 'select', 'ssl', 'gzip', 'zipfile', 'tarfile', 'unittest', 'types', 'weakref', 'atexit', 'locale', 'calendar', 'configparser', 'fnmatch', 'shlex', 'timeit', 'multiprocessing', 'concurrent', 'codecs', 'numbers', 'errno', 'stat', 'builtins', '__future__']);
/** Import names that differ from their distribution's name. */
export const DIST_OF: Record<string, string> = { yaml: 'pyyaml', dotenv: 'python-dotenv', psycopg2: 'psycopg2-binary', dateutil: 'python-dateutil' };

export interface PyScript {
  file: string;
  source: string;
  body: Stmt[];
  lines: string[];
}

export function unbuffered<B>(input: AppInput<B>, flags: string[]): boolean {
  return flags.includes('-u') || Boolean(input.env.PYTHONUNBUFFERED);
}

/** The first import of a module that is neither in the standard library nor installed. */
export function missingImport(script: PyScript, files: Record<string, string>): { module: string; line: number } | undefined {
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

export function moduleNotFound(script: PyScript, missing: { module: string; line: number }): AppBehaviour {
  const e = new PyException('ModuleNotFoundError', `No module named '${missing.module}'`, missing.line);
  return printed(traceback(e, script.file, script.lines), 1);
}

export function parseScript(file: string, source: string): PyScript | AppBehaviour {
  const lines = source.split('\n');
  try {
    return { file, source, body: parsePython(source), lines };
  } catch (e) {
    if (e instanceof PyException) return printed(traceback(e, file, lines), 1);
    if (e instanceof Unsupported) return { file, source, body: [], lines };
    throw e;
  }
}

/** Module-level values of a script (constants, os.environ reads), its classes and main block skipped. */
export function moduleScope<B>(input: AppInput<B>, script: PyScript, modules: Record<string, PyModule>): Interpreter {
  const interp = new Interpreter({ file: script.file, env: input.env, cwd: input.workingDir || '/', maxSteps: 20_000, lenient: true, modules });
  interp.runLenient(script.body);
  return interp;
}

export function evalIn(interp: Interpreter, text: string): PyValue | undefined {
  try {
    return interp.evaluate(parseExpr(text));
  } catch {
    return undefined;
  }
}
