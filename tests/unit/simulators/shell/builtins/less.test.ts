// less 590 on an 80x24 terminal, through the terminal driver and a headless xterm: whole screens,
// each checked against what the real less left on the same terminal (scripts/dev/compare-fullscreen.ts).
import { describe, expect, it } from 'vitest';
import { openScreen, type Screen } from '../../../helpers/screen';
import { rowStyles, screenRows, styledRows } from '../pager/styles';

const PROMPT = 'learner@laptop:~$';
const numbered = (from: number, to: number, word = 'line') => Array.from({ length: to - from + 1 }, (_, i) => `${word} ${from + i}`);
const tildes = (n: number) => Array<string>(n).fill('~');
const blank = (n: number) => Array<string>(n).fill('');
const LONG = numbered(1, 100).map((l) => `${l}\n`).join('');

async function withFiles(files: Record<string, string> = {}): Promise<Screen> {
  const s = await openScreen();
  s.session.writeFile('long.txt', LONG);
  s.session.writeFile('short.txt', 'alpha\nbeta\ngamma\n');
  s.session.writeFile('mixed.txt', `${numbered(1, 30, 'row').join('\n')}\nError: disk full\n${numbered(1, 30, 'more').join('\n')}\nerror again\n`);
  for (const [name, text] of Object.entries(files)) s.session.writeFile(name, text);
  return s;
}

describe('less: moving through a file', () => {
  it('shows the first page with the file name as prompt, in reverse video', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    expect(await screenRows(s)).toEqual([...numbered(1, 23), 'long.txt']);
    expect(await rowStyles(s, 23)).toBe('RRRRRRRR');
  });

  it('pages with SPACE and b, lines with j and k, and goes to the ends with G and g', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys(' ');
    expect(await screenRows(s)).toEqual([...numbered(24, 46), ':']);
    expect(await rowStyles(s, 23)).toBe(''); // the bare colon is not in reverse video
    await s.keys('b');
    expect(await screenRows(s)).toEqual([...numbered(1, 23), ':']);
    await s.keys('jj');
    expect(await screenRows(s)).toEqual([...numbered(3, 25), ':']);
    await s.keys('k');
    expect(await screenRows(s)).toEqual([...numbered(2, 24), ':']);
    await s.keys('G');
    expect(await screenRows(s)).toEqual([...numbered(78, 100), '(END)']);
    expect(await rowStyles(s, 23)).toBe('RRRRR');
    await s.keys('g');
    expect(await screenRows(s)).toEqual([...numbered(1, 23), ':']);
  });

  it('goes half a screen with d and u, a window with f and PAGE DOWN, a line with the arrows', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('f');
    expect((await screenRows(s))[0]).toBe('line 24');
    await s.keys('d');
    expect(await screenRows(s)).toEqual([...numbered(36, 58), ':']);
    await s.keys('u');
    expect((await screenRows(s))[0]).toBe('line 24');
    await s.keys('\x1b[6~');
    expect((await screenRows(s))[0]).toBe('line 47');
    await s.keys('\x1b[5~');
    expect((await screenRows(s))[0]).toBe('line 24');
    await s.keys('\x1b[B');
    expect((await screenRows(s))[0]).toBe('line 25');
    await s.keys('\x1b[A');
    expect((await screenRows(s))[0]).toBe('line 24');
  });

  it('stops at the end: SPACE and j ring the bell and leave the screen as it is', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('G');
    await s.keys(' ');
    await s.keys('j');
    expect(await screenRows(s)).toEqual([...numbered(78, 100), '(END)']);
    expect(s.raw.slice(-2).join('')).toContain('\x07');
    await s.keys('b');
    expect(await screenRows(s)).toEqual([...numbered(55, 77), ':']);
  });

  it('takes a number before a command: 5j, 50g, 10G, and shows the number as it is typed', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('5j');
    expect((await screenRows(s))[0]).toBe('line 6');
    await s.keys('50g');
    expect(await screenRows(s)).toEqual([...numbered(50, 72), ':']);
    await s.keys('3');
    expect((await screenRows(s))[23]).toBe(':3');
    await s.keys('k');
    expect((await screenRows(s))[0]).toBe('line 47');
    await s.keys('10G');
    expect((await screenRows(s))[0]).toBe('line 10');
    await s.keys('50%');
    expect((await screenRows(s))[0]).toBe('line 51');
  });

  it('says when a line number is past the end, until RETURN', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('500g');
    expect(await screenRows(s)).toEqual([...numbered(1, 23), 'Cannot seek to line number 500  (press RETURN)']);
    expect(await rowStyles(s, 23)).toBe('R'.repeat(46));
    await s.keys('\r');
    expect((await screenRows(s))[23]).toBe(':');
  });
});

