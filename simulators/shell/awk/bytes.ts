// mawk works on bytes, not characters: length("é") is 2 and substr cuts inside a character. So the
// interpreter holds every string as a byte string (one JavaScript character per byte, 0-255) and
// turns text into bytes on the way in and back into UTF-8 text on the way out.

import { OutOfMemory, TEXT_LIMIT, type WorkBudget } from '../../core/budget';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Text as a byte string: each UTF-8 byte one character. */
export function toBytes(text: string): string {
  // Plain ASCII is its own byte string.
  if (!/[^\x00-\x7f]/.test(text)) return text;
  const bytes = encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return out;
}

/** A byte string back as text, as a UTF-8 terminal shows it (a cut character becomes U+FFFD). */
export function fromBytes(bytes: string): string {
  if (!/[^\x00-\x7f]/.test(bytes)) return bytes;
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i) & 0xff;
  return decoder.decode(array);
}

/**
 * Pays for adding `added` characters to a text that will then hold `total`: JavaScript joins
 * strings without copying them, so only the new part costs work; past TEXT_LIMIT the text cannot
 * be had, as when memory runs out.
 */
export function grow(budget: WorkBudget, total: number, added: number): void {
  if (total > TEXT_LIMIT) throw new OutOfMemory(total + 1);
  budget.spendText(added);
}
