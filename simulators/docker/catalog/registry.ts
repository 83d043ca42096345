// registry 2.8.3 (CNCF Distribution, the `registry` official image) on Alpine 3.18: the 14 Jan 2025
// rebuild on alpine-minirootfs-3.18.11, which `2`, `2.8`, `2.8.3` and `latest` all named until the
// next rebuild of 14 Feb 2025 (registry 3.0.0 took `latest` only in April 2025).
//
// Sources
// - Index digest sha256:319881be..., amd64 manifest sha256:57350583..., image id (config digest)
//   sha256:282bd166..., the five layer digests and compressed sizes, Entrypoint, Cmd and every
//   Dockerfile step: maxmood96/repo-info repos/registry/tag-details.md, the version of mid-January 2025
//   that lists tags 2, 2.8, 2.8.3, 3.0.0-rc.2 and latest, with `registry:latest` pointing at the same
//   index as `registry:2.8.3` (attestations last modified 15 Jan 2025).
// - The same five layers (`f54a5150a760`, `b6afea20d55c`, `c8f4e00e7d3c`, `665375f37302`, `9959184a302f:
//   Pull complete`) in a real `docker compose up` pulling registry:2 on 20 Jan 2025, and image
//   `282bd1664cf1f` listed as docker.io/library/registry:2 by crictl.
// - Created time: BuildKit rewrote every history time to SOURCE_DATE_EPOCH, the 2.8.3 release commit
//   (2023-10-02T18:42:41Z, as in repo-info local/2.8.3.md); real `docker images` listings therefore show
//   registry:2 (earlier 2.8.3 builds) "7 months ago" ... "11 months ago", SIZE 25.4MB.
// - Config: Env is only PATH; VOLUME /var/lib/registry, EXPOSE 5000/tcp (repo-info local/2.8.3.md, remote).
//   WorkingDir "/" is inherited from the BuildKit-built alpine base (not read from this image's config).
// - The two COPY layers are config-example.yml (295 bytes) and docker-entrypoint.sh (155 bytes) of
//   distribution-library-image for 2.8.x (the `case "$1" in *.yaml|*.yml) set -- registry serve "$@"`
//   script and the classic config with `http.headers: X-Content-Type-Options: [nosniff]`, as
//   `docker run --entrypoint cat registry:2 /etc/docker/registry/config.yml` prints it).
// - Start-up lines: real `docker logs` of registry 2.8.3 with the image's default config (a log-parser
//   test fixture of Feb 2024 and a compose session of Mar 2025): logrus text format, keys sorted,
//   each key=value followed by a space, so every line ends in "version=2.8.3 " (the vendored
//   logrus of 2.8 writes that trailing space). "Starting upload purge in" is a random 0-59 minutes per
//   start (rand.Int()%60); 20m0s is one fixed pick. instance.id is a fresh UUID per start in reality.
// - HTTP: distribution 2.8 registry/handlers/app.go (apiBase answers `{}` with Content-Type and
//   Content-Length set; ServeHTTP adds Docker-Distribution-API-Version to every response; the config's
//   headers are added only on dispatched /v2 routes), registry.go (`alive("/")` answers 200 with
//   Cache-Control: no-cache and no body; gorilla CombinedLoggingHandler writes the access log to
//   stdout), the router's StrictSlash(true) (`/v2` is redirected to `/v2/`), and an unknown path falls
//   to mux's NotFound (`404 page not found`). Go's server writes the handler's headers sorted by
//   name, then Date, then Content-Length when the handler did not set it; real `curl -I` output of a
//   self-hosted registry shows that order (Content-Length, Content-Type, Docker-...-Api-Version, ...,
//   X-Content-Type-Options, Date).
// - Access-log line: real registry 2.8.3 logs, e.g.
//   `10.88.0.1 - - [10/Jun/2024:09:22:53 +0000] "GET /v2/ HTTP/1.1" 200 2 "" "docker/20.10.25 ..."`
//   (empty referer printed as "").
//
// Estimates (not published anywhere found): the uncompressed size of each layer. 25.4MB is what
// `docker images` shows for every 2.8.3 build (repo-info measured 25.41 and 25.43 MB for two 2024
// builds); the Alpine 3.18 base is taken as alpine:3.18.8's measured 7.35MB, `apk add ca-certificates`
// as 615kB, the registry binary as the remainder (17.4MB; its gzip is 6.40MB). The COPY sizes are exact.
//
// What it stores and the answers that depend on it (/v2/_catalog, /v2/<name>/tags/list, NAME_UNKNOWN)
// are the engine's: engine/registry-storage.ts and registry-api.ts.
//
// Not modelled here: the logrus "response completed" line (stderr) that follows each 2xx/3xx access-log
// line, the requests a push or pull makes (they write no access-log lines here), /v2/<name>/manifests
// and /blobs answers (a manifest by tag is rewritten to a signed schema 1 for clients that do not ask
// for schema 2).

