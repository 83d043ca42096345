import { describe, expect, it } from 'vitest';
import { run, runWith } from './helpers';

describe('tee', () => {
  it('copies its input to the files and to its output', () => {
    expect(run('echo hi | tee out; cat out')).toEqual({ output: 'hi\nhi\n', exitCode: 0 });
    expect(run('echo hi | tee a b >/dev/null; cat a b').output).toBe('hi\nhi\n');
    expect(run('echo hi | tee').output).toBe('hi\n');
  });

  it('empties files first, or appends with -a', () => {
    expect(run('echo old > out; echo new | tee out >/dev/null; cat out').output).toBe('new\n');
    expect(run('echo one | tee -a out >/dev/null; echo two | tee --append out >/dev/null; cat out').output).toBe('one\ntwo\n');
  });

  it('makes files even with no input', () => {
    expect(run('tee out </dev/null; ls -l out | cat').output).toBe('-rw-r--r-- 1 learner learner 0 Mar  3 09:00 out\n');
  });

  it('copies what is typed, line by line, until Ctrl-D', () => {
    expect(runWith('tee out; cat out', ['one\r', 'two\r', '\x04'])).toEqual({ output: 'one\r\none\ntwo\r\ntwo\none\ntwo\n', exitCode: 0 });
  });

  it('reports files it cannot write, writes the others, exit 1', () => {
    expect(run('echo hi | tee a nope/x b; cat a b')).toEqual({ output: 'tee: nope/x: No such file or directory\nhi\nhi\nhi\n', exitCode: 0 });
    expect(run('echo hi | tee /etc/x')).toEqual({ output: 'tee: /etc/x: Permission denied\nhi\n', exitCode: 1 });
    expect(run('mkdir d; echo hi | tee d')).toEqual({ output: 'tee: d: Is a directory\nhi\n', exitCode: 1 });
    expect(run('echo hi | tee nope/')).toEqual({ output: 'tee: nope/: Is a directory\nhi\n', exitCode: 1 });
    expect(run("echo hi | tee ''")).toEqual({ output: "tee: '': No such file or directory\nhi\n", exitCode: 1 });
    expect(run("echo hi | tee 'a b/c'")).toEqual({ output: "tee: 'a b/c': No such file or directory\nhi\n", exitCode: 1 });
  });

  it('accepts -i and refuses unknown options', () => {
    expect(run('echo hi | tee -i out').output).toBe('hi\n');
    expect(run('tee -z')).toEqual({ output: "tee: invalid option -- 'z'\nTry 'tee --help' for more information.\n", exitCode: 1 });
  });
});
