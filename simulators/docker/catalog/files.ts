// Files a catalog image carries that learners look at, derived from its data: nginx's pages
// (index.html and 50x.html, with the time their package gave them) and configuration, httpd's page,
// hello-world's program. A built image inherits its base's.
import type { CatalogImage } from './types';
import { NGINX_50X_PAGE } from './nginx';

const isNginx = (image: Pick<CatalogImage, 'repository'>) => image.repository === 'nginx';

const made = new WeakMap<CatalogImage, { files: Record<string, string>; fileTimes: Record<string, number> }>();

export function catalogFiles(image: CatalogImage): { files: Record<string, string>; fileTimes: Record<string, number> } {
  let known = made.get(image);
  if (!known) made.set(image, (known = filesOf(image)));
  return known;
}

function filesOf(image: CatalogImage): { files: Record<string, string>; fileTimes: Record<string, number> } {
  const files: Record<string, string> = {};
  const fileTimes: Record<string, number> = {};
  const behaviour = image.behaviour;
  if (behaviour.kind === 'server' && behaviour.protocol === 'http' && behaviour.http?.['/']) {
    const page = behaviour.http['/'].body;
    if (isNginx(image)) {
      files['/usr/share/nginx/html/50x.html'] = NGINX_50X_PAGE;
      files['/usr/share/nginx/html/index.html'] = page;
      files['/etc/nginx/nginx.conf'] = NGINX_CONF;
      const at = Date.parse(behaviour.http['/'].headers['Last-Modified'] ?? '');
      if (!Number.isNaN(at)) fileTimes['/usr/share/nginx/html/index.html'] = fileTimes['/usr/share/nginx/html/50x.html'] = at;
    } else files['/usr/local/apache2/htdocs/index.html'] = page;
  }
  if (behaviour.kind === 'print') files['/hello'] = '';
  return { files, fileTimes };
}

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`.slice(1);
