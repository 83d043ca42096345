import { describe, expect, it } from 'vitest';
import { dir, run, session } from './helpers';

// dir/ with dir/sub/, f.txt (6 bytes), ten (10 bytes), empty alpha and Zeta, and .hidden.
const FILES = 'mkdir -p dir/sub && echo hello > f.txt && printf 1234567890 > ten && touch alpha Zeta .hidden';

describe('ls: listing', () => {
  it('lists names in columns in a terminal, directories in blue', () => {
    expect(run('ls', FILES)).toEqual({ output: `alpha  ${dir('dir')}  f.txt  ten  Zeta\n`, exitCode: 0 });
  });

  it('prints one name per line, uncoloured, into a pipe', () => {
    expect(run('ls | cat', FILES).output).toBe('alpha\ndir\nf.txt\nten\nZeta\n');
  });

  it('sorts like an en_US UTF-8 locale: case and leading dots ignored (a deliberate choice)', () => {
    expect(run('ls -A | cat', FILES).output).toBe('alpha\n.bashrc\ndir\nf.txt\n.hidden\n.profile\nten\nZeta\n');
  });

  it('prints nothing for an empty directory', () => {
    expect(run('ls dir/sub', FILES)).toEqual({ output: '', exitCode: 0 });
  });

  it('-1 lists one per line, still coloured in a terminal', () => {
    expect(run('ls -1', FILES).output).toBe(`alpha\n${dir('dir')}\nf.txt\nten\nZeta\n`);
  });

  it('-a adds dot files, . and ..; -A only the dot files', () => {
    expect(run('ls -a | cat', 'touch x .y').output).toBe('.\n..\n.bashrc\n.profile\nx\n.y\n');
    expect(run('ls -A | cat', 'touch x .y').output).toBe('.bashrc\n.profile\nx\n.y\n');
    expect(run('ls --all | cat', 'touch x').output).toBe('.\n..\n.bashrc\n.profile\nx\n');
  });

  it('lays many names out down then across, as wide as 80 columns allow', () => {
    const names = Array.from({ length: 30 }, (_, i) => `file-number-${String(i).padStart(2, '0')}`);
    const { output } = run('ls', `touch ${names.join(' ')}`);
    expect(output.split('\n')[0]).toBe('file-number-00  file-number-06  file-number-12  file-number-18  file-number-24');
    expect(output.split('\n')).toHaveLength(7);
  });

  it('-r reverses, -S sorts by size, -t by time', () => {
    expect(run('ls -r | cat', FILES).output).toBe('Zeta\nten\nf.txt\ndir\nalpha\n');
    expect(run('ls -S | cat', FILES).output).toBe('dir\nten\nf.txt\nalpha\nZeta\n');
    const s = session('touch old');
    s.advance(60_000);
    s.run('touch new');
    expect(s.run('ls -t | cat').output).toBe('new\nold\n');
    expect(s.run('ls -tr | cat').output).toBe('old\nnew\n');
  });
});

