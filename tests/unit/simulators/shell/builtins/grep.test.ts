import { describe, expect, it } from 'vitest';
import { run, runWith } from './helpers';

const FILES =
  "printf 'apple pie\\nBanana split\\ncherry tart\\napple crumble\\n' > f.txt && printf 'one apple\\ntwo\\n' > g.txt && printf 'nothing\\n' > h.txt && " +
  "mkdir -p dir/sub && echo 'apple in dir' > dir/a && echo no > dir/sub/b";
/** grep with colours off, as into a pipe. */
const grep = (args: string) => run(`grep --color=never ${args}`, FILES);

// GREP_COLORS defaults: match bold red, file name magenta, line number green, separator cyan.
const match = (s: string) => `\x1b[01;31m\x1b[K${s}\x1b[m\x1b[K`;
const file = (s: string) => `\x1b[35m\x1b[K${s}\x1b[m\x1b[K`;
const num = (s: string) => `\x1b[32m\x1b[K${s}\x1b[m\x1b[K`;
const sep = (s: string) => `\x1b[36m\x1b[K${s}\x1b[m\x1b[K`;

describe('grep: selecting lines', () => {
  it('prints matching lines; exit 0 when some matched, 1 when none', () => {
    expect(grep('apple f.txt')).toEqual({ output: 'apple pie\napple crumble\n', exitCode: 0 });
    expect(grep('nothing-here f.txt')).toEqual({ output: '', exitCode: 1 });
  });

  it('reads a pipe, a here string, - and the terminal', () => {
    expect(run('echo hello | grep -c l').output).toBe('1\n');
    expect(run("grep --color=never l <<< 'hello'").output).toBe('hello\n');
    expect(run('echo hello | grep --color=never l - g.txt', FILES).output).toBe('(standard input):hello\ng.txt:one apple\n');
    expect(runWith('grep --color=never a', ['abc\r', 'xyz\r', '\x04'])).toEqual({ output: 'abc\r\nabc\nxyz\r\n', exitCode: 0 });
  });

  it('-i ignores case (and -y, its old name)', () => {
    expect(grep('-i BANANA f.txt').output).toBe('Banana split\n');
    expect(grep('-y APPLE g.txt').output).toBe('one apple\n');
  });

  it('-v inverts, -c counts, -n numbers', () => {
    expect(grep('-v apple f.txt').output).toBe('Banana split\ncherry tart\n');
    expect(grep('-c apple f.txt').output).toBe('2\n');
    expect(grep('-vc apple f.txt').output).toBe('2\n');
    expect(grep('-n apple f.txt').output).toBe('1:apple pie\n4:apple crumble\n');
    expect(grep('-vn apple f.txt').output).toBe('2:Banana split\n3:cherry tart\n');
  });

  it('-w matches whole words, -x whole lines', () => {
    expect(grep('-w app f.txt')).toEqual({ output: '', exitCode: 1 });
    expect(grep('-w apple f.txt').output).toBe('apple pie\napple crumble\n');
    expect(grep("-x 'apple pie' f.txt").output).toBe('apple pie\n');
    expect(grep('-x apple f.txt').exitCode).toBe(1);
  });

  it('-o prints only the matches, one per line', () => {
    expect(grep("-o 'ap*le' f.txt").output).toBe('apple\napple\n');
    expect(grep("-on 'p' g.txt").output).toBe('1:p\n1:p\n');
    expect(grep("-ow 'a[a-z]*' f.txt").output).toBe('apple\napple\n');
  });

  it('-m stops after NUM selected lines, in each file', () => {
    expect(grep('-m1 apple f.txt g.txt').output).toBe('f.txt:apple pie\ng.txt:one apple\n');
    expect(grep('-m1 -c apple f.txt').output).toBe('1\n');
    expect(grep('-m0 apple f.txt')).toEqual({ output: '', exitCode: 1 });
    expect(grep('-m 1 -A 2 apple f.txt').output).toBe('apple pie\nBanana split\ncherry tart\n');
  });

  it('-q says nothing and stops at the first match', () => {
    expect(grep('-q apple f.txt')).toEqual({ output: '', exitCode: 0 });
    expect(grep('-q zzz f.txt')).toEqual({ output: '', exitCode: 1 });
    expect(grep('-q apple nope f.txt')).toEqual({ output: 'grep: nope: No such file or directory\n', exitCode: 0 });
    expect(grep('-q zzz nope f.txt')).toEqual({ output: 'grep: nope: No such file or directory\n', exitCode: 2 });
  });

  it('-e gives several patterns; -f reads them from a file', () => {
    expect(grep('-e apple -e cherry f.txt').output).toBe('apple pie\ncherry tart\napple crumble\n');
    expect(grep('-e -x f.txt')).toEqual({ output: '', exitCode: 1 });
    expect(grep('-f g.txt f.txt')).toEqual({ output: '', exitCode: 1 });
    expect(run("printf 'cherry\\nsplit\\n' > pats && grep --color=never -f pats f.txt", FILES).output).toBe('Banana split\ncherry tart\n');
    expect(grep('-f nope f.txt')).toEqual({ output: 'grep: nope: No such file or directory\n', exitCode: 2 });
  });

  it('-F takes the pattern literally', () => {
    expect(run("echo 'a.b axb' | grep -o -F .").output).toBe(`${match('.')}\n`);
    expect(run("echo 'a.b' | grep -c -F -x a.b").output).toBe('1\n');
  });
});

