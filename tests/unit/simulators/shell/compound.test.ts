// if, while, until and for; break and continue; test and [ — with bash's words for what goes wrong.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { parseScript } from '../../../../simulators/shell/parser';

const run = (line: string, s = createSession()) => s.run(line);

describe('compound commands', () => {
  it('for runs its body once per word, after expansion and globbing', () => {
    expect(run('for i in 1 2 3; do echo "n=$i"; done')).toEqual({ output: 'n=1\nn=2\nn=3\n', exitCode: 0 });
    expect(run('for f in /etc/host*; do echo $f; done').output).toBe('/etc/hostname\n/etc/hosts\n');
    expect(run('for i in; do echo never; done')).toEqual({ output: '', exitCode: 0 });
    const s = createSession();
    s.run('for name in web db; do mkdir -p apps/$name; done');
    expect(s.run('ls apps | cat').output).toBe('db\nweb\n');
  });

  it('if picks the first clause whose condition succeeds', () => {
    expect(run('if [ -d /etc ]; then echo dir; else echo no; fi').output).toBe('dir\n');
    expect(run('if false; then echo a; elif true; then echo b; else echo c; fi').output).toBe('b\n');
    expect(run('if false; then echo a; fi')).toEqual({ output: '', exitCode: 0 });
  });

  it('while and until loop on their condition; blocks nest and read over several lines', () => {
    const s = createSession();
    expect(s.run('until [ -f /tmp/flag ]; do touch /tmp/flag; echo made; done').output).toBe('made\n');
    expect(s.run('while [ -f /tmp/flag ]; do rm /tmp/flag; echo gone; done').output).toBe('gone\n');
    expect(s.run('for i in a b\ndo\n  if [ $i = b ]\n  then echo found $i\n  fi\ndone').output).toBe('found b\n');
  });

  it('break and continue, with a count for nested loops', () => {
    expect(run('for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done').output).toBe('1\n3\n');
    expect(run('for i in a b; do for j in 1 2; do [ $j = 2 ] && break 2; echo $i$j; done; done; echo end').output).toBe('a1\nend\n');
    expect(run('break')).toEqual({ output: "bash: break: only meaningful in a `for', `while', or `until' loop\n", exitCode: 0 });
    expect(run('for i in 1; do break 0; done').output).toBe('bash: break: 0: loop count out of range\n');
  });

  it('a block can feed a pipe; an endless loop is cut where a terminal would press Ctrl-C', () => {
    expect(run('for i in 1 2; do echo $i; done | wc -l').output).toBe('2\n');
    const endless = run('while :; do :; done');
    expect(endless.exitCode).toBe(130);
  });

  it('is incomplete until its closing word, and a stray closing word is a syntax error', () => {
    const s = createSession();
    for (const line of ['if true; then', 'for i in 1 2', 'while true; do echo', 'if true; then echo; else']) expect(s.check(line)).toBe('incomplete');
    expect(run('done')).toEqual({ output: "bash: syntax error near unexpected token `done'\n", exitCode: 2 });
    expect(run('for x in a b | cat')).toEqual({ output: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
    expect(run('while true; do done').output).toBe("bash: syntax error near unexpected token `done'\n");
    expect(parseScript('for i in 1; do echo; done > out.txt').kind).toBe('ok');
    expect(run('for i in a; do echo; done x').output).toBe("bash: syntax error near unexpected token `x'\n");
  });
});

describe('test and [', () => {
  const status = (line: string) => run(line).exitCode;

  it('answers with its exit status', () => {
    expect(status('[ -d /etc ]')).toBe(0);
    expect(status('[ -f /etc ]')).toBe(1);
    expect(status('test -e /nope')).toBe(1);
    expect(status('[ -z "" ]')).toBe(0);
    expect(status('[ -n "" ]')).toBe(1);
    expect(status('[ abc = abc ]')).toBe(0);
    expect(status('[ abc != abc ]')).toBe(1);
    expect(status('[ 2 -lt 10 ]')).toBe(0);
    expect(status('[ 2 -lt 10 -a x = y ]')).toBe(1);
    expect(status('[ 2 -lt 10 -o x = y ]')).toBe(0);
    expect(status('[ ! -z "" ]')).toBe(1);
    expect(status('[ ]')).toBe(1);
    expect(status('test -f')).toBe(0);
  });

  it('reports bad expressions as bash does, with status 2', () => {
    expect(run('[ 1 -eq 1')).toEqual({ output: "bash: [: missing `]'\n", exitCode: 2 });
    expect(run('[ a -eq 1 ]')).toEqual({ output: 'bash: [: a: integer expression expected\n', exitCode: 2 });
    expect(run('[ a b ]')).toEqual({ output: 'bash: [: a: unary operator expected\n', exitCode: 2 });
    expect(run('test 1 -gt')).toEqual({ output: 'bash: test: 1: unary operator expected\n', exitCode: 2 });
  });
});

describe('loops in containers', () => {
  it('a detached container running a loop logs as it goes, and keeps running', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run(`docker run -d --name ticker busybox sh -c 'while true; do echo tick; sleep 1; done'`);
    s.advance(4_500);
    expect(s.run('docker logs ticker').output).toBe('tick\ntick\ntick\ntick\ntick\n');
    expect(s.run('docker ps --format "{{.Names}} {{.State}}"').output).toBe('ticker running\n');
    expect(JSON.stringify(s.snapshot()).length).toBeLessThan(100_000);
    expect(s.run(`docker run --rm busybox sh -c 'for i in 1 2 3; do echo $i; done'`).output).toBe('1\n2\n3\n');
  });
});

describe('blocks with the rest of the shell, as bash runs them', () => {
  it('a loop feeding `| head` stops once the reader has what it wants', () => {
    expect(run('while true; do echo y; done | head -2')).toEqual({ output: 'y\ny\n', exitCode: 0 });
    // A finite loop's output arrives whole, however much more than a pipe holds.
    expect(run('for i in {1..10000}; do echo $i; done | wc -l')).toEqual({ output: '10000\n', exitCode: 0 });
  });

  it('an assignment from $(...) has the substitution\'s status', () => {
    expect(run('if out=$(grep nope /etc/hosts); then echo found; else echo none; fi').output).toBe('none\n');
    expect(run('x=$(false); echo $?').output).toBe('1\n');
  });

  it('each command of a pipe runs in a subshell: its variables, cd and break stay there', () => {
    expect(run('for i in a b; do echo $i; done | cat; echo "[$i]"').output).toBe('a\nb\n[]\n');
    expect(run('x=0; echo | if true; then x=1; fi; echo $x').output).toBe('0\n');
    expect(run('for i in a b; do echo $i | break; echo after; done').output).toBe('after\nafter\n');
    expect(run('cd /tmp | true; pwd').output).toBe('/home/learner\n');
  });

  it('loops of a few thousand passes finish under run()', () => {
    expect(run('x=""; while [ ${#x} -lt 1500 ]; do x="${x}a"; done; echo ${#x}').output).toBe('1500\n');
  });

  it('bad break/continue counts leave every loop, with bash\'s status', () => {
    expect(run('for i in 1 2; do for j in a b; do break 0; echo $j; done; echo $i; done; echo $?').output).toBe('bash: break: 0: loop count out of range\n1\n');
    expect(run('for i in 1 2; do continue 2 3; echo $i; done; echo $?').output).toBe('bash: continue: too many arguments\n1\n');
  });

  it('names the whole offending token, and refuses a loop variable that is not a name', () => {
    expect(run('if true; then echo a; fi fi').output).toBe("bash: syntax error near unexpected token `fi'\n");
    expect(run('for; do echo; done').output).toBe("bash: syntax error near unexpected token `;'\n");
    expect(run('for 1x in a; do echo; done; echo $?').output).toBe("bash: `1x': not a valid identifier\n1\n");
  });

  it('"$@" with no arguments is no word at all; test and [ are builtins', () => {
    expect(run('echo x "$@" y').output).toBe('x y\n');
    expect(run('type [ test').output).toBe('[ is a shell builtin\ntest is a shell builtin\n');
    expect(run('[ /tmp -ef /tmp/../tmp ]').exitCode).toBe(0);
    expect(run('[ 99999999999999999999 -gt 1 ]')).toEqual({ output: 'bash: [: 99999999999999999999: integer expression expected\n', exitCode: 2 });
    expect(run('[ \\( a = a ]')).toEqual({ output: "bash: [: `)' expected, found ]\n", exitCode: 2 });
  });
});

describe('redirections after a block', () => {
  it('send the whole block\'s output to a file, or its errors where they should go', () => {
    const s = createSession();
    expect(s.run('for i in a b; do echo $i; done > out.txt; cat out.txt').output).toBe('a\nb\n');
    expect(s.run('for i in c; do echo $i; done >> out.txt; wc -l < out.txt').output).toBe('3\n');
    expect(s.run('if true; then echo x; ls /nope; fi 2>&1 | wc -l').output).toBe('2\n');
    expect(s.run('while false; do :; done > /nope/x')).toEqual({ output: 'bash: /nope/x: No such file or directory\n', exitCode: 1 });
  });
});

describe('read', () => {
  it('takes one line per call from a pipe, a file or a heredoc, so while-read loops work', () => {
    const s = createSession();
    expect(s.run('printf "a 1\\nb 2\\n" | while read name n; do echo "$n:$name"; done').output).toBe('1:a\n2:b\n');
    expect(s.run('printf "x\\ny" > f.txt; while read line; do echo "[$line]"; done < f.txt').output).toBe('[x]\n');
    expect(s.run('while read -r l; do echo "<$l>"; done <<EOF\none\ntwo\nEOF').output).toBe('<one>\n<two>\n');
  });

  it('splits into names, the last taking the rest; REPLY without names; a subshell in a pipe', () => {
    const s = createSession();
    expect(s.run('read -r a b <<< "p q r"; echo "$a/$b"').output).toBe('p/q r\n');
    expect(s.run('read <<< "  kept  as is "; echo "[$REPLY]"').output).toBe('[  kept  as is ]\n');
    expect(s.run('echo hi | read v; echo "[$v]"').output).toBe('[]\n');
    expect(s.run('read 1x <<< a')).toEqual({ output: "bash: read: `1x': not a valid identifier\n", exitCode: 1 });
    expect(s.run('read v < /dev/null; echo $?').output).toBe('1\n');
  });

  it('stops every container docker ps lists, one per line', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker run -d --name one busybox sleep 100');
    s.run('docker run -d --name two busybox sleep 100');
    s.run('docker ps -q | while read id; do docker stop $id; done');
    expect(s.run('docker ps -q').output).toBe('');
  });
});

