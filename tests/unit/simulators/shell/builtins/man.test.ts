// man-db 2.12 as Ubuntu 24.04 runs it: its errors and exit codes (checked against man-db here),
// pages made from the commands' specs, plain in a pipe and in the pager on a terminal.
import { describe, expect, it } from 'vitest';
import { openScreen } from '../../../helpers/screen';
import { run } from './helpers';
import { screenRows, styledRows } from '../pager/styles';

const PROMPT = 'learner@laptop:~$';

describe('man: asking for a page', () => {
  it('without a page, or one there is none of', () => {
    expect(run('man')).toEqual({ output: "What manual page do you want?\nFor example, try 'man man'.\n", exitCode: 1 });
    expect(run('man nosuch')).toEqual({ output: 'No manual entry for nosuch\n', exitCode: 16 });
    expect(run('man kubectl')).toEqual({ output: 'No manual entry for kubectl\n', exitCode: 16 });
    // bash's own builtins have no page of their own.
    expect(run('man cd')).toEqual({ output: 'No manual entry for cd\n', exitCode: 16 });
    expect(run('man 5 ls')).toEqual({ output: 'No manual entry for ls in section 5\n', exitCode: 16 });
    expect(run('man 1')).toEqual({ output: "No manual entry for 1\n(Alternatively, what manual page do you want from section 1?)\nFor example, try 'man man'.\n", exitCode: 1 });
  });

  it("refuses an option it does not know, in man-db's words", () => {
    expect(run('man -z')).toEqual({ output: "man: invalid option -- 'z'\nTry 'man --help' or 'man --usage' for more information.\n", exitCode: 1 });
    expect(run('man --bogus ls')).toEqual({ output: "man: unrecognized option '--bogus'\nTry 'man --help' or 'man --usage' for more information.\n", exitCode: 1 });
  });

  it('-f (whatis), -k (apropos) and -w', () => {
    expect(run('man -f ls cat')).toEqual({ output: 'ls (1)               - list directory contents\ncat (1)              - concatenate files and print on the standard output\n', exitCode: 0 });
    expect(run('man -f nosuch')).toEqual({ output: 'nosuch: nothing appropriate.\n', exitCode: 16 });
    expect(run('man -k')).toEqual({ output: 'apropos what?\n', exitCode: 1 });
    expect(run("man -k '^wat'")).toEqual({ output: 'watch (1)            - execute a program periodically, showing output fullscreen\n', exitCode: 0 });
    expect(run('man -k zzqq')).toEqual({ output: 'zzqq: nothing appropriate.\n', exitCode: 16 });
    expect(run('man -w ls')).toEqual({ output: '/usr/share/man/man1/ls.1.gz\n', exitCode: 0 });
    expect(run('man --version')).toEqual({ output: 'man 2.12.0\n', exitCode: 0 });
  });
});

