// yes: endless output, ended by its reader (a pipe), the disk (a file), or Ctrl-C (the terminal).
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

describe('yes', () => {
  it('stops when head has what it wants', () => {
    expect(run('yes | head -3')).toEqual({ output: 'y\ny\ny\n', exitCode: 0 });
    expect(run('yes hello world | head -2')).toEqual({ output: 'hello world\nhello world\n', exitCode: 0 });
    expect(run('yes -- -n | head -2')).toEqual({ output: '-n\n-n\n', exitCode: 0 });
    expect(run("yes '' | head -2")).toEqual({ output: '\n\n', exitCode: 0 });
  });

  it('on the terminal streams until the run is interrupted, as Ctrl-C would', () => {
    const r = run('yes');
    expect(r.exitCode).toBe(130);
    // A screenful, then the interruption.
    expect(r.output).toBe(`${'y\n'.repeat(24)}^C\n`);
  });

  it('into a file fills it up to the disk and fails as a full disk does', () => {
    const s = session();
    const r = s.run('yes > big');
    expect(r).toEqual({ output: 'yes: write error: No space left on device\n', exitCode: 1 });
    // The file was opened (so made) by the redirection; what could not fit was not written.
    expect(s.run('wc -c big')).toEqual({ output: '0 big\n', exitCode: 0 });
  });

  it('has only --help and --version as options', () => {
    expect(run('yes -n')).toEqual({ output: "yes: invalid option -- 'n'\nTry 'yes --help' for more information.\n", exitCode: 1 });
    expect(run('yes --help').output).toBe("Usage: yes [STRING]...\n  or:  yes OPTION\nRepeatedly output a line with all specified STRING(s), or 'y'.\n\n      --help                 display this help and exit\n");
  });
});
