import { describe, expect, it } from 'vitest';
import { run, runWith, session } from './helpers';

const FILES = 'mkdir -p dir/sub empty && echo x > g && echo y > h';
const both = (line: string, ...setup: string[]) => run(`${line}; ls -R | cat`, ...setup);

describe('cp', () => {
  it('copies a file to a new name, or over an existing one', () => {
    expect(run('cp g k && cat k', FILES)).toEqual({ output: 'x\n', exitCode: 0 });
    expect(run('cp g h && cat h', FILES).output).toBe('x\n');
  });

  it('copies into a directory, several sources at once', () => {
    expect(run('cp g h dir && ls dir | cat', FILES).output).toBe('g\nh\nsub\n');
    expect(run('cp g empty/ && ls empty | cat', FILES).output).toBe('g\n');
  });

  it('makes the learner the owner and now the time of a copy', () => {
    const s = session();
    s.advance(3_600_000);
    expect(s.run('cp /etc/hostname mine && ls -l mine | cat').output).toBe('-rw-r--r-- 1 learner learner 7 Mar  3 10:00 mine\n');
  });

  it('-p keeps the time and mode', () => {
    const s = session('mkdir -m 700 d');
    s.advance(3_600_000);
    expect(s.run('cp -rp d e && ls -ld e | cat').output).toBe('drwx------ 2 learner learner 4096 Mar  3 09:00 e\n');
  });

  it('-r copies a tree, merging into a directory already there', () => {
    expect(both('cp -r dir d2', FILES).output).toBe('.:\nd2\ndir\nempty\ng\nh\n\n./d2:\nsub\n\n./d2/sub:\n\n./dir:\nsub\n\n./dir/sub:\n\n./empty:\n');
    expect(run('cp -r dir empty && ls -R empty | cat', FILES).output).toBe('empty:\ndir\n\nempty/dir:\nsub\n\nempty/dir/sub:\n');
    expect(run('cp -r dir d2 && touch dir/new && cp -r dir d2 && ls d2 | cat', FILES).output).toBe('dir\nsub\n');
  });

  it('-v tells each copy, a tree from the top down', () => {
    expect(run('cp -v g k', FILES)).toEqual({ output: "'g' -> 'k'\n", exitCode: 0 });
    expect(run('cp -rv dir d3', 'mkdir -p dir/s && touch dir/s/f').output).toBe("'dir' -> 'd3'\n'dir/s' -> 'd3/s'\n'dir/s/f' -> 'd3/s/f'\n");
    expect(run('cp -v g dir', FILES).output).toBe("'g' -> 'dir/g'\n");
  });

  it('-n keeps an existing file; -f changes nothing here', () => {
    expect(run('cp -n g h; cat h', FILES)).toEqual({ output: 'y\n', exitCode: 0 });
    expect(run('cp -f g h; cat h', FILES).output).toBe('x\n');
  });

  it('-i asks before overwriting', () => {
    expect(runWith('cp -i g h; cat h', ['n\r'], FILES).output).toBe("cp: overwrite 'h'? n\r\ny\n");
    expect(runWith('cp -i g h; cat h', ['y\r'], FILES).output).toBe("cp: overwrite 'h'? y\r\nx\n");
    expect(runWith('cp -i g new; cat new', [], FILES).output).toBe('x\n');
  });

  it('-a copies a tree keeping times and modes', () => {
    expect(run('cp -a dir d5 && ls -R d5 | cat', FILES).output).toBe('d5:\nsub\n\nd5/sub:\n');
  });

  it('refuses directories without -r', () => {
    expect(run('cp dir d2', FILES)).toEqual({ output: "cp: -r not specified; omitting directory 'dir'\n", exitCode: 1 });
  });

  it('refuses to copy onto itself or into itself', () => {
    expect(run('cp g g', FILES)).toEqual({ output: "cp: 'g' and 'g' are the same file\n", exitCode: 1 });
    expect(run('cp g ./g', FILES)).toEqual({ output: "cp: 'g' and './g' are the same file\n", exitCode: 1 });
    expect(run('cp -r dir dir/sub', FILES)).toEqual({ output: "cp: cannot copy a directory, 'dir', into itself, 'dir/sub/dir'\n", exitCode: 1 });
  });

  it('will not mix files and directories', () => {
    expect(run('cp g dir/sub/..', FILES).exitCode).toBe(0);
    expect(run('cp -r dir g', FILES)).toEqual({ output: "cp: cannot overwrite non-directory 'g' with directory 'dir'\n", exitCode: 1 });
    expect(run('cp g dir', 'mkdir -p dir/g && echo x > g')).toEqual({ output: "cp: cannot overwrite directory 'dir/g' with non-directory\n", exitCode: 1 });
  });

  it('reports missing sources and bad targets', () => {
    expect(run('cp nope k')).toEqual({ output: "cp: cannot stat 'nope': No such file or directory\n", exitCode: 1 });
    expect(run('cp nope g dir', FILES)).toEqual({ output: "cp: cannot stat 'nope': No such file or directory\n", exitCode: 1 });
    expect(run('cp g h nope', FILES)).toEqual({ output: "cp: target 'nope': No such file or directory\n", exitCode: 1 });
    expect(run('cp g h k', FILES.replace('echo y > h', 'echo y > h && touch k'))).toEqual({ output: "cp: target 'k': Not a directory\n", exitCode: 1 });
    expect(run('cp g nope/', FILES)).toEqual({ output: "cp: cannot create regular file 'nope/': Not a directory\n", exitCode: 1 });
    expect(run('cp g h/', FILES)).toEqual({ output: "cp: cannot stat 'h/': Not a directory\n", exitCode: 1 });
    expect(run('cp g/ k', FILES)).toEqual({ output: "cp: cannot stat 'g/': Not a directory\n", exitCode: 1 });
    expect(run("cp '' g", FILES)).toEqual({ output: "cp: cannot stat '': No such file or directory\n", exitCode: 1 });
    expect(run("cp g ''", FILES)).toEqual({ output: "cp: cannot create regular file '': No such file or directory\n", exitCode: 1 });
    expect(run('cp g x/y/', FILES)).toEqual({ output: "cp: cannot create regular file 'x/y/': No such file or directory\n", exitCode: 1 });
  });

  it('cannot write outside home and /tmp', () => {
    expect(run('cp g /etc/x', FILES)).toEqual({ output: "cp: cannot create regular file '/etc/x': Permission denied\n", exitCode: 1 });
    expect(run('cp -r dir /etc/d', FILES)).toEqual({ output: "cp: cannot create directory '/etc/d': Permission denied\n", exitCode: 1 });
    expect(run('cp g /tmp && cat /tmp/g', FILES).output).toBe('x\n');
  });

  it('wants two operands', () => {
    expect(run('cp')).toEqual({ output: "cp: missing file operand\nTry 'cp --help' for more information.\n", exitCode: 1 });
    expect(run('cp g', FILES)).toEqual({ output: "cp: missing destination file operand after 'g'\nTry 'cp --help' for more information.\n", exitCode: 1 });
    expect(run('cp -z g k')).toEqual({ output: "cp: invalid option -- 'z'\nTry 'cp --help' for more information.\n", exitCode: 1 });
  });
});