describe('grep: file names and several files', () => {
  it('prefixes names when there are several files; -h and -H decide otherwise', () => {
    expect(grep('apple f.txt g.txt').output).toBe('f.txt:apple pie\nf.txt:apple crumble\ng.txt:one apple\n');
    expect(grep('-h apple f.txt g.txt').output).toBe('apple pie\napple crumble\none apple\n');
    expect(grep('-H two g.txt').output).toBe('g.txt:two\n');
    expect(grep("-n '' h.txt g.txt").output).toBe('h.txt:1:nothing\ng.txt:1:one apple\ng.txt:2:two\n');
    expect(grep('-c apple f.txt g.txt h.txt').output).toBe('f.txt:2\ng.txt:1\nh.txt:0\n');
  });

  it('-l and -L list the files with and without a match', () => {
    expect(grep('-l apple f.txt g.txt h.txt').output).toBe('f.txt\ng.txt\n');
    expect(grep('-L apple f.txt g.txt h.txt')).toEqual({ output: 'h.txt\n', exitCode: 0 });
  });

  it('reports unreadable files in their turn and exits 2', () => {
    expect(grep('apple f.txt nope')).toEqual({ output: 'f.txt:apple pie\nf.txt:apple crumble\ngrep: nope: No such file or directory\n', exitCode: 2 });
    expect(grep('-s apple nope f.txt')).toEqual({ output: 'f.txt:apple pie\nf.txt:apple crumble\n', exitCode: 2 });
    expect(grep("x 'a b'")).toEqual({ output: 'grep: a b: No such file or directory\n', exitCode: 2 });
  });

  it('says a directory is one, counting nothing in it, unless -r', () => {
    expect(grep('apple dir')).toEqual({ output: 'grep: dir: Is a directory\n', exitCode: 2 });
    expect(grep('-c apple dir f.txt')).toEqual({ output: 'grep: dir: Is a directory\ndir:0\nf.txt:2\n', exitCode: 2 });
  });
});

describe('grep -r', () => {
  it('searches a tree, naming each file by its path', () => {
    expect(grep('-r apple dir')).toEqual({ output: 'dir/a:apple in dir\n', exitCode: 0 });
    expect(grep('-rn apple dir').output).toBe('dir/a:1:apple in dir\n');
    expect(grep('-rc apple dir').output).toBe('dir/a:1\ndir/sub/b:0\n');
    expect(grep('-R apple dir').output).toBe('dir/a:apple in dir\n');
  });

  it('searches . without ./ when no file is named, with it when . is named', () => {
    expect(grep('-rl apple').output).toBe('dir/a\nf.txt\ng.txt\n');
    expect(grep('-rl apple .').output).toBe('./dir/a\n./f.txt\n./g.txt\n');
  });

  it('names a single file given to -r only with -H', () => {
    expect(grep('-r apple dir/a').output).toBe('apple in dir\n');
    expect(grep('-r apple dir/a f.txt').output).toBe('dir/a:apple in dir\nf.txt:apple pie\nf.txt:apple crumble\n');
  });

  it('--include and --exclude choose files by name', () => {
    expect(grep("-r --include='*.txt' -l apple .").output).toBe('./f.txt\n./g.txt\n');
    expect(grep("-r --exclude='f*' -l apple .").output).toBe('./dir/a\n./g.txt\n');
  });

  it('reports what is not there', () => {
    expect(grep('-r apple nope')).toEqual({ output: 'grep: nope: No such file or directory\n', exitCode: 2 });
  });
});