describe('ls -l', () => {
  it('shows mode, links, owner, group, size, time and name, after the total in 1K blocks', () => {
    expect(run('ls -l | cat', FILES).output).toBe(
      'total 12\n' +
        '-rw-r--r-- 1 learner learner    0 Mar  3 09:00 alpha\n' +
        'drwxr-xr-x 3 learner learner 4096 Mar  3 09:00 dir\n' +
        '-rw-r--r-- 1 learner learner    6 Mar  3 09:00 f.txt\n' +
        '-rw-r--r-- 1 learner learner   10 Mar  3 09:00 ten\n' +
        '-rw-r--r-- 1 learner learner    0 Mar  3 09:00 Zeta\n',
    );
  });

  it('colours directory names in a terminal', () => {
    expect(run('ls -l dir', FILES).output).toBe(`total 4\ndrwxr-xr-x 2 learner learner 4096 Mar  3 09:00 ${dir('sub')}\n`);
  });

  it('-la pads the owner columns to the widest and counts . and ..', () => {
    expect(run('ls -la | cat', 'touch x').output).toBe(
      'total 16\n' +
        'drwxr-xr-x 2 learner learner 4096 Mar  3 09:00 .\n' +
        'drwxr-xr-x 3 root    root    4096 Mar  3 09:00 ..\n' +
        '-rw-r--r-- 1 learner learner  100 Mar  3 09:00 .bashrc\n' +
        '-rw-r--r-- 1 learner learner   90 Mar  3 09:00 .profile\n' +
        '-rw-r--r-- 1 learner learner    0 Mar  3 09:00 x\n',
    );
  });

  it('-h prints sizes like 4.0K and the total as 16K', () => {
    expect(run('ls -lh | cat', `${FILES} && head -c 5000 /etc/os-release > big`).output).toBe(
      'total 16K\n' +
        '-rw-r--r-- 1 learner learner    0 Mar  3 09:00 alpha\n' +
        '-rw-r--r-- 1 learner learner  186 Mar  3 09:00 big\n' +
        'drwxr-xr-x 3 learner learner 4.0K Mar  3 09:00 dir\n' +
        '-rw-r--r-- 1 learner learner    6 Mar  3 09:00 f.txt\n' +
        '-rw-r--r-- 1 learner learner   10 Mar  3 09:00 ten\n' +
        '-rw-r--r-- 1 learner learner    0 Mar  3 09:00 Zeta\n',
    );
  });

  it('-h rounds up to one decimal below 10 units, as GNU does', () => {
    const s = session(`printf '%5000s' x > big`);
    expect(s.run('ls -lh big | cat').output).toBe('-rw-r--r-- 1 learner learner 4.9K Mar  3 09:00 big\n');
  });

  it('shows the year instead of the time for files six months old', () => {
    const s = session('touch old');
    s.advance(200 * 24 * 3600 * 1000);
    expect(s.run('ls -l old | cat').output).toBe('-rw-r--r-- 1 learner learner 0 Mar  3  2025 old\n');
  });

  it('shows the sticky bit of /tmp and the closed /root', () => {
    expect(run('ls -ld /tmp /root | cat').output).toBe('drwx------ 2 root root 4096 Mar  3 09:00 /root\ndrwxrwxrwt 2 root root 4096 Mar  3 09:00 /tmp\n');
  });

  it('-d lists a directory itself', () => {
    expect(run('ls -d dir | cat', FILES).output).toBe('dir\n');
    expect(run('ls -ld dir | cat', FILES).output).toBe('drwxr-xr-x 3 learner learner 4096 Mar  3 09:00 dir\n');
    expect(run('ls -d | cat').output).toBe('.\n');
  });
});

describe('ls with several operands', () => {
  it('lists files first, then each directory under a heading', () => {
    expect(run('ls f.txt dir | cat', FILES).output).toBe('f.txt\n\ndir:\nsub\n');
    expect(run('ls dir dir/sub | cat', FILES).output).toBe('dir:\nsub\n\ndir/sub:\n');
  });

  it('reports a missing operand first, lists the rest and exits 2', () => {
    expect(run('ls dir f.txt nope', FILES)).toEqual({
      output: `ls: cannot access 'nope': No such file or directory\nf.txt\n\ndir:\n${dir('sub')}\n`,
      exitCode: 2,
    });
  });

  it('lists a file given by name, even a hidden one', () => {
    expect(run('ls .hidden', FILES)).toEqual({ output: '.hidden\n', exitCode: 0 });
  });
});

describe('ls -R', () => {
  it('lists every directory below, each under its path', () => {
    expect(run('ls -R | cat', FILES).output).toBe('.:\nalpha\ndir\nf.txt\nten\nZeta\n\n./dir:\nsub\n\n./dir/sub:\n');
    expect(run('ls -R dir/ | cat', 'mkdir -p dir/a/b && touch dir/f').output).toBe('dir/:\na\nf\n\ndir/a:\nb\n\ndir/a/b:\n');
  });

  it('goes into hidden directories only with -a or -A', () => {
    expect(run('ls -RA | cat', 'mkdir -p .h/x').output).toBe('.:\n.bashrc\n.h\n.profile\n\n./.h:\nx\n\n./.h/x:\n');
  });
});

