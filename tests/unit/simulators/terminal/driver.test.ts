import { describe, expect, it } from 'vitest';
import { openScreen } from '../../helpers/screen';

const PROMPT = 'learner@laptop:~$';

describe('terminal driver', () => {
  it('shows the prompt and runs a typed command', async () => {
    const s = await openScreen();
    expect(await s.lines()).toEqual([`${PROMPT}`]);
    await s.keys('echo hello\r');
    expect(await s.lines()).toEqual([`${PROMPT} echo hello`, 'hello', `${PROMPT}`]);
  });

  it('prints a banner before the first prompt', async () => {
    const s = await openScreen({ banner: 'Welcome\n' });
    expect(await s.lines()).toEqual(['Welcome', PROMPT]);
  });

  it('changes directory and shows it in the prompt', async () => {
    const s = await openScreen();
    await s.keys('mkdir -p projects/demo\r');
    await s.keys('cd projects/demo\r');
    await s.keys('pwd\r');
    expect(await s.lines()).toEqual([
      `${PROMPT} mkdir -p projects/demo`,
      `${PROMPT} cd projects/demo`,
      'learner@laptop:~/projects/demo$ pwd',
      '/home/learner/projects/demo',
      'learner@laptop:~/projects/demo$',
    ]);
  });

  it('edits the line with arrows, Home/End and Ctrl keys', async () => {
    const s = await openScreen();
    await s.keys('echo wrld');
    await s.keys('\x1b[D\x1b[D\x1b[D'); // cursor before "rld"
    await s.keys('o');
    await s.keys('\x01'); // Ctrl-A
    await s.keys('\x05'); // Ctrl-E
    await s.keys('!\r');
    expect(await s.lines()).toEqual([`${PROMPT} echo world!`, 'world!', PROMPT]);
  });

  it('kills words and lines: Ctrl-W, Ctrl-U, Ctrl-K', async () => {
    const s = await openScreen();
    await s.keys('echo one two three\x17\r'); // Ctrl-W removes "three"
    const first = [`${PROMPT} echo one two`, 'one two'];
    expect(await s.lines()).toEqual([...first, PROMPT]);
    await s.keys('garbage\x15echo clean\r'); // Ctrl-U clears the line
    const second = [`${PROMPT} echo clean`, 'clean'];
    expect(await s.lines()).toEqual([...first, ...second, PROMPT]);
    await s.keys('echo keep drop\x1b[D\x1b[D\x1b[D\x1b[D\x0b\r'); // Ctrl-K cuts "drop"
    expect(await s.lines()).toEqual([...first, ...second, `${PROMPT} echo keep`, 'keep', PROMPT]);
  });

  it('recalls history with Up and Down', async () => {
    const s = await openScreen();
    await s.keys('echo first\r');
    await s.keys('echo second\r');
    await s.keys('\x1b[A\x1b[A');
    let lines = await s.lines();
    expect(lines[lines.length - 1]).toBe(`${PROMPT} echo first`);
    await s.keys('\x1b[B');
    lines = await s.lines();
    expect(lines[lines.length - 1]).toBe(`${PROMPT} echo second`);
    await s.keys('\r');
    expect(await s.lines()).toEqual([`${PROMPT} echo first`, 'first', `${PROMPT} echo second`, 'second', `${PROMPT} echo second`, 'second', PROMPT]);
  });

  it('completes command names, paths and flags with Tab', async () => {
    const s = await openScreen();
    await s.keys('mkdir projects\r');
    await s.keys('whoa\t');
    await s.keys('|');
    let lines = await s.lines();
    expect(lines[lines.length - 1]).toBe(`${PROMPT} whoami |`);
    await s.keys('\x15cd pro\t');
    lines = await s.lines();
    expect(lines[lines.length - 1]).toBe(`${PROMPT} cd projects/`);
    await s.keys('\x15ls --rev\t');
    await s.keys('|');
    lines = await s.lines();
    expect(lines[lines.length - 1]).toBe(`${PROMPT} ls --reverse |`);
  });

  it('lists the candidates on a second Tab', async () => {
    const s = await openScreen();
    await s.keys('h\t');
    await s.keys('\t');
    // bash lists the candidates under the line, then redraws the prompt with what was typed.
    expect(await s.lines()).toEqual([`${PROMPT} h`, 'head  help  history  hostname', `${PROMPT} h`]);
  });

  it('Ctrl-C at the prompt abandons the line', async () => {
    const s = await openScreen();
    await s.keys('echo never\x03');
    expect(await s.lines()).toEqual([`${PROMPT} echo never^C`, PROMPT]);
  });

  it('Ctrl-C interrupts a running command and time stops where it was', async () => {
    const s = await openScreen();
    await s.keys('sleep 30; echo after\r');
    expect(s.driver.busy()).toBe(true);
    s.timers.tick(2000);
    await s.keys('\x03');
    expect(s.driver.busy()).toBe(false);
    const lines = await s.lines();
    expect(lines).toEqual([`${PROMPT} sleep 30; echo after`, '^C', PROMPT]);
    expect(s.session.run('echo $?').output).toBe('130\n');
    expect(s.session.run('date +%T').output).toBe('09:00:02\n');
  });

  it('sleep finishes in real time and then the next command runs', async () => {
    const s = await openScreen();
    await s.keys('sleep 1 && echo finished\r');
    expect(await s.lines()).toEqual([`${PROMPT} sleep 1 && echo finished`]);
    s.timers.tick(999);
    expect(s.driver.busy()).toBe(true);
    s.timers.tick(1);
    expect(await s.lines()).toEqual([`${PROMPT} sleep 1 && echo finished`, 'finished', PROMPT]);
  });

  it('keeps what is typed during a command and runs it afterwards', async () => {
    const s = await openScreen();
    await s.keys('sleep 1\r');
    await s.keys('echo typed-ahead\r');
    s.timers.tick(1000);
    // Only the end is compared: a real tty also echoes the typed-ahead line under `sleep 1` while
    // it runs, which this terminal does not show yet.
    expect((await s.lines()).slice(-3)).toEqual([`${PROMPT} echo typed-ahead`, 'typed-ahead', PROMPT]);
  });

  it('continues an unfinished quote on a > prompt', async () => {
    const s = await openScreen();
    await s.keys('echo "one\r');
    expect((await s.lines()).at(-1)).toBe('>');
    await s.keys('two"\r');
    expect(await s.lines()).toEqual([`${PROMPT} echo "one`, '> two"', 'one', 'two', PROMPT]);
  });

  it('writes a file with a heredoc typed line by line', async () => {
    const s = await openScreen();
    await s.keys('cat <<EOF > notes.txt\r');
    await s.keys('line one\r');
    await s.keys('line $USER\r');
    await s.keys('EOF\r');
    expect(s.session.run('cat notes.txt').output).toBe('line one\nline learner\n');
  });

  it('runs a multi-line paste line by line', async () => {
    const s = await openScreen();
    await s.keys('mkdir app\rcd app\rtouch a b\rls\r');
    expect(await s.lines()).toEqual([
      `${PROMPT} mkdir app`,
      `${PROMPT} cd app`,
      'learner@laptop:~/app$ touch a b',
      'learner@laptop:~/app$ ls',
      'a  b',
      'learner@laptop:~/app$',
    ]);
  });

  it('lets cat read typed lines until Ctrl-D', async () => {
    const s = await openScreen();
    await s.keys('cat > typed.txt\r');
    await s.keys('hello\r');
    await s.keys('world\r');
    await s.keys('\x04');
    expect(s.driver.busy()).toBe(false);
    expect(s.session.run('cat typed.txt').output).toBe('hello\nworld\n');
  });

  it('keeps a long line correct across wrapped rows while editing in the middle', async () => {
    const s = await openScreen({ cols: 30 });
    const long = 'echo ' + 'x'.repeat(40) + 'END';
    await s.keys(long);
    await s.keys('\x01'); // to start
    await s.keys('\x1b[C'.repeat(5)); // after "echo "
    await s.keys('y');
    await s.keys('\x05!');
    const joined = (await s.lines()).join('');
    expect(joined).toBe(`${PROMPT} echo y${'x'.repeat(40)}END!`);
    await s.keys('\r');
    // The line as typed over three rows of 30, then echo's output over two.
    expect(await s.lines()).toEqual([`${PROMPT} echo yxxxxxx`, 'x'.repeat(30), 'xxxxEND!', `y${'x'.repeat(29)}`, `${'x'.repeat(11)}END!`, PROMPT]);
  });

  it('clears the screen with Ctrl-L and with clear', async () => {
    const s = await openScreen();
    await s.keys('echo one\r');
    await s.keys('\x0c');
    let lines = await s.lines();
    expect(lines.filter(Boolean)).toEqual([PROMPT]);
    await s.keys('echo two\rclear\r');
    lines = await s.lines();
    expect(lines.filter(Boolean)).toEqual([PROMPT]);
  });

  it('survives a 1 MB paste and still answers', async () => {
    const s = await openScreen();
    await s.keys('x'.repeat(1024 * 1024));
    await s.keys('\x15echo ok\r');
    expect((await s.lines()).slice(-3)).toEqual([`${PROMPT} echo ok`, 'ok', PROMPT]);
  });

  it('survives control characters and stray escapes', async () => {
    const s = await openScreen();
    let junk = '';
    for (let i = 0; i < 32; i++) if (i !== 13 && i !== 10 && i !== 3 && i !== 4 && i !== 12 && i !== 9) junk += String.fromCharCode(i);
    await s.keys(junk + '\x1b[99~\x1b[1;2Q\x1bZ');
    await s.keys('\x15echo ok\r');
    expect(await s.lines()).toEqual([`${PROMPT} echo ok`, 'ok', PROMPT]);
  });
});