describe('grep context', () => {
  it('-A, -B and -C print lines around matches, groups parted by --', () => {
    expect(grep('-A1 Banana f.txt').output).toBe('Banana split\ncherry tart\n');
    expect(grep('-B1 Banana f.txt').output).toBe('apple pie\nBanana split\n');
    expect(grep('-C1 Banana f.txt').output).toBe('apple pie\nBanana split\ncherry tart\n');
    expect(grep('--context=1 Banana f.txt').output).toBe('apple pie\nBanana split\ncherry tart\n');
    expect(grep('-nA1 apple f.txt').output).toBe('1:apple pie\n2-Banana split\n--\n4:apple crumble\n');
    expect(grep('-B2 cherry f.txt g.txt').output).toBe('f.txt-apple pie\nf.txt-Banana split\nf.txt:cherry tart\n');
    expect(grep('-A1 apple f.txt h.txt f.txt').output).toBe(
      'f.txt:apple pie\nf.txt-Banana split\n--\nf.txt:apple crumble\n--\nf.txt:apple pie\nf.txt-Banana split\n--\nf.txt:apple crumble\n',
    );
    expect(grep('-C 1 -A 0 Banana f.txt').output).toBe('apple pie\nBanana split\n');
  });

  it('refuses a bad number', () => {
    expect(grep('-A x a f.txt')).toEqual({ output: 'grep: x: invalid context length argument\n', exitCode: 2 });
    expect(grep('-m x a f.txt')).toEqual({ output: 'grep: invalid max count\n', exitCode: 2 });
  });
});

describe('grep regular expressions', () => {
  it('reads basic expressions: \\( \\) \\| \\{ \\} \\+ are operators, ( ) | { } + are characters', () => {
    expect(grep("'apple\\|cherry' f.txt").output).toBe('apple pie\ncherry tart\napple crumble\n');
    expect(grep("'^\\(apple\\|cherry\\) ' f.txt").output).toBe('apple pie\ncherry tart\napple crumble\n');
    expect(grep("-c 'p\\{2\\}' f.txt").output).toBe('2\n');
    expect(grep("-o 'p\\+' g.txt").output).toBe('pp\n');
    expect(run("echo 'a+b (c) {d} x|y' | grep -o 'a+b\\|(c)\\|{d}\\|x|y'").output).toBe(`${match('a+b')}\n${match('(c)')}\n${match('{d}')}\n${match('x|y')}\n`);
  });

  it('reads extended expressions with -E', () => {
    expect(grep("-E 'apple|cherry' f.txt").output).toBe('apple pie\ncherry tart\napple crumble\n');
    expect(grep("-E '^(apple|cherry) ' f.txt").output).toBe('apple pie\ncherry tart\napple crumble\n');
    expect(grep("-cE 'p{2}' f.txt").output).toBe('2\n');
    expect(grep("-E 'a+' g.txt").output).toBe('one apple\n');
  });

  it('knows anchors, classes, word edges and back-references', () => {
    expect(grep("'^[[:upper:]]' f.txt").output).toBe('Banana split\n');
    expect(grep("-c 'a.*e$' f.txt").output).toBe('2\n');
    expect(grep("'\\<cr' f.txt").output).toBe('apple crumble\n');
    expect(grep("'ie\\>' f.txt").output).toBe('apple pie\n');
    expect(grep("'\\(p\\)\\1' f.txt").output).toBe('apple pie\napple crumble\n');
    expect(grep("-E '(a)(p)\\2' f.txt").output).toBe('apple pie\napple crumble\n');
    expect(run("printf 'a^b\\nab$c\\n' | grep -c 'a^b\\|b$c'").output).toBe('2\n');
  });

  it('takes a leading * as a character in a basic expression, and warns in an extended one', () => {
    expect(run("echo '*apple' | grep --color=never '*apple'").output).toBe('*apple\n');
    expect(grep("-E '*apple' f.txt")).toEqual({ output: 'grep: warning: * at start of expression\napple pie\napple crumble\n', exitCode: 0 });
    expect(grep("-c 'a**' g.txt").output).toBe('2\n');
  });

  it('refuses broken expressions as GNU grep words it, exit 2', () => {
    const refusals: [string, string][] = [
      ["'['", 'Invalid regular expression'],
      ["'[a'", 'Unmatched [, [^, [:, [., or [='],
      ["'\\('", 'Unmatched ( or \\('],
      ["'x\\)'", 'Unmatched ) or \\)'],
      ["'a\\{1'", 'Unmatched \\{'],
      ["'[[:foo:]]'", 'Invalid character class name'],
      ["'[:space:]'", 'character class syntax is [[:space:]], not [:space:]'],
      ["'a\\'", 'Trailing backslash'],
      ["'\\1'", 'Invalid back reference'],
      ["-E '('", 'Unmatched ( or \\('],
    ];
    for (const [pattern, message] of refusals) expect(grep(`${pattern} g.txt`)).toEqual({ output: `grep: ${message}\n`, exitCode: 2 });
  });
});

