// util-linux 2.39's more on an 80x24 terminal (the driver and a headless xterm), and in pipes.
// The screens before the end were checked against the real more on this machine; at the end of the
// text 2.39 exits (Ubuntu 24.04), where 2.38 here waits at (END).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { openScreen, type Screen } from '../../../helpers/screen';
import { run } from './helpers';
import { rowStyles, screenRows } from '../pager/styles';

const PROMPT = 'learner@laptop:~$';
const numbered = (from: number, to: number, word = 'line') => Array.from({ length: to - from + 1 }, (_, i) => `${word} ${from + i}`);
const blank = (n: number) => Array<string>(n).fill('');
const LONG = numbered(1, 100).map((l) => `${l}\n`).join('');

async function withFiles(): Promise<Screen> {
  const s = await openScreen();
  s.session.writeFile('long.txt', LONG);
  s.session.writeFile('short.txt', 'alpha\nbeta\ngamma\n');
  s.session.writeFile('mixed.txt', `${numbered(1, 30, 'row').join('\n')}\nError: disk full\n${numbered(1, 30, 'more').join('\n')}\nerror again\n`);
  return s;
}

describe('more on a terminal', () => {
  it('writes a screenful and asks --More-- with how far it is, in reverse video', async () => {
    const s = await withFiles();
    await s.keys('more long.txt\r');
    expect(await screenRows(s)).toEqual([...numbered(1, 23), '--More--(22%)']);
    expect(await rowStyles(s, 23)).toBe('R'.repeat(13));
  });

  it('SPACE shows the next screen, RETURN one more line, q ends where it is', async () => {
    const s = await withFiles();
    await s.keys('more long.txt\r');
    await s.keys(' ');
    expect(await screenRows(s)).toEqual([...numbered(24, 46), '--More--(45%)']);
    await s.keys('\r');
    expect(await screenRows(s)).toEqual([...numbered(25, 47), '--More--(46%)']);
    await s.keys('q');
    expect(await screenRows(s)).toEqual([...numbered(25, 47), PROMPT]);
  });

  it('b goes back a page, d scrolls half a screen', async () => {
    const s = await withFiles();
    await s.keys('more long.txt\r');
    await s.keys('  b');
    expect(await screenRows(s)).toEqual([...numbered(23, 45), '--More--(44%)']);
    await s.keys('d');
    expect(await screenRows(s)).toEqual([...numbered(34, 56), '--More--(55%)']);
  });

  it('ends by itself after the last line', async () => {
    const s = await withFiles();
    await s.keys('more long.txt\r');
    await s.keys('    ');
    expect(await screenRows(s)).toEqual([...numbered(78, 100), PROMPT]);
  });

  it('a file that fits is written out at once', async () => {
    const s = await withFiles();
    await s.keys('more short.txt\r');
    expect(await screenRows(s)).toEqual([`${PROMPT} more short.txt`, 'alpha', 'beta', 'gamma', PROMPT, ...blank(19)]);
  });

  it('from a pipe it has no percentage', async () => {
    const s = await withFiles();
    await s.keys('seq 100 | more\r');
    expect(await screenRows(s)).toEqual([...Array.from({ length: 23 }, (_, i) => String(i + 1)), '--More--']);
    await s.keys(' q');
    expect(await screenRows(s)).toEqual([...Array.from({ length: 23 }, (_, i) => String(i + 24)), PROMPT]);
  });

  it('/pattern skips ahead to the match, two lines before it, and says so', async () => {
    const s = await withFiles();
    await s.keys('more mixed.txt\r');
    await s.keys('/more 2');
    expect((await screenRows(s))[23]).toBe('/more 2');
    await s.keys('0\r');
    // The typed pattern stays above "...skipping"; the rest of the file fits, so more then ends.
    expect(await screenRows(s)).toEqual([...numbered(17, 23, 'row'), '/more 20', '...skipping', ...numbered(18, 30, 'more'), 'error again', PROMPT]);
  });

  it('= shows the line number, and an unknown key rings the bell', async () => {
    const s = await withFiles();
    await s.keys('more long.txt\r');
    await s.keys('=');
    expect((await screenRows(s))[23]).toBe('23');
    await s.keys('x');
    expect(s.raw[s.raw.length - 1]).toBe('\x07');
  });
});

