// tr's SET arguments, read as GNU tr reads them: over bytes (a UTF-8 character is two or more of
// them, as in coreutils), with backslash escapes, ranges, [:classes:], [=c=] and, in SET2, the
// [c*n] repeats. Each set becomes its list of bytes in order, which tr then pairs up.
import { curly } from './support';

export type Element =
  | { kind: 'char'; byte: number }
  | { kind: 'range'; lo: number; hi: number }
  | { kind: 'class'; name: string }
  | { kind: 'equiv'; byte: number }
  /** `[c*n]`; `count` undefined for `[c*]` (fill SET2 to SET1's length). */
  | { kind: 'repeat'; byte: number; count: number | undefined };

export interface ParsedSet {
  elements: Element[];
  /** GNU's warning for a trailing backslash. */
  warning?: string;
}

const isPrint = (b: number) => b >= 0x20 && b < 0x7f;
const inRange = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

/** The bytes of each class in the C locale (bytes above 127 are in none). */
export const CLASSES: Readonly<Record<string, readonly number[]>> = {
  alnum: [...inRange(48, 57), ...inRange(65, 90), ...inRange(97, 122)],
  alpha: [...inRange(65, 90), ...inRange(97, 122)],
  blank: [9, 32],
  cntrl: [...inRange(0, 31), 127],
  digit: inRange(48, 57),
  graph: inRange(33, 126),
  lower: inRange(97, 122),
  print: inRange(32, 126),
  punct: inRange(33, 126).filter((b) => !/[A-Za-z0-9]/.test(String.fromCharCode(b))),
  space: [9, 10, 11, 12, 13, 32],
  upper: inRange(65, 90),
  xdigit: [...inRange(48, 57), ...inRange(65, 70), ...inRange(97, 102)],
};

const ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** One byte of the string, its escapes resolved; `escaped` tells `\[` from `[`. */
interface Unit {
  byte: number;
  escaped: boolean;
}

function unescape(bytes: Uint8Array): { units: Unit[]; warning?: string } {
  const units: Unit[] = [];
  let warning: string | undefined;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x5c) {
      units.push({ byte: b, escaped: false });
      continue;
    }
    if (i + 1 >= bytes.length) {
      warning = 'warning: an unescaped backslash at end of string is not portable';
      units.push({ byte: b, escaped: true });
      continue;
    }
    const next = String.fromCharCode(bytes[i + 1]);
    if (/[0-7]/.test(next)) {
      let value = 0;
      let n = 0;
      while (n < 3 && i + 1 < bytes.length && /[0-7]/.test(String.fromCharCode(bytes[i + 1]))) {
        const v = value * 8 + (bytes[i + 1] - 48);
        // A third digit that would pass 0377 is a character of its own, as in GNU tr.
        if (v > 255) break;
        value = v;
        i++;
        n++;
      }
      units.push({ byte: value, escaped: true });
    } else {
      i++;
      units.push({ byte: ESCAPES[next] ?? bytes[i], escaped: true });
    }
  }
  return { units, warning };
}

const text = (units: Unit[], from: number, to: number) => String.fromCharCode(...units.slice(from, to).map((u) => u.byte));

/** A byte as GNU prints one in a message: itself when printable, else an octal escape. */
export const printable = (b: number) => (isPrint(b) ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`);

/** Reads one SET, or returns tr's complaint. */
export function parseSet(arg: string): ParsedSet | { error: string } {
  const { units, warning } = unescape(new TextEncoder().encode(arg));
  const elements: Element[] = [];
  const at = (i: number) => units[i];
  const plain = (i: number, b: string) => at(i) !== undefined && !at(i).escaped && at(i).byte === b.charCodeAt(0);
  for (let i = 0; i < units.length; ) {
    if (plain(i, '[') && i + 1 < units.length) {
      // [:class:] and [=c=]
      if (plain(i + 1, ':') || plain(i + 1, '=')) {
        const mark = String.fromCharCode(at(i + 1).byte);
        let close = -1;
        for (let j = i + 2; j + 1 < units.length; j++) {
          if (plain(j, mark) && plain(j + 1, ']')) {
            close = j;
            break;
          }
        }
        if (close > i + 2) {
          const name = text(units, i + 2, close);
          if (mark === ':') {
            if (!Object.prototype.hasOwnProperty.call(CLASSES, name)) return { error: `invalid character class ${curly(name)}` };
            elements.push({ kind: 'class', name });
          } else {
            if (close - (i + 2) !== 1) return { error: `${name}: equivalence class operand must be a single character` };
            elements.push({ kind: 'equiv', byte: at(i + 2).byte });
          }
          i = close + 2;
          continue;
        }
      }
      // [c*n] and [c*]
      if (i + 2 < units.length && plain(i + 2, '*')) {
        let close = -1;
        for (let j = i + 3; j < units.length; j++) {
          if (plain(j, ']')) {
            close = j;
            break;
          }
        }
        if (close !== -1) {
          const count = text(units, i + 3, close);
          let n: number | undefined;
          if (count !== '') {
            const octal = count.startsWith('0');
            if (!(octal ? /^[0-7]+$/ : /^\d+$/).test(count)) return { error: `invalid repeat count ${curly(count)} in [c*n] construct` };
            n = parseInt(count, octal ? 8 : 10);
            if (n === 0) n = undefined;
          }
          elements.push({ kind: 'repeat', byte: at(i + 1).byte, count: n });
          i = close + 1;
          continue;
        }
      }
    }
    if (i + 2 < units.length && plain(i + 1, '-')) {
      const lo = at(i).byte;
      const hi = at(i + 2).byte;
      if (lo > hi) return { error: `range-endpoints of '${printable(lo)}-${printable(hi)}' are in reverse collating sequence order` };
      elements.push({ kind: 'range', lo, hi });
      i += 3;
      continue;
    }
    elements.push({ kind: 'char', byte: at(i).byte });
    i++;
  }
  return { elements, warning };
}

/** The bytes an element stands for; a fill repeat stands for `fill` of them. */
export function bytesOf(e: Element, fill = 0): number[] {
  switch (e.kind) {
    case 'char':
    case 'equiv':
      return [e.byte];
    case 'range':
      return inRange(e.lo, e.hi);
    case 'class':
      return [...CLASSES[e.name]];
    case 'repeat':
      return new Array(e.count ?? fill).fill(e.byte);
  }
}