describe('field splitting by IFS', () => {
  it.each([
    ['IFS=:; v=a:b; for i in $v; do echo "[$i]"; done', '[a]\n[b]\n'],
    ['IFS=:; v=a::b; for i in $v; do echo "[$i]"; done', '[a]\n[]\n[b]\n'],
    ['IFS=:; v=a:b:; for i in $v; do echo "[$i]"; done', '[a]\n[b]\n'],
    ['IFS=", "; v="x, y,z"; for i in $v; do echo "[$i]"; done', '[x]\n[y]\n[z]\n'],
    ['IFS=; v="p q"; for i in $v; do echo "[$i]"; done', '[p q]\n'],
  ])('%s', (line, output) => expect(run(line).output).toBe(output));
});

describe('case', () => {
  it('runs the first item whose pattern matches, globs and alternatives included', () => {
    expect(run('case abc in a*) echo A;; *) echo other;; esac')).toEqual({ output: 'A\n', exitCode: 0 });
    expect(run('case xyz in a*) echo A;; *) echo other;; esac')).toEqual({ output: 'other\n', exitCode: 0 });
    expect(run('case b in a|b|c) echo abc;; esac').output).toBe('abc\n');
    expect(run('case x in (x) echo paren;; esac').output).toBe('paren\n');
    expect(run('case 5 in [0-9]) echo digit;; esac').output).toBe('digit\n');
    expect(run('x=hello; case $x in h?llo) echo q;; esac').output).toBe('q\n');
    expect(run('p=b*; case bob in $p) echo var-pattern;; esac').output).toBe('var-pattern\n');
    expect(run('case a in *) echo default;; a) echo never;; esac').output).toBe('default\n');
  });

  it('matches quoted parts of a pattern literally', () => {
    expect(run('case abc in "a*") echo literal;; a*) echo glob;; esac').output).toBe('glob\n');
    expect(run('case "*" in "*") echo star;; *) echo any;; esac').output).toBe('star\n');
    expect(run('case "a b" in "a b") echo quoted;; esac').output).toBe('quoted\n');
    expect(run('case [x] in "[x]") echo brackets;; esac').output).toBe('brackets\n');
  });

  it(';& runs the next body as well, ;;& tests the next patterns', () => {
    expect(run('case a in a) echo one;& b) echo two;& c) echo three;; d) echo four;; esac').output).toBe('one\ntwo\nthree\n');
    expect(run('case a in a) echo one;;& a*) echo two;;& b) echo three;; *) echo four;; esac').output).toBe('one\ntwo\nfour\n');
  });

  it('has the status of the body that ran, 0 when none did', () => {
    expect(run('case z in a) echo a;; esac; echo st=$?').output).toBe('st=0\n');
    expect(run('case a in a) false;; esac; echo st=$?').output).toBe('st=1\n');
    expect(run('case a in a) ;; esac; echo st=$?').output).toBe('st=0\n');
  });

  it('reads over several lines, without ;; before esac, and feeds a pipe', () => {
    expect(run('case a in\na)\necho multi\n;;\nesac').output).toBe('multi\n');
    expect(run('case x in x) echo no-dsemi\nesac').output).toBe('no-dsemi\n');
    expect(run('case x in x) echo a;; esac | cat').output).toBe('a\n');
    expect(run('case x in x) if true; then echo nested; fi;; esac').output).toBe('nested\n');
  });

  it('is incomplete until esac, and words its syntax errors as bash does', () => {
    const s = createSession();
    for (const line of ['case x', 'case x in', 'case x in x) echo', 'case x in x) echo;;']) expect(s.check(line)).toBe('incomplete');
    expect(run('case\nx')).toEqual({ output: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 });
    expect(run('case x in x echo;; esac')).toEqual({ output: "bash: syntax error near unexpected token `echo'\n", exitCode: 2 });
    expect(run('case x in x) echo;; y')).toEqual({ output: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 });
  });
});