describe('less: a file shorter than the screen', () => {
  it('is drawn where the cursor was, with the prompt right below it', async () => {
    const s = await withFiles();
    await s.keys('less short.txt\r');
    expect(await screenRows(s)).toEqual(['', 'alpha', 'beta', 'gamma', 'short.txt (END)', ...blank(19)]);
    await s.keys('j'); // nothing below: only the prompt changes
    expect(await screenRows(s)).toEqual(['', 'alpha', 'beta', 'gamma', '(END)', ...blank(19)]);
  });

  it('is repainted on the whole screen, `~` past its end, once a command scrolls it', async () => {
    const s = await withFiles();
    await s.keys('less short.txt\r');
    await s.keys('k');
    expect(await screenRows(s)).toEqual(['alpha', 'beta', 'gamma', ...tildes(20), '(END)']);
    expect(await rowStyles(s, 3)).toBe('B');
  });

  it('G puts its last line at the bottom, with `~` above the start', async () => {
    const s = await withFiles();
    await s.keys('less short.txt\r');
    await s.keys('G');
    expect(await screenRows(s)).toEqual([...tildes(20), 'alpha', 'beta', 'gamma', '(END)']);
  });

  it('an empty file is only its prompt', async () => {
    const s = await withFiles({ 'empty.txt': '' });
    await s.keys('less empty.txt\r');
    expect(await screenRows(s)).toEqual(['', 'empty.txt (END)', ...blank(22)]);
  });
});

describe('less: searching', () => {
  it('/ finds the pattern from the top line, n the next, N the one before; matches are highlighted', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('/line 9\r');
    expect(await screenRows(s)).toEqual([...numbered(9, 31), ':']);
    expect(await rowStyles(s, 0)).toBe('RRRRRR');
    expect(await rowStyles(s, 1)).toBe('');
    await s.keys('n');
    expect(await screenRows(s)).toEqual([...numbered(90, 100), ...tildes(12), '(END)']);
    expect((await styledRows(s)).slice(0, 11).map((r) => r.styles)).toEqual(Array(10).fill('RRRRRR').concat(['']));
    await s.keys('n');
    expect((await screenRows(s))[0]).toBe('line 91');
    await s.keys('N');
    expect((await screenRows(s))[0]).toBe('line 90');
    await s.keys('N');
    expect((await screenRows(s))[0]).toBe('line 9');
    await s.keys('N');
    expect(await screenRows(s)).toEqual([...numbered(9, 31), 'Pattern not found  (press RETURN)']);
    expect(await rowStyles(s, 23)).toBe('R'.repeat(33));
  });

  it('a match on the top line stays there; n then goes past it', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('/line 1\r');
    expect((await screenRows(s))[0]).toBe('line 1');
    await s.keys('n');
    expect((await screenRows(s))[0]).toBe('line 10');
  });

  it('? searches backward from the bottom of the screen', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('G?line 8\r');
    expect(await screenRows(s)).toEqual([...numbered(89, 100), ...tildes(11), '(END)']);
    await s.keys('g');
    await s.keys('G?line 5\r');
    expect((await screenRows(s))[0]).toBe('line 59');
    await s.keys('n');
    expect((await screenRows(s))[0]).toBe('line 58');
    await s.keys('N');
    expect((await screenRows(s))[0]).toBe('line 59');
  });

  it('uses extended regular expressions, shows what is typed, and refuses a broken pattern', async () => {
    const s = await withFiles();
    await s.keys('less mixed.txt\r');
    await s.keys('/[Ee]rr');
    expect((await screenRows(s))[23]).toBe('/[Ee]rr');
    await s.keys('or\r');
    expect((await screenRows(s))[0]).toBe('Error: disk full');
    expect(await rowStyles(s, 0)).toBe('RRRRR');
    await s.keys('n');
    expect(await screenRows(s)).toEqual(['error again', ...tildes(22), '(END)']);
    await s.keys('/a[\r');
    expect((await screenRows(s))[23]).toBe('Invalid pattern  (press RETURN)');
  });

  it('-i ignores case in a pattern without capitals; ! finds lines that do not match', async () => {
    const s = await withFiles();
    await s.keys('less -i mixed.txt\r');
    await s.keys('/error\r');
    expect((await screenRows(s))[0]).toBe('Error: disk full');
    await s.keys('q');
    await s.keys('less mixed.txt\r');
    await s.keys('/!row\r');
    expect((await screenRows(s))[0]).toBe('Error: disk full');
    expect(await rowStyles(s, 0)).toBe('');
  });

  it('n without a search, and ESC-u hiding the highlighting', async () => {
    const s = await withFiles();
    await s.keys('less mixed.txt\r');
    await s.keys('n');
    expect((await screenRows(s))[23]).toBe('No previous regular expression  (press RETURN)');
    await s.keys('\r/row\r');
    expect(await rowStyles(s, 0)).toBe('RRR');
    await s.keys('\x1bu');
    expect(await rowStyles(s, 0)).toBe('');
  });

  it('a key other than RETURN after a message is a command too', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('/nothing\r');
    await s.keys('G');
    expect(await screenRows(s)).toEqual([...numbered(78, 100), '(END)']);
  });
});