describe('ls quoting names as GNU ls does in a terminal', () => {
  it('quotes names with spaces and lines the others up with a space', () => {
    expect(run('ls', `touch 'a b' plain "it's"`).output).toBe(`'a b'  "it's"   plain\n`);
    expect(run('ls -l', `touch 'a b' plain`).output).toBe(
      "total 0\n-rw-r--r-- 1 learner learner 0 Mar  3 09:00 'a b'\n-rw-r--r-- 1 learner learner 0 Mar  3 09:00  plain\n",
    );
  });

  it('writes control characters as $-quoted escapes', () => {
    expect(run('ls', `touch "$(printf 'tab\\there')" $'\\001x'`).output).toBe(`''$'\\001''x'  'tab'$'\\t''here'\n`);
  });

  it('leaves names alone in a pipe, and with -1', () => {
    expect(run('ls | cat', `touch 'a b' plain`).output).toBe('a b\nplain\n');
    expect(run('ls -1', `touch 'a b' plain`).output).toBe("'a b'\nplain\n");
  });

  it.each([
    ['x=y', "'x=y'"],
    ['#c', "'#c'"],
    ['c#', 'c#'],
    ['~u', "'~u'"],
    ['u~', 'u~'],
    ['{', "'{'"],
    ['l{', 'l{'],
    ['p@q', 'p@q'],
    ['r,s', 'r,s'],
    ['a[b', "'a[b'"],
    ['a]b', 'a]b'],
    ['x!', "'x!'"],
    ['d$', "'d$'"],
    ['é', 'é'],
    ['x\\y', "'x\\y'"],
    [`it's "q"`, `'it'\\''s "q"'`],
  ])('shows %j as %s', (name, shown) => {
    const quoted = `'${name.replace(/'/g, `'\\''`)}'`;
    expect(run(`ls -d ${quoted}`, `touch ${quoted}`).output).toBe(`${shown}\n`);
  });
});

describe('ls --color', () => {
  it('colours with --color or --color=always even into a pipe, never with --color=never', () => {
    expect(run('ls --color | cat', FILES).output).toBe(`alpha\n${dir('dir')}\nf.txt\nten\nZeta\n`);
    expect(run('ls --color=always | cat', FILES).output).toBe(`alpha\n${dir('dir')}\nf.txt\nten\nZeta\n`);
    expect(run('ls --color=never', FILES).output).toBe('alpha  dir  f.txt  ten  Zeta\n');
    expect(run('ls --color=no', FILES).output).toBe('alpha  dir  f.txt  ten  Zeta\n');
  });

  it('colours sticky, world-writable directories such as /tmp black on green', () => {
    expect(run('ls -d /tmp /etc').output).toBe(`${dir('/etc')}  \x1b[30;42m/tmp\x1b[0m\n`);
  });

  it('refuses an unknown WHEN with the valid ones, exit 1', () => {
    const message = (what: string, value: string) =>
      `ls: ${what} argument ‘${value}’ for ‘--color’\nValid arguments are:\n  - ‘always’, ‘yes’, ‘force’\n  - ‘never’, ‘no’, ‘none’\n  - ‘auto’, ‘tty’, ‘if-tty’\nTry 'ls --help' for more information.\n`;
    expect(run('ls --color=bad')).toEqual({ output: message('invalid', 'bad'), exitCode: 1 });
    expect(run('ls --color=a')).toEqual({ output: message('ambiguous', 'a'), exitCode: 1 });
  });
});

describe('ls errors', () => {
  it('says what it cannot access, exit 2', () => {
    expect(run('ls nope')).toEqual({ output: "ls: cannot access 'nope': No such file or directory\n", exitCode: 2 });
    expect(run("ls ''")).toEqual({ output: "ls: cannot access '': No such file or directory\n", exitCode: 2 });
    expect(run('ls f.txt/', FILES)).toEqual({ output: "ls: cannot access 'f.txt/': Not a directory\n", exitCode: 2 });
    expect(run("ls 'a b'")).toEqual({ output: "ls: cannot access 'a b': No such file or directory\n", exitCode: 2 });
  });

  it('cannot read /root', () => {
    expect(run('ls /root')).toEqual({ output: "ls: cannot open directory '/root': Permission denied\n", exitCode: 2 });
    expect(run('ls /root/x')).toEqual({ output: "ls: cannot access '/root/x': Permission denied\n", exitCode: 2 });
  });

  it('refuses unknown options, exit 2', () => {
    expect(run('ls -z')).toEqual({ output: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", exitCode: 2 });
    expect(run('ls --bogus')).toEqual({ output: "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n", exitCode: 2 });
    expect(run('ls --al')).toEqual({
      output: "ls: option '--al' is ambiguous; possibilities: '--all' '--almost-all'\nTry 'ls --help' for more information.\n",
      exitCode: 2,
    });
  });

  it('prints its help with --help', () => {
    const { output, exitCode } = run('ls --help');
    expect(exitCode).toBe(0);
    expect(output.split('\n').slice(0, 4)).toEqual([
      'Usage: ls [OPTION]... [FILE]...',
      'List information about the FILEs (the current directory by default).',
      'Sort entries alphabetically if none of -t nor -S is specified.',
      '',
    ]);
    expect(output).toContain('\n      --color[=WHEN]         color the output WHEN');
  });
});
