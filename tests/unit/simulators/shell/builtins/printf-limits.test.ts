// printf at the edges of C's numbers, as bash 5.2 answers on this machine: a long double's range,
// widths and precisions past an int, and output too long to build, which is cut as Ctrl-C cuts it.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const run = (line: string) => createSession().run(line);
const range = (arg: string) => `bash: printf: warning: ${arg}: Numerical result out of range\n`;

describe('printf beyond the numbers it holds', () => {
  it.each([
    ["printf '%f|' 1e999999999", `${range('1e999999999')}inf|`],
    ["printf '%f|' 1e-999999999", `${range('1e-999999999')}0.000000|`],
    ["printf '%f|' 0x1p99999999", `${range('0x1p99999999')}inf|`],
    ["printf '%e|' -1e99999", `${range('-1e99999')}-inf|`],
    ["printf '%g|' 1e4932", '1e+4932|'],
    ["printf '%g|' 1e4933", `${range('1e4933')}inf|`],
    ["printf '%d|' 99999999999999999999", `${range('99999999999999999999')}9223372036854775807|`],
  ])('%s', (line, output) => {
    expect(run(line)).toEqual({ output, exitCode: 0 });
  });

  it('a width or precision written past an int prints nothing for its conversion, as bash does', () => {
    expect(run("printf '%.9999999999f|' 1")).toEqual({ output: '|', exitCode: 0 });
    expect(run("printf '%2147483648s|%s\\n' a b")).toEqual({ output: '|b\n', exitCode: 0 });
    expect(run("printf '%5.2147483648s|%s\\n' a b")).toEqual({ output: '|b\n', exitCode: 0 });
    expect(run("printf '%.2000000000s|' x")).toEqual({ output: 'x|', exitCode: 0 });
    expect(run("printf '%.*d|' -5 1")).toEqual({ output: '1|', exitCode: 0 });
    expect(run("printf '%.3000f' 1 | wc -c")).toEqual({ output: '3002\n', exitCode: 0 });
  });

  it('padding a gigabyte is a write that never ends: cut as Ctrl-C, before anything is built', () => {
    expect(run("printf '%999999999d' 1")).toEqual({ output: '^C\n', exitCode: 130 });
    expect(run("printf '%*d|' 3000000000 1 | wc -c")).toEqual({ output: '^C\n', exitCode: 130 });
  });

  it('%(...)T of a time localtime cannot hold prints the epoch’s, as bash does', () => {
    expect(run("printf '%(%Y)T|' 99999999999999999")).toEqual({ output: '1970|', exitCode: 0 });
  });
});
