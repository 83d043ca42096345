// Shell patterns without backtracking: pathname expansion and ${x#pat} ${x%pat} ${x/pat/rep}
// answer as bash 5.2 does (every expectation below was printed by bash on this machine), and no
// pattern costs more than the text's length times its own.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { workBudget } from '../../../../simulators/core/budget';
import { compileGlob } from '../../../../simulators/shell/glob-match';

const run = (line: string) => createSession().run(line);

describe('patterns in ${...} as bash matches them', () => {
  it.each([
    ['x=hello.tar.gz; echo ${x#*.} ${x##*.} ${x%.*} ${x%%.*}', 'tar.gz gz hello.tar hello\n'],
    ['x=/usr/local/bin/tool; echo ${x##*/} ${x%/*} ${x#/} ${x%%/*}x', 'tool /usr/local/bin usr/local/bin/tool x\n'],
    ['x=aaa; echo ${x/a/b} ${x//a/b} ${x/#a/b} ${x/%a/b} ${x//a} ${x/a*/z}', 'baa bbb baa aab z\n'],
    ['x=abcabc; echo ${x/b?/X} ${x//[ab]/-} ${x//[!ab]/-} ${x/#/pre} ${x/%/post} ${x//?/.}', 'aXabc --c--c ab-ab- preabcabc abcabcpost ......\n'],
    ['x=\'a b  c\'; echo "${x// /_}" "${x//  /_}" "${x/ */}"', 'a_b__c a b_c a\n'],
    ['x=héllo; echo ${x/é/e} ${x//?/x} ${#x} ${x^^} ${x^} ${x,,[HL]}', 'hello xxxxx 5 HÉLLO Héllo héllo\n'],
    ["x='file[1].txt'; echo \"${x//\\[/(}\" \"${x/[[]/<}\" \"${x%[.]*}\"", 'file(1].txt file<1].txt file[1]\n'],
    ['x=abc; echo ${x/[[:alpha:]]/X} ${x//[[:digit:]]/X} ${x//[^a]/Y}', 'Xbc abc aYY\n'],
    ["x='*star*'; echo \"${x//\\*/+}\" \"${x#\\*}\" \"${x%'*'}\"", '+star+ star* *star\n'],
    ['x=abcdef; echo ${x/c*e/_} ${x//b*/Q} ${x/#a*c/Z} ${x/%d*/Y}', 'ab_f aQ Zdef abcY\n'],
  ])('%s', (line, output) => {
    expect(run(line)).toEqual({ output, exitCode: 0 });
  });

  it('agrees with bash on generated patterns and texts', () => {
    const s = createSession();
    const golden: [string, string][] = [
    ["x='b*aaa'; echo \"[${x#a*}]\"", "[b*aaa]"],
    ["x='b**c**ccb'; echo \"[${x##*}]\"", "[]"],
    ["x='ba*ab'; echo \"[${x/#c*/X}]\"", "[ba*ab]"],
    ["x='**a**a'; echo \"[${x%%b}]\"", "[**a**a]"],
    ["x='bcbbb'; echo \"[${x//**\\*/X}]\"", "[bcbbb]"],
    ["x='ba'; echo \"[${x%\\*}]\"", "[ba]"],
    ["x='bca'; echo \"[${x/%/X}]\"", "[bcaX]"],
    ["x='*c*bccac'; echo \"[${x///X}]\"", "[*c*bccac]"],
    ["x=''; echo \"[${x%[!a]?}]\"", "[]"],
    ["x='abaac'; echo \"[${x/#cab/X}]\"", "[abaac]"],
    ["x='ba*babaaa'; echo \"[${x##[ab]}]\"", "[a*babaaa]"],
    ["x='ba*a'; echo \"[${x/%?b*/X}]\"", "[ba*a]"],
    ["x='aba***'; echo \"[${x//c[!a]/X}]\"", "[aba***]"],
    ["x='bc*abb*'; echo \"[${x/[ab]??/X}]\"", "[Xabb*]"],
    ["x='cbba'; echo \"[${x/#*[!a]/X}]\"", "[Xa]"],
    ["x='b*cb'; echo \"[${x/aa?\\*/X}]\"", "[b*cb]"],
    ["x='**a'; echo \"[${x#c[!a]a*}]\"", "[**a]"],
    ["x='*aa*'; echo \"[${x/%[ab]/X}]\"", "[*aa*]"],
    ["x=''; echo \"[${x/%b/X}]\"", "[]"],
    ["x='*baccc'; echo \"[${x%%?[ab]??}]\"", "[*baccc]"],
    ["x='caacbaccb'; echo \"[${x%%}]\"", "[caacbaccb]"],
    ["x='*ba*b*'; echo \"[${x##}]\"", "[*ba*b*]"],
    ["x='b*cabb'; echo \"[${x#a}]\"", "[b*cabb]"],
    ["x=''; echo \"[${x//b/X}]\"", "[]"],
    ["x='*ac*c'; echo \"[${x%[!a][ab]}]\"", "[*ac*c]"],
    ["x='acb*'; echo \"[${x/%?c*[ab]/X}]\"", "[acb*]"],
    ["x=''; echo \"[${x#}]\"", "[]"],
    ["x='*cb'; echo \"[${x#\\*\\*a}]\"", "[*cb]"],
    ["x='a*a'; echo \"[${x%%*}]\"", "[]"],
    ["x='c'; echo \"[${x#[!a]}]\"", "[]"],
    ["x='accb*cb*'; echo \"[${x//?*c/X}]\"", "[Xb*]"],
    ["x='bc*abc'; echo \"[${x/#[!a]a*[!a]/X}]\"", "[bc*abc]"],
    ["x='b*a'; echo \"[${x/#[ab]a??/X}]\"", "[b*a]"],
    ["x='***ac'; echo \"[${x/#?/X}]\"", "[X**ac]"],
    ["x='bacb*ba*'; echo \"[${x##}]\"", "[bacb*ba*]"],
    ["x='*bc*c'; echo \"[${x/?a?/X}]\"", "[*bc*c]"],
    ["x=''; echo \"[${x%ba[ab]}]\"", "[]"],
    ["x='a'; echo \"[${x%b}]\"", "[a]"],
    ["x='acab'; echo \"[${x/#?[!a]*[!a]/X}]\"", "[X]"],
    ["x='bab'; echo \"[${x/#[ab][ab]/X}]\"", "[Xb]"],
    ["x=''; echo \"[${x/#[ab]\\*\\*b/X}]\"", "[]"],
    ["x='*'; echo \"[${x/#[ab]?/X}]\"", "[*]"],
    ["x='b*bc**b'; echo \"[${x/a/X}]\"", "[b*bc**b]"],
    ["x='cbb'; echo \"[${x%*}]\"", "[cbb]"],
    ["x='aca**abab'; echo \"[${x%%}]\"", "[aca**abab]"],
    ["x='a*acc*'; echo \"[${x/#[ab]/X}]\"", "[X*acc*]"],
    ["x='cbaa'; echo \"[${x/%?b\\*c/X}]\"", "[cbaa]"],
    ["x='c*ccbcaa'; echo \"[${x//b/X}]\"", "[c*ccXcaa]"],
    ["x='*baccb'; echo \"[${x#*[!a]}]\"", "[baccb]"],
    ["x='bacc'; echo \"[${x%%[!a]c?*}]\"", "[bacc]"],
    ["x='cbbccbaca'; echo \"[${x/#b[ab]*\\*/X}]\"", "[cbbccbaca]"],
    ["x='bac*ca'; echo \"[${x/#[!a][ab]/X}]\"", "[Xc*ca]"],
    ["x='bc*bb*bc*'; echo \"[${x%[ab]*[!a]*}]\"", "[bc*bb*]"],
    ["x='cb'; echo \"[${x///X}]\"", "[cb]"],
    ["x='bca**'; echo \"[${x/#*?b[ab]/X}]\"", "[bca**]"],
    ["x='bb'; echo \"[${x%b[!a]}]\"", "[]"],
    ["x='aaa**acc'; echo \"[${x/%/X}]\"", "[aaa**accX]"],
    ["x='bcabbbb'; echo \"[${x/%[!a]ba/X}]\"", "[bcabbbb]"],
    ["x='c*'; echo \"[${x/#*\\*/X}]\"", "[X]"],
    ["x=''; echo \"[${x%%aa}]\"", "[]"],
    ["x='c'; echo \"[${x/c/X}]\"", "[X]"],
    ["x='c*'; echo \"[${x//\\*[!a]/X}]\"", "[c*]"],
    ["x='cbbcbbb'; echo \"[${x/%/X}]\"", "[cbbcbbbX]"],
    ["x='bab'; echo \"[${x%abb[ab]}]\"", "[bab]"],
    ["x='bb'; echo \"[${x//b[ab][ab][!a]/X}]\"", "[bb]"],
    ["x='c**'; echo \"[${x#[ab]}]\"", "[c**]"],
    ["x='cc'; echo \"[${x///X}]\"", "[cc]"],
    ["x='cab**a*c'; echo \"[${x%%[ab]a*}]\"", "[cab**a*c]"],
    ["x='aaba'; echo \"[${x//[ab]?a/X}]\"", "[aX]"],
    ["x='cc*c*bbac'; echo \"[${x%*c[ab]*}]\"", "[cc*c*bbac]"],
    ["x='cabccccbc'; echo \"[${x%%b\\*b}]\"", "[cabccccbc]"],
    ["x='***ba**'; echo \"[${x%%ca*}]\"", "[***ba**]"],
    ["x='cbabc'; echo \"[${x/?b[ab][!a]/X}]\"", "[Xc]"],
    ["x='aaba*b'; echo \"[${x%}]\"", "[aaba*b]"],
    ["x='*c'; echo \"[${x##ba[ab]}]\"", "[*c]"],
    ["x='*bccbac'; echo \"[${x/%/X}]\"", "[*bccbacX]"],
    ["x='b'; echo \"[${x%}]\"", "[b]"],
    ["x='aca'; echo \"[${x%%}]\"", "[aca]"],
    ["x='bbb*'; echo \"[${x/#*\\*a[!a]/X}]\"", "[bbb*]"],
    ["x='cb'; echo \"[${x/#[ab]/X}]\"", "[cb]"],
    ];
    for (const [line, output] of golden) expect([line, s.run(line).output]).toEqual([line, `${output}\n`]);
  });
});

