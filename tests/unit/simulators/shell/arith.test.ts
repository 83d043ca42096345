// bash's arithmetic on its own (arith.ts), each value and each error checked against bash 5.2
// (`echo $((EXPR))` at an interactive prompt); $(( )), (( )) and let around it are in
// interpreter.test.ts, compound.test.ts and builtins/let.test.ts.
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../../../simulators/core/budget';
import { ArithError, ArithUnbound, ARITH_RECURSION_LIMIT, evaluateArith, type ArithEnv } from '../../../../simulators/shell/arith';

function environment(vars: Record<string, string> = {}, options: Partial<ArithEnv> = {}) {
  const key = (name: string, index?: bigint) => (index === undefined ? name : `${name}[${index}]`);
  const env: ArithEnv = {
    get: (name, index) => vars[key(name, index)],
    set: (name, value, index) => {
      vars[key(name, index)] = value;
    },
    budget: workBudget(),
    ...options,
  };
  return { env, vars };
}

const value = (expr: string, vars: Record<string, string> = {}) => evaluateArith(expr, environment(vars).env).toString();
const error = (expr: string, vars: Record<string, string> = {}) => {
  try {
    return `no error: ${evaluateArith(expr, environment(vars).env)}`;
  } catch (e) {
    return e instanceof ArithError ? e.detail : String(e);
  }
};

describe('arithmetic values', () => {
  it.each([
    ['1+2*3', '7'],
    ['(1+2)*3', '9'],
    ['7/2', '3'],
    ['-7/2', '-3'],
    ['7%3', '1'],
    ['-7%3', '-1'],
    ['4/-3', '-1'],
    ['2**10', '1024'],
    ['2**0', '1'],
    ['2**3**2', '512'],
    ['-2**2', '4'],
    ['1<<4', '16'],
    ['256>>2', '64'],
    ['-1>>1', '-1'],
    ['5>>-1', '0'],
    ['5&3', '1'],
    ['5|3', '7'],
    ['5^3', '6'],
    ['~5', '-6'],
    ['!5', '0'],
    ['!0', '1'],
    ['~5 ^ 3 | 8 & 12', '-7'],
    ['1<2', '1'],
    ['2<=2', '1'],
    ['3>4', '0'],
    ['1==1', '1'],
    ['1!=1', '0'],
    ['1&&0', '0'],
    ['0||3', '1'],
    ['5>3?10:20', '10'],
    ['0?1:0?2:3', '3'],
    ['1,2,3', '3'],
    ['', '0'],
    ['   ', '0'],
    ['1+(2)', '3'],
    ['( (1) )', '1'],
  ])('%s is %s', (expr, expected) => {
    expect(value(expr)).toBe(expected);
  });

  it('wraps around at 64 bits, as C on x86-64 does', () => {
    expect(value('2**63')).toBe('-9223372036854775808');
    expect(value('2**64')).toBe('0');
    expect(value('1<<63')).toBe('-9223372036854775808');
    expect(value('1<<64')).toBe('1');
    expect(value('9223372036854775807+1')).toBe('-9223372036854775808');
    expect(value('-9223372036854775807-1')).toBe('-9223372036854775808');
    expect(value('9223372036854775808')).toBe('-9223372036854775808');
    expect(value('99999999999999999999')).toBe('7766279631452241919');
    expect(value('-2**63/-1')).toBe('-9223372036854775808');
    expect(value('-(-9223372036854775807-1) % -1')).toBe('0');
    expect(value('2**62*4')).toBe('0');
  });

  it('reads numbers in bases 8, 16 and 2 to 64', () => {
    expect(value('0x1F + 0X10 + 010')).toBe('55');
    expect(value('2#101')).toBe('5');
    expect(value('36#z')).toBe('35');
    expect(value('64#@ + 64#_')).toBe('125');
    expect(value('16#ff')).toBe('255');
    expect(value('0x')).toBe('0');
    expect(value('0')).toBe('0');
  });

  it('reads variables by name, their values as expressions in turn; unset or empty is 0', () => {
    expect(value('x+1', { x: '5' })).toBe('6');
    expect(value('x*2', { x: '1+2' })).toBe('6');
    expect(value('a+1', { a: 'b', b: 'c', c: '7' })).toBe('8');
    expect(value('u+1')).toBe('1');
    expect(value('e+2', { e: '' })).toBe('2');
    expect(value('x+1', { x: ' 3 ' })).toBe('4');
  });

  it('assigns, and increments before or after', () => {
    const { env, vars } = environment({ i: '5' });
    expect(evaluateArith('i++ + ++i', env)).toBe(12n);
    expect(vars.i).toBe('7');
    expect(evaluateArith('x=10, x+=5, x-=3, x*=2, x/=4, x%=4, x<<=3, x>>=1, x&=6, x|=9, x^=3', env)).toBe(10n);
    expect(vars.x).toBe('10');
    expect(evaluateArith('u++', env)).toBe(0n);
    expect(vars.u).toBe('1');
    expect(evaluateArith('a=b=4', env)).toBe(4n);
    expect([vars.a, vars.b]).toEqual(['4', '4']);
  });

  it('evaluates only the side that counts of && || and ?:', () => {
    const { env, vars } = environment();
    expect(evaluateArith('0 && (x=1), 1 || (y=1), 1 ? (z=1) : (w=1), 1/1 || 1/0', env)).toBe(1n);
    expect(vars).toEqual({ z: '1' });
  });

  it('reads and assigns array elements, a negative subscript counting from the end', () => {
    const { env, vars } = environment({ 'a[0]': '1', 'a[1]': '2', 'a[2]': '3' }, { arrayEnd: () => 3n });
    expect(evaluateArith('a[1]+a[-1]+a[i+2]', env)).toBe(8n);
    expect(evaluateArith('a[1] += 5', env)).toBe(7n);
    expect(vars['a[1]']).toBe('7');
    expect(evaluateArith('b[2]=7', env)).toBe(7n);
    expect(vars['b[2]']).toBe('7');
    const told: string[] = [];
    expect(evaluateArith('a[-5]', { ...env, badSubscript: (m) => told.push(m) })).toBe(0n);
    expect(told).toEqual(['a: bad array subscript']);
  });
});

