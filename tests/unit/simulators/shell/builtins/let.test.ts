// let: each argument an arithmetic expression; status 0 when the last is not 0. Checked against bash 5.2.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('let', () => {
  it('evaluates and assigns; the status tells whether the last value is 0', () => {
    expect(run('let x=2+3 "y = x * 2"; echo $? $x $y').output).toBe('0 5 10\n');
    expect(run('let 0; echo $?; let 1 0; echo $?; let 0 1; echo $?').output).toBe('1\n1\n0\n');
    expect(run('i=3; let i++ i*=2; echo $i').output).toBe('8\n');
    expect(run('let -x; echo $?').output).toBe('1\n');
  });

  it('needs an expression', () => {
    expect(run('let; echo $?').output).toBe('bash: let: expression expected\n1\n');
  });

  it('reports a bad expression and stops there, with status 1', () => {
    expect(run('let 1/0; echo st=$?').output).toBe('bash: let: 1/0: division by 0 (error token is "0")\nst=1\n');
    expect(run('let "x=1/0" y=2; echo $? $y').output).toBe('bash: let: x=1/0: division by 0 (error token is "0")\n1\n');
  });

  it('under set -u an unset variable ends the line', () => {
    expect(run('set -u; let x=nope+1; echo after')).toEqual({ output: 'bash: nope: unbound variable\n', exitCode: 1 });
  });

  it('--help prints bash’s help, with status 2', () => {
    const r = run('let --help');
    expect(r.exitCode).toBe(2);
    expect(r.output.split('\n').slice(0, 3)).toEqual(['let: let arg [arg ...]', '    Evaluate arithmetic expressions.', '    ']);
    expect(r.output.endsWith('    Exit Status:\n    If the last ARG evaluates to 0, let returns 1; let returns 0 otherwise.\n')).toBe(true);
  });
});
