// awk as Ubuntu 24.04 has it (mawk 1.3.4 20240123): every expected output below is what that
// mawk printed for the same line (scripts/dev/compare-awk-jq.ts runs them against it).
import { describe, expect, it } from 'vitest';
import { run, runWith } from './helpers';

const FILES =
  "printf 'alice 30 paris\\nbob 25 london\\ncarol 35 paris\\ndave 40 rome\\n' > people.txt && " +
  "printf 'name,age,city\\nalice,30,Paris\\nbob,25,Berlin\\n' > people.csv && " +
  "printf 'the quick brown fox\\njumps over the lazy dog\\nthe end\\n' > words.txt";
const awk = (line: string) => run(line, FILES);

describe('awk: fields, records and patterns', () => {
  it('prints fields; NF and $NF; -F for a separator', () => {
    expect(awk("awk '{print $1}' people.txt")).toEqual({ output: 'alice\nbob\ncarol\ndave\n', exitCode: 0 });
    expect(awk("awk '{print $NF, NF, $(NF-1)}' people.txt").output).toBe('paris 3 30\nlondon 3 25\nparis 3 35\nrome 3 40\n');
    expect(awk("awk -F, 'NR > 1 {print $1 \" is \" $2}' people.csv").output).toBe('alice is 30\nbob is 25\n');
    expect(run("printf 'a\\tb c\\td\\n' | awk -F'\\t' '{print $2}'").output).toBe('b c\n');
    expect(run("echo 'a1b22c333d' | awk -F'[0-9]+' '{print NF, $2, $4}'").output).toBe('4 b d\n');
    expect(run("echo 'a|b|c' | awk -F'|' '{print $2}'").output).toBe('b\n');
    expect(run("echo '  lead  trail  ' | awk '{print NF \":\" $1 \":\" $2}'").output).toBe('2:lead:trail\n');
  });

  it('assigning a field or NF rebuilds $0 with OFS', () => {
    expect(run("echo 'a b c' | awk '{$5 = \"e\"; print; print NF}'").output).toBe('a b c  e\n5\n');
    expect(run("echo 'a b c d' | awk '{NF = 2; print}'").output).toBe('a b\n');
    expect(run("echo '  x   y  ' | awk '{$1 = $1; print \"[\" $0 \"]\"}'").output).toBe('[x y]\n');
    expect(run("echo 'a b c' | awk 'BEGIN{OFS=\":\"} {$1=$1; print}'").output).toBe('a:b:c\n');
  });

  it('patterns: regex, expressions, ranges, BEGIN and END', () => {
    expect(awk("awk '/paris/' people.txt").output).toBe('alice 30 paris\ncarol 35 paris\n');
    expect(awk("awk '$2 > 28 && $3 != \"rome\"' people.txt").output).toBe('alice 30 paris\ncarol 35 paris\n');
    expect(awk("awk 'NR==2, NR==3' people.txt").output).toBe('bob 25 london\ncarol 35 paris\n');
    expect(awk("awk '/bob/,/carol/ {print NR}' people.txt").output).toBe('2\n3\n');
    expect(awk("awk 'BEGIN {print \"start\"} END {print NR, \"end\"}' people.txt").output).toBe('start\n4 end\n');
    expect(awk("awk '!seen[$3]++' people.txt").output).toBe('alice 30 paris\nbob 25 london\ndave 40 rome\n');
  });

  it('records: RS one character, a regex, or paragraphs', () => {
    expect(run("printf 'a b\\n\\n\\nc d\\ne\\n\\n' | awk 'BEGIN {RS = \"\"} {print NR \": \" $0 \" NF=\" NF}'").output).toBe('1: a b NF=2\n2: c d\ne NF=3\n');
    expect(run("printf 'a1b22c' | awk 'BEGIN {RS = \"[0-9]+\"} {print NR, $0}'").output).toBe('1 a\n2 b\n3 c\n');
  });

  it('FILENAME, FNR and assignments among the operands', () => {
    expect(awk("awk '{print FILENAME \":\" FNR \":\" NR}' people.csv words.txt").output).toBe(
      'people.csv:1:1\npeople.csv:2:2\npeople.csv:3:3\nwords.txt:1:4\nwords.txt:2:5\nwords.txt:3:6\n',
    );
    expect(awk("awk '{print x, $1}' x=1 people.csv x=2 words.txt").output.split('\n')[3]).toBe('2 the');
    expect(run("echo x | awk '{print \"[\" FILENAME \"]\"}'").output).toBe('[-]\n');
    expect(awk("awk -v n=2 'NR == n' people.txt").output).toBe('bob 25 london\n');
  });
});

