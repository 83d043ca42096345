// The shell language through session.run(), checked against bash 5.2: quoting, expansions,
// lists, pipes, redirections, here-documents, globbing and the errors bash prints.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../simulators';

function session(...setup: string[]): Session {
  const s = createSession();
  for (const line of setup) {
    const r = s.run(line);
    if (r.exitCode !== 0) throw new Error(`setup failed: ${line}\n${r.output}`);
  }
  return s;
}
const run = (line: string, ...setup: string[]) => session(...setup).run(line);
const out = (line: string, ...setup: string[]) => run(line, ...setup).output;

const FILES = 'mkdir dir && touch a.txt b.txt c.log ab .hid && echo content > file';

describe('quoting and escapes', () => {
  it('single quotes keep everything', () => {
    expect(out("echo 'single $HOME \\n \"x\"'")).toBe('single $HOME \\n "x"\n');
  });

  it('double quotes expand $ and ` and keep the rest, a backslash escaping only $ ` " \\', () => {
    expect(out('echo "double $HOME"')).toBe('double /home/learner\n');
    expect(out('echo "\\$x \\\\ \\` \\" \\a"')).toBe('$x \\ ` " \\a\n');
    expect(out('echo "a   b"   c    d')).toBe('a   b c d\n');
  });

  it('a backslash outside quotes escapes any character', () => {
    expect(out("echo \\$HOME \\\\ \\' a\\ b \\*")).toBe("$HOME \\ ' a b *\n");
  });

  it('joins quoted and unquoted pieces into one word', () => {
    expect(out(`echo 'a'"b"c 'x'y"z"`)).toBe('abc xyz\n');
    expect(out(`echo "a\\"b" 'c\\d'`)).toBe('a"b c\\d\n');
  });

  it("$'...' reads C escapes; $\"...\" is a plain double-quoted string", () => {
    expect(out("echo $'tab\\there' $'\\x41\\101\\u00e9' $'it\\'s'")).toBe("tab\there AAé it's\n");
    expect(out("echo $'\\cA\\v\\f\\e'")).toBe('\x01\v\f\x1b\n');
    expect(out('echo $"hello $USER"')).toBe('hello learner\n');
  });

  it('keeps empty quoted words and drops empty unquoted expansions', () => {
    expect(out(`printf '[%s]' "" x ''; echo`)).toBe('[][x][]\n');
    expect(out(`printf '[%s]' $NOPE "$NOPE" end; echo`)).toBe('[][end]\n');
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(out("echo a#b '#z' # a comment")).toBe('a#b #z\n');
    expect(out('echo # nothing')).toBe('\n');
  });

  it('continues a line after a backslash-newline', () => {
    expect(out('echo a\\\nb')).toBe('ab\n');
    expect(out("echo 'multi\nline' \"two\nlines\"")).toBe('multi\nline two\nlines\n');
  });
});

