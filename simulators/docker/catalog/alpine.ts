// alpine 3.21.2.
//
// Sources
// - maxmood96/repo-info repos/alpine/remote/3.21.2.md (commit 153cf959): index digest, image id, layer
//   digest and compressed size; built 8 Jan 2025.
// - The same index digest and layer (`1f3e46996e29: Pull complete`, `Digest: sha256:56fa17d2...`) appear
//   in a real `docker pull alpine` of January 2025, and real `docker images` listings show image
//   b0c9d60fc5e3 as `alpine:latest` with SIZE 7.83MB.
// - Uncompressed size: 7.83MB as displayed (the exact byte count was not found; 7_830_000 renders the same).

import type { CatalogImage } from './types';
import { BUILDKIT, DEFAULT_PATH, history, layer, meta } from './helpers';

const T = '2025-01-08T12:07:30Z';
const LAYERS = [layer('1f3e46996e2966e4faa5846e56e76e3748b7315e2ded61476c24403d592134f0', 3_641_715, 7_830_000)];

export const ALPINE: CatalogImage[] = [
  {
    repository: 'alpine',
    tags: ['latest', '3', '3.21', '3.21.2'],
    digest: 'sha256:56fa17d2a7e7f168a043a2712e63aed1f8543aeafdcee47c58dcffe38ed51099',
    id: 'sha256:b0c9d60fc5e3fa2319a86ccc1cdf34c94c7e69766e8cebfb4111f7e54f39e8ff',
    created: T,
    sizeBytes: 7_830_000,
    layers: LAYERS,
    history: history([
      [T, 'ADD alpine-minirootfs-3.21.2-x86_64.tar.gz / # buildkit', 7_830_000, false, BUILDKIT],
      meta(T, 'CMD ["/bin/sh"]'),
    ]),
    config: {
      cmd: ['/bin/sh'],
      entrypoint: null,
      env: [DEFAULT_PATH],
      workingDir: '/',
      exposedPorts: [],
      user: '',
      labels: {},
    },
    os: 'linux',
    architecture: 'amd64',
    base: 'alpine:3.21',
    behaviour: { kind: 'shell', shell: '/bin/sh' },
  },
];
