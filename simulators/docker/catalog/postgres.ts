// postgres 17.2 and 16.6 on Debian bookworm.
//
// Sources
// - 17.2: maxmood96/repo-info repos/postgres/remote/17-bookworm.md (same index as latest / 17 / 17.2),
//   build of 24 Dec 2024 on Debian snapshot '@1734912000'. `docker images` shows 435MB for image
//   4bc6cc20ca7a as `postgres:latest` in a real listing (Jan 2025), and a container was created from it
//   on 2025-01-15.
// - 16.6: maxmood96/repo-info repos/postgres/remote/16.6.md, same 24 Dec 2024 build wave.
// - Error text when no password is given, and every first-start line: real `docker logs` of the official
//   image (docker-library/postgres docker-entrypoint.sh + initdb output) — the 17.2 run of 2024-12-16 is
//   copied line for line (minus its CREATE DATABASE, which only appears when POSTGRES_DB is set).
// - Uncompressed per-layer sizes are estimates (scaled from compressed sizes, Debian base 74.8MB) that
//   add up to the 435MB shown for 17.2; the 16.6 total (432MB) is an estimate too.

import type { CatalogImage, CatalogLayer } from './types';
import { DEBUERREOTYPE, history, layer, meta, fsStep, run, totalSize, type Step } from './helpers';

const REQUIRED_ENV_ERROR = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

const INITDB = [
  'The files belonging to this database system will be owned by user "postgres".',
  'This user must also own the server process.',
  '',
  'The database cluster will be initialized with locale "en_US.utf8".',
  'The default database encoding has accordingly been set to "UTF8".',
  'The default text search configuration will be set to "english".',
  '',
  'Data page checksums are disabled.',
  '',
  'fixing permissions on existing directory /var/lib/postgresql/data ... ok',
  'creating subdirectories ... ok',
  'selecting dynamic shared memory implementation ... posix',
  'selecting default "max_connections" ... 100',
  'selecting default "shared_buffers" ... 128MB',
  'selecting default time zone ... Etc/UTC',
  'creating configuration files ... ok',
  'running bootstrap script ... ok',
  'performing post-bootstrap initialization ... ok',
  'initdb: warning: enabling "trust" authentication for local connections',
  'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.',
  'syncing data to disk ... ok',
  '',
  '',
  'Success. You can now start the database server using:',
  '',
  '    pg_ctl -D /var/lib/postgresql/data -l logfile start',
  '',
];

/**
 * First start of an empty data directory with POSTGRES_PASSWORD set. `checkpoint` is the statistics
 * part of the init-time shutdown checkpoint line (PostgreSQL 17 adds the lsn fields).
 */
function firstStart(banner: string, checkpoint: string): string[] {
  return [
    ...INITDB,
    `waiting for server to start....{pg_time} [49] LOG:  starting ${banner}`,
    '{pg_time} [49] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
    '{pg_time} [52] LOG:  database system was shut down at {pg_time_s}',
    '{pg_time} [49] LOG:  database system is ready to accept connections',
    ' done',
    'server started',
    '',
    '/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*',
    '',
    'waiting for server to shut down....{pg_time} [49] LOG:  received fast shutdown request',
    '{pg_time} [49] LOG:  aborting any active transactions',
    '{pg_time} [49] LOG:  background worker "logical replication launcher" (PID 55) exited with exit code 1',
    '{pg_time} [50] LOG:  shutting down',
    '{pg_time} [50] LOG:  checkpoint starting: shutdown immediate',
    `{pg_time} [50] LOG:  checkpoint complete: ${checkpoint}`,
    '{pg_time} [49] LOG:  database system is shut down',
    ' done',
    'server stopped',
    '',
    'PostgreSQL init process complete; ready for start up.',
    '',
    `{pg_time} [1] LOG:  starting ${banner}`,
    '{pg_time} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
    '{pg_time} [1] LOG:  listening on IPv6 address "::", port 5432',
    '{pg_time} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
    '{pg_time} [65] LOG:  database system was shut down at {pg_time_s}',
    '{pg_time} [1] LOG:  database system is ready to accept connections',
  ];
}

/**
 * `docker stop` sends SIGINT (STOPSIGNAL SIGINT) = fast shutdown. Lines as PostgreSQL prints them; the
 * pids follow the run above (checkpointer 63), the launcher pid and the checkpoint statistics are
 * adapted from a real 17.2 shutdown (not from a registry: exact numbers vary run to run).
 */
