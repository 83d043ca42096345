// The pieces of jq that carry jq 1.7.1's exact behaviour: how numbers are written, how JSON text
// is read (with jq's error words and positions), how values are ordered.
import { describe, expect, it } from 'vitest';
import { dump, JsonReader, parseOne } from '../../../../../simulators/shell/jq/json';
import { formatDouble, formatNumber, numberLiteral } from '../../../../../simulators/shell/jq/numbers';
import { parseProgram } from '../../../../../simulators/shell/jq/parser';
import { compare, JqNumber, type JqValue } from '../../../../../simulators/shell/jq/values';

describe('numbers as jq 1.7.1 writes them', () => {
  it('computed: shortest digits, exponent past 17 digits or below 1e-4', () => {
    expect([1e15, 1e16, 123456789012345680, 0.0001, 0.00001, 1 / 3, -0, Infinity, 1.5e300].map(formatDouble)).toEqual([
      '1000000000000000',
      '1e+16',
      '123456789012345680',
      '0.0001',
      '1e-05',
      '0.3333333333333333',
      '-0',
      '1.7976931348623157e+308',
      '1.5e+300',
    ]);
  });

  it('literals keep their text as decNumber writes it', () => {
    const shown = (t: string) => {
      const n = numberLiteral(t);
      return n === undefined ? undefined : formatNumber(n);
    };
    expect(['1.0', '1e2', '1.50', '0.00001', '1.5e-7', '100000000000000000001', '-0.0', '5.', '.5', '01', '1e1000', 'nan', '0x10']).toEqual(
      ['1.0', '1e2', '1.50', '0.00001', '1.5e-7', '100000000000000000001', '-0.0', '5.', '.5', '01', '1e1000', 'nan', '0x10'],
    );
    expect(['1.0', '1e2', '1.50', '0.00001', '1.5e-7', '100000000000000000001', '-0.0', '5.', '.5', '01', '1e1000', 'nan', '0x10'].map(shown)).toEqual([
      '1.0',
      '1E+2',
      '1.50',
      '0.00001',
      '1.5E-7',
      '100000000000000000001',
      '-0.0',
      '5',
      '0.5',
      '1',
      '1E+1000',
      'null',
      undefined,
    ]);
    expect(numberLiteral('2.5')).toBe(2.5);
    expect(numberLiteral('1.0')).toBeInstanceOf(JqNumber);
  });
});

describe('reading JSON (jv_parse)', () => {
  const all = (text: string) => {
    const r = new JsonReader(text);
    const out: unknown[] = [];
    for (let s = r.nextValue(); s; s = r.nextValue()) out.push('error' in s ? s.error : [dump(s.value, { indent: 0 }), s.line]);
    return out;
  };

  it('texts one after another, each with the lines read when it was complete', () => {
    expect(all('{"a":1}\n[1,\n2]\n3 4')).toEqual([['{"a":1}', 1], ['[1,2]', 3], ['3', 3], ['4', 3]]);
  });

  it("jq's words and positions for malformed text", () => {
    expect(all('{"a" 1}')).toEqual(['Expected separator between values at line 1, column 7']);
    expect(all('[1,]')).toEqual(['Expected another array element at line 1, column 4']);
    expect(all("{'a':1}")).toEqual(['Invalid numeric literal at line 1, column 5']);
    expect(all('"abc')).toEqual(['Unfinished string at EOF at line 1, column 4']);
    expect(all('[1,2')).toEqual(['Unfinished JSON term at EOF at line 1, column 4']);
    expect(all('{"a":1}}')).toEqual([['{"a":1}', 0], "Unmatched '}' at line 1, column 8"]);
    expect(all('"a\tb"')).toEqual(['Invalid string: control characters from U+0000 through U+001F must be escaped at line 1, column 5']);
  });

  it('fromjson and --argjson take exactly one text', () => {
    expect(parseOne('1 2')).toEqual({ error: "Unexpected extra JSON values (while parsing '1 2')" });
    expect(parseOne('')).toEqual({ error: "Expected JSON value (while parsing '')" });
  });
});

describe("jq's order of values", () => {
  it('null < false < true < numbers < strings < arrays < objects; objects by keys, then values', () => {
    const values: JqValue[] = [new Map([['b', 1]]), [1], 'a', 1.5, true, false, null, new Map([['a', 2]])];
    expect(values.sort(compare).map((v) => dump(v, { indent: 0 }))).toEqual(['null', 'false', 'true', '1.5', '"a"', '[1]', '{"a":2}', '{"b":1}']);
  });
});

describe('the grammar', () => {
  it('binds as jq 1.7.1 does: pipe loosest, then comma, //, assignments, or, and, comparisons, + -, * /', () => {
    expect(parseProgram('1, 2 | 3').k).toBe('pipe');
    expect(parseProgram('.a // .b , 3').k).toBe('comma');
    expect(parseProgram('-1 + 2').k).toBe('binop');
    expect(parseProgram('try .a catch .b | .c').k).toBe('pipe');
  });
});
