// registry, the CNCF Distribution official image, in its two lines:
//
// - registry 2.8.3 on Alpine 3.18: the 14 Jan 2025 rebuild on alpine-minirootfs-3.18.11, which `2`, `2.8`
//   and `2.8.3` name (and `latest` named, until registry 3.0.0 took it in April 2025).
// - registry 3.0.0 on Alpine 3.21: `3`, `3.0`, `3.0.0` and `latest`, as Docker Hub has them since April 2025
//   (the official-images library file now lists `Tags: 3.1.2, 3.1, 3, latest`: `latest` stays on the 3
//   line). This is later than the catalog's point in time (index.ts) and than the session's clock (3 Mar
//   2025): the image's CREATED, 3 Apr 2025, is in the simulated future, and `docker images` says
//   "Less than a second ago" for it, as go-units' HumanDuration says for any negative age.
//
// registry 2.8.3
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


// registry 3.0.0
//
// Sources
// - Index digest sha256:cd92709b..., amd64 manifest sha256:f57ffd2b..., image id sha256:e4e57067..., the
//   five layer digests and compressed sizes, Entrypoint, Cmd and every Dockerfile step:
//   maxmood96/repo-info repos/registry/remote/3.0.0.md and remote/3.md (the same index under both names),
//   the rebuild of 7/8 Dec 2025 on alpine-minirootfs-3.21.5 (the April 2025 first build's digests were
//   not found; every build of 3.0.0 has the same Dockerfile and times). Created, Env (PATH alone: the
//   `ENV OTEL_TRACES_EXPORTER=none` of distribution-library-image#191, July 2025, went to the 3.1 line)
//   and the virtual size 57.70 MB: repo-info local/3.0.md of the same image id.
// - Created time: BuildKit's SOURCE_DATE_EPOCH, the merge of distribution-library-image#186 "Update to
//   v3.0.0" (Thu Apr 3 06:26:51 2025 -0700), which every history line of repo-info carries.
// - The two COPY layers: config-example.yml (475 bytes) and entrypoint.sh (155 bytes) at that commit.
//   The v3 config moved to /etc/distribution/config.yml and changed: `log.level: debug`, a second log field
//   `environment: development`, `storage.delete.enabled`, `storage.tag.concurrencylimit: 5`, a debug server
//   on :5001 with Prometheus metrics, and no `http.headers` (so no X-Content-Type-Options: nosniff on the
//   API's answers, only where Go's http.Error sets it itself).
// - Start-up lines: a real `docker compose` log of registry 3.0.0 with this config (May 2026; its first
//   line, a warning about an unrelated REGISTRY_LOG_OTLP variable of that compose file, left out), checked
//   against distribution v3.0.0's registry/registry.go and handlers/app.go: logrus 1.9.3's text format
//   (keys sorted, no trailing space), `go.version=go1.23.7` (go.mod), the formatter and debug-server lines
//   written through logrus' own logger and so without the context's fields. "Starting upload purge in"
//   comes from a goroutine (its place among the lines varies; here where that log has it) with a random
//   0-59 minutes; 11m0s is that log's pick. instance.id is a fresh UUID per start in reality.
// - HTTP: distribution v3.0.0 registry/handlers/app.go apiBase (`Content-Type: application/json`, no
//   charset any more), ServeHTTP's Docker-Distribution-API-Version, registry.go's alive("/"); the router
//   still redirects `/v2` (StrictSlash) and answers mux's `404 page not found`. The access log is the
//   same gorilla CombinedLoggingHandler line (seen in the same real log).
//
// Estimates: the uncompressed sizes of the Alpine 3.21 base (alpine 3.21.2's measured 7.83MB) and of the
// ca-certificates layer (615kB, as for 2.8.3); the registry binary is the rest of the 57.70 MB (49.3MB;
// its gzip is 14.6MB, a Go 1.23 binary with the OpenTelemetry and Azure/GCS/S3 SDKs).
//
// Not modelled: what the default config logs after start-up. Every request adds a debug "authorizing
// request" and an info "response completed" line (stderr); the storage health check (every 10s) makes
// OpenTelemetry spans that the SDK, with no OTEL_TRACES_EXPORTER set, tries to send to
// https://localhost:4318 every few seconds, so a running registry:3.0.0 logs
// `level=error msg="traces export: Post \"https://localhost:4318/v1/traces\": dial tcp [::1]:4318: connect:
// connection refused"` about every 10 seconds (distribution#4270). Nor the debug server on :5001.

