import { describe, expect, it } from 'vitest';
import { run, runWith } from './helpers';

// f.txt has a blank line and no newline at its end; g holds "x".
const FILES = `mkdir dir && printf 'one\\ntwo\\n\\nthree' > f.txt && echo x > g`;

describe('cat', () => {
  it('prints a file as it is, without adding a final newline', () => {
    expect(run('cat f.txt', FILES)).toEqual({ output: 'one\ntwo\n\nthree', exitCode: 0 });
    expect(run('cat /etc/hostname')).toEqual({ output: 'laptop\n', exitCode: 0 });
  });

  it('concatenates files in order', () => {
    expect(run('cat g f.txt g', FILES).output).toBe('x\none\ntwo\n\nthreex\n');
  });

  it('prints an empty file as nothing', () => {
    expect(run('cat empty', 'touch empty')).toEqual({ output: '', exitCode: 0 });
  });

  it('reads standard input from a pipe, a redirection, a here string, and for -', () => {
    expect(run('echo hi | cat').output).toBe('hi\n');
    expect(run('cat < g', FILES).output).toBe('x\n');
    expect(run("cat <<< 'here string'").output).toBe('here string\n');
    expect(run('echo hi | cat g - g', FILES).output).toBe('x\nhi\nx\n');
  });

  it('echoes what is typed at the terminal, line by line, until Ctrl-D', () => {
    expect(runWith('cat', ['hello\r', 'world\r', '\x04'])).toEqual({ output: 'hello\r\nhello\nworld\r\nworld\n', exitCode: 0 });
    expect(runWith('cat - g', ['typed\r', '\x04'], FILES).output).toBe('typed\r\ntyped\nx\n');
    expect(runWith('cat', ['ab\x7fc\r', '\x04']).output).toBe('ab\b \bc\r\nac\n');
  });
});

describe('cat options', () => {
  it('-n numbers every line, right-aligned in six columns and a tab', () => {
    expect(run('cat -n f.txt', FILES).output).toBe('     1\tone\n     2\ttwo\n     3\t\n     4\tthree');
    expect(run('cat --number g', FILES).output).toBe('     1\tx\n');
  });

  it('numbers on across files, continuing a last line without newline', () => {
    expect(run('cat -n f.txt g', FILES).output).toBe('     1\tone\n     2\ttwo\n     3\t\n     4\tthreex\n');
    expect(run('cat -n g g', FILES).output).toBe('     1\tx\n     2\tx\n');
  });

  it('-b numbers only non-empty lines, and wins over -n', () => {
    expect(run('cat -b f.txt', FILES).output).toBe('     1\tone\n     2\ttwo\n\n     3\tthree');
    expect(run('cat -nb f.txt', FILES).output).toBe('     1\tone\n     2\ttwo\n\n     3\tthree');
  });

  it('-E marks line ends with $', () => {
    expect(run('cat -E f.txt', FILES).output).toBe('one$\ntwo$\n$\nthree');
    expect(run('cat -nE f.txt g', FILES).output).toBe('     1\tone$\n     2\ttwo$\n     3\t$\n     4\tthreex$\n');
  });

  it('-s squeezes runs of empty lines into one', () => {
    expect(run(`printf 'a\\n\\n\\n\\nb\\n\\n' | cat -s`).output).toBe('a\n\nb\n\n');
    expect(run(`printf 'a\\n\\n\\nb\\n' | cat -sn`).output).toBe('     1\ta\n     2\t\n     3\tb\n');
  });

  it('-T shows tabs as ^I; -v control characters as ^X and other bytes as M-', () => {
    expect(run(`printf 'a\\tb\\n' | cat -T`).output).toBe('a^Ib\n');
    expect(run(`printf 'a\\tb\\033[1m\\x7f\\n' | cat -v`).output).toBe('a\tb^[[1m^?\n');
    expect(run(`printf 'caf\\xc3\\xa9\\n' | cat -v`).output).toBe('cafM-CM-)\n');
  });

  it('-A is -vET, -e is -vE, -t is -vT', () => {
    expect(run(`printf 'a\\tb\\r\\n' | cat -A`).output).toBe('a^Ib^M$\n');
    expect(run(`printf 'a\\tb\\r\\n' | cat -e`).output).toBe('a\tb^M$\n');
    expect(run(`printf 'a\\tb\\r\\n' | cat -t`).output).toBe('a^Ib^M\n');
  });

  it('refuses unknown and ambiguous options', () => {
    expect(run('cat -z')).toEqual({ output: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", exitCode: 1 });
    expect(run('cat --num g', FILES)).toEqual({
      output: "cat: option '--num' is ambiguous; possibilities: '--number-nonblank' '--number'\nTry 'cat --help' for more information.\n",
      exitCode: 1,
    });
  });
});

describe('cat errors', () => {
  it('reports each file it cannot read, prints the others and exits 1', () => {
    expect(run('cat nope')).toEqual({ output: 'cat: nope: No such file or directory\n', exitCode: 1 });
    expect(run('cat g nope g', FILES)).toEqual({ output: 'x\ncat: nope: No such file or directory\nx\n', exitCode: 1 });
    expect(run('cat dir', FILES)).toEqual({ output: 'cat: dir: Is a directory\n', exitCode: 1 });
    expect(run('cat g/', FILES)).toEqual({ output: 'cat: g/: Not a directory\n', exitCode: 1 });
  });

  it('quotes names only when they need it', () => {
    expect(run("cat ''")).toEqual({ output: "cat: '': No such file or directory\n", exitCode: 1 });
    expect(run("cat 'a b'")).toEqual({ output: "cat: 'a b': No such file or directory\n", exitCode: 1 });
    expect(run(`cat "it's"`)).toEqual({ output: `cat: "it's": No such file or directory\n`, exitCode: 1 });
  });

  it('cannot look inside /root', () => {
    expect(run('cat /root/secret')).toEqual({ output: 'cat: /root/secret: Permission denied\n', exitCode: 1 });
  });
});
