// sed against GNU sed 4.9: substitutions, addresses, the other commands, -i, and its messages with
// their `-e expression #N, char M` places. (scripts/dev/compare-text-tools.ts has ~170 more lines.)
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const FILES = "printf 'one\\ntwo\\nthree\\nfour\\nfive\\n' > five && printf '# comment\\nport=8080\\n\\nhost=localhost\\n' > app.conf && printf 'name,age\\nalice,30\\nbob,25\\n' > people.csv";
const sed = (args: string) => run(`sed ${args}`, FILES);
const bad = (where: string, message: string) => ({ output: `sed: -e expression #1, char ${where}: ${message}\n`, exitCode: 1 });

describe('sed s///', () => {
  it('replaces the first match, all with g, the Nth, from the Nth with Ng', () => {
    expect(sed("'s/o/0/' five")).toEqual({ output: '0ne\ntw0\nthree\nf0ur\nfive\n', exitCode: 0 });
    expect(sed("'s/e/E/g' five").output).toBe('onE\ntwo\nthrEE\nfour\nfivE\n');
    expect(run("echo aaaa | sed 's/a/b/2'").output).toBe('abaa\n');
    expect(run("echo aaaa | sed 's/a/b/2g'").output).toBe('abbb\n');
  });

  it('p prints, I ignores case, any delimiter', () => {
    expect(sed("-n 's/e/E/p' five").output).toBe('onE\nthrEe\nfivE\n');
    expect(sed("'s/O/0/Ig' five").output).toBe('0ne\ntw0\nthree\nf0ur\nfive\n');
    expect(run("echo a/b/c | sed 's|/|:|g'").output).toBe('a:b:c\n');
    expect(run("echo a/b | sed 's/\\//-/'").output).toBe('a-b\n');
  });

  it('& and \\1..\\9, \\n and \\t, case changes \\U \\L \\u \\l \\E', () => {
    expect(sed("'s/\\(.*\\),\\(.*\\)/\\2 \\1/' people.csv").output).toBe('age name\n30 alice\n25 bob\n');
    expect(sed("-E 's/([^,]*),([^,]*)/\\2,\\1/' people.csv").output).toBe('age,name\n30,alice\n25,bob\n');
    expect(run("echo 'x' | sed 's/x/[&&] \\&/'").output).toBe('[xx] &\n');
    expect(run("echo 'a.b.c' | sed 's/\\./\\n/g'").output).toBe('a\nb\nc\n');
    expect(run("echo 'a b' | sed 's/ /\\t/'").output).toBe('a\tb\n');
    expect(run("echo 'one two' | sed 's/\\(\\w*\\) \\(\\w*\\)/\\u\\1 \\U\\2/'").output).toBe('One TWO\n');
    expect(run("echo 'hello world' | sed 's/\\w\\+/\\u&/g'").output).toBe('Hello World\n');
    expect(run("echo 'ABC def' | sed 's/\\(...\\) \\(...\\)/\\L\\1\\E \\2/'").output).toBe('abc def\n');
  });

  it('empty matches as GNU sed takes them', () => {
    expect(run("echo baaac | sed 's/a*/x/g'").output).toBe('xbxcx\n');
    expect(run("echo abc | sed 's/x*/-/g'").output).toBe('-a-b-c-\n');
    expect(run("echo baaac | sed 's/a*/x/2'").output).toBe('bxc\n');
  });

  it('basic and extended regular expressions', () => {
    expect(sed("'s/\\(one\\|two\\)/#/' five").output).toBe('#\n#\nthree\nfour\nfive\n');
    expect(sed("'s/e\\{2\\}/E/' five").output).toBe('one\ntwo\nthrE\nfour\nfive\n');
    expect(sed("-E 's/e{2}/E/' five").output).toBe('one\ntwo\nthrE\nfour\nfive\n');
    expect(sed("-r 's/(o|e)+$/!/' five").output).toBe('on!\ntw!\nthr!\nfour\nfiv!\n');
    expect(run("echo 'key = value' | sed 's/[[:space:]]*=[[:space:]]*/=/'").output).toBe('key=value\n');
  });
});

describe('sed addresses', () => {
  it('numbers, $, first~step, +N, ~N, regexes and ranges, !', () => {
    expect(sed('-n 2p five').output).toBe('two\n');
    expect(sed("-n '2,4p' five").output).toBe('two\nthree\nfour\n');
    expect(sed("-n '$p' five").output).toBe('five\n');
    expect(sed("-n '1~2p' five").output).toBe('one\nthree\nfive\n');
    expect(sed("-n '2,+1p' five").output).toBe('two\nthree\n');
    expect(sed("-n '2,~4p' five").output).toBe('two\nthree\nfour\n');
    expect(sed("-n '/two/,/four/p' five").output).toBe('two\nthree\nfour\n');
    expect(sed("-n '0,/o/p' five").output).toBe('one\n');
    expect(sed("-n '1,/o/p' five").output).toBe('one\ntwo\n');
    expect(sed("-n '/^#/!p' app.conf").output).toBe('port=8080\n\nhost=localhost\n');
  });

  it('deletes comments and blank lines, the classic config clean-up', () => {
    expect(sed("'/^#/d;/^$/d' app.conf")).toEqual({ output: 'port=8080\nhost=localhost\n', exitCode: 0 });
    expect(sed("-e '/^#/d' -e '/^$/d' -e 's/=/: /' app.conf").output).toBe('port: 8080\nhost: localhost\n');
  });
});

