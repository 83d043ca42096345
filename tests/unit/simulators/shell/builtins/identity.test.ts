import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('whoami', () => {
  it('prints the user', () => {
    expect(run('whoami')).toEqual({ output: 'learner\n', exitCode: 0 });
  });

  it('takes no operand or unknown option', () => {
    expect(run('whoami x')).toEqual({ output: "whoami: extra operand ‘x’\nTry 'whoami --help' for more information.\n", exitCode: 1 });
    expect(run('whoami -z')).toEqual({ output: "whoami: invalid option -- 'z'\nTry 'whoami --help' for more information.\n", exitCode: 1 });
  });
});

describe('hostname', () => {
  it('prints the host name, also with -s and -f', () => {
    expect(run('hostname')).toEqual({ output: 'laptop\n', exitCode: 0 });
    expect(run('hostname -s').output).toBe('laptop\n');
    expect(run('hostname -f').output).toBe('laptop\n');
  });

  it('-i prints the address from /etc/hosts', () => {
    expect(run('hostname -i').output).toBe('127.0.1.1\n');
  });

  it('cannot be changed by the learner', () => {
    expect(run('hostname newname')).toEqual({ output: 'hostname: you must be root to change the host name\n', exitCode: 1 });
  });
});

describe('uname', () => {
  it('prints the kernel name, or what the flags ask, in a fixed order', () => {
    expect(run('uname')).toEqual({ output: 'Linux\n', exitCode: 0 });
    expect(run('uname -s -r').output).toBe('Linux 6.8.0-51-generic\n');
    expect(run('uname -rs').output).toBe('Linux 6.8.0-51-generic\n');
    expect(run('uname -n').output).toBe('laptop\n');
    expect(run('uname -m').output).toBe('x86_64\n');
    expect(run('uname -o').output).toBe('GNU/Linux\n');
    expect(run('uname -v').output).toBe('#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024\n');
    expect(run('uname --kernel-release').output).toBe('6.8.0-51-generic\n');
  });

  it('-p and -i are unknown, and -a leaves them out', () => {
    expect(run('uname -p').output).toBe('unknown\n');
    expect(run('uname -i').output).toBe('unknown\n');
    expect(run('uname -a').output).toBe('Linux laptop 6.8.0-51-generic #52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024 x86_64 GNU/Linux\n');
  });

  it('takes no operand or unknown option', () => {
    expect(run('uname x')).toEqual({ output: "uname: extra operand ‘x’\nTry 'uname --help' for more information.\n", exitCode: 1 });
    expect(run('uname -z')).toEqual({ output: "uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n", exitCode: 1 });
  });
});

describe('hostname options', () => {
  it('answers a bad option with net-tools usage, status 255', () => {
    const { output, exitCode } = run('hostname -z');
    expect(exitCode).toBe(255);
    expect(output.split('\n').slice(0, 4)).toEqual([
      "hostname: invalid option -- 'z'",
      'Usage: hostname [-b] {hostname|-F file}         set host name (from file)',
      '       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name',
      '       hostname                                 display host name',
    ]);
    expect(output.endsWith('   part of the FQDN) in the /etc/hosts file.\n')).toBe(true);
  });
});
