// set: options (-e -u -x -f, -o NAME), positional parameters, and the listing of variables.
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

describe('set', () => {
  it('turns options on with - and off with +, letters and -o names alike', () => {
    expect(run('set -o errexit -o nounset; echo $-; set +o errexit +u; echo $-').output).toBe('ehimuBHs\nhimBHs\n');
    expect(run('set -ex abc; echo $1 $-').output).toBe('+ echo abc ehimxBHs\nabc ehimxBHs\n');
  });

  it('lists options with -o, and as commands with +o', () => {
    const options = run('set -o').output.split('\n');
    expect(options.slice(0, 4)).toEqual(['allexport      \toff', 'braceexpand    \ton', 'emacs          \ton', 'errexit        \toff']);
    expect(options).toContain('interactive-comments\ton');
    expect(options).toHaveLength(28);
    expect(run('set -o pipefail; set +o').output.split('\n').filter((l) => /pipefail|xtrace/.test(l))).toEqual(['set -o pipefail', 'set +o xtrace']);
  });

  it('sets positional parameters after the options, or after -- (which alone clears them)', () => {
    const s = session('set -- p q');
    expect(s.run('set -e +e; echo $#').output).toBe('2\n');
    expect(s.run('set -; echo $#').output).toBe('2\n');
    expect(s.run('set x y z; echo $2').output).toBe('y\n');
    expect(s.run('set --; echo $#').output).toBe('0\n');
  });

  it('refuses options it does not know, as bash words it', () => {
    expect(run('set -q')).toEqual({ output: 'bash: set: -q: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n', exitCode: 2 });
    expect(run('set -o nosuch')).toEqual({ output: 'bash: set: nosuch: invalid option name\n', exitCode: 2 });
  });

  it('with no arguments lists variables (quoted to be read back) and then functions', () => {
    const s = session();
    s.run("x='a b'; y=plain; z=; arr=(1 \"2 3\"); q=$'t\\tx'; f() { echo hi; }");
    const lines = s.run('set').output.split('\n');
    expect(lines).toContain("x='a b'");
    expect(lines).toContain('y=plain');
    expect(lines).toContain('z=');
    expect(lines).toContain('arr=([0]="1" [1]="2 3")');
    expect(lines).toContain("q=$'t\\tx'");
    expect(s.run('set').output.endsWith('f () \n{ \n    echo hi\n}\n')).toBe(true);
  });
});
