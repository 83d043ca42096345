// curl against the simulated network: published ports on localhost, containers by name on a user
// network, and curl's own errors and exit codes (checked against curl 8.5 as Ubuntu 24.04 ships it).
// Every test starts its own world, so each passes alone and in any order.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';

/** Two nginx containers: web published on every address, local on 127.0.0.1 only. */
function twoServers() {
  const s = createSession();
  s.run('docker run -d --name web -p 8080:80 nginx');
  s.run('docker run -d --name local -p 127.0.0.1:9000:80 nginx');
  return s;
}

/** nginx's default index.html, 615 bytes. */
const WELCOME = [
  '<!DOCTYPE html>',
  '<html>',
  '<head>',
  '<title>Welcome to nginx!</title>',
  '<style>',
  'html { color-scheme: light dark; }',
  'body { width: 35em; margin: 0 auto;',
  'font-family: Tahoma, Verdana, Arial, sans-serif; }',
  '</style>',
  '</head>',
  '<body>',
  '<h1>Welcome to nginx!</h1>',
  '<p>If you see this page, the nginx web server is successfully installed and',
  'working. Further configuration is required.</p>',
  '',
  '<p>For online documentation and support please refer to',
  '<a href="http://nginx.org/">nginx.org</a>.<br/>',
  'Commercial support is available at',
  '<a href="http://nginx.com/">nginx.com</a>.</p>',
  '',
  '<p><em>Thank you for using nginx.</em></p>',
  '</body>',
  '</html>',
  '',
].join('\n');

/** nginx's response headers for that page; the Date is the simulated clock when the test asks. */
const WELCOME_HEADERS = [
  'HTTP/1.1 200 OK',
  'Server: nginx/1.27.3',
  'Date: Mon, 03 Mar 2025 09:00:03 GMT',
  'Content-Type: text/html',
  'Content-Length: 615',
  'Last-Modified: Tue, 26 Nov 2024 15:55:00 GMT',
  'Connection: keep-alive',
  'ETag: "6745ef54-267"',
  'Accept-Ranges: bytes',
];

/** What nginx's entrypoint writes on stdout before the first request's access line. */
const ENTRYPOINT = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '',
].join('\n');

/** What -v shows from the request line to the end, for a GET / to `host`. */
const verboseExchange = (host: string, userAgent: string, peer: string) => [
  '> GET / HTTP/1.1',
  `> Host: ${host}`,
  `> User-Agent: ${userAgent}`,
  '> Accept: */*',
  '> ',
  ...WELCOME_HEADERS.map((h) => `< ${h}`),
  '< ',
  `* Connection #0 to host ${peer} left intact`,
  '',
];

