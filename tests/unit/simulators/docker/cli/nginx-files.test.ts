// The nginx images ship two pages in /usr/share/nginx/html, both from the nginx package and with
// its modification time: index.html (615 bytes) and 50x.html (497 bytes, nginx's html/50x.html),
// which default.conf's error_page uses and which any client can fetch.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { NGINX_50X_PAGE } from '../../../../../simulators/docker/catalog/nginx';

const headers = (version: string, length: number, lastModified: string, etag: string) =>
  `HTTP/1.1 200 OK\r\nServer: nginx/${version}\r\nDate: -\r\nContent-Type: text/html\r\nContent-Length: ${length}\r\nLast-Modified: ${lastModified}\r\nConnection: keep-alive\r\nETag: "${etag}"\r\nAccept-Ranges: bytes\r\n\r\n`;

const curl = (s: ReturnType<typeof createSession>, args: string) => s.run(`curl -s ${args}`).output.replace(/^Date: .*\r\n/m, 'Date: -\r\n');

describe('nginx’s document root', () => {
  it('lists 50x.html and index.html, with the package’s sizes and time', () => {
    const s = createSession();
    s.run('docker run -d --name web -p 8080:80 nginx');
    expect(s.run('docker exec web ls /usr/share/nginx/html')).toEqual({ output: '50x.html\nindex.html\n', exitCode: 0 });
    expect(s.run('docker exec web ls -l /usr/share/nginx/html')).toEqual({
      output: 'total 8\n-rw-r--r-- 1 root root 497 Nov 26 15:55 50x.html\n-rw-r--r-- 1 root root 615 Nov 26 15:55 index.html\n',
      exitCode: 0,
    });
    expect(s.run('docker exec web cat /usr/share/nginx/html/50x.html').output).toBe(NGINX_50X_PAGE);
  });

  it('serves the real 50x page, with the Last-Modified and ETag nginx gives it', () => {
    const s = createSession();
    s.run('docker run -d --name web -p 8080:80 nginx');
    s.run('docker run -d --name old -p 8081:80 nginx:1.26');
    expect(NGINX_50X_PAGE.length).toBe(497);
    expect(curl(s, '-i localhost:8080/50x.html')).toBe(headers('1.27.3', 497, 'Tue, 26 Nov 2024 15:55:00 GMT', '6745ef54-1f1') + NGINX_50X_PAGE);
    expect(curl(s, '-I localhost:8081/50x.html')).toBe(headers('1.26.2', 497, 'Wed, 14 Aug 2024 17:03:42 GMT', '66bce36e-1f1'));
    // The welcome page keeps its own answer.
    expect(curl(s, '-I localhost:8080/')).toBe(headers('1.27.3', 615, 'Tue, 26 Nov 2024 15:55:00 GMT', '6745ef54-267'));
    expect(s.run('docker logs web 2>/dev/null | grep --color=never HTTP').output).toBe(
      '172.17.0.1 - - [03/Mar/2025:09:00:06 +0000] "GET /50x.html HTTP/1.1" 200 497 "-" "curl/8.5.0" "-"\n172.17.0.1 - - [03/Mar/2025:09:00:06 +0000] "HEAD / HTTP/1.1" 200 0 "-" "curl/8.5.0" "-"\n',
    );
  });

  it('has them in the Alpine variant too', () => {
    const s = createSession();
    s.run('docker run -d --name web nginx:alpine');
    expect(s.run('docker exec web ls /usr/share/nginx/html')).toEqual({ output: '50x.html\nindex.html\n', exitCode: 0 });
  });
});