describe('no pattern can hold the line', () => {
  it('finds the leftmost-longest match in one pass (bash answers these at once too)', () => {
    const a = 'a'.repeat(3000);
    expect(run(`x=${a}; y=\${x//*a*a*a*a*b/X}; echo \${#y}`)).toEqual({ output: '3000\n', exitCode: 0 });
    expect(run(`x=${a}; y=\${x//a/bb}; echo \${#y}`)).toEqual({ output: '6000\n', exitCode: 0 });
    expect(run(`x=${a}; y=\${x%%*a*a*a*b}; echo \${#y} \${x##a*a*a*a}.`)).toEqual({ output: '3000 .\n', exitCode: 0 });
  });

  it('expands *a*a*...*b over a directory without backtracking', () => {
    const s = createSession();
    s.run(`mkdir g && cd g && touch ${Array.from({ length: 200 }, (_, i) => `${'a'.repeat(50)}${i}`).join(' ')}`);
    const stars = `${'*a'.repeat(40)}*b`;
    expect(s.run(`echo ${stars}`)).toEqual({ output: `${stars}\n`, exitCode: 0 });
    expect(s.run('ls *a*a*a*a*a*a*1 | wc -l')).toEqual({ output: '20\n', exitCode: 0 });
  });

  it('a replacement that outgrows memory fails as bash’s malloc does', () => {
    expect(run('x=ab; while :; do x=${x//?/$x}; done')).toEqual({ output: 'bash: xmalloc: cannot allocate 4259841 bytes\n', exitCode: 2 });
  });

  it('costs the text’s length times the pattern’s, paid from the budget', () => {
    const budget = workBudget();
    const glob = compileGlob('*a*a*a*a*a*b', budget);
    const text = [...'a'.repeat(1000)];
    const before = budget.used;
    expect(glob.find(text, 0)).toBeUndefined();
    expect(glob.matches('a'.repeat(1000))).toBe(false);
    const spent = budget.used - before;
    expect(spent).toBeGreaterThan(0);
    // One unit per character read per pass (the pattern has fewer steps than a unit pays for).
    expect(spent).toBeLessThanOrEqual(2 * 1000 + 2);
  });

  it('reads brackets, classes, ranges and escapes as bash does', () => {
    const m = (pattern: string, text: string) => compileGlob(pattern, workBudget()).matches(text);
    expect([m('[]a]', ']'), m('[!]a]', 'b'), m('[a-]', '-'), m('[[:upper:]]x', 'Éx'), m('\\*', '*'), m('\\*', 'a'), m('[a', '[a'), m('?', '😀'), m('*', '')]).toEqual([true, true, true, true, true, false, true, true, true]);
  });
});
