// The `node` and `npm` programs of an image: a script that prints, Node's http module answering
// every path from one handler, or an Express app (express.ts); a missing module fails as Node 22
// reports it.
import { byteLength } from '../../shell/fs';
import { resolvePath, shellWords } from './command';
import { expressPages } from './express';
import { balanced, jsValue, nodeConsts, nodeLogs, splitArgs } from './node-source';
import { NODE_VERSION, printed, type AppBehaviour, type AppInput, type AppServer, type Page } from './types';

function nodeMissingModule(file: string, mod: string): AppBehaviour {
  return printed(
    `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${mod}'\nRequire stack:\n- ${file}\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Module.require (node:internal/modules/cjs/loader:1311:19)\n    at require (node:internal/modules/helpers:179:18)\n    at Object.<anonymous> (${file}:1:17)\n    at Module._compile (node:internal/modules/cjs/loader:1469:14)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1548:10)\n    at Module.load (node:internal/modules/cjs/loader:1288:32)\n    at Module._load (node:internal/modules/cjs/loader:1104:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12) {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '${file}' ]\n}\n\nNode.js v${NODE_VERSION}\n`,
    1,
  );
}

export function node<B>(input: AppInput<B>, args: string[], preface: string[] = []): AppBehaviour | B {
  const cwd = input.workingDir || '/';
  const target = args.find((a) => !a.startsWith('-'));
  if (!target) return input.base?.behaviour ?? printed('', 0);
  let file = resolvePath(cwd, target);
  if (input.files[file] === undefined && input.files[`${file}.js`] !== undefined) file = `${file}.js`;
  const src = input.files[file];
  if (src === undefined) {
    return printed(
      `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${file}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${NODE_VERSION}\n`,
      1,
    );
  }
  const env = input.env;
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
  if (!listen) return printed([...preface, ...logs].map((l) => `${l}\n`).join(''), 0);
  const listenArgs = splitArgs(balanced(src, listen.index + listen[0].length - 1));
  const portValue = jsValue(listenArgs[0] ?? '', consts);
  const port = Number(portValue ?? 3000) || 3000;
  const hostArg = listenArgs[1] ? jsValue(listenArgs[1], consts) : undefined;
  const loopback = hostArg === '127.0.0.1' || hostArg === 'localhost';
  const consts2 = { ...consts, PORT: consts.PORT ?? port, port: consts.port ?? port };
  const startupLogs = [...preface, ...nodeLogs(src, consts2)];
  const behaviour: AppServer = { kind: 'server', protocol: 'http', port, startupLogs };
  if (loopback) return behaviour;
  behaviour.http = /require\(\s*['"]express['"]\s*\)|from\s+['"]express['"]/.test(src) ? expressPages(input, src, dir, consts2) : httpModulePages(src, consts2);
  return behaviour;
}

export function npm<B>(input: AppInput<B>, args: string[]): AppBehaviour | B | undefined {
  const cwd = input.workingDir || '/';
  const name = args[0] === 'run' || args[0] === 'run-script' ? args[1] : args[0];
  const pkgText = input.files[resolvePath(cwd, 'package.json')];
  let pkg: { name?: string; version?: string; scripts?: Record<string, string>; main?: string } = {};
  try {
    pkg = pkgText ? JSON.parse(pkgText) : {};
  } catch {
    return undefined;
  }
  const script = pkg.scripts?.[name ?? ''] ?? (name === 'start' ? `node ${pkg.main ?? 'server.js'}` : undefined);
  if (!script) return printed(`npm error Missing script: "${name}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n`, 1);
  const preface = ['', `> ${pkg.name ?? cwd.split('/').pop()}@${pkg.version ?? '1.0.0'} ${name}`, `> ${script}`, ''];
  const words = shellWords(script);
  if (words[0] === 'node') return node(input, words.slice(1), preface);
  return undefined;
}

/** Node's own http module: one handler answers every path. */
function httpModulePages(src: string, consts: Record<string, unknown>): Record<string, Page> {
  const http: Record<string, Page> = {};
  const handler = src.slice(src.indexOf('createServer'));
  const headers: Record<string, string> = {};
  const head = /writeHead\(\s*(\d+)\s*(?:,\s*(\{[^}]*\}))?/.exec(handler);
  const status = Number(head?.[1] ?? /statusCode\s*=\s*(\d+)/.exec(handler)?.[1] ?? 200);
  const obj = head?.[2] ? (jsValue(head[2], consts) as Record<string, unknown> | undefined) : undefined;
  for (const [k, v] of Object.entries(obj ?? {})) headers[k] = String(v);
  for (const m of handler.matchAll(/setHeader\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]*)\3\s*\)/g)) headers[m[2]] = m[4];
  const end = /\.end\(/.exec(handler);
  const value = end ? jsValue(balanced(handler, end.index + end[0].length - 1), consts) : '';
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
  const page: Page = { status, headers: { ...headers, Date: '{http_date}', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5', 'Content-Length': String(byteLength(text)) }, body: text };
  http['/'] = page;
  http['*'] = page;
  return http;
}
