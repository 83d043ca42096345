// docker tag: the client's reference checks (worded as the Docker 28 client words them, checked
// against it) and the daemon's: a missing source, and a name moved from one image to another.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

describe('docker tag', () => {
  it('adds a name to an image, silently; both names share the id', () => {
    const s = createSession();
    s.run('docker pull nginx');
    expect(s.run('docker tag nginx registry.example.com/team/web:1.0')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"').output).toBe('nginx:latest 9bea9f2796e2\nregistry.example.com/team/web:1.0 9bea9f2796e2\n');
    // By id prefix too, and with the tag defaulting to latest.
    expect(s.run('docker tag 9bea9f2796e2 web').exitCode).toBe(0);
    expect(s.run('docker images web --format "{{.Tag}}"').output).toBe('latest\n');
  });

  it('moves a name that another image had, leaving that one without it', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker pull alpine');
    s.run('docker tag busybox box:1');
    s.run('docker tag alpine box:1');
    expect(s.run('docker images box --format "{{.Tag}} {{.ID}}"').output).toBe(`1 ${s.run('docker images alpine -q').output}`);
  });

  it('answers like the daemon for an image it does not have', () => {
    const s = createSession();
    expect(s.run('docker tag missing x')).toEqual({ output: 'Error response from daemon: No such image: missing:latest\n', exitCode: 1 });
    expect(s.run('docker tag missing:2.0 x')).toEqual({ output: 'Error response from daemon: No such image: missing:2.0\n', exitCode: 1 });
  });

  it('checks both references before asking the daemon', () => {
    const s = createSession();
    expect(s.run('docker tag nginx BAD:x')).toEqual({
      output: 'Error parsing reference: "BAD:x" is not a valid repository/tag: invalid reference format: repository name (library/BAD) must be lowercase\n',
      exitCode: 1,
    });
    expect(s.run("docker tag 'nginx@@' x")).toEqual({ output: 'Error parsing reference: "nginx@@" is not a valid repository/tag: invalid reference format\n', exitCode: 1 });
    expect(s.run(`docker tag nginx x@sha256:${'0'.repeat(64)}`)).toEqual({ output: 'refusing to create a tag with a digest reference\n', exitCode: 1 });
  });

  it('is also docker image tag', () => {
    const s = createSession();
    s.run('docker pull busybox');
    expect(s.run('docker image tag busybox mybox:1').exitCode).toBe(0);
    expect(s.run('docker images mybox -q').output).toBe(s.run('docker images busybox -q').output);
  });
});
