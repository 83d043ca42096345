// diff against GNU diffutils 3.10: the three formats with the files' simulated times, directories,
// statuses and errors. (scripts/dev/compare-text-tools.ts --random compares hundreds more pairs.)
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const FILES = "printf 'one\\ntwo\\nthree\\nfour\\nfive\\n' > a && printf 'one\\nTWO\\nthree\\nfour\\nsix\\nseven\\n' > b && printf 'one\\ntwo' > nonl && touch empty";
const diff = (args: string) => run(`diff ${args}`, FILES);
const TIME = '2025-03-03 09:00:00.000000000 +0000';

describe('diff formats', () => {
  it('normal: the change lines, < and >, status 1; nothing and 0 when the same', () => {
    expect(diff('a b')).toEqual({ output: '2c2\n< two\n---\n> TWO\n5c5,6\n< five\n---\n> six\n> seven\n', exitCode: 1 });
    expect(diff('a a')).toEqual({ output: '', exitCode: 0 });
    expect(diff('empty a').output).toBe('0a1,5\n> one\n> two\n> three\n> four\n> five\n');
    expect(diff('a empty').output).toBe('1,5d0\n< one\n< two\n< three\n< four\n< five\n');
  });

  it('-u: headers with the times, hunks with 3 lines of context, merged when close', () => {
    expect(diff('-u a b')).toEqual({
      output: `--- a\t${TIME}\n+++ b\t${TIME}\n@@ -1,5 +1,6 @@\n one\n-two\n+TWO\n three\n four\n-five\n+six\n+seven\n`,
      exitCode: 1,
    });
    expect(diff('-U0 a b').output).toBe(`--- a\t${TIME}\n+++ b\t${TIME}\n@@ -2 +2 @@\n-two\n+TWO\n@@ -5 +5,2 @@\n-five\n+six\n+seven\n`);
    expect(diff('-u empty a').output).toBe(`--- empty\t${TIME}\n+++ a\t${TIME}\n@@ -0,0 +1,5 @@\n+one\n+two\n+three\n+four\n+five\n`);
  });

  it('-c: the context format', () => {
    expect(diff('-c a b').output).toBe(
      `*** a\t${TIME}\n--- b\t${TIME}\n***************\n*** 1,5 ****\n  one\n! two\n  three\n  four\n! five\n--- 1,6 ----\n  one\n! TWO\n  three\n  four\n! six\n! seven\n`,
    );
    expect(diff('-c empty nonl').output).toBe(`*** empty\t${TIME}\n--- nonl\t${TIME}\n***************\n*** 0 ****\n--- 1,2 ----\n+ one\n+ two\n\\ No newline at end of file\n`);
  });

  it('marks a last line without its newline', () => {
    expect(diff('a nonl').output).toBe('2,5c2\n< two\n< three\n< four\n< five\n---\n> two\n\\ No newline at end of file\n');
    expect(diff('-u nonl a').output).toBe(`--- nonl\t${TIME}\n+++ a\t${TIME}\n@@ -1,2 +1,5 @@\n one\n-two\n\\ No newline at end of file\n+two\n+three\n+four\n+five\n`);
  });

  it('the times are the files\' own', () => {
    const s = session(FILES);
    s.advance(90_500);
    s.run('echo x >> b');
    expect(s.run('diff -u a b').output.split('\n').slice(0, 2)).toEqual([`--- a\t${TIME}`, '+++ b\t2025-03-03 09:01:30.500000000 +0000']);
  });

  it('slides a change as GNU diff does (shift_boundaries)', () => {
    expect(run('diff r1 r2; diff -u r2 r1', "printf 'x\\na\\nb\\na\\nb\\ny\\n' > r1 && printf 'x\\na\\nb\\ny\\n' > r2").output).toBe(
      `4,5d3\n< a\n< b\n--- r2\t${TIME}\n+++ r1\t${TIME}\n@@ -1,4 +1,6 @@\n x\n a\n b\n+a\n+b\n y\n`,
    );
  });
});