import type { CatalogImage } from './types';
import { BUILDKIT, DEFAULT_PATH, history, layer, meta, fsStep, run, totalSize } from './helpers';

const T = '2023-10-02T18:42:41Z';

const RUN_REGISTRY = run(
  "set -eux; \tversion='2.8.3'; \tapkArch=\"$(apk --print-arch)\"; \tcase \"$apkArch\" in \t\tx86_64)  arch='amd64';   sha256='b1f750ecbe09f38e2143e22c61a25e3da2afe1510d9522859230b480e642ceff' ;; \t\taarch64) arch='arm64';   sha256='7d2252eeeac97dd60fb9b36bebd15b95d7f947c4c82b8e0824cb55233ece9cd0' ;; \t\tarmhf)   arch='armv6';   sha256='b00606466f976b6757268f1e7691918cbeca4af6fd4093a114b9186744ee8ef0' ;; \t\tarmv7)   arch='armv7';   sha256='d3d7d958a7cc04159d43871261b1ed470ba72531d345fada311068962b967517' ;; \t\tppc64le) arch='ppc64le'; sha256='9003659e5571bee89ee6d686057d02e9c0896d327276f268189922036e1ca84b' ;; \t\ts390x)   arch='s390x';   sha256='2c1347c73f881c320ff707055aecf649a888df39252e8bdc4fdfac7f59a383f1' ;; \t\t*) echo >&2 \"error: unsupported architecture: $apkArch\"; exit 1 ;; \tesac; \twget -O registry.tar.gz \"https://github.com/distribution/distribution/releases/download/v${version}/registry_${version}_linux_${arch}.tar.gz\"; \techo \"$sha256 *registry.tar.gz\" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version",
);

/** /etc/docker/registry/config.yml as the image ships it (distribution-library-image config-example.yml, 2.x). */
export const REGISTRY_CONFIG_YML =
  'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\n' +
  'http:\n  addr: :5000\n  headers:\n    X-Content-Type-Options: [nosniff]\nhealth:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n';

/** /entrypoint.sh (distribution-library-image docker-entrypoint.sh, 2.x): a config file runs `registry serve`, anything else runs as given. */
export const REGISTRY_ENTRYPOINT_SH =
  '#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

const LAYERS = [
  layer('f54a5150a7602eaef3169b83e73d5927b20aef2fcaefcba18b532bd63b328fff', 3_417_974, 7_350_000),
  layer('b6afea20d55c46e60901e594cad0651da46b7437cf42a3c27e52d5bd37320165', 295_665, 615_000),
  layer('c8f4e00e7d3c5ea061e25a18ba6127f79930efbbd3f3deb59c272ca0d6de23c3', 6_403_790, 17_430_000),
  layer('665375f3730237f2109d398104a2072e38166ecf5d8316b1464f8a005146384e', 370, bytes(REGISTRY_CONFIG_YML)),
  layer('9959184a302f6f95d8be97229fb31def6700b1895b1ee92090129b60e6567820', 214, bytes(REGISTRY_ENTRYPOINT_SH)),
];

/** logrus text line as registry 2.8.3 writes it (stderr); note the trailing space old logrus leaves after the last field. */
const logrus = (level: 'info' | 'warning', msg: string): string =>
  `time="{rfc3339_nano}" level=${level} msg="${msg}" go.version=go1.20.8 instance.id=b0ce3192-5aae-4f21-8234-22e785eba745 service=registry version=2.8.3 `;

const STARTUP_LOGS = [
  logrus(
    'warning',
    'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.',
  ),
  logrus('info', 'redis not configured'),
  logrus('info', 'using inmemory blob descriptor cache'),
  logrus('info', 'Starting upload purge in 20m0s'),
  logrus('info', 'listening on [::]:5000'),
];

