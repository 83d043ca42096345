// Go's readings of flag values as pflag makes them. Every expected error below was printed by the
// real kubectl 1.32 (`kubectl wait --timeout=X`, `kubectl delete --grace-period=X`, `kubectl create
// deployment x --image=X`) or docker 28 (`docker run --blkio-weight X`, a uint16); the parsed
// durations are those of Go's own time package tests.
import { describe, expect, it } from 'vitest';
import { readCsvRecord } from '../../../../../simulators/core/command/go-csv';
import { durationMs, formatGoDuration, parseGoDuration } from '../../../../../simulators/core/command/go-duration';
import { goQuote, parseGoBool, parseGoInt, parseGoUint } from '../../../../../simulators/core/command/go-strconv';

describe('time.ParseDuration', () => {
  it('reads units, signs, fractions and composites to the nanosecond', () => {
    const cases: [string, bigint][] = [
      ['0', 0n],
      ['-0', 0n],
      ['+5s', 5_000_000_000n],
      ['-5s', -5_000_000_000n],
      ['5.s', 5_000_000_000n],
      ['.5s', 500_000_000n],
      ['1.004s', 1_004_000_000n],
      ['300ms', 300_000_000n],
      ['10ns', 10n],
      ['11us', 11_000n],
      ['12µs', 12_000n],
      ['12μs', 12_000n],
      ['1.5h', 5_400_000_000_000n],
      ['2h45m', 9_900_000_000_000n],
      ['-1.5h', -5_400_000_000_000n],
      ['10.5s4m', 250_500_000_000n],
      ['1h2m3s4ms5us6ns', 3_723_004_005_006n],
      ['0.3333333333333333333h', 1_200_000_000_000n],
      ['0.830103483285477580700h', 2_988_372_539_827n],
      ['9223372036854775807ns', 9_223_372_036_854_775_807n],
      ['9223372036854775.807us', 9_223_372_036_854_775_807n],
      ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
      ['-2562047h47m16.854775808s', -9_223_372_036_854_775_808n],
    ];
    expect(cases.map(([text]) => [text, parseGoDuration(text)])).toEqual(cases.map(([text, ns]) => [text, { ok: true, value: ns }]));
  });

  it("refuses what Go refuses, in Go's words", () => {
    const cases: [string, string][] = [
      ['', 'time: invalid duration ""'],
      ['x', 'time: invalid duration "x"'],
      ['3', 'time: missing unit in duration "3"'],
      ['-', 'time: invalid duration "-"'],
      ['.', 'time: invalid duration "."'],
      ['-.', 'time: invalid duration "-."'],
      ['.s', 'time: invalid duration ".s"'],
      ['+.s', 'time: invalid duration "+.s"'],
      ['1d', 'time: unknown unit "d" in duration "1d"'],
      ['1µx', 'time: unknown unit "\\xc2\\xb5x" in duration "1\\xc2\\xb5x"'],
      ['1h-5m', 'time: unknown unit "h-" in duration "1h-5m"'],
      ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
      ['1.5.h', 'time: missing unit in duration "1.5.h"'],
      ['1..5h', 'time: missing unit in duration "1..5h"'],
      [' 5s', 'time: invalid duration " 5s"'],
      ['5s ', 'time: unknown unit "s " in duration "5s "'],
      ['"5s"', 'time: invalid duration "\\"5s\\""'],
      ['5S', 'time: unknown unit "S" in duration "5S"'],
      ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
      ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
      ['2562047h47m16.854775808s', 'time: invalid duration "2562047h47m16.854775808s"'],
      ['99999999999999999999s', 'time: invalid duration "99999999999999999999s"'],
    ];
    expect(cases.map(([text]) => [text, parseGoDuration(text)])).toEqual(cases.map(([text, error]) => [text, { ok: false, error }]));
  });

  it('prints as Duration.String() does, and converts to milliseconds', () => {
    const printed = ['0', '1ns', '1.5µs', '300ms', '1.004s', '5s', '90s', '1h', '1h0m0.5s', '-1.5h', '39h9m14.425s', '9223372036854775807ns'].map((t) => {
      const parsed = parseGoDuration(t);
      return parsed.ok ? formatGoDuration(parsed.value) : parsed.error;
    });
    expect(printed).toEqual(['0s', '1ns', '1.5µs', '300ms', '1.004s', '5s', '1m30s', '1h0m0s', '1h0m0.5s', '-1h30m0s', '39h9m14.425s', '2562047h47m16.854775807s']);
    expect(durationMs(1_500_000n)).toBe(1.5);
    expect(durationMs(-5_400_000_000_000n)).toBe(-5_400_000);
  });
});