describe("arithmetic errors, in bash's words", () => {
  it.each([
    ['1/0', '1/0: division by 0 (error token is "0")'],
    ['5%0', '5%0: division by 0 (error token is "0")'],
    ['x/=0', 'x/=0: division by 0 (error token is "0")'],
    ['2**-1', '2**-1: exponent less than 0 (error token is "1")'],
    ['08', '08: value too great for base (error token is "08")'],
    ['1+', '1+: syntax error: operand expected (error token is "+")'],
    ['a b', 'a b: syntax error in expression (error token is "b")'],
    [' 1 +  ', '1 +  : syntax error: operand expected (error token is "+  ")'],
    ['3#4', '3#4: value too great for base (error token is "3#4")'],
    ['65#1', '65#1: invalid arithmetic base (error token is "65#1")'],
    ['1#1', '1#1: invalid arithmetic base (error token is "1#1")'],
    ['2#', '2#: invalid integer constant (error token is "2#")'],
    ['0x1#1', '0x1#1: invalid number (error token is "0x1#1")'],
    ["'1' + 2 ", "'1' + 2 : syntax error: operand expected (error token is \"'1' + 2 \")"],
    ['1 ? : 2', '1 ? : 2: expression expected (error token is ": 2")'],
    ['1 ? 2 ', "1 ? 2 : `:' expected for conditional expression (error token is \"2 \")"],
    ['x=', 'x=: syntax error: operand expected (error token is "=")'],
    ['3=4', '3=4: attempted assignment to non-variable (error token is "=4")'],
    ['--x++', '--x++: ++: assignment requires lvalue (error token is "++")'],
    ['5 $ 3', '5 $ 3: syntax error: invalid arithmetic operator (error token is "$ 3")'],
    ['1 @ 2 ', '1 @ 2 : syntax error: invalid arithmetic operator (error token is "@ 2 ")'],
    ['(1+2', "(1+2: missing `)' (error token is \"2\")"],
  ])('%j', (expr, detail) => {
    expect(error(expr)).toBe(detail);
  });

  it('names the expression of the variable where the error is', () => {
    expect(error('x', { x: '1/0' })).toBe('1/0: division by 0 (error token is "0")');
  });

  it('stops a variable that names itself, and chains past the limit', () => {
    expect(error('x', { x: 'x' })).toBe('x: expression recursion level exceeded (error token is "x")');
    const chain: Record<string, string> = {};
    for (let i = 0; i < ARITH_RECURSION_LIMIT + 10; i++) chain[`v${i}`] = `v${i + 1}`;
    expect(error('v0', chain)).toMatch(/: expression recursion level exceeded \(error token is "v\d+"\)$/);
  });

  it('under set -u an unset variable is an error of its own (the line ends there)', () => {
    const { env } = environment({}, { nounset: true });
    expect(() => evaluateArith('nope + 1', env)).toThrow(ArithUnbound);
    expect(() => evaluateArith('nope + 1', env)).toThrow('nope: unbound variable');
    // An assignment does not read the variable first.
    expect(evaluateArith('fresh = 2', env)).toBe(2n);
  });

  it('pays for what it reads: a long expression runs out of budget, never of time', () => {
    const budget = workBudget(1000);
    const { env } = environment({}, { budget });
    expect(() => evaluateArith('1+'.repeat(5000) + '1', env)).toThrow(/work budget exhausted/);
  });
});