describe('(( )) and for (( ))', () => {
  it('(( )) is true when the value is not 0', () => {
    expect(run('(( 1 )); echo $?; (( 0 )); echo $?; (( 5 > 3 )) && echo yes').output).toBe('0\n1\nyes\n');
    expect(run('i=0; (( i++ )); echo $? $i; (( i++ )); echo $? $i').output).toBe('1 1\n0 2\n');
    expect(run('(( x = 4 * 5 )); echo $x').output).toBe('20\n');
  });

  it('reports a bad expression with ((: and status 1, and the line goes on', () => {
    expect(run('((1/0)); echo st=$?')).toEqual({ output: 'bash: ((: 1/0: division by 0 (error token is "0")\nst=1\n', exitCode: 0 });
  });

  it('for (( )) runs init once, then the test before each pass and the step after', () => {
    expect(run('for ((i=0; i<3; i++)); do echo $i; done').output).toBe('0\n1\n2\n');
    expect(run('for ((i=10; i>0; i-=4)); do echo $i; done; echo end $i').output).toBe('10\n6\n2\nend -2\n');
    expect(run('for ((;;)); do echo once; break; done').output).toBe('once\n');
    expect(run('for (( i=0 ; i<2 ; i++ )) do echo $i; done').output).toBe('0\n1\n');
    expect(run('for ((i=0; i<5; i++)); do (( i == 1 )) && continue; (( i == 3 )) && break; echo $i; done').output).toBe('0\n2\n');
    expect(run('for ((i=0; i<1/0; i++)); do echo x; done; echo st=$?')).toEqual({ output: 'bash: ((: i<1/0: division by 0 (error token is "0")\nst=1\n', exitCode: 0 });
    expect(run('for ((i=0; i<3)); do :; done')).toEqual({ output: "bash: syntax error: arithmetic expression required\nbash: syntax error: `((i=0; i<3))'\n", exitCode: 2 });
  });

  it('an endless (( )) loop is cut by the work budget', () => {
    expect(run('for ((i=0;;i++)); do :; done')).toEqual({ output: '^C\n', exitCode: 130 });
    expect(run('while ((1)); do ((n++)); done')).toEqual({ output: '^C\n', exitCode: 130 });
  });
});

