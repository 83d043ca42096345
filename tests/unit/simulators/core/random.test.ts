import { describe, expect, it } from 'vitest';
import { drawRandom, nextRandom, seedRandom } from '../../../../simulators/core/random';
import { hexId, k8sSuffix } from '../../../../simulators/core/ids';
import { formatLsTime, formatUnixDate, EPOCH_MS } from '../../../../simulators/core/clock';

describe('seeded randomness and ids', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const [a] = drawRandom(seedRandom(42), 5);
    const [b] = drawRandom(seedRandom(42), 5);
    const [c] = drawRandom(seedRandom(43), 5);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const v of a) expect(v >= 0 && v < 1).toBe(true);
    expect(nextRandom(seedRandom(1))[1]).not.toEqual(seedRandom(1));
  });

  it('draws ids in the shapes docker and kubernetes print', () => {
    const [id] = hexId(seedRandom(7));
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const [suffix] = k8sSuffix(seedRandom(7));
    expect(suffix).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('simulated clock formats', () => {
  it('prints dates like GNU date and ls', () => {
    expect(formatUnixDate(EPOCH_MS)).toBe('Mon Mar  3 09:00:00 UTC 2025');
    expect(formatLsTime(EPOCH_MS, EPOCH_MS)).toBe('Mar  3 09:00');
    expect(formatLsTime(EPOCH_MS - 400 * 86400_000, EPOCH_MS)).toBe('Jan 28  2024');
  });
});