const T3 = '2025-04-03T13:26:51Z';

const RUN_REGISTRY_3 = run(
  "set -eux; \tversion='3.0.0'; \tapkArch=\"$(apk --print-arch)\"; \tcase \"$apkArch\" in \t\tx86_64)  arch='amd64';   sha256='61c9a2c0d5981a78482025b6b69728521fbc78506d68b223d4a2eb825de5ca3d' ;; \t\taarch64) arch='arm64';   sha256='6c2ee1d135626fa42e0d6fb66a0e0f42e22439e5050087d04f4c5ff53655892e' ;; \t\tarmhf)   arch='armv6';   sha256='e038bba14c573628407d9f5dfa6b6f9d782acda62abf52dbf24ab257bbeedfe7' ;; \t\tarmv7)   arch='armv7';   sha256='147d617e604e2e7d11b055484493c6a20731f6ce252d2bc47c716d8c48258719' ;; \t\tppc64le) arch='ppc64le'; sha256='5386e9811790616d5b3c4d5de2f449e6da99f03dd45f33ee3e3464e81a264e6e' ;; \t\ts390x)   arch='s390x';   sha256='c8645e6fcebde5a441e1050c673b3ffa38572f61c1d1b1605d2bf333d3760328' ;; \t\triscv64) arch='riscv64'; sha256='99bfeef7c553bf7b9861435e6b55fa584ecca73704f4a71418e482cc2d9e013d' ;; \t\t*) echo >&2 \"error: unsupported architecture: $apkArch\"; exit 1 ;; \tesac; \twget -O registry.tar.gz \"https://github.com/distribution/distribution/releases/download/v${version}/registry_${version}_linux_${arch}.tar.gz\"; \techo \"$sha256 *registry.tar.gz\" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version",
);

/** /etc/distribution/config.yml as registry 3.0.0's image ships it (distribution-library-image config-example.yml, v3). */
export const REGISTRY_3_CONFIG_YML =
  'version: 0.1\nlog:\n  level: debug\n  fields:\n    service: registry\n    environment: development\nstorage:\n    delete:\n      enabled: true\n' +
  '    cache:\n        blobdescriptor: inmemory\n    filesystem:\n        rootdirectory: /var/lib/registry\n    tag:\n      concurrencylimit: 5\n' +
  'http:\n    addr: :5000\n    debug:\n        addr: :5001\n        prometheus:\n            enabled: true\n            path: /metrics\n' +
  'health:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n';

const REGISTRY_3_SIZE = 57_700_000;
const LAYERS_3_BASE = [
  layer('f637881d1138581d892d9eb942c56e0ccc7758fe3bdc0f1e6cd66059fdfd8185', 3_642_569, 7_830_000),
  layer('ed8e0977a7e013484b72ac343d25aa2950f41fddef5ef33eddeac3cf4b37a953', 291_114, 615_000),
];
const LAYERS_3_COPIES = [
  layer('1a51344b3dd05f78df3b557bb8353fe8aee4a0a54b06dad7562e1bd92426dfef', 396, bytes(REGISTRY_3_CONFIG_YML)),
  layer('658f32c91179308405316b9d10f7691d264a4cf8b76687d11f904eb1b14791f5', 214, bytes(REGISTRY_ENTRYPOINT_SH)),
];
const LAYERS_3 = [
  ...LAYERS_3_BASE,
  layer('9fc4080776f9d455248c23db00695ee455dab15b6ebb7100471823a2f4fbff40', 14_614_004, REGISTRY_3_SIZE - totalSize([...LAYERS_3_BASE, ...LAYERS_3_COPIES])),
  ...LAYERS_3_COPIES,
];