describe('strconv.ParseInt / ParseUint with base 0', () => {
  it('reads prefixes, underscores and signs as Go does', () => {
    const inputs = ['0', '-5', '+5', '0x10', '0X1f', '0o17', '017', '0b101', '1_000', '0x_1f', '0_7', '9223372036854775807', '-9223372036854775808'];
    expect(inputs.map((s) => parseGoInt(s))).toEqual([0, -5, 5, 16, 31, 15, 15, 5, 1000, 31, 7, 9223372036854775807, -9223372036854775808].map((value) => ({ ok: true, value })));
    expect(parseGoUint('0x10', 16)).toEqual({ ok: true, value: 16 });
    expect(parseGoInt('70000', 32)).toEqual({ ok: true, value: 70000 });
  });

  it('words syntax and range errors as kubectl and docker print them', () => {
    const ints: [string, string][] = [
      ['x', 'strconv.ParseInt: parsing "x": invalid syntax'],
      ['', 'strconv.ParseInt: parsing "": invalid syntax'],
      ['08', 'strconv.ParseInt: parsing "08": invalid syntax'],
      ['0b2', 'strconv.ParseInt: parsing "0b2": invalid syntax'],
      ['_1000', 'strconv.ParseInt: parsing "_1000": invalid syntax'],
      ['1000_', 'strconv.ParseInt: parsing "1000_": invalid syntax'],
      ['1__0', 'strconv.ParseInt: parsing "1__0": invalid syntax'],
      ['0x', 'strconv.ParseInt: parsing "0x": invalid syntax'],
      ['-', 'strconv.ParseInt: parsing "-": invalid syntax'],
      ['1.5', 'strconv.ParseInt: parsing "1.5": invalid syntax'],
      ['1e3', 'strconv.ParseInt: parsing "1e3": invalid syntax'],
      [' 5', 'strconv.ParseInt: parsing " 5": invalid syntax'],
      ['٣', 'strconv.ParseInt: parsing "٣": invalid syntax'],
      ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
      ['-9223372036854775809', 'strconv.ParseInt: parsing "-9223372036854775809": value out of range'],
      ['99999999999999999999x', 'strconv.ParseInt: parsing "99999999999999999999x": value out of range'],
    ];
    expect(ints.map(([s]) => [s, parseGoInt(s)])).toEqual(ints.map(([s, error]) => [s, { ok: false, error }]));
    const uint16: [string, string][] = [
      ['-5', 'strconv.ParseUint: parsing "-5": invalid syntax'],
      ['+5', 'strconv.ParseUint: parsing "+5": invalid syntax'],
      ['70000', 'strconv.ParseUint: parsing "70000": value out of range'],
      ['9223372036854775807', 'strconv.ParseUint: parsing "9223372036854775807": value out of range'],
    ];
    expect(uint16.map(([s]) => [s, parseGoUint(s, 16)])).toEqual(uint16.map(([s, error]) => [s, { ok: false, error }]));
    expect(parseGoInt('2147483648', 32)).toEqual({ ok: false, error: 'strconv.ParseInt: parsing "2147483648": value out of range' });
  });
});

describe('strconv.ParseBool and Quote', () => {
  it('accepts exactly the twelve spellings Go accepts', () => {
    const accepted = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].map((s) => parseGoBool(s));
    expect(accepted).toEqual([true, true, true, true, true, true, false, false, false, false, false, false].map((value) => ({ ok: true, value })));
    expect(['yes', '2', 'tRUE', ''].map((s) => parseGoBool(s))).toEqual(['"yes"', '"2"', '"tRUE"', '""'].map((q) => ({ ok: false, error: `strconv.ParseBool: parsing ${q}: invalid syntax` })));
  });

  it('quotes as %q does: printable Unicode kept, controls escaped', () => {
    expect(['a"b', 'c:\\x', 'é', 'a\nb', '\x1b[0m', '\u200b', '\u{1F600}', '\x7f'].map(goQuote)).toEqual(['"a\\"b"', '"c:\\\\x"', '"é"', '"a\\nb"', '"\\x1b[0m"', '"\\u200b"', '"\u{1F600}"', '"\\x7f"']);
  });
});

describe('encoding/csv, first record (pflag stringSlice)', () => {
  it('splits on commas, honours quotes and keeps empty fields', () => {
    const cases: [string, string[]][] = [
      ['a,b', ['a', 'b']],
      ['"a,b",c', ['a,b', 'c']],
      ['x,"a""b",y', ['x', 'a"b', 'y']],
      ['"",x', ['', 'x']],
      ['a,,b', ['a', '', 'b']],
      ['a,', ['a', '']],
      ['a ,b', ['a ', 'b']],
      ['\na,b', ['a', 'b']],
      ['a\nb', ['a']],
      ['"a\nb",c', ['a\nb', 'c']],
      ['a\r\n', ['a']],
    ];
    expect(cases.map(([text]) => [text, readCsvRecord(text)])).toEqual(cases.map(([text, value]) => [text, { ok: true, value }]));
  });

  it('reports the reader\'s errors with their byte columns', () => {
    const cases: [string, string][] = [
      ['a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
      ['"a,b', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'],
      ['"a"b', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
      ['x,"a"b', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'],
      [' "a"', 'parse error on line 1, column 2: bare " in non-quoted-field'],
      ['"é"x', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'],
      ['é"x', 'parse error on line 1, column 3: bare " in non-quoted-field'],
      ['ab,"cd"ef', 'parse error on line 1, column 7: extraneous or missing " in quoted-field'],
      ['"a\nb"x', 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'],
      ['\n', 'EOF'],
    ];
    expect(cases.map(([text]) => [text, readCsvRecord(text)])).toEqual(cases.map(([text, error]) => [text, { ok: false, error }]));
  });
});
