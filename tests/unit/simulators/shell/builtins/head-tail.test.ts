import { describe, expect, it } from 'vitest';
import { run, runWith, session } from './helpers';

// f: line1..line12; nonl: a, b, c without a final newline; g: x.
const FILES = `printf 'line%s\\n' 1 2 3 4 5 6 7 8 9 10 11 12 > f && printf 'a\\nb\\nc' > nonl && echo x > g && mkdir dir`;
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line${from + i}\n`).join('');

describe('head', () => {
  it('prints the first 10 lines', () => {
    expect(run('head f', FILES)).toEqual({ output: lines(1, 10), exitCode: 0 });
  });

  it('-n NUM, -NUM and --lines=NUM choose how many; the last one given counts', () => {
    expect(run('head -n 3 f', FILES).output).toBe(lines(1, 3));
    expect(run('head -3 f', FILES).output).toBe(lines(1, 3));
    expect(run('head --lines=2 f', FILES).output).toBe(lines(1, 2));
    expect(run('head -n 2 -n 3 f', FILES).output).toBe(lines(1, 3));
    expect(run('head -n 0 f', FILES).output).toBe('');
    expect(run('head -n +2 f', FILES).output).toBe(lines(1, 2));
    expect(run('head -n 1k f', FILES).output).toBe(lines(1, 12));
  });

  it('-n -NUM prints all but the last NUM lines', () => {
    expect(run('head -n -10 f', FILES).output).toBe(lines(1, 2));
    expect(run('head -n -20 f', FILES).output).toBe('');
  });

  it('keeps a missing final newline', () => {
    expect(run('head -2 nonl', FILES).output).toBe('a\nb\n');
    expect(run('head -n 5 nonl', FILES).output).toBe('a\nb\nc');
  });

  it('-c counts characters; -c -NUM leaves the last NUM out', () => {
    expect(run('head -c 5 f', FILES).output).toBe('line1');
    expect(run('head -c -3 nonl', FILES).output).toBe('a\n');
    expect(run('head -c 2 -n 1 f', FILES).output).toBe('line1\n');
    expect(run('head -n 1 -c 2 f', FILES).output).toBe('li');
  });

  it('heads each of several files with its name', () => {
    expect(run('head -n 2 f g', FILES).output).toBe('==> f <==\nline1\nline2\n\n==> g <==\nx\n');
    expect(run('head -q -n 1 f g', FILES).output).toBe('line1\nx\n');
    expect(run('head -v -n 1 g', FILES).output).toBe('==> g <==\nx\n');
    expect(run('head -n1 nonl nonl', FILES).output).toBe('==> nonl <==\na\n\n==> nonl <==\na\n');
    expect(run('echo hi | head -n 1 - g', FILES).output).toBe('==> standard input <==\nhi\n\n==> g <==\nx\n');
  });

  it('reads a pipe, and stops reading the terminal after the lines it needs', () => {
    expect(run('cat f | head -n 2', FILES).output).toBe(lines(1, 2));
    expect(runWith('head -n 2', ['a\r', 'b\r', 'c\r'])).toEqual({ output: 'a\r\na\nb\r\nb\n', exitCode: 0 });
  });

  it('reports files it cannot read, and goes on', () => {
    expect(run('head nope')).toEqual({ output: "head: cannot open 'nope' for reading: No such file or directory\n", exitCode: 1 });
    expect(run('head -n 1 f nope g', FILES)).toEqual({
      output: "==> f <==\nline1\nhead: cannot open 'nope' for reading: No such file or directory\n\n==> g <==\nx\n",
      exitCode: 1,
    });
    expect(run('head dir', FILES)).toEqual({ output: "head: error reading 'dir': Is a directory\n", exitCode: 1 });
    expect(run('head g/', FILES)).toEqual({ output: "head: cannot open 'g/' for reading: Not a directory\n", exitCode: 1 });
  });

  it('refuses bad counts and options', () => {
    expect(run('head -n x f', FILES)).toEqual({ output: 'head: invalid number of lines: ‘x’\n', exitCode: 1 });
    expect(run('head -c x f', FILES)).toEqual({ output: 'head: invalid number of bytes: ‘x’\n', exitCode: 1 });
    expect(run('head -n')).toEqual({ output: "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n", exitCode: 1 });
    expect(run('head -z f', FILES)).toEqual({ output: "head: invalid option -- 'z'\nTry 'head --help' for more information.\n", exitCode: 1 });
  });
});

describe('tail', () => {
  it('prints the last 10 lines', () => {
    expect(run('tail f', FILES)).toEqual({ output: lines(3, 12), exitCode: 0 });
  });

  it('-n NUM, -NUM, -n -NUM and --lines', () => {
    expect(run('tail -n 3 f', FILES).output).toBe(lines(10, 12));
    expect(run('tail -3 f', FILES).output).toBe(lines(10, 12));
    expect(run('tail -n -2 f', FILES).output).toBe(lines(11, 12));
    expect(run('tail --lines=1 f', FILES).output).toBe(lines(12, 12));
    expect(run('tail -n 0 f', FILES).output).toBe('');
  });

  it('-n +NUM starts at line NUM', () => {
    expect(run('tail -n +11 f', FILES).output).toBe(lines(11, 12));
    expect(run('tail -n +0 f', FILES).output).toBe(lines(1, 12));
  });

  it('keeps a missing final newline', () => {
    expect(run('tail -n 2 nonl', FILES).output).toBe('b\nc');
    expect(run('tail -1 nonl', FILES).output).toBe('c');
  });

  it('-c counts characters from the end, or from +NUM', () => {
    expect(run('tail -c 4 f', FILES).output).toBe('e12\n');
    expect(run('tail -c 2 nonl', FILES).output).toBe('\nc');
    expect(run('tail -c +3 nonl', FILES).output).toBe('b\nc');
  });

  it('heads several files', () => {
    expect(run('tail -n 2 f g', FILES).output).toBe('==> f <==\nline11\nline12\n\n==> g <==\nx\n');
    expect(run('tail -q -n 1 f g', FILES).output).toBe('line12\nx\n');
  });

  it('reads what is typed until Ctrl-D', () => {
    expect(runWith('tail -n 1', ['a\r', 'b\r', '\x04']).output).toBe('a\r\nb\r\nb\n');
  });

  it('-f follows the file until Ctrl-C', () => {
    expect(run('tail -f f', FILES)).toEqual({ output: `${lines(3, 12)}^C\n`, exitCode: 130 });
    const s = session(FILES);
    expect(s.run('tail -n1 -f f; date', { maxSimMs: 3000 })).toEqual({ output: 'line12\n^C\n', exitCode: 130 });
    expect(s.run('date').output).toBe('Mon Mar  3 09:00:03 UTC 2025\n');
  });

  it('-f gives up when no file can be read', () => {
    expect(run('tail -f nope')).toEqual({ output: "tail: cannot open 'nope' for reading: No such file or directory\ntail: no files remaining\n", exitCode: 1 });
  });

  it('reports files it cannot read', () => {
    expect(run('tail nope')).toEqual({ output: "tail: cannot open 'nope' for reading: No such file or directory\n", exitCode: 1 });
    expect(run('tail dir', FILES)).toEqual({ output: "tail: error reading 'dir': Is a directory\n", exitCode: 1 });
    expect(run('tail -n x f', FILES)).toEqual({ output: 'tail: invalid number of lines: ‘x’\n', exitCode: 1 });
    expect(run('tail -r f', FILES)).toEqual({ output: "tail: invalid option -- 'r'\nTry 'tail --help' for more information.\n", exitCode: 1 });
  });
});