describe('diff options', () => {
  it('-q and -s', () => {
    expect(diff('-q a b')).toEqual({ output: 'Files a and b differ\n', exitCode: 1 });
    expect(diff('-s a a')).toEqual({ output: 'Files a and a are identical\n', exitCode: 0 });
  });

  it('-i, -w, -b', () => {
    const setup = "printf 'A  b\\n' > w1 && printf 'a b\\n' > w2";
    expect(run('diff -i w1 w2', setup)).toEqual({ output: '1c1\n< A  b\n---\n> a b\n', exitCode: 1 });
    expect(run('diff -iw w1 w2', setup)).toEqual({ output: '', exitCode: 0 });
    expect(run('diff -ib w1 w2', setup)).toEqual({ output: '', exitCode: 0 });
  });

  it('--label, and - for standard input', () => {
    expect(run("diff --label old --label new -u c1 c2", "printf 'port=80\\n' > c1 && printf 'port=8080\\n' > c2").output).toBe('--- old\n+++ new\n@@ -1 +1 @@\n-port=80\n+port=8080\n');
    expect(run('echo one | diff - a', FILES).output).toBe('1a2,5\n> two\n> three\n> four\n> five\n');
  });
});

describe('diff on directories', () => {
  const DIRS =
    "mkdir -p d1/sub d2/sub d1/only1 && printf 'a\\n' > d1/x && printf 'b\\n' > d2/x && printf 's\\n' > d1/sub/f && printf 't\\n' > d2/sub/f && touch d1/same d2/same d2/new && mkdir d2/xd && touch d1/xd";

  it('by name, in order; -r goes down', () => {
    expect(run('diff d1 d2', DIRS)).toEqual({
      output: 'Only in d2: new\nOnly in d1: only1\nCommon subdirectories: d1/sub and d2/sub\ndiff d1/x d2/x\n1c1\n< a\n---\n> b\nFile d1/xd is a regular empty file while file d2/xd is a directory\n',
      exitCode: 1,
    });
    expect(run('diff -ru d1 d2', DIRS).output).toBe(
      `Only in d2: new\nOnly in d1: only1\ndiff -ru d1/sub/f d2/sub/f\n--- d1/sub/f\t${TIME}\n+++ d2/sub/f\t${TIME}\n@@ -1 +1 @@\n-s\n+t\ndiff -ru d1/x d2/x\n--- d1/x\t${TIME}\n+++ d2/x\t${TIME}\n@@ -1 +1 @@\n-a\n+b\nFile d1/xd is a regular empty file while file d2/xd is a directory\n`,
    );
    expect(run('diff -q d1 d2', DIRS).output).toBe('Only in d2: new\nOnly in d1: only1\nCommon subdirectories: d1/sub and d2/sub\nFiles d1/x and d2/x differ\nFile d1/xd is a regular empty file while file d2/xd is a directory\n');
  });

  it('a file and a directory: the file of that name inside it', () => {
    expect(run('diff x d2', DIRS + " && printf 'b\\n' > x")).toEqual({ output: '', exitCode: 0 });
    expect(run('diff a src', FILES + ' && mkdir src')).toEqual({ output: 'diff: src/a: No such file or directory\n', exitCode: 2 });
  });
});

describe('diff errors, status 2', () => {
  it('operands and options', () => {
    expect(diff('a')).toEqual({ output: "diff: missing operand after 'a'\ndiff: Try 'diff --help' for more information.\n", exitCode: 2 });
    expect(diff('')).toEqual({ output: "diff: missing operand after 'diff'\ndiff: Try 'diff --help' for more information.\n", exitCode: 2 });
    expect(diff('a b c')).toEqual({ output: "diff: extra operand 'c'\ndiff: Try 'diff --help' for more information.\n", exitCode: 2 });
    expect(diff('-U x a b')).toEqual({ output: "diff: invalid context length 'x'\ndiff: Try 'diff --help' for more information.\n", exitCode: 2 });
    expect(diff('-u -c a b')).toEqual({ output: "diff: conflicting output style options\ndiff: Try 'diff --help' for more information.\n", exitCode: 2 });
    expect(diff('--foo a b')).toEqual({ output: "diff: unrecognized option '--foo'\ndiff: Try 'diff --help' for more information.\n", exitCode: 2 });
  });

  it('missing files, unless -N', () => {
    expect(diff('a nope')).toEqual({ output: 'diff: nope: No such file or directory\n', exitCode: 2 });
    expect(diff('-N nope a').output).toBe('0a1,5\n> one\n> two\n> three\n> four\n> five\n');
  });

  it('binary files', () => {
    expect(run('diff bin1 bin2', "printf 'a\\0b' > bin1 && printf 'a\\0c' > bin2")).toEqual({ output: 'Binary files bin1 and bin2 differ\n', exitCode: 1 });
  });
});
