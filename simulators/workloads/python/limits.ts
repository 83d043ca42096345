// How big a Python object may grow here. A real container has gigabytes; a browser tab does not,
// so past these sizes Python's own MemoryError is raised, where CPython would raise it on a small
// machine, instead of the page running out of memory. CPython's own limits (recursion depth,
// digits in an int's decimal text) are CPython's numbers.
import { PyException } from './errors';

/** Characters in one str. */
export const MAX_STR = 1 << 25;
/** Items in one list, tuple or dict. */
export const MAX_ITEMS = 1 << 22;
/** Bits in one int (about 1.26 million decimal digits). */
export const MAX_INT_BITS = 1 << 22;
/** sys.getrecursionlimit(): frames on the stack, the module's included. */
export const RECURSION_LIMIT = 1000;
/** sys.get_int_max_str_digits(): decimal digits an int may be converted from or to. */
export const INT_MAX_STR_DIGITS = 4300;

export const memoryError = () => new PyException('MemoryError', '');

export function checkStr(length: number): void {
  if (length > MAX_STR) throw memoryError();
}

export function checkItems(count: number): void {
  if (count > MAX_ITEMS) throw memoryError();
}

/** Bits needed for |x| (0 for 0). Linear in the size of x, so call it only where x may be big. */
export function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x < 1n << 52n) return x === 0n ? 0 : Math.floor(Math.log2(Number(x))) + 1;
  return x.toString(16).length * 4;
}

export function checkIntBits(bits: number): void {
  if (bits > MAX_INT_BITS) throw memoryError();
}
