// Sizes as the docker client reads them (github.com/docker/go-units, RAMInBytes): digits with an
// optional space and a suffix of k, m, g, t or p, with an optional "b" or "ib" (256m, 256MB, 256MiB,
// "256 m"); a bare number is bytes. Errors are go-units' own words.
import { goQuote } from '../../core/command/go-strconv';

export type SizeParse = { ok: true; bytes: number } | { ok: false; error: string };

/** Go's strconv.ParseFloat on what a size's number looks like (decimal, no hex or exponent forms). */
function parseFloat(num: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(num) && !/^[+-]?(inf|infinity|nan)$/i.test(num)) return undefined;
  return Number(num.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
}

export function ramInBytes(size: string): SizeParse {
  // The number ends at the last digit, dot or space; what follows is the suffix.
  let sep = -1;
  for (let i = size.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(size[i])) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return { ok: false, error: `invalid size: '${size}'` };
  const num = size[sep] === ' ' ? size.slice(0, sep) : size.slice(0, sep + 1);
  const suffix = size.slice(sep + 1);
  const value = parseFloat(num);
  if (value === undefined) return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(num)}: invalid syntax` };
  if (value < 0) return { ok: false, error: `invalid size: '${size}'` };
  if (!suffix) return { ok: true, bytes: Math.trunc(value) };
  const bad = { ok: false as const, error: `invalid suffix: '${suffix.toLowerCase()}'` };
  if (suffix.length > 3) return { ok: false, error: `invalid suffix: '${suffix}'` };
  const sfx = suffix.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? bad : { ok: true, bytes: Math.trunc(value) };
  const power = 'kmgtp'.indexOf(sfx[0]) + 1;
  if (power === 0) return bad;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) return bad;
  return { ok: true, bytes: Math.trunc(value * 1024 ** power) };
}
