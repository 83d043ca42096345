import { describe, expect, it } from 'vitest';
import { session } from './helpers';

const numbered = (...lines: [number, string][]) => lines.map(([n, line]) => `${String(n).padStart(5)}  ${line}\n`).join('');

describe('history', () => {
  it('lists the lines typed, numbered, itself included', () => {
    const s = session();
    s.run('echo one');
    s.run('echo two');
    expect(s.run('history')).toEqual({ output: numbered([1, 'echo one'], [2, 'echo two'], [3, 'history']), exitCode: 0 });
  });

  it('N lists the last N', () => {
    const s = session('echo one', 'echo two');
    expect(s.run('history 2').output).toBe(numbered([2, 'echo two'], [3, 'history 2']));
    expect(s.run('history 0')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('history -- 1').output).toBe(numbered([5, 'history -- 1']));
  });

  it('skips lines starting with a space and repeats of the last line', () => {
    const s = session('echo a');
    s.run(' echo secret');
    s.run('echo a');
    s.run('echo b');
    expect(s.run('history').output).toBe(numbered([1, 'echo a'], [2, 'echo b'], [3, 'history']));
  });

  it('keeps lines that failed, and whole multi-line entries', () => {
    const s = session();
    s.run('nope');
    s.run('echo "a\nb"');
    expect(s.run('history').output).toBe(numbered([1, 'nope'], [2, 'echo "a\nb"'], [3, 'history']));
  });

  it('-c clears it', () => {
    const s = session('echo a', 'echo b');
    expect(s.run('history -c')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('history').output).toBe(numbered([1, 'history']));
  });

  it('-d deletes an entry; a negative offset counts from the end', () => {
    const s = session('echo a', 'echo b', 'echo c');
    s.run('history -d 2');
    expect(s.run('history').output).toBe(numbered([1, 'echo a'], [2, 'echo c'], [3, 'history -d 2'], [4, 'history']));
    // -1 is this `history -d -1` itself; the `history` after it repeats the last entry, so is not kept.
    s.run('history -d -1');
    expect(s.run('history').output).toBe(numbered([1, 'echo a'], [2, 'echo c'], [3, 'history -d 2'], [4, 'history']));
  });

  it('refuses what it cannot do, in bash words', () => {
    const s = session('echo a');
    expect(s.run('history -d 99')).toEqual({ output: 'bash: history: 99: history position out of range\n', exitCode: 1 });
    expect(s.run('history -d abc')).toEqual({ output: 'bash: history: abc: history position out of range\n', exitCode: 1 });
    expect(s.run('history abc')).toEqual({ output: 'bash: history: abc: numeric argument required\n', exitCode: 1 });
    expect(s.run('history 1 2')).toEqual({ output: 'bash: history: too many arguments\n', exitCode: 1 });
    const usage = 'history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n';
    expect(s.run('history -d')).toEqual({ output: `bash: history: -d: option requires an argument\n${usage}`, exitCode: 2 });
    expect(s.run('history -z')).toEqual({ output: `bash: history: -z: invalid option\n${usage}`, exitCode: 2 });
    expect(s.run('history -1')).toEqual({ output: `bash: history: -1: invalid option\n${usage}`, exitCode: 2 });
  });
});
