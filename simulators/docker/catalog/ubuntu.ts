// ubuntu 24.04 "noble", image noble-20241118.1.
//
// Sources
// - maxmood96/repo-info repos/ubuntu/remote/noble-20241118.1.md (commit 0e7e88df): index digest, image id,
//   layer, and the history. Ubuntu's images are built with the classic builder (Docker 24.0.7), so
//   `docker history` shows `/bin/sh -c #(nop) ...` lines.
// - `docker images` shows 78.1MB for image b1d9df8ab815 as `ubuntu:latest` (real listings, Jan–Feb 2025);
//   the same layer (`de44b265507a: Already exists`) appears in a real pull of 7 Jan 2025.
// - Uncompressed size: 78.1MB as displayed (exact byte count not found; 78_100_000 renders the same).

import type { CatalogImage } from './types';
import { history, layer } from './helpers';

const LAYERS = [layer('de44b265507ae44b212defcb50694d666f136b35c1090d9709068bc861bb2d64', 29_751_968, 78_100_000)];

export const UBUNTU: CatalogImage[] = [
  {
    repository: 'ubuntu',
    tags: ['latest', '24.04', 'noble', 'noble-20241118.1'],
    digest: 'sha256:80dd3c3b9c6cecb9f1667e9290b3bc61b78c2678c02cbdae5f0fea92cc6734ab',
    id: 'sha256:b1d9df8ab81559494794e522b380878cf9ba82d4c1fb67293bcf931c3aa69ae4',
    created: '2024-11-19T17:29:25Z',
    sizeBytes: 78_100_000,
    layers: LAYERS,
    history: history([
      ['2024-11-19T17:29:23Z', '/bin/sh -c #(nop)  ARG RELEASE', 0, true],
      ['2024-11-19T17:29:23Z', '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH', 0, true],
      ['2024-11-19T17:29:23Z', '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu', 0, true],
      ['2024-11-19T17:29:23Z', '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04', 0, true],
      ['2024-11-19T17:29:25Z', '/bin/sh -c #(nop) ADD file:bcebbf0fddcba5b864d5d267b68dd23bcfb01275e6ec7bcab69bf8b56af14804 in / ', 78_100_000, false],
      ['2024-11-19T17:29:25Z', '/bin/sh -c #(nop)  CMD ["/bin/bash"]', 0, true],
    ]),
    config: {
      cmd: ['/bin/bash'],
      entrypoint: null,
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      workingDir: '',
      exposedPorts: [],
      user: '',
      labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
    },
    os: 'linux',
    architecture: 'amd64',
    base: 'ubuntu:24.04',
    behaviour: { kind: 'shell', shell: '/bin/bash' },
  },
];