describe('awk: numbers and strings as mawk has them', () => {
  it('prints integers whole, other numbers through OFMT (%.6g)', () => {
    expect(run("awk 'BEGIN {print 1/3, 2^53, 2^53+1, 2^63, 2^64, 1e30, 0.1+0.2, 100000*100000}'").output).toBe(
      '0.333333 9007199254740992 9007199254740992 9223372036854775808 18446744073709551615 1e+30 0.3 10000000000\n',
    );
    expect(run("awk 'BEGIN {print 1/0, -1/0, log(-1), 5%0, int(-3.7), int(\"3abc\")}'").output).toBe('inf -inf -nan -nan -3 3\n');
    expect(run("awk 'BEGIN {OFMT=\"%.2f\"; print 3.14159, 10, 1e20}'").output).toBe('3.14 10 100000000000000000000.00\n');
    expect(run("awk 'BEGIN {x = \"3.0\"; print x, x+0; CONVFMT=\"%.2f\"; y = 3.14159; print (y \"\"), y}'").output).toBe('3.0 3\n3.14 3.14159\n');
  });

  it('compares input that looks numeric as numbers, other strings as strings', () => {
    expect(run("echo '10 9' | awk '{print ($1 < $2), ($1 < \"9\")}'").output).toBe('0 1\n');
    expect(run("awk 'BEGIN {x = \"10\"; y = 9; print (x < y), (\"10\" < \"9\"), (x == 10)}'").output).toBe('1 1 1\n');
    expect(run("echo '0x1A 010 1e3 .5' | awk '{print $1+0, $2+0, $3+0, $4+0, ($1 == 26)}'").output).toBe('26 10 1000 0.5 0\n');
  });

  it('printf: C conversions, rounding half to even, 64-bit integers', () => {
    expect(run("awk 'BEGIN {printf \"%5.2f|%-5s|%05d|%x|%o|%e|%g|%c|%c|%%\\n\", 3.14159, \"ab\", 42, 255, 8, 12345.678, 0.0001234, 65, \"hello\"}'").output).toBe(
      ' 3.14|ab   |00042|ff|10|1.234568e+04|0.0001234|A|h|%\n',
    );
    expect(run("awk 'BEGIN {printf \"%.0f %.0f %.2f %.2f\\n\", 2.5, 3.5, 0.125, 0.005}'").output).toBe('2 4 0.12 0.01\n');
    expect(run("awk 'BEGIN {printf \"%d %d %u %x %i\\n\", 2^63, -2^63, -1, -1, \"42abc\"}'").output).toBe(
      '9223372036854775808 -9223372036854775808 18446744073709551615 ffffffffffffffff 42\n',
    );
    expect(run("awk 'BEGIN {printf \"%*d|%-*d|%.*f\\n\", 5, 1, 4, 2, 2, 3.14159}'").output).toBe('    1|2   |3.14\n');
  });

  it('works on bytes, as mawk does: length and substr count them', () => {
    expect(run("awk 'BEGIN {s = \"héllo\"; print length(s), substr(s, 2, 2), index(s, \"l\")}'").output).toBe('6 é 4\n');
    expect(run("awk 'BEGIN {print toupper(\"abc é\"), tolower(\"ABC\")}'").output).toBe('ABC é abc\n');
  });

  it('string functions', () => {
    expect(run("awk 'BEGIN {s = \"hello world\"; print substr(s, 1, 5), substr(s, 7), substr(s, 0, 3), substr(s, -1, 4), substr(s, 1.5, 2.3)}'").output).toBe('hello world hel hello he\n');
    expect(run("awk 'BEGIN {n = split(\"a:b::c\", p, \":\"); print n, p[1], p[3] \"|\", p[4]}'").output).toBe('4 a | c\n');
    expect(run("awk 'BEGIN {s = \"hello\"; n = gsub(/l/, \"[&]\", s); print n, s}'").output).toBe('2 he[l][l]o\n');
    expect(run("awk 'BEGIN {t = \"hello\"; print gsub(/l*/, \"-\", t), t}'").output).toBe('4 -h-e-o-\n');
    expect(run("awk 'BEGIN {s = \"a.b.c\"; sub(/\\./, \"\\\\&\", s); print s}'").output).toBe('a&b.c\n');
    expect(run("awk 'BEGIN {print match(\"foobar\", /o+/), RSTART, RLENGTH; print match(\"x\", /z/), RSTART, RLENGTH}'").output).toBe('2 2 2\n0 0 -1\n');
    expect(run("awk 'BEGIN {x = sprintf(\"%03d-%s\", 7, \"x\"); print x, length(x)}'").output).toBe('007-x 5\n');
  });
});

