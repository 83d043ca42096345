import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const ENVIRONMENT =
  'HOME=/home/learner\nUSER=learner\nLOGNAME=learner\nSHELL=/bin/bash\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPWD=/home/learner\nTERM=xterm-256color\nLANG=C.UTF-8\n';

describe('env', () => {
  it('prints the exported variables, one NAME=VALUE a line', () => {
    expect(run('env')).toEqual({ output: ENVIRONMENT, exitCode: 0 });
  });

  it('shows what export adds and what a command-line assignment gives', () => {
    expect(run('export FOO=bar; env | grep --color=never FOO').output).toBe('FOO=bar\n');
    expect(run('FOO=x env | grep --color=never FOO').output).toBe('FOO=x\n');
    expect(run('FOO=x env >/dev/null; echo "[$FOO]"').output).toBe('[]\n');
    expect(run('LOCAL=1; env | grep -c LOCAL').output).toBe('0\n');
  });

  it('adds NAME=VALUE operands', () => {
    expect(run('env A=1 B=2 | grep --color=never "^[AB]="').output).toBe('A=1\nB=2\n');
    expect(run('env HOME=/tmp | grep --color=never ^HOME=').output).toBe('HOME=/tmp\n');
  });

  it('-i and - start empty; -u takes a name out', () => {
    expect(run('env -i')).toEqual({ output: '', exitCode: 0 });
    expect(run('env -i A=1').output).toBe('A=1\n');
    expect(run('env - A=1').output).toBe('A=1\n');
    expect(run('env -u HOME | grep -c HOME').output).toBe('0\n');
    expect(run('env --unset=HOME --unset=USER | grep -c "HOME\\|USER"').output).toBe('0\n');
  });

  it('-0 ends lines with NUL', () => {
    expect(run('env -0 -i A=1 B=2').output).toBe('A=1\0B=2\0');
  });

  it('does not run commands here (a deliberate limit), exit 125', () => {
    expect(run('env ls')).toEqual({ output: "env: running a command is not supported here: type 'ls' on its own, or 'VAR=value ls'\n", exitCode: 125 });
  });

  it('refuses unknown options, exit 125', () => {
    expect(run('env -z')).toEqual({ output: "env: invalid option -- 'z'\nTry 'env --help' for more information.\n", exitCode: 125 });
  });
});
