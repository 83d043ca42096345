// uniq against GNU coreutils 9.4.
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const FILES = "printf 'apple\\napple\\nbanana\\nApple\\ncherry\\ncherry\\ncherry\\n' > words";
const uniq = (args: string) => run(`uniq ${args}`, FILES);

describe('uniq', () => {
  it('folds adjacent equal lines', () => {
    expect(uniq('words')).toEqual({ output: 'apple\nbanana\nApple\ncherry\n', exitCode: 0 });
    expect(run("printf 'a\\nb\\na\\n' | uniq").output).toBe('a\nb\na\n');
  });

  it("-c counts with GNU's `%7d ` padding", () => {
    expect(uniq('-c words')).toEqual({ output: '      2 apple\n      1 banana\n      1 Apple\n      3 cherry\n', exitCode: 0 });
    expect(run('yes x | head -12345 | uniq -c').output).toBe('  12345 x\n');
    expect(run('sort words | uniq -c | sort -rn', FILES).output).toBe('      3 cherry\n      2 apple\n      1 banana\n      1 Apple\n');
  });

  it('-d, -u, -D and --all-repeated, --group', () => {
    expect(uniq('-d words').output).toBe('apple\ncherry\n');
    expect(uniq('-cd words').output).toBe('      2 apple\n      3 cherry\n');
    expect(uniq('-u words').output).toBe('banana\nApple\n');
    expect(uniq('-c -u words').output).toBe('      1 banana\n      1 Apple\n');
    expect(uniq('-D words').output).toBe('apple\napple\ncherry\ncherry\ncherry\n');
    expect(uniq('--all-repeated=separate words').output).toBe('apple\napple\n\ncherry\ncherry\ncherry\n');
    expect(uniq('--all-repeated=prepend words').output).toBe('\napple\napple\n\ncherry\ncherry\ncherry\n');
    expect(uniq('--group words').output).toBe('apple\napple\n\nbanana\n\nApple\n\ncherry\ncherry\ncherry\n');
    expect(uniq('--group=both words').output).toBe('\napple\napple\n\nbanana\n\nApple\n\ncherry\ncherry\ncherry\n\n');
  });

  it('-i ignores case, -f skips fields, -s characters, -w compares so many', () => {
    expect(run("printf 'a\\nA\\nb\\n' | uniq -i")).toEqual({ output: 'a\nb\n', exitCode: 0 });
    expect(run("printf 'a 1\\nb 1\\nc 2\\n' | uniq -f1").output).toBe('a 1\nc 2\n');
    expect(run("printf 'xa\\nya\\nzb\\n' | uniq -s1").output).toBe('xa\nzb\n');
    expect(run("printf 'ab1\\nab2\\nac\\n' | uniq -w2").output).toBe('ab1\nac\n');
  });

  it('writes to an OUTPUT file', () => {
    const s = session(FILES);
    expect(s.run('uniq words out')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('cat out').output).toBe('apple\nbanana\nApple\ncherry\n');
  });

  it('refuses as GNU uniq does', () => {
    expect(uniq('words out extra')).toEqual({ output: "uniq: extra operand ‘extra’\nTry 'uniq --help' for more information.\n", exitCode: 1 });
    expect(uniq('nofile')).toEqual({ output: 'uniq: nofile: No such file or directory\n', exitCode: 1 });
    expect(uniq('-cD words')).toEqual({ output: "uniq: printing all duplicated lines and repeat counts is meaningless\nTry 'uniq --help' for more information.\n", exitCode: 1 });
    expect(uniq('--group -c words')).toEqual({ output: "uniq: --group is mutually exclusive with -c/-d/-D/-u\nTry 'uniq --help' for more information.\n", exitCode: 1 });
    expect(uniq('--all-repeated=foo words')).toEqual({
      output: "uniq: invalid argument ‘foo’ for ‘--all-repeated’\nValid arguments are:\n  - ‘none’\n  - ‘prepend’\n  - ‘separate’\nTry 'uniq --help' for more information.\n",
      exitCode: 1,
    });
    expect(uniq('-f x words')).toEqual({ output: 'uniq: x: invalid number of fields to skip\n', exitCode: 1 });
    expect(uniq('-s x words')).toEqual({ output: 'uniq: x: invalid number of bytes to skip\n', exitCode: 1 });
    expect(uniq('-w x words')).toEqual({ output: 'uniq: x: invalid number of bytes to compare\n', exitCode: 1 });
  });
});