describe('curl', () => {
  it('prints the body of a published port', () => {
    const s = twoServers();
    expect(s.run('curl http://localhost:8080')).toEqual({ output: WELCOME, exitCode: 0 });
    expect(s.run('curl -s localhost:8080/')).toEqual({ output: WELCOME, exitCode: 0 });
  });

  it('-i adds the status line and headers, -I asks for them alone (HEAD)', () => {
    const s = twoServers();
    const head = WELCOME_HEADERS.map((h) => `${h}\r\n`).join('') + '\r\n';
    expect(s.run('curl -si localhost:8080')).toEqual({ output: head + WELCOME, exitCode: 0 });
    expect(s.run('curl -I localhost:8080')).toEqual({ output: head, exitCode: 0 });
    // nginx logs the two requests, the HEAD with no body bytes sent.
    expect(s.run('docker logs web 2>/dev/null').output).toBe(
      ENTRYPOINT +
        '172.17.0.1 - - [03/Mar/2025:09:00:03 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n' +
        '172.17.0.1 - - [03/Mar/2025:09:00:03 +0000] "HEAD / HTTP/1.1" 200 0 "-" "curl/8.5.0" "-"\n',
    );
  });

  it('-o writes the body to a file and shows the progress meter; -s hides it', () => {
    const s = twoServers();
    expect(s.run('curl -o page.html localhost:8080')).toEqual({
      output:
        '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n',
      exitCode: 0,
    });
    expect(s.run('cat page.html').output).toBe(WELCOME);
    expect(s.run('curl -s -o quiet.html localhost:8080')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('cat quiet.html').output).toBe(WELCOME);
    expect(s.run('curl -s -o /nope/x.html localhost:8080')).toEqual({ output: '', exitCode: 23 });
  });

  it('-v tells the story: resolution, IPv6 first, the request and the response', () => {
    const s = twoServers();
    expect(s.run('curl -sv localhost:8080 -o /dev/null')).toEqual({
      output: [
        '* Host localhost:8080 was resolved.',
        '* IPv6: ::1',
        '* IPv4: 127.0.0.1',
        '*   Trying [::1]:8080...',
        '* Connected to localhost (::1) port 8080',
        ...verboseExchange('localhost:8080', 'curl/8.5.0', 'localhost'),
      ].join('\n'),
      exitCode: 0,
    });
  });

  it('a port bound to 127.0.0.1 refuses IPv6, and curl falls back to IPv4', () => {
    const s = twoServers();
    expect(s.run('curl -sv localhost:9000 -o /dev/null')).toEqual({
      output: [
        '* Host localhost:9000 was resolved.',
        '* IPv6: ::1',
        '* IPv4: 127.0.0.1',
        '*   Trying [::1]:9000...',
        '* connect to ::1 port 9000 from ::1 port 45678 failed: Connection refused',
        '*   Trying 127.0.0.1:9000...',
        '* Connected to localhost (127.0.0.1) port 9000',
        ...verboseExchange('localhost:9000', 'curl/8.5.0', 'localhost'),
      ].join('\n'),
      exitCode: 0,
    });
  });

  it('nothing listening: exit 7 with curl\'s message, silent with -s, shown again with -sS', () => {
    const s = twoServers();
    const message = "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n";
    expect(s.run('curl localhost:9999')).toEqual({ output: message, exitCode: 7 });
    expect(s.run('curl -s localhost:9999')).toEqual({ output: '', exitCode: 7 });
    expect(s.run('curl -sS localhost:9999')).toEqual({ output: message, exitCode: 7 });
  });

  it('an unknown host is exit 6; a container name only resolves inside its user network', () => {
    const s = twoServers();
    expect(s.run('curl -sS http://web')).toEqual({ output: 'curl: (6) Could not resolve host: web\n', exitCode: 6 });
    s.run('docker network create appnet');
    s.run('docker run -d --name api --network appnet nginx');
    s.run('docker run -d --name client --network appnet nginx');
    expect(s.run('docker exec client curl -s http://api')).toEqual({ output: WELCOME, exitCode: 0 });
    expect(s.run('docker exec web curl -sS http://api')).toEqual({ output: 'curl: (6) Could not resolve host: api\n', exitCode: 6 });
  });

  it('-d posts a form; nginx refuses it for a static page with its own 405', () => {
    const s = twoServers();
    expect(s.run('curl -si -d name=x localhost:8080')).toEqual({
      output:
        'HTTP/1.1 405 Not Allowed\r\nServer: nginx/1.27.3\r\nDate: Mon, 03 Mar 2025 09:00:03 GMT\r\nContent-Type: text/html\r\nContent-Length: 157\r\nConnection: keep-alive\r\n\r\n' +
        '<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n',
      exitCode: 0,
    });
    expect(s.run('curl -s -o /dev/null -w "%{http_code}\\n" -X DELETE localhost:8080')).toEqual({ output: '405\n', exitCode: 0 });
    expect(s.run('curl -sf localhost:8080/missing')).toEqual({ output: '', exitCode: 22 });
  });

  it('refuses what it cannot do with its own words and codes', () => {
    const s = twoServers();
    expect(s.run('curl')).toEqual({ output: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(s.run('curl --foo localhost:8080')).toEqual({ output: "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(s.run('curl -sS ftp://localhost:8080')).toEqual({ output: 'curl: (1) Protocol "ftp" not supported\n', exitCode: 1 });
    expect(s.run('curl -sS https://localhost:8080')).toEqual({ output: 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number\n', exitCode: 35 });
  });

  it('hangs on a paused container until --max-time, then exit 28; answers again once unpaused', () => {
    const s = twoServers();
    s.run('docker pause local');
    const before = s.store.getState().clock.now;
    expect(s.run('curl -sS -m 2 localhost:9000')).toEqual({ output: 'curl: (28) Connection timed out after 2000 milliseconds\n', exitCode: 28 });
    // Two seconds of waiting, plus the 8 ms every curl takes.
    expect(s.store.getState().clock.now - before).toBe(2_008);
    s.run('docker unpause local');
    expect(s.run('curl -s localhost:9000')).toEqual({ output: WELCOME, exitCode: 0 });
  });
});

describe('curl inside a Debian-based container', () => {
  /** Two nginx containers on a user network "app": api (172.18.0.2) and client. */
  function appNetwork() {
    const s = createSession();
    s.run('docker network create app');
    s.run('docker run -d --name api --network app nginx');
    s.run('docker run -d --name client --network app nginx');
    return s;
  }

  it('is Debian 12\'s curl 7.88.1', () => {
    expect(appNetwork().run('docker exec client curl --version')).toEqual({
      output: [
        'curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13',
        'Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u8',
        'Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp',
        'Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd',
        '',
      ].join('\n'),
      exitCode: 0,
    });
  });

  it('has no resolution lines under -v, and its own User-Agent in the access log', () => {
    const s = appNetwork();
    expect(s.run('docker exec client curl -sv -o /dev/null http://api')).toEqual({
      output: ['*   Trying 172.18.0.2:80...', '* Connected to api (172.18.0.2) port 80', ...verboseExchange('api', 'curl/7.88.1', 'api')].join('\n'),
      exitCode: 0,
    });
    expect(s.run('docker logs api 2>/dev/null').output).toBe(ENTRYPOINT + '172.18.0.3 - - [03/Mar/2025:09:00:03 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"\n');
  });
});
