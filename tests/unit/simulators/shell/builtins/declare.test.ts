// declare, typeset and local, checked against bash 5.2: what they make, and how they show it.
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

describe('declare -p shows variables as bash would declare them', () => {
  it('strings in double quotes, arrays with their indices, exports with -x', () => {
    expect(run('x=1; y="q\\"\\$\\`\\\\z"; declare -p x y')).toEqual({ output: 'declare -- x="1"\ndeclare -- y="q\\"\\$\\`\\\\z"\n', exitCode: 0 });
    expect(run("x=$'a\\tb'; declare -p x").output).toBe("declare -- x=$'a\\tb'\n");
    expect(run('export z=1; declare -p z').output).toBe('declare -x z="1"\n');
    expect(run('a=(1 "x y"); export a; declare -p a').output).toBe('declare -ax a=([0]="1" [1]="x y")\n');
  });

  it('says when a name is not a variable', () => {
    expect(run('declare -p nope; echo $?').output).toBe('bash: declare: nope: not found\n1\n');
  });
});

describe('declare and typeset make variables', () => {
  it('with values, -a for arrays, -x to export, +x to stop', () => {
    expect(run('declare -x w=5; declare -p w').output).toBe('declare -x w="5"\n');
    expect(run('declare -a q=(1 2) r=x; declare -p q r').output).toBe('declare -a q=([0]="1" [1]="2")\ndeclare -a r=([0]="x")\n');
    expect(run('export v=1; declare +x v; declare -p v').output).toBe('declare -- v="1"\n');
    expect(run('typeset t="a b"; echo "$t"').output).toBe('a b\n');
  });

  it('inside a function declare is local unless -g', () => {
    expect(run('f() { declare q=1; echo $q; }; f; echo ${q-gone}').output).toBe('1\ngone\n');
    expect(run('f() { declare -g q=1; }; f; echo ${q-gone}').output).toBe('1\n');
  });

  it('refuses what is not a name, and options it does not have', () => {
    expect(run('declare 1x=5; echo $?').output).toBe("bash: declare: `1x=5': not a valid identifier\n1\n");
    expect(run('declare -q')).toEqual({
      output: 'bash: declare: -q: invalid option\ndeclare: usage: declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]\n',
      exitCode: 2,
    });
  });

  it('refuses plainly the attributes it does not keep, rather than keeping values wrongly', () => {
    expect(run('declare -A m')).toEqual({ output: 'bash: declare: -A: associative arrays are not supported in this terminal\n', exitCode: 2 });
    expect(run('declare -i n=1+1')).toEqual({ output: 'bash: declare: -i: the integer attribute is not supported in this terminal\n', exitCode: 2 });
  });
});

describe('declare -f and -F show functions', () => {
  it('-F lists them; with names, -F prints the names that are functions', () => {
    expect(run('f() { :; }; g() { :; }; declare -F; declare -F f nope; echo $?').output).toBe('declare -f f\ndeclare -f g\nf\n1\n');
    expect(run('declare -f nope; echo $?').output).toBe('1\n');
  });
});

describe('local', () => {
  it('only in a function', () => {
    expect(run('local x=1')).toEqual({ output: 'bash: local: can only be used in a function\n', exitCode: 1 });
  });

  it('hides the caller’s variable until the function returns; without a value it starts unset', () => {
    expect(run('x=out; f() { local x; echo "[${x-unset}]"; x=in; }; f; echo $x').output).toBe('[unset]\nout\n');
    expect(run('f() { local a=1 b; b=2; echo $a $b; }; f; echo "[${a-}] [${b-}]"').output).toBe('1 2\n[] []\n');
    expect(run('f() { local -a items=(x y z); echo ${#items[@]} ${items[1]}; }; f; echo "[${items[@]}]"').output).toBe('3 y\n[]\n');
  });

  it('takes a value whole, without splitting it', () => {
    expect(run('f() { local w=$1; echo "$w"; }; f "a  b"').output).toBe('a  b\n');
  });

  it('with no names lists the function’s locals', () => {
    expect(run('f() { local; local a=1 b; local; }; f').output).toBe('declare -- a="1"\n');
  });

  it('a local array is put back too', () => {
    const s = session('a=(1 2)');
    expect(s.run('f() { local a=(x); a+=(y); echo ${a[@]}; }; f; echo ${a[@]}').output).toBe('x y\n1 2\n');
  });
});
