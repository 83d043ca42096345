// nginx: mainline 1.27.3 (Debian bookworm), stable 1.26.2 (Debian bookworm), mainline 1.27.3 on Alpine.
//
// Sources
// - nginx:latest / 1.27.3 — the 14 Jan 2025 rebuild on Debian snapshot '@1736726400':
//   index digest, image id, layer short ids, `docker history` sizes and `docker inspect`
//   (Created, Size = 191717838, Env, ...) from a real session (Chinese Docker notes, Feb 2025,
//   "docker pull nginx" / "docker image history nginx" / "docker inspect nginx");
//   full layer digests and compressed sizes from maxmood96/repo-info repos/nginx/remote/bookworm-perl.md
//   of the same build (the perl variant shares these 7 layers and adds one);
//   Dockerfile steps from maxmood96/repo-info repos/nginx/remote/1.27.md.
// - nginx:1.26 / 1.26.2 — maxmood96/repo-info repos/nginx/remote/1.26.2.md (24 Dec 2024 build, commit 0d53437a);
//   `docker images` shows 188MB for image 29ef6eaebfc5 (real listing, Jan 2025).
// - nginx:alpine / 1.27.3-alpine — maxmood96/repo-info repos/nginx/remote/1.27.3-alpine.md (7 Jan 2025 build,
//   alpine-minirootfs-3.20.4, commit 0d53437a).
// - Start-up / shutdown / access-log lines and the HTTP responses: real `docker logs` and `curl -v`
//   output of nginx 1.27.3 containers (Dec 2024 – Jan 2025); welcome page body = nginx's html/index.html
//   (615 bytes, ETag "6745ef54-267" = mtime 2024-11-26 15:55:00 UTC + length 0x267); 50x.html = nginx's
//   html/50x.html at release-1.26.2 and release-1.27.3 (497 bytes, unchanged since Aug 2021), installed by
//   the same package, so with the same mtime as index.html.

import type { CatalogImage } from './types';
import { DEBUERREOTYPE, DEFAULT_PATH, history, layer, meta, fsStep, run, totalSize, type Step } from './helpers';

const MAINTAINER = 'maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>';

const ENTRYPOINT_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/** nginx's own notice lines. `compiler` keeps nginx's trailing space ("... (Debian 12.2.0-14) "). */
function nginxStartup(version: string, compiler: string, workers: [number, number]): string[] {
  return [
    ...ENTRYPOINT_LOGS,
    '{datetime} [notice] 1#1: using the "epoll" event method',
    `{datetime} [notice] 1#1: nginx/${version}`,
    `{datetime} [notice] 1#1: built by ${compiler} `,
    '{datetime} [notice] 1#1: OS: Linux {kernel}',
    '{datetime} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    '{datetime} [notice] 1#1: start worker processes',
    `{datetime} [notice] 1#1: start worker process ${workers[0]}`,
    `{datetime} [notice] 1#1: start worker process ${workers[1]}`,
  ];
}

/** What `docker stop` (STOPSIGNAL SIGQUIT) makes nginx print; order as in a real 2-worker container log. */
function nginxShutdown([a, b]: [number, number]): string[] {
  return [
    '{datetime} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
    `{datetime} [notice] ${b}#${b}: gracefully shutting down`,
    `{datetime} [notice] ${a}#${a}: gracefully shutting down`,
    `{datetime} [notice] ${a}#${a}: exiting`,
    `{datetime} [notice] ${b}#${b}: exiting`,
    `{datetime} [notice] ${a}#${a}: exit`,
    `{datetime} [notice] ${b}#${b}: exit`,
    `{datetime} [notice] 1#1: signal 17 (SIGCHLD) received from ${b}`,
    `{datetime} [notice] 1#1: worker process ${b} exited with code 0`,
    '{datetime} [notice] 1#1: signal 29 (SIGIO) received',
    `{datetime} [notice] 1#1: signal 17 (SIGCHLD) received from ${a}`,
    `{datetime} [notice] 1#1: worker process ${a} exited with code 0`,
    '{datetime} [notice] 1#1: exit',
  ];
}

