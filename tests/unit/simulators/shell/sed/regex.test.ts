// sed's regular expressions: POSIX basic and extended syntax read into RE2's, matched leftmost-longest
// with groups, and what GNU's regcomp refuses refused with its words.
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../../../../simulators/core/budget';
import { BACKREF_UNSUPPORTED, compileSedRegex, searchSedRegex } from '../../../../../simulators/shell/sed/regex';

const flags = { extended: false, icase: false, multiline: false };
/** The match of `pattern` in `text` as [whole, group 1, ...] strings (undefined where a group took no part). */
function match(pattern: string, text: string, options: Partial<typeof flags> = {}, start = 0): (string | undefined)[] | null {
  const budget = workBudget();
  const re = compileSedRegex(pattern, { ...flags, ...options }, budget);
  if ('error' in re) throw new Error(re.error);
  const groups = searchSedRegex(re, text, start, budget);
  if (!groups) return null;
  const out: (string | undefined)[] = [];
  for (let i = 0; i < groups.length; i += 2) out.push(groups[i] < 0 ? undefined : text.slice(groups[i], groups[i + 1]));
  return out;
}
const refusal = (pattern: string, options: Partial<typeof flags> = {}) => {
  const re = compileSedRegex(pattern, { ...flags, ...options }, workBudget());
  return 'error' in re ? re.error : undefined;
};

describe('basic expressions (sed without -E)', () => {
  it('\\( \\) group and capture, \\{ \\} count, \\+ \\? \\| are GNU operators', () => {
    expect(match('\\(a\\)\\(b*\\)', 'xabbby')).toEqual(['abbb', 'a', 'bbb']);
    expect(match('a\\{2,3\\}', 'aaaa')).toEqual(['aaa']);
    expect(match('ab\\+', 'abbbc')).toEqual(['abbb']);
    expect(match('colou\\?r', 'color')).toEqual(['color']);
    expect(match('cat\\|dog', 'hotdog')).toEqual(['dog']);
  });

  it('( ) { } + ? | are plain characters', () => {
    expect(match('(a)', 'x(a)')).toEqual(['(a)']);
    expect(match('a{2}', 'a{2}')).toEqual(['a{2}']);
    expect(match('a+b?', 'a+b?')).toEqual(['a+b?']);
    expect(match('a|b', 'b a|b')).toEqual(['a|b']);
  });

  it('* at the start, or after \\( or \\|, is a star', () => {
    expect(match('*a', 'x*a')).toEqual(['*a']);
    expect(match('\\(*a\\)', '*a')).toEqual(['*a', '*a']);
  });

  it('bracket expressions with classes, ] first, and a negation', () => {
    expect(match('[[:digit:]]\\+', 'ab123c')).toEqual(['123']);
    expect(match('[]a]*', ']a]b')).toEqual([']a]']);
    expect(match('[^[:alpha:]]', 'ab-c')).toEqual(['-']);
    expect(match('[[:upper:][:space:]]\\+', 'ab C D')).toEqual([' C D']);
  });

  it('\\w \\W \\s \\S \\b \\< \\> like GNU', () => {
    expect(match('\\w\\+', '-- hello_1 --')).toEqual(['hello_1']);
    expect(match('\\<t', 'at top')).toEqual(['t']);
    expect(match('o\\>', 'oo too')).toEqual(['o']);
    expect(match('\\bx', 'ax x')).toEqual(['x']);
    expect(match('\\s\\S', 'a b')).toEqual([' b']);
  });
});

describe('extended expressions (sed -E)', () => {
  it('( ) { } + ? | are operators, \\( a character', () => {
    expect(match('(a|ab)(c|bcd)(d*)', 'abcd', { extended: true })).toEqual(['abcd', 'a', 'bcd', '']);
    expect(match('x{2}', 'xxx', { extended: true })).toEqual(['xx']);
    expect(match('\\(a\\)', '(a)', { extended: true })).toEqual(['(a)']);
  });

  it('a group that took no part is unset', () => {
    expect(match('(a)|(b)', 'b', { extended: true })).toEqual(['b', undefined, 'b']);
  });
});

describe('the pattern space', () => {
  it('. and [^...] match a newline; ^ and $ only at its ends', () => {
    expect(match('a.b', 'a\nb')).toEqual(['a\nb']);
    expect(match('a[^x]b', 'a\nb')).toEqual(['a\nb']);
    expect(match('^b', 'a\nb')).toBeNull();
    expect(match('a$', 'a\nb')).toBeNull();
  });

  it('with M: ^ and $ at each line, . and [^...] never a newline', () => {
    expect(match('^b', 'a\nb', { multiline: true })).toEqual(['b']);
    expect(match('a$', 'a\nb', { multiline: true })).toEqual(['a']);
    expect(match('a.b', 'a\nb', { multiline: true })).toBeNull();
    expect(match('a[^x]b', 'a\nb', { multiline: true })).toBeNull();
  });

  it('a search from the middle does not see ^ there', () => {
    expect(match('^a', 'aa', {}, 1)).toBeNull();
    expect(match('a', 'aa', {}, 1)).toEqual(['a']);
  });

  it('I ignores case; matches are leftmost, then longest', () => {
    expect(match('hello', 'HeLLo', { icase: true })).toEqual(['HeLLo']);
    expect(match('a*', 'baaa')).toEqual(['']);
    expect(match('x*', 'xxxy')).toEqual(['xxx']);
  });
});

describe('what is refused', () => {
  it('in GNU regcomp\'s words', () => {
    expect(refusal('a\\)')).toBe('Unmatched ) or \\)');
    expect(refusal('\\(a')).toBe('Unmatched ( or \\(');
    expect(refusal('a\\{1')).toBe('Unmatched \\{');
    expect(refusal('a\\{x\\}')).toBe('Invalid content of \\{\\}');
    expect(refusal('[[:foo:]]')).toBe('Invalid character class name');
    expect(refusal('[z-a]')).toBe('Invalid range end');
    expect(refusal('a\\')).toBe('Trailing backslash');
  });

  it('the extended syntax\'s own refusals', () => {
    const e = { extended: true };
    expect(refusal('*a', e)).toBe('Invalid preceding regular expression');
    expect(refusal('a|+b', e)).toBe('Invalid preceding regular expression');
    expect(refusal('(?a)', e)).toBe('Invalid preceding regular expression');
    expect(refusal('a)', e)).toBe('Unmatched ) or \\)');
    expect(refusal('a{', e)).toBe('Unmatched \\{');
    expect(refusal('a{x}', e)).toBe('Invalid content of \\{\\}');
    expect(refusal('a{2,1}', e)).toBe('Invalid content of \\{\\}');
    expect(refusal('[a{]', e)).toBeUndefined();
  });

  it('a back-reference in the pattern, which no linear engine can match', () => {
    expect(refusal('\\(a\\)\\1')).toBe(BACKREF_UNSUPPORTED);
    expect(refusal('(a)\\1', { extended: true })).toBe(BACKREF_UNSUPPORTED);
    expect(refusal('\\1')).toBe('Invalid back reference');
  });
});
