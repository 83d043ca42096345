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
