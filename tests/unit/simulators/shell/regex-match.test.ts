// grep's patterns through a linear-time engine: the same answers as GNU grep 3.8 (captured on this
// machine), and no pattern, however it nests, can hold the line.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { workBudget } from '../../../../simulators/core/budget';
import { parseRegex } from '../../../../simulators/shell/regex';
import { compileMatcher } from '../../../../simulators/shell/regex-match';

const TEXT = 'foo bar\nabab abc ab\nbaaa aaa!\nFOO Foo foo_x\néa éb Hello World\n\nxxaxx bb boo\nfoofoo ob\n';

function grep(args: string) {
  const s = createSession();
  s.run(`printf '%s' '${TEXT}' > f.txt`);
  return s.run(`grep --color=never ${args} f.txt`);
}

describe('grep matches as GNU grep does (leftmost-longest, POSIX classes, word edges)', () => {
  // Each expectation is what GNU grep 3.8 printed for the same file.
  const cases: [string, string, number][] = [
    ["-o 'a\\|ab'", 'a\nab\nab\nab\nab\na\na\na\na\na\na\na\na\n', 0],
    ["-oE 'x*'", 'x\nxx\nxx\n', 0],
    ["-ow 'ab\\|abc'", 'abc\nab\n', 0],
    ["-wc 'foo'", '1\n', 0],
    ["-x 'foo bar'", 'foo bar\n', 0],
    ["-oE '[a-z]+\\>'", 'foo\nbar\nabab\nabc\nab\nbaaa\naaa\noo\nx\na\nb\nello\norld\nxxaxx\nbb\nboo\nfoofoo\nob\n', 0],
    ["-oE '\\bba'", 'ba\nba\n', 0],
    ["-oE '(ab)\\1'", 'abab\n', 0],
    ["-oE '(a)(b)?\\2'", '', 1],
    ["-o '\\(o\\)\\1'", 'oo\noo\noo\noo\noo\noo\n', 0],
    ["-ioE 'FOO'", 'foo\nFOO\nFoo\nfoo\nfoo\nfoo\n', 0],
    ["-oE 'é.'", 'éa\néb\n', 0],
    ["-oE '[[:upper:]][[:lower:]]*'", 'F\nO\nO\nFoo\nHello\nWorld\n', 0],
    ["-oE 'a{2,3}'", 'aaa\naaa\n', 0],
    ["-oE '(^|b)a'", 'ba\na\nba\nba\n', 0],
    ["-oE '\\w+'", 'foo\nbar\nabab\nabc\nab\nbaaa\naaa\nFOO\nFoo\nfoo_x\néa\néb\nHello\nWorld\nxxaxx\nbb\nboo\nfoofoo\nob\n', 0],
    ["-nE '^$'", '6:\n', 0],
    ["-owE 'fo*'", 'foo\n', 0],
    ["-xE 'f.*|.*r'", 'foo bar\nfoofoo ob\n', 0],
    ["-oiE '(a)\\1'", 'aa\naa\n', 0],
    ["-owE '(b)\\1'", 'bb\n', 0],
    ["-o '^*a'", '', 1],
    ["-oE 'a**'", 'a\na\na\na\na\naaa\naaa\na\na\n', 0],
    ["-E 'a{32768}'", 'grep: Regular expression too big\n', 2],
  ];
  it.each(cases)('grep %s', (args, output, exitCode) => {
    expect(grep(args)).toEqual({ output, exitCode });
  });

  it('refuses what RE2 cannot hold within its size in GNU’s words for a pattern too big', () => {
    expect(grep("-E '((a{100}){100}){100}'")).toEqual({ output: 'grep: Regular expression too big\n', exitCode: 2 });
    expect(grep(`-E '${'('.repeat(5000)}a${')'.repeat(5000)}'`)).toEqual({ output: 'grep: Regular expression too big\n', exitCode: 2 });
    expect(grep(`'a${'*'.repeat(50000)}'`)).toEqual({ output: 'grep: Regular expression too big\n', exitCode: 2 });
  });
});

describe('no pattern can hold the line', () => {
  it('answers the classic catastrophic patterns at once (RE2 reads each line once)', () => {
    const s = createSession();
    const a = 'a'.repeat(10_000);
    expect(s.run(`echo ${a}! | grep -E '(a+)+$'`)).toEqual({ output: '', exitCode: 1 });
    expect(s.run(`echo ${a}! | grep -cE '(a|aa)+$'`)).toEqual({ output: '0\n', exitCode: 1 });
    expect(s.run(`echo ${a}! | grep -o 'a' | wc -l`)).toEqual({ output: '10000\n', exitCode: 0 });
  });

  it('back-references backtrack as GNU grep does, every step paid: a pathological one is cut as Ctrl-C', () => {
    const s = createSession();
    expect(s.run(`echo ${'a'.repeat(30)}! | grep -E '(a*)*b\\1'`)).toEqual({ output: '^C\n', exitCode: 130 });
    expect(s.run('echo abcabc | grep --color=never -oE "(abc)\\1"')).toEqual({ output: 'abcabc\n', exitCode: 0 });
  });

  it('pays matching from the budget it is given', () => {
    const parsed = parseRegex('(a|b)*c', true);
    if (!parsed.ok) throw new Error(parsed.error);
    const budget = workBudget();
    const compiled = compileMatcher([parsed.node], [parsed.groups], false, {}, budget);
    if (!compiled.ok) throw new Error(compiled.error);
    compiled.matcher.test('ab'.repeat(500));
    expect(budget.used).toBeGreaterThan(1000 / 64);
    const before = budget.used;
    expect(compiled.matcher.spans('xxabcxxc')).toEqual([
      [2, 5],
      [7, 8],
    ]);
    expect(budget.used).toBeGreaterThan(before);
  });
});
