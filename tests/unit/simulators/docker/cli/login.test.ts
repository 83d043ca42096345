// docker login, against what the Docker 28 client prints (captured from it, on a terminal and
// through pipes): its prompts, its checks of -u/-p/--password-stdin, the credentials file it
// writes and its warning, the stored-credentials path, and each registry's answer.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { openScreen } from '../../../helpers/screen';

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const WARNING =
  "\nWARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";
const INFO = '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m';
const PAT_NOTE = `\n${INFO}\x1b[3mA Personal Access Token (PAT) can be used instead.\x1b[0m\n         \x1b[3mTo create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\x1b[0m\n         \x1b[3m\x1b[0m\n         \x1b[3m\x1b[0m\n`;

const config = (s: ReturnType<typeof createSession>) => s.run('cat ~/.docker/config.json').output;

describe('docker login', () => {
  it('prompts for a user name and a hidden password, stores them and warns', () => {
    const s = createSession();
    const r = s.run('docker login registry.example.com', { input: ['alice\r', 'secret\r'] });
    // The typed name is echoed, the password is not; each Enter ends its line.
    expect(r).toEqual({ output: `Username: alice\r\nPassword: \r\n${WARNING}Login Succeeded\n`, exitCode: 0 });
    expect(config(s)).toBe('{\n\t"auths": {\n\t\t"registry.example.com": {\n\t\t\t"auth": "YWxpY2U6c2VjcmV0"\n\t\t}\n\t}\n}');
    expect(s.run('ls -la ~/.docker').output).toMatch(/^-rw------- 1 learner learner +80 .* config\.json$/m);
    expect(s.store.getState().docker.logins['registry.example.com']).toEqual({ username: 'alice' });
  });

  it('logs in again with the stored credentials, without writing or warning', () => {
    const s = createSession();
    s.run('docker login -u alice -p secret registry.example.com');
    expect(s.run('docker login registry.example.com')).toEqual({
      output: `Authenticating with existing credentials... [Username: alice]\n\n${INFO}\x1b[3mTo login with a different account, run 'docker logout' followed by 'docker login'\x1b[0m\n\n\nLogin Succeeded\n`,
      exitCode: 0,
    });
    // Through a pipe the note is plain text.
    expect(s.run('docker login registry.example.com 2>&1 | cat').output).toBe(
      "Authenticating with existing credentials... [Username: alice]\n\n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\nLogin Succeeded\n",
    );
    // The same credentials given again change nothing, so no warning.
    expect(s.run('echo secret | docker login -u alice --password-stdin registry.example.com')).toEqual({ output: 'Login Succeeded\n', exitCode: 0 });
  });

  it('warns about -p, reads --password-stdin, and checks the flags as the client does', () => {
    const s = createSession();
    expect(s.run('docker login -u bob -p pw registry.example.com')).toEqual({ output: `WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n${WARNING}Login Succeeded\n`, exitCode: 0 });
    expect(s.run('echo token | docker login -u carol --password-stdin registry.example.com')).toEqual({ output: `${WARNING}Login Succeeded\n`, exitCode: 0 });
    expect(config(s)).toContain('"auth": "Y2Fyb2w6dG9rZW4="');
    expect(s.run('docker login --password-stdin registry.example.com')).toEqual({ output: 'the --password-stdin option requires --username to be set\n', exitCode: 1 });
    expect(s.run('docker login -u a --password-stdin -p b registry.example.com')).toEqual({ output: 'conflicting options: cannot specify both --password and --password-stdin\n', exitCode: 1 });
    expect(s.run("docker login -u '' -p x registry.example.com")).toEqual({ output: 'username is empty\n', exitCode: 1 });
    expect(s.run("docker login -u a -p '' registry.example.com")).toEqual({ output: 'password is empty\n', exitCode: 1 });
    expect(s.run('echo x | docker login -p pw nosuch.example')).toEqual({
      output: 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError: Cannot perform an interactive login from a non TTY device\n',
      exitCode: 1,
    });
  });

  it('requires a user name and a password when prompting', () => {
    const s = createSession();
    expect(s.run('docker login registry.example.com', { input: ['\r'] })).toEqual({ output: 'Username: \r\nError: Non-null Username Required\n', exitCode: 1 });
    expect(s.run('docker login registry.example.com', { input: ['alice\r', '\r'] })).toEqual({ output: 'Username: alice\r\nPassword: \r\nError: Password Required\n', exitCode: 1 });
  });

  it('says the web sign-in cannot start and falls back to asking for Docker Hub credentials, as the client does offline', () => {
    const s = createSession();
    const r = s.run('docker login', { input: ['alice\r', 'pw\r'] });
    expect(r.output).toBe(
      'Failed to start web-based login - falling back to command line login...\n\n' +
      "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n" +
        'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n' +
        `Username: alice\r\n${PAT_NOTE}Password: \r\n${WARNING}Login Succeeded\n`,
    );
    expect(config(s)).toContain('"https://index.docker.io/v1/": {\n\t\t\t"auth": "YWxpY2U6cHc="');
    expect(s.store.getState().docker.logins['docker.io']).toEqual({ username: 'alice' });
    expect(s.run('docker logout').output).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    expect(s.run('docker login -u alice', { input: ['pw\r'] }).output).toBe(`${PAT_NOTE}Password: \r\n${WARNING}Login Succeeded\n`);
  });

  it('answers as each registry does', () => {
    const s = createSession();
    expect(s.run('docker login -u x -p y nosuch.example')).toEqual({
      output: 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: Get "https://nosuch.example/v2/": dial tcp: lookup nosuch.example on 127.0.0.53:53: no such host\n',
      exitCode: 1,
    });
    expect(s.run(`echo token | docker login --username bob --password-stdin ${ECR}`)).toEqual({
      output: `Error response from daemon: login attempt to https://${ECR}/v2/ failed with status: 400 Bad Request\n`,
      exitCode: 1,
    });
    expect(s.run(`echo token | docker login --username AWS --password-stdin ${ECR}`).exitCode).toBe(0);
    s.run('docker run -d -p 5000:5000 registry:2');
    for (const host of ['myacr.azurecr.io', 'europe-west1-docker.pkg.dev', 'gcr.io', 'localhost:5000']) {
      expect(s.run(`echo any | docker login -u someone --password-stdin ${host}`).exitCode, host).toBe(0);
    }
    // A URL is stored under its host name.
    s.run('echo pw | docker login -u dave --password-stdin https://registry.example.com/v2/');
    expect(config(s)).toContain('"registry.example.com": {');
  });

  it('explains that the aws CLI is not here when nothing reaches an ECR login', () => {
    const s = createSession();
    const r = s.run(`aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${ECR}`);
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('Error: Cannot perform an interactive login from a non TTY device\n');
    expect(r.output).toContain(`echo mytoken | docker login --username AWS --password-stdin ${ECR}`);
  });

  it('does not show the password on a live terminal', async () => {
    const screen = await openScreen();
    await screen.keys('docker login registry.example.com\r');
    screen.timers.tick(100);
    await screen.keys('alice\r');
    screen.timers.tick(100);
    await screen.keys('s3cret\r');
    for (let i = 0; i < 20; i++) screen.timers.tick(200);
    const text = await screen.text();
    expect(text).toContain('Username: alice\nPassword:\n\nWARNING! Your credentials are stored unencrypted');
    expect(text).toContain('Login Succeeded\nlearner@laptop:~$');
    expect(text).not.toContain('s3cret');
  });
});