function shutdown(checkpoint: string): string[] {
  return [
    '{pg_time} [1] LOG:  received fast shutdown request',
    '{pg_time} [1] LOG:  aborting any active transactions',
    '{pg_time} [1] LOG:  background worker "logical replication launcher" (PID 68) exited with exit code 1',
    '{pg_time} [63] LOG:  shutting down',
    '{pg_time} [63] LOG:  checkpoint starting: shutdown immediate',
    `{pg_time} [63] LOG:  checkpoint complete: ${checkpoint}`,
    '{pg_time} [1] LOG:  database system is shut down',
  ];
}

const RUN_GROUPADD = run(
  'set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql',
);
const RUN_GNUPG = run('set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*');
const RUN_GOSU = run(
  "set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true",
);
const RUN_LOCALES = run(
  "set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8'",
);
const RUN_NSS = run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*');
const RUN_KEY = run(
  "set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\"",
);
const RUN_INSTALL = run(
  "set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch=\"$(dpkg --print-architecture)\"; \taptRepo=\"[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR\"; \tcase \"$dpkgArch\" in \t\tamd64 | arm64 | ppc64el | s390x) \t\t\techo \"deb $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \t\t*) \t\t\techo \"deb-src $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\t\t\t\tsavedAptMark=\"$(apt-mark showmanual)\"; \t\t\t\t\t\ttempDir=\"$(mktemp -d)\"; \t\t\tcd \"$tempDir\"; \t\t\t\t\t\tapt-get update; \t\t\tapt-get install -y --no-install-recommends dpkg-dev; \t\t\techo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list; \t\t\t_update_repo() { \t\t\t\tdpkg-scanpackages . > Packages; \t\t\t\tapt-get -o Acquire::GzipIndexes=false update; \t\t\t}; \t\t\t_update_repo; \t\t\t\t\t\tnproc=\"$(nproc)\"; \t\t\texport DEB_BUILD_OPTIONS=\"nocheck parallel=$nproc\"; \t\t\tapt-get build-dep -y postgresql-common pgdg-keyring; \t\t\tapt-get source --compile postgresql-common pgdg-keyring; \t\t\t_update_repo; \t\t\tapt-get build-dep -y \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\tapt-get source --compile \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\t\t\t\t\t\t\tapt-mark showmanual | xargs apt-mark auto > /dev/null; \t\t\tapt-mark manual $savedAptMark; \t\t\t\t\t\tls -lAFh; \t\t\t_update_repo; \t\t\tgrep '^Package: ' Packages; \t\t\tcd /; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t\"postgresql-$PG_MAJOR=$PG_VERSION\" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tif [ -n \"$tempDir\" ]; then \t\tapt-get purge -y --auto-remove; \t\trm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list; \tfi; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" &> /dev/null || rm -vf \"$pyc\"; done' -- '{}' +; \t\tpostgres --version",
);
const RUN_DIVERT = run(
  "set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample",
);

/** Uncompressed sizes of the 14 layers, in build order (estimates, see the header). */
function sizes(pgInstall: number): number[] {
  return [74_800_000, 4_400, 9_100_000, 4_150_000, 25_000_000, 3_600_000, 0, 7_700, pgInstall, 30_300, 0, 0, 16_500, 27];
}

