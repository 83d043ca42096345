// xargs against GNU findutils 4.9: how items are read, how lines are built, what it runs, its statuses.
import { describe, expect, it } from 'vitest';
import { run, runWith, session } from './helpers';

describe('xargs builds command lines', () => {
  it('from blank-separated items, echo by default', () => {
    expect(run("printf 'a b\\nc\\n' | xargs")).toEqual({ output: 'a b c\n', exitCode: 0 });
    expect(run("printf 'a b c d e\\n' | xargs -n 2")).toEqual({ output: 'a b\nc d\ne\n', exitCode: 0 });
    expect(run("printf 'a b\\nc d\\ne\\n' | xargs -L 2")).toEqual({ output: 'a b c d\ne\n', exitCode: 0 });
  });

  it('with quotes and backslashes grouping, unless -0 or -d', () => {
    expect(run("printf \"'a b' \\\"c d\\\" e\\\\\\\\ f\\n\" | xargs -n1").output).toBe('a b\nc d\ne f\n');
    expect(run("printf 'a\\0b c\\0' | xargs -0 -n1 echo").output).toBe('a\nb c\n');
    expect(run("printf 'a,b,c' | xargs -d, -n1").output).toBe('a\nb\nc\n');
    expect(run("printf \"'a b\\n\" | xargs")).toEqual({ output: 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n', exitCode: 1 });
  });

  it('-I puts each line where the replacement string is', () => {
    expect(run("printf 'x y\\n  z\\n' | xargs -I {} echo '<{}>'")).toEqual({ output: '<x y>\n<z>\n', exitCode: 0 });
    expect(run("printf 'a\\nb\\n' | xargs -I % echo %-%")).toEqual({ output: 'a-a\nb-b\n', exitCode: 0 });
  });

  it('runs once with no items, unless -r', () => {
    expect(run("printf '' | xargs; echo rc=$?")).toEqual({ output: '\nrc=0\n', exitCode: 0 });
    expect(run("printf '' | xargs -r echo x; echo rc=$?")).toEqual({ output: 'rc=0\n', exitCode: 0 });
  });

  it('fills lines up to 128 KiB', () => {
    expect(run('seq 30000 | xargs echo | wc -l')).toEqual({ output: '2\n', exitCode: 0 });
    expect(run('seq 30000 | xargs echo | wc -w')).toEqual({ output: '30000\n', exitCode: 0 });
  });

  it('-p asks at the terminal before each line', () => {
    expect(runWith('echo a b | xargs -p -n1 echo', ['y\n', 'n\n'])).toEqual({ output: 'echo a ?...y\r\na\necho b ?...n\r\n', exitCode: 0 });
  });

  it('-t shows each line on standard error first', () => {
    expect(run('echo a b | xargs -t -n1 echo hi')).toEqual({ output: 'echo hi a\nhi a\necho hi b\nhi b\n', exitCode: 0 });
  });
});

describe('xargs runs any program of the machine', () => {
  it('files listed by find', () => {
    expect(run("find . -name '*.txt' | sort | xargs cat", "printf 'one\\n' > a.txt && printf 'two\\n' > b.txt")).toEqual({ output: 'one\ntwo\n', exitCode: 0 });
  });

  it('docker, recorded as typed', () => {
    const s = session('docker pull nginx', 'docker pull redis');
    expect(s.run('docker images -q | xargs docker rmi -f | grep --color=never Untagged:.*latest')).toEqual({ output: 'Untagged: redis:latest\nUntagged: nginx:latest\n', exitCode: 0 });
    expect(s.run('docker images -q')).toEqual({ output: '', exitCode: 0 });
    expect(s.snapshot().record.commands.some((c) => c.argv[0] === 'docker' && c.argv[1] === 'rmi')).toBe(true);
  });
});

describe('xargs statuses', () => {
  it('123 when a run failed, 126 and 127 when the program cannot run (a builtin such as cd or exit is none)', () => {
    expect(run('echo a | xargs false; echo $?')).toEqual({ output: '123\n', exitCode: 0 });
    expect(run('echo a | xargs nosuch')).toEqual({ output: 'xargs: nosuch: No such file or directory\n', exitCode: 127 });
    expect(run('echo a | xargs cd')).toEqual({ output: 'xargs: cd: No such file or directory\n', exitCode: 127 });
    expect(run('echo a | xargs /tmp')).toEqual({ output: 'xargs: /tmp: Permission denied\n', exitCode: 126 });
    expect(run('echo a | xargs exit 255')).toEqual({ output: 'xargs: exit: No such file or directory\n', exitCode: 127 });
  });

  it('refuses bad numbers', () => {
    expect(run('echo x | xargs -n 0')).toEqual({ output: "xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n", exitCode: 1 });
    expect(run('echo x | xargs -n x')).toEqual({ output: 'xargs: invalid number "x" for -n option\nTry \'xargs --help\' for more information.\n', exitCode: 1 });
  });
});
