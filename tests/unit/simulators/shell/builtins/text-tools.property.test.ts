// Random command lines for the text tools (sed, cut, tr, seq, uniq, nl, base64, find, diff,
// xargs, envsubst, the path tools): whatever the options and operands, they answer as a program
// does (output and a status), never with an internal error, and within the line's work budget.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const TOOLS = ['sed', 'cut', 'tr', 'seq', 'uniq', 'nl', 'base64', 'find', 'diff', 'xargs', 'envsubst', 'basename', 'dirname', 'realpath', 'yes'];
const WORDS = [
  '-n', '-e', "'s/a/b/g'", "'s/\\(x\\)*/\\1/2g'", '-E', '-i', '-f', '1', '-1', '0', '$', '/', '\\', '[', ']', '{', '}', '*', '-d', ',',
  '-f1', '-c1-', 'a-z', "'[:upper:]'", '-s', '-w', '-c', '-u', '-D', 'f1', 'f2', 'dir', '.', '-name', '"*"', '-exec', 'echo', '{}',
  '\\;', '+', '-o', '!', '\\(', '\\)', '-type', 'f', '-r', '-q', 'inf', '1e9', '-0', '-I', "'l 1'", "':a;ba'", "'N;N;D'", '-z',
  "'y/abc/xyz/'", '-U', '99999', "'\\n'", '"$HOME"', '-v', '-b', 'p', "'[x*99999999]'", '-l', '2', '-maxdepth', '-delete', "'$!N;P;D'",
];

/** A small deterministic generator, so a failing line can be found again. */
function generator(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
}

describe('the text tools on random lines', () => {
  it('never fail inside, and end (by the budget at worst)', () => {
    const pick = generator(20250303);
    for (let i = 0; i < 150; i++) {
      const s = createSession();
      s.run("printf 'a\\nb\\nab\\n\\nx y z\\n' > f1 && printf 'b\\nab\\nc' > f2 && mkdir -p dir/sub && touch dir/sub/e");
      const words = Array.from({ length: 1 + Math.floor(i % 5) }, () => pick(WORDS));
      const line = `${pick(['', 'cat f1 | '])}${pick(TOOLS)} ${words.join(' ')}`;
      const r = s.run(line);
      expect(r.output, line).not.toMatch(/internal simulator error|\bundefined\b|\bNaN\b|\[object /);
      expect(Number.isInteger(r.exitCode), line).toBe(true);
    }
  });
});
