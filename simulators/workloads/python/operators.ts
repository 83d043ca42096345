// Python's arithmetic and comparison operators over the subset's values.
import { PyException, Unsupported } from './errors';
import { percentFormat } from './format';
import { bitLength, checkIntBits, checkItems, checkStr, MAX_INT_BITS } from './limits';
import { equal, isNumber, isObj, iterate, keyOf, list, str, typeName } from './values';
import type { PyValue } from './types';

/** A binary operator on two values, as Python applies it (int stays exact, / gives a float). */
export function binop(op: string, a: PyValue, b: PyValue): PyValue {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') {
    checkStr(a.length + b.length);
    return a + b;
  }
  if (op === '+' && isObj(a) && isObj(b) && a.t === 'list' && b.t === 'list') {
    checkItems(a.items.length + b.items.length);
    return list([...a.items, ...b.items]);
  }
  if (op === '*' && typeof a === 'string' && (typeof b === 'bigint' || typeof b === 'boolean')) return repeatStr(a, b);
  if (op === '*' && typeof b === 'string' && typeof a === 'bigint') return repeatStr(b, a);
  if (op === '*' && isObj(a) && a.t === 'list' && typeof b === 'bigint') {
    const n = repeatCount(b);
    checkItems(a.items.length * n);
    return list(Array.from({ length: n }, () => a.items).flat());
  }
  if (op === '%' && typeof a === 'string') return percentFormat(a, b);
  if (isNumber(a) && isNumber(b)) {
    const bothInt = typeof a !== 'number' && typeof b !== 'number';
    if (bothInt) {
      const x = BigInt(a as bigint);
      const y = BigInt(b as bigint);
      switch (op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          if (x >= BIG || x <= -BIG || y >= BIG || y <= -BIG) checkIntBits(bitLength(x) + bitLength(y));
          return x * y;
        case '/': {
          if (y === 0n) throw new PyException('ZeroDivisionError', 'division by zero');
          const q = Number(x) / Number(y);
          if (!Number.isFinite(q)) throw new PyException('OverflowError', 'integer division result too large for a float');
          return q;
        }
        case '//':
          if (y === 0n) throw new PyException('ZeroDivisionError', 'integer division or modulo by zero');
          return x / y - ((x % y !== 0n) && ((x < 0n) !== (y < 0n)) ? 1n : 0n);
        case '%':
          if (y === 0n) throw new PyException('ZeroDivisionError', 'integer modulo by zero');
          return ((x % y) + y) % y;
        case '**':
          if (y < 0n) {
            if (x === 0n) throw new PyException('ZeroDivisionError', '0.0 cannot be raised to a negative power');
            return Number(x) ** Number(y);
          }
          if (x > 1n || x < -1n) checkIntBits(bitLength(x) * Number(y > BigInt(MAX_INT_BITS) ? BigInt(MAX_INT_BITS) : y));
          return x ** y;
      }
    }
    const x = Number(a);
    const y = Number(b);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        if (y === 0) throw new PyException('ZeroDivisionError', 'float division by zero');
        return x / y;
      case '//':
        if (y === 0) throw new PyException('ZeroDivisionError', 'float floor division by zero');
        return Math.floor(x / y);
      case '%':
        if (y === 0) throw new PyException('ZeroDivisionError', 'float modulo');
        return ((x % y) + y) % y;
      case '**': {
        if (x === 0 && y < 0) throw new PyException('ZeroDivisionError', '0.0 cannot be raised to a negative power');
        if (x < 0 && !Number.isInteger(y)) throw new Unsupported('complex');
        const p = x ** y;
        if (!Number.isFinite(p) && Number.isFinite(x) && Number.isFinite(y)) throw new PyException('OverflowError', "(34, 'Numerical result out of range')");
        return p;
      }
    }
  }
  const sym = op;
  throw new PyException('TypeError', op === '+' && typeof a === 'string' ? `can only concatenate str (not "${typeName(b)}") to str` : `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** A comparison operator (==, <, in, is ...). */
export function compare(op: string, a: PyValue, b: PyValue): boolean {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case 'is':
      return a === b || (a === null && b === null);
    case 'is not':
      return !(a === b || (a === null && b === null));
    case 'in':
    case 'not in': {
      let found: boolean;
      if (typeof b === 'string') found = b.includes(str(a));
      else if (isObj(b) && b.t === 'dict') found = b.map.has(keyOf(a));
      else found = iterate(b).some((v) => equal(v, a));
      return op === 'in' ? found : !found;
    }
  }
  let x: number | string;
  let y: number | string;
  if (isNumber(a) && isNumber(b)) {
    x = Number(a);
    y = Number(b);
  } else if (typeof a === 'string' && typeof b === 'string') {
    x = a;
    y = b;
  } else throw new PyException('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

/** Ints this big may make a product too big to hold: their size is checked first. */
const BIG = 1n << 64n;

/** A repeat count: CPython's index-sized integer, negative meaning none. */
function repeatCount(n: bigint | boolean): number {
  const count = BigInt(n);
  if (count > 0x7fffffffffffffffn) throw new PyException('OverflowError', "cannot fit 'int' into an index-sized integer");
  return count <= 0n ? 0 : Number(count);
}

function repeatStr(s: string, n: bigint | boolean): string {
  const count = repeatCount(n);
  if (s === '') return '';
  checkStr(s.length * count);
  return s.repeat(count);
}
