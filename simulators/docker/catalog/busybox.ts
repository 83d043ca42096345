// busybox 1.37.0 (glibc variant, the one `latest` names).
//
// Sources
// - Image id (= config digest) sha256:af470962..., layer sha256:9c0abc9c5bd3... of 2155907 bytes, config
//   (Cmd ["sh"], no Env, created 2024-09-26T21:31:42Z, history "BusyBox 1.37.0 (glibc), Debian 12"):
//   a `skopeo copy docker://busybox:latest` dump of the manifest and config (blog post on OCI images).
// - Index digest: real `docker pull busybox` output of January 2025 ("9c0abc9c5bd3: Pull complete",
//   "Digest: sha256:a5d0ce49..."); the index digest changes whenever another architecture is rebuilt,
//   the amd64 image stayed the same from Sep 2024 to early 2025.
// - Size: 4.27MB in real `docker images` listings of image af4709625109; 4269678 bytes is the layer size a
//   `dive` test fixture records for a "BusyBox 1.37.0 (glibc), Debian 12" layer.
// Note: the repo-info copy of busybox 1.37.0 in the index is a later (Oct 2025, Debian 13) rebuild, so it
// was not used.

import type { CatalogImage } from './types';
import { history, layer } from './helpers';

const T = '2024-09-26T21:31:42Z';
const LAYERS = [layer('9c0abc9c5bd3a7854141800ba1f4a227baa88b11b49d8207eadc483c3f2496de', 2_155_907, 4_269_678)];

export const BUSYBOX: CatalogImage[] = [
  {
    repository: 'busybox',
    tags: ['latest', '1', '1.37', '1.37.0', 'stable', 'glibc', '1-glibc', '1.37-glibc', '1.37.0-glibc', 'stable-glibc'],
    digest: 'sha256:a5d0ce49aa801d475da48f8cb163c354ab95cab073cd3c138bd458fc8257fbf1',
    id: 'sha256:af47096251092caf59498806ab8d58e8173ecf5a182f024ce9d635b5b4a55d66',
    created: T,
    sizeBytes: 4_269_678,
    layers: LAYERS,
    // Not built by BuildKit: the single history entry has no comment.
    history: history([[T, 'BusyBox 1.37.0 (glibc), Debian 12', 4_269_678, false]]),
    config: {
      cmd: ['sh'],
      entrypoint: null,
      env: [],
      workingDir: '',
      exposedPorts: [],
      user: '',
      labels: {},
    },
    os: 'linux',
    architecture: 'amd64',
    base: 'busybox',
    behaviour: { kind: 'shell', shell: '/bin/sh' },
  },
];