/** nginx's default html/index.html (identical in 1.26.x and 1.27.x): 615 bytes. */
export const NGINX_WELCOME_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\n' +
  'body { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n' +
  '<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\n' +
  'working. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n' +
  '<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n' +
  '<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';

/**
 * nginx's html/50x.html (identical in 1.26.x and 1.27.x, 497 bytes): the package installs it beside
 * index.html in /usr/share/nginx/html, and default.conf's error_page serves it for 500-504.
 */
export const NGINX_50X_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n<style>\nhtml { color-scheme: light dark; }\n' +
  'body { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n' +
  '<h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n' +
  '<p>If you are the system administrator of this resource then you should check\nthe error log for details.</p>\n' +
  '<p><em>Faithfully yours, nginx.</em></p>\n</body>\n</html>\n';

/** nginx's built-in 404 page. Browsers sending a Chrome/MSIE User-Agent get 402 extra bytes of padding comments (555 in total); curl gets these 153. */
const notFoundPage = (version: string): string =>
  `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;

/** What nginx answers a POST (or PUT, DELETE) to a static file. */
const notAllowedPage = (version: string): string =>
  `<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;

function nginxHttp(version: string, lastModified: string, etag: string) {
  return {
    '/': {
      status: 200,
      headers: {
        Server: `nginx/${version}`,
        Date: '{http_date}',
        'Content-Type': 'text/html',
        'Content-Length': String(new TextEncoder().encode(NGINX_WELCOME_PAGE).length),
        'Last-Modified': lastModified,
        Connection: 'keep-alive',
        ETag: etag,
        'Accept-Ranges': 'bytes',
      },
      body: NGINX_WELCOME_PAGE,
    },
    '*': {
      status: 404,
      headers: {
        Server: `nginx/${version}`,
        Date: '{http_date}',
        'Content-Type': 'text/html',
        'Content-Length': String(notFoundPage(version).length),
        Connection: 'keep-alive',
      },
      body: notFoundPage(version),
    },
    '405': {
      status: 405,
      headers: {
        Server: `nginx/${version}`,
        Date: '{http_date}',
        'Content-Type': 'text/html',
        'Content-Length': String(notAllowedPage(version).length),
        Connection: 'keep-alive',
      },
      body: notAllowedPage(version),
    },
  };
}

/** log_format combined + "$http_x_forwarded_for", as in the image's /etc/nginx/nginx.conf ("main"). */
const NGINX_ACCESS_LOG = '{remote_addr} - - [{clf_time}] "{method} {path} HTTP/1.1" {status} {bytes} "-" "{user_agent}" "-"';

