// redis 7.4.2 on Debian bookworm.
//
// Sources
// - Index digest, image id, layers, Dockerfile steps: maxmood96/repo-info repos/redis/remote/latest.md
//   (build of 6 Jan 2025, Debian snapshot '@1734912000').
// - `docker images` (117MB, image 691a00f92e2c, "11 hours ago" on 7 Jan 2025) and every `docker history`
//   size below (COPY 661B, mkdir 0B, build 38.1MB, gosu 4.12MB, apt 5.08kB, groupadd 4.3kB, Debian 74.8MB):
//   a real session of 7 Jan 2025 (Chinese Docker notes, "docker images" / "docker history redis").
// - Start-up lines: real `docker logs` of redis 7.4.2 containers; shutdown lines: real logs of 7.x.

import type { CatalogImage } from './types';
import { DEBUERREOTYPE, DEFAULT_PATH, history, layer, meta, fsStep, run, totalSize } from './helpers';

const T = '2025-01-06T16:14:31Z';

const GOSU_SHA256: [string, string][] = [
  ['amd64', 'bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3'],
  ['arm64', 'c3805a85d17f4454c23d7059bcb97e1ec1af272b90126e79ed002342de08389b'],
  ['armel', 'f9969910fa141140438c998cfa02f603bf213b11afd466dcde8fa940e700945d'],
  ['i386', '087dbb8fe479537e64f9c86fa49ff3b41dee1cbd28739a19aaef83dc8186b1ca'],
  ['mips64el', '87140029d792595e660be0015341dfa1c02d1181459ae40df9f093e471d75b70'],
  ['ppc64el', '1891acdcfa70046818ab6ed3c52b9d42fa10fbb7b340eb429c8c7849691dbd76'],
  ['riscv64', '38a6444b57adce135c42d5a3689f616fc7803ddc7a07ff6f946f2ebc67a26ba6'],
  ['s390x', '69873bab588192f760547ca1f75b27cfcf106e9f7403fee6fd0600bc914979d0'],
  ['armhf', 'e5866286277ff2a2159fb9196fea13e0a59d3f1091ea46ddb985160b94b6841b'],
];

const RUN_GOSU = run(
  "set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tarch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \tcase \"$arch\" in " +
    GOSU_SHA256.map(([a, sha]) => `\t\t'${a}') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-${a}'; sha256='${sha}' ;; `).join('') +
    "\t\t*) echo >&2 \"error: unsupported gosu architecture: '$arch'\"; exit 1 ;; \tesac; \twget -O /usr/local/bin/gosu.asc \"$url.asc\"; \twget -O /usr/local/bin/gosu \"$url\"; \techo \"$sha256 */usr/local/bin/gosu\" | sha256sum -c -; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true",
);

const RUN_BUILD = run(
  "set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\t\t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t; \trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz \"$REDIS_DOWNLOAD_URL\"; \techo \"$REDIS_DOWNLOAD_SHA *redis.tar.gz\" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c; \tsed -ri 's!^( *createBoolConfig[(]\"protected-mode\",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c; \tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *0 *,.*[)],$' /usr/src/redis/src/config.c; \t\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \textraJemallocConfigureFlags=\"--build=$gnuArch\"; \tdpkgArch=\"$(dpkg --print-architecture)\"; \tcase \"${dpkgArch##*-}\" in \t\tamd64 | i386 | x32) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=12\" ;; \t\t*) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=16\" ;; \tesac; \textraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-hugepage=21\"; \tgrep -F 'cd jemalloc && ./configure ' /usr/src/redis/deps/Makefile; \tsed -ri 's!cd jemalloc && ./configure !&'\"$extraJemallocConfigureFlags\"' !' /usr/src/redis/deps/Makefile; \tgrep -F \"cd jemalloc && ./configure $extraJemallocConfigureFlags \" /usr/src/redis/deps/Makefile; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j \"$(nproc)\" all; \tmake -C /usr/src/redis install; \t\tserverMd5=\"$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)\"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5=\"$(md5sum \"$1\" | cut -d\" \" -f1)\"; \t\t\ttest \"$md5\" = \"$serverMd5\"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\trm -r /usr/src/redis; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tredis-cli --version; \tredis-server --version",
);

