// basename, dirname and realpath against GNU coreutils 9.4.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const usage = (tool: string, message: string) => ({ output: `${tool}: ${message}\nTry '${tool} --help' for more information.\n`, exitCode: 1 });

describe('basename', () => {
  it('strips the directory, trailing slashes and a SUFFIX that is not the whole name', () => {
    expect(run('basename /a/b/c.txt')).toEqual({ output: 'c.txt\n', exitCode: 0 });
    expect(run('basename /a/b/c.txt .txt')).toEqual({ output: 'c\n', exitCode: 0 });
    expect(run('basename c.txt c.txt').output).toBe('c.txt\n');
    expect(run('basename a/b/').output).toBe('b\n');
    expect(run("basename / ; basename // ; basename ''").output).toBe('/\n/\n\n');
  });

  it('-a and -s take several names', () => {
    expect(run('basename -s .txt a.txt b/c.txt').output).toBe('a\nc\n');
    expect(run('basename -a x/y z/w').output).toBe('y\nw\n');
  });

  it('refuses no name, and a third operand without -a', () => {
    expect(run('basename')).toEqual(usage('basename', 'missing operand'));
    expect(run('basename a b c')).toEqual(usage('basename', 'extra operand ‘c’'));
    expect(run('basename -s')).toEqual(usage('basename', "option requires an argument -- 's'"));
  });
});

describe('dirname', () => {
  it('strips the last component and its slashes', () => {
    expect(run('dirname /a/b/c')).toEqual({ output: '/a/b\n', exitCode: 0 });
    expect(run("dirname a a/ a/b/ / //a '' ///a//b//").output).toBe('.\n.\na\n/\n/\n.\n///a\n');
    expect(run('dirname')).toEqual(usage('dirname', 'missing operand'));
  });
});

describe('realpath', () => {
  const FILES = "mkdir -p src/lib && touch src/main.py";

  it('resolves . and .. on the machine, the last name may be missing', () => {
    expect(run('realpath src/lib/..', FILES)).toEqual({ output: '/home/learner/src\n', exitCode: 0 });
    expect(run('realpath . src/.. /', FILES).output).toBe('/home/learner\n/home/learner\n/\n');
    expect(run('realpath nope').output).toBe('/home/learner/nope\n');
  });

  it('-e wants every name, -m none', () => {
    expect(run('realpath -e nope')).toEqual({ output: 'realpath: nope: No such file or directory\n', exitCode: 1 });
    expect(run('realpath -m nope/../x')).toEqual({ output: '/home/learner/x\n', exitCode: 0 });
    expect(run('realpath -m src/main.py/x', FILES).output).toBe('/home/learner/src/main.py/x\n');
  });

  it('fails below a missing directory or a file', () => {
    expect(run('realpath src/nope/x', FILES)).toEqual({ output: 'realpath: src/nope/x: No such file or directory\n', exitCode: 1 });
    expect(run('realpath src/main.py/', FILES)).toEqual({ output: 'realpath: src/main.py/: Not a directory\n', exitCode: 1 });
    expect(run('realpath src/main.py/x', FILES)).toEqual({ output: 'realpath: src/main.py/x: Not a directory\n', exitCode: 1 });
    expect(run("realpath ''")).toEqual({ output: "realpath: '': No such file or directory\n", exitCode: 1 });
    expect(run('realpath -q nope/x')).toEqual({ output: '', exitCode: 1 });
    expect(run('realpath')).toEqual(usage('realpath', 'missing operand'));
  });

  it('--relative-to and --relative-base', () => {
    expect(run('realpath --relative-to=src src/lib src/main.py /usr', FILES).output).toBe('lib\nmain.py\n../../../usr\n');
    expect(run('realpath --relative-base=src src/lib src /usr', FILES).output).toBe('lib\n.\n/usr\n');
  });
});