describe('grep colours in a terminal', () => {
  it('marks matches, file names, line numbers and separators', () => {
    expect(run('grep apple g.txt', FILES).output).toBe(`one ${match('apple')}\n`);
    expect(run('grep -n apple f.txt g.txt', FILES).output).toBe(
      `${file('f.txt')}${sep(':')}${num('1')}${sep(':')}${match('apple')} pie\n` +
        `${file('f.txt')}${sep(':')}${num('4')}${sep(':')}${match('apple')} crumble\n` +
        `${file('g.txt')}${sep(':')}${num('1')}${sep(':')}one ${match('apple')}\n`,
    );
    expect(run('grep -c apple f.txt g.txt', FILES).output).toBe(`${file('f.txt')}${sep(':')}2\n${file('g.txt')}${sep(':')}1\n`);
    expect(run('grep -l apple f.txt', FILES).output).toBe(`${file('f.txt')}\n`);
  });

  it('colours context lines with - separators, and matches in them under -v', () => {
    expect(run('grep -A1 -n Banana f.txt g.txt', FILES).output).toBe(
      `${file('f.txt')}${sep(':')}${num('2')}${sep(':')}${match('Banana')} split\n${file('f.txt')}${sep('-')}${num('3')}${sep('-')}cherry tart\n`,
    );
    expect(run('grep -v -A1 apple f.txt', FILES).output).toBe(`Banana split\ncherry tart\n${match('apple')} crumble\n`);
  });

  it('--color=always colours into a pipe; --color=never and --color=auto into a pipe do not', () => {
    expect(run('grep --color=always apple g.txt | cat', FILES).output).toBe(`one ${match('apple')}\n`);
    expect(run('grep --color apple g.txt | cat', FILES).output).toBe('one apple\n');
    expect(run('grep apple g.txt | cat', FILES).output).toBe('one apple\n');
  });
});

describe('grep usage', () => {
  it('wants a pattern', () => {
    expect(run('grep')).toEqual({ output: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
  });

  it('words option errors with its usage line, exit 2', () => {
    expect(run('grep -e')).toEqual({
      output: "grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      exitCode: 2,
    });
    expect(run('grep --bogus x')).toEqual({
      output: "grep: unrecognized option '--bogus'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      exitCode: 2,
    });
    expect(run('grep -j x').output).toBe("grep: invalid option -- 'j'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
  });

  it('prints its help', () => {
    const { output, exitCode } = run('grep --help');
    expect(exitCode).toBe(0);
    expect(output.split('\n').slice(0, 3)).toEqual(['Usage: grep [OPTION]... PATTERNS [FILE]...', 'Search for PATTERNS in each FILE.', "Example: grep -i 'hello world' menu.h main.c"]);
  });
});