describe('nano in the terminal', () => {
  it('opens a file full-screen, edits, saves with Ctrl-O and leaves with Ctrl-X', async () => {
    const s = await openScreen();
    s.session.run('echo "print(1)" > app.py');
    await s.keys('nano app.py\r');
    const blank = (n: number) => Array<string>(n).fill('');
    const shortcuts = [
      '^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location',
      '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line',
    ];
    expect(await s.lines()).toEqual([
      '  GNU nano 7.2                         app.py',
      'print(1)',
      ...blank(19),
      '                                [ Read 1 line ]',
      ...shortcuts,
    ]);
    await s.keys('\x1b[B'); // down to the empty last line
    await s.keys('print(2)');
    await s.keys('\x0f'); // Ctrl-O
    expect(await s.lines()).toEqual([
      '  GNU nano 7.2                         app.py                         Modified',
      'print(1)',
      'print(2)',
      ...blank(18),
      'File Name to Write: app.py',
      '^G Help             M-D DOS Format      M-A Append          M-B Backup File',
      '^C Cancel           M-M Mac Format      M-P Prepend         ^T Browse',
    ]);
    await s.keys('\r');
    expect(await s.lines()).toEqual([
      '  GNU nano 7.2                         app.py',
      'print(1)',
      'print(2)',
      ...blank(18),
      '                               [ Wrote 2 lines ]',
      ...shortcuts,
    ]);
    await s.keys('\x18'); // Ctrl-X
    expect(s.driver.busy()).toBe(false);
    expect(s.session.run('cat app.py').output).toBe('print(1)\nprint(2)\n');
    // nano leaves the alternate screen: the shell's screen is back as it was, with a new prompt.
    expect(await s.lines()).toEqual([`${PROMPT} nano app.py`, PROMPT]);
  });

  it('asks to save on Ctrl-X when modified, and Ctrl-C inside nano is a key, not an interrupt', async () => {
    const s = await openScreen();
    await s.keys('nano notes.txt\r');
    expect(await s.text()).toContain('[ New File ]');
    await s.keys('hello');
    await s.keys('\x03'); // Ctrl-C shows the cursor position in nano
    expect(s.driver.busy()).toBe(true);
    expect(await s.text()).toMatch(/\[ line +1\/ *2 /);
    await s.keys('\x18');
    expect(await s.text()).toContain('Save modified buffer?');
    await s.keys('y');
    expect(await s.text()).toContain('File Name to Write: notes.txt');
    await s.keys('\r');
    expect(s.driver.busy()).toBe(false);
    expect(s.session.run('cat notes.txt').output).toBe('hello\n');
  });

  it('reports a write it may not do, and keeps the buffer', async () => {
    const s = await openScreen();
    await s.keys('nano /etc/hosts\r');
    await s.keys('x\x0f\r');
    expect(await s.text()).toContain('[ Error writing /etc/hosts: Permission denied ]');
    await s.keys('\x18n');
    expect(s.driver.busy()).toBe(false);
    expect(s.session.run('cat /etc/hosts').output).toBe('127.0.0.1 localhost\n127.0.1.1 laptop\n');
  });
});