describe('parameters', () => {
  it('$VAR and ${VAR}, unset ones empty', () => {
    expect(out('echo $HOME ${HOME}/x $HOME$USER "${HOME}"\'$USER\'')).toBe('/home/learner /home/learner/x /home/learnerlearner /home/learner$USER\n');
    expect(out('VAR=hello; echo "${VAR}world $VARworld."')).toBe('helloworld .\n');
  });

  it('assigns, left to right, without a command or for one command only', () => {
    expect(out('x=1 y=2; echo $x $y')).toBe('1 2\n');
    expect(out('A=1; A=2 B=$A; echo $A $B')).toBe('2 2\n');
    expect(out('A=5 echo "[$A]"')).toBe('[]\n');
    expect(out('A=1; A=6 env | grep -c ^A=6; echo $A')).toBe('1\n1\n');
    expect(out('a=b=c; echo $a')).toBe('b=c\n');
    expect(out('X=~/bin; echo $X')).toBe('/home/learner/bin\n');
  });

  it('${VAR:-word} ${VAR-word} ${VAR:=word} ${VAR:+word}', () => {
    expect(out('echo ${NOPE:-default} ${HOME:-x}')).toBe('default /home/learner\n');
    expect(out('EMPTY=; echo "[${EMPTY:-d}] [${EMPTY-d}] [${NOPE-d}]"')).toBe('[d] [] [d]\n');
    expect(out('echo ${NOPE:=set}; echo $NOPE')).toBe('set\nset\n');
    expect(out('echo ${HOME:+alt} [${NOPE:+alt}]')).toBe('alt []\n');
    expect(out('echo ${NOPE:-$HOME}')).toBe('/home/learner\n');
  });

  it('splits an unquoted default but not its quoted parts', () => {
    expect(out(`printf '[%s]' \${NOPE:-a  b}; echo`)).toBe('[a][b]\n');
    expect(out(`printf '[%s]' \${NOPE:-"a  b"} x; echo`)).toBe('[a  b][x]\n');
    expect(out(`printf '[%s]' "\${NOPE:-a  b}"; echo`)).toBe('[a  b]\n');
    expect(out(`echo "\${NOPE:-'q'}"`)).toBe("'q'\n");
    expect(out("echo ${NOPE:-'q  q'}")).toBe('q  q\n');
  });

  it('${VAR:?message} stops the line with status 1', () => {
    expect(run('echo ${NOPE:?is unset}; echo after')).toEqual({ output: 'bash: NOPE: is unset\n', exitCode: 1 });
    expect(run('echo ${NOPE?}')).toEqual({ output: 'bash: NOPE: parameter not set\n', exitCode: 1 });
    expect(run('E=; echo ${E:?}')).toEqual({ output: 'bash: E: parameter null or not set\n', exitCode: 1 });
  });

  it('${#VAR}, patterns removed with # ## % %%, replaced with / // /# /%', () => {
    const P = "P=/home/learner/file.tar.gz S='hello world'";
    expect(out('echo ${#S} ${#NOPE}', P)).toBe('11 0\n');
    expect(out('echo ${P#*/} ${P##*/} ${P%.*} ${P%%.*} ${P#nomatch}', P)).toBe('home/learner/file.tar.gz file.tar.gz /home/learner/file.tar /home/learner/file /home/learner/file.tar.gz\n');
    expect(out('echo ${S/o/0} ${S//o/0} ${S/#h/H} ${S/%d/D} ${S/o} ${S//[lo]/_}', P)).toBe('hell0 world hell0 w0rld Hello world hello worlD hell world he___ w_r_d\n');
    expect(out('echo ${S/#/pre-} ${S/%/-post} "${S// /_}" ${S/l*/L}', P)).toBe('pre-hello world hello world-post hello_world heL\n');
  });

  it('${VAR:offset:length}, case changes and ${!VAR}', () => {
    const S = "S='hello world'";
    expect(out('echo X${S:0:5}X ${S:6} ${S: -5} ${S:2:-2}', S)).toBe('XhelloX world world llo wor\n');
    expect(out('echo ${S^^} ${S^} ${S,,} ${S^^o}', S)).toBe('HELLO WORLD Hello world hello world hellO wOrld\n');
    expect(out('N=S; echo ${!N}', S)).toBe('hello world\n');
    expect(run('echo ${S:3:-20}', S)).toEqual({ output: 'bash: -20: substring expression < 0\n', exitCode: 1 });
  });

  it('a bad substitution fails when the line reaches it, status 1', () => {
    expect(run('echo before; echo ${%x}; echo after')).toEqual({ output: 'before\nbash: ${%x}: bad substitution\n', exitCode: 1 });
    expect(run('echo "${a b}"')).toEqual({ output: 'bash: ${a b}: bad substitution\n', exitCode: 1 });
    expect(run("S='a b'; echo ${!S}")).toEqual({ output: 'bash: a b: invalid variable name\n', exitCode: 1 });
  });

  it('special parameters', () => {
    expect(out('false; echo $?; true; echo $?')).toBe('1\n0\n');
    expect(out('nope 2>/dev/null; echo $?')).toBe('127\n');
    expect(out('echo $0 $# "[$1]" "[$@]"')).toBe('bash 0 [] []\n');
    expect(out('echo $RANDOM | grep -c "^[0-9][0-9]*$"')).toBe('1\n');
  });
});

describe('tilde', () => {
  it('expands ~ and ~/ at a word start, and ~user from /etc/passwd', () => {
    expect(out('echo ~ ~/x ~root ~learner/d')).toBe('/home/learner /home/learner/x /root /home/learner/d\n');
    expect(out('echo "~" \\~ x~ ~nobody')).toBe('~ ~ x~ ~nobody\n');
  });
});

describe('command substitution', () => {
  it('$(...) and backticks, trailing newlines dropped', () => {
    expect(out('echo $(echo sub) `echo back` "$(echo \'in quotes\')"')).toBe('sub back in quotes\n');
    expect(out(`x=$(printf 'a\\n\\n'); echo "[$x]"`)).toBe('[a]\n');
    expect(out('echo "nested $(echo "inner $(echo deep)")"')).toBe('nested inner deep\n');
    expect(out('echo `echo a \\`echo b\\``')).toBe('a b\n');
  });

  it('splits unquoted results, keeps quoted ones', () => {
    expect(out(`printf '[%s]' $(echo "a   b") "$(echo "a   b")"; echo`)).toBe('[a][b][a   b]\n');
  });

  it('lets errors through to the terminal and sets $?', () => {
    // The laptop's bash has Ubuntu's command-not-found handler: `nope: command not found`, no `bash: `.
    expect(out('echo "[$(nope)]"')).toBe('nope: command not found\n[]\n');
    expect(out('echo "$(false)$?"')).toBe('1\n');
  });
});