describe('sed commands', () => {
  it('q and Q with a status, blocks', () => {
    expect(sed("'3q' five").output).toBe('one\ntwo\nthree\n');
    expect(sed("'2Q' five").output).toBe('one\n');
    expect(sed("'2q5' five; echo $?").output).toBe('one\ntwo\n5\n');
    expect(sed("-n '3{p;q}' five").output).toBe('three\n');
  });

  it('a, i and c, in the one-line GNU form and the classic one', () => {
    expect(sed("'1i # header' five").output).toBe('# header\none\ntwo\nthree\nfour\nfive\n');
    expect(sed("'1i\\  indented' five").output.split('\n')[0]).toBe('  indented');
    expect(sed("'$a # footer' five").output).toBe('one\ntwo\nthree\nfour\nfive\n# footer\n');
    expect(sed("'/three/c THREE' five").output).toBe('one\ntwo\nTHREE\nfour\nfive\n');
    expect(sed("'2,4c gone' five").output).toBe('one\ngone\nfive\n');
    expect(sed("-e 'a\\' -e 'x' five").output).toBe('one\nx\ntwo\nx\nthree\nx\nfour\nx\nfive\nx\n');
  });

  it('=, l, y', () => {
    expect(sed("-n '$=' five").output).toBe('5\n');
    expect(run("printf 'a\\tb\\\\c\\n' | sed -n l").output).toBe('a\\tb\\\\c$\n');
    expect(run("printf 'caf\\303\\251\\n' | sed -n l").output).toBe('caf\\303\\251$\n');
    expect(run('seq 30 | tr -d "\\n" | sed -n "l 10"').output).toBe('123456789\\\n101112131\\\n415161718\\\n192021222\\\n324252627\\\n282930$\n');
    expect(run("echo hello | sed 'y/elo/ELO/'").output).toBe('hELLO\n');
  });

  it('N, P, D, the hold space, labels and branches', () => {
    expect(sed("'N;s/\\n/ /' five").output).toBe('one two\nthree four\nfive\n');
    expect(sed("':a;N;$!ba;s/\\n/,/g' five").output).toBe('one,two,three,four,five\n');
    expect(sed("'1!G;h;$!d' five").output).toBe('five\nfour\nthree\ntwo\none\n');
    expect(sed("'$!N;P;D' five").output).toBe('one\ntwo\nthree\nfour\nfive\n');
    expect(sed("'s/o/0/;t;s/e/E/' five").output).toBe('0ne\ntw0\nthrEe\nf0ur\nfivE\n');
    expect(sed("'s/o/0/;T;s/e/E/' five").output).toBe('0nE\ntw0\nthree\nf0ur\nfive\n');
  });

  it('r, R, w on the machine\'s files', () => {
    expect(sed("'2r people.csv' five").output).toBe('one\ntwo\nname,age\nalice,30\nbob,25\nthree\nfour\nfive\n');
    expect(sed("'R people.csv' five").output).toBe('one\nname,age\ntwo\nalice,30\nthree\nbob,25\nfour\nfive\n');
    const s = session(FILES);
    expect(s.run("sed -n '/o/w out' five")).toEqual({ output: '', exitCode: 0 });
    expect(s.run('cat out').output).toBe('one\ntwo\nfour\n');
  });

  it('keeps a last line without its newline so', () => {
    expect(run("printf 'a\\nb' | sed p")).toEqual({ output: 'a\na\nb\nb', exitCode: 0 });
    expect(run("printf 'a' | sed q")).toEqual({ output: 'a\n', exitCode: 0 });
  });
});

describe('sed -i', () => {
  it('edits in place, with a backup when given a suffix', () => {
    const s = session(FILES);
    expect(s.run("sed -i 's/one/1/' five")).toEqual({ output: '', exitCode: 0 });
    expect(s.run('head -1 five').output).toBe('1\n');
    expect(s.run("sed -i.bak 's/1/one/' five")).toEqual({ output: '', exitCode: 0 });
    expect(s.run('head -1 five five.bak').output).toBe('==> five <==\none\n\n==> five.bak <==\n1\n');
  });

  it('treats each file on its own', () => {
    const s = session(FILES);
    expect(s.run("sed -i '1d' five people.csv")).toEqual({ output: '', exitCode: 0 });
    expect(s.run('cat five people.csv').output).toBe('two\nthree\nfour\nfive\nalice,30\nbob,25\n');
  });

  it('refuses no file and a directory', () => {
    expect(run('sed -i p')).toEqual({ output: 'sed: no input files\n', exitCode: 4 });
    expect(run('mkdir d && sed -i p d')).toEqual({ output: "sed: couldn't edit d: not a regular file\n", exitCode: 4 });
  });
});

