import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const ENVIRONMENT = [
  'declare -x HOME="/home/learner"',
  'declare -x LANG="C.UTF-8"',
  'declare -x LOGNAME="learner"',
  'declare -x PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"',
  'declare -x PWD="/home/learner"',
  'declare -x SHELL="/bin/bash"',
  'declare -x TERM="xterm-256color"',
  'declare -x USER="learner"',
];

describe('export', () => {
  it('lists exported variables, sorted, as declare -x lines', () => {
    expect(run('export')).toEqual({ output: `${ENVIRONMENT.join('\n')}\n`, exitCode: 0 });
    expect(run('export -p').output).toBe(`${ENVIRONMENT.join('\n')}\n`);
  });

  it('sets and exports, so commands see the variable', () => {
    expect(run('export FOO=bar; echo $FOO; env | grep --color=never FOO')).toEqual({ output: 'bar\nFOO=bar\n', exitCode: 0 });
  });

  it('exports an existing variable, or marks a name with no value yet', () => {
    expect(run('FOO=bar; env | grep -c FOO; export FOO; env | grep --color=never FOO').output).toBe('0\nFOO=bar\n');
    expect(run('export NEW; export | grep --color=never NEW').output).toBe('declare -x NEW\n');
    expect(run('export NEW; env | grep -c NEW').output).toBe('0\n');
  });

  it('takes several names at once, and an empty value', () => {
    expect(run('export FOO=a BAR=b; echo $FOO $BAR').output).toBe('a b\n');
    expect(run('export FOO=; export | grep --color=never FOO').output).toBe('declare -x FOO=""\n');
  });

  it('quotes " \\ $ and ` in what it lists', () => {
    expect(run(`export X='a"b$c\`d\\e'; export | grep --color=never X=`).output).toBe('declare -x X="a\\"b\\$c\\`d\\\\e"\n');
  });

  it('-n takes the export away but keeps the variable', () => {
    expect(run('export -n HOME; env | grep -c ^HOME=; echo $HOME').output).toBe('0\n/home/learner\n');
  });

  it('refuses names that are not identifiers, going on with the rest, exit 1', () => {
    expect(run('export 1X=2')).toEqual({ output: "bash: export: `1X=2': not a valid identifier\n", exitCode: 1 });
    expect(run("export 'a b=c' OK=1; echo $OK")).toEqual({ output: "bash: export: `a b=c': not a valid identifier\n1\n", exitCode: 0 });
    expect(run('export =x')).toEqual({ output: "bash: export: `=x': not a valid identifier\n", exitCode: 1 });
  });

  it('-f: there are no functions to export', () => {
    expect(run('export -f foo')).toEqual({ output: 'bash: export: foo: not a function\n', exitCode: 1 });
  });

  it('refuses unknown options with its usage, exit 2', () => {
    expect(run('export -z')).toEqual({ output: 'bash: export: -z: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n', exitCode: 2 });
  });
});

describe('unset', () => {
  it('removes variables, exported or not', () => {
    expect(run('FOO=1; unset FOO; echo "[$FOO]"')).toEqual({ output: '[]\n', exitCode: 0 });
    expect(run('unset HOME; echo "[$HOME]"; env | grep -c HOME').output).toBe('[]\n0\n');
    expect(run('unset NEVER_SET')).toEqual({ output: '', exitCode: 0 });
    expect(run('unset')).toEqual({ output: '', exitCode: 0 });
  });

  it('is quiet about names that cannot be variables, unless -v', () => {
    expect(run('unset 1X')).toEqual({ output: '', exitCode: 0 });
    expect(run('FOO=1; unset -v 2a FOO; echo "[$FOO]"')).toEqual({ output: "bash: unset: `2a': not a valid identifier\n[]\n", exitCode: 0 });
    expect(run('unset -v 1X')).toEqual({ output: "bash: unset: `1X': not a valid identifier\n", exitCode: 1 });
  });

  it('-f unsets functions, of which there are none, and leaves variables', () => {
    expect(run('FOO=1; unset -f FOO; echo $FOO')).toEqual({ output: '1\n', exitCode: 0 });
  });

  it('refuses unknown options with its usage, exit 2', () => {
    expect(run('unset -z')).toEqual({ output: 'bash: unset: -z: invalid option\nunset: usage: unset [-f] [-v] [-n] [name ...]\n', exitCode: 2 });
  });
});
