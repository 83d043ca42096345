// Seeded randomness kept in the world (never the platform's generator), so a session replays byte for byte.
// mulberry32: tiny, fast and good enough for ids and jitter; its whole state is one 32-bit number.

export interface RandomState {
  state: number;
}

/** Advances the generator: returns a float in [0, 1) and the next state. */
export function nextRandom(rng: RandomState): [number, RandomState] {
  let t = (rng.state + 0x6d2b79f5) | 0;
  const state = t;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return [value, { state }];
}

export function seedRandom(seed: number): RandomState {
  return { state: seed | 0 };
}

/** Draws `count` values at once, for callers that need several (an id of many digits). */
export function drawRandom(rng: RandomState, count: number): [number[], RandomState] {
  const values: number[] = [];
  let current = rng;
  for (let i = 0; i < count; i++) {
    const [v, next] = nextRandom(current);
    values.push(v);
    current = next;
  }
  return [values, current];
}
