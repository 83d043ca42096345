// node 22.12.0 (LTS "Jod") on Debian bookworm and on Alpine.
//
// Sources
// - node:22 / 22.12.0: maxmood96/repo-info repos/node/remote/22.12.0.md (commit 04b65747), amd64 image of
//   the 24/25 Dec 2024 rebuild on Debian snapshot '@1734912000' (its first four layers are the
//   buildpack-deps:bookworm layers shared with python, see helpers.ts).
// - node:22-alpine / 22.12.0-alpine: maxmood96/repo-info repos/node/remote/22.12.0-alpine.md (commit
//   1b4fbaf9), the 4 Dec 2024 build on alpine-minirootfs-3.20.3.
// - REPL banner: real output of `node` 22.12.0 ("Welcome to Node.js v22.12.0." / 'Type ".help" for more information.').
// - node:23 / 23.6.0 / current / latest: maxmood96/repo-info repos/node/remote/23.6.0.md (commit 00304a48),
//   index sha256:e6959489... (a Dockerfile of the time pins `node:latest@sha256:e6959489...`), the amd64
//   image of the 14 Jan 2025 rebuild on Debian snapshot '@1736726400' (so its four buildpack-deps layers
//   are that rebuild's, not the ones node:22 and python share). Tags as docker-library/official-images
//   library/node listed them on 8 Jan 2025: `23, 23-bookworm, 23.6, 23.6-bookworm, 23.6.0,
//   23.6.0-bookworm, bookworm, current, current-bookworm, latest`: in January 2025 `latest` was the
//   23.x "current" line, not the 22 LTS.
// - Uncompressed per-layer sizes are estimates (see helpers.ts): node:22 comes to ~1.13GB, node:23 to
//   ~1.14GB (its Node.js layer scaled from node:22's by the compressed sizes), node:22-alpine to ~157MB.

import type { CatalogImage } from './types';
import { BUILDPACK_DEPS_LAYERS, BUILDPACK_DEPS_STEPS, DEFAULT_PATH, history, layer, meta, fsStep, run, totalSize, type Step } from './helpers';

const T = '2024-12-03T22:23:01Z';
const NODE_KEYS = [
  'C0D6248439F1D5604AAFFB4021D900FFDB233756',
  'DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7',
  'CC68F5A3106FF448322E48ED27F5E38D5B0A215F',
  '8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600',
  '890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4',
  'C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C',
  '108F52B48DB57BB0CC439B2997B01419BD92F80A',
  'A363A499291CBBC940DD62E41F10027AF002F8B0',
];

const RUN_NODE_DEBIAN = run(
  "ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo \"unsupported architecture\"; exit 1 ;;   esac   && export GNUPGHOME=\"$(mktemp -d)\"   && set -ex   && for key in     " +
    NODE_KEYS.join('     ') +
    "   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && grep \" node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version",
);

const RUN_YARN_DEBIAN = run(
  "set -ex   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/*",
);

const RUN_NODE_ALPINE = run(
  "addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in         x86_64) ARCH='x64' CHECKSUM=\"43532120bad06cdea17c2ffba81ebfcff4611532a3569ef996faa39aadcbc759\" OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n \"${CHECKSUM}\" ]; then     set -eu;     curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\";     echo \"$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" | sha256sum -c -       && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo \"Building from source\"     && apk add --no-cache --virtual .build-deps-full         binutils-gold         g++         gcc         gnupg         libgcc         linux-headers         make         python3         py-setuptools     && export GNUPGHOME=\"$(mktemp -d)\"     && for key in       " +
    NODE_KEYS.join('       ') +
    "     ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;     done     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION.tar.xz\"     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && gpgconf --kill all     && rm -rf \"$GNUPGHOME\"     && grep \" node-v$NODE_VERSION.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -     && tar -xf \"node-v$NODE_VERSION.tar.xz\"     && cd \"node-v$NODE_VERSION\"     && ./configure     && make -j$(getconf _NPROCESSORS_ONLN) V=     && make install     && apk del .build-deps-full     && cd ..     && rm -Rf \"node-v$NODE_VERSION\"     && rm \"node-v$NODE_VERSION.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt;   fi   && rm -f \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name \"$OPENSSL_ARCH\" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version",
);

const RUN_YARN_ALPINE = run(
  "apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/*",
);

