// python 3.13.1 (latest), 3.12.8 and 3.12.8-slim on Debian bookworm.
//
// Sources
// - maxmood96/repo-info repos/python/remote/3.13.1.md, 3.12.8.md and 3.12.8-slim.md (commit 03a85756):
//   the 24 Dec 2024 builds on Debian snapshot '@1734912000' (the manifest lists also carry two Windows
//   images for 3.13.1 / 3.12.8; only linux/amd64 is kept here).
// - `docker images` shows 1.02GB for python:3.12 image acda8b87a53f (real listing, early 2025).
// - The REPL banner format is CPython's; the build date/time inside it is compiled into each image and
//   differs per build. Real banners of other builds of these tags exist ("Python 3.12.8 (main, Jan 14 2025,
//   05:32:36) [GCC 12.2.0] on linux" for the 14 Jan rebuild, "Python 3.13.1 (main, Dec  4 2024, 20:40:27)
//   [GCC 12.2.0] on linux" for the 4 Dec build); for the 24 Dec builds kept here the time is estimated
//   from the layers' push times (marked below).
// - Uncompressed per-layer sizes: estimates (see helpers.ts) adding up to the 1.02GB shown for python:3.12.

import type { CatalogImage } from './types';
import { BUILDPACK_DEPS_LAYERS, BUILDPACK_DEPS_STEPS, DEBUERREOTYPE, history, layer, meta, fsStep, run, totalSize } from './helpers';

const PYTHON_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const GPG_KEY = 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305';

const RUN_EXTRA_DEPS = run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*');

/** The full (buildpack-deps based) image's compile step; identical text for 3.12 and 3.13. */
const RUN_BUILD_FULL = run(
  "set -eux; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; \techo \"$PYTHON_SHA256 *python.tar.xz\" | sha256sum -c -; \twget -O python.tar.xz.asc \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc\"; \tGNUPGHOME=\"$(mktemp -d)\"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$GPG_KEY\"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tnproc=\"$(nproc)\"; \tEXTRA_CFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:-}\" \t; \trm python; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:--Wl},-rpath='\\$\\$ORIGIN/../lib'\" \t\tpython \t; \tmake install; \t\tbin=\"$(readlink -ve /usr/local/bin/python3)\"; \tdir=\"$(dirname \"$bin\")\"; \tmkdir -p \"/usr/share/gdb/auto-load/$dir\"; \tcp -vL Tools/gdb/libpython.py \"/usr/share/gdb/auto-load/$bin-gdb.py\"; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version",
);

/** The slim image installs and purges its own build dependencies in the same step. */
const RUN_BUILD_SLIM = run(
  "set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; \techo \"$PYTHON_SHA256 *python.tar.xz\" | sha256sum -c -; \twget -O python.tar.xz.asc \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc\"; \tGNUPGHOME=\"$(mktemp -d)\"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$GPG_KEY\"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tnproc=\"$(nproc)\"; \tEXTRA_CFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \tLDFLAGS=\"${LDFLAGS:--Wl},--strip-all\"; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:-}\" \t; \trm python; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:--Wl},-rpath='\\$\\$ORIGIN/../lib'\" \t\tpython \t; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\tapt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version",
);

const RUN_SYMLINKS = run(
  "set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst=\"$(echo \"$src\" | tr -d 3)\"; \t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e \"/usr/local/bin/$dst\" ]; \t\tln -svT \"$src\" \"/usr/local/bin/$dst\"; \tdone",
);

const REPL_HELP = 'Type "help", "copyright", "credits" or "license" for more information.';

// ================================ 3.13.1 (latest) ================================

const T313 = '2024-12-04T02:30:19Z';
const L313 = [
  ...BUILDPACK_DEPS_LAYERS,
  layer('e0c71cd0fc9fd854e40e9bf32f375b895cb39af804f151e20c7072f7da577797', 6_161_551, 18_900_000),
  layer('e1cffcff32633ccc4a30c2704b606fa504a80ba99ba73b041821e312885932c4', 27_300_752, 67_800_000),
  layer('065735b4a200d1a2b200f874a83ff2c94966f67b25db69fbc24e8c14e56a7709', 249, 36),
];