const LAYERS = [
  layer('fd674058ff8f8cfa7fb8a20c006fc0128541cbbad7f7f7f28df570d08f9e4d92', 28_231_581, 74_800_000),
  layer('e1fbcf8737cd64b28eea895e15db21506919076d98b16c0be2a339f1eacbab2f', 1_101, 4_300),
  layer('11099e00141f0744356aaaf23492b5d515ceb372fc39a0f1719b4a8bfad83199', 873, 5_080),
  layer('847699972819bef3341cb873e631ded6fcc020bf95288a405926f0981cee55db', 1_437_807, 4_120_000),
  layer('66d3cac5d3d8eb92a0ba78bd16a24ee12dfd1a8ce41ad5b12f96533cfc0091d3', 15_332_558, 38_100_000),
  layer('45cb8d36c90063c98edf8d8e4d23fecb6ac49bd6e7586432097b3d9f9d1c9444', 97, 0),
  layer('4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1', 32, 0),
  layer('42bec219b12df82867adce8a1ad0ba289c280320d8d06e4bbb9159b6304dff84', 571, 661),
];

export const REDIS: CatalogImage[] = [
  {
    repository: 'redis',
    tags: ['latest', '7', '7.4', '7.4.2', 'bookworm', '7-bookworm', '7.4-bookworm', '7.4.2-bookworm'],
    digest: 'sha256:cd13b924409d740ea8abe6677a7d1accf696898408d330a3d7c8234fa7545775',
    id: 'sha256:691a00f92e2cc3484c042773ef6fb321b63a6e6899f2aca72246c883c431574f',
    created: T,
    sizeBytes: totalSize(LAYERS),
    layers: LAYERS,
    history: history([
      ['2024-12-23T00:00:00Z', "# debian.sh --arch 'amd64' out/ 'bookworm' '@1734912000'", 74_800_000, false, DEBUERREOTYPE],
      fsStep(T, run('set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis'), 4_300),
      fsStep(T, run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'), 5_080),
      meta(T, 'ENV GOSU_VERSION=1.17'),
      fsStep(T, RUN_GOSU, 4_120_000),
      meta(T, 'ENV REDIS_VERSION=7.4.2'),
      meta(T, 'ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz'),
      meta(T, 'ENV REDIS_DOWNLOAD_SHA=4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f'),
      fsStep(T, RUN_BUILD, 38_100_000),
      fsStep(T, run('mkdir /data && chown redis:redis /data'), 0),
      meta(T, 'VOLUME [/data]'),
      fsStep(T, 'WORKDIR /data', 0),
      fsStep(T, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 661),
      meta(T, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      meta(T, 'EXPOSE map[6379/tcp:{}]'),
      meta(T, 'CMD ["redis-server"]'),
    ]),
    config: {
      cmd: ['redis-server'],
      entrypoint: ['docker-entrypoint.sh'],
      env: [
        DEFAULT_PATH,
        'GOSU_VERSION=1.17',
        'REDIS_VERSION=7.4.2',
        'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz',
        'REDIS_DOWNLOAD_SHA=4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f',
      ],
      workingDir: '/data',
      exposedPorts: ['6379/tcp'],
      user: '',
      labels: {},
      volumes: ['/data'],
    },
    os: 'linux',
    architecture: 'amd64',
    base: 'debian:bookworm',
    behaviour: {
      kind: 'server',
      protocol: 'redis',
      port: 6379,
      startupLogs: [
        "1:C {redis_time} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
        '1:C {redis_time} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C {redis_time} * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:C {redis_time} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        '1:M {redis_time} * monotonic clock: POSIX clock_gettime',
        '1:M {redis_time} * Running mode=standalone, port=6379.',
        '1:M {redis_time} * Server initialized',
        '1:M {redis_time} * Ready to accept connections tcp',
      ],
      // docker stop sends SIGTERM (the image sets no STOPSIGNAL).
      shutdownLogs: [
        '1:signal-handler ({epoch}) Received SIGTERM scheduling shutdown...',
        '1:M {redis_time} * User requested shutdown...',
        '1:M {redis_time} * Saving the final RDB snapshot before exiting.',
        '1:M {redis_time} * DB saved on disk',
        '1:M {redis_time} # Redis is now ready to exit, bye bye...',
      ],
    },
  },
];
