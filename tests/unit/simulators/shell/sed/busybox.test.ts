// sed inside alpine and busybox containers is BusyBox 1.37.0's applet (editors/sed.c), checked
// against the real one (scripts/dev/compare-busybox-text.ts): its usage and options, its messages
// and exit codes, and the ways it runs a script differently from GNU sed. The laptop keeps GNU sed.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

type Session = ReturnType<typeof createSession>;

const FILES: Record<string, string> = { 'in.txt': 'alpha 1\nbeta 2\ngamma 3\ndelta 4\n', 'nonl.txt': 'one\ntwo', 'two.txt': 'x\ny\n' };
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** bb runs busybox:latest (glibc), al alpine (musl); each has /w with FILES. */
function world(): Session {
  const s = createSession();
  const make = ['mkdir -p /w', ...Object.entries(FILES).map(([name, text]) => `printf %s ${quote(text)} > /w/${name}`)].join(' && ');
  for (const line of ['docker pull -q busybox', 'docker pull -q alpine', 'docker run -d --name bb busybox sleep infinity', 'docker run -d --name al alpine sleep infinity', `docker exec bb sh -c ${quote(make)}`, `docker exec al sh -c ${quote(make)}`]) {
    const r = s.run(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.output}`);
  }
  return s;
}

let s: Session;
beforeAll(() => {
  s = world();
});

/** A line run by the container's shell in /w, stderr merged into stdout as `2>&1` does. */
const run = (line: string, where: 'bb' | 'al' = 'bb') => s.run(`docker exec ${where} sh -c ${quote(`cd /w && { ${line}; } 2>&1`)}`);

const USAGE =
  'Usage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n' +
  'or: sed [-i[SFX]] [-nrE] CMD [FILE]...\n\n' +
  '\t-e CMD\tAdd CMD to sed commands to be executed\n' +
  '\t-f FILE\tAdd FILE contents to sed commands to be executed\n' +
  '\t-i[SFX]\tEdit files in-place (otherwise write to stdout)\n' +
  '\t\tOptionally back files up, appending SFX\n' +
  '\t-n\tSuppress automatic printing of pattern space\n' +
  '\t-r,-E\tUse extended regex syntax\n\n' +
  'If no -e or -f, the first non-option argument is the sed command string.\n' +
  'Remaining arguments are input files (stdin if none).\n';
const GLIBC_BANNER = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\n';
const MUSL_BANNER = 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\n';

describe('BusyBox sed: usage and options', () => {
  it('--help alone prints the usage on stderr and succeeds; no script prints it and fails', () => {
    expect(s.run('docker exec bb sed --help')).toEqual({ output: GLIBC_BANNER + USAGE, exitCode: 0 });
    expect(s.run('docker exec bb sed --help 2>/dev/null')).toEqual({ output: '', exitCode: 0 });
    expect(run('sed')).toEqual({ output: GLIBC_BANNER + USAGE, exitCode: 1 });
    expect(run('sed', 'al')).toEqual({ output: MUSL_BANNER + USAGE, exitCode: 1 });
    expect(run('sed --version')).toEqual({ output: 'This is not GNU sed version 4.0\n', exitCode: 0 });
  });

  it("refuses an unknown option in its libc's words, then the usage", () => {
    expect(run('sed -x p')).toEqual({ output: `sed: invalid option -- 'x'\n${GLIBC_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed -x p', 'al')).toEqual({ output: `sed: unrecognized option: x\n${MUSL_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed --foo p')).toEqual({ output: `sed: unrecognized option '--foo'\n${GLIBC_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed --foo p', 'al')).toEqual({ output: `sed: unrecognized option: foo\n${MUSL_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed --help x')).toEqual({ output: `sed: unrecognized option '--help'\n${GLIBC_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed -e')).toEqual({ output: `sed: option requires an argument -- 'e'\n${GLIBC_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed -e', 'al')).toEqual({ output: `sed: option requires an argument: e\n${MUSL_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed --quiet=1 p')).toEqual({ output: `sed: option '--quiet' doesn't allow an argument\n${GLIBC_BANNER}${USAGE}`, exitCode: 1 });
    expect(run('sed -i p')).toEqual({ output: 'sed: -i requires an argument\n', exitCode: 1 });
  });

  it('long names by any unambiguous prefix; every -e before every -f', () => {
    expect(run('sed --qu -e 2p in.txt')).toEqual({ output: 'beta 2\n', exitCode: 0 });
    expect(run('printf "\\$p\\n" > script; sed -f script -e 1d in.txt')).toEqual({ output: 'beta 2\ngamma 3\ndelta 4\ndelta 4\n', exitCode: 0 });
    expect(run('sed -f nosuch in.txt')).toEqual({ output: 'sed: nosuch: No such file or directory\n', exitCode: 1 });
  });
});

describe('BusyBox sed: its messages and exit codes', () => {
  const refusals: [string, string][] = [
    ['sed "s/a/b" in.txt', "sed: unmatched '/'\n"],
    ['sed s in.txt', 'sed: bad format in substitution expression\n'],
    ['sed "/abc" in.txt', "sed: unmatched '/'\n"],
    ['sed "s/[a/x/" in.txt', "sed: unmatched '/'\n"],
    ['sed "s/a/b/x" in.txt', 'sed: bad option in substitution expression\n'],
    ['sed "s/a/b/m" in.txt', 'sed: bad option in substitution expression\n'],
    ['sed k in.txt', 'sed: unsupported command k\n'],
    ['sed -n "1~2p" in.txt', 'sed: unsupported command ~\n'],
    ['sed -n "/A/Ip" in.txt', 'sed: unsupported command I\n'],
    ['sed F in.txt', 'sed: unsupported command F\n'],
    ['sed "1,3" in.txt', 'sed: missing command\n'],
    ['sed q5 in.txt', 'sed: missing command\n'],
    ['sed "1,p" in.txt', 'sed: no address after comma\n'],
    ['sed -n "2,~2p" in.txt', 'sed: no address after comma\n'],
    ['sed "1,2i x" in.txt', "sed: command 'i' uses only one address\n"],
    ['sed "1,2r two.txt" in.txt', "sed: command 'r' uses only one address\n"],
    ['sed r in.txt', 'sed: empty filename\n'],
    ['sed -n "//p" in.txt', 'sed: no previous regexp\n'],
    ['sed "s/\\(/x/" in.txt', "sed: bad regex '\\(': Unmatched ( or \\(\n"],
    ['sed "w /nonexistent/out" in.txt', "sed: can't open '/nonexistent/out': No such file or directory\n"],
    ['sed "b nowhere" in.txt', "sed: can't find label for jump to 'nowhere'\n"],
    ['sed -n "/zzz/{p" in.txt', 'sed: unterminated {\n'],
  ];
  it.each(refusals)('%s', (line, message) => {
    expect(run(line)).toEqual({ output: message, exitCode: 1 });
  });

  it("alpine's musl words a bad regex its own way", () => {
    expect(run('sed "s/\\(/x/" in.txt', 'al')).toEqual({ output: "sed: bad regex '\\(': Missing ')'\n", exitCode: 1 });
    expect(run('sed "s/[[:foo:]]/x/" in.txt', 'al')).toEqual({ output: "sed: bad regex '[[:foo:]]': Unknown character class name\n", exitCode: 1 });
    expect(run('sed "s/a\\{1/x/" in.txt', 'al')).toEqual({ output: "sed: bad regex 'a\\{1': Missing '}'\n", exitCode: 1 });
  });

  it('a missing input file is reported when sed reaches it, after what came before, and the status is 1', () => {
    expect(run('sed -n p two.txt nosuch; echo $?')).toEqual({ output: 'x\nsed: nosuch: No such file or directory\ny\n1\n', exitCode: 0 });
    expect(run('sed p nosuch')).toEqual({ output: 'sed: nosuch: No such file or directory\n', exitCode: 1 });
    expect(run('sed p .')).toEqual({ output: '', exitCode: 0 });
    expect(run('sed "/zzz/b nowhere" in.txt')).toEqual({ output: FILES['in.txt'], exitCode: 0 });
  });
});

describe('BusyBox sed: how it runs a script', () => {
  it('commands need no separator, ranges and appends as BusyBox keeps them', () => {
    expect(run('sed pd two.txt')).toEqual({ output: 'x\ny\n', exitCode: 0 });
    expect(run('sed -n "/beta/,/gamma/p;2q" in.txt')).toEqual({ output: 'beta 2\n', exitCode: 0 });
    expect(run('sed "2,3c changed" in.txt')).toEqual({ output: 'alpha 1\nchanged\ndelta 4\n', exitCode: 0 });
    expect(run('sed -e "1a\\\\" -e "two\\\\" -e "lines" in.txt')).toEqual({ output: 'alpha 1\ntwo\nlines\nbeta 2\ngamma 3\ndelta 4\n', exitCode: 0 });
    expect(run('sed "1!G;h;\\$!d" in.txt')).toEqual({ output: 'delta 4\ngamma 3\nbeta 2\nalpha 1\n', exitCode: 0 });
    expect(run('sed ":a;N;\\$!ba;s/\\n/,/g" in.txt')).toEqual({ output: 'alpha 1,beta 2,gamma 3,delta 4\n', exitCode: 0 });
  });

  it('s: empty matches, \\U as a plain U, the Nth match, an escaped delimiter', () => {
    expect(run('sed "s/a*/-/g" in.txt')).toEqual({ output: '-l-p-h- -1-\n-b-e-t- -2-\n-g-m-m- -3-\n-d-e-l-t- -4-\n', exitCode: 0 });
    expect(run('echo abc | sed "s/b/\\U&/"')).toEqual({ output: 'aUbc\n', exitCode: 0 });
    expect(run('echo banana | sed s/a/X/2')).toEqual({ output: 'banXna\n', exitCode: 0 });
    expect(run('echo banana | sed s/a/X/0')).toEqual({ output: 'bXnXnX\n', exitCode: 0 });
    expect(run('echo 9+9 | sed "s+9\\++X+"')).toEqual({ output: 'X9\n', exitCode: 0 });
    expect(run('echo "(a)" | sed -E "s/a)/x/"')).toEqual({ output: '(x\n', exitCode: 0 });
  });

  it('a last line without its newline stays so, and one owed between files is written', () => {
    expect(run('sed "a x" nonl.txt')).toEqual({ output: 'one\nx\ntwo\nx\n', exitCode: 0 });
    expect(run('sed p nonl.txt two.txt')).toEqual({ output: 'one\none\ntwo\ntwo\nx\nx\ny\ny\n', exitCode: 0 });
    expect(run('sed = nonl.txt two.txt')).toEqual({ output: '1\none\n2\ntwo3\n\nx\n4\ny\n', exitCode: 0 });
    expect(run('sed p nonl.txt')).toEqual({ output: 'one\none\ntwo\ntwo', exitCode: 0 });
  });

  it('l does nothing, y pairs as far as the shorter side goes, w files opened once', () => {
    expect(run('sed -n l two.txt')).toEqual({ output: '', exitCode: 0 });
    expect(run('sed "y/abc/xy/" in.txt')).toEqual({ output: 'xlphx 1\nyetx 2\ngxmmx 3\ndeltx 4\n', exitCode: 0 });
    expect(run('sed -n "/a/w out\n/e/w out" in.txt; cat out')).toEqual({ output: 'alpha 1\nbeta 2\nbeta 2\ngamma 3\ndelta 4\ndelta 4\n', exitCode: 0 });
  });

  it('-i rewrites each file on its own, keeping NAME+SFX; a missing one is skipped with status 1', () => {
    expect(run('cp in.txt i1 && sed -i.bak s/a/X/ i1; cat i1 i1.bak')).toEqual({ output: `Xlpha 1\nbetX 2\ngXmma 3\ndeltX 4\n${FILES['in.txt']}`, exitCode: 0 });
    expect(run('cp two.txt i2 && cp nonl.txt i3 && sed -i = i2 i3; cat i2 i3')).toEqual({ output: '1\nx\n2\ny\n1\none\n2\ntwo', exitCode: 0 });
    expect(run('cp two.txt i4 && sed -i 1d nosuch i4; echo $?; cat i4')).toEqual({ output: 'sed: nosuch: No such file or directory\n1\ny\n', exitCode: 0 });
  });
});

describe('sed on the laptop stays GNU sed 4.9', () => {
  it('its usage, its refusals', () => {
    const laptop = createSession();
    expect(laptop.run('sed -x p 2>&1 | head -2')).toEqual({ output: "sed: invalid option -- 'x'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n", exitCode: 0 });
    expect(laptop.run('sed --help | head -1')).toEqual({ output: 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n', exitCode: 0 });
    expect(laptop.run('echo abc | sed "s/b/\\U&/"')).toEqual({ output: 'aBc\n', exitCode: 0 });
    expect(laptop.run('echo abc | sed k')).toEqual({ output: "sed: -e expression #1, char 1: unknown command: `k'\n", exitCode: 1 });
  });
});