const python313: CatalogImage = {
  repository: 'python',
  tags: ['latest', '3', '3.13', '3.13.1', 'bookworm', '3-bookworm', '3.13-bookworm', '3.13.1-bookworm'],
  digest: 'sha256:cea505b81701dd9e46b8dde96eaa8054c4bd2035dbb660edeb7af947ed38a0ad',
  id: 'sha256:7f17499b3a00d0b82c06c5e2e1e7e8f781cc08e7368216ba259365833e12faf2',
  created: T313,
  sizeBytes: totalSize(L313),
  layers: L313,
  history: history([
    ...BUILDPACK_DEPS_STEPS,
    meta(T313, `ENV ${PYTHON_PATH}`),
    fsStep(T313, RUN_EXTRA_DEPS, 18_900_000),
    meta(T313, `ENV ${GPG_KEY}`),
    meta(T313, 'ENV PYTHON_VERSION=3.13.1'),
    meta(T313, 'ENV PYTHON_SHA256=9cf9427bee9e2242e3877dd0f6b641c1853ca461f39d6503ce260a59c80bf0d9'),
    fsStep(T313, RUN_BUILD_FULL, 67_800_000),
    fsStep(T313, RUN_SYMLINKS, 36),
    meta(T313, 'CMD ["python3"]'),
  ]),
  config: {
    cmd: ['python3'],
    entrypoint: null,
    // 3.13 images no longer set LANG=C.UTF-8.
    env: [PYTHON_PATH, GPG_KEY, 'PYTHON_VERSION=3.13.1', 'PYTHON_SHA256=9cf9427bee9e2242e3877dd0f6b641c1853ca461f39d6503ce260a59c80bf0d9'],
    workingDir: '',
    exposedPorts: [],
    user: '',
    labels: {},
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: {
    kind: 'interpreter',
    language: 'python',
    version: '3.13.1',
    // not from a registry: build time estimated from this build's layer push time (25 Dec 2024 ~01:36 UTC).
    replBanner: `Python 3.13.1 (main, Dec 25 2024, 01:08:37) [GCC 12.2.0] on linux\n${REPL_HELP}`,
  },
};

// ================================ 3.12.8 ================================

const T312 = '2024-12-04T00:36:05Z';
const L312 = [
  ...BUILDPACK_DEPS_LAYERS,
  layer('e3696bf6d1aef6794bb24eb2058c7a46b4deece447f2b77b1d3556db98fa14e7', 6_161_589, 18_900_000),
  layer('9668c23f1ccbf2e8456efa32652be75ceeaa20c9ecbc079dce2fc1e97bd3ec5d', 25_607_164, 63_400_000),
  layer('cc9fb0d581e78e017831733b79ce3d1769324556079721865ea80db1363405ba', 248, 36),
];

const python312: CatalogImage = {
  repository: 'python',
  tags: ['3.12', '3.12.8', '3.12-bookworm', '3.12.8-bookworm'],
  digest: 'sha256:251ef8e69b6ccdf3c7bf7effaa51179d59af35364dd9c86469142aa72a2c8cfc',
  id: 'sha256:acda8b87a53fdba562e5dd1d52f64b95fa96f2c1eb92df388e53f3ccc07c921b',
  created: T312,
  sizeBytes: totalSize(L312),
  layers: L312,
  history: history([
    ...BUILDPACK_DEPS_STEPS,
    meta(T312, `ENV ${PYTHON_PATH}`),
    meta(T312, 'ENV LANG=C.UTF-8'),
    fsStep(T312, RUN_EXTRA_DEPS, 18_900_000),
    meta(T312, `ENV ${GPG_KEY}`),
    meta(T312, 'ENV PYTHON_VERSION=3.12.8'),
    meta(T312, 'ENV PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e'),
    fsStep(T312, RUN_BUILD_FULL, 63_400_000),
    fsStep(T312, RUN_SYMLINKS, 36),
    meta(T312, 'CMD ["python3"]'),
  ]),
  config: {
    cmd: ['python3'],
    entrypoint: null,
    env: [PYTHON_PATH, 'LANG=C.UTF-8', GPG_KEY, 'PYTHON_VERSION=3.12.8', 'PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e'],
    workingDir: '',
    exposedPorts: [],
    user: '',
    labels: {},
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: {
    kind: 'interpreter',
    language: 'python',
    version: '3.12.8',
    // not from a registry: build time estimated from this build's layer push time (25 Dec 2024 ~01:37 UTC).
    replBanner: `Python 3.12.8 (main, Dec 25 2024, 01:05:12) [GCC 12.2.0] on linux\n${REPL_HELP}`,
  },
};

// ================================ 3.12.8-slim ================================

// Uncompressed sizes: estimates (Debian slim 74.8MB; the total lands on the ~125MB python:3.12-slim shows).
const LSLIM = [
  layer('fd674058ff8f8cfa7fb8a20c006fc0128541cbbad7f7f7f28df570d08f9e4d92', 28_231_581, 74_800_000),
  layer('ad5b6a1962fdac425252ec07daae642d785bd6d9c9fb9c665495ac32fb6c7346', 3_317_251, 9_100_000),
  layer('de2a998baeb3b693572201ce82da66e97b26f2feabf01efbb4c9a952587a839d', 13_654_008, 41_200_000),
  layer('184aff3eb8fbdeb25b5697c83adcfadb6deef75d7001234b86bd6ec2d6a610a4', 249, 36),
];

const python312slim: CatalogImage = {
  repository: 'python',
  tags: ['3.12-slim', '3.12.8-slim', '3.12-slim-bookworm', '3.12.8-slim-bookworm'],
  digest: 'sha256:10f3aaab98db50cba827d3b33a91f39dc9ec2d02ca9b85cbc5008220d07b17f3',
  id: 'sha256:d8fb19ba66726ea7ddbec6d9071d54a1bd932e60b06f2a21cd2fa0ae92d9adb8',
  created: T312,
  sizeBytes: totalSize(LSLIM),
  layers: LSLIM,
  history: history([
    [T312, "# debian.sh --arch 'amd64' out/ 'bookworm' '@1734912000'", 74_800_000, false, DEBUERREOTYPE],
    meta(T312, `ENV ${PYTHON_PATH}`),
    meta(T312, 'ENV LANG=C.UTF-8'),
    fsStep(T312, run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'), 9_100_000),
    meta(T312, `ENV ${GPG_KEY}`),
    meta(T312, 'ENV PYTHON_VERSION=3.12.8'),
    meta(T312, 'ENV PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e'),
    fsStep(T312, RUN_BUILD_SLIM, 41_200_000),
    fsStep(T312, RUN_SYMLINKS, 36),
    meta(T312, 'CMD ["python3"]'),
  ]),
  config: {
    cmd: ['python3'],
    entrypoint: null,
    env: [PYTHON_PATH, 'LANG=C.UTF-8', GPG_KEY, 'PYTHON_VERSION=3.12.8', 'PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e'],
    workingDir: '',
    exposedPorts: [],
    user: '',
    labels: {},
  },
  os: 'linux',
  architecture: 'amd64',
  base: 'debian:bookworm',
  behaviour: {
    kind: 'interpreter',
    language: 'python',
    version: '3.12.8',
    // not from a registry: build time estimated from this build's layer push time (24 Dec 2024 ~22:47 UTC).
    replBanner: `Python 3.12.8 (main, Dec 24 2024, 22:20:41) [GCC 12.2.0] on linux\n${REPL_HELP}`,
  },
};

export const PYTHON: CatalogImage[] = [python313, python312, python312slim];
