import { describe, expect, it } from 'vitest';
import { run, runWith } from './helpers';

// f: 2 lines, 5 words, 24 bytes; nonl: a b c without a final newline; u: "héllo" (6 characters, 7 bytes).
const FILES = `printf 'hello world\\nfoo bar baz\\n' > f && printf 'a\\nb\\nc' > nonl && printf 'héllo\\n' > u && touch empty && mkdir dir`;

describe('wc', () => {
  it('counts lines, words and bytes, padded to the width of the largest', () => {
    expect(run('wc f', FILES)).toEqual({ output: ' 2  5 24 f\n', exitCode: 0 });
    expect(run('wc empty', FILES).output).toBe('0 0 0 empty\n');
  });

  it('counts newlines, so a last line without one does not count', () => {
    expect(run('wc nonl', FILES).output).toBe('2 3 5 nonl\n');
  });

  it('-l, -w, -c, -m and -L print only what they name, in wc order', () => {
    expect(run('wc -l f', FILES).output).toBe('2 f\n');
    expect(run('wc -w f', FILES).output).toBe('5 f\n');
    expect(run('wc -c f', FILES).output).toBe('24 f\n');
    expect(run('wc -c u', FILES).output).toBe('7 u\n');
    expect(run('wc -m u', FILES).output).toBe('6 u\n');
    expect(run('wc -L f', FILES).output).toBe('11 f\n');
    expect(run('wc -lw f', FILES).output).toBe(' 2  5 f\n');
    expect(run('wc -cl f', FILES).output).toBe(' 2 24 f\n');
    expect(run('wc -lL f', FILES).output).toBe(' 2 11 f\n');
    expect(run('wc --lines f', FILES).output).toBe('2 f\n');
  });

  it('-L counts a tab to the next multiple of 8', () => {
    expect(run(`printf 'a\\tb\\n' | wc -L`).output).toBe('9\n');
  });

  it('adds a total for several files', () => {
    expect(run('wc f nonl', FILES).output).toBe(' 2  5 24 f\n 2  3  5 nonl\n 4  8 29 total\n');
    expect(run('wc -l f nonl', FILES).output).toBe(' 2 f\n 2 nonl\n 4 total\n');
    expect(run('wc -L f u', FILES).output).toBe('11 f\n 5 u\n11 total\n');
  });

  it('pads to 7 when reading a pipe, whose size it cannot know', () => {
    expect(run('echo hi | wc').output).toBe('      1       1       3\n');
    expect(run('echo hi | wc -l').output).toBe('1\n');
    expect(run('echo hi | wc - f', FILES).output).toBe('      1       1       3 -\n      2       5      24 f\n      3       6      27 total\n');
    expect(run('echo "a  b\tc" | wc -w').output).toBe('3\n');
  });

  it('counts what is typed until Ctrl-D', () => {
    expect(runWith('wc -l', ['a\r', 'b\r', '\x04'])).toEqual({ output: 'a\r\nb\r\n2\n', exitCode: 0 });
  });

  it('reports files it cannot read in their turn, with zeros for a directory', () => {
    expect(run('wc nope')).toEqual({ output: 'wc: nope: No such file or directory\n', exitCode: 1 });
    expect(run('wc f nope', FILES)).toEqual({ output: ' 2  5 24 f\nwc: nope: No such file or directory\n 2  5 24 total\n', exitCode: 1 });
    expect(run('wc dir', FILES)).toEqual({ output: 'wc: dir: Is a directory\n      0       0       0 dir\n', exitCode: 1 });
    expect(run('wc -c dir', FILES)).toEqual({ output: 'wc: dir: Is a directory\n0 dir\n', exitCode: 1 });
    expect(run('wc f dir', FILES).output).toBe('      2       5      24 f\nwc: dir: Is a directory\n      0       0       0 dir\n      2       5      24 total\n');
    expect(run("wc '' f", FILES)).toEqual({ output: 'wc: invalid zero-length file name\n 2  5 24 f\n 2  5 24 total\n', exitCode: 1 });
    expect(run("wc 'a b'")).toEqual({ output: "wc: 'a b': No such file or directory\n", exitCode: 1 });
  });

  it('refuses unknown options', () => {
    expect(run('wc -z')).toEqual({ output: "wc: invalid option -- 'z'\nTry 'wc --help' for more information.\n", exitCode: 1 });
  });
});