const FIELDS_3 = 'environment=development go.version=go1.23.7 instance.id=4f1d2c7a-8e3b-4a56-9c0d-7b2e91f3a6d4 service=registry version=3.0.0';
/** logrus 1.9.3 text line as registry 3.0.0 writes it (stderr); `fields` false for logrus' own logger. */
const logrus3 = (level: 'debug' | 'info' | 'warning', msg: string, fields = true): string =>
  `time="{rfc3339_nano}" level=${level} msg="${msg}"${fields ? ` ${FIELDS_3}` : ''}`;

const STARTUP_LOGS_3 = [
  logrus3('debug', 'using \\"text\\" logging formatter', false),
  logrus3(
    'warning',
    'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.',
  ),
  logrus3('info', 'redis not configured'),
  logrus3('info', 'using inmemory blob descriptor cache'),
  logrus3('info', 'providing prometheus metrics on /metrics', false),
  logrus3('info', 'listening on [::]:5000'),
  logrus3('info', 'Starting upload purge in 11m0s'),
  logrus3('info', 'debug server listening :5001', false),
];

/** As 2.8.3's, but apiBase says `application/json` and the v3 config adds no nosniff header. */
const HTTP_3 = {
  ...HTTP,
  '/v2/': {
    status: 200,
    headers: { 'Content-Length': '2', 'Content-Type': 'application/json', 'Docker-Distribution-Api-Version': API_VERSION, Date: '{http_date}' },
    body: '{}',
  },
};

/** The registry line each catalog image runs: its API's answers differ a little (engine/registry-api.ts). */
export const DISTRIBUTION_LINE: Readonly<Record<string, 2 | 3>> = {
  'sha256:282bd1664cf1fccccf9f225118e31f9352f1f93e4d0ad485c92e74ec6b11ebd1': 2,
  'sha256:e4e5706768198b632e90feae7e51918ffac8898936ee9c3bbcf036f84c8f5ba1': 3,
};

export const REGISTRY: CatalogImage[] = [
  {
    repository: 'registry',
    tags: ['2', '2.8', '2.8.3'],
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
  {
    repository: 'registry',
    tags: ['3', '3.0', '3.0.0', 'latest'],
    digest: 'sha256:cd92709b4191c5779cd7215ccd695db6c54652e7a62843197e367427efb84d0e',
    id: 'sha256:e4e5706768198b632e90feae7e51918ffac8898936ee9c3bbcf036f84c8f5ba1',
    created: T3,
    sizeBytes: totalSize(LAYERS_3),
    layers: LAYERS_3,
    history: history([
      [T3, 'ADD alpine-minirootfs-3.21.5-x86_64.tar.gz / # buildkit', LAYERS_3[0].sizeBytes, false, BUILDKIT],
      meta(T3, 'CMD ["/bin/sh"]'),
      fsStep(T3, run('apk add --no-cache ca-certificates'), LAYERS_3[1].sizeBytes),
      fsStep(T3, RUN_REGISTRY_3, LAYERS_3[2].sizeBytes),
      fsStep(T3, 'COPY ./config-example.yml /etc/distribution/config.yml # buildkit', LAYERS_3[3].sizeBytes),
      meta(T3, 'VOLUME [/var/lib/registry]'),
      meta(T3, 'EXPOSE map[5000/tcp:{}]'),
      fsStep(T3, 'COPY entrypoint.sh /entrypoint.sh # buildkit', LAYERS_3[4].sizeBytes),
      meta(T3, 'ENTRYPOINT ["/entrypoint.sh"]'),
      meta(T3, 'CMD ["/etc/distribution/config.yml"]'),
    ]),
    config: {
      cmd: ['/etc/distribution/config.yml'],
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
    base: 'alpine:3.21',
    behaviour: {
      kind: 'server',
      protocol: 'http',
      port: 5000,
      // No http.drainTimeout in the config, so no signal handler: Go's default, as for 2.8.3.
      stopExitCode: 2,
      startupLogs: STARTUP_LOGS_3,
      http: HTTP_3,
      accessLog: ACCESS_LOG,
    },
  },
];
