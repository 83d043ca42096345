import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('true and false', () => {
  it('succeed and fail, whatever their arguments', () => {
    expect(run('true')).toEqual({ output: '', exitCode: 0 });
    expect(run('false')).toEqual({ output: '', exitCode: 1 });
    expect(run('true x --help')).toEqual({ output: '', exitCode: 0 });
    expect(run('false --help')).toEqual({ output: '', exitCode: 1 });
    expect(run('false; echo $?').output).toBe('1\n');
  });
});

describe('exit', () => {
  it('ends the line with the status given, saying exit', () => {
    expect(run('exit 3; echo never')).toEqual({ output: 'exit\n', exitCode: 3 });
    expect(run('exit 0')).toEqual({ output: 'exit\n', exitCode: 0 });
    expect(run('echo a && exit 4 && echo b')).toEqual({ output: 'a\nexit\n', exitCode: 4 });
  });

  it('takes the status modulo 256', () => {
    expect(run('exit 300').exitCode).toBe(44);
    expect(run('exit -1').exitCode).toBe(255);
  });

  it('with no number keeps the last status', () => {
    expect(run('false; exit')).toEqual({ output: 'exit\n', exitCode: 1 });
  });

  it('refuses a word that is not a number, and exits 2', () => {
    expect(run('exit abc; echo never')).toEqual({ output: 'exit\nbash: exit: abc: numeric argument required\n', exitCode: 2 });
  });

  it('stays on with too many arguments', () => {
    expect(run('exit 1 2; echo still $?')).toEqual({ output: 'exit\nbash: exit: too many arguments\nstill 1\n', exitCode: 0 });
  });

  it('--help shows the builtin help and stays, exit 2', () => {
    const { output, exitCode } = run('exit --help');
    expect(exitCode).toBe(2);
    expect(output).toBe('exit: exit [n]\n    Exit the shell.\n    \n    Exits the shell with a status of N.  If N is omitted, the exit status\n    is that of the last command executed.\n');
  });
});

describe('clear', () => {
  it('clears the screen and the scrollback', () => {
    expect(run('clear')).toEqual({ output: '\x1b[H\x1b[2J\x1b[3J', exitCode: 0 });
  });

  it('-x keeps the scrollback', () => {
    expect(run('clear -x')).toEqual({ output: '\x1b[H\x1b[2J', exitCode: 0 });
  });

  it('writes to the screen even in a pipe (a deliberate simplification)', () => {
    expect(run('clear | cat')).toEqual({ output: '\x1b[H\x1b[2J\x1b[3J', exitCode: 0 });
  });

  it('takes no operands', () => {
    expect(run('clear x')).toEqual({
      output: 'Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback\n',
      exitCode: 1,
    });
  });
});
