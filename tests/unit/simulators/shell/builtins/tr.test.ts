// tr against GNU coreutils 9.4: sets, ranges, classes, repeats, -d -s -c -t and its checks.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const tr = (input: string, args: string) => run(`printf '${input}' | tr ${args}`);
const fail = (message: string) => ({ output: `tr: ${message}\n`, exitCode: 1 });
const usage = (message: string) => ({ output: `tr: ${message}\nTry 'tr --help' for more information.\n`, exitCode: 1 });

describe('tr translates', () => {
  it('by ranges and classes', () => {
    expect(tr('Hello World\\n', 'a-z A-Z')).toEqual({ output: 'HELLO WORLD\n', exitCode: 0 });
    expect(tr('Hello World\\n', "'[:lower:]' '[:upper:]'")).toEqual({ output: 'HELLO WORLD\n', exitCode: 0 });
    expect(tr('Hello World\\n', "'[:upper:][:lower:]' '[:lower:][:upper:]'").output).toBe('hELLO wORLD\n');
    expect(tr('a,b,c\\n', ", '\\n'").output).toBe('a\nb\nc\n');
    expect(tr('tab\\there\\n', "'\\t' ' '").output).toBe('tab here\n');
    expect(tr('abc\\n', "'\\141' X").output).toBe('Xbc\n');
  });

  it('repeats the last character of a shorter SET2, or truncates SET1 with -t', () => {
    expect(tr('abcdef\\n', 'abc xy').output).toBe('xyydef\n');
    expect(tr('abcdef\\n', '-t abc xy').output).toBe('xycdef\n');
    expect(tr('aabbcc 123\\n', "'a-c' 'x-'").output).toBe('xx---- 123\n');
  });

  it('fills with [c*] and repeats with [c*n] (octal when it starts with 0)', () => {
    expect(tr('abcdef\\n', "abc '[x*]'").output).toBe('xxxdef\n');
    expect(tr('abcdef\\n', "a-f 'x[y*2]z'").output).toBe('xyyzzz\n');
    expect(tr('abcdefghij\\n', "a-j '[x*010]y'").output).toBe('xxxxxxxxyy\n');
  });

  it('works on bytes, as coreutils does', () => {
    expect(tr('héllo\\n', 'é e')).toEqual({ output: 'heello\n', exitCode: 0 });
  });
});

describe('tr deletes and squeezes', () => {
  it('-d deletes, -s squeezes, -c complements', () => {
    expect(tr('Hello World\\n', '-d lo').output).toBe('He Wrd\n');
    expect(tr('aaabbbccc\\n', '-s ab').output).toBe('abccc\n');
    expect(tr('hello   world\\n', "-s ' '").output).toBe('hello world\n');
    expect(tr('abc123\\n', "-cd '[:digit:]\\n'").output).toBe('123\n');
    expect(tr('abc123\\n', "-c '[:alpha:]' _").output).toBe('abc____');
    expect(tr('hello\\n', '-ds l o').output).toBe('heo\n');
    expect(tr('aabbcc\\n', '-s ab xy').output).toBe('xycc\n');
  });
});

describe('tr refuses', () => {
  it('the wrong number of operands', () => {
    expect(run('tr')).toEqual(usage('missing operand'));
    expect(run('tr a')).toEqual(usage('missing operand after ‘a’\nTwo strings must be given when translating.'));
    expect(run('tr -ds a')).toEqual(usage('missing operand after ‘a’\nTwo strings must be given when both deleting and squeezing repeats.'));
    expect(run('tr -d a b')).toEqual(usage('extra operand ‘b’\nOnly one string may be given when deleting without squeezing repeats.'));
    expect(run('tr a b c')).toEqual(usage('extra operand ‘c’'));
  });

  it('sets it cannot use', () => {
    expect(tr('x', 'z-a x')).toEqual(fail("range-endpoints of 'z-a' are in reverse collating sequence order"));
    expect(tr('x', "a '[:upper:]'")).toEqual(fail('misaligned [:upper:] and/or [:lower:] construct'));
    expect(tr('x', "-d '[:foo:]'")).toEqual(fail('invalid character class ‘foo’'));
    expect(tr('x', "'[a*]' x")).toEqual(fail('the [c*] repeat construct may not appear in string1'));
    expect(tr('x', "a '[x*]yz[q*]'")).toEqual(fail('only one [c*] repeat construct may appear in string2'));
    expect(tr('x', "a '[x*y]'")).toEqual(fail('invalid repeat count ‘y’ in [c*n] construct'));
    expect(tr('x', "abc ''")).toEqual(fail('when not truncating set1, string2 must be non-empty'));
    expect(tr('x', "'[:alpha:]' '[:digit:]'")).toEqual(fail("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'"));
    expect(tr('x', "-c '[:lower:]' '[:upper:]'")).toEqual(fail('when translating with string1 longer than string2,\nthe latter string must not end with a character class'));
  });

  it('warns of a backslash at the end, and goes on', () => {
    expect(run("echo 'x\\' | tr 'x\\' y")).toEqual({ output: 'tr: warning: an unescaped backslash at end of string is not portable\nyy\n', exitCode: 0 });
  });
});
