// httpd (Apache HTTP Server) 2.4.62 on Debian bookworm.
//
// Sources
// - Digests, image id, layers, Dockerfile steps: maxmood96/repo-info repos/httpd/tag-details.md,
//   section `httpd:2` (same index as latest / 2.4 / 2.4.62 / bookworm), the 14 Jan 2025 rebuild on the
//   Debian snapshot '@1736726400' (the tag list of that snapshot already names 2.4.63, released
//   23 Jan 2025, but the images are still 2.4.62).
// - `docker history` sizes: the mkdir/WORKDIR (0B), apt (11MB) and COPY (138B) sizes are those of a real
//   `docker history` of the next build of the same Dockerfile (2.4.63); the build layer is an estimate
//   that brings the image to the 147MB a real `docker images` shows for httpd 2.4.62.
// - Logs and responses: real `docker logs` of httpd 2.4.62 containers and `curl --head` output
//   (Server: Apache/2.4.62 (Unix), Last-Modified: Mon, 11 Jun 2007 18:53:14 GMT, ETag "2d-432a5e4a73a80").

import type { CatalogImage } from './types';
import { DEBUERREOTYPE, history, layer, meta, fsStep, run, totalSize } from './helpers';

const T = '2024-07-17T23:31:14Z';

const RUN_BUILD = run(
  "set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\tddist() { \t\tlocal f=\"$1\"; shift; \t\tlocal distFile=\"$1\"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\thttps://dlcdn.apache.org/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O \"$f\" \"$distUrl$distFile\" && [ -s \"$f\" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n \"$success\" ]; \t}; \t\tddist 'httpd.tar.bz2' \"httpd/httpd-$HTTPD_VERSION.tar.bz2\"; \techo \"$HTTPD_SHA256 *httpd.tar.bz2\" | sha256sum -c -; \t\tddist 'httpd.tar.bz2.asc' \"httpd/httpd-$HTTPD_VERSION.tar.bz2.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tfor key in \t\tDE29FB3971E71543FD2DC049508EAEC5302DA568 \t\t13155B0E9E634F42BF6C163FDDBA64BA2C312D2F \t\t8B39757B1D8A994DF2433ED58B3A601F08C975E5 \t\t31EE1A81B8D066548156D37B7D6DBFD1F08E012A \t\tA10208FEC3152DD7C0C9B59B361522D782AB7BD1 \t\t3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 \t\tEB138C6AF0FC691001B16D93344A844D751D7F27 \t\tCBA5A7C21EC143314C41393E5B968010E04F9A89 \t\t3C016F2B764621BB549C66B516A96495E2226795 \t\t937FB3994A242BA9BF49E93021454AF0CC8B0F7E \t\tEAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 \t\t4C1EADADB4EF5007579C919C6635B6C0DE885DD3 \t\t01E475360FCCF1D0F24B9D145D414AE1E005C9CB \t\t92CCEF0AA7DD46AC3A0F498BCA6939748103A37E \t\tD395C7573A68B9796D38C258153FA0CD75A67692 \t\tFA39B617B61493FD283503E7EED1EA392261D073 \t\t984FB3350C1D5C7A3282255BB31B213D208F5064 \t\tFE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 \t\t39F6691A0ECF0C50E8BB849CF78875F642721F00 \t\t29A2BA848177B73878277FA475CAA2A3F39B3750 \t\t120A8667241AEDD4A78B46104C042818311A3DE5 \t\t453510BDA6C5855624E009236D0BC73A40581837 \t\t0DE5C55C6BF3B2352DABB89E13249B4FEC88A0BF \t\t7CDBED100806552182F98844E8E7E00B4DAA1988 \t\tA8BA9617EF3BCCAC3B29B869EDB105896F9522D8 \t\t3E6AC004854F3A7F03566B592FF06894E55B0D0E \t\t5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C \t\tA93D62ECC3C8EA12DB220EC934EA76E6791485A8 \t\t65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA \t\t8935926745E1CE7E3ED748F6EC99EE267EB5F61A \t\tE3480043595621FE56105F112AB12A7ADC55C003 \t\t93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 \t\tC55AB7B9139EB2263CD1AABC19B033D1760C227B \t\t26F51EF9A82F4ACB43F1903ED377C9E7D1944C66 \t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ \"$#\" -gt 0 ]; do \t\t\tlocal patchFile=\"$1\"; shift; \t\t\tlocal patchSha256=\"$1\"; shift; \t\t\tddist \"$patchFile\" \"httpd/patches/apply_to_$HTTPD_VERSION/$patchFile\"; \t\t\techo \"$patchSha256 *$patchFile\" | sha256sum -c -; \t\t\tpatch -p0 < \"$patchFile\"; \t\t\trm -f \"$patchFile\"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \tCFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tCPPFLAGS=\"$(dpkg-buildflags --get CPPFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--prefix=\"$HTTPD_PREFIX\" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS=\"-pipe $CFLAGS\" \t\tCPPFLAGS=\"$CPPFLAGS\" \t\tLDFLAGS=\"-Wl,--as-needed $LDFLAGS\" \t; \tmake -j \"$(nproc)\"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' \t\t-e 's!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g' \t\t-e 's!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g' \t\t\"$HTTPD_PREFIX/conf/httpd.conf\" \t\t\"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf\" \t; \tgrep -E '^\\s*User www-data$' \"$HTTPD_PREFIX/conf/httpd.conf\"; \tgrep -E '^\\s*Group www-data$' \"$HTTPD_PREFIX/conf/httpd.conf\"; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v",
);

