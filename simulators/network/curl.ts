// curl as learners use it against their containers: -s, -i, -I, -o, -v, -f, -L, -X, -H. Errors and
// exit codes as curl 8.5 (Ubuntu 24.04) gives them: 7 for nothing listening, 6 for an unknown host.
import { finiteWait, waitForever } from '../core/clock';
import { gnu, type Dialect } from '../core/command/dialects';
import type { CommandSpec } from '../core/command/spec';
import type { CommandContext } from '../core/process';
import { resolvePath, writeFile, FS_MESSAGES } from '../shell/fs';
import { serve, type HttpRequest } from './http';
import { connectFrom, addressOf } from './connect';

/** Which curl answers: the laptop's (Ubuntu 24.04) or the one a container's distribution ships. */
interface CurlBuild {
  version: string;
  banner: string;
  /** curl 8.5 and later say what a name resolved to under -v. */
  resolvedLines: boolean;
}

const UBUNTU_CURL: CurlBuild = {
  version: '8.5.0',
  resolvedLines: true,
  banner:
    'curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7\nRelease-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n',
};

/** Debian 12's curl, as in nginx and the full python and node images (security patch of January 2025). */
const DEBIAN_CURL: CurlBuild = {
  version: '7.88.1',
  resolvedLines: false,
  banner:
    'curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13\nRelease-Date: 2023-02-20, security patched: 7.88.1-10+deb12u8\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n',
};

function curlBuild(ctx: CommandContext): CurlBuild {
  // Alpine's own curl (apk add curl) is not modelled apart: its requests look like Debian's here.
  return ctx.machine.identity().distro === 'ubuntu' ? UBUNTU_CURL : DEBIAN_CURL;
}