describe('mv', () => {
  it('renames, replacing an existing file', () => {
    expect(both('mv g k', FILES).output).toBe('.:\ndir\nempty\nh\nk\n\n./dir:\nsub\n\n./dir/sub:\n\n./empty:\n');
    expect(run('mv g h && cat h && ls | cat', FILES).output).toBe('x\ndir\nempty\nh\n');
  });

  it('moves into a directory, several at once', () => {
    expect(run('mv g h dir && ls dir | cat && ls | cat', FILES).output).toBe('g\nh\nsub\ndir\nempty\n');
  });

  it('renames directories, and replaces an empty one', () => {
    expect(run('mv dir d2 && ls -R d2 | cat', FILES).output).toBe('d2:\nsub\n\nd2/sub:\n');
    expect(run('mv dir/ d2 && ls | cat', FILES).output).toBe('d2\nempty\ng\nh\n');
    expect(run('mv d e && ls -R e | cat', 'mkdir -p d e/d').output).toBe('e:\nd\n\ne/d:\n');
  });

  it('keeps the time of what it moves', () => {
    const s = session('touch f');
    s.advance(3_600_000);
    expect(s.run('mv f g && ls -l g | cat').output).toBe('-rw-r--r-- 1 learner learner 0 Mar  3 09:00 g\n');
  });

  it('-v tells each move', () => {
    expect(run('mv -v g k', FILES)).toEqual({ output: "renamed 'g' -> 'k'\n", exitCode: 0 });
    expect(run('mv -v g dir', FILES).output).toBe("renamed 'g' -> 'dir/g'\n");
  });

  it('-n keeps an existing file; -i asks', () => {
    expect(run('mv -n g h; cat g h', FILES)).toEqual({ output: 'x\ny\n', exitCode: 0 });
    expect(runWith('mv -i g h; cat h', ['y\r'], FILES).output).toBe("mv: overwrite 'h'? y\r\nx\n");
    expect(runWith('mv -i g h; ls | cat', [], FILES).output).toBe("mv: overwrite 'h'? dir\nempty\ng\nh\n");
    expect(run('mv -f g h; cat h', FILES).output).toBe('x\n');
  });

  it('refuses to move onto itself or into itself', () => {
    expect(run('mv g g', FILES)).toEqual({ output: "mv: 'g' and 'g' are the same file\n", exitCode: 1 });
    expect(run('mv dir dir/sub', FILES)).toEqual({ output: "mv: cannot move 'dir' to a subdirectory of itself, 'dir/sub/dir'\n", exitCode: 1 });
    expect(run('mv dir .', FILES)).toEqual({ output: "mv: 'dir' and './dir' are the same file\n", exitCode: 1 });
  });

  it('will not mix files and directories', () => {
    expect(run('mv dir g', FILES)).toEqual({ output: "mv: cannot overwrite non-directory 'g' with directory 'dir'\n", exitCode: 1 });
    expect(run('mv g h', 'mkdir -p h/g && echo x > g')).toEqual({ output: "mv: cannot overwrite directory 'h/g' with non-directory\n", exitCode: 1 });
    expect(run('mv d f', 'mkdir -p d f/d/x')).toEqual({ output: "mv: cannot move 'd' to 'f/d': Directory not empty\n", exitCode: 1 });
  });

  it('reports missing sources and bad targets', () => {
    expect(run('mv nope k')).toEqual({ output: "mv: cannot stat 'nope': No such file or directory\n", exitCode: 1 });
    expect(run('mv g h nope', FILES)).toEqual({ output: "mv: target 'nope': No such file or directory\n", exitCode: 1 });
    expect(run('mv g nope/', FILES)).toEqual({ output: "mv: cannot move 'g' to 'nope/': Not a directory\n", exitCode: 1 });
    expect(run('mv g x/y/', FILES)).toEqual({ output: "mv: cannot move 'g' to 'x/y/': No such file or directory\n", exitCode: 1 });
    expect(run("mv '' g", FILES)).toEqual({ output: "mv: cannot stat '': No such file or directory\n", exitCode: 1 });
    expect(run("mv g ''", FILES)).toEqual({ output: "mv: cannot move 'g' to '': No such file or directory\n", exitCode: 1 });
  });

  it('cannot take system files or write outside home and /tmp', () => {
    expect(run('mv /etc/hostname k')).toEqual({ output: "mv: cannot move '/etc/hostname' to 'k': Permission denied\n", exitCode: 1 });
    expect(run('mv g /etc/x; cat g', FILES)).toEqual({ output: "mv: cannot move 'g' to '/etc/x': Permission denied\nx\n", exitCode: 0 });
  });

  it('wants two operands', () => {
    expect(run('mv')).toEqual({ output: "mv: missing file operand\nTry 'mv --help' for more information.\n", exitCode: 1 });
    expect(run('mv g', FILES)).toEqual({ output: "mv: missing destination file operand after 'g'\nTry 'mv --help' for more information.\n", exitCode: 1 });
  });
});
