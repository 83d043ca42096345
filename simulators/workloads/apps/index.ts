// What a program does when its image runs it, read from the program itself: a Flask app serves its
// routes with Werkzeug's banner and access log, http.server and `python -m http.server` serve as
// the standard library does, FastAPI under uvicorn, gunicorn, a Node http or Express server
// answers as Node does, a script that only prints prints and exits, and nginx or httpd serve the
// pages the image holds. A missing module or file fails the way the real runtime reports it.
// Any runtime can ask (a Docker container now, a Kubernetes pod next): the input is plain data.
import { defaultArgv } from './command';
import { flaskCli } from './flask';
import { gunicorn } from './gunicorn';
import { uvicorn } from './fastapi';
import { node, npm } from './node';
import { python } from './python';
import { ownPages } from './static-pages';
import type { AppBehaviour, AppInput } from './types';

export { defaultArgv } from './command';
export type { AppBehaviour, AppInput, AppServer, Page } from './types';

/** What the program does, or undefined when nothing here knows it (the caller keeps its own guess). */
export function appBehaviour<B extends { kind: string }>(input: AppInput<B>): AppBehaviour | B | undefined {
  const behaviour = fromCommand(input);
  // PID 1 gets no default signal handling: python, node and flask run directly install no SIGTERM
  // handler, so a stop waits out its timeout and kills them (137). Servers made for containers
  // (uvicorn, gunicorn, nginx, httpd) stop at once.
  if (behaviour?.kind === 'server') {
    const program = defaultArgv(input.command)[0]?.split('/').pop() ?? '';
    if (/^(python(3(\.\d+)?)?|node|nodejs|npm|flask)$/.test(program)) return { ...behaviour, ignoresSigterm: true };
  }
  return behaviour;
}

function fromCommand<B extends { kind: string }>(input: AppInput<B>): AppBehaviour | B | undefined {
  const { base } = input;
  const argv = defaultArgv(input.command);
  if (!argv.length) return undefined;
  const baseArgv = base?.command ?? [];
  const program = argv[0].split('/').pop() ?? '';
  if (base && argv.length === baseArgv.length && argv.every((a, i) => a === baseArgv[i])) return ownPages(input, base.behaviour);
  if (/^python(3(\.\d+)?)?$/.test(program)) return input.runtime === 'python' ? python(input, argv.slice(1)) : undefined;
  if (program === 'flask' && input.files['/usr/local/bin/flask'] !== undefined) return flaskCli(input, argv.slice(1));
  if (program === 'uvicorn' && input.files['/usr/local/bin/uvicorn'] !== undefined) return uvicorn(input, argv.slice(1));
  if (program === 'gunicorn' && input.files['/usr/local/bin/gunicorn'] !== undefined) return gunicorn(input, argv.slice(1));
  if ((program === 'node' || program === 'nodejs') && input.runtime === 'node') return node(input, argv.slice(1));
  if (program === 'npm' && input.runtime === 'node') return npm(input, argv.slice(1));
  if (program === 'nginx' && base?.runtime === 'nginx') return ownPages(input, base.behaviour);
  if ((program === 'httpd-foreground' || program === 'httpd') && base?.runtime === 'httpd') return ownPages(input, base.behaviour);
  return undefined;
}
