// gunicorn serving a Flask app: the app's routes with gunicorn's own headers.
import { resolvePath } from './command';
import { flaskApp } from './flask';
import { parseScript } from './python-script';
import type { AppBehaviour, AppInput } from './types';

export function gunicorn<B>(input: AppInput<B>, args: string[]): AppBehaviour | undefined {
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
  const file = resolvePath(input.workingDir || '/', `${target.split(':')[0].replace(/\./g, '/')}.py`);
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
