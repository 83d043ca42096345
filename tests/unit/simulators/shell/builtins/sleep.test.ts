import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

describe('sleep', () => {
  it('lets simulated time pass, at once, silently', () => {
    const s = session();
    expect(s.run('sleep 5')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('date +%T').output).toBe('09:00:05\n');
  });

  it('adds up its arguments, with s m h d suffixes and fractions', () => {
    const s = session();
    s.run('sleep 1m 30 0.5 .5s');
    expect(s.run('date +%T').output).toBe('09:01:31\n');
    s.run('sleep 2h 1d');
    expect(s.run('date "+%d %T"').output).toBe('04 11:01:31\n');
    s.run('sleep 1e1');
    expect(s.run('date +%T').output).toBe('11:01:41\n');
  });

  it('sleep 0 returns at once', () => {
    expect(run('sleep 0')).toEqual({ output: '', exitCode: 0 });
  });

  it('sleep infinity waits until Ctrl-C', () => {
    const s = session();
    expect(s.run('sleep infinity; echo after', { maxSimMs: 5000 })).toEqual({ output: '^C\n', exitCode: 130 });
    expect(s.run('date +%T').output).toBe('09:00:05\n');
  });

  it('refuses what is not a time interval, naming each', () => {
    expect(run('sleep x')).toEqual({ output: "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(run('sleep x y')).toEqual({
      output: "sleep: invalid time interval ‘x’\nsleep: invalid time interval ‘y’\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
    expect(run('sleep 1x')).toEqual({ output: "sleep: invalid time interval ‘1x’\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(run('sleep inf x').output).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
    expect(run("sleep '0 '").output).toBe("sleep: invalid time interval ‘0 ’\nTry 'sleep --help' for more information.\n");
  });

  it('reads -1 as an option, and wants an operand', () => {
    expect(run('sleep -1')).toEqual({ output: "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(run('sleep -- -1')).toEqual({ output: "sleep: invalid time interval ‘-1’\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(run('sleep')).toEqual({ output: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 });
  });
});