describe('sed errors', () => {
  it('in the script, with the place GNU sed gives', () => {
    expect(sed("'s/a/b' five")).toEqual(bad('5', "unterminated `s' command"));
    expect(sed('k five')).toEqual(bad('1', 'unknown command: `k\''));
    expect(sed('1,2,3p five')).toEqual(bad('4', 'unknown command: `,\''));
    expect(sed('/abc five')).toEqual(bad('4', 'unterminated address regex'));
    expect(sed('1 five')).toEqual(bad('1', 'missing command'));
    expect(sed("'s/a/b/q' five")).toEqual(bad('7', "unknown option to `s'"));
    expect(sed("'s/a/b/gg' five")).toEqual(bad('8', "multiple `g' options to `s' command"));
    expect(sed("'s/a/b/0' five")).toEqual(bad('7', "number option to `s' command may not be zero"));
    expect(sed("'s/\\(a\\)/\\2/' five")).toEqual(bad('11', "invalid reference \\2 on `s' command's RHS"));
    expect(sed("'y/ab/c/' five")).toEqual(bad('7', "strings for `y' command are different lengths"));
    expect(sed("'}' five")).toEqual(bad('1', "unexpected `}'"));
    expect(sed("'{p' five")).toEqual(bad('0', "unmatched `{'"));
    expect(sed("'0p' five")).toEqual(bad('2', 'invalid usage of line address 0'));
    expect(sed('a five')).toEqual(bad('1', "expected \\ after `a', `c' or `i'"));
    expect(sed("'p x' five")).toEqual(bad('3', 'extra characters after command'));
    expect(sed("'1,2q' five")).toEqual(bad('4', 'command only uses one address'));
    expect(sed("'b foo' five")).toEqual({ output: "sed: can't find label for jump to `foo'\n", exitCode: 4 });
    expect(sed("'//p' five")).toEqual({ output: 'sed: -e expression #1, char 0: no previous regular expression\n', exitCode: 1 });
  });

  it('in the regular expression, in regcomp\'s words', () => {
    expect(sed("'s/x*\\)//' five")).toEqual(bad('8', 'Unmatched ) or \\)'));
    expect(sed("'s/a\\{1/b/' five")).toEqual(bad('9', 'Unmatched \\{'));
    expect(sed("-E 's/*a/x/' five")).toEqual(bad('7', 'Invalid preceding regular expression'));
    expect(sed("-E 's/a)/x/' five")).toEqual(bad('7', 'Unmatched ) or \\)'));
    expect(sed("'s/[[:foo:]]/x/' five")).toEqual(bad('14', 'Invalid character class name'));
    expect(sed("'s/[z-a]/x/' five")).toEqual(bad('10', 'Invalid range end'));
  });

  it('refuses a back-reference inside a pattern plainly, rather than answer wrong', () => {
    expect(sed("'s/\\(o\\)\\1/x/' five")).toEqual(bad('12', 'back-references (\\1 to \\9) inside a regular expression are not supported in this terminal'));
  });

  it('in the command line and the files', () => {
    expect(run('sed').exitCode).toBe(1);
    expect(run('sed').output.split('\n')[0]).toBe('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...');
    expect(run('sed -x p').output.split('\n').slice(0, 2)).toEqual(["sed: invalid option -- 'x'", 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...']);
    expect(sed('p nope five').output).toBe("sed: can't read nope: No such file or directory\none\none\ntwo\ntwo\nthree\nthree\nfour\nfour\nfive\nfive\n");
    expect(sed('-n p nope; echo $?').output).toBe("sed: can't read nope: No such file or directory\n2\n");
    expect(run('mkdir d && sed p d')).toEqual({ output: 'sed: read error on d: Is a directory\n', exitCode: 4 });
    expect(sed('-f nope five')).toEqual({ output: "sed: couldn't open file nope: No such file or directory\n", exitCode: 4 });
  });
});

describe('sed stays within the line\'s work budget', () => {
  it('an endless loop is cut as Ctrl-C would cut it', () => {
    expect(run("echo x | sed ':a;ba'")).toEqual({ output: '^C\n', exitCode: 130 });
    expect(run("echo x | sed ':a;s/x/xx/;ta'")).toEqual({ output: '^C\n', exitCode: 130 });
  });
});