describe('lists and pipes', () => {
  it('; runs in turn; && and || depend on the status', () => {
    expect(out('echo a; echo b')).toBe('a\nb\n');
    expect(out('true && echo yes; false && echo no; false || echo fallback; true || echo skipped')).toBe('yes\nfallback\n');
    expect(run('false && echo a || echo b')).toEqual({ output: 'b\n', exitCode: 0 });
    expect(out('echo a || echo b && echo c')).toBe('a\nc\n');
    expect(out('echo 1 && nope && echo 3')).toBe('1\nnope: command not found\n');
  });

  it('a pipe feeds each command the output of the one before; its status is the last one', () => {
    expect(out('echo hi | cat | cat')).toBe('hi\n');
    expect(out('true | false; echo $?; false | true; echo $?')).toBe('1\n0\n');
    expect(out('printf "b\\na\\n" | sort | head -n 1')).toBe('a\n');
  });

  it('! inverts the status', () => {
    expect(out('! true; echo $?; ! false; echo $?')).toBe('1\n0\n');
  });

  it('keeps errors of the left side on the terminal', () => {
    expect(out('ls nope | cat')).toBe("ls: cannot access 'nope': No such file or directory\n");
  });
});

describe('redirections', () => {
  it('> writes, >> appends, > alone makes an empty file', () => {
    expect(out('echo one > f; echo two >> f; cat f')).toBe('one\ntwo\n');
    expect(out('echo one > f; echo new > f; cat f')).toBe('new\n');
    expect(out('> empty; ls -l empty | cat')).toBe('-rw-r--r-- 1 learner learner 0 Mar  3 09:00 empty\n');
  });

  it('opens every target, writing to the last', () => {
    expect(out('echo a > f > g; cat f; cat g')).toBe('a\n');
  });

  it('2> takes errors, 2>&1 sends them where stdout goes at that point, &> both', () => {
    expect(out('nope 2> err; cat err')).toBe('nope: command not found\n');
    expect(out('ls nope 2>&1 | cat -n')).toBe("     1\tls: cannot access 'nope': No such file or directory\n");
    expect(out('ls nope &> both; cat both')).toBe("ls: cannot access 'nope': No such file or directory\n");
    expect(out('ls nope 2>&1 > f5; cat f5')).toBe("ls: cannot access 'nope': No such file or directory\n");
    expect(out('echo x 2>/dev/null >&2 | cat -n')).toBe('');
    expect(out('echo a 1>&2 | cat -n')).toBe('a\n');
    expect(out('ls nope x 2>/dev/null; echo $?')).toBe('2\n');
  });

  it('< reads a file; <<< a string', () => {
    expect(out('cat < file', FILES)).toBe('content\n');
    expect(out("cat <<< 'here string'; cat <<< $HOME")).toBe('here string\n/home/learner\n');
  });

  it('/dev/null swallows output', () => {
    expect(run('echo hi > /dev/null')).toEqual({ output: '', exitCode: 0 });
  });

  it('reports targets it cannot open, and does not run the command', () => {
    expect(run('cat < nope')).toEqual({ output: 'bash: nope: No such file or directory\n', exitCode: 1 });
    expect(run('echo x > dir', FILES)).toEqual({ output: 'bash: dir: Is a directory\n', exitCode: 1 });
    expect(run('echo x > /etc/x')).toEqual({ output: 'bash: /etc/x: Permission denied\n', exitCode: 1 });
    expect(run('echo x > nope/x')).toEqual({ output: 'bash: nope/x: No such file or directory\n', exitCode: 1 });
    expect(run("echo x > ''")).toEqual({ output: 'bash: : No such file or directory\n', exitCode: 1 });
    expect(run('echo x 2> dir', FILES)).toEqual({ output: 'bash: dir: Is a directory\n', exitCode: 1 });
    expect(run('echo x > /etc/hostname')).toEqual({ output: 'bash: /etc/hostname: Permission denied\n', exitCode: 1 });
    expect(run('echo y > file/; cat file', FILES)).toEqual({ output: 'bash: file/: Is a directory\ncontent\n', exitCode: 0 });
    expect(run('echo y > nope/')).toEqual({ output: 'bash: nope/: Is a directory\n', exitCode: 1 });
    expect(run('cat < file/', FILES)).toEqual({ output: 'bash: file/: Not a directory\n', exitCode: 1 });
    expect(run('cat < /root/x')).toEqual({ output: 'bash: /root/x: Permission denied\n', exitCode: 1 });
  });
});

