// `docker pull node` is node:latest, which in January 2025 was node 23.6.0 (the "current" line):
// index sha256:e6959489..., the 14 Jan 2025 amd64 build, on a newer Debian snapshot than node:22's,
// so none of its layers are shared with node:22 or python.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const DIGEST = 'sha256:e6959489e7af6d1338f71cdd046ca4c9b35fdf723cf20e054f9114875e29ef40';
const LAYERS = ['fd0410a2d1ae', 'bf571be90f05', '684a51896c82', 'fbf93b646d6b', 'fd9e002638ae', '17ec0a6c6f46', '603a15da1c9b', '002ca3c65243'];

describe('docker pull node', () => {
  it('pulls node:latest, the 23.6.0 image', () => {
    const s = createSession();
    expect(s.run('docker pull node')).toEqual({
      output: `Using default tag: latest\nlatest: Pulling from library/node\n${LAYERS.map((l) => `${l}: Pull complete\n`).join('')}Digest: ${DIGEST}\nStatus: Downloaded newer image for node:latest\ndocker.io/library/node:latest\n`,
      exitCode: 0,
    });
    expect(s.run('docker pull node:latest')).toEqual({
      output: `latest: Pulling from library/node\nDigest: ${DIGEST}\nStatus: Image is up to date for node:latest\ndocker.io/library/node:latest\n`,
      exitCode: 0,
    });
    // The same image under its other tags: nothing to download, a new name.
    expect(s.run('docker pull node:current')).toEqual({
      output: `current: Pulling from library/node\nDigest: ${DIGEST}\nStatus: Downloaded newer image for node:current\ndocker.io/library/node:current\n`,
      exitCode: 0,
    });
    expect(s.run('docker images node')).toEqual({
      output: 'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nnode         latest    38f9e6f7d426   7 weeks ago   1.14GB\nnode         current   38f9e6f7d426   7 weeks ago   1.14GB\n',
      exitCode: 0,
    });
    expect(s.run("docker image inspect node --format '{{.Id}} {{.Created}} {{.Size}} {{.Config.Env}}'").output).toBe(
      'sha256:38f9e6f7d42642d279bc50c9981aa9e462d7c45bc6d9a18c533dbbb7bb2840c4 2025-01-07T23:47:58Z 1139539088 [PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NODE_VERSION=23.6.0 YARN_VERSION=1.22.22]\n',
    );
  });

  it('runs node 23.6.0 in it, and node 22.12.0 in node:22', () => {
    const s = createSession();
    s.run('docker pull -q node && docker pull -q node:22');
    expect(s.run('docker run --rm node node --version')).toEqual({ output: 'v23.6.0\n', exitCode: 0 });
    expect(s.run('docker run --rm node:22 node --version')).toEqual({ output: 'v22.12.0\n', exitCode: 0 });
    expect(s.run('docker run --rm node:latest node -e "console.log(42)"')).toEqual({ output: '42\n', exitCode: 0 });
  });
});
