import { describe, expect, it } from 'vitest';
import { run, runWith, session } from './helpers';

const FILES = 'mkdir -p dir/sub empty && echo x > g';

describe('mkdir', () => {
  it('makes directories, silently', () => {
    const s = session();
    expect(s.run('mkdir a b')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('ls -ld a b | cat').output).toBe('drwxr-xr-x 2 learner learner 4096 Mar  3 09:00 a\ndrwxr-xr-x 2 learner learner 4096 Mar  3 09:00 b\n');
  });

  it('refuses what exists or has no parent, going on with the rest', () => {
    expect(run('mkdir dir', FILES)).toEqual({ output: 'mkdir: cannot create directory ‘dir’: File exists\n', exitCode: 1 });
    expect(run('mkdir g', FILES)).toEqual({ output: 'mkdir: cannot create directory ‘g’: File exists\n', exitCode: 1 });
    expect(run('mkdir x/y', FILES)).toEqual({ output: 'mkdir: cannot create directory ‘x/y’: No such file or directory\n', exitCode: 1 });
    expect(run('mkdir g/x', FILES)).toEqual({ output: 'mkdir: cannot create directory ‘g/x’: Not a directory\n', exitCode: 1 });
    expect(run("mkdir ''")).toEqual({ output: 'mkdir: cannot create directory ‘’: No such file or directory\n', exitCode: 1 });
    expect(run('mkdir dir new && ls -d new', FILES).output).toBe('mkdir: cannot create directory ‘dir’: File exists\n');
    expect(run('mkdir dir new; ls -d new | cat', FILES).output).toBe('mkdir: cannot create directory ‘dir’: File exists\nnew\n');
  });

  it('cannot write outside the home directory and /tmp', () => {
    expect(run('mkdir /etc/foo')).toEqual({ output: 'mkdir: cannot create directory ‘/etc/foo’: Permission denied\n', exitCode: 1 });
    expect(run('mkdir /tmp/mine && ls -ld /tmp/mine | cat').output).toBe('drwxr-xr-x 2 learner learner 4096 Mar  3 09:00 /tmp/mine\n');
  });

  it('-p makes parents and accepts what exists', () => {
    expect(run('mkdir -p a/b/c && ls -R a | cat')).toEqual({ output: 'a:\nb\n\na/b:\nc\n\na/b/c:\n', exitCode: 0 });
    expect(run('mkdir -p dir', FILES)).toEqual({ output: '', exitCode: 0 });
  });

  it('-p names the step that fails', () => {
    expect(run('mkdir -p g/x/y', FILES)).toEqual({ output: 'mkdir: cannot create directory ‘g’: Not a directory\n', exitCode: 1 });
    expect(run('mkdir -p g', FILES)).toEqual({ output: 'mkdir: cannot create directory ‘g’: File exists\n', exitCode: 1 });
    expect(run('mkdir -p /etc/a/b')).toEqual({ output: 'mkdir: cannot create directory ‘/etc/a’: Permission denied\n', exitCode: 1 });
  });

  it('-v tells each directory it made, parents included', () => {
    expect(run('mkdir -v new')).toEqual({ output: "mkdir: created directory 'new'\n", exitCode: 0 });
    expect(run('mkdir -pv p/q/r', 'mkdir p').output).toBe("mkdir: created directory 'p/q'\nmkdir: created directory 'p/q/r'\n");
    expect(run('mkdir -pv m/n/').output).toBe("mkdir: created directory 'm'\nmkdir: created directory 'm/n/'\n");
    expect(run("mkdir -v 'a b'").output).toBe("mkdir: created directory 'a b'\n");
  });

  it('-m sets the mode, octal or symbolic (the last -m wins), of the named directory only', () => {
    const s = session('mkdir -m 700 a -m u-w b', 'mkdir -m go= c', 'mkdir -m =rx d', 'mkdir --mode=o-rwx e', 'mkdir -p -m 700 x/y');
    expect(s.run('ls -ld a b c d e x x/y | cat').output).toBe(
      'dr-xrwxrwx 2 learner learner 4096 Mar  3 09:00 a\n' +
        'dr-xrwxrwx 2 learner learner 4096 Mar  3 09:00 b\n' +
        'drwx------ 2 learner learner 4096 Mar  3 09:00 c\n' +
        'dr-xr-xr-x 2 learner learner 4096 Mar  3 09:00 d\n' +
        'drwxrwx--- 2 learner learner 4096 Mar  3 09:00 e\n' +
        'drwxr-xr-x 3 learner learner 4096 Mar  3 09:00 x\n' +
        'drwx------ 2 learner learner 4096 Mar  3 09:00 x/y\n',
    );
    expect(run('mkdir -m xyz d')).toEqual({ output: 'mkdir: invalid mode ‘xyz’\n', exitCode: 1 });
  });

  it('wants an operand and knows its options', () => {
    expect(run('mkdir')).toEqual({ output: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", exitCode: 1 });
    expect(run('mkdir -z d')).toEqual({ output: "mkdir: invalid option -- 'z'\nTry 'mkdir --help' for more information.\n", exitCode: 1 });
  });
});

describe('rmdir', () => {
  it('removes empty directories', () => {
    expect(run('rmdir empty dir/sub && ls | cat', FILES)).toEqual({ output: 'dir\ng\n', exitCode: 0 });
  });

  it('refuses full directories, files and what is not there', () => {
    expect(run('rmdir dir', FILES)).toEqual({ output: "rmdir: failed to remove 'dir': Directory not empty\n", exitCode: 1 });
    expect(run('rmdir g', FILES)).toEqual({ output: "rmdir: failed to remove 'g': Not a directory\n", exitCode: 1 });
    expect(run('rmdir nope')).toEqual({ output: "rmdir: failed to remove 'nope': No such file or directory\n", exitCode: 1 });
    expect(run("rmdir ''")).toEqual({ output: "rmdir: failed to remove '': No such file or directory\n", exitCode: 1 });
    expect(run('rmdir empty/.', FILES)).toEqual({ output: "rmdir: failed to remove 'empty/.': Invalid argument\n", exitCode: 1 });
  });

  it('checks permission first, as the kernel does', () => {
    expect(run('rmdir /etc')).toEqual({ output: "rmdir: failed to remove '/etc': Permission denied\n", exitCode: 1 });
    expect(run('rmdir /etc/hostname')).toEqual({ output: "rmdir: failed to remove '/etc/hostname': Permission denied\n", exitCode: 1 });
  });

  it('goes on after a failure', () => {
    expect(run('rmdir nope empty; ls | cat', FILES).output).toBe("rmdir: failed to remove 'nope': No such file or directory\ndir\ng\n");
  });

  it('-p removes the parents too; -v tells each', () => {
    expect(run('rmdir -pv a/b/c; ls | cat', 'mkdir -p a/b/c')).toEqual({
      output: "rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n",
      exitCode: 0,
    });
    expect(run('rmdir -p x/y', 'mkdir -p x/y && touch x/z')).toEqual({ output: "rmdir: failed to remove directory 'x': Directory not empty\n", exitCode: 1 });
  });

  it('wants an operand', () => {
    expect(run('rmdir')).toEqual({ output: "rmdir: missing operand\nTry 'rmdir --help' for more information.\n", exitCode: 1 });
  });
});

describe('touch', () => {
  it('creates empty files and freshens times', () => {
    const s = session('touch a');
    s.advance(3_600_000);
    expect(s.run('touch a b')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('ls -l | cat').output).toBe('total 0\n-rw-r--r-- 1 learner learner 0 Mar  3 10:00 a\n-rw-r--r-- 1 learner learner 0 Mar  3 10:00 b\n');
  });

  it('keeps what a file holds', () => {
    expect(run('touch g && cat g', FILES).output).toBe('x\n');
  });

  it('-c creates nothing', () => {
    expect(run('touch -c nope; ls nope')).toEqual({ output: "ls: cannot access 'nope': No such file or directory\n", exitCode: 2 });
    expect(run('touch --no-create g', FILES)).toEqual({ output: '', exitCode: 0 });
  });

  it('says why it cannot', () => {
    expect(run('touch nope/x')).toEqual({ output: "touch: cannot touch 'nope/x': No such file or directory\n", exitCode: 1 });
    expect(run('touch g/x', FILES)).toEqual({ output: "touch: cannot touch 'g/x': Not a directory\n", exitCode: 1 });
    expect(run("touch ''")).toEqual({ output: "touch: cannot touch '': No such file or directory\n", exitCode: 1 });
    expect(run('touch /etc/x')).toEqual({ output: "touch: cannot touch '/etc/x': Permission denied\n", exitCode: 1 });
    expect(run('touch /etc/passwd')).toEqual({ output: "touch: cannot touch '/etc/passwd': Permission denied\n", exitCode: 1 });
    expect(run('touch -c /etc/passwd')).toEqual({ output: "touch: setting times of '/etc/passwd': Permission denied\n", exitCode: 1 });
    expect(run('touch g/', FILES)).toEqual({ output: "touch: setting times of 'g/': Not a directory\n", exitCode: 1 });
    expect(run('touch nope/')).toEqual({ output: "touch: setting times of 'nope/': No such file or directory\n", exitCode: 1 });
    expect(run("touch 'a b/c'")).toEqual({ output: "touch: cannot touch 'a b/c': No such file or directory\n", exitCode: 1 });
  });

  it('wants an operand', () => {
    expect(run('touch')).toEqual({ output: "touch: missing file operand\nTry 'touch --help' for more information.\n", exitCode: 1 });
  });
});

describe('rm', () => {
  it('removes files, silently', () => {
    expect(run('rm g && ls | cat', FILES)).toEqual({ output: 'dir\nempty\n', exitCode: 0 });
  });

  it('will not remove a directory without -r or -d', () => {
    expect(run('rm dir', FILES)).toEqual({ output: "rm: cannot remove 'dir': Is a directory\n", exitCode: 1 });
    expect(run('rm dir/', FILES)).toEqual({ output: "rm: cannot remove 'dir/': Is a directory\n", exitCode: 1 });
    expect(run('rm .')).toEqual({ output: "rm: cannot remove '.': Is a directory\n", exitCode: 1 });
  });

  it('-r removes a tree; -d an empty directory', () => {
    expect(run('rm -r dir && ls | cat', FILES).output).toBe('empty\ng\n');
    expect(run('rm -R dir && ls | cat', FILES).output).toBe('empty\ng\n');
    expect(run('rm -d empty && ls | cat', FILES).output).toBe('dir\ng\n');
    expect(run('rm -d dir', FILES)).toEqual({ output: "rm: cannot remove 'dir': Directory not empty\n", exitCode: 1 });
    expect(run('rm -d /etc')).toEqual({ output: "rm: cannot remove '/etc': Directory not empty\n", exitCode: 1 });
  });

  it('-v tells each removal, a tree deepest first', () => {
    expect(run('rm -rv dir', 'mkdir -p dir/s && touch dir/f dir/s/g').output).toBe(
      "removed 'dir/f'\nremoved 'dir/s/g'\nremoved directory 'dir/s'\nremoved directory 'dir'\n",
    );
    expect(run('rm -v g', FILES).output).toBe("removed 'g'\n");
    expect(run('rm -dv empty', FILES).output).toBe("removed directory 'empty'\n");
  });

  it('reports what is missing, unless -f', () => {
    expect(run('rm nope')).toEqual({ output: "rm: cannot remove 'nope': No such file or directory\n", exitCode: 1 });
    expect(run('rm -f nope')).toEqual({ output: '', exitCode: 0 });
    expect(run('rm -f')).toEqual({ output: '', exitCode: 0 });
    expect(run('rm g nope dir', FILES)).toEqual({
      output: "rm: cannot remove 'nope': No such file or directory\nrm: cannot remove 'dir': Is a directory\n",
      exitCode: 1,
    });
    expect(run("rm ''")).toEqual({ output: "rm: cannot remove '': No such file or directory\n", exitCode: 1 });
    expect(run('rm g/', FILES)).toEqual({ output: "rm: cannot remove 'g/': Not a directory\n", exitCode: 1 });
  });

  it('refuses . and .. and / when recursive', () => {
    expect(run('rm -r .')).toEqual({ output: "rm: refusing to remove '.' or '..' directory: skipping '.'\n", exitCode: 1 });
    expect(run('rm -rf ..')).toEqual({ output: "rm: refusing to remove '.' or '..' directory: skipping '..'\n", exitCode: 1 });
    expect(run('rm -r dir/sub/..', FILES)).toEqual({ output: "rm: refusing to remove '.' or '..' directory: skipping 'dir/sub/..'\n", exitCode: 1 });
    expect(run('rm -d .')).toEqual({ output: "rm: refusing to remove '.' or '..' directory: skipping '.'\n", exitCode: 1 });
    expect(run('rm -rf /')).toEqual({ output: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", exitCode: 1 });
  });

  it('cannot remove system files', () => {
    expect(run('rm /etc/hostname')).toEqual({ output: "rm: cannot remove '/etc/hostname': Permission denied\n", exitCode: 1 });
    expect(run('rm -rf /etc')).toEqual({ output: "rm: cannot remove '/etc': Permission denied\n", exitCode: 1 });
  });

  it('-i asks first; only y or Y removes', () => {
    expect(runWith('rm -i g; ls | cat', ['y\r'], FILES)).toEqual({ output: "rm: remove regular file 'g'? y\r\ndir\nempty\n", exitCode: 0 });
    expect(runWith('rm -i g; ls | cat', ['no\r'], FILES).output).toBe("rm: remove regular file 'g'? no\r\ndir\nempty\ng\n");
    expect(runWith('rm -i e', [], 'touch e')).toEqual({ output: "rm: remove regular empty file 'e'? ", exitCode: 0 });
    expect(run('echo y | rm -i g; ls | cat', FILES).output).toBe("rm: remove regular file 'g'? dir\nempty\n");
  });

  it('-ri asks before going into a directory and before removing it', () => {
    const kept = runWith('rm -ri d; ls -R d | cat', ['y\r', 'n\r', 'y\r', 'y\r', 'y\r'], 'mkdir -p d/s && touch d/a d/s/b');
    expect(kept.output).toBe(
      "rm: descend into directory 'd'? y\r\nrm: remove regular empty file 'd/a'? n\r\n" +
        "rm: descend into directory 'd/s'? y\r\nrm: remove regular empty file 'd/s/b'? y\r\nrm: remove directory 'd/s'? y\r\n" +
        'd:\na\n',
    );
    const all = runWith('rm -riv d && ls | cat', ['y\r', 'y\r', 'y\r', 'y\r', 'y\r', 'y\r'], 'mkdir -p d/s && touch d/a d/s/b');
    expect(all.output).toBe(
      "rm: descend into directory 'd'? y\r\nrm: remove regular empty file 'd/a'? y\r\nremoved 'd/a'\n" +
        "rm: descend into directory 'd/s'? y\r\nrm: remove regular empty file 'd/s/b'? y\r\nremoved 'd/s/b'\n" +
        "rm: remove directory 'd/s'? y\r\nremoved directory 'd/s'\nrm: remove directory 'd'? y\r\nremoved directory 'd'\n",
    );
  });

  it('wants an operand', () => {
    expect(run('rm')).toEqual({ output: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 1 });
    expect(run('rm -x g')).toEqual({ output: "rm: invalid option -- 'x'\nTry 'rm --help' for more information.\n", exitCode: 1 });
  });
});
