// base64 against GNU coreutils: whole outputs and statuses, errors included.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const FILES = "printf 'name,age\\nalice,30\\n' > people.csv && mkdir dir";

describe('base64', () => {
  it('encodes, wrapping at 76 columns, or -w COLS, or not at all with -w 0', () => {
    expect(run('printf hello | base64')).toEqual({ output: 'aGVsbG8=\n', exitCode: 0 });
    expect(run('seq 40 | base64')).toEqual({
      output: 'MQoyCjMKNAo1CjYKNwo4CjkKMTAKMTEKMTIKMTMKMTQKMTUKMTYKMTcKMTgKMTkKMjAKMjEKMjIK\nMjMKMjQKMjUKMjYKMjcKMjgKMjkKMzAKMzEKMzIKMzMKMzQKMzUKMzYKMzcKMzgKMzkKNDAK\n',
      exitCode: 0,
    });
    expect(run('seq 5 | base64 -w 4')).toEqual({ output: 'MQoy\nCjMK\nNAo1\nCg==\n', exitCode: 0 });
    expect(run('printf hi | base64 -w0')).toEqual({ output: 'aGk=', exitCode: 0 });
    expect(run("printf '' | base64")).toEqual({ output: '', exitCode: 0 });
  });

  it('encodes a file as its UTF-8 bytes, and decodes them back', () => {
    expect(run('base64 people.csv', FILES)).toEqual({ output: 'bmFtZSxhZ2UKYWxpY2UsMzAK\n', exitCode: 0 });
    expect(run('base64 people.csv | base64 --decode', FILES)).toEqual({ output: 'name,age\nalice,30\n', exitCode: 0 });
    expect(run("printf 'café' | base64")).toEqual({ output: 'Y2Fmw6k=\n', exitCode: 0 });
    expect(run('echo Y2Fmw6k= | base64 -d')).toEqual({ output: 'café', exitCode: 0 });
  });

  it('-d skips newlines; anything else outside the alphabet is invalid input, after what decoded before it', () => {
    expect(run("printf 'aGVs\\nbG8=\\n' | base64 -d")).toEqual({ output: 'hello', exitCode: 0 });
    expect(run("echo 'aGVs!bG8=' | base64 -d")).toEqual({ output: 'helbase64: invalid input\n', exitCode: 1 });
    expect(run("echo 'aGVs bG8=' | base64 -d")).toEqual({ output: 'helbase64: invalid input\n', exitCode: 1 });
    expect(run('echo aGVsbG8 | base64 -d')).toEqual({ output: 'hellobase64: invalid input\n', exitCode: 1 });
    expect(run('echo aGVsbG8=aGVsbG8= | base64 -d')).toEqual({ output: 'hellohello', exitCode: 0 });
  });

  it('-i ignores the garbage', () => {
    expect(run("echo 'aGVs!bG8=' | base64 -di")).toEqual({ output: 'hello', exitCode: 0 });
  });

  it('refuses a second file, a bad wrap, a missing file or a directory', () => {
    expect(run('base64 a b')).toEqual({ output: "base64: extra operand ‘b’\nTry 'base64 --help' for more information.\n", exitCode: 1 });
    expect(run('base64 -w x people.csv', FILES)).toEqual({ output: 'base64: invalid wrap size: ‘x’\n', exitCode: 1 });
    expect(run('base64 nofile')).toEqual({ output: 'base64: nofile: No such file or directory\n', exitCode: 1 });
    expect(run('base64 dir', FILES)).toEqual({ output: 'base64: read error: Is a directory\n', exitCode: 1 });
    expect(run('base64 -x')).toEqual({ output: "base64: invalid option -- 'x'\nTry 'base64 --help' for more information.\n", exitCode: 1 });
  });
});
