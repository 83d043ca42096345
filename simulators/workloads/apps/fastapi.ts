// A FastAPI app under uvicorn (uvicorn main:app, or uvicorn.run in the script): uvicorn 0.34's
// start-up and shutdown lines and access log, and the app's GET routes as JSON.
import { byteLength } from '../../shell/fs';
import { jsonDumps, type PyModule, type PyValue } from '../python';
import { resolvePath } from './command';
import { missingImport, moduleNotFound, moduleScope, parseScript, type PyScript } from './python-script';
import { printed, type AppBehaviour, type AppInput, type AppServer, type Page } from './types';

export function fastapiApp<B>(input: AppInput<B>, script: PyScript, host: string, port: number): AppBehaviour {
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
  const behaviour: AppServer = {
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

export function uvicorn<B>(input: AppInput<B>, args: string[]): AppBehaviour | undefined {
  let target = '';
  let host = '127.0.0.1';
  let port = 8000;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--host' || a.startsWith('--host=')) host = a.includes('=') ? a.split('=')[1] : args[++i];
    else if (a === '--port' || a.startsWith('--port=')) port = Number(a.includes('=') ? a.split('=')[1] : args[++i]);
    else if (!a.startsWith('-')) target = a;
  }
  const file = resolvePath(input.workingDir || '/', `${target.split(':')[0].replace(/\./g, '/')}.py`);
  const source = input.files[file];
  if (source === undefined) return printed(`ERROR:    Error loading ASGI app. Could not import module "${target.split(':')[0]}".\n`, 1);
  const parsed = parseScript(file, source);
  if ('kind' in parsed) return parsed;
  const missing = missingImport(parsed, input.files);
  if (missing) return moduleNotFound(parsed, missing);
  return fastapiApp(input, parsed, host, port);
}
