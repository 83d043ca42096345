// nl against GNU coreutils 9.4.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const FILES = "printf '# comment\\nport=8080\\n\\nhost=localhost\\n' > app.conf";
const nl = (args: string) => run(`nl ${args}`, FILES);

describe('nl', () => {
  it('numbers the non-empty body lines, six columns and a tab; empty lines get the blanks', () => {
    expect(nl('app.conf')).toEqual({ output: '     1\t# comment\n     2\tport=8080\n       \n     3\thost=localhost\n', exitCode: 0 });
    expect(run("printf 'last' | nl")).toEqual({ output: '     1\tlast\n', exitCode: 0 });
  });

  it('-b a numbers every line, -b n none, -b pBRE the matching ones', () => {
    expect(nl('-ba app.conf').output).toBe('     1\t# comment\n     2\tport=8080\n     3\t\n     4\thost=localhost\n');
    expect(nl('-bn app.conf').output).toBe('       # comment\n       port=8080\n       \n       host=localhost\n');
    expect(nl("-b 'p^#' app.conf").output).toBe('     1\t# comment\n       port=8080\n       \n       host=localhost\n');
  });

  it('-w, -s, -n ln/rn/rz, -v, -i', () => {
    expect(nl("-w2 -s': ' app.conf").output).toBe(' 1: # comment\n 2: port=8080\n    \n 3: host=localhost\n');
    expect(nl('-n ln app.conf').output).toBe('1     \t# comment\n2     \tport=8080\n       \n3     \thost=localhost\n');
    expect(nl('-n rz -w3 app.conf').output).toBe('001\t# comment\n002\tport=8080\n    \n003\thost=localhost\n');
    expect(nl('-v 10 -i 5 app.conf').output).toBe('    10\t# comment\n    15\tport=8080\n       \n    20\thost=localhost\n');
  });

  it('-l counts a run of empty lines as one', () => {
    expect(run("printf 'a\\n\\n\\nb\\n' | nl -ba -l2").output).toBe('     1\ta\n       \n     2\t\n     3\tb\n');
  });

  it('restarts at each logical page section, which prints as an empty line', () => {
    expect(run("printf 'h\\n\\\\:\\\\:\\\\:\\nH1\\n\\\\:\\\\:\\nb1\\n\\\\:\\nf1\\n' | nl -h a -f a").output).toBe('     1\th\n\n     1\tH1\n\n     1\tb1\n\n     1\tf1\n');
    expect(run("printf '\\\\:\\\\:\\nb1\\n\\\\:\\\\:\\nb2\\n' | nl -p").output).toBe('\n     1\tb1\n\n     2\tb2\n');
  });

  it('refuses bad styles, formats and numbers', () => {
    expect(nl('-bx app.conf')).toEqual({ output: "nl: invalid body numbering style: ‘x’\nTry 'nl --help' for more information.\n", exitCode: 1 });
    expect(nl('-n foo app.conf')).toEqual({ output: "nl: invalid line numbering format: ‘foo’\nTry 'nl --help' for more information.\n", exitCode: 1 });
    expect(nl('-w0 app.conf')).toEqual({ output: 'nl: invalid line number field width: ‘0’: Numerical result out of range\n', exitCode: 1 });
    expect(nl('-i x app.conf')).toEqual({ output: 'nl: invalid line number increment: ‘x’\n', exitCode: 1 });
    expect(nl('nope')).toEqual({ output: 'nl: nope: No such file or directory\n', exitCode: 1 });
  });
});
