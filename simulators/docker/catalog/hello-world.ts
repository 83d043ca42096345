// hello-world (the 2023 build, still `latest` in early January 2025).
//
// Sources
// - Image id d2c94e258dcb..., created 2023-05-02T16:49:27Z, Env/Cmd/WorkingDir: real `docker inspect hello-world`.
// - Layer sha256:c1ec31eb5944... of 2459 bytes: the image manifest (`docker manifest inspect`, crane pulls).
// - Index digest: `Untagged: hello-world@sha256:5b3cc85e...` in a real session of 7 Jan 2025 (the index
//   digest moves when other architectures are rebuilt; the amd64 image did not change).
// - Size 13.3kB in `docker images` (13.26kB in `docker system df`).
// - Output: docker-library/hello-world hello.c (DOCKER_ARCH "amd64"), identical to what `docker run hello-world` prints.

import type { CatalogImage } from './types';
import { BUILDKIT, DEFAULT_PATH, history, layer, meta } from './helpers';

const T = '2023-05-02T16:49:27Z';

export const HELLO_WORLD_OUTPUT =
  '\n' +
  'Hello from Docker!\n' +
  'This message shows that your installation appears to be working correctly.\n' +
  '\n' +
  'To generate this message, Docker took the following steps:\n' +
  ' 1. The Docker client contacted the Docker daemon.\n' +
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.\n' +
  '    (amd64)\n' +
  ' 3. The Docker daemon created a new container from that image which runs the\n' +
  '    executable that produces the output you are currently reading.\n' +
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it\n' +
  '    to your terminal.\n' +
  '\n' +
  'To try something more ambitious, you can run an Ubuntu container with:\n' +
  ' $ docker run -it ubuntu bash\n' +
  '\n' +
  'Share images, automate workflows, and more with a free Docker ID:\n' +
  ' https://hub.docker.com/\n' +
  '\n' +
  'For more examples and ideas, visit:\n' +
  ' https://docs.docker.com/get-started/\n' +
  '\n';

const LAYERS = [layer('c1ec31eb59444d78df06a974d155e597c894ab4cda84f08294145e845394988e', 2_459, 13_256)];

export const HELLO_WORLD: CatalogImage[] = [
  {
    repository: 'hello-world',
    tags: ['latest', 'linux'],
    digest: 'sha256:5b3cc85e16e3058003c13b7821318369dad01dac3dbb877aac3c28182255c724',
    id: 'sha256:d2c94e258dcb3c5ac2798d32e1249e42ef01cba4841c2234249495f87264ac5a',
    created: T,
    sizeBytes: 13_256,
    layers: LAYERS,
    history: history([
      [T, 'COPY hello / # buildkit', 13_256, false, BUILDKIT],
      meta(T, 'CMD ["/hello"]'),
    ]),
    config: {
      cmd: ['/hello'],
      entrypoint: null,
      env: [DEFAULT_PATH],
      workingDir: '/',
      exposedPorts: [],
      user: '',
      labels: {},
    },
    os: 'linux',
    architecture: 'amd64',
    base: 'scratch',
    behaviour: { kind: 'print', output: HELLO_WORLD_OUTPUT, exitCode: 0 },
  },
];
