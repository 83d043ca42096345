// docker logout: what the Docker 28 client prints (the same line whether or not anything was
// stored) and what it removes from ~/.docker/config.json.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const config = (s: ReturnType<typeof createSession>) => s.run('cat ~/.docker/config.json').output;

describe('docker logout', () => {
  it('removes the stored credentials, and says so even when there were none', () => {
    const s = createSession();
    s.run('docker login -u alice -p secret registry.example.com');
    s.run(`echo t | docker login -u AWS --password-stdin ${ECR}`);
    expect(s.run('docker logout registry.example.com')).toEqual({ output: 'Removing login credentials for registry.example.com\n', exitCode: 0 });
    expect(config(s)).toBe(`{\n\t"auths": {\n\t\t"${ECR}": {\n\t\t\t"auth": "QVdTOnQ="\n\t\t}\n\t}\n}`);
    expect(s.store.getState().docker.logins['registry.example.com']).toBeUndefined();
    expect(s.run('docker logout registry.example.com')).toEqual({ output: 'Removing login credentials for registry.example.com\n', exitCode: 0 });
    expect(s.run('docker logout https://registry.example.com/')).toEqual({ output: 'Removing login credentials for registry.example.com\n', exitCode: 0 });
    // Pushing needs the login again.
    s.run('docker pull busybox');
    s.run('docker tag busybox registry.example.com/team/box:1');
    expect(s.run('docker push registry.example.com/team/box:1').output).toMatch(/no basic auth credentials\n$/);
  });

  it('does not create a config file when there is nothing to remove', () => {
    const s = createSession();
    expect(s.run('docker logout').output).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    expect(s.run('ls -a ~').output).not.toContain('.docker');
  });
});
