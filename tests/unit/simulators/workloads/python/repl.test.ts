// Python's interactive prompt in containers: >>> and ..., values echoed as repr, tracebacks from
// <stdin>, state kept between statements, exit() and end of input.
import { describe, expect, it } from 'vitest';
import { createSession, stripAnsi } from '../../../../../simulators';
import { needsMore } from '../../../../../simulators/workloads/python';

const typed = (...lines: string[]) => lines.map((l) => `${l}\r`);

describe('needsMore', () => {
  it.each([
    ['1 + 1', false],
    ['for i in x:', true],
    ['for i in x:\n    print(i)', true],
    ['for i in x:\n    print(i)\n', false],
    ['print(1,', true],
    ['print(1,\n2)', false],
    ['x = """a', true],
    ['x = "a:"', false],
    ['x = 1 \\', true],
    ['# just a comment:', false],
    ['while True: pass', true],
    ['while True: pass\n', false],
    ['iffy = 1', false],
    ['d = {"a": [1,', true],
  ])('%j -> %s', (source, more) => expect(needsMore(source)).toBe(more));
});

describe('python at a terminal inside a container', () => {
  it('docker run -it python:3.12-slim starts the prompt; exit() ends it and the container', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    const r = s.run('docker run -it --name py python:3.12-slim', {
      input: typed('1 + 1', 'names = ["web", "db"]', 'for n in names:', '    print(n.upper())', '', 'len(names)', 'missing', 'exit', 'exit()'),
    });
    expect(r.exitCode).toBe(0);
    expect(stripAnsi(r.output)).toBe(
      [
        'Python 3.12.8 (main, Dec 24 2024, 22:20:41) [GCC 12.2.0] on linux',
        'Type "help", "copyright", "credits" or "license" for more information.',
        '>>> 1 + 1',
        '2',
        '>>> names = ["web", "db"]',
        '>>> for n in names:',
        '...     print(n.upper())',
        '... ',
        'WEB',
        'DB',
        '>>> len(names)',
        '2',
        '>>> missing',
        'Traceback (most recent call last):',
        '  File "<stdin>", line 1, in <module>',
        "NameError: name 'missing' is not defined",
        '>>> exit',
        'Use exit() or Ctrl-D (i.e. EOF) to exit',
        '>>> exit()',
        '',
      ].join('\n'),
    );
    expect(s.run('docker ps -a --format "{{.Names}} {{.Status}}"').output).toMatch(/^py Exited \(0\) /);
  });

  it('sys.exit(3) gives the code back; the end of input leaves with a newline', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    expect(s.run('docker run -it --rm python:3.12-slim', { input: typed('import sys', 'sys.exit(3)') }).exitCode).toBe(3);
    const r = s.run('docker run -it --rm python:3.12-slim', { input: typed('None') });
    expect(stripAnsi(r.output).endsWith('>>> None\n>>> \n')).toBe(true);
  });

  it('python typed in a container shell opens the prompt and returns to the shell', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    const r = s.run('docker run -it --rm python:3.12-slim bash', { input: typed('python', 'print(6 * 7)', 'quit()', 'echo back in $0', 'exit') });
    const out = stripAnsi(r.output);
    expect(out).toContain('>>> print(6 * 7)\n42\n>>> quit()\n');
    expect(out).toMatch(/root@[0-9a-f]{12}:\/# echo back in \$0\nback in bash\n/);
  });

  it('says plainly when a statement goes beyond the Python we model, and keeps going', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    // A one-line class still waits for its blank line, as Python's prompt does.
    const out = stripAnsi(s.run('docker run -it --rm python:3.12-slim', { input: typed('class A: pass', '', '2 * 21') }).output);
    expect(out.split('\n').slice(2).join('\n')).toBe('>>> class A: pass\n... \nberth: this uses Python that is not simulated here (class)\n>>> 2 * 21\n42\n>>> \n');
  });
});

describe('the Python prompt on a real screen', () => {
  it('shows ... for a block and leaves with a bare newline on Ctrl-D', async () => {
    const { openScreen } = await import('../../../helpers/screen');
    const screen = await openScreen();
    await screen.keys('docker pull python:3.12-slim\r');
    for (let i = 0; i < 40; i++) screen.timers.tick(250);
    await screen.keys('docker run -it --rm python:3.12-slim\r');
    for (let i = 0; i < 10; i++) screen.timers.tick(250);
    await screen.keys('for i in range(2):\r');
    await screen.keys('    print(i)\r');
    await screen.keys('\r');
    screen.timers.tick(100);
    await screen.keys('\x04');
    for (let i = 0; i < 4; i++) screen.timers.tick(250);
    const lines = await screen.lines();
    const at = lines.indexOf('>>> for i in range(2):');
    expect(lines.slice(at, at + 7)).toEqual(['>>> for i in range(2):', '...     print(i)', '...', '0', '1', '>>>', 'learner@laptop:~$']);
  });
});
