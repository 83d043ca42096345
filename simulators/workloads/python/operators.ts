// Python's arithmetic and comparison operators over the subset's values.
import { PyException } from './errors';
import { percentFormat } from './format';
import { equal, isObj, iterate, keyOf, list, str, typeName, type PyValue } from './values';

/** A binary operator on two values, as Python applies it (int stays exact, / gives a float). */
export function binop(op: string, a: PyValue, b: PyValue): PyValue {
  const num = (v: PyValue) => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '+' && isObj(a) && isObj(b) && a.t === 'list' && b.t === 'list') return list([...a.items, ...b.items]);
  if (op === '*' && typeof a === 'string' && (typeof b === 'bigint' || typeof b === 'boolean')) return a.repeat(Math.max(0, Number(b)));
  if (op === '*' && typeof b === 'string' && typeof a === 'bigint') return b.repeat(Math.max(0, Number(a)));
  if (op === '*' && isObj(a) && a.t === 'list' && typeof b === 'bigint') return list(Array.from({ length: Number(b) }, () => a.items).flat());
  if (op === '%' && typeof a === 'string') return percentFormat(a, b);
  if (num(a) && num(b)) {
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
          return x * y;
        case '/':
          if (y === 0n) throw new PyException('ZeroDivisionError', 'division by zero');
          return Number(x) / Number(y);
        case '//':
          if (y === 0n) throw new PyException('ZeroDivisionError', 'integer division or modulo by zero');
          return x / y - ((x % y !== 0n) && ((x < 0n) !== (y < 0n)) ? 1n : 0n);
        case '%':
          if (y === 0n) throw new PyException('ZeroDivisionError', 'integer modulo by zero');
          return ((x % y) + y) % y;
        case '**':
          return y < 0n ? Number(x) ** Number(y) : x ** y;
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
        return Math.floor(x / y);
      case '%':
        return ((x % y) + y) % y;
      case '**':
        return x ** y;
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
  const numeric = (v: PyValue) => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
  let x: number | string;
  let y: number | string;
  if (numeric(a) && numeric(b)) {
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
