// seq against GNU coreutils 9.4: widths and precisions as seq.c works them out, formats, errors.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const usage = (message: string) => ({ output: `seq: ${message}\nTry 'seq --help' for more information.\n`, exitCode: 1 });

describe('seq', () => {
  it('counts from 1, from FIRST, by INCREMENT, down', () => {
    expect(run('seq 3')).toEqual({ output: '1\n2\n3\n', exitCode: 0 });
    expect(run('seq 2 4')).toEqual({ output: '2\n3\n4\n', exitCode: 0 });
    expect(run('seq 1 3 10')).toEqual({ output: '1\n4\n7\n10\n', exitCode: 0 });
    expect(run('seq 10 -3 1')).toEqual({ output: '10\n7\n4\n1\n', exitCode: 0 });
    expect(run('seq -1 1')).toEqual({ output: '-1\n0\n1\n', exitCode: 0 });
    expect(run('seq 5 1')).toEqual({ output: '', exitCode: 0 });
  });

  it('prints as many decimals as FIRST and INCREMENT have', () => {
    expect(run('seq 1 0.5 3').output).toBe('1.0\n1.5\n2.0\n2.5\n3.0\n');
    expect(run('seq 0 0.1 0.3').output).toBe('0.0\n0.1\n0.2\n0.3\n');
    expect(run('seq 1 3.00').output).toBe('1\n2\n3\n');
    expect(run('seq 1.0 3').output).toBe('1.0\n2.0\n3.0\n');
    expect(run('seq 1 -0.5 -1').output).toBe('1.0\n0.5\n0.0\n-0.5\n-1.0\n');
    expect(run('seq 0.0001 0.00005 0.0002').output).toBe('0.00010\n0.00015\n0.00020\n');
    expect(run('seq 1e2 1e2').output).toBe('100\n');
    expect(run('seq 1.5e1 16').output).toBe('15\n16\n');
    expect(run('seq 0x10 0x12').output).toBe('16\n17\n18\n');
  });

  it('-w pads to equal width, -s separates, -f formats', () => {
    expect(run('seq -w 8 11').output).toBe('08\n09\n10\n11\n');
    expect(run('seq -w -5 5 10').output).toBe('-5\n00\n05\n10\n');
    expect(run('seq -w 0.5 0.25 1').output).toBe('0.50\n0.75\n1.00\n');
    expect(run('seq -s, 5')).toEqual({ output: '1,2,3,4,5\n', exitCode: 0 });
    expect(run("seq -s ', ' 3").output).toBe('1, 2, 3\n');
    expect(run("seq -s '' 3").output).toBe('123\n');
    expect(run('seq -f %03g 3').output).toBe('001\n002\n003\n');
    expect(run("seq -f 'file-%g.txt' 2").output).toBe('file-1.txt\nfile-2.txt\n');
    expect(run("seq -f '%.2f' 1 0.5 2").output).toBe('1.00\n1.50\n2.00\n');
    expect(run("seq -f '%e' 2").output).toBe('1.000000e+00\n2.000000e+00\n');
    expect(run("seq -f '%5.1f%%' 1 2").output).toBe('  1.0%\n  2.0%\n');
  });

  it('stops an endless sequence when its reader has had enough', () => {
    expect(run('seq inf | head -3')).toEqual({ output: '1\n2\n3\n', exitCode: 0 });
    expect(run('seq -s, inf | head -c 20')).toEqual({ output: '1,2,3,4,5,6,7,8,9,10', exitCode: 0 });
  });

  it('prints a long finite sequence whole', () => {
    expect(run('seq 100000 | tail -1')).toEqual({ output: '100000\n', exitCode: 0 });
    expect(run('seq 20000 | wc -l')).toEqual({ output: '20000\n', exitCode: 0 });
  });

  it("refuses what GNU seq refuses, in its words", () => {
    expect(run('seq')).toEqual(usage('missing operand'));
    expect(run('seq 1 2 3 4')).toEqual(usage('extra operand ‘4’'));
    expect(run('seq a')).toEqual(usage('invalid floating point argument: ‘a’'));
    expect(run('seq nan')).toEqual(usage('invalid ‘not-a-number’ argument: ‘nan’'));
    expect(run('seq 1 0 5')).toEqual(usage('invalid Zero increment value: ‘0’'));
    expect(run("seq -w -f '%g' 2")).toEqual(usage('format string may not be specified when printing equal width strings'));
    expect(run("seq -f '%d' 2")).toEqual({ output: 'seq: format ‘%d’ has unknown %d directive\n', exitCode: 1 });
    expect(run("seq -f '%g%g' 2")).toEqual({ output: 'seq: format ‘%g%g’ has too many % directives\n', exitCode: 1 });
    expect(run("seq -f abc 2")).toEqual({ output: 'seq: format ‘abc’ has no % directive\n', exitCode: 1 });
    expect(run('seq -x 2')).toEqual({ output: "seq: invalid option -- 'x'\nTry 'seq --help' for more information.\n", exitCode: 1 });
  });
});
