// The `python` program of an image: `python -m http.server|flask|uvicorn|gunicorn`, `python -c`,
// or a script, which serves as the framework it imports does or runs and prints.
import { Interpreter, runPython, Unsupported } from '../python';
import { installedPython, normalizePy } from '../python/site-packages';
import { resolvePath } from './command';
import { fastapiApp, uvicorn } from './fastapi';
import { flaskApp, flaskCli } from './flask';
import { gunicorn } from './gunicorn';
import { httpServerModule, stdlibServer } from './http-server';
import { DIST_OF, missingImport, moduleNotFound, parseScript, unbuffered } from './python-script';
import { printed, running, type AppBehaviour, type AppInput } from './types';

export function python<B>(input: AppInput<B>, args: string[]): AppBehaviour | B | undefined {
  const flags: string[] = [];
  while (args[0]?.startsWith('-') && args[0] !== '-m' && args[0] !== '-c') flags.push(args.shift()!);
  const cwd = input.workingDir || '/';
  if (!args.length) return input.base?.behaviour;
  if (args[0] === '-m') {
    const [mod, ...rest] = args.slice(1);
    if (mod === 'http.server') return httpServerModule(input, rest, flags);
    if (mod === 'flask') return flaskCli(input, rest);
    if (mod === 'uvicorn' && normalizePy('uvicorn') in installedPython(input.files)) return uvicorn(input, rest);
    if (mod === 'gunicorn' && 'gunicorn' in installedPython(input.files)) return gunicorn(input, rest);
    return printed(`/usr/local/bin/python: No module named ${mod}\n`, 1);
  }
  if (args[0] === '-c') return pythonScript(input, { file: '<string>', source: args[1] ?? '' }, flags, ['-c', ...args.slice(2)]);
  const file = resolvePath(cwd, args[0]);
  const source = input.files[file];
  if (source === undefined) return printed(`python: can't open file '${file}': [Errno 2] No such file or directory\n`, 2);
  return pythonScript(input, { file, source }, flags, args);
}

function pythonScript<B>(input: AppInput<B>, src: { file: string; source: string }, flags: string[], argv: string[]): AppBehaviour {
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
    const result = runPython(script.source, { file: script.file, env: input.env, cwd: input.workingDir || '/', argv: argv.map((a) => a), installed: (m) => normalizePy(DIST_OF[m] ?? m) in installedPython(input.files), maxSteps: 100_000 });
    return printed(result.output.map((o) => o.text).join(''), result.exitCode);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    // Runs until stopped (a loop that never ends, or more than this interpreter can follow).
    try {
      const lenient = new Interpreter({ file: script.file, env: input.env, cwd: input.workingDir || '/', maxSteps: 2_000, lenient: true });
      lenient.runLenient(script.body);
      return running(unbuffered(input, flags) ? lenient.output.map((o) => o.text).join('').split('\n').filter(Boolean).slice(0, 50) : []);
    } catch {
      return running([]);
    }
  }
}