describe('less: options, prompts and other commands', () => {
  it('-N numbers the lines in seven columns', async () => {
    const s = await withFiles();
    await s.keys('less -N long.txt\r');
    expect((await screenRows(s)).slice(0, 2)).toEqual(['      1 line 1', '      2 line 2']);
    await s.keys('G');
    expect((await screenRows(s)).slice(21)).toEqual(['     99 line 99', '    100 line 100', '(END)']);
  });

  it('wraps long lines, or with -S cuts them with a reversed `>` and scrolls sideways', async () => {
    const wide = `${'x'.repeat(100)}\nshort\n${'0123456789'.repeat(17)}\nend\n`;
    const s = await withFiles({ 'wide.txt': wide });
    await s.keys('less wide.txt\r');
    expect((await screenRows(s)).slice(1, 9)).toEqual(['x'.repeat(80), 'x'.repeat(20), 'short', '0123456789'.repeat(8), '0123456789'.repeat(8), '0123456789', 'end', 'wide.txt (END)']);
    await s.keys('q');
    await s.keys('less -S wide.txt\r');
    const rows = await styledRows(s);
    expect(rows[s.term.buffer.active.cursorY - 4].text).toBe(`${'x'.repeat(79)}>`);
    await s.keys('\x1b[C');
    expect((await screenRows(s)).slice(0, 5)).toEqual(['x'.repeat(60), '', `${'0123456789'.repeat(7)}012345678>`, '', '~']);
  });

  it('= and ^G report the lines, bytes and percent shown', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('=');
    expect((await screenRows(s))[23]).toBe('long.txt lines 1-23/100 byte 175/792 22%  (press RETURN)');
    await s.keys('\r \x07');
    expect((await screenRows(s))[23]).toBe('long.txt lines 24-46/100 byte 359/792 45%  (press RETURN)');
  });

  it('from a pipe: `:` at first, the size unknown until the end has been seen', async () => {
    const s = await withFiles();
    await s.keys('seq 50 | less\r');
    expect(await screenRows(s)).toEqual([...Array.from({ length: 23 }, (_, i) => String(i + 1)), ':']);
    await s.keys('=');
    expect((await screenRows(s))[23]).toBe('lines 1-23 byte 60  (press RETURN)');
    await s.keys('\rG=');
    expect((await screenRows(s))[23]).toBe('lines 28-50/50 byte 141/141 (END)  (press RETURN)');
  });

  it(':n and :p go through the files named, with their place in the prompt', async () => {
    const s = await withFiles();
    await s.keys('less short.txt long.txt\r');
    expect((await screenRows(s))[4]).toBe('short.txt (file 1 of 2) (END) - Next: long.txt');
    await s.keys(':n');
    expect(await screenRows(s)).toEqual([...numbered(1, 23), 'long.txt (file 2 of 2)']);
    await s.keys(':p');
    expect(await screenRows(s)).toEqual(['alpha', 'beta', 'gamma', ...tildes(20), 'short.txt (file 1 of 2) (END) - Next: long.txt']);
  });

  it('a `:` or `Z` waiting for the rest of a command shows after a space; a wrong key rings the bell', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys(':');
    expect((await screenRows(s))[23]).toBe(' :');
    await s.keys('x');
    expect((await screenRows(s))[23]).toBe(':');
    await s.keys('Z');
    expect((await screenRows(s))[23]).toBe(' Z');
    await s.keys('Z');
    expect(await screenRows(s)).toEqual([`${PROMPT} less long.txt`, PROMPT, ...blank(22)]);
  });

  it('h shows the help text over the file, q goes back to the file', async () => {
    const s = await withFiles();
    await s.keys('less short.txt\r');
    await s.keys('h');
    const help = await styledRows(s);
    expect(help[1]).toEqual({ text: '                   SUMMARY OF LESS COMMANDS', styles: '...................BBBBBBB.BB.BBBB.BBBBBBBB' });
    expect(help[23]).toEqual({ text: 'HELP -- Press RETURN for more, or q when done', styles: 'R'.repeat(45) });
    await s.keys('q');
    expect(await screenRows(s)).toEqual(['alpha', 'beta', 'gamma', ...tildes(20), 'short.txt (END)']);
  });

  it('F waits for more data until ^C, and V tells the version', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('F');
    expect((await screenRows(s))[23]).toBe('Waiting for data... (interrupt to abort)');
    await s.keys('\x03');
    expect((await screenRows(s))[23]).toBe('(END)');
    await s.keys('V');
    expect((await screenRows(s))[23]).toBe('less 590  (press RETURN)');
  });

  it('+G starts at the end, +/pattern at a match, +N at a line', async () => {
    const s = await withFiles();
    await s.keys('less +G long.txt\r');
    expect(await screenRows(s)).toEqual([...numbered(78, 100), 'long.txt (END)']);
    await s.keys('q');
    await s.keys('less +30 long.txt\r');
    expect((await screenRows(s))[0]).toBe('line 30');
  });

  it('takes options from the LESS variable too, their dash optional', async () => {
    const s = await withFiles();
    await s.keys('export LESS=N\r');
    await s.keys('less long.txt\r');
    expect((await screenRows(s))[0]).toBe('      1 line 1');
  });

  it('-F prints a file that fits as it is; -X leaves the text on the terminal', async () => {
    const s = await withFiles();
    await s.keys('less -F short.txt\r');
    expect(await screenRows(s)).toEqual([`${PROMPT} less -F short.txt`, 'alpha', 'beta', 'gamma', PROMPT, ...blank(19)]);
    await s.keys('clear\r');
    await s.keys('less -X short.txt\r');
    expect(await screenRows(s)).toEqual([`${PROMPT} less -X short.txt`, 'alpha', 'beta', 'gamma', 'short.txt (END)', ...blank(19)]);
    await s.keys('q');
    expect(await screenRows(s)).toEqual([`${PROMPT} less -X short.txt`, 'alpha', 'beta', 'gamma', PROMPT, ...blank(19)]);
  });

  it('shows control characters as ^X and unknown escapes as ESC, in reverse video; -R styles colours', async () => {
    const s = await withFiles({ 'ctrl.txt': 'bell\x07here\x1b[1mbold\x1b[0m\n' });
    await s.keys('less ctrl.txt\r');
    const plain = await styledRows(s);
    expect(plain[1]).toEqual({ text: 'bell^GhereESC[1mboldESC[0m', styles: '....RR....RRR.......RRR' });
    await s.keys('q');
    await s.keys('less -R ctrl.txt\r');
    const raw = await styledRows(s);
    expect(raw[s.term.buffer.active.cursorY - 1]).toEqual({ text: 'bell^Gherebold', styles: '....RR....BBBB' });
  });

  it('draws man-style overstrikes as bold and underline', async () => {
    const s = await withFiles({ 'over.txt': 'N\bNA\bAM\bME\bE _\bf_\bi_\bl_\be\n' });
    await s.keys('less over.txt\r');
    expect((await styledRows(s))[1]).toEqual({ text: 'NAME file', styles: 'BBBB.UUUU' });
  });

  it('quits with q: the shell screen comes back as it was', async () => {
    const s = await withFiles();
    await s.keys('echo before\r');
    await s.keys('less long.txt\r');
    await s.keys('q');
    await s.keys('echo after $?\r');
    expect(await screenRows(s)).toEqual([`${PROMPT} echo before`, 'before', `${PROMPT} less long.txt`, `${PROMPT} echo after $?`, 'after 0', PROMPT, ...blank(18)]);
  });

  it('^C does nothing but show the prompt again, unless -K', async () => {
    const s = await withFiles();
    await s.keys('less long.txt\r');
    await s.keys('\x03');
    expect(await screenRows(s)).toEqual([...numbered(1, 23), ':']);
    await s.keys('q');
    await s.keys('less -K long.txt\r');
    await s.keys('\x03');
    expect((await screenRows(s)).slice(0, 3)).toEqual([`${PROMPT} less long.txt`, `${PROMPT} less -K long.txt`, PROMPT]);
  });
});

