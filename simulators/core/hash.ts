// Stable content hashes: layer digests, cache keys, image ids, a debugger's PIN. Not cryptographic,
// only deterministic and well spread: eight 32-bit lanes of a murmur3-style mix over the UTF-16
// code units, each lane seeded differently, joined into 64 hex digits like a sha256. And a real
// SHA-1, for what programs compute with one (Express's ETags).

const SEEDS = [0x9747b28c, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09];

const mul = (a: number, b: number) => Math.imul(a, b) >>> 0;
const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = mul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = mul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function lane(input: string, seed: number, index: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < input.length; i++) {
    let k = mul(input.charCodeAt(i) ^ (index * 0x3c6ef372), 0xcc9e2d51);
    k = rotl(k, 15);
    k = mul(k, 0x1b873593);
    h ^= k;
    h = rotl(h, 13);
    h = (mul(h, 5) + 0xe6546b64) >>> 0;
  }
  h ^= input.length;
  return fmix(h ^ mul(index + 1, 0x9e3779b1));
}

/** 64 lowercase hex digits that depend on every character of `input`. */
export function stableHex(input: string): string {
  let out = '';
  let carry = 0;
  for (let i = 0; i < SEEDS.length; i++) {
    // Each lane also sees the previous one, so lanes never repeat each other.
    const h = fmix(lane(input, SEEDS[i] ^ carry, i));
    carry = h;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** `sha256:` + stableHex, the shape of every digest docker prints. */
export const digestOf = (input: string) => `sha256:${stableHex(input)}`;

/** A short lowercase base-36 id (BuildKit's session and ref ids look like this). */
export function base36Id(input: string, length = 25): string {
  const hex = stableHex(input) + stableHex(`${input}#2`);
  let out = '';
  for (let i = 0; out.length < length; i += 2) out += (parseInt(hex.slice(i % hex.length, (i % hex.length) + 2), 16) % 36).toString(36);
  return out;
}

/** SHA-1 of a string's UTF-8 bytes, base64 (Express computes its ETags with it). */
export function sha1Base64(text: string): string {
  const bytes = [...new TextEncoder().encode(text)];
  const bitLength = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let i = 7; i >= 0; i--) bytes.push(i >= 4 ? 0 : (bitLength >>> (i * 8)) & 0xff);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Array<number>(80);
  for (let chunk = 0; chunk < bytes.length; chunk += 64) {
    for (let i = 0; i < 16; i++) w[i] = (bytes[chunk + i * 4] << 24) | (bytes[chunk + i * 4 + 1] << 16) | (bytes[chunk + i * 4 + 2] << 8) | bytes[chunk + i * 4 + 3];
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, b, c, d, e] = [h0, h1, h2, h3, h4];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const temp = (rotl(a, 5) + f + e + k + w[i]) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const digest = [h0, h1, h2, h3, h4].flatMap((h) => [h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff]);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < digest.length; i += 3) {
    const n = (digest[i] << 16) | ((digest[i + 1] ?? 0) << 8) | (digest[i + 2] ?? 0);
    out += alphabet[(n >>> 18) & 63] + alphabet[(n >>> 12) & 63] + (i + 1 < digest.length ? alphabet[(n >>> 6) & 63] : '=') + (i + 2 < digest.length ? alphabet[n & 63] : '=');
  }
  return out;
}
