// The small Python is bounded as CPython is, or as a small machine running CPython would be:
// MemoryError, RecursionError at depth 1000, CPython 3.12's int-string limit, compile-time limits,
// and the line's work budget cutting what never ends. Outputs are compared whole with what
// CPython 3.12.1 printed for the same scripts (cpython-3.12.json, captured with 800 MB of memory,
// run both as a file and with -c).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../../../../simulators/core/budget';
import { createSession, stripAnsi } from '../../../../../simulators';
import { runPython, Unsupported } from '../../../../../simulators/workloads/python';
import captured from './cpython-3.12.json';

interface Captured {
  name: string;
  source: string;
  file: { stdout: string; stderr: string; code: number };
  c: { stdout: string; stderr: string; code: number };
}

const run = (source: string, file: string, budget = workBudget()) => {
  const r = runPython(source, { file, env: {}, cwd: '/app', budget });
  const text = (stream: string) => r.output.filter((o) => o.stream === stream).map((o) => o.text).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), code: r.interrupted ? 130 : r.exitCode };
};

describe('errors and limits as CPython 3.12 prints them', () => {
  it.each((captured as Captured[]).map((c) => [c.name, c] as const))('%s, as a file', (_, c) => {
    expect(run(c.source, '/app/app.py')).toEqual(c.file);
  });
  it.each((captured as Captured[]).map((c) => [c.name, c] as const))('%s, with -c', (_, c) => {
    expect(run(c.source, '<string>')).toEqual(c.c);
  });
});

describe('the work budget', () => {
  const cut = (source: string) => {
    const budget = workBudget();
    const started = performance.now();
    const r = runPython(source, { file: '<string>', env: {}, cwd: '/', budget });
    return { r, ms: performance.now() - started, budget };
  };

  it.each([
    ['while True: pass\n'],
    ['for i in range(10**12):\n    pass\n'],
    ['x = [i * 2 for i in range(10**9)]\n'],
    ['def f(x):\n    return x + 1\nwhile True:\n    f(1)\n'],
    ['s = ""\nwhile True:\n    s += "abc"\n'],
    ['x = list(range(4000000))\nx.sort()\n'],
    ['x = [[[[0] * 100] * 100] * 100] * 100\nprint(x)\n'],
    ['while True:\n    try:\n        pass\n    except:\n        pass\n'],
  ])('cuts %j with the budget spent, in well under the generous bound', (source) => {
    const { r, ms, budget } = cut(source);
    expect(r.interrupted).toBe(true);
    expect(r.exitCode).toBe(130);
    expect(budget.used).toBeGreaterThan(budget.limit);
    expect(ms).toBeLessThan(5000);
  });

  it('keeps what was printed before the cut', () => {
    const { r } = cut('print("started")\nwhile True:\n    pass\n');
    expect(r.output).toEqual([{ stream: 'stdout', text: 'started\n', atMs: 0 }]);
  });

  it('spends a loop pass and a statement for each turn, so nested loops share one count', () => {
    const budget = workBudget();
    runPython('for a in range(10):\n    for b in range(10):\n        pass\n', { file: '<string>', env: {}, cwd: '/', budget });
    // The outer for (4), 10 outer passes (2), 10 inner for statements (4), 100 inner passes (2),
    // 100 pass statements (4), and 11 calls of range (6).
    expect(budget.used).toBe(4 + 10 * 2 + 10 * 4 + 100 * 2 + 100 * 4 + 11 * 6);
  });

  it('without a budget falls back to its step limit and says so', () => {
    expect(() => runPython('while True: pass\n', { file: '<string>', env: {}, cwd: '/', maxSteps: 1000 })).toThrow(Unsupported);
  });
});

describe('python in a container, on the line\'s budget', () => {
  it('a script that never ends is cut as Ctrl-C would cut it, after what it printed', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    s.run('docker run -d --name py python:3.12-slim sleep 1000');
    const started = performance.now();
    expect(s.run(`docker exec py python -c 'print("start")\nwhile True: pass'; echo never`)).toEqual({ output: 'start\n^C\n', exitCode: 130 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(s.run(`docker exec py python -c 'x = "a" * 10**9'`)).toEqual({ output: 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nMemoryError\n', exitCode: 1 });
  });
});

describe('at the >>> prompt', () => {
  it('a statement that never ends is interrupted as Ctrl-C would, and the prompt comes back', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    const typed = (...lines: string[]) => lines.map((l) => `${l}\r`);
    const r = s.run('docker run -it --rm python:3.12-slim', { input: typed('while True: pass', '', '6 * 7', 'exit()') });
    expect(stripAnsi(r.output).split('\n').slice(2).join('\n')).toBe(
      [
        '>>> while True: pass',
        '... ',
        '^CTraceback (most recent call last):',
        '  File "<stdin>", line 1, in <module>',
        'KeyboardInterrupt',
        '>>> 6 * 7',
        '42',
        '>>> exit()',
        '',
      ].join('\n'),
    );
  });

  it('deep recursion is a RecursionError with its frames, never a JavaScript error', () => {
    const s = createSession();
    s.run('docker pull python:3.12-slim');
    const typed = (...lines: string[]) => lines.map((l) => `${l}\r`);
    const out = stripAnsi(s.run('docker run -it --rm python:3.12-slim', { input: typed('def f(n):', '    return f(n + 1)', '', 'f(0)', 'exit()') }).output);
    expect(out).toContain(
      [
        '>>> f(0)',
        'Traceback (most recent call last):',
        '  File "<stdin>", line 1, in <module>',
        '  File "<stdin>", line 2, in f',
        '  File "<stdin>", line 2, in f',
        '  File "<stdin>", line 2, in f',
        '  [Previous line repeated 996 more times]',
        'RecursionError: maximum recursion depth exceeded',
        '>>> exit()',
      ].join('\n'),
    );
  });
});

describe('nothing but Python leaves the interpreter (property)', () => {
  const TOKENS = [
    'x', 'y', 'f', 'a', '=', '==', '+', '-', '*', '**', '/', '//', '%', '(', ')', '[', ']', '{', '}', ':', ',', '.', ' ', '\n', '    ',
    '0', '1', '-1', '10**9', '10**20', '1e308', '2.5', '"ab"', "'c'", 'f"{x}"', 'None', 'True', 'if', 'else', 'elif', 'for', 'in', 'while', 'def', 'return',
    'lambda', 'not', 'and', 'or', 'try', 'except', 'pass', 'break', 'continue', 'print', 'len', 'range', 'list', 'str', 'int', 'float', 'sorted', 'sum',
    'min', 'max', 'zip', 'round', 'repr', 'import', 'json', 'json.dumps', 'os', 'sys', 'append', 'pop', 'join', 'split', 'zfill', 'format', '%d', '[::0]',
  ];
  const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join(''));

  it('random programs end with an outcome, Unsupported or the budget, never a JavaScript error', () => {
    fc.assert(
      fc.property(soup, (source) => {
        try {
          runPython(source, { file: '<string>', env: {}, cwd: '/', budget: workBudget(200_000) });
        } catch (e) {
          expect(e).toBeInstanceOf(Unsupported);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