const API_VERSION = 'registry/2.0';
const NOT_FOUND = '404 page not found\n';
const MOVED = '<a href="/v2/">Moved Permanently</a>.\n\n';

/** Responses by path, headers in the order Go's net/http writes them (handler headers sorted, then Date, then an implied Content-Length). */
const HTTP = {
  // alive("/"): a load-balancer health answer, before the app (no API-version header).
  '/': {
    status: 200,
    headers: { 'Cache-Control': 'no-cache', Date: '{http_date}', 'Content-Length': '0' },
    body: '',
  },
  // gorilla/mux StrictSlash(true): http.Redirect to the slashed path.
  '/v2': {
    status: 301,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Docker-Distribution-Api-Version': API_VERSION,
      Location: '/v2/',
      Date: '{http_date}',
      'Content-Length': String(bytes(MOVED)),
    },
    body: MOVED,
  },
  // apiBase: sets Content-Type and Content-Length itself; nosniff comes from the config's http.headers.
  '/v2/': {
    status: 200,
    headers: {
      'Content-Length': '2',
      'Content-Type': 'application/json; charset=utf-8',
      'Docker-Distribution-Api-Version': API_VERSION,
      'X-Content-Type-Options': 'nosniff',
      Date: '{http_date}',
    },
    body: '{}',
  },
  // mux NotFound -> http.Error (sets text/plain and nosniff itself).
  '*': {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Docker-Distribution-Api-Version': API_VERSION,
      'X-Content-Type-Options': 'nosniff',
      Date: '{http_date}',
      'Content-Length': String(bytes(NOT_FOUND)),
    },
    body: NOT_FOUND,
  },
};

/** gorilla/handlers CombinedLoggingHandler (stdout): the referer is printed as "" when absent. */
const ACCESS_LOG = '{remote_addr} - - [{clf_time}] "{method} {path} HTTP/1.1" {status} {bytes} "" "{user_agent}"';

export const REGISTRY: CatalogImage[] = [
  {
    repository: 'registry',
    tags: ['2', '2.8', '2.8.3', 'latest'],
    digest: 'sha256:319881be2ee9e345d5837d15842a04268de6a139e23be42654fc7664fc6eaf52',
    id: 'sha256:282bd1664cf1fccccf9f225118e31f9352f1f93e4d0ad485c92e74ec6b11ebd1',
    created: T,
    sizeBytes: totalSize(LAYERS),
    layers: LAYERS,
    history: history([
      [T, 'ADD alpine-minirootfs-3.18.11-x86_64.tar.gz / # buildkit', LAYERS[0].sizeBytes, false, BUILDKIT],
      meta(T, 'CMD ["/bin/sh"]'),
      fsStep(T, run('apk add --no-cache ca-certificates'), LAYERS[1].sizeBytes),
      fsStep(T, RUN_REGISTRY, LAYERS[2].sizeBytes),
      fsStep(T, 'COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit', LAYERS[3].sizeBytes),
      meta(T, 'VOLUME [/var/lib/registry]'),
      meta(T, 'EXPOSE map[5000/tcp:{}]'),
      fsStep(T, 'COPY docker-entrypoint.sh /entrypoint.sh # buildkit', LAYERS[4].sizeBytes),
      meta(T, 'ENTRYPOINT ["/entrypoint.sh"]'),
      meta(T, 'CMD ["/etc/docker/registry/config.yml"]'),
    ]),
    config: {
      cmd: ['/etc/docker/registry/config.yml'],
      entrypoint: ['/entrypoint.sh'],
      env: [DEFAULT_PATH],
      workingDir: '/',
      exposedPorts: ['5000/tcp'],
      user: '',
      labels: {},
      volumes: ['/var/lib/registry'],
    },
    os: 'linux',
    architecture: 'amd64',
    base: 'alpine:3.18',
    behaviour: {
      kind: 'server',
      protocol: 'http',
      port: 5000,
      // Go's default SIGTERM handling: the registry ends at once with status 2 (distribution#1314).
      stopExitCode: 2,
      startupLogs: STARTUP_LOGS,
      http: HTTP,
      accessLog: ACCESS_LOG,
    },
  },
];
