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

  it('refuses case blocks, subshells, jobs and arithmetic plainly (a deliberate limit)', () => {
    const refuse = (what: string) => `bash: ${what} not supported in this terminal: run one simple command at a time (pipes, &&, || and ; work)\n`;
    expect(run('case x in x) echo y;; esac')).toEqual({ output: refuse("'case' blocks are"), exitCode: 2 });
    expect(run('(echo sub)')).toEqual({ output: refuse('subshells ( ... ) are'), exitCode: 2 });
    expect(run('sleep 5 &')).toEqual({ output: refuse('background jobs (&) are'), exitCode: 2 });
    expect(run('echo $((1+2))')).toEqual({ output: refuse('arithmetic $(( )) is'), exitCode: 2 });
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