const BANNER = 'Welcome to Node.js v22.12.0.\nType ".help" for more information.';

// ================================ node:22 (bookworm) ================================

const L22 = [
  ...BUILDPACK_DEPS_LAYERS,
  layer('80a699d6cfa9fe9d481389590e57aba34b06944b13af552f6d4d01b208dbbb85', 3_323, 8_700),
  layer('62b42fb4fe90bf4449d30223dd0df85292db61fb1bfa77731a2c2b7d580dbf6c', 55_442_815, 190_500_000),
  layer('3106d3fcee82378716202b89eab7a41468c4db9051d1393509ed1e9e79a7c033', 1_250_674, 5_330_000),
  layer('016f59ac991775323f6469dabfeb45c082ba33314fb155097f283df95c15f75a', 445, 388),
];

const node22: CatalogImage = {
  repository: 'node',
  tags: ['22', '22.12', '22.12.0', 'lts', 'jod', '22-bookworm', '22.12-bookworm', '22.12.0-bookworm', 'lts-bookworm', 'jod-bookworm'],
  digest: 'sha256:7bea049c66b5846c4ce2786b1b4e32865ef11b10fa446c1bfd791daea412c299',
  id: 'sha256:344dbe71e1c47a59db0e94bebdcc94ef3a7bc8bd828393c820168993539048da',
  created: T,
  sizeBytes: totalSize(L22),
  layers: L22,
  history: history([
    ...BUILDPACK_DEPS_STEPS,
    fsStep(T, run('groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'), 8_700),
    meta(T, 'ENV NODE_VERSION=22.12.0'),
    fsStep(T, RUN_NODE_DEBIAN, 190_500_000),
    meta(T, 'ENV YARN_VERSION=1.22.22'),
    fsStep(T, RUN_YARN_DEBIAN, 5_330_000),
    fsStep(T, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 388),
    meta(T, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta(T, 'CMD ["node"]'),
  ]),
  config: {
    cmd: ['node'],
    entrypoint: ['docker-entrypoint.sh'],
    env: [DEFAULT_PATH, 'NODE_VERSION=22.12.0', 'YARN_VERSION=1.22.22'],
    workingDir: '',
    exposedPorts: [],
    user: '',
    labels: {},
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: { kind: 'interpreter', language: 'node', version: '22.12.0', replBanner: BANNER },
};

// ================================ node:23 = latest (bookworm) ================================

const T23 = '2025-01-07T23:47:58Z';

/** buildpack-deps:bookworm as rebuilt on 13 Jan 2025: the same steps on a newer Debian snapshot. */
const BUILDPACK_DEPS_STEPS_JAN14: Step[] = BUILDPACK_DEPS_STEPS.map((step, i) => (i === 0 ? [step[0], step[1].replace("'@1734912000'", "'@1736726400'"), step[2], step[3], step[4]] : step));

const L23 = [
  // The four buildpack-deps layers: uncompressed sizes as node:22's (the same packages).
  layer('fd0410a2d1aece5360035b61b0a60d8d6ce56badb9d30a5c86113b3ec724f72a', 48_479_962, BUILDPACK_DEPS_LAYERS[0].sizeBytes),
  layer('bf571be90f05e10949e4ae13071c81d3182077d926e3f84169a12e0ce2aec209', 24_058_643, BUILDPACK_DEPS_LAYERS[1].sizeBytes),
  layer('684a51896c8291a1769034cf6e10971c82a82c43b6b4588d1c71d215953eaa61', 64_398_680, BUILDPACK_DEPS_LAYERS[2].sizeBytes),
  layer('fbf93b646d6b4d6612a25d50599f4d8e3c7785f83c6ba085219f9d4d334e8aa3', 211_326_155, BUILDPACK_DEPS_LAYERS[3].sizeBytes),
  layer('fd9e002638ae4ffe33d575002cf3cb03ebcab2b597a2098ef3337ee157bf4a9d', 3_321, 8_700),
  layer('17ec0a6c6f46ca8c2d25e451c6d28490ea5d0daec4d59881917c6624259cb5bc', 57_197_843, 196_500_000),
  layer('603a15da1c9bc3bf47562b7c49643075cd91361055ebd5f298488d8e91028e12', 1_250_729, 5_330_000),
  layer('002ca3c6524324a282bf9b3a38d0e4c1e23b1e75ef03d4b95d0332eaf672a15f', 447, 388),
];

const node23: CatalogImage = {
  repository: 'node',
  tags: ['23', '23-bookworm', '23.6', '23.6-bookworm', '23.6.0', '23.6.0-bookworm', 'bookworm', 'current', 'current-bookworm', 'latest'],
  digest: 'sha256:e6959489e7af6d1338f71cdd046ca4c9b35fdf723cf20e054f9114875e29ef40',
  id: 'sha256:38f9e6f7d42642d279bc50c9981aa9e462d7c45bc6d9a18c533dbbb7bb2840c4',
  created: T23,
  sizeBytes: totalSize(L23),
  layers: L23,
  history: history([
    ...BUILDPACK_DEPS_STEPS_JAN14,
    fsStep(T23, run('groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'), 8_700),
    meta(T23, 'ENV NODE_VERSION=23.6.0'),
    fsStep(T23, RUN_NODE_DEBIAN, 196_500_000),
    meta(T23, 'ENV YARN_VERSION=1.22.22'),
    fsStep(T23, RUN_YARN_DEBIAN, 5_330_000),
    fsStep(T23, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 388),
    meta(T23, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta(T23, 'CMD ["node"]'),
  ]),
  config: {
    cmd: ['node'],
    entrypoint: ['docker-entrypoint.sh'],
    env: [DEFAULT_PATH, 'NODE_VERSION=23.6.0', 'YARN_VERSION=1.22.22'],
    workingDir: '',
    exposedPorts: [],
    user: '',
    labels: {},
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: { kind: 'interpreter', language: 'node', version: '23.6.0', replBanner: 'Welcome to Node.js v23.6.0.\nType ".help" for more information.' },
};

// ================================ node:22-alpine (alpine 3.20) ================================

const TALP = '2024-09-06T12:05:36Z';
const LALP = [
  layer('da9db072f522755cbeb85be2b3f84059b70571b229512f1571d9217b77e1087f', 3_623_904, 7_800_000),
  layer('03d2f4babaacfbedb6cbaad1d3ae85449bc0f2fae288b07d6c00275cbf6ea0a5', 50_087_745, 144_000_000),
  layer('a1c7bd30f9abb6cf1b18fc28ae19deef7535a8fd7cb2d1b2fb2ec705e8d3acc6', 1_386_275, 5_400_000),
  layer('c3f44fc696cb6336137a981e33000177399936c2e1c69d2d9425e282a7e5a37d', 444, 388),
];

const node22alpine: CatalogImage = {
  repository: 'node',
  tags: [
    '22-alpine', '22.12-alpine', '22.12.0-alpine', 'lts-alpine', 'jod-alpine',
    '22-alpine3.20', '22.12-alpine3.20', '22.12.0-alpine3.20', 'lts-alpine3.20', 'jod-alpine3.20',
  ],
  digest: 'sha256:96cc8323e25c8cc6ddcb8b965e135cfd57846e8003ec0d7bcec16c5fd5f6d39f',
  id: 'sha256:70677f1b16340f53d3caba432dd36e58e30d73de1c430873eb6196dec5cb1997',
  created: T,
  sizeBytes: totalSize(LALP),
  layers: LALP,
  history: history([
    fsStep(TALP, 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit', 7_800_000),
    meta(TALP, 'CMD ["/bin/sh"]'),
    meta(T, 'ENV NODE_VERSION=22.12.0'),
    fsStep(T, RUN_NODE_ALPINE, 144_000_000),
    meta(T, 'ENV YARN_VERSION=1.22.22'),
    fsStep(T, RUN_YARN_ALPINE, 5_400_000),
    fsStep(T, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 388),
    meta(T, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta(T, 'CMD ["node"]'),
  ]),
  config: {
    cmd: ['node'],
    entrypoint: ['docker-entrypoint.sh'],
    env: [DEFAULT_PATH, 'NODE_VERSION=22.12.0', 'YARN_VERSION=1.22.22'],
    workingDir: '',
    exposedPorts: [],
    user: '',
    labels: {},
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'alpine:3.20',
  behaviour: { kind: 'interpreter', language: 'node', version: '22.12.0', replBanner: BANNER },
};

export const NODE: CatalogImage[] = [node22, node23, node22alpine];