describe('here-documents', () => {
  it('<<EOF expands $VARS, $(...) and backticks; quotes are text', () => {
    expect(out("cat <<EOF\nhello $HOME\n$(echo sub) `echo bt`\n\\$HOME \\\\ \\a 'q' \"dq\"\nEOF")).toBe("hello /home/learner\nsub bt\n$HOME \\ \\a 'q' \"dq\"\n");
  });

  it("<<'EOF' and <<\"EOF\" keep the body as it is", () => {
    expect(out("cat <<'EOF'\nhello $HOME\n\\$x\nEOF")).toBe('hello $HOME\n\\$x\n');
    expect(out('cat <<"EOF"\nhello $HOME\nEOF')).toBe('hello $HOME\n');
    expect(out('cat <<E\\OF\n$HOME\nEOF')).toBe('$HOME\n');
  });

  it('<<-EOF strips leading tabs', () => {
    expect(out('cat <<-EOF\n\tindented\n\t\tmore\n\tEOF')).toBe('indented\nmore\n');
  });

  it('joins lines after a backslash, and may be empty', () => {
    expect(out('cat <<EOF\nline \\\ncontinued\nEOF')).toBe('line continued\n');
    expect(out('cat <<EOF\nEOF')).toBe('');
  });

  it('works with pipes, redirections and what follows on the line', () => {
    expect(out('cat <<EOF | grep --color=never b\na\nb\nEOF')).toBe('b\n');
    expect(out('cat <<EOF > out\nline\nEOF\ncat out')).toBe('line\n');
    expect(out('cat <<EOF; echo after\nbody\nEOF')).toBe('body\nafter\n');
    expect(out('cat <<A <<B\na\nA\nb\nB')).toBe('b\n');
  });

  it('is incomplete until its delimiter comes', () => {
    const s = createSession();
    expect(s.check('cat <<EOF')).toBe('incomplete');
    expect(s.check('cat <<EOF\nbody')).toBe('incomplete');
    expect(s.check('cat <<EOF\nbody\nEOF')).toBe('complete');
    expect(s.check('cat <<EOF\n  EOF')).toBe('incomplete');
  });
});

describe('globbing', () => {
  it('* ? [..] and [!..] match names in the directory, sorted', () => {
    expect(out('echo *.txt', FILES)).toBe('a.txt b.txt\n');
    expect(out('echo *', FILES)).toBe('a.txt ab b.txt c.log dir file\n');
    expect(out('echo ?.txt ??', FILES)).toBe('a.txt b.txt ab\n');
    expect(out('echo [ab].txt [!a].txt [a-b]* [^a].txt', FILES)).toBe('a.txt b.txt b.txt a.txt ab b.txt b.txt\n');
  });

  it('hides dot files unless the pattern starts with a dot', () => {
    expect(out('echo .*', FILES)).toBe('.bashrc .hid .profile\n');
  });

  it('leaves a pattern that matches nothing as it is', () => {
    expect(out('echo *.none [z]* x?y', FILES)).toBe('*.none [z]* x?y\n');
    expect(out('ls *.none', FILES)).toBe("ls: cannot access '*.none': No such file or directory\n");
  });

  it('does not glob quoted or escaped characters', () => {
    expect(out(`echo "*.txt" '*'.txt \\*.txt`, FILES)).toBe('*.txt *.txt *.txt\n');
  });

  it('globs the results of unquoted expansions', () => {
    expect(out(`x='*.txt'; echo $x "$x"`, FILES)).toBe('a.txt b.txt *.txt\n');
  });

  it('follows paths: dir/*, */ for directories only, .., absolute', () => {
    expect(out('touch dir/in && echo dir/* */ dir/../*.log /etc/host*', FILES)).toBe('dir/in dir/ dir/../c.log /etc/hostname /etc/hosts\n');
    expect(out('cd dir && echo ../*.txt', FILES)).toBe('../a.txt ../b.txt\n');
  });
});

describe('brace expansion', () => {
  it('expands lists and ranges, before everything else', () => {
    expect(out('echo {a,b} a{1..3} {3..1} {a..c} {01..03} x{,y} {1..10..3} {a,b}{1,2} {a,{b,c}}')).toBe(
      'a b a1 a2 a3 3 2 1 a b c 01 02 03 x xy 1 4 7 10 a1 a2 b1 b2 a b c\n',
    );
    expect(out('mkdir -p proj/{src,test} && ls proj | cat')).toBe('src\ntest\n');
    expect(out('echo file{1,2}.txt ${HOME}{,/x}')).toBe('file1.txt file2.txt /home/learner /home/learner/x\n');
  });

  it('leaves braces that are not a list or range', () => {
    expect(out('echo {a} {} {a..} {1..a} "{a,b}" \\{a,b\\} {a,b')).toBe('{a} {} {a..} {1..a} {a,b} {a,b} {a,b\n');
  });
});