describe('{ } and ( )', () => {
  it('a group runs in this shell; a subshell in a copy that goes away', () => {
    expect(run('x=1; { x=2; }; echo $x; (x=3; echo in $x); echo $x').output).toBe('2\nin 3\n2\n');
    expect(run('(cd /tmp; pwd); pwd').output).toBe('/tmp\n/home/learner\n');
    expect(run('(exit 3); echo $?').output).toBe('3\n');
    expect(run('f() { exit 3; }; (f); echo $?').output).toBe('3\n');
  });

  it('redirects and pipes as one command', () => {
    expect(run('{ echo a; echo b; } | wc -l').output).toBe('2\n');
    expect(run('{ echo out; echo err >&2; } 2>/dev/null').output).toBe('out\n');
    const s = createSession();
    s.run('{ echo one; echo two; } > both.txt');
    expect(s.run('cat both.txt').output).toBe('one\ntwo\n');
  });

  it('refuses an empty subshell, and waits for the closing brace', () => {
    expect(run('( )')).toEqual({ output: "bash: syntax error near unexpected token `)'\n", exitCode: 2 });
    expect(createSession().check('{ echo a }')).toBe('incomplete');
    expect(run('}')).toEqual({ output: "bash: syntax error near unexpected token `}'\n", exitCode: 2 });
  });
});