describe('less: errors, and off the terminal', () => {
  it('says what is wrong with a file and fails', async () => {
    const s = await withFiles();
    await s.keys('less nosuch; echo $?\r');
    await s.keys('less .; echo $?\r');
    await s.keys('less; echo $?\r');
    expect((await screenRows(s)).slice(0, 10)).toEqual([
      `${PROMPT} less nosuch; echo $?`,
      'nosuch: No such file or directory',
      '1',
      `${PROMPT} less .; echo $?`,
      '. is a directory',
      '1',
      `${PROMPT} less; echo $?`,
      'Missing filename ("less --help" for help)',
      '0',
      PROMPT,
    ]);
  });

  it('waits for RETURN after a bad option or a missing file before taking the screen', async () => {
    const s = await withFiles();
    await s.keys('less --foo nosuch short.txt\r');
    expect((await screenRows(s)).slice(0, 4)).toEqual([`${PROMPT} less --foo nosuch short.txt`, 'There is no foo option ("less --help" for help)', 'nosuch: No such file or directory', 'Press RETURN to continue']);
    await s.keys('\r');
    // The short file is drawn from where the cursor was, below those lines, on the alternate screen.
    expect(await screenRows(s)).toEqual(['', '', '', '', 'alpha', 'beta', 'gamma', 'short.txt (END)', ...blank(16)]);
  });

  it('an option still waiting for its value at the end is said, and less ends', async () => {
    const s = await withFiles();
    await s.keys('less -z\r');
    expect((await screenRows(s)).slice(0, 3)).toEqual([`${PROMPT} less -z`, 'Value is required after -z (--window)', PROMPT]);
  });

  it('in a pipe or a file it passes the text through, as cat does', async () => {
    const s = await withFiles();
    expect(s.session.run('less short.txt | cat')).toEqual({ output: 'alpha\nbeta\ngamma\n', exitCode: 0 });
    expect(s.session.run('echo hi | less -N > out; cat out')).toEqual({ output: 'hi\n', exitCode: 0 });
    expect(s.session.run('less short.txt nosuch 2>&1 | cat')).toEqual({ output: 'alpha\nbeta\ngamma\nnosuch: No such file or directory\n', exitCode: 0 });
    expect(s.session.run('less --version | head -1')).toEqual({ output: 'less 590 (GNU regular expressions)\n', exitCode: 0 });
  });

  it('ends quietly when the keyboard input ends (session.run without keys)', async () => {
    const s = await withFiles();
    const { output, exitCode } = s.session.run('less short.txt');
    expect(exitCode).toBe(0);
    expect(output).toBe('\x1b[?1049h\ralpha\x1b[K\r\nbeta\x1b[K\r\ngamma\x1b[K\r\n\x1b[0;7mshort.txt (END)\x1b[0m\x1b[K\r\x1b[K\x1b[?1049l');
  });

  it('a search through a huge file is bounded by its own budget, and the pager goes on', async () => {
    const s = await withFiles({ 'huge.txt': 'y\n'.repeat(2_000_000) });
    await s.keys('less huge.txt\r');
    await s.keys('/never\r');
    const rows = await screenRows(s);
    expect(rows[0]).toBe('y');
    expect(['Pattern not found  (press RETURN)', 'huge.txt', ':']).toContain(rows[23]);
    await s.keys('\rq');
    expect((await screenRows(s))[1]).toBe(PROMPT);
  });
});
