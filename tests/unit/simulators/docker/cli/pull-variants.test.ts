// docker pull -q and pulls by digest: what is printed, and how such an image is listed.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../../simulators';
import { CATALOG } from '../../../../../simulators/docker/catalog';

const alpine = CATALOG.find((i) => i.repository === 'alpine' && i.tags.includes('latest'))!;

describe('docker pull', () => {
  it('-q prints only the reference; docker run -q pulls silently', () => {
    const s = createSession();
    expect(s.run('docker pull -q nginx')).toEqual({ output: 'docker.io/library/nginx:latest\n', exitCode: 0 });
    expect(s.run('docker run -q -d redis').output).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('by digest: the image is named by the digest, listed with tag <none>, and runs by it', () => {
    const s = createSession();
    const r = s.run(`docker pull alpine@${alpine.digest}`);
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')[0]).toBe(`${alpine.digest}: Pulling from library/alpine`);
    expect(r.output).toContain(`Status: Downloaded newer image for alpine@${alpine.digest}\ndocker.io/library/alpine@${alpine.digest}\n`);
    expect(s.run('docker images --format "{{.Repository}} {{.Tag}} {{.Digest}}"').output).toBe(`alpine <none> ${alpine.digest}\n`);
    expect(s.run(`docker run --rm alpine@${alpine.digest} echo ok`).output).toBe('ok\n');
    expect(s.run(`docker pull alpine@${alpine.digest}`).output).toContain(`Status: Image is up to date for alpine@${alpine.digest}\n`);
  });

  it('a digest the registry does not have is an unknown manifest', () => {
    const s = createSession();
    const zero = `sha256:${'0'.repeat(64)}`;
    expect(s.run(`docker pull alpine@${zero}`)).toEqual({ output: `Error response from daemon: manifest for alpine@${zero} not found: manifest unknown: manifest unknown\n`, exitCode: 1 });
  });
});

describe('docker images --filter', () => {
  /** A fresh world per test holding three images, pulled in this order. */
  const threeImages = () => {
    const s = createSession();
    for (const image of ['nginx', 'busybox', 'hello-world']) s.run(`docker pull -q ${image}`);
    return s;
  };
  const names = (s: Session, line: string) => s.run(`${line} --format "{{.Repository}}"`).output;

  it('since and before compare creation with another image, leaving it out', () => {
    const s = threeImages();
    expect(names(s, 'docker images --filter since=busybox')).toBe('nginx\n');
    expect(names(s, 'docker images -f before=busybox')).toBe('hello-world\n');
    expect(s.run('docker images -f since=nope')).toEqual({ output: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
  });

  it('label, dangling, and the daemon\'s and client\'s refusals', () => {
    const s = threeImages();
    expect(names(s, 'docker images -f label=maintainer')).toBe('nginx\n');
    expect(names(s, 'docker images -f dangling=true')).toBe('');
    expect(s.run('docker images -f foo=bar')).toEqual({ output: "Error response from daemon: invalid filter 'foo'\n", exitCode: 1 });
    expect(s.run('docker images -f dangling')).toEqual({
      output:
        'invalid argument "dangling" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun \'docker images --help\' for more information\n',
      exitCode: 125,
    });
  });
});

describe('an image FROM scratch', () => {
  it('has only its own program: hello-world cannot echo', () => {
    const s = createSession();
    s.run('docker pull -q hello-world');
    const r = s.run('docker run hello-world echo hi');
    expect(r.exitCode).toBe(127);
    expect(r.output).toContain('exec: "echo": executable file not found in $PATH');
    expect(s.run('docker run hello-world').output).toContain('Hello from Docker!');
  });
});
