// source and `.`: a file's commands in this shell, with bash 5.2's words for what goes wrong.
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const LIB = "printf 'echo sourced \"$#\" \"$1\"\\nsrc_var=set\\nreturn 4\\necho not here\\n' > lib.sh";

describe('source and .', () => {
  it('runs the file here: its variables stay, return ends it with a status', () => {
    expect(run('source lib.sh a b; echo $? $src_var', LIB).output).toBe('sourced 2 a\n4 set\n');
    expect(run('. ./lib.sh; echo $?', LIB).output).toBe('sourced 0 \n4\n');
  });

  it('without arguments the file sees the caller’s positional parameters', () => {
    expect(run('set -- p q; source lib.sh; echo $1', LIB).output).toBe('sourced 2 p\np\n');
  });

  it('defines functions for the lines after', () => {
    const s = session("printf 'greet() { echo \"hello $1\"; }\\n' > fns.sh", '. fns.sh');
    expect(s.run('greet you').output).toBe('hello you\n');
  });

  it('inside a function, return in the file ends the file only', () => {
    expect(run("printf 'return 5\\n' > r.sh; f() { . ./r.sh; echo in-f $?; return 2; }; f; echo $?").output).toBe('in-f 5\n2\n');
  });

  it('says what is wrong with the file or the arguments', () => {
    expect(run('source nosuch.sh; echo $?').output).toBe('bash: nosuch.sh: No such file or directory\n1\n');
    expect(run('mkdir d; source d; echo $?').output).toBe('bash: source: d: is a directory\n1\n');
    expect(run('source')).toEqual({ output: 'bash: source: filename argument required\nsource: usage: source filename [arguments]\n', exitCode: 2 });
    expect(run('. -x')).toEqual({ output: 'bash: .: -x: invalid option\n.: usage: . filename [arguments]\n', exitCode: 2 });
  });

  it('runs the file up to a syntax error, then names its line', () => {
    expect(run("printf 'echo one\\nif then\\n' > bad.sh; source bad.sh; echo $?").output).toBe(
      "one\nbash: bad.sh: line 2: syntax error near unexpected token `then'\nbash: bad.sh: line 2: `if then'\n2\n",
    );
  });
});
