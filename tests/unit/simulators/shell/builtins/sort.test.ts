import { describe, expect, it } from 'vitest';
import { run, runWith } from './helpers';

const FILES =
  "printf 'banana\\nApple\\ncherry\\napple\\n10\\n9\\n2k\\n1M\\n' > f && printf 'b 2\\na 10\\nc 1\\n' > k && printf 'x,3\\ny,1\\nz,2\\n' > csv && " +
  "printf 'b\\na\\na\\n' > dup && printf '1.10\\n1.9\\n1.2\\nv2\\nv10\\n' > ver && printf 'Feb x\\njan y\\nDEC z\\nfoo\\n' > mon && printf ' b\\na\\n  c\\n' > bl && mkdir dir";
const sort = (args: string) => run(`sort ${args}`, FILES);

describe('sort', () => {
  it('sorts lines byte by byte, as in the C.UTF-8 locale', () => {
    expect(sort('f')).toEqual({ output: '10\n1M\n2k\n9\nApple\napple\nbanana\ncherry\n', exitCode: 0 });
    expect(sort('bl').output).toBe('  c\n b\na\n');
    expect(run("printf 'x\\n-\\n_\\nA\\n' | sort").output).toBe('-\nA\n_\nx\n');
  });

  it('merges several files and standard input', () => {
    expect(sort('dup k').output).toBe('a\na\na 10\nb\nb 2\nc 1\n');
    expect(run('echo b | sort - dup', FILES).output).toBe('a\na\nb\nb\n');
  });

  it('-r reverses, -u keeps the first of equal lines, -f folds case', () => {
    expect(sort('-r dup').output).toBe('b\na\na\n');
    expect(sort('-u dup').output).toBe('a\nb\n');
    expect(sort('-ru dup').output).toBe('b\na\n');
    expect(run("printf 'B\\na\\nA\\nb\\n' | sort -f").output).toBe('A\na\nB\nb\n');
    expect(run("printf 'B\\na\\nA\\nb\\n' | sort -fu").output).toBe('a\nB\n');
  });

  it('-n compares numbers, ties broken by the whole line', () => {
    expect(sort('-n f').output).toBe('Apple\napple\nbanana\ncherry\n1M\n2k\n9\n10\n');
    expect(sort('-nr f').output).toBe('10\n9\n2k\n1M\ncherry\nbanana\napple\nApple\n');
    expect(run("printf '1.5\\n-2\\n1e3\\n+1\\n' | sort -n").output).toBe('-2\n+1\n1e3\n1.5\n');
    expect(run("printf '2\\n\\n1\\n' | sort -n").output).toBe('\n1\n2\n');
  });

  it('-h knows the K M G suffixes, -g floating point, -V versions, -M months', () => {
    expect(sort('-h f').output).toBe('Apple\napple\nbanana\ncherry\n9\n10\n2k\n1M\n');
    expect(run("printf '2K\\n1G\\n500\\n3M\\n-1K\\n' | sort -h").output).toBe('-1K\n500\n2K\n3M\n1G\n');
    expect(run("printf '1.5\\n-2\\n1e3\\n+1\\n' | sort -g").output).toBe('-2\n+1\n1.5\n1e3\n');
    expect(sort('-V ver').output).toBe('1.2\n1.9\n1.10\nv2\nv10\n');
    expect(sort('-M mon').output).toBe('foo\njan y\nFeb x\nDEC z\n');
  });

  it('-b ignores leading blanks', () => {
    expect(sort('-b bl').output).toBe('a\n b\n  c\n');
  });
});