describe('awk: arrays walk in mawk\'s own order', () => {
  it('for (k in a) visits keys as mawk\'s hash table holds them', () => {
    expect(awk("awk '{n[$3]++} END {for (k in n) print k, n[k]}' people.txt").output).toBe('london 1\nparis 2\nrome 1\n');
    expect(awk("awk '{for (i = 1; i <= NF; i++) w[$i]++} END {for (k in w) print k, w[k]}' words.txt").output).toBe(
      'dog 1\nfox 1\nlazy 1\nover 1\njumps 1\nthe 3\nend 1\nbrown 1\nquick 1\n',
    );
    expect(run("awk 'BEGIN {for (i = 1; i <= 30; i++) a[i]; for (k in a) printf \"%s \", k; print \"\"}'").output).toBe(
      '3 29 10 27 8 6 15 5 23 2 28 11 26 1 16 25 4 22 12 21 18 17 24 9 30 7 14 13 20 19 \n',
    );
    expect(run("awk 'BEGIN {split(\"z y x w\", p); for (k in p) print k, p[k]}'").output).toBe('3 x\n2 y\n1 z\n4 w\n');
  });

  it('in, delete, SUBSEP, length of an array', () => {
    expect(run("awk 'BEGIN {a[1, 2] = 3; for (k in a) {split(k, q, SUBSEP); print q[1], q[2]}; if ((1, 2) in a) print \"in\"}'").output).toBe('1 2\nin\n');
    expect(run("awk 'BEGIN {a[\"x\"] = 1; delete a[\"x\"]; print length(a); a[\"y\"]; delete a; print length(a)}'").output).toBe('0\n0\n');
  });
});

