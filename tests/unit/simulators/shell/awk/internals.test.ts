// The pieces of awk that carry mawk's and glibc's exact behaviour: printf's rounding, the number
// a string holds, and the order of mawk's hash tables.
import { describe, expect, it } from 'vitest';
import { UNLIMITED } from '../../../../../simulators/core/budget';
import { AwkArray } from '../../../../../simulators/shell/awk/array';
import { formatDouble } from '../../../../../simulators/shell/awk/cformat';
import { awkFormat } from '../../../../../simulators/shell/awk/printf';
import { compileAwkRegex } from '../../../../../simulators/shell/awk/regex';
import { integerText, StrNum, strtod, toNum } from '../../../../../simulators/shell/awk/values';

const g6 = (d: number) => formatDouble(d, 'g', 6, '');

describe('C number formatting (glibc printf)', () => {
  it('rounds ties to even on the exact value', () => {
    expect(['f', 'f', 'f', 'f', 'f'].map((c, i) => formatDouble([2.5, 3.5, 0.125, 0.375, 0.005][i], c, [0, 0, 2, 2, 2][i], ''))).toEqual(['2', '4', '0.12', '0.38', '0.01']);
  });

  it('%g chooses %e or %f by the exponent and drops trailing zeros', () => {
    expect([100000, 1000000, 0.0001234, 1e-10, 123.456, 0].map(g6)).toEqual(['100000', '1e+06', '0.0001234', '1e-10', '123.456', '0']);
    expect(formatDouble(1, 'g', undefined, '#')).toBe('1.00000');
  });

  it('prints the exact digits of large doubles with %f, and inf and nan', () => {
    expect(formatDouble(1e22, 'f', 0, '')).toBe('10000000000000000000000');
    expect([Infinity, -Infinity, NaN].map((x) => formatDouble(x, 'f', 2, ''))).toEqual(['inf', '-inf', 'nan']);
  });

  it('integers print whole up to 2^64, clamped there', () => {
    expect([2 ** 53, 2 ** 63, 2 ** 64, -(2 ** 63), 0.5, 1e20].map(integerText)).toEqual(['9007199254740992', '9223372036854775808', '18446744073709551615', '-9223372036854775808', undefined, undefined]);
  });

  it('printf errors carry what was formatted before them', () => {
    expect(awkFormat('%s and %s', ['one'], 'printf', g6, UNLIMITED)).toEqual({ ok: false, error: 'not enough arguments passed to printf("%s and %s")', partial: 'one and ' });
    expect(awkFormat('%z', [1], 'sprintf', g6, UNLIMITED)).toEqual({ ok: false, error: 'improper conversion(number 1) in sprintf("%z")', partial: '' });
  });
});

describe('strings as numbers (strtod, mawk\'s numeric strings)', () => {
  it('reads the longest number at the start', () => {
    expect(['12abc', '  -3.5e2x', '0x1A', 'inf', '.', 'e5', '1e'].map((s) => strtod(s).value)).toEqual([12, -350, 26, Infinity, 0, 0, 1]);
  });

  it('input text is numeric only when all of it reads as a number', () => {
    expect(['10', ' 7 ', '1e3', '.5', '0x10', '0x1A', 'abc', '', '1e400'].map((s) => new StrNum(s).num)).toEqual([10, 7, 1000, 0.5, 16, null, null, null, null]);
    expect(toNum(new StrNum('3abc'))).toBe(3);
  });
});

describe("mawk's arrays", () => {
  it('walk string keys in hash-table order, integer keys through their strings', () => {
    const a = new AwkArray();
    for (const k of ['b', 'a', 'c']) a.find({ str: k }, true);
    a.find({ num: 10 }, true);
    // mawk 1.3.4 20240123: BEGIN { a["b"]; a["a"]; a["c"]; a[10]; for (k in a) ... } gives 10 c b a.
    expect(a.keys()).toEqual(['10', 'c', 'b', 'a']);
  });

  it('a lookup moves what it finds to the front of its list', () => {
    const a = new AwkArray();
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    for (const k of keys) a.find({ str: k }, true);
    const before = a.keys();
    a.find({ str: before[before.length - 1] }, false);
    expect(a.keys()).not.toEqual(before);
    expect(new Set(a.keys())).toEqual(new Set(before));
  });

  it('deletes by number or by string the same element', () => {
    const a = new AwkArray();
    a.find({ num: 1 }, true)!.set(5);
    a.find({ str: '2' }, true);
    a.delete({ str: '1' });
    a.delete({ num: 2 });
    expect(a.size).toBe(0);
  });
});

describe('awk regular expressions (through RE2)', () => {
  it('matches leftmost-longest, with awk escapes and classes', () => {
    const re = compileAwkRegex('a|ab', UNLIMITED);
    expect('error' in re ? re : re.find('xab', 0)).toEqual([1, 3]);
    const cls = compileAwkRegex('[[:digit:]]+\\.[0-9]', UNLIMITED);
    expect('error' in cls ? cls : cls.find('v12.5', 0)).toEqual([1, 5]);
  });

  it("refuses what mawk refuses, in mawk's words", () => {
    expect(['a(', '+', '[a', 'a{3,2}', '^*', '(|a)'].map((p) => (compileAwkRegex(p, UNLIMITED) as { error?: string }).error)).toEqual([
      "missing ')'",
      'missing operand',
      'bad class -- [], [^] or [',
      'bad interval expression',
      'syntax error ^* or ^+',
      'missing operand',
    ]);
  });
});
