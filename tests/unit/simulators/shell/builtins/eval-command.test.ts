// eval and command, checked against bash 5.2.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('eval', () => {
  it('runs its arguments, joined, as shell code here', () => {
    expect(run('eval "echo a; echo b"; echo $?; x="echo hi"; eval $x').output).toBe('a\nb\n0\nhi\n');
    expect(run('eval "a=(1 2)"; echo ${a[1]}; eval "echo \\$((1+1))"').output).toBe('2\n2\n');
    expect(run('f(){ eval "return 3"; echo no; }; f; echo $?').output).toBe('3\n');
    expect(run('eval; echo $?').output).toBe('0\n');
  });

  it('an error inside ends the eval, not the line', () => {
    expect(run('eval "if"; echo $?').output).toBe('bash: syntax error: unexpected end of file\n2\n');
    expect(run('eval "echo \\$((1/0))"; echo after').output).toBe('bash: 1/0: division by 0 (error token is "0")\nafter\n');
  });
});

describe('command', () => {
  it('-v names where a command comes from; -V says it in words', () => {
    expect(run('f(){ echo fn; }; command -v ls cd f if; command -v nope; echo $?').output).toBe('/usr/bin/ls\ncd\nf\nif\n1\n');
    expect(run('f(){ echo fn; }; command -V ls cd f nope; echo $?').output).toBe('ls is /usr/bin/ls\ncd is a shell builtin\nf is a function\nf () \n{ \n    echo fn\n}\nbash: command: nope: not found\n0\n');
    expect(run('if command -v docker >/dev/null; then echo have-docker; fi').output).toBe('have-docker\n');
  });

  it('runs a command past a function of the same name', () => {
    expect(run('ls(){ echo fake; }; command ls -d / | cat; ls').output).toBe('/\nfake\n');
  });

  it('refuses an option it does not have', () => {
    expect(run('command -x')).toEqual({ output: 'bash: command: -x: invalid option\ncommand: usage: command [-pVv] command [arg ...]\n', exitCode: 2 });
  });
});