describe('commands that cannot run', () => {
  it('command not found, 127 (in the words of Ubuntu\'s handler: tests/unit/simulators/shell/command-not-found.test.ts)', () => {
    expect(run('nope')).toEqual({ output: 'nope: command not found\n', exitCode: 127 });
    expect(run('nope arg; echo $?')).toEqual({ output: 'nope: command not found\n127\n', exitCode: 0 });
  });

  it('a path that is missing (127), a directory or not executable (126)', () => {
    expect(run('./nope')).toEqual({ output: 'bash: ./nope: No such file or directory\n', exitCode: 127 });
    expect(run('./dir', FILES)).toEqual({ output: 'bash: ./dir: Is a directory\n', exitCode: 126 });
    expect(run('./file', FILES)).toEqual({ output: 'bash: ./file: Permission denied\n', exitCode: 126 });
  });

  it('runs a program by its path in /usr/bin or /bin', () => {
    expect(run('/usr/bin/ls /etc | cat')).toEqual({ output: 'hostname\nhosts\nos-release\npasswd\n', exitCode: 0 });
    expect(out('/bin/echo hi')).toBe('hi\n');
    expect(run('/usr/bin/cd')).toEqual({ output: 'bash: /usr/bin/cd: No such file or directory\n', exitCode: 127 });
  });
});

describe('syntax errors', () => {
  it.each([
    ['echo a && && echo b', '&&'],
    ['echo a | | cat', '|'],
    ['; echo', ';'],
    ['echo ;;', ';;'],
    ['| echo', '|'],
    ['echo >', 'newline'],
    ['echo > | x', '|'],
    ['echo )', ')'],
    ['echo a (', '('],
    ['echo (x', 'x'],
    ['echo (', 'newline'],
    ['done', 'done'],
    ['fi', 'fi'],
  ])('%j: near unexpected token, exit 2', (line, token) => {
    expect(run(line)).toEqual({ output: `bash: syntax error near unexpected token \`${token}'\n`, exitCode: 2 });
  });

  it('runs nothing of a line with a syntax error', () => {
    expect(run('echo a; echo b )')).toEqual({ output: "bash: syntax error near unexpected token `)'\n", exitCode: 2 });
  });

  it('a line that is not finished is incomplete', () => {
    const s = createSession();
    for (const line of ['echo "open', "echo 'open", 'echo a |', 'echo a &&', 'echo a ||', 'echo $(echo', 'echo `x', 'echo ${X', 'echo a\\']) {
      expect(s.check(line)).toBe('incomplete');
    }
    expect(run('echo "unterminated')).toEqual({ output: "bash: unexpected EOF while looking for matching `\"'\n", exitCode: 2 });
  });

  it('refuses select and coproc plainly (a deliberate limit)', () => {
    const refuse = (what: string) => `bash: ${what} not supported in this terminal: run one simple command at a time (pipes, &&, || and ; work)\n`;
    expect(run('select x in a b; do :; done')).toEqual({ output: refuse("'select' blocks are"), exitCode: 2 });
    expect(run('coproc cat')).toEqual({ output: refuse("'coproc' blocks are"), exitCode: 2 });
  });
});

describe('the session around the shell', () => {
  it('remembers $? across lines', () => {
    const s = session();
    s.run('false');
    expect(s.run('echo $?').output).toBe('1\n');
    expect(s.run('echo $?').output).toBe('0\n');
  });

  it('keeps variables and the working directory across lines', () => {
    const s = session('X=kept', 'mkdir d', 'cd d');
    expect(s.run('echo $X; pwd').output).toBe('kept\n/home/learner/d\n');
  });
});

