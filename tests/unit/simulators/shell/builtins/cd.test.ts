import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const FILES = 'mkdir -p dir/sub && echo x > g';

describe('cd', () => {
  it('changes the working directory, relative or absolute, silently', () => {
    const s = session(FILES);
    expect(s.run('cd dir')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('pwd').output).toBe('/home/learner/dir\n');
    expect(s.run('cd sub/../sub && pwd').output).toBe('/home/learner/dir/sub\n');
    expect(s.run('cd ../.. && pwd').output).toBe('/home/learner\n');
    expect(s.run('cd / && pwd').output).toBe('/\n');
    expect(s.run('cd .. && pwd').output).toBe('/\n');
    expect(s.run('cd /tmp/ && pwd').output).toBe('/tmp\n');
  });

  it('goes home with no argument or ~', () => {
    expect(run('cd /etc; cd; pwd').output).toBe('/home/learner\n');
    expect(run('cd /etc; cd ~; pwd').output).toBe('/home/learner\n');
    expect(run('cd ~/dir && pwd', FILES).output).toBe('/home/learner/dir\n');
  });

  it('cd - goes back and prints where', () => {
    const s = session(FILES);
    s.run('cd dir');
    expect(s.run('cd -')).toEqual({ output: '/home/learner\n', exitCode: 0 });
    expect(s.run('cd -')).toEqual({ output: '/home/learner/dir\n', exitCode: 0 });
  });

  it('keeps $PWD and $OLDPWD', () => {
    expect(run('cd dir; echo $PWD $OLDPWD', FILES).output).toBe('/home/learner/dir /home/learner\n');
  });

  it('follows $HOME, and does nothing for an empty name', () => {
    expect(run('HOME=/tmp; cd; pwd').output).toBe('/tmp\n');
    expect(run("cd ''; pwd").output).toBe('/home/learner\n');
  });

  it('the prompt shows the directory under ~', () => {
    const s = session(FILES);
    s.run('cd dir/sub');
    expect(s.prompt()).toEqual({ user: 'learner', host: 'laptop', dir: '~/dir/sub', symbol: '$' });
    s.run('cd /etc');
    expect(s.prompt().dir).toBe('/etc');
  });

  it('accepts -L and -P and --', () => {
    expect(run('cd -P dir; pwd', FILES).output).toBe('/home/learner/dir\n');
    expect(run('cd -L dir; pwd', FILES).output).toBe('/home/learner/dir\n');
    expect(run('cd -- dir; pwd', FILES).output).toBe('/home/learner/dir\n');
  });

  it('says why it cannot, in bash words, exit 1', () => {
    expect(run('cd nope')).toEqual({ output: 'bash: cd: nope: No such file or directory\n', exitCode: 1 });
    expect(run('cd g', FILES)).toEqual({ output: 'bash: cd: g: Not a directory\n', exitCode: 1 });
    expect(run('cd g/', FILES)).toEqual({ output: 'bash: cd: g/: Not a directory\n', exitCode: 1 });
    expect(run('cd /etc/hostname')).toEqual({ output: 'bash: cd: /etc/hostname: Not a directory\n', exitCode: 1 });
    expect(run('cd /root')).toEqual({ output: 'bash: cd: /root: Permission denied\n', exitCode: 1 });
    expect(run("cd 'a b'")).toEqual({ output: 'bash: cd: a b: No such file or directory\n', exitCode: 1 });
    expect(run('cd dir extra', FILES)).toEqual({ output: 'bash: cd: too many arguments\n', exitCode: 1 });
    expect(run('cd -')).toEqual({ output: 'bash: cd: OLDPWD not set\n', exitCode: 1 });
    expect(run('unset HOME; cd')).toEqual({ output: 'bash: cd: HOME not set\n', exitCode: 1 });
  });

  it('stays put after a failure', () => {
    expect(run('cd dir; cd nope; pwd', FILES).output).toBe('bash: cd: nope: No such file or directory\n/home/learner/dir\n');
  });

  it('refuses unknown options with its usage, exit 2', () => {
    expect(run('cd -z')).toEqual({ output: 'bash: cd: -z: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n', exitCode: 2 });
  });

  it('--help shows the builtin help, exit 2', () => {
    const { output, exitCode } = run('cd --help');
    expect(exitCode).toBe(2);
    expect(output.split('\n').slice(0, 2)).toEqual(['cd: cd [-L|[-P [-e]] [-@]] [dir]', '    Change the shell working directory.']);
  });
});
