// Whatever keys arrive, on whatever screen size, the pager neither throws nor loses its footing:
// the top row stays where less could put it and every draw is a finite string.
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../../../../simulators/core/budget';
import { documentOf, openPager, pagerInput, renderPager, type PagerState } from '../../../../../simulators/shell/pager';

const KEYS = [' ', 'b', 'j', 'k', 'g', 'G', 'd', 'u', 'q', 'n', 'N', '/', '?', 'x', '\r', '\x7f', '\x03', '=', ':', 'n', 'p', 'Z', '5', '0', '%',
  '\x1b', 'u', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[5~', '\x1b[6~', '\x1b[3~', 'h', 'F', 'V', 'a[', '!', '.*', 'e', '漢', '\t'];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const DOCS = [
  documentOf('a.txt', Array.from({ length: 60 }, (_, i) => `line ${i} ${'x'.repeat(i * 3)}\n`).join('')),
  documentOf('b.txt', ''),
  documentOf(null, 'N\bNA\bAM\bME\bE\n\ttab\x01\n漢字漢字漢字\nlast'),
];

describe('the pager under random keys', () => {
  for (const [cols, rows] of [[80, 24], [1, 1], [2, 3], [7, 2], [40, 10]]) {
    it(`keeps going on a ${cols}x${rows} screen`, () => {
      for (let seed = 1; seed <= 10; seed++) {
        const next = random(seed);
        let state: PagerState = openPager(DOCS, { cols, rows, lineNumbers: seed % 3 === 0, chop: seed % 4 === 0, ignoreCase: 'smart' });
        expect(typeof renderPager(state)).toBe('string');
        for (let i = 0; i < 150 && state.mode !== 'exited'; i++) {
          const key = KEYS[Math.floor(next() * KEYS.length)];
          state = pagerInput(state, key, workBudget(200_000));
          const drawn = renderPager(state);
          expect(typeof drawn).toBe('string');
          expect(Number.isFinite(state.top)).toBe(true);
          expect(state.top).toBeGreaterThanOrEqual(-rows);
        }
      }
    });
  }
});
