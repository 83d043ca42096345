// procps-ng 4.0.4's watch through the terminal driver and a headless xterm, simulated time passing
// with the fake timers: whole screens, the header laid out as watch.c lays it out.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';
import { openScreen } from '../../../helpers/screen';
import { run } from './helpers';
import { rowStyles, screenRows } from '../pager/styles';

const PROMPT = 'learner@laptop:~$';
const blank = (n: number) => Array<string>(n).fill('');
const header = (left: string, time: string, cols = 80) => `${left}${' '.repeat(cols - left.length - `laptop: ${time}`.length)}laptop: ${time}`;

describe('watch on a terminal', () => {
  it('shows the header, a blank line and the output, and runs the command again every 2 seconds', async () => {
    const s = await openScreen();
    await s.keys('watch date\r');
    expect(await screenRows(s)).toEqual([header('Every 2.0s: date', 'Mon Mar  3 09:00:00 2025'), '', 'Mon Mar  3 09:00:00 UTC 2025', ...blank(21)]);
    s.timers.tick(2000);
    expect(await screenRows(s)).toEqual([header('Every 2.0s: date', 'Mon Mar  3 09:00:02 2025'), '', 'Mon Mar  3 09:00:02 UTC 2025', ...blank(21)]);
    s.timers.tick(1999);
    expect((await screenRows(s))[2]).toBe('Mon Mar  3 09:00:02 UTC 2025');
    s.timers.tick(1);
    expect((await screenRows(s))[2]).toBe('Mon Mar  3 09:00:04 UTC 2025');
  });

  it('^C ends it with status 0: the shell screen comes back and the rest of the line runs', async () => {
    const s = await openScreen();
    await s.keys('echo before; watch -n 1 date; echo after $?\r');
    s.timers.tick(3000);
    await s.keys('\x03');
    expect(await screenRows(s)).toEqual([`${PROMPT} echo before; watch -n 1 date; echo after $?`, 'before', 'after 0', PROMPT, ...blank(20)]);
  });

  it('-n sets the interval (0.1 s at least), -t leaves the header out', async () => {
    const s = await openScreen();
    await s.keys('watch -t -n 0.5 echo hi\r');
    expect(await screenRows(s)).toEqual(['hi', ...blank(23)]);
    await s.keys('\x03');
    await s.keys('watch -n 0,01 date\r');
    expect((await screenRows(s))[0].startsWith('Every 0.1s: date ')).toBe(true);
    s.timers.tick(100);
    expect((await screenRows(s))[2]).toBe('Mon Mar  3 09:00:00 UTC 2025');
    s.timers.tick(900);
    expect((await screenRows(s))[2]).toBe('Mon Mar  3 09:00:01 UTC 2025');
  });

  it('cuts a command too long for the header with "... ", as watch.c does', async () => {
    const s = await openScreen({ cols: 50 });
    await s.keys('watch -n 1 echo a very long command line for the header\r');
    expect((await screenRows(s))[0]).toBe('Every 1.0s: e...  laptop: Mon Mar  3 09:00:00 2025');
  });

  it('wraps long lines, expands tabs to 8 columns, beeps at a BEL and shows other controls as ^', async () => {
    const s = await openScreen({ cols: 40 });
    s.session.writeFile('data.txt', `${'x'.repeat(45)}\na\tb\x07c\x01d\n${'y'.repeat(40)}\nz\n`);
    await s.keys('watch -t cat data.txt\r');
    // A line that fills the row exactly has its newline spent there: no blank row after it.
    expect((await screenRows(s)).slice(0, 6)).toEqual(['x'.repeat(40), 'xxxxx', 'a       b c^d', 'y'.repeat(40), 'z', '']);
  });

  it('-w cuts long lines instead', async () => {
    const s = await openScreen({ cols: 40 });
    s.session.writeFile('data.txt', `${'x'.repeat(45)}\nnext\n`);
    await s.keys('watch -t -w cat data.txt\r');
    expect((await screenRows(s)).slice(0, 3)).toEqual(['x'.repeat(40), 'next', '']);
  });

  it('-d shows what changed since the last run in reverse video', async () => {
    const s = await openScreen();
    await s.keys('watch -t -d -n 1 date +%S:%M\r');
    expect(await rowStyles(s, 0)).toBe('');
    s.timers.tick(1000);
    expect((await screenRows(s))[0]).toBe('01:00');
    expect(await rowStyles(s, 0)).toBe('.R');
  });

  it('redraws `docker ps` as containers come and go', async () => {
    const s = await openScreen({ cols: 120 });
    s.session.run('docker pull alpine');
    s.session.run('docker run -d --name tmp alpine sleep 5');
    await s.keys('watch -t docker ps\r');
    s.timers.tick(40); // docker ps takes its 40 ms to answer
    const first = await screenRows(s);
    expect(first[0]).toBe('CONTAINER ID   IMAGE     COMMAND     CREATED                  STATUS                  PORTS     NAMES');
    expect(first[1]).toMatch(/^[0-9a-f]{12} {3}alpine {4}"sleep 5" {3}Less than a second ago {3}Up Less than a second {13}tmp$/);
    // Each run takes docker's 40 ms, then watch sleeps its 2 seconds.
    s.timers.tick(2040);
    expect((await screenRows(s))[1]).toMatch(/ {3}2 seconds ago {3}Up 2 seconds {13}tmp$/);
    s.timers.tick(2040);
    expect((await screenRows(s))[1]).toMatch(/ {3}4 seconds ago {3}Up 4 seconds {13}tmp$/);
    s.timers.tick(2040);
    expect((await screenRows(s)).slice(0, 2)).toEqual(['CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES', '']);
  });

  it('runs the command through sh: its errors in dash\'s words, pipes and variables, and a cd that stays inside', async () => {
    const s = await openScreen();
    await s.keys('watch -t nosuch\r');
    expect((await screenRows(s))[0]).toBe('sh: 1: nosuch: not found');
    await s.keys('\x03');
    await s.keys("watch -t 'cd /tmp; pwd | tr a-z A-Z'\r");
    expect((await screenRows(s))[0]).toBe('/TMP');
    await s.keys('\x03');
    await s.keys('pwd\r');
    expect((await screenRows(s)).slice(-21, -19)).toEqual(['/home/learner', PROMPT]);
  });

  it('-g exits when the output changes, -e when the command fails (status 8, after a key)', async () => {
    const s = await openScreen();
    await s.keys('watch -g -n 1 date +%S; echo done $?\r');
    s.timers.tick(1000);
    expect((await screenRows(s)).slice(1, 3)).toEqual(['done 0', PROMPT]);
    await s.keys('watch -e false; echo status $?\r');
    expect((await screenRows(s))[23]).toBe('command exit with a non-zero status, press a key to exit');
    await s.keys('x');
    expect((await screenRows(s)).slice(3, 5)).toEqual(['status 8', PROMPT]);
  });

  it('-x runs the words as they are, without sh; -q N exits after N runs that changed nothing', async () => {
    const s = await openScreen();
    await s.keys("watch -t -x echo 'a  b' c\r");
    expect((await screenRows(s))[0]).toBe('a  b c');
    await s.keys('\x03');
    await s.keys('clear\r');
    await s.keys('watch -t -q 2 -n 1 echo same; echo ended\r');
    s.timers.tick(1000);
    expect((await screenRows(s))[0]).toBe('same');
    s.timers.tick(1000);
    expect((await screenRows(s)).slice(0, 3)).toEqual([`${PROMPT} watch -t -q 2 -n 1 echo same; echo ended`, 'ended', PROMPT]);
  });

  it('a runaway command is cut by its own budget, and watch goes on', async () => {
    const s = await openScreen();
    await s.keys("watch -t 'echo start; while true; do :; done'\r");
    for (let i = 0; i < 50 && !(await screenRows(s))[0]; i++) s.timers.tick(0);
    expect((await screenRows(s))[0]).toBe('start');
    await s.keys('\x03');
    expect((await screenRows(s))[1]).toBe(PROMPT);
  });
});