const LAYERS = [
  layer('af302e5c37e9dc1dbe2eadc8f5059d82a914066b541b0d1a6daa91d0cc55057d', 28_212_417, 74_800_000),
  layer('1931671199d6303431c53e50082f23f763cdf78934c679250c2b0dbf956ce3b8', 145, 0),
  // The empty layer BuildKit writes for WORKDIR (the same 32-byte blob in every image).
  layer('4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1', 32, 0),
  layer('d8bf18aad5028d8cc85ac216c34372be4b0e0c7916fb8973b415ce59149b3e47', 4_201_248, 11_000_000),
  layer('dd9fd325f2c7bf16219376b015d923a2602a4ac8bd9330fdf1b75830f64bc93c', 26_042_049, 61_300_000),
  layer('7228b499327f71584afe2c0407f6854e2ddb2beae138fb5d1f7c10f35bbb9529', 293, 138),
];

const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

const NOT_FOUND =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n' +
  '<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

const AH00558 =
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {container_ip}. Set the 'ServerName' directive globally to suppress this message";

export const HTTPD: CatalogImage[] = [
  {
    repository: 'httpd',
    tags: ['latest', '2', '2.4', '2.4.62', 'bookworm', '2-bookworm', '2.4-bookworm', '2.4.62-bookworm'],
    digest: 'sha256:4c7788695c832bf415a662dfb5160f1895e65fc65c025e85f436ee2c9e7d7f3e',
    id: 'sha256:f81fca8b7f7458d67b07f14dca30fb827ab36563ab98f40a222a3045d9a56b32',
    created: T,
    sizeBytes: totalSize(LAYERS),
    layers: LAYERS,
    history: history([
      [T, "# debian.sh --arch 'amd64' out/ 'bookworm' '@1736726400'", 74_800_000, false, DEBUERREOTYPE],
      meta(T, 'ENV HTTPD_PREFIX=/usr/local/apache2'),
      meta(T, 'ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
      fsStep(T, run('mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"'), 0),
      fsStep(T, 'WORKDIR /usr/local/apache2', 0),
      fsStep(
        T,
        run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/*'),
        11_000_000,
      ),
      meta(T, 'ENV HTTPD_VERSION=2.4.62'),
      meta(T, 'ENV HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec'),
      meta(T, 'ENV HTTPD_PATCHES='),
      fsStep(T, RUN_BUILD, 61_300_000),
      meta(T, 'STOPSIGNAL SIGWINCH'),
      fsStep(T, 'COPY httpd-foreground /usr/local/bin/ # buildkit', 138),
      meta(T, 'EXPOSE map[80/tcp:{}]'),
      meta(T, 'CMD ["httpd-foreground"]'),
    ]),
    config: {
      cmd: ['httpd-foreground'],
      entrypoint: null,
      env: [
        'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'HTTPD_PREFIX=/usr/local/apache2',
        'HTTPD_VERSION=2.4.62',
        'HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec',
        'HTTPD_PATCHES=',
      ],
      workingDir: '/usr/local/apache2',
      exposedPorts: ['80/tcp'],
      user: '',
      stopSignal: 'SIGWINCH',
      labels: {},
    },
    os: 'linux',
    architecture: 'amd64',
    base: 'debian:bookworm',
    behaviour: {
      kind: 'server',
      protocol: 'http',
      port: 80,
      docroot: '/usr/local/apache2/htdocs',
      // httpd prints AH00558 twice: once while checking the config, once when it starts for real.
      startupLogs: [
        AH00558,
        AH00558,
        '[{apache_time}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
        "[{apache_time}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
      ],
      http: {
        '/': {
          status: 200,
          headers: {
            Date: '{http_date}',
            Server: 'Apache/2.4.62 (Unix)',
            'Last-Modified': 'Mon, 11 Jun 2007 18:53:14 GMT',
            ETag: '"2d-432a5e4a73a80"',
            'Accept-Ranges': 'bytes',
            'Content-Length': String(IT_WORKS.length),
            'Content-Type': 'text/html',
          },
          body: IT_WORKS,
        },
        '*': {
          status: 404,
          headers: {
            Date: '{http_date}',
            Server: 'Apache/2.4.62 (Unix)',
            'Content-Length': String(NOT_FOUND.length),
            'Content-Type': 'text/html; charset=iso-8859-1',
          },
          body: NOT_FOUND,
        },
      },
      // The image's httpd.conf logs with the "common" format to /proc/self/fd/1.
      accessLog: '{remote_addr} - - [{clf_time}] "{method} {path} HTTP/1.1" {status} {bytes}',
      // STOPSIGNAL SIGWINCH: graceful stop.
      shutdownLogs: ['[{apache_time}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully'],
    },
  },
];
