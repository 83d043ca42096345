// What beginner scripts do, as CPython 3.12 does it.
import { describe, expect, it } from 'vitest';
import { runPython } from '../../../../../simulators/workloads/python';

describe('the Python subset', () => {
  const run = (src: string) => {
    const r = runPython(src, { file: '/app/x.py', env: { HOME: '/root' }, cwd: '/app' });
    return { out: r.output.map((o) => o.text).join(''), code: r.exitCode };
  };
  it('evaluates what beginner scripts do', () => {
    expect(run('x = [3, 1, 2]\nx.sort()\nprint(x, len(x), x[-1])\nd = {"a": 1}\nd["b"] = 2\nprint(d, list(d.keys()))\n').out).toBe("[1, 2, 3] 3 3\n{'a': 1, 'b': 2} ['a', 'b']\n");
    expect(run('def f(n):\n    if n <= 1:\n        return 1\n    return n * f(n - 1)\nprint(f(10), 10 / 4, 10 // 4, 2 ** 10, "ab" * 2)\n').out).toBe('3628800 2.5 2 1024 abab\n');
    expect(run('total = 0\nwhile total < 5:\n    total += 2\nelse_ = "x" if total > 5 else "y"\nprint(f"{total:03d} {else_!r} {3.14159:.2f} {\'hi\':>4}|")\n').out).toBe("006 'x' 3.14   hi|\n");
    expect(run('print("{} is {}".format("pi", 3.14), "%s=%d" % ("n", 7), str(True), None)\n').out).toBe('pi is 3.14 n=7 True None\n');
  });
  it('raises what Python raises, with a traceback', () => {
    expect(run('print("before")\nprint(undefined_name)\n')).toEqual({ out: "before\nTraceback (most recent call last):\n  File \"/app/x.py\", line 2, in <module>\n    print(undefined_name)\n          ^^^^^^^^^^^^^^\nNameError: name 'undefined_name' is not defined\n", code: 1 });
    expect(run('import requests\n')).toEqual({ out: "Traceback (most recent call last):\n  File \"/app/x.py\", line 1, in <module>\n    import requests\nModuleNotFoundError: No module named 'requests'\n", code: 1 });
    expect(run('print(1 / 0)\n')).toEqual({ out: 'Traceback (most recent call last):\n  File "/app/x.py", line 1, in <module>\n    print(1 / 0)\n          ~~^~~\nZeroDivisionError: division by zero\n', code: 1 });
  });
});