describe('functions', () => {
  it('take arguments as $1.. $# $@ $*, and give their status with return', () => {
    expect(run('f() { echo "in f: $# [$1] [$2]"; }; f a "b c"').output).toBe('in f: 2 [a] [b c]\n');
    expect(run('function g { echo kw $1; }; g x; function h() { echo both; }; h').output).toBe('kw x\nboth\n');
    expect(run('f() { return 3; }; f; echo $?').output).toBe('3\n');
    expect(run('f() { false; return; }; f; echo $?').output).toBe('1\n');
    expect(run('f() { return 300; }; f; echo $?').output).toBe('44\n');
    expect(run('f() { echo "$@"; echo "$*"; echo $#; }; f 1 "2 3" 4').output).toBe('1 2 3 4\n1 2 3 4\n3\n');
    expect(run('f() { for a in "$@"; do echo "<$a>"; done; }; f x "y z" ""').output).toBe('<x>\n<y z>\n<>\n');
    expect(run('f() { for a; do echo "<$a>"; done; }; f p q').output).toBe('<p>\n<q>\n');
    expect(run('f() { shift; echo "$@"; shift 2; echo $? "$@"; }; f 1 2 3').output).toBe('2 3\n0\n');
  });

  it('recurse, with local variables seen by the functions they call', () => {
    expect(run('fact() { if (( $1 <= 1 )); then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 10').output).toBe('3628800\n');
    expect(run('fib() { local n=$1; if (( n < 2 )); then echo $n; return; fi; local a=$(fib $((n-1))) b=$(fib $((n-2))); echo $((a+b)); }; fib 10').output).toBe('55\n');
    expect(run('x=global; f() { local x=local; g; }; g() { echo $x; }; f; echo $x').output).toBe('local\nglobal\n');
    expect(run('f() { local x; echo "[${x-unset}]"; x=in; }; x=out; f; echo $x').output).toBe('[unset]\nout\n');
    expect(run('f() { x=1; }; f; echo $x').output).toBe('1\n');
    expect(run('f() { local v="a b"; local w=$v; echo "$w"; }; f').output).toBe('a b\n');
  });

  it('stay defined for the lines that follow, and can be redefined or unset', () => {
    const s = createSession();
    s.run('greet() { echo "Hello, ${1:-world}!"; }');
    expect(s.run('greet; greet Ada').output).toBe('Hello, world!\nHello, Ada!\n');
    s.run('greet() { echo again; }');
    expect(s.run('greet').output).toBe('again\n');
    s.run('unset -f greet');
    expect(s.run('greet').exitCode).toBe(127);
  });

  it('take redirections and pipes, and their standard input', () => {
    expect(run('f() { cat; }; echo piped | f').output).toBe('piped\n');
    expect(run('f() { echo out; echo err >&2; }; f 2>/dev/null; f >/dev/null').output).toBe('out\nerr\n');
    const s = createSession();
    expect(s.run('f() { echo a; } > out.txt; f; cat out.txt').output).toBe('a\n');
  });

  it('a function in a pipe runs in a subshell; VAR=x f sets VAR for the call only', () => {
    expect(run('f() { x=changed; }; x=orig; f | cat; echo $x; f; echo $x').output).toBe('orig\nchanged\n');
    expect(run('f() { echo "[$VAR]"; }; VAR=temp f; echo "[$VAR]"').output).toBe('[temp]\n[]\n');
  });

  it('answer break and return as bash 5.2 does', () => {
    expect(run('f() { break; }; for i in 1 2; do f; echo $i; done').output).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n1\nbash: break: only meaningful in a `for', `while', or `until' loop\n2\n");
    expect(run('return; echo $?')).toEqual({ output: "bash: return: can only `return' from a function or sourced script\n2\n", exitCode: 0 });
    expect(run('f() { return abc; echo no; }; f; echo $?').output).toBe('bash: return: abc: numeric argument required\n2\n');
    const s = createSession();
    expect(s.run('f() { return 1 2; echo no; }; f; echo $?')).toEqual({ output: 'bash: return: too many arguments\n', exitCode: 1 });
    expect(s.run('echo $?').output).toBe('1\n');
  });

  it('name themselves in FUNCNAME', () => {
    expect(run('f() { echo $FUNCNAME; g; }; g() { echo $FUNCNAME ${FUNCNAME[1]}; }; f').output).toBe('f\ng f\n');
  });

  it('stop recursing at the nesting limit, with bash’s words, and the line ends there', () => {
    expect(run('FUNCNEST=5; g() { g; }; g; echo after')).toEqual({ output: 'bash: g: maximum function nesting level exceeded (5)\n', exitCode: 1 });
    expect(run('f() { f; }; f; echo after')).toEqual({ output: 'bash: f: maximum function nesting level exceeded (100)\n', exitCode: 1 });
  });

  it('refuse a body that is not a block', () => {
    expect(run('f() echo hi')).toEqual({ output: "bash: syntax error near unexpected token `echo'\n", exitCode: 2 });
    expect(run('function')).toEqual({ output: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 });
    expect(run('x=1 f() { :; }')).toEqual({ output: "bash: syntax error near unexpected token `('\n", exitCode: 2 });
    expect(createSession().check('f() {')).toBe('incomplete');
  });

  it('record the commands they run, not the call itself', () => {
    const s = createSession();
    s.run('mk() { mkdir -p "$1" && touch "$1/x"; }; mk demo');
    const argvs = s.store.getState().record.commands.filter((c) => !c.setup).map((c) => c.argv.join(' '));
    expect(argvs).toEqual(['mkdir -p demo', 'touch demo/x']);
  });
});

