import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('pwd', () => {
  it('prints the working directory', () => {
    expect(run('pwd')).toEqual({ output: '/home/learner\n', exitCode: 0 });
    expect(run('cd /usr/bin && pwd').output).toBe('/usr/bin\n');
  });

  it('accepts -L and -P', () => {
    expect(run('pwd -P').output).toBe('/home/learner\n');
    expect(run('pwd -L').output).toBe('/home/learner\n');
  });

  it('ignores arguments, as bash does', () => {
    expect(run('pwd extra')).toEqual({ output: '/home/learner\n', exitCode: 0 });
  });

  it('refuses unknown options with its usage, exit 2', () => {
    expect(run('pwd -x')).toEqual({ output: 'bash: pwd: -x: invalid option\npwd: usage: pwd [-LP]\n', exitCode: 2 });
  });
});