describe('more off the terminal, and its errors', () => {
  it('copies its input, with a banner before each file when there are several', () => {
    expect(run('more a.txt | cat', "printf 'x\\n' > a.txt")).toEqual({ output: 'x\n', exitCode: 0 });
    expect(run('more a.txt b.txt | cat', "printf 'x\\n' > a.txt", "printf 'y\\n' > b.txt")).toEqual({
      output: '::::::::::::::\na.txt\n::::::::::::::\nx\n::::::::::::::\nb.txt\n::::::::::::::\ny\n',
      exitCode: 0,
    });
    expect(run('echo hi | more | cat')).toEqual({ output: 'hi\n', exitCode: 0 });
  });

  it("says what it cannot open, in util-linux's words", () => {
    expect(run('more nosuch')).toEqual({ output: 'more: cannot open nosuch: No such file or directory\n', exitCode: 0 });
    expect(run('more /tmp | cat')).toEqual({ output: '\n*** /tmp: directory ***\n\n', exitCode: 0 });
    expect(run('more')).toEqual({ output: "more: bad usage\nTry 'more --help' for more information.\n", exitCode: 1 });
    expect(run('more -z a')).toEqual({ output: "more: invalid option -- 'z'\nTry 'more --help' for more information.\n", exitCode: 1 });
    expect(run('more --foo a')).toEqual({ output: "more: unrecognized option '--foo'\nTry 'more --help' for more information.\n", exitCode: 1 });
    expect(run('more -n')).toEqual({ output: "more: option requires an argument -- 'n'\nTry 'more --help' for more information.\n", exitCode: 1 });
    expect(run('more -V')).toEqual({ output: 'more from util-linux 2.39.3\n', exitCode: 0 });
  });

  it('--help', () => {
    expect(run('more --help')).toEqual({
      output:
        '\nUsage:\n more [options] <file>...\n\nDisplay the contents of a file in a terminal.\n\nOptions:\n' +
        ' -d, --silent          display help instead of ringing bell\n' +
        ' -f, --logical         count logical rather than screen lines\n' +
        ' -l, --no-pause        suppress pause after form feed\n' +
        ' -c, --print-over      do not scroll, display text and clean line ends\n' +
        ' -p, --clean-print     do not scroll, clean screen and display text\n' +
        ' -e, --exit-on-eof     exit on end-of-file\n' +
        ' -s, --squeeze         squeeze multiple blank lines into one\n' +
        ' -u, --plain           suppress underlining and bold\n' +
        ' -n, --lines <number>  the number of lines per screenful\n' +
        ' -<number>             same as --lines\n' +
        ' +<number>             display file beginning from line number\n' +
        ' +/<pattern>           display file beginning from pattern match\n\n' +
        ' -h, --help            display this help\n' +
        ' -V, --version         display version\n\n' +
        'For more details see more(1).\n',
      exitCode: 0,
    });
  });
});

describe('more under random keys', () => {
  it('never throws and always ends', () => {
    const keys = [' ', '\r', 'b', 'd', 'f', 's', '=', ':f', ':n', ':p', '/', 'line 5\r', 'n', "'", 'h', '.', '\x0c', 'x', '5', 'z', '\x1b[A', '\x1b[B', '\x7f', 'q'];
    let x = 7;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 30; round++) {
      const input = Array.from({ length: 25 }, () => keys[Math.floor(next() * keys.length)]);
      const line = ['more long.txt', 'more short.txt long.txt', 'seq 300 | more', 'more -5 +10 long.txt', 'more +/line.9 long.txt'][round % 5];
      const session = createSession();
      session.run("seq -f 'line %g' 100 > long.txt");
      session.run("printf 'a\\nb\\n' > short.txt");
      const result = session.run(line, { input });
      expect(result.exitCode).toBe(0);
    }
  });
});