describe('$(( )) arithmetic expansion', () => {
  it('expands to the value, its text expanded as in double quotes first', () => {
    expect(out('echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((-7%3)) $((2**10))')).toBe('7 9 3 -1 1024\n');
    expect(out('x=5; echo $((x)) $(($x)) $((x+1)) ${x}')).toBe('5 5 6 5\n');
    expect(out('echo $(( "1" + 2 )) "sum: $((2+3))"')).toBe('3 sum: 5\n');
    expect(out('echo $(( $(echo 6) * 7 )) $(( `echo 2` + 1 )) "$(( $((1+2)) * $((3+4)) ))"')).toBe('42 3 21\n');
    expect(out('echo $((2**63)) $((1<<64))')).toBe('-9223372036854775808 1\n');
  });

  it('an error ends the line with status 1, as bash at a prompt', () => {
    const s = session();
    expect(s.run('echo $((1/0)); echo after')).toEqual({ output: 'bash: 1/0: division by 0 (error token is "0")\n', exitCode: 1 });
    expect(s.run('echo $?').output).toBe('1\n');
    expect(run("echo $(( '1' + 2 ))").output).toBe("bash: '1' + 2 : syntax error: operand expected (error token is \"'1' + 2 \")\n");
    expect(run('x=1/0; echo $((x))').output).toBe('bash: 1/0: division by 0 (error token is "0")\n');
    expect(run('x=x; echo $((x))').output).toBe('bash: x: expression recursion level exceeded (error token is "x")\n');
  });

  it('is incomplete until its parentheses close; a lone ) makes it a command substitution', () => {
    const s = session();
    expect(s.check('echo $((')).toBe('incomplete');
    expect(s.check('echo $((1+2)')).toBe('incomplete');
    expect(s.run('echo $( (echo nested) )').output).toBe('nested\n');
    expect(s.run('echo $((echo a); (echo b))').output).toBe('a b\n');
  });
});

describe('positional parameters at the prompt', () => {
  it('set -- gives them, shift moves them, and they last from line to line', () => {
    const s = session();
    s.run('set -- a "b c" d');
    expect(s.run('echo $# $1 "$2" $3 ${10-none}').output).toBe('3 a b c d none\n');
    expect(s.run('shift; echo $@').output).toBe('b c d\n');
    expect(s.run('shift 5; echo $? $#').output).toBe('1 2\n');
    expect(s.run('set --; echo $#').output).toBe('0\n');
    s.run('set x y z');
    expect(s.run('echo "$*" "${@:2}" "${@: -1}" ${#@} ${@:0:1}').output).toBe('x y z y z z 3 bash\n');
  });

  it('"$@" keeps each a word, "$*" joins them, and neither gives a word when there are none', () => {
    expect(out('set -- "a b" c; for w in "$@"; do echo "[$w]"; done; for w in $@; do echo "<$w>"; done; for w in "$*"; do echo "{$w}"; done')).toBe('[a b]\n[c]\n<a>\n<b>\n<c>\n{a b c}\n');
    expect(out('set -- x y; echo "pre$@post" "pre$*post"')).toBe('prex ypost prex ypost\n');
    expect(out('set --; echo "[$@]" "[$*]" [$@]; printf "<%s>" "$@"; echo')).toBe('[] [] []\n<>\n');
  });

  it('shift refuses what is not a count', () => {
    expect(run('shift abc; echo $?').output).toBe('bash: shift: abc: numeric argument required\n1\n');
    expect(run('shift -1; echo $?').output).toBe('bash: shift: -1: shift count out of range\n1\n');
    expect(run('shift 1 2')).toEqual({ output: 'bash: shift: too many arguments\n', exitCode: 1 });
  });
});

