// wget as it answers inside containers: BusyBox's applet in alpine and busybox images (`wget -qO-
// http://web`), GNU wget in the full Debian images (python, node). Over the same virtual network
// as curl: inside a container, names resolve through docker's DNS on user-defined networks only.
import { finiteWait, waitForever } from '../core/clock';
import { gnu, type Dialect } from '../core/command/dialects';
import type { CommandSpec } from '../core/command/spec';
import type { CommandContext, Effect } from '../core/process';
import { FS_MESSAGES, lookup, resolvePath, writeFile } from '../shell/fs';
import { busyboxBuild } from './busybox';
import { serve, type HttpRequest } from './http';
import { addressOf, connectFrom } from './connect';

/** BusyBox's usage after its banner (which says which build: busybox.ts). */
const BUSYBOX_USAGE_TEXT = `

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`;

/** A refused option is worded before ctx is known: alpine's build speaks for both images here. */
const BUSYBOX_USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.${BUSYBOX_USAGE_TEXT}`;

/**
 * `-T SEC` as each wget reads it: GNU's decimal seconds (0 for none) or its refusal; BusyBox's whole
 * seconds or its refusal. The limit in ms, Infinity for none.
 */
function readTimeout(value: string, busybox: boolean): number | string {
  if (busybox) return /^\d+$/.test(value) ? Number(value) * 1000 || Infinity : `wget: invalid number '${value}'\n`;
  const m = /^\s*([-+]?)(\d+\.?\d*|\.\d+)$/.exec(value);
  if (!m) return `wget: --timeout: Invalid time period ‘${value}’\n`;
  if (m[1] === '-' && Number(m[2]) !== 0) return `wget: --timeout: Negative time period ‘${value}’\n`;
  return Number(m[2]) * 1000 || Infinity;
}

const isBusybox = (ctx: Pick<CommandContext, 'machine'>) => ctx.machine.identity().userland === 'busybox';

/** BusyBox prints its usage for any option it does not know; GNU wget words it as getopt does. */
const wgetDialect: Dialect = {
  ...gnu,
  id: 'wget',
  flagError(path, error) {
    const gnuText = gnu.flagError(path, error).message;
    return { message: `${gnuText.split('\n')[0]}\n${BUSYBOX_USAGE}`, exitCode: 1 };
  },
};

/** `authority`: the host and the port as the URL spells them (BusyBox says "Connecting to web:8080 (...)"). */
function parseUrl(raw: string): { scheme: string; host: string; port: number; path: string; authority: string } | undefined {
  const m = /^(?:([a-z]+):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?(\/[^#]*)?/i.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { scheme, host: m[2].toLowerCase(), port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] ?? '/', authority: m[3] ? `${m[2]}:${m[3]}` : m[2] };
}

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** BusyBox's progress line, drawn once at 100% (bb_progress_update on an 80-column stderr). */
function busyboxProgress(name: string, bytes: number, cols: number): string {
  const barLength = cols - 49;
  let size = bytes;
  let unit = 0;
  while (size >= 100_000) {
    size = Math.floor(size / 1024);
    unit++;
  }
  const bar = barLength > 0 ? `|${'*'.repeat(barLength)}|` : '';
  return `${name.slice(0, 20).padEnd(20)} 100% ${bar}${String(size).padStart(6)}${' kMGTPEZY'[unit]} 0:00:00 ETA\n`;
}

const two = (n: number) => String(n).padStart(2, '0');
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
};

export const wget: CommandSpec = {
  name: 'wget',
  summary: 'retrieve files via HTTP',
  usage: '[-q] [-O FILE] URL',
  description: 'Retrieve files via HTTP. Here: the containers of this machine, by address, or by name on a user-defined network.',
  dialect: wgetDialect,
  flags: [
    { long: 'quiet', short: 'q', type: 'bool', description: 'Quiet' },
    { long: 'output-document', short: 'O', type: 'string', valueName: 'FILE', description: "Save to FILE ('-' for stdout)", complete: 'path' },
    { long: 'spider', type: 'bool', description: 'Only check URL existence: $? is 0 if exists' },
    { long: 'server-response', short: 'S', type: 'bool', description: 'Show server response' },
    { long: 'timeout', short: 'T', type: 'string', valueName: 'SEC', description: 'Network read timeout is SEC seconds' },
    { long: 'user-agent', short: 'U', type: 'string', valueName: 'STR', description: 'Use STR for User-Agent header' },
    { long: 'header', type: 'stringArray', valueName: 'STR', description: "Add STR (of form 'header: value') to headers" },
    { long: 'directory-prefix', short: 'P', type: 'string', valueName: 'DIR', description: 'Save to DIR (default .)', complete: 'dir' },
  ],
  args: [{ name: 'URL', optional: true, variadic: true }],
  *run(ctx: CommandContext): Generator<Effect, number, string | null> {
    const busybox = isBusybox(ctx);
    const f = ctx.command.flags;
    const quiet = Boolean(f.quiet);
    const timeout = f.timeout === undefined ? Infinity : readTimeout(String(f.timeout), busybox);
    if (typeof timeout === 'string') {
      ctx.err(timeout);
      return busybox ? 1 : 2;
    }
    const [raw] = ctx.command.args;
    if (!raw) {
      if (busybox) ctx.err(`${busyboxBuild(ctx).banner} multi-call binary.${BUSYBOX_USAGE_TEXT}`);
      else ctx.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    const url = parseUrl(raw);
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
      ctx.err(busybox ? `wget: not an http or ftp url: ${raw}\n` : `${raw}: Unsupported scheme.\n`);
      return 1;
    }
    const now = ctx.machine.now();
    if (!busybox && !quiet) ctx.err(`--${stamp(now)}--  ${url.scheme}://${url.host}${url.port === 80 ? '' : `:${url.port}`}${url.path}\n`);
    yield { type: 'wait', ms: 6 };
    const target = connectFrom(ctx, url.host, url.port);
    if (target.kind === 'unresolved') {
      if (busybox) ctx.err(`wget: bad address '${url.host}'\n`);
      else if (!quiet) ctx.err(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${url.host}’\n`);
      return busybox ? 1 : 4;
    }
    const ip = addressOf(target);
    if (!quiet) ctx.err(busybox ? `Connecting to ${url.authority} (${ip}:${url.port})\n` : `${/^\d/.test(url.host) ? '' : `Resolving ${url.host} (${url.host})... ${ip}\n`}Connecting to ${url.host} (${url.host})|${ip}|:${url.port}... `);
    if (target.kind === 'refused') {
      if (busybox) ctx.err(`wget: can't connect to remote host (${target.ip}): Connection refused\n`);
      else if (!quiet) ctx.err('failed: Connection refused.\n');
      return busybox ? 1 : 4;
    }
    if (target.kind === 'hang') {
      // No timeout, or one past what the world's clock can hold: wget waits until Ctrl-C.
      const ms = finiteWait(ctx.world().clock.now, timeout);
      if (ms === undefined) return yield* waitForever();
      yield { type: 'wait', ms };
      if (busybox) ctx.err('wget: download timed out\n');
      else if (!quiet) ctx.err('failed: Connection timed out.\n');
      return busybox ? 1 : 4;
    }
    if (!busybox && !quiet) ctx.err('connected.\n');
    if (url.scheme === 'https') {
      ctx.err(busybox ? 'wget: error getting response: Connection reset by peer\n' : 'GnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection.\n');
      return busybox ? 1 : 4;
    }
    const userAgent = f['user-agent'] ? String(f['user-agent']) : busybox ? 'Wget' : 'Wget/1.21.3';
    const headers: Record<string, string> = { Host: url.port === 80 ? url.host : `${url.host}:${url.port}`, 'User-Agent': userAgent };
    const request: HttpRequest = { method: f.spider ? 'HEAD' : 'GET', host: url.host, port: url.port, path: url.path, headers };
    const outcome = serve(ctx.world(), target.endpoint, request);
    if (outcome.kind !== 'response') {
      const why = outcome.kind === 'refused' ? 'Connection refused' : 'Connection reset by peer';
      if (busybox) ctx.err(outcome.kind === 'refused' ? `wget: can't connect to remote host (${ip}): ${why}\n` : `wget: error getting response: ${why}\n`);
      else if (!quiet) ctx.err(outcome.kind === 'refused' ? 'failed: Connection refused.\n' : 'HTTP request sent, awaiting response... No data received.\n');
      return busybox ? 1 : 4;
    }
    ctx.update(() => outcome.world);
    const status = `${outcome.status} ${outcome.reason}`;
    if (!busybox && !quiet) ctx.err(`HTTP request sent, awaiting response... ${status}\n`);
    if (f['server-response'] && !quiet) ctx.err(`  HTTP/1.1 ${status}\n${outcome.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
    if (outcome.status >= 400) {
      if (busybox) ctx.err(`wget: server returned error: HTTP/1.1 ${status}\n`);
      else if (!quiet) ctx.err(`${stamp(now)} ERROR ${status}.\n\n`);
      return busybox ? 1 : 8;
    }
    if (f.spider) {
      if (busybox && !quiet) ctx.err('remote file exists\n');
      else if (!busybox && !quiet) ctx.err('Remote file exists.\n\n');
      return 0;
    }
    const body = outcome.body;
    const size = byteLength(body);
    const cols = 80;
    const out = f['output-document'] === undefined ? undefined : String(f['output-document']);
    if (out === '-') {
      if (busybox && !quiet) ctx.err('writing to stdout\n');
      if (!busybox && !quiet) ctx.err(`Length: ${size} [text/html]\nSaving to: ‘STDOUT’\n\n`);
      ctx.out(body);
      if (busybox && !quiet) ctx.err(`${busyboxProgress('-', size, cols)}written to stdout\n`);
      if (!busybox && !quiet) ctx.err(`\n${stamp(now)} (58.7 MB/s) - written to stdout [${size}/${size}]\n\n`);
      return 0;
    }
    const base = url.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html';
    const name = out ?? (f['directory-prefix'] ? `${String(f['directory-prefix'])}/${base}` : base);
    const path = resolvePath(ctx.machine.shell().cwd, name);
    if (busybox && out === undefined && lookup(ctx.machine.fs(), path).ok) {
      ctx.err(`wget: can't open '${name}': File exists\n`);
      return 1;
    }
    const shown = name.split('/').pop() ?? name;
    if (busybox && !quiet) ctx.err(`saving to '${name}'\n`);
    if (!busybox && !quiet) ctx.err(`Length: ${size} [text/html]\nSaving to: ‘${name}’\n\n`);
    const written = writeFile(ctx.machine.fs(), path, body, { user: ctx.machine.identity().user, now: ctx.machine.now() });
    if (!written.ok) {
      ctx.err(busybox ? `wget: can't open '${name}': ${FS_MESSAGES[written.code]}\n` : `${name}: ${FS_MESSAGES[written.code]}\n`);
      return busybox ? 1 : 3;
    }
    ctx.machine.setFs(written.value);
    if (busybox && !quiet) ctx.err(`${busyboxProgress(shown, size, cols)}'${name}' saved\n`);
    if (!busybox && !quiet) {
      ctx.err(`${shown.slice(0, 18).padEnd(18)}  100%[===================>]  ${String(size).padStart(6)}  --.-KB/s    in 0s      \n\n${stamp(now)} (58.7 MB/s) - ‘${name}’ saved [${size}/${size}]\n\n`);
    }
    return 0;
  },
};
