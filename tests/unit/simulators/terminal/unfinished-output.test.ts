// Output that does not end its line stays on screen, and the next prompt follows it on the same
// row, as bash 5.2 draws it (checked with `script` around `bash -i`: `abclearner@laptop:~$ `).
import { describe, expect, it } from 'vitest';
import { openScreen } from '../../helpers/screen';

const PROMPT = 'learner@laptop:~$';

describe('a prompt after output without a final newline', () => {
  it('follows printf and echo -n on their row', async () => {
    const s = await openScreen();
    await s.keys('printf abc\r');
    await s.keys('echo -n xyz\r');
    expect(await s.lines()).toEqual([`${PROMPT} printf abc`, `abc${PROMPT} echo -n xyz`, `xyz${PROMPT}`]);
    expect(await s.cursor()).toEqual({ x: 3 + PROMPT.length + 1, y: 2 });
  });

  it('keeps the output while the line is typed, edited and recalled from history', async () => {
    const s = await openScreen();
    await s.keys('printf abc\r');
    await s.keys('echo onee');
    await s.keys('\x7f'); // Backspace
    await s.keys('\x01\x1b[C'); // Home, then right: the cursor sits after the "e" of echo
    expect(await s.lines()).toEqual([`${PROMPT} printf abc`, `abc${PROMPT} echo one`]);
    expect(await s.cursor()).toEqual({ x: 3 + PROMPT.length + 2, y: 1 });
    await s.keys('\x1b[A'); // Up: the previous line replaces the typed one, after "abc" still
    expect(await s.lines()).toEqual([`${PROMPT} printf abc`, `abc${PROMPT} printf abc`]);
    await s.keys('\x15echo done\r');
    expect(await s.lines()).toEqual([`${PROMPT} printf abc`, `abc${PROMPT} echo done`, 'done', PROMPT]);
  });

  it('shows the closing brace of the config.json docker login writes', async () => {
    const s = await openScreen();
    s.session.run('echo secret | docker login -u learner --password-stdin');
    await s.keys('cat ~/.docker/config.json\r');
    expect(await s.lines()).toEqual([
      `${PROMPT} cat ~/.docker/config.json`,
      '{',
      '        "auths": {',
      '                "https://index.docker.io/v1/": {',
      '                        "auth": "bGVhcm5lcjpzZWNyZXQ="',
      '                }',
      '        }',
      `}${PROMPT}`,
    ]);
  });

  it('wraps a typed line that starts after the output at the right column', async () => {
    const s = await openScreen({ cols: 40 });
    await s.keys('printf 0123456789\r');
    // 10 columns of output + 18 of prompt leave 12 before the edge.
    await s.keys('echo abcdefghijklmnopqrst');
    expect(await s.lines()).toEqual([`${PROMPT} printf 0123456789`, `0123456789${PROMPT} echo abcdefg`, 'hijklmnopqrst']);
    expect(await s.cursor()).toEqual({ x: 13, y: 2 });
    await s.keys('\x01'); // Home goes back up to the row of the output
    expect(await s.cursor()).toEqual({ x: 28, y: 1 });
    await s.keys('\x05\r');
    expect(await s.lines()).toEqual([`${PROMPT} printf 0123456789`, `0123456789${PROMPT} echo abcdefg`, 'hijklmnopqrst', 'abcdefghijklmnopqrst', PROMPT]);
  });

  it('starts on the next row when the output filled its row exactly, and after it when longer', async () => {
    const s = await openScreen({ cols: 40 });
    await s.keys(`printf %040d 0\r`);
    expect(await s.lines()).toEqual([`${PROMPT} printf %040d 0`, '0'.repeat(40), PROMPT]);
    await s.keys(`printf %045d 0\r`);
    expect(await s.lines()).toEqual([`${PROMPT} printf %040d 0`, '0'.repeat(40), `${PROMPT} printf %045d 0`, '0'.repeat(40), `00000${PROMPT}`]);
  });

  it('counts tabs to their stops and ignores colour escapes', async () => {
    const s = await openScreen();
    await s.keys(`printf 'a\\tb\\e[1mB\\e[0m'\r`);
    expect(await s.lines()).toEqual([`${PROMPT} printf 'a\\tb\\e[1mB\\e[0m'`, `a       bB${PROMPT}`]);
    expect(await s.cursor()).toEqual({ x: 10 + PROMPT.length + 1, y: 1 });
  });

  it('moves to a new row when Ctrl-C interrupts a command that left its line open', async () => {
    const s = await openScreen();
    await s.keys('printf abc; sleep 10\r');
    s.timers.tick(1000);
    await s.keys('\x03');
    expect(await s.lines()).toEqual([`${PROMPT} printf abc; sleep 10`, 'abc^C', PROMPT]);
  });

  it('draws the prompt at the start of the row after Ctrl-L and a Tab listing', async () => {
    const s = await openScreen();
    await s.keys('printf abc\r');
    await s.keys('\x0c');
    expect(await s.lines()).toEqual([PROMPT]);
    await s.keys('printf abc\r');
    await s.keys('he\t\t');
    expect((await s.lines()).slice(1)).toEqual([`abc${PROMPT} he`, 'head  help', `${PROMPT} he`]);
  });

  it('comes back after nano to where the line began', async () => {
    const s = await openScreen();
    await s.keys('nano notes.txt\r');
    await s.keys('\x18');
    expect(await s.lines()).toEqual([`${PROMPT} nano notes.txt`, PROMPT]);
  });
});