describe('arrays', () => {
  it('a=(...) makes one; ${a[i]} ${a[@]} ${#a[@]} ${!a[@]} read it', () => {
    expect(out('a=(x y "z w"); echo ${#a[@]} "${a[@]}" ${a[1]} ${!a[@]}')).toBe('3 x y z w y 0 1 2\n');
    expect(out('a=(x y z); echo $a ${a} ${a[0]} ${a[2]} ${a[-1]} ${a[-3]}')).toBe('x x x z z x\n');
    expect(out('a=(1 2 3); echo $((a[0] + a[2])) $((a[1]*10))')).toBe('4 20\n');
    expect(out('a=(1 2 3); echo ${#a[*]} ${!a[*]} "${!a[@]}"')).toBe('3 0 1 2 0 1 2\n');
  });

  it('is sparse: a[i]=v anywhere, unset one element, += appends', () => {
    expect(out('a=(1 2 3); a[5]=six; echo ${#a[@]} ${!a[@]} "${a[@]}"')).toBe('4 0 1 2 5 1 2 3 six\n');
    expect(out('a=(1 2); a+=(3 "4 5"); declare -p a; echo ${#a[@]}')).toBe('declare -a a=([0]="1" [1]="2" [2]="3" [3]="4 5")\n4\n');
    expect(out('a=(1 2 3); unset "a[1]"; declare -p a; echo ${#a[@]}')).toBe('declare -a a=([0]="1" [2]="3")\n2\n');
    expect(out('a=(1 2 3); i=1; unset "a[i]"; declare -p a')).toBe('declare -a a=([0]="1" [2]="3")\n');
    expect(out('d=([3]=a b [1]=c); declare -p d')).toBe('declare -a d=([1]="c" [3]="a" [4]="b")\n');
    expect(out('a[1 + 1]=x; a[i+3]=y; declare -p a')).toBe('declare -a a=([2]="x" [3]="y")\n');
    expect(out('a[999999999]=x; echo ${#a[@]} ${!a[@]}')).toBe('1 999999999\n');
  });

  it('a string is an array of one: $a is element 0 either way', () => {
    expect(out('s=str; s[2]=t; declare -p s; echo $s ${s[@]}')).toBe('declare -a s=([0]="str" [2]="t")\nstr str t\n');
    expect(out('b=(x y); b=q; declare -p b')).toBe('declare -a b=([0]="q" [1]="y")\n');
    expect(out('c+=abc; c+=def; echo $c; n=5; n+=3; echo $n')).toBe('abcdef\n53\n');
  });

  it('says where a subscript is out of range', () => {
    expect(run('a=(x y z); echo ${a[5]}; echo ${a[-9]}; echo after')).toEqual({ output: '\nbash: a: bad array subscript\n\nafter\n', exitCode: 0 });
    expect(run('f=(); f[-1]=x')).toEqual({ output: 'bash: f[-1]: bad array subscript\n', exitCode: 1 });
  });

  it('expands each element on its own: slices, patterns, case, quoting', () => {
    expect(out('a=(a b c d e); echo ${a[@]:1} / ${a[@]:1:2} / ${a[*]: -2} / ${a[@]:9}')).toBe('b c d e / b c / d e /\n');
    expect(out('a=(apple banana cherry); echo "${a[@]/a/A}" "${a[@]//a/A}" "${a[@]^}" "${a[@]#*a}" ${#a[1]}')).toBe('Apple bAnana cherry Apple bAnAnA cherry Apple Banana Cherry pple nana cherry 6\n');
    expect(out('a=("a b" c); printf "[%s]\\n" "${a[@]}" ${a[@]} "${a[*]}"')).toBe('[a b]\n[c]\n[a]\n[b]\n[c]\n[a b c]\n');
    expect(out('x=(1 2); echo "${x[*]}" "${x[@]}"; IFS=,; echo "${x[*]}"; unset IFS')).toBe('1 2 1 2\n1,2\n');
    expect(out('a=(1 "x y" $\'t\\tz\'); s="it\'s"; echo ${s@Q} ${a[@]@Q} ${s@U} ${s@u} ${a@a}')).toBe("'it'\\''s' '1' 'x y' $'t\\tz' IT'S It's a\n");
  });

  it('fills from globs and command substitutions, and copies with "${a[@]}"', () => {
    expect(out('files=(d/*); echo ${#files[@]} ${files[@]}', 'mkdir d && touch d/a.txt d/b.log')).toBe('2 d/a.txt d/b.log\n');
    expect(out('words=($(echo one two three)); echo ${#words[@]} ${words[2]}')).toBe('3 three\n');
    expect(out('a=(1 2 3); b=("${a[@]}"); b[0]=9; echo ${a[0]} ${b[@]}')).toBe('1 9 2 3\n');
    expect(out('a=(); echo ${#a[@]} "[${a[@]}]"; declare -p a')).toBe('0 []\ndeclare -a a=()\n');
  });

  it('lasts from line to line, and through a snapshot', () => {
    const s = session('a=(one "two three")', 'a[7]=eight');
    const copy = createSession();
    copy.restore(s.snapshot());
    expect(copy.run('declare -p a').output).toBe('declare -a a=([0]="one" [1]="two three" [7]="eight")\n');
  });
});

describe('here-strings', () => {
  it('<<< gives the word, expanded, and a newline as standard input', () => {
    expect(out('cat <<< "here string"')).toBe('here string\n');
    expect(out('x=world; cat <<< "hello $x"')).toBe('hello world\n');
    expect(out('wc -c <<< abc')).toBe('4\n');
    expect(out("read a b <<< 'one two three'; echo \"$a|$b\"")).toBe('one|two three\n');
  });
});