describe('man: pages in a pipe', () => {
  it('sets a coreutils page as help2man lays it out, 78 columns wide, without bold', () => {
    expect(run('man sleep | cat')).toEqual({
      output: [
        'SLEEP(1)                         User Commands                        SLEEP(1)',
        '',
        'NAME',
        '       sleep - delay for a specified amount of time',
        '',
        'SYNOPSIS',
        '       sleep NUMBER[SUFFIX]...',
        '',
        'DESCRIPTION',
        "       Pause  for  NUMBER  seconds  of  simulated time.  SUFFIX may be 's' for",
        "       seconds (the default), 'm' for minutes, 'h' for hours or 'd' for  days.",
        '       Ctrl-C stops it early.',
        '',
        '       --help display this help and exit',
        '',
        'SEE ALSO',
        '       Full documentation <https://www.gnu.org/software/coreutils/sleep>',
        "       or available locally via: info '(coreutils) sleep invocation'",
        '',
        'GNU coreutils 9.4                 April 2024                          SLEEP(1)',
        '',
      ].join('\n'),
      exitCode: 0,
    });
  });

  it('follows MANWIDTH', () => {
    expect(run('MANWIDTH=60 man sleep | head -1')).toEqual({ output: 'SLEEP(1)               User Commands              SLEEP(1)\n', exitCode: 0 });
  });

  it('lists options under OPTIONS on a page written by hand', () => {
    const { output } = run('man watch | head -20');
    expect(output).toBe(
      [
        'WATCH(1)                         User Commands                        WATCH(1)',
        '',
        'NAME',
        '       watch - execute a program periodically, showing output fullscreen',
        '',
        'SYNOPSIS',
        '       watch [options] command',
        '',
        'DESCRIPTION',
        '       Run  COMMAND  again  and  again, every 2 seconds (-n SECS), showing its',
        '       output on the whole screen with the time at the top.  Ctrl-C ends it.',
        '',
        'OPTIONS',
        '       -b, --beep',
        '              beep if command has a non-zero exit',
        '',
        '       -c, --color',
        '              interpret ANSI color and style sequences',
        '',
        '       -C, --no-color',
        '',
      ].join('\n'),
    );
  });

  it("docker's subcommands have cobra's pages: `man docker run` is docker-run(1)", () => {
    const page = run('man docker run | head -16');
    expect(page).toEqual(run('man docker-run | head -16'));
    expect(page.output).toBe(
      [
        'DOCKER(1)                     Docker User Manuals                    DOCKER(1)',
        '',
        'NAME',
        '       docker-run - Create and run a new container from an image',
        '',
        'SYNOPSIS',
        '       docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
        '',
        'DESCRIPTION',
        '       Create and run a new container from an image',
        '',
        'OPTIONS',
        '       --add-host=[] Add a custom host-to-IP mapping (host:ip)',
        '',
        '       --annotation=map[]  Add  an annotation to the container (passed through',
        '       to the OCI runtime)',
        '',
      ].join('\n'),
    );
    expect(run('man docker-container-ls | head -4').output).toBe('DOCKER(1)                     Docker User Manuals                    DOCKER(1)\n\nNAME\n       docker-container-ls - List containers\n');
    expect(run('man docker-nosuch')).toEqual({ output: 'No manual entry for docker-nosuch\n', exitCode: 16 });
  });
});

describe('man on a terminal', () => {
  it("shows the page in the pager, headings bold and arguments underlined, with man-db's prompt", async () => {
    const s = await openScreen();
    await s.keys('man ls\r');
    const rows = await styledRows(s);
    expect(rows.slice(0, 10)).toEqual([
      { text: 'LS(1)                            User Commands                           LS(1)', styles: '' },
      { text: '', styles: '' },
      { text: 'NAME', styles: 'BBBB' },
      { text: '       ls - list directory contents', styles: '' },
      { text: '', styles: '' },
      { text: 'SYNOPSIS', styles: 'BBBBBBBB' },
      { text: '       ls [OPTION]... [FILE]...', styles: '.......BB..UUUUUU......UUUU' },
      { text: '', styles: '' },
      { text: 'DESCRIPTION', styles: 'BBBBBBBBBBB' },
      { text: '       List  information  about  the FILEs (the current directory by default).', styles: '' },
    ]);
    expect(rows[23]).toEqual({ text: ' Manual page ls(1) line 1 (press h for help or q to quit)', styles: 'R'.repeat(57) });
    await s.keys('G');
    expect((await screenRows(s))[23]).toMatch(/^ Manual page ls\(1\) line \d+\/\d+ \(END\) \(press h for help or q to quit\)$/);
    await s.keys('g');
    expect((await screenRows(s))[23]).toMatch(/^ Manual page ls\(1\) line 1\/\d+ \d+% \(press h for help or q to quit\)$/);
    await s.keys('q');
    expect((await screenRows(s)).slice(0, 2)).toEqual([`${PROMPT} man ls`, PROMPT]);
  });

  it('searches ignore case in a lower-case pattern, as man-db runs less with -i', async () => {
    const s = await openScreen();
    await s.keys('man ls\r');
    await s.keys('/recursive\r');
    expect((await screenRows(s))[0]).toBe('       -R, --recursive');
  });
});
