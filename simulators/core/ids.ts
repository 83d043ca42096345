// Identifier shapes the real tools print, drawn from the world's seeded randomness.
import { drawRandom, type RandomState } from './random';

const HEX = '0123456789abcdef';
/** Kubernetes' name suffixes avoid vowels and look-alike digits (k8s.io/apimachinery rand.String). */
const K8S_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function pick(alphabet: string, rng: RandomState, length: number): [string, RandomState] {
  const [values, next] = drawRandom(rng, length);
  return [values.map((v) => alphabet[Math.floor(v * alphabet.length)]).join(''), next];
}

/** A 64-hex id like Docker's container and image ids. */
export function hexId(rng: RandomState, length = 64): [string, RandomState] {
  return pick(HEX, rng, length);
}

/** A Kubernetes generated-name suffix, e.g. the `x7k2p` of `web-5d8f7c9b4-x7k2p`. */
export function k8sSuffix(rng: RandomState, length = 5): [string, RandomState] {
  return pick(K8S_ALPHABET, rng, length);
}