describe('[[ ]]', () => {
  it('tests files, strings and numbers, with && || ! and ( )', () => {
    const s = createSession();
    s.run('touch f.txt');
    expect(s.run('[[ -f f.txt ]]; echo $?; [[ -d f.txt || -e f.txt ]] && echo or').output).toBe('0\nor\n');
    expect(s.run('[[ ! -z "" ]]; echo $?; [[ ( a == a ) && ! ( b == c ) ]]; echo $?').output).toBe('1\n0\n');
    expect(s.run('x=5; [[ $x -gt 3 && $x -lt 10 ]] && echo in; [[ -z $x ]] || echo set').output).toBe('in\nset\n');
    expect(s.run('[[ -n $nope ]]; echo $?; [[ $nope ]]; echo $?; [[ x ]]; echo $?').output).toBe('1\n1\n0\n');
    expect(s.run('[[ b > a ]]; echo $?; [[ a < b ]]; echo $?').output).toBe('0\n0\n');
  });

  it('neither splits nor globs its words; == matches a pattern, quoted parts literally', () => {
    expect(run('x="a b"; [[ $x == "a b" ]] && echo nosplit; [[ $x == a?b ]] && echo glob').output).toBe('nosplit\nglob\n');
    expect(run('[[ abc == a* ]]; echo $?; [[ abc == "a*" ]]; echo $?; p="a*"; [[ abc == $p ]]; echo $?; [[ abc == "$p" ]]; echo $?').output).toBe('0\n1\n0\n1\n');
  });

  it('compares -eq and the others as arithmetic', () => {
    expect(run('[[ 1+1 -eq 2 ]]; echo $?; [[ x -eq 0 ]]; echo $?; [[ 010 -eq 8 ]]; echo $?').output).toBe('0\n0\n0\n');
    expect(run('[[ 1/0 -eq 1 ]]; echo $?').output).toBe('bash: [[: 1/0: division by 0 (error token is "0")\n1\n');
  });

  it('=~ matches an extended regex and fills BASH_REMATCH; a bad regex is status 2', () => {
    expect(run('[[ abc =~ ^a(b)(c)$ ]]; echo $? ${BASH_REMATCH[@]} ${#BASH_REMATCH[@]}').output).toBe('0 abc b c 3\n');
    expect(run('v=release-1.22.3; [[ $v =~ ([0-9]+)\\.([0-9]+)\\.([0-9]+) ]] && echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[3]}"').output).toBe('1 22 3\n');
    expect(run('[[ abc =~ "a.c" ]]; echo $?; [[ a.c =~ "a.c" ]]; echo $?').output).toBe('1\n0\n');
    expect(run('re="^[0-9]+$"; [[ 123 =~ $re ]] && echo num; [[ x =~ (a|x) ]] && echo alt').output).toBe('num\nalt\n');
    expect(run('[[ x =~ [ ]]; echo $?').output).toBe('2\n');
  });

  it('words its syntax errors as bash does, leaving $? as it was', () => {
    const s = createSession();
    s.run('false');
    expect(s.run('[[ -f ]]')).toEqual({ output: "bash: unexpected argument `]]' to conditional unary operator\n", exitCode: 1 });
    expect(s.run('[[ ]]')).toEqual({ output: '', exitCode: 1 });
    expect(run('[[ a -eq ]]').output).toBe("bash: unexpected argument `]]' to conditional binary operator\n");
    expect(run('[[ a == b c ]]').output).toBe('bash: syntax error in conditional expression\n');
    expect(run('[[ a b ]]').output).toBe('bash: conditional binary operator expected\n');
    expect(createSession().check('[[ a == a')).toBe('incomplete');
  });

  it('shows each test it makes under set -x', () => {
    expect(run('set -x; [[ abc == "a*" ]]; [[ x ]]; [[ ! -f nope ]]; [[ 1 -eq 01 ]]').output).toBe("+ [[ abc == \\a\\* ]]\n+ [[ -n x ]]\n+ [[ ! -f nope ]]\n+ [[ 1 -eq 01 ]]\n");
  });
});

describe('time', () => {
  it('reports how long a pipeline took by the simulated clock, in TIMEFORMAT or -p form', () => {
    expect(run('time sleep 2')).toEqual({ output: '\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n', exitCode: 0 });
    expect(run('time -p sleep 61.5 | cat').output).toBe('real 61.50\nuser 0.00\nsys 0.00\n');
    expect(run('TIMEFORMAT="u=%U s=%3lS p=%%"; time true; TIMEFORMAT=; time true').output).toBe('u=0.000 s=0m0.000s p=%\n');
  });

  it('keeps the status of what it timed, and times nothing when alone', () => {
    expect(run('TIMEFORMAT=%R; time (exit 3); echo $?; time ! false; echo $?; time').output).toBe('0.000\n3\n0.000\n0\n0.000\n');
  });
});