// ---- the five COPY steps common to every variant (sizes: real docker history of 1.27.3, Jan 2025) ----
const copySteps = (created: string): Step[] => [
  fsStep(created, 'COPY docker-entrypoint.sh / # buildkit', 1_620),
  fsStep(created, 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', 2_120),
  fsStep(created, 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', 389),
  fsStep(created, 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', 3_018),
  fsStep(created, 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', 4_620),
];
const tailSteps = (created: string): Step[] => [
  meta(created, 'ENTRYPOINT ["/docker-entrypoint.sh"]'),
  meta(created, 'EXPOSE map[80/tcp:{}]'),
  meta(created, 'STOPSIGNAL SIGQUIT'),
  meta(created, 'CMD ["nginx" "-g" "daemon off;"]'),
];

// ================================ nginx:1.27.3 (mainline, bookworm) ================================

const T127 = '2024-11-26T18:42:08Z';

const RUN_127 = run(
  "set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS=\"573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3\";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME=\"$(mktemp -d)\";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo \"Fetching GPG key $NGINX_GPGKEY from $server\";         gpg1 --keyserver \"$server\" --keyserver-options timeout=10 --recv-keys \"$NGINX_GPGKEY\" && found=yes && break;     done;     test -z \"$found\" && echo >&2 \"error: failed to fetch GPG key $NGINX_GPGKEY\" && exit 1;     done;     gpg1 --export \"$NGINX_GPGKEYS\" > \"$NGINX_GPGKEY_PATH\" ;     rm -rf \"$GNUPGHOME\";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch=\"$(dpkg --print-architecture)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     \"     && case \"$dpkgArch\" in         amd64|arm64)             echo \"deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx\" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir=\"$(mktemp -d)\"             && chmod 777 \"$tempDir\"                         && savedAptMark=\"$(apt-mark showmanual)\"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd \"$tempDir\"                 && REVISION=\"${NGINX_VERSION}-${PKG_RELEASE}\"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM=\"5617feecfb441cd972b9ac51a2fd78384a3d2bde2f399163be0746d44ec8f7d8c47234af4f6b0012667c3d0446cced521f55f8f71254415e3766c2e3802bf960 *${REVISION}.tar.gz\"                 && if [ \"$(openssl sha512 -r ${REVISION}.tar.gz)\" = \"$PKGOSSCHECKSUM\" ]; then                     echo \"pkg-oss tarball checksum verification succeeded!\";                 else                     echo \"pkg-oss tarball checksum verification failed!\";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt; do                     make rules-$target;                     mk-build-deps --install --tool=\"apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes\"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh \"$tempDir\"             && ( cd \"$tempDir\" && dpkg-scanpackages . > Packages )             && grep '^Package: ' \"$tempDir/Packages\"             && echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n \"$tempDir\" ]; then         apt-get purge -y --auto-remove         && rm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d",
);

// Image Size from `docker inspect`: 191717838. Debian layer 74.8MB and the five COPYs as shown by
// `docker history`; the RUN layer is the remainder (docker history: 117MB).
const L127 = [
  layer('af302e5c37e9dc1dbe2eadc8f5059d82a914066b541b0d1a6daa91d0cc55057d', 28_212_417, 74_800_000),
  layer('207b812743af01771d6c94b3ebc59543bf3c6fefe5d4d9ebfa6e5e5558801d34', 43_842_390, 116_906_071),
  layer('841e383b441eda86c164d8e833da080b951c951d612853cac2fd44eed0d72226', 627, 1_620),
  layer('0256c04a8d84ab5ae434b607055df8fdfe0278dba43f3e603a861dc7e26da395', 957, 2_120),
  layer('38e992d287c563d332ed8c9bdefec32a84f50f94cc39bb4729a3e73cefde88eb', 406, 389),
  layer('9e9aab598f58e86706b73c23e0ff33fc4eb60a5e69424147f9cb7c02e853323b', 1_212, 3_018),
  layer('4de87b37f4ad0b499be3db4cc6831db3d8158867f12dabc0bf42046b56784d3b', 1_400, 4_620),
];

const nginx127: CatalogImage = {
  repository: 'nginx',
  tags: ['latest', 'mainline', '1', '1.27', '1.27.3', 'bookworm', 'mainline-bookworm', '1-bookworm', '1.27-bookworm', '1.27.3-bookworm'],
  digest: 'sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a',
  id: 'sha256:9bea9f2796e236cb18c2b3ad561ff29f655d1001f9ec7247a0bc5e08d25652a1',
  created: T127,
  sizeBytes: 191_717_838,
  layers: L127,
  history: history([
    [T127, "# debian.sh --arch 'amd64' out/ 'bookworm' '@1736726400'", 74_800_000, false, DEBUERREOTYPE],
    meta(T127, `LABEL ${MAINTAINER}`),
    meta(T127, 'ENV NGINX_VERSION=1.27.3'),
    meta(T127, 'ENV NJS_VERSION=0.8.7'),
    meta(T127, 'ENV NJS_RELEASE=1~bookworm'),
    meta(T127, 'ENV PKG_RELEASE=1~bookworm'),
    meta(T127, 'ENV DYNPKG_RELEASE=1~bookworm'),
    fsStep(T127, RUN_127, 116_906_071),
    ...copySteps(T127),
    ...tailSteps(T127),
  ]),
  config: {
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    env: [DEFAULT_PATH, 'NGINX_VERSION=1.27.3', 'NJS_VERSION=0.8.7', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
    workingDir: '',
    exposedPorts: ['80/tcp'],
    user: '',
    stopSignal: 'SIGQUIT',
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: {
    kind: 'server',
    protocol: 'http',
    port: 80,
    docroot: '/usr/share/nginx/html',
    startupLogs: nginxStartup('1.27.3', 'gcc 12.2.0 (Debian 12.2.0-14)', [29, 30]),
    http: nginxHttp('1.27.3', 'Tue, 26 Nov 2024 15:55:00 GMT', '"6745ef54-267"'),
    accessLog: NGINX_ACCESS_LOG,
    shutdownLogs: nginxShutdown([29, 30]),
  },
};

// ================================ nginx:1.26.2 (stable, bookworm) ================================

const T126 = '2024-08-14T21:31:12Z';

const RUN_126 = run(
  "set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS=\"573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3\";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME=\"$(mktemp -d)\";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo \"Fetching GPG key $NGINX_GPGKEY from $server\";         gpg1 --keyserver \"$server\" --keyserver-options timeout=10 --recv-keys \"$NGINX_GPGKEY\" && found=yes && break;     done;     test -z \"$found\" && echo >&2 \"error: failed to fetch GPG key $NGINX_GPGKEY\" && exit 1;     done;     gpg1 --export \"$NGINX_GPGKEYS\" > \"$NGINX_GPGKEY_PATH\" ;     rm -rf \"$GNUPGHOME\";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch=\"$(dpkg --print-architecture)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     \"     && case \"$dpkgArch\" in         amd64|arm64)             echo \"deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/debian/ bookworm nginx\" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             echo \"deb-src [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/debian/ bookworm nginx\" >> /etc/apt/sources.list.d/nginx.list                         && tempDir=\"$(mktemp -d)\"             && chmod 777 \"$tempDir\"                         && savedAptMark=\"$(apt-mark showmanual)\"                         && apt-get update             && apt-get build-dep -y $nginxPackages             && (                 cd \"$tempDir\"                 && DEB_BUILD_OPTIONS=\"nocheck parallel=$(nproc)\"                     apt-get source --compile $nginxPackages             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh \"$tempDir\"             && ( cd \"$tempDir\" && dpkg-scanpackages . > Packages )             && grep '^Package: ' \"$tempDir/Packages\"             && echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n \"$tempDir\" ]; then         apt-get purge -y --auto-remove         && rm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d",
);

// `docker images` shows 188MB for this image (real listing). Debian 74.8MB and the COPYs as for 1.27.3;
// the RUN layer's uncompressed size is the remainder (estimate).
const L126 = [
  layer('fd674058ff8f8cfa7fb8a20c006fc0128541cbbad7f7f7f28df570d08f9e4d92', 28_231_581, 74_800_000),
  layer('7182e7b8bb70d8460a764c18ee3737352c5731163b517ec434cdac61160c7139', 41_875_931, 113_188_228),
  layer('f54ce070d3ce1607001222a1e6a2bc89c5a0b00a91ef78772ad99c331956e909', 629, 1_620),
  layer('d5cc0a5fd30d66a73160e630410bf38ac352353c377704d76fb119b7be79433f', 957, 2_120),
  layer('954f71c94ccf268d30dca4d1e374ba77c9bbd1613fd4e65ac7401a24582592d3', 395, 389),
  layer('2b90f21a19b0aec6d5bdbe4eacd165d70950211bc6eaba32a91e6cba9b56d920', 1_210, 3_018),
  layer('a7f0ecbff4459961a9504dea504fb31e972af4e851bbdf4f19d3e9329756ec2f', 1_399, 4_620),
];

const nginx126: CatalogImage = {
  repository: 'nginx',
  tags: ['stable', '1.26', '1.26.2', 'stable-bookworm', '1.26-bookworm', '1.26.2-bookworm'],
  digest: 'sha256:a68435477958413d090e64ab0598febbc76eeb56bc3225b753d4975ac9651807',
  id: 'sha256:29ef6eaebfc53650f3a4609edbf9d35e866f56b2c5e01d32d93439031b300f0b',
  created: T126,
  sizeBytes: totalSize(L126),
  layers: L126,
  history: history([
    [T126, "# debian.sh --arch 'amd64' out/ 'bookworm' '@1734912000'", 74_800_000, false, DEBUERREOTYPE],
    meta(T126, `LABEL ${MAINTAINER}`),
    meta(T126, 'ENV NGINX_VERSION=1.26.2'),
    meta(T126, 'ENV NJS_VERSION=0.8.5'),
    meta(T126, 'ENV NJS_RELEASE=1~bookworm'),
    meta(T126, 'ENV PKG_RELEASE=1~bookworm'),
    meta(T126, 'ENV DYNPKG_RELEASE=2~bookworm'),
    fsStep(T126, RUN_126, 113_188_228),
    ...copySteps(T126),
    ...tailSteps(T126),
  ]),
  config: {
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    env: [DEFAULT_PATH, 'NGINX_VERSION=1.26.2', 'NJS_VERSION=0.8.5', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=2~bookworm'],
    workingDir: '',
    exposedPorts: ['80/tcp'],
    user: '',
    stopSignal: 'SIGQUIT',
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: {
    kind: 'server',
    protocol: 'http',
    port: 80,
    docroot: '/usr/share/nginx/html',
    startupLogs: nginxStartup('1.26.2', 'gcc 12.2.0 (Debian 12.2.0-14)', [29, 30]),
    // not from a registry: the 1.26.2 package's index.html mtime was not found; this Last-Modified is
    // the day 1.26.2 was packaged (14 Aug 2024) and the ETag is derived from it the way nginx does
    // (hex mtime "-" hex length).
    http: nginxHttp('1.26.2', 'Wed, 14 Aug 2024 17:03:42 GMT', '"66bce36e-267"'),
    accessLog: NGINX_ACCESS_LOG,
    shutdownLogs: nginxShutdown([29, 30]),
  },
};

// ================================ nginx:1.27.3-alpine (alpine 3.20) ================================

const TALP = '2024-11-26T18:42:08Z';

const RUN_ALPINE_1 = run(
  "set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             set -x             && KEY_SHA512=\"e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655\"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo \"$KEY_SHA512 */tmp/nginx_signing.rsa.pub\" | sha512sum -c -; then                 echo \"key verification succeeded!\";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo \"key verification failed!\";                 exit 1;             fi             && apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir=\"$(mktemp -d)\"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 bash                 alpine-sdk                 findutils                 curl             && su nobody -s /bin/sh -c \"                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\\"5617feecfb441cd972b9ac51a2fd78384a3d2bde2f399163be0746d44ec8f7d8c47234af4f6b0012667c3d0446cced521f55f8f71254415e3766c2e3802bf960 *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\\"                 && if [ \\\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\\" = \\\"\\$PKGOSSCHECKSUM\\\" ]; then                     echo \\\"pkg-oss tarball checksum verification succeeded!\\\";                 else                     echo \\\"pkg-oss tarball checksum verification failed!\\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && make base                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 \"             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && apk add -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/         && runDeps=\"$(         scanelf --needed --nobanner /tmp/envsubst             | awk '{ gsub(/,/, \"\\nso:\", $2); print \"so:\" $2 }'             | sort -u             | xargs -r apk info --installed             | sort -u     )\"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d",
);

const RUN_ALPINE_2 = run(
  "set -x     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir=\"$(mktemp -d)\"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 libxslt-dev                 gd-dev                 geoip-dev                 libedit-dev                 bash                 alpine-sdk                 findutils                 curl             && su nobody -s /bin/sh -c \"                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\\"5617feecfb441cd972b9ac51a2fd78384a3d2bde2f399163be0746d44ec8f7d8c47234af4f6b0012667c3d0446cced521f55f8f71254415e3766c2e3802bf960 *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\\"                 && if [ \\\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\\" = \\\"\\$PKGOSSCHECKSUM\\\" ]; then                     echo \\\"pkg-oss tarball checksum verification succeeded!\\\";                 else                     echo \\\"pkg-oss tarball checksum verification failed!\\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && make module-geoip module-image-filter module-njs module-xslt                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 \"             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && apk add -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates",
);

// Uncompressed sizes: estimates (alpine 3.20 base is 7.8MB; the two RUN layers scaled from their
// compressed sizes so the image comes to ~47.9MB, the size usually shown for nginx:1.27-alpine).
const LALP = [
  layer('63b69af3dc5582ce6b63be03623e334ccd4e5cb4bde42702bbfc7a986a1bf432', 3_613_999, 7_800_000),
  layer('3c56389b286f4df29ac171f0189695d3ae405a1b0cddffd13d58e6a64ed26916', 1_778_485, 4_900_000),
  layer('a21eed724f5811c3c8183216bc658494022d75ca9154d47ea8b6d16f84a863cd', 629, 1_620),
  layer('a65ab5a7613f7bde5a94780b0e72ea45bd3ff86428895bb11880a8c8eee0a594', 956, 2_120),
  layer('5fb0e006296da5720f0ec130b0c7f4bd903936bb974cfce43d7f06bc0009d9d2', 405, 389),
  layer('caeee18f68a8c145a475a34939b58d4b51aa4e680c0e9b22970b757e71049e6c', 1_210, 3_018),
  layer('1cbfa66375e7e5b8ccb3f1aee9f920c15f073a53345887add77280cd20d1bf1e', 1_398, 4_620),
  layer('72d194634a0c826f883e3aed21e4e01625f8abd6aa230338aaf6ee57933b9086', 15_092_898, 35_200_000),
];

const nginxAlpine: CatalogImage = {
  repository: 'nginx',
  tags: [
    'alpine', 'mainline-alpine', '1-alpine', '1.27-alpine', '1.27.3-alpine',
    'alpine3.20', 'mainline-alpine3.20', '1-alpine3.20', '1.27-alpine3.20', '1.27.3-alpine3.20',
  ],
  digest: 'sha256:4efa432b751239898e576a2178702fb156fc483f6d456e0ad5899b3bf5c0445a',
  id: 'sha256:750b954b2a6fb5929445bf4d98924ddd9732b4456a89332aa99117d8d02d8e00',
  created: TALP,
  sizeBytes: totalSize(LALP),
  layers: LALP,
  history: history([
    fsStep(TALP, 'ADD alpine-minirootfs-3.20.4-x86_64.tar.gz / # buildkit', 7_800_000),
    meta(TALP, 'CMD ["/bin/sh"]'),
    meta(TALP, `LABEL ${MAINTAINER}`),
    meta(TALP, 'ENV NGINX_VERSION=1.27.3'),
    meta(TALP, 'ENV PKG_RELEASE=1'),
    meta(TALP, 'ENV DYNPKG_RELEASE=1'),
    fsStep(TALP, RUN_ALPINE_1, 4_900_000),
    ...copySteps(TALP),
    ...tailSteps(TALP),
    meta(TALP, 'ENV NJS_VERSION=0.8.7'),
    meta(TALP, 'ENV NJS_RELEASE=1'),
    fsStep(TALP, RUN_ALPINE_2, 35_200_000),
  ]),
  config: {
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    env: [DEFAULT_PATH, 'NGINX_VERSION=1.27.3', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.7', 'NJS_RELEASE=1'],
    workingDir: '',
    exposedPorts: ['80/tcp'],
    user: '',
    stopSignal: 'SIGQUIT',
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'alpine:3.20',
  behaviour: {
    kind: 'server',
    protocol: 'http',
    port: 80,
    docroot: '/usr/share/nginx/html',
    // Real alpine-variant lines: the nginx.org Alpine 3.20 packages are built by gcc 13.2.1, and the
    // first worker of the alpine image is pid 30 (pid 29 in the Debian image).
    startupLogs: nginxStartup('1.27.3', 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)', [30, 31]),
    http: nginxHttp('1.27.3', 'Tue, 26 Nov 2024 15:55:00 GMT', '"6745ef54-267"'),
    accessLog: NGINX_ACCESS_LOG,
    shutdownLogs: nginxShutdown([30, 31]),
  },
};

export const NGINX: CatalogImage[] = [nginx127, nginx126, nginxAlpine];