describe('awk: control flow, functions, input and output', () => {
  it('loops, next, exit with END and a status', () => {
    expect(run("awk 'BEGIN {while (i < 3) i++; print i; do {j++} while (j < 5); print j; for (;;) {k++; if (k == 2) break}; print k}'").output).toBe('3\n5\n2\n');
    expect(awk("awk 'NR == 2 {next} {print $1}' people.txt").output).toBe('alice\ncarol\ndave\n');
    expect(awk("awk '{print $1} NR == 2 {exit} END {print \"end\", NR}' people.txt").output).toBe('alice\nbob\nend 2\n');
    expect(run("awk 'BEGIN {exit 3} END {print \"end\"}'")).toEqual({ output: 'end\n', exitCode: 3 });
  });

  it('user functions: recursion, arrays by reference, scalars by value', () => {
    expect(run("awk 'function f(n) {return n <= 1 ? 1 : n * f(n - 1)} BEGIN {print f(10), f(20)}'").output).toBe('3628800 2432902008176640000\n');
    expect(run("awk 'function add(a, k) {a[k]++} BEGIN {add(c, \"x\"); add(c, \"x\"); print c[\"x\"]}'").output).toBe('2\n');
    expect(run("awk 'function g(x) {x = 5} BEGIN {y = 1; g(y); print y}'").output).toBe('1\n');
  });

  it('getline from the input and from files; writing files with > and >>', () => {
    expect(awk("awk '{print; getline; print \"after:\", $0, NR}' people.txt").output).toBe('alice 30 paris\nafter: bob 25 london 2\ncarol 35 paris\nafter: dave 40 rome 4\n');
    expect(awk("awk 'BEGIN {while ((getline line < \"people.txt\") > 0) n++; print n; print (getline x < \"nofile\")}'").output).toBe('4\n-1\n');
    expect(awk("awk '{print $1 > \"out.txt\"} END {close(\"out.txt\"); while ((getline l < \"out.txt\") > 0) print \"got\", l}' people.txt").output).toBe(
      'got alice\ngot bob\ngot carol\ngot dave\n',
    );
    expect(awk("awk '{print $2 >> \"ages\"}' people.txt && awk '{print $2 >> \"ages\"}' people.csv && cat ages").output).toBe('30\n25\n35\n40\n\n\n\n');
    expect(run("awk 'BEGIN {print \"to err\" > \"/dev/stderr\"; print \"to out\"}' 2>/dev/null")).toEqual({ output: 'to out\n', exitCode: 0 });
  });

  it('reads lines typed at the terminal, answering each as it comes', () => {
    expect(runWith("awk '{print NR\": \"$2}'", ['a b\r', 'c d\r', '\x04'])).toEqual({ output: 'a b\r\n1: b\nc d\r\n2: d\n', exitCode: 0 });
  });

  it('commands it cannot run here say so, with status 2', () => {
    expect(run("awk 'BEGIN {system(\"ls\")}'")).toEqual({ output: 'awk: system() is not supported in this terminal\n', exitCode: 2 });
    expect(awk("awk '{print $1 | \"sort\"}' people.txt")).toEqual({ output: 'awk: printing to a command ("| sort") is not supported in this terminal\n', exitCode: 2 });
    expect(run("awk 'BEGIN {\"date\" | getline d}'")).toEqual({ output: 'awk: reading from a command ("date" | getline) is not supported in this terminal\n', exitCode: 2 });
  });
});

