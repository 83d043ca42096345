// envsubst (GNU gettext 0.21): $VAR and ${VAR} from the environment, nothing else of the shell's syntax.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('envsubst', () => {
  it('replaces exported variables; unset ones become empty; other $ forms stay', () => {
    expect(run("echo 'a $FOO ${BAR} $NOPE ${FOO:-x} $ ${ $1 $$FOO ${FOO' | FOO=foo BAR=bar envsubst")).toEqual({
      output: 'a foo bar  ${FOO:-x} $ ${ $1 $foo ${FOO\n',
      exitCode: 0,
    });
    expect(run("export GREETING=hi; echo '$GREETING, ${USER}' | envsubst").output).toBe('hi, learner\n');
    expect(run("NAME=web; echo '$NAME' | envsubst").output).toBe('\n');
  });

  it('with a SHELL-FORMAT, only the variables it names', () => {
    expect(run("echo 'a $A ${B}' | A=1 B=2 envsubst '$A'").output).toBe('a 1 ${B}\n');
    expect(run("echo 'a $A ${B}' | A=1 B=2 envsubst '${B} text'").output).toBe('a $A 2\n');
  });

  it('-v lists the variables of a SHELL-FORMAT', () => {
    expect(run("envsubst -v '$B ${A} $B'")).toEqual({ output: 'B\nA\nB\n', exitCode: 0 });
    expect(run('envsubst -v')).toEqual({ output: 'envsubst: missing arguments\n', exitCode: 1 });
    expect(run('envsubst a b')).toEqual({ output: 'envsubst: too many arguments\n', exitCode: 1 });
    expect(run('envsubst -x')).toEqual({ output: "envsubst: invalid option -- 'x'\nTry 'envsubst --help' for more information.\n", exitCode: 1 });
  });

  it('fills a config template, as one does for a container', () => {
    const setup = "printf 'server {\\n  listen ${PORT};\\n  root $ROOT;\\n}\\n' > nginx.tmpl";
    expect(run('PORT=8080 ROOT=/srv envsubst < nginx.tmpl', setup).output).toBe('server {\n  listen 8080;\n  root /srv;\n}\n');
  });
});