describe('watch: its command line', () => {
  const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -C, --no-color         do not interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -r, --no-rerun         do not rerun program on window resize
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

  it('prints its usage on stderr without a command or with a wrong option, and fails', () => {
    expect(run('watch')).toEqual({ output: USAGE, exitCode: 1 });
    expect(run('watch -z date')).toEqual({ output: `watch: invalid option -- 'z'\n${USAGE}`, exitCode: 1 });
    expect(run('watch --foo date')).toEqual({ output: `watch: unrecognized option '--foo'\n${USAGE}`, exitCode: 1 });
    expect(run('watch -n')).toEqual({ output: `watch: option requires an argument -- 'n'\n${USAGE}`, exitCode: 1 });
  });

  it('refuses an interval it cannot read', () => {
    expect(run('watch -n abc date')).toEqual({ output: "watch: failed to parse argument: 'abc': Invalid argument\n", exitCode: 1 });
    expect(run('WATCH_INTERVAL=x watch date')).toEqual({ output: "watch: Could not parse interval from WATCH_INTERVAL: 'x': Invalid argument\n", exitCode: 1 });
  });

  it('--help and --version', () => {
    expect(run('watch --help')).toEqual({ output: USAGE, exitCode: 0 });
    expect(run('watch -v')).toEqual({ output: 'watch from procps-ng 4.0.4\n', exitCode: 0 });
  });

  it('stops reading options at the command, so its own stay its own', () => {
    const s = run('watch -t -n 1 ls -l /', 'true');
    expect(s.output).toContain('\x1b[1;1Htotal ');
  });

  it('without a terminal draws into its output until cut', () => {
    const { output, exitCode } = run('watch -t echo hi');
    expect(exitCode).toBe(0);
    expect(output).toBe('\x1b[?1049h\x1b[H\x1b[2J\x1b[1;1Hhi\x1b[K\x1b[24;1H^C\n\x1b[?1049l');
  });

  it('goes in the record of commands with its first run of the command, not every rerun', () => {
    const s = createSession();
    s.run('watch -t echo hi', { maxSimMs: 5000 });
    const start = Date.UTC(2025, 2, 3, 9);
    expect(s.snapshot().record.commands.map((c) => [c.argv, c.exitCode, c.start - start, c.end - start])).toEqual([
      [['echo', 'hi'], 0, 0, 0],
      [['watch', '-t', 'echo', 'hi'], 0, 0, 5000],
    ]);
  });
});