function steps(t: string, major: string, pgVersion: string, debianCreated: string, s: number[]): Step[] {
  return [
    [debianCreated, "# debian.sh --arch 'amd64' out/ 'bookworm' '@1734912000'", s[0], false, DEBUERREOTYPE],
    fsStep(t, RUN_GROUPADD, s[1]),
    fsStep(t, RUN_GNUPG, s[2]),
    meta(t, 'ENV GOSU_VERSION=1.17'),
    fsStep(t, RUN_GOSU, s[3]),
    fsStep(t, RUN_LOCALES, s[4]),
    meta(t, 'ENV LANG=en_US.utf8'),
    fsStep(t, RUN_NSS, s[5]),
    fsStep(t, run('mkdir /docker-entrypoint-initdb.d'), s[6]),
    fsStep(t, RUN_KEY, s[7]),
    meta(t, `ENV PG_MAJOR=${major}`),
    meta(t, `ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`),
    meta(t, `ENV PG_VERSION=${pgVersion}`),
    fsStep(t, RUN_INSTALL, s[8]),
    fsStep(t, RUN_DIVERT, s[9]),
    fsStep(t, run('install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql'), s[10]),
    meta(t, 'ENV PGDATA=/var/lib/postgresql/data'),
    fsStep(t, run('install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"'), s[11]),
    meta(t, 'VOLUME [/var/lib/postgresql/data]'),
    fsStep(t, 'COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit', s[12]),
    fsStep(t, run('ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh'), s[13]),
    meta(t, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta(t, 'STOPSIGNAL SIGINT'),
    meta(t, 'EXPOSE map[5432/tcp:{}]'),
    meta(t, 'CMD ["postgres"]'),
  ];
}

function config(major: string, pgVersion: string) {
  return {
    cmd: ['postgres'],
    entrypoint: ['docker-entrypoint.sh'],
    env: [
      `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`,
      'GOSU_VERSION=1.17',
      'LANG=en_US.utf8',
      `PG_MAJOR=${major}`,
      `PG_VERSION=${pgVersion}`,
      'PGDATA=/var/lib/postgresql/data',
    ],
    workingDir: '',
    exposedPorts: ['5432/tcp'],
    user: '',
    stopSignal: 'SIGINT',
    labels: {},
    volumes: ['/var/lib/postgresql/data'],
  };
}

const withSizes = (rows: [string, number][], s: number[]): CatalogLayer[] => rows.map(([d, c], i) => layer(d, c, s[i]));

// ================================ 17.2 ================================

const T17 = '2024-11-21T20:16:44Z';
const S17 = sizes(318_291_073);
const L17 = withSizes(
  [
    ['fd674058ff8f8cfa7fb8a20c006fc0128541cbbad7f7f7f28df570d08f9e4d92', 28_231_581],
    ['1eab12a50bdf84192291158139a8748d7a625980b7a895b5a095136bce68de80', 1_163],
    ['5a81b4aedb94b15e1fbaa61d8201c6c4d6d34e833d955bb50fdb77a1440a999f', 4_533_684],
    ['502eeeb4a17b7e9a72dd32ea70f89e0ef4af4e9aaa0d2f03669634cbe1543fd2', 1_446_702],
    ['e9e19177b31825ede920ecf675be57b91c69392ba4904c7e902f669650580fcb', 8_066_300],
    ['2068838cf5fa11ef4fc3715f112b2519897dce8164fe66b4fe2e89b4e521821b', 1_196_106],
    ['45a271dbb114f2a21cd2d5aa9c034f50e7ca173940b856b01a8f98f2e0652028', 116],
    ['8f9ac4ec849d2f83c49caa06503f369421ee30518ec60296c04f0e9b4ea9287b', 3_142],
    ['9d8b60e88ddb18f5250ee8fe377f6c0f97bba713d4b822fde462f296dcbab523', 110_296_722],
    ['3ec4ef4718040acd815ce32b94174a77f48d9c7c19f71ea696c7b0c6c3741685', 10_234],
    ['16d755b48cd44b8795ad66ecdae6cbb2efee6696639f0645b6fce715e71e4f0d', 128],
    ['3d5d11fb541ce8e9fae51771a49cc0a833325308252bfdf3b903f65c295ed8e6', 169],
    ['d8ab5fe30360ee62888652d53faaccfb049f104fe35b29d863792494c7f81785', 5_416],
    ['d19370fe7a12496273a34abf168b163efebcfa0471bd6c3db97bcad2c44db1f5', 184],
  ],
  S17,
);

const BANNER_17 = 'PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit';

const postgres17: CatalogImage = {
  repository: 'postgres',
  tags: ['latest', '17', '17.2', 'bookworm', '17-bookworm', '17.2-bookworm'],
  digest: 'sha256:888402a8cd6075c5dc83a31f58287f13306c318eaad016661ed12e076f3e6341',
  id: 'sha256:4bc6cc20ca7a7d56c3cefa8dd618dd6a5419827cef9a1133c49f3156b9436471',
  created: T17,
  sizeBytes: totalSize(L17),
  layers: L17,
  history: history(steps(T17, '17', '17.2-1.pgdg120+1', T17, S17)),
  config: config('17', '17.2-1.pgdg120+1'),
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: {
    kind: 'server',
    protocol: 'postgres',
    port: 5432,
    requiredEnv: { anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'], errorLogs: REQUIRED_ENV_ERROR, exitCode: 1 },
    startupLogs: firstStart(
      BANNER_17,
      'wrote 921 buffers (5.6%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.014 s, sync=0.312 s, total=0.342 s; sync files=301, longest=0.004 s, average=0.002 s; distance=4238 kB, estimate=4238 kB; lsn=0/1908978, redo lsn=0/1908978',
    ),
    shutdownLogs: shutdown(
      'wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.003 s, sync=0.002 s, total=0.012 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1908A28, redo lsn=0/1908A28',
    ),
  },
};

// ================================ 16.6 ================================

const T16 = '2024-11-21T20:14:24Z';
const S16 = sizes(315_291_073);
const L16 = withSizes(
  [
    ['fd674058ff8f8cfa7fb8a20c006fc0128541cbbad7f7f7f28df570d08f9e4d92', 28_231_581],
    ['f7d816dd169dafe73cc4ed0819dbdbce6721be5a13ab7025884b2abe5b258464', 1_165],
    ['98f52c870dd2da44401334d51862b98ee6312cc1059c953c8042e01e85e46be4', 4_533_700],
    ['cc0e2cee054b032f29e2bb2104189ea24fcbbfc7a763d7c849a89fd0592c6da8', 1_446_646],
    ['521010718f1eed1d8ba4160899c4145efc420f45ed2f83d3b47a871b44a60112', 8_066_261],
    ['2d3e3d17cb026fe6467fd55debe965667a7e31b2821efd3e4bc157cb0b37c169', 1_196_064],
    ['4a085853c2ae5a171458449f0f1316607046c8685c9558086350a97df61b97d2', 116],
    ['a183ff19c8d96e1fda9578af2f9f282db21dbe4819056158a05f09d5afa2ceec', 3_139],
    ['8625ab4d04575cdf21b1122f41ff095d3d353f12f9f939c18a570798f5bf6027', 109_186_762],
    ['b1bde6863616a4e0660d41aa7fa84b1048479f561c9cbd678a8d5a008f272642', 9_915],
    ['326521d0682c575a0fd48a7fe006a8afa93ffa2d9757f7c8f1fc938f038e1bae', 128],
    ['878fa95b7fbda67b01e7f620538fd033db148120dff865f58d73314ce8e39f42', 167],
    ['d2fea9cfe8a2c34c1d3937b9e4a2418323021022262b9310a18a83f8ac54117c', 5_417],
    ['42757f1de4cc8e6f44a080d427aad6b2bbc9eb82720f78772a86822251a06957', 185],
  ],
  S16,
);

const BANNER_16 = 'PostgreSQL 16.6 (Debian 16.6-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit';

const postgres16: CatalogImage = {
  repository: 'postgres',
  tags: ['16', '16.6', '16-bookworm', '16.6-bookworm'],
  digest: 'sha256:c7afedc5c15994625b5be4cb4736c030271b55be0360b78a99c90ec2fbe658b6',
  id: 'sha256:3a8ac53a09c3ea19bfaa2c038943cbe586db987b37dd9c06aae904dde1d26390',
  created: T16,
  sizeBytes: totalSize(L16),
  layers: L16,
  history: history(steps(T16, '16', '16.6-1.pgdg120+1', T16, S16)),
  config: config('16', '16.6-1.pgdg120+1'),
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: {
    kind: 'server',
    protocol: 'postgres',
    port: 5432,
    requiredEnv: { anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'], errorLogs: REQUIRED_ENV_ERROR, exitCode: 1 },
    // Same entrypoint and initdb output as 17; PostgreSQL 16's checkpoint line has no lsn fields.
    // not from a registry: the checkpoint statistics are those of the 17.2 run above.
    startupLogs: firstStart(
      BANNER_16,
      'wrote 921 buffers (5.6%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.014 s, sync=0.312 s, total=0.342 s; sync files=301, longest=0.004 s, average=0.002 s; distance=4238 kB, estimate=4238 kB',
    ),
    shutdownLogs: shutdown(
      'wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.003 s, sync=0.002 s, total=0.012 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB',
    ),
  },
};

export const POSTGRES: CatalogImage[] = [postgres17, postgres16];