describe('awk: errors as mawk words them', () => {
  it('syntax errors, with the line', () => {
    expect(run("awk '{print $1'")).toEqual({ output: 'awk: line 2: missing } near end of file\n', exitCode: 2 });
    expect(run("awk 'BEGIN {x = 1 +* 2}'")).toEqual({ output: 'awk: line 1: syntax error at or near *\n', exitCode: 2 });
    expect(run("awk 'BEGIN {print \"abc}'")).toEqual({ output: 'awk: line 1: runaway string constant "abc} ...\n', exitCode: 2 });
    expect(run("awk '{print} }'")).toEqual({ output: "awk: line 1: extra '}'\nawk: line 1: syntax error at or near end of line\n", exitCode: 2 });
    expect(run("awk 'BEGIN {print (1 }'")).toEqual({ output: 'awk: line 1: missing ) near }\n', exitCode: 2 });
    expect(run("awk 'BEGIN {print 1; @}'")).toEqual({ output: "awk: 1: unexpected character '@'\n", exitCode: 2 });
    expect(run("awk 'BEGIN {\nx =\n}'")).toEqual({ output: 'awk: line 2: syntax error at or near end of line\n', exitCode: 2 });
  });

  it('compile-time errors about names and calls', () => {
    expect(run("awk 'BEGIN {foo(1)}'")).toEqual({ output: 'awk: line 2: function foo never defined\n', exitCode: 2 });
    expect(run("awk 'BEGIN {print substr(\"a\")}'")).toEqual({ output: 'awk: line 1: wrong number of arguments in call to substr\n', exitCode: 2 });
    expect(run("awk 'BEGIN {a[1] = 1; a = 2}'")).toEqual({ output: 'awk: line 1: illegal reference to array a\n', exitCode: 2 });
    expect(run("awk 'BEGIN {next}'")).toEqual({ output: 'awk: line 1: improper use of next\n', exitCode: 2 });
    expect(run("awk 'BEGIN {return 1}'")).toEqual({ output: 'awk: line 1: return outside function body\n', exitCode: 2 });
    expect(run("awk 'BEGIN {printf}'")).toEqual({ output: 'awk: line 1: no arguments in call to printf\n', exitCode: 2 });
  });

  it('regular expressions it refuses', () => {
    expect(run("awk '/a(/'")).toEqual({ output: "awk: line 1: regular expression compile failed (missing ')')\na(\n", exitCode: 2 });
    expect(run("awk '/+/'")).toEqual({ output: 'awk: line 1: regular expression compile failed (missing operand)\n+\n', exitCode: 2 });
    expect(run("awk 'BEGIN {x = \"a(\"; if (\"b\" ~ x) print 1}'")).toEqual({
      output: "awk: run time error: regular expression compile failed (missing ')')\na(\n\tFILENAME=\"\" FNR=0 NR=0\n",
      exitCode: 2,
    });
  });

  it('run-time errors name where the input stood', () => {
    expect(run("echo 'a b' | awk '{print $-1}'")).toEqual({ output: 'awk: run time error: negative field index $-1\n\tFILENAME="-" FNR=1 NR=1\n', exitCode: 2 });
    expect(run("awk 'BEGIN {printf \"%s %s\\n\", \"only\"}'")).toEqual({
      output: 'awk: run time error: not enough arguments passed to printf("%s %s\n")\n\tFILENAME="" FNR=0 NR=0\nonly ',
      exitCode: 2,
    });
    expect(run("awk '{print}' nofile")).toEqual({ output: 'awk: cannot open "nofile" (No such file or directory)\n', exitCode: 2 });
    expect(run("awk '{print}' /tmp")).toEqual({ output: 'awk: read error (Is a directory)\n', exitCode: 2 });
  });

  it('options: mawk\'s words for the ones it refuses, -W version, usage', () => {
    expect(run('awk --foo')).toEqual({ output: 'awk: not an option: --foo\n', exitCode: 2 });
    expect(run('awk -F')).toEqual({ output: 'awk: option -F lacks argument\n', exitCode: 2 });
    expect(run('awk -v x')).toEqual({ output: 'awk: improper assignment: -v x\n', exitCode: 2 });
    expect(run('awk -f nofile')).toEqual({ output: 'awk: cannot open "nofile" (No such file or directory)\n', exitCode: 2 });
    expect(run("awk -W foo 'BEGIN {print 1}'")).toEqual({ output: 'awk: vacuous option: -W "foo"\n1\n', exitCode: 0 });
    expect(run('awk --version').output.split('\n')[0]).toBe('mawk 1.3.4 20240123');
    expect(run('awk -W usage').output.split('\n')[0]).toBe('Usage: mawk [Options] [Program] [file ...]');
    expect(run('mawk --foo')).toEqual({ output: 'mawk: not an option: --foo\n', exitCode: 2 });
  });
});

describe('awk: bounded like every line', () => {
  it('a loop that never ends is cut as Ctrl-C would cut it', () => {
    expect(run("awk 'BEGIN {while (1) i++}'")).toEqual({ output: '^C\n', exitCode: 130 });
  });

  it('a string that doubles without end runs out of memory, as mawk does', () => {
    expect(run("awk 'BEGIN {s = \"x\"; while (1) s = s s}'")).toEqual({ output: 'awk: run time error: out of memory\n\tFILENAME="" FNR=0 NR=0\n', exitCode: 2 });
  });

  it('recursion without end stops at mawk\'s stack limit', () => {
    expect(run("awk 'function f(n) {return f(n + 1)} BEGIN {f(1)}'")).toEqual({ output: 'awk: program limit exceeded: eval stack size=1024\n', exitCode: 2 });
  });
});