/** curl's own wording for option errors: `curl: option --foo: is unknown`, exit 2. */
const curlDialect: Dialect = {
  ...gnu,
  id: 'curl',
  longPrefixes: false,
  flagError(_path, error) {
    const option = error.kind === 'unknown-short' ? `-${error.char}` : error.kind === 'missing-value' ? (error.asShort ? `-${error.flag.short}` : `--${error.flag.long}`) : 'name' in error ? `--${error.name}` : `--${error.flag.long}`;
    const why = error.kind === 'missing-value' ? 'requires parameter' : 'is unknown';
    return { message: `curl: option ${option}: ${why}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 };
  },
};

/**
 * `-m SECONDS` as curl reads it (strtod, then milliseconds in a long): its refusal, or the limit in
 * ms (Infinity for 0 and nan, which mean no limit).
 */
function maxTime(value: string): number | { why: string } {
  const m = /^\s*[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|0[xX][0-9a-fA-F]+|inf(?:inity)?|nan)/i.exec(value);
  if (!m || m[0].length !== value.length) return { why: 'expected a proper numerical parameter' };
  const seconds = /inf/i.test(value) ? (value.trim().startsWith('-') ? -Infinity : Infinity) : /nan/i.test(value) ? NaN : Number(value.trim());
  if (seconds < 0) return { why: 'expected a positive numerical parameter' };
  if (seconds >= 9223372036854775.807) return { why: 'too large number' };
  return seconds > 0 ? seconds * 1000 : Infinity;
}

function parseUrl(raw: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:([a-z]+):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?(\/[^#]*)?/i.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { scheme, host: m[2].toLowerCase(), port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] ?? '/' };
}

function progressMeter(bytes: number): string {
  const size = bytes >= 1024 ? `${Math.round(bytes / 1024)}k` : String(bytes);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `100 ${size.padStart(5)}  100 ${size.padStart(5)}    0     0   ${'600k'.padStart(4)}      0 --:--:-- --:--:-- --:--:--  600k\n`
  );
}

export const curl: CommandSpec = {
  name: 'curl',
  summary: 'transfer a URL',
  usage: '[options...] <url>',
  description: 'Transfer data from or to a server. Here: HTTP to the containers and ports of this machine.',
  dialect: curlDialect,
  flags: [
    { long: 'silent', short: 's', type: 'bool', description: 'Silent mode' },
    { long: 'show-error', short: 'S', type: 'bool', description: 'Show error even when -s is used' },
    { long: 'include', short: 'i', type: 'bool', description: 'Include protocol response headers in the output' },
    { long: 'head', short: 'I', type: 'bool', description: 'Show document info only' },
    { long: 'output', short: 'o', type: 'string', valueName: '<file>', description: 'Write to file instead of stdout', complete: 'path' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'Make the operation more talkative' },
    { long: 'fail', short: 'f', type: 'bool', description: 'Fail fast with no output on HTTP errors' },
    { long: 'location', short: 'L', type: 'bool', description: 'Follow redirects' },
    { long: 'request', short: 'X', type: 'string', valueName: '<method>', description: 'Specify request method to use' },
    { long: 'data', short: 'd', type: 'stringArray', valueName: '<data>', description: 'HTTP POST data' },
    { long: 'header', short: 'H', type: 'stringArray', valueName: '<header/@file>', description: 'Pass custom header(s) to server' },
    { long: 'max-time', short: 'm', type: 'string', valueName: '<seconds>', description: 'Maximum time allowed for transfer' },
    { long: 'write-out', short: 'w', type: 'string', valueName: '<format>', description: 'Use output FORMAT after completion' },
    { long: 'version', short: 'V', type: 'bool', description: 'Show version number and quit' },
  ],
  args: [{ name: 'URL', optional: true, variadic: true }],
  *run(ctx: CommandContext) {
    const f = ctx.command.flags;
    const limit = f['max-time'] === undefined ? Infinity : maxTime(String(f['max-time']));
    if (typeof limit !== 'number') {
      const option = ctx.argv.some((a) => a.startsWith('--max-time')) ? '--max-time' : '-m';
      ctx.err(`curl: option ${option}: ${limit.why}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      return 2;
    }
    const build = curlBuild(ctx);
    if (f.version) {
      ctx.out(build.banner);
      return 0;
    }
    const [raw] = ctx.command.args;
    const silent = Boolean(f.silent);
    const showError = !silent || Boolean(f['show-error']);
    const fail = (code: number, message: string) => {
      if (showError) ctx.err(`curl: (${code}) ${message}\n`);
      return code;
    };
    if (!raw) {
      ctx.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const url = parseUrl(raw);
    if (!url) return fail(3, `URL rejected: Malformed input to a URL function`);
    if (url.scheme === 'https') {
      yield { type: 'wait', ms: 5 };
      const target = connectFrom(ctx, url.host, url.port);
      if (target.kind === 'unresolved') return fail(6, `Could not resolve host: ${url.host}`);
      if (target.kind === 'refused') return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
      return fail(35, 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number');
    }
    if (url.scheme !== 'http') return fail(1, `Protocol "${url.scheme}" not supported`);
    // -d sends a form body with POST (joined with & when given more than once).
    const data = (f.data as string[] | undefined) ?? [];
    const body = data.length ? data.join('&') : undefined;
    const method = f.request ? String(f.request) : f.head ? 'HEAD' : body !== undefined ? 'POST' : 'GET';
    const headers: Record<string, string> = { Host: url.port === 80 ? url.host : `${url.host}:${url.port}`, 'User-Agent': `curl/${build.version}`, Accept: '*/*' };
    if (body !== undefined) {
      headers['Content-Length'] = String(new TextEncoder().encode(body).length);
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    for (const h of f.header as string[]) {
      const colon = h.indexOf(':');
      if (colon > 0) headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
    }
    const request: HttpRequest = { method, host: url.host, port: url.port, path: url.path, headers };
    yield { type: 'wait', ms: 8 };
    // Inside a container, names and localhost are the container's own view of the network.
    let target = connectFrom(ctx, url.host, url.port);
    const verbose = Boolean(f.verbose);
    if (target.kind === 'unresolved') {
      if (verbose) ctx.err(`* Could not resolve host: ${url.host}\n* Closing connection\n`);
      return fail(6, `Could not resolve host: ${url.host}`);
    }
    const literal = /^[\d.]+$|:/.test(url.host);
    if (verbose && !literal && build.resolvedLines) {
      // curl 8.5 says what the name resolved to; localhost has ::1 too, and it tries IPv6 first.
      ctx.err(`* Host ${url.host}:${url.port} was resolved.\n* IPv6: ${url.host === 'localhost' ? '::1' : '(none)'}\n* IPv4: ${addressOf(target)}\n`);
    }
    if (url.host === 'localhost') {
      const v6 = connectFrom(ctx, '::1', url.port);
      if (verbose) ctx.err(`*   Trying [::1]:${url.port}...\n`);
      if (v6.kind === 'endpoint') target = { kind: 'endpoint', endpoint: { ...v6.endpoint, ip: '::1' } };
      else if (verbose) ctx.err(`* connect to ::1 port ${url.port} from ::1 port 45678 failed: Connection refused\n`);
    }
    if (verbose && addressOf(target) !== '::1') ctx.err(`*   Trying ${addressOf(target)}:${url.port}...\n`);
    if (target.kind === 'refused') {
      if (verbose) ctx.err(`* connect to ${target.ip} port ${url.port} from ${target.ip} port 49152 failed: Connection refused\n* Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n* Closing connection\n`);
      return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
    }
    if (target.kind === 'hang') {
      // A limit past what the world's clock can hold is no limit: curl waits until Ctrl-C.
      const ms = finiteWait(ctx.world().clock.now, limit);
      if (ms === undefined) return yield* waitForever();
      yield { type: 'wait', ms };
      return fail(28, `Connection timed out after ${ms} milliseconds`);
    }
    // From the laptop, through a published port or straight to its address, the container sees the
    // bridge gateway; from another container it sees that container's address.
    const outcome = serve(ctx.world(), target.endpoint, request);
    if (verbose) {
      ctx.err(`* Connected to ${url.host} (${target.endpoint.ip}) port ${url.port}\n`);
      ctx.err(`> ${method} ${url.path} HTTP/1.1\n${Object.entries(headers).map(([k, v]) => `> ${k}: ${v}\n`).join('')}> \n`);
    }
    if (outcome.kind === 'refused') return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
    if (outcome.kind === 'empty-reply') return fail(52, 'Empty reply from server');
    if (outcome.kind === 'http09') return fail(1, 'Received HTTP/0.9 when not allowed');
    if (outcome.kind === 'hang') return fail(28, 'Operation timed out');
    ctx.update(() => outcome.world);
    if (f.fail && outcome.status >= 400) return fail(22, `The requested URL returned error: ${outcome.status}`);
    const head = `HTTP/1.1 ${outcome.status} ${outcome.reason}\r\n${outcome.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    if (verbose) {
      ctx.err(`< HTTP/1.1 ${outcome.status} ${outcome.reason}\n${outcome.headers.map(([k, v]) => `< ${k}: ${v}\n`).join('')}< \n`);
    }
    const out = (f.include || f.head ? head : '') + (f.head ? '' : outcome.body);
    if (f.output) {
      const path = resolvePath(ctx.machine.shell().cwd, String(f.output));
      const written = writeFile(ctx.machine.fs(), path, out, { user: ctx.machine.identity().user, now: ctx.machine.now() });
      if (!written.ok) {
        if (showError) ctx.err(`Warning: Failed to open the file ${f.output}: ${FS_MESSAGES[written.code]}\n`);
        return fail(23, `Failure writing output to destination, passed ${out.length} returned 0`);
      }
      ctx.machine.setFs(written.value);
      if (!silent) ctx.err(progressMeter(new TextEncoder().encode(out).length));
    } else ctx.out(out);
    if (f['write-out']) ctx.out(String(f['write-out']).replace(/%\{http_code\}/g, String(outcome.status)).replace(/\\n/g, '\n'));
    if (verbose) ctx.err(`* Connection #0 to host ${url.host} left intact\n`);
    return 0;
  },
};
