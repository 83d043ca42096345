// Small builders shared by the catalog data files. Plain data in, plain data out.
//
// Conventions used by every file in this folder:
// - `createdBy` is the string `docker history --no-trunc` prints. For BuildKit-built images that is
//   the Dockerfile instruction with `RUN` commands as `RUN /bin/sh -c <command> # buildkit` and
//   COPY/ADD ending in ` # buildkit`; repo-info prints the same text without `/bin/sh -c `.
// - Per-step uncompressed sizes (`sizeBytes`) are NOT published by any registry: Docker Hub only
//   stores compressed blob sizes. Where a real `docker history`/`docker images` output was found,
//   the numbers below are chosen so that Docker's human-readable rendering (1000-based, 3 significant
//   digits: "74.8MB", "4.62kB", "117MB") matches that output; elsewhere they are estimates and the
//   data file says so.
// - Placeholders in log lines are listed in `index.ts` (`CATALOG_PLACEHOLDERS`).

import type { CatalogHistoryStep, CatalogLayer } from './types';

/** One Dockerfile step, oldest first: [created ISO time, created_by, uncompressed bytes, empty layer?, comment?]. */
export type Step = [created: string, createdBy: string, sizeBytes: number, emptyLayer: boolean, comment?: string];

/** BuildKit marks every step it writes with this comment (docker history COMMENT column). */
export const BUILDKIT = 'buildkit.dockerfile.v0';
/** Debian base layers made by debuerreotype carry this comment. */
export const DEBUERREOTYPE = 'debuerreotype 0.15';

/** Turn steps written oldest-first (as in a Dockerfile / repo-info) into docker history order (newest first). */
export function history(steps: Step[]): CatalogHistoryStep[] {
  return steps
    .map(([created, createdBy, sizeBytes, emptyLayer, comment]) => {
      const step: CatalogHistoryStep = { created, createdBy, sizeBytes, emptyLayer };
      if (comment !== undefined) step.comment = comment;
      return step;
    })
    .reverse();
}

/** A layer row: compressed digest and size (from the registry), uncompressed size (see the note above). */
export function layer(digest: string, compressedBytes: number, sizeBytes: number): CatalogLayer {
  return { digest: `sha256:${digest}`, compressedBytes, sizeBytes };
}

/** `RUN /bin/sh -c <cmd> # buildkit`, the created_by BuildKit records for a shell-form RUN. */
export const run = (cmd: string): string => `RUN /bin/sh -c ${cmd} # buildkit`;

/** A metadata-only BuildKit step (ENV, LABEL, CMD, ...). */
export const meta = (created: string, createdBy: string): Step => [created, createdBy, 0, true, BUILDKIT];
/** A BuildKit step that wrote a layer. */
export const fsStep = (created: string, createdBy: string, sizeBytes: number): Step => [created, createdBy, sizeBytes, false, BUILDKIT];

/** The usual Debian PATH of official images. */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

// ---------------------------------------------------------------------------------------------
// buildpack-deps:bookworm, the base of the full `python` and `node` images. The four layers
// below are byte-identical in python:3.12.8, python:3.13.1 and node:22.12.0 (same digests in
// repo-info), built on the Debian snapshot of 2024-12-23 ('@1734912000').
// Source: maxmood96/repo-info repos/python/remote/3.12.8.md and repos/node/remote/22.12.0.md.
// ---------------------------------------------------------------------------------------------

export const BUILDPACK_DEPS_STEPS: Step[] = [
  // Uncompressed sizes of these four layers are estimates (117MB is the size of debian:bookworm;
  // the others are scaled so python:3.12.8 adds up to the 1.02GB `docker images` shows).
  ['2023-05-10T23:29:59Z', "# debian.sh --arch 'amd64' out/ 'bookworm' '@1734912000'", 116_500_000, false, DEBUERREOTYPE],
  fsStep(
    '2023-05-10T23:29:59Z',
    run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/*"),
    55_200_000,
  ),
  fsStep(
    '2024-01-09T01:14:25Z',
    run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*"),
    174_200_000,
  ),
  fsStep(
    '2024-01-09T01:14:25Z',
    run("set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/*"),
    591_800_000,
  ),
];

export const BUILDPACK_DEPS_LAYERS: CatalogLayer[] = [
  layer('0a96bdb8280554b560ffee0f2e5f9843dc7b625f28192021ee103ecbcc2d629b', 48_497_066, 116_500_000),
  layer('54c7be425079efba0003054ee884bf72f1ffebca733bedd6f077d2809ee9aa6f', 23_865_817, 55_200_000),
  layer('7aa8176e6d893aff4b57b2c22574ec2afadff4673b8e0954e275244bfd3d7bc1', 64_391_074, 174_200_000),
  layer('1523f4b3f5602bf41caf8d8e649536ac0b3e56984c81a9f518fb20c6516ca075', 211_306_201, 591_800_000),
];

/** Sum of layer sizes: what `docker images` shows for an image whose layers are all listed. */
export const totalSize = (layers: CatalogLayer[]): number => layers.reduce((n, l) => n + l.sizeBytes, 0);
