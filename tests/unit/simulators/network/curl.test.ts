// curl against the simulated network: published ports on localhost, containers by name on a user
// network, and curl's own errors and exit codes (checked against curl 8.5 as Ubuntu 24.04 ships it).
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../simulators';

let s: Session;
beforeAll(() => {
  s = createSession();
  s.run('docker run -d --name web -p 8080:80 nginx');
  s.run('docker run -d --name local -p 127.0.0.1:9000:80 nginx');
});

describe('curl', () => {
  it('prints the body of a published port', () => {
    const r = s.run('curl http://localhost:8080');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!<\/title>/);
    expect(s.run('curl -s localhost:8080/').output).toBe(r.output);
  });

  it('-i adds the status line and headers, -I asks for them alone (HEAD)', () => {
    const i = s.run('curl -si localhost:8080').output;
    expect(i).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\nDate: .+ GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\n/);
    expect(i).toContain('\r\n\r\n<!DOCTYPE html>');
    const head = s.run('curl -I localhost:8080').output;
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Accept-Ranges: bytes\r\n\r\n$/);
    expect(s.run('docker logs web 2>/dev/null | tail -1').output).toMatch(/^172\.17\.0\.1 - - \[.+\] "HEAD \/ HTTP\/1\.1" 200 0 "-" "curl\/8\.5\.0" "-"\n$/);
  });

  it('-o writes the body to a file and shows the progress meter; -s hides it', () => {
    const r = s.run('curl -o page.html localhost:8080');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n/);
    expect(s.run('wc -c < page.html').output).toBe('615\n');
    expect(s.run('curl -s -o quiet.html localhost:8080').output).toBe('');
    expect(s.run('curl -s -o /nope/x.html localhost:8080')).toEqual({ output: '', exitCode: 23 });
  });

  it('-v tells the story: resolution, IPv6 first, the request and the response', () => {
    const out = s.run('curl -sv localhost:8080 -o /dev/null').output;
    expect(out.split('\n').slice(0, 10)).toEqual([
      '* Host localhost:8080 was resolved.',
      '* IPv6: ::1',
      '* IPv4: 127.0.0.1',
      '*   Trying [::1]:8080...',
      '* Connected to localhost (::1) port 8080',
      '> GET / HTTP/1.1',
      '> Host: localhost:8080',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '> ',
    ]);
    expect(out).toContain('< HTTP/1.1 200 OK\n');
    expect(out.endsWith('* Connection #0 to host localhost left intact\n')).toBe(true);
  });

  it('a port bound to 127.0.0.1 refuses IPv6, and curl falls back to IPv4', () => {
    const out = s.run('curl -sv localhost:9000 -o /dev/null').output;
    expect(out).toContain('*   Trying [::1]:9000...\n* connect to ::1 port 9000 from ::1 port 45678 failed: Connection refused\n*   Trying 127.0.0.1:9000...\n* Connected to localhost (127.0.0.1) port 9000\n');
  });

  it('nothing listening: exit 7 with curl\'s message, silent with -s, shown again with -sS', () => {
    const message = "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n";
    expect(s.run('curl localhost:9999')).toEqual({ output: message, exitCode: 7 });
    expect(s.run('curl -s localhost:9999')).toEqual({ output: '', exitCode: 7 });
    expect(s.run('curl -sS localhost:9999')).toEqual({ output: message, exitCode: 7 });
  });

  it('an unknown host is exit 6; a container name only resolves inside its user network', () => {
    expect(s.run('curl -sS http://web')).toEqual({ output: 'curl: (6) Could not resolve host: web\n', exitCode: 6 });
    s.run('docker network create appnet');
    s.run('docker run -d --name api --network appnet nginx');
    s.run('docker run -d --name client --network appnet nginx');
    const r = s.run('docker exec client curl -s http://api');
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('<title>Welcome to nginx!</title>');
    expect(s.run('docker exec web curl -sS http://api')).toEqual({ output: 'curl: (6) Could not resolve host: api\n', exitCode: 6 });
  });

  it('-d posts a form; nginx refuses it for a static page with its own 405', () => {
    const r = s.run('curl -si -d name=x localhost:8080');
    expect(r.output).toMatch(/^HTTP\/1\.1 405 Not Allowed\r\n/);
    expect(r.output).toContain('<center><h1>405 Not Allowed</h1></center>');
    expect(s.run('curl -s -o /dev/null -w "%{http_code}\\n" -X DELETE localhost:8080').output).toBe('405\n');
    expect(s.run('curl -sf localhost:8080/missing')).toEqual({ output: '', exitCode: 22 });
  });

  it('refuses what it cannot do with its own words and codes', () => {
    expect(s.run('curl')).toEqual({ output: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(s.run('curl --foo localhost:8080')).toEqual({ output: "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(s.run('curl -sS ftp://localhost:8080').exitCode).toBe(1);
    expect(s.run('curl -sS https://localhost:8080').exitCode).toBe(35);
  });

  it('hangs on a paused container until --max-time, then exit 28', () => {
    s.run('docker pause local');
    expect(s.run('curl -sS -m 2 localhost:9000')).toEqual({ output: 'curl: (28) Connection timed out after 2000 milliseconds\n', exitCode: 28 });
    s.run('docker unpause local');
  });
});

describe('curl inside a Debian-based container', () => {
  it('is Debian 12\'s curl 7.88.1: its version, its User-Agent in the access log, no resolution lines under -v', () => {
    const c = createSession();
    c.run('docker network create app');
    c.run('docker run -d --name api --network app nginx');
    c.run('docker run -d --name client --network app nginx');
    expect(c.run('docker exec client curl --version').output.split('\n')[0]).toMatch(/^curl 7\.88\.1 \(x86_64-pc-linux-gnu\) libcurl\/7\.88\.1 /);
    const verbose = c.run('docker exec client curl -sv -o /dev/null http://api').output;
    expect(verbose.split('\n').slice(0, 2)).toEqual(['*   Trying 172.18.0.2:80...', '* Connected to api (172.18.0.2) port 80']);
    expect(verbose).toContain('> User-Agent: curl/7.88.1\n');
    expect(c.run('docker logs api 2>/dev/null | tail -1').output).toMatch(/"GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1" "-"\n$/);
  });
});