describe('set -e, -u, -x, -o pipefail', () => {
  it('-e ends the line at a failure nothing tests, as the shell would exit', () => {
    expect(run('set -e; false; echo never')).toEqual({ output: '', exitCode: 1 });
    expect(out('set -e; if false; then echo t; else echo f; fi; false || echo caught; ! true; echo alive')).toBe('f\ncaught\nalive\n');
    expect(out('set -e; f() { false; echo in-f; }; f || echo failed; echo after')).toBe('in-f\nafter\n');
    expect(out('set -e; x=$(false; echo out); echo "x=$x"')).toBe('x=out\n');
    expect(run('set -e; (false); echo not-here')).toEqual({ output: '', exitCode: 1 });
    expect(out('set -e; { false; } || echo grouped')).toBe('grouped\n');
  });

  it('-u makes an unset variable an error that ends the line', () => {
    expect(run('set -u; echo $nope; echo after')).toEqual({ output: 'bash: nope: unbound variable\n', exitCode: 1 });
    expect(out('set -u; echo ${nope:-default} ${nope-x}')).toBe('default x\n');
    expect(out('set -u; echo $1')).toBe('bash: $1: unbound variable\n');
    expect(out('set -u; a=(1); echo ${a[5]}')).toBe('bash: a[5]: unbound variable\n');
    expect(out('set -u; echo "${b[@]}" end')).toBe('end\n');
    expect(out('set -u; echo $((nope + 1)); echo after')).toBe('bash: nope: unbound variable\n');
  });

  it('-x shows each command with PS4 on standard error, quoted so it reads back the same', () => {
    expect(out("set -x; echo \"a b\" c '' x=1")).toBe("+ echo 'a b' c '' x=1\na b c  x=1\n");
    expect(out('set -x; x=1 y="a b"; echo $x')).toBe("+ x=1\n+ y='a b'\n+ echo 1\n1\n");
    expect(out('set -x; for i in 1 2; do :; done')).toBe('+ for i in 1 2\n+ :\n+ for i in 1 2\n+ :\n');
    expect(out('set -x; echo $(echo inner)')).toBe('++ echo inner\n+ echo inner\ninner\n');
    expect(out('set -x; case a in a) echo m;; esac')).toBe('+ case a in\n+ echo m\nm\n');
    expect(out('set -x; i=0; while ((i<2)); do ((i++)); done')).toBe('+ i=0\n+ (( i<2 ))\n+ (( i++ ))\n+ (( i<2 ))\n+ (( i++ ))\n+ (( i<2 ))\n');
    expect(out('set -x; a=(1 2 "x y"); a[3]=z')).toBe('+ a=(1 2 "x y")\n+ a[3]=z\n');
    expect(out("set -x; echo 'it'\\''s' $'\\t' '*' a*b '~' '#x' a#b")).toBe("+ echo 'it'\\''s' '\t' '*' 'a*b' '~' '#x' a#b\nit's \t * a*b ~ #x a#b\n");
    expect(out('set -x; PS4="[dbg] "; echo z')).toBe("+ PS4='[dbg] '\n[dbg] echo z\nz\n");
    const s = session();
    s.run('set -x');
    expect(s.run('echo a').output).toBe('+ echo a\na\n');
    expect(s.run('set +x').output).toBe('+ set +x\n');
    expect(s.run('echo b').output).toBe('b\n');
  });

  it('-o pipefail gives a pipe the status of its last failing command', () => {
    expect(out('false | true; echo $?')).toBe('0\n');
    expect(out('set -o pipefail; false | true; echo $?; true | false | true; echo $?; (exit 3) | (exit 4) | true; echo $?')).toBe('1\n1\n4\n');
  });

  it('-f stops globbing; options show in $- and set -o', () => {
    expect(out('set -f; echo d/*; set +f; echo d/*', 'mkdir d && touch d/a.txt')).toBe('d/*\nd/a.txt\n');
    expect(out('set -eu; echo $-; set +eu; echo $-')).toBe('ehimuBHs\nhimBHs\n');
    expect(out('set -o | grep -E "errexit|pipefail|xtrace" | cat')).toBe('errexit        \toff\npipefail       \toff\nxtrace         \toff\n');
    expect(out('set -e; set +o | grep -E "errexit|nounset" | cat')).toBe('set -o errexit\nset +o nounset\n');
  });
});

describe('process substitution <( )', () => {
  it('stands for a file holding what the command printed, named /dev/fd/63 and down', () => {
    expect(out('echo <(true) <(true); x=<(true); echo $x')).toBe('/dev/fd/63 /dev/fd/62\n/dev/fd/63\n');
    expect(out('cat <(echo hi); cat < <(echo one) | wc -l')).toBe('hi\n1\n');
    expect(out('while read l; do echo "[$l]"; done < <(printf "a\\nb\\n")')).toBe('[a]\n[b]\n');
    expect(out('diff <(echo a) <(echo b); echo $?')).toBe('1c1\n< a\n---\n> b\n1\n');
  });

  it('leaves no file behind', () => {
    expect(out('cat <(echo x) >/dev/null; ls /dev')).toBe('null\n');
  });

  it('refuses >( ) plainly', () => {
    expect(run('echo >(true)').exitCode).toBe(2);
  });
});