describe('sort keys', () => {
  it('-k sorts by a field, blanks separating fields', () => {
    expect(sort('-k2 k').output).toBe('c 1\na 10\nb 2\n');
    expect(sort('-k2 -n k').output).toBe('c 1\nb 2\na 10\n');
    expect(sort('-k 2n k').output).toBe('c 1\nb 2\na 10\n');
    expect(sort('-k2nr k').output).toBe('a 10\nb 2\nc 1\n');
    expect(sort('--key=2 k').output).toBe('c 1\na 10\nb 2\n');
    expect(run("printf 'a b\\na  a\\n' | sort -k2").output).toBe('a  a\na b\n');
  });

  it('-k F,F stops at the field; several keys break ties in turn', () => {
    expect(sort('-k1,1 k').output).toBe('a 10\nb 2\nc 1\n');
    expect(sort('-k1,1 -k2n k').output).toBe('a 10\nb 2\nc 1\n');
    expect(sort('-k1.2 k').output).toBe('c 1\na 10\nb 2\n');
  });

  it('-t sets the separator', () => {
    expect(sort('-t, -k2 csv').output).toBe('y,1\nz,2\nx,3\n');
    expect(sort('-t , -k 2 -n csv').output).toBe('y,1\nz,2\nx,3\n');
  });

  it('-s keeps equal keys in input order', () => {
    expect(run("printf 'b 1\\na 1\\n' | sort -s -k2,2").output).toBe('b 1\na 1\n');
    expect(run("printf 'b 1\\na 1\\n' | sort -k2,2").output).toBe('a 1\nb 1\n');
  });

  it('refuses bad keys and separators, exit 2', () => {
    expect(sort('-k0 k')).toEqual({ output: 'sort: field number is zero: invalid field specification ‘0’\n', exitCode: 2 });
    expect(sort('-kx k')).toEqual({ output: 'sort: invalid number at field start: invalid count at start of ‘x’\n', exitCode: 2 });
    expect(sort('-k1.0 k')).toEqual({ output: 'sort: character offset is zero: invalid field specification ‘1.0’\n', exitCode: 2 });
    expect(sort('-k1,x k')).toEqual({ output: "sort: invalid number after ',': invalid count at start of ‘x’\n", exitCode: 2 });
    expect(sort('-k1z k')).toEqual({ output: 'sort: stray character in field spec: invalid field specification ‘1z’\n', exitCode: 2 });
    expect(sort('-t ab csv')).toEqual({ output: 'sort: multi-character tab ‘ab’\n', exitCode: 2 });
    expect(sort("-t '' csv")).toEqual({ output: 'sort: empty tab\n', exitCode: 2 });
  });
});

describe('sort -c and -o', () => {
  it('-c checks the order and names the first line out of place; -C only exits 1', () => {
    expect(sort('-c dup')).toEqual({ output: 'sort: dup:2: disorder: a\n', exitCode: 1 });
    expect(sort('-C dup')).toEqual({ output: '', exitCode: 1 });
    expect(run("printf 'a\\nb\\n' | sort -c")).toEqual({ output: '', exitCode: 0 });
    expect(run("printf 'a\\na\\n' | sort -cu")).toEqual({ output: 'sort: -:2: disorder: a\n', exitCode: 1 });
  });

  it('-o writes the result to a file, which may be the input', () => {
    expect(run('sort -o dup dup && cat dup', FILES)).toEqual({ output: 'a\na\nb\n', exitCode: 0 });
    expect(sort('-o /etc/x dup')).toEqual({ output: 'sort: open failed: /etc/x: Permission denied\n', exitCode: 2 });
  });
});

describe('sort input and errors', () => {
  it('sorts what is typed, after Ctrl-D', () => {
    expect(runWith('sort', ['b\r', 'a\r', '\x04'])).toEqual({ output: 'b\r\na\r\na\nb\n', exitCode: 0 });
  });

  it('stops at a file it cannot read, exit 2', () => {
    expect(run('sort nope')).toEqual({ output: 'sort: cannot read: nope: No such file or directory\n', exitCode: 2 });
    expect(sort('f nope').output).toBe('sort: cannot read: nope: No such file or directory\n');
    expect(sort('dir')).toEqual({ output: 'sort: read failed: dir: Is a directory\n', exitCode: 2 });
    expect(run("sort 'a b'")).toEqual({ output: "sort: cannot read: 'a b': No such file or directory\n", exitCode: 2 });
  });

  it('refuses unknown options, exit 2', () => {
    expect(run('sort -j')).toEqual({ output: "sort: invalid option -- 'j'\nTry 'sort --help' for more information.\n", exitCode: 2 });
  });
});
