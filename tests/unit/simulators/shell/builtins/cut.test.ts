// cut against GNU coreutils 9.4: fields, characters, bytes, ranges and every usage error whole.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const FILES = "printf 'name,age,city\\nalice,30,Paris\\nbob,25,Berlin\\n' > people.csv && printf 'a\\tb\\tc\\n1\\t2\\t3\\n' > tabs && printf '# note\\nport=8080\\nhost=localhost\\n' > app.conf && mkdir dir";
const cut = (args: string) => run(`cut ${args}`, FILES);
const usage = (message: string) => ({ output: `cut: ${message}\nTry 'cut --help' for more information.\n`, exitCode: 1 });

describe('cut -f', () => {
  it('selects fields by a delimiter, in input order, each once', () => {
    expect(cut('-d, -f1 people.csv')).toEqual({ output: 'name\nalice\nbob\n', exitCode: 0 });
    expect(cut('-d, -f3,1 people.csv')).toEqual({ output: 'name,city\nalice,Paris\nbob,Berlin\n', exitCode: 0 });
    expect(cut('-d, -f1,1,2 people.csv').output).toBe('name,age\nalice,30\nbob,25\n');
    expect(cut('-d, -f2- people.csv').output).toBe('age,city\n30,Paris\n25,Berlin\n');
    expect(cut('-d, -f-2 people.csv').output).toBe('name,age\nalice,30\nbob,25\n');
    expect(cut('-d , -f 5 people.csv').output).toBe('\n\n\n');
  });

  it('splits at tabs by default', () => {
    expect(cut('-f2 tabs')).toEqual({ output: 'b\n2\n', exitCode: 0 });
  });

  it('prints lines without the delimiter whole, unless -s', () => {
    expect(cut('-d= -f2 app.conf')).toEqual({ output: '# note\n8080\nlocalhost\n', exitCode: 0 });
    expect(cut('-d= -s -f2 app.conf')).toEqual({ output: '8080\nlocalhost\n', exitCode: 0 });
  });

  it('--complement and --output-delimiter', () => {
    expect(cut('-d, --complement -f2 people.csv').output).toBe('name,city\nalice,Paris\nbob,Berlin\n');
    expect(cut("-d, -f1,3 --output-delimiter=' | ' people.csv").output).toBe('name | city\nalice | Paris\nbob | Berlin\n');
  });

  it('ends a last line without a newline with one', () => {
    expect(run("printf 'a:b' | cut -d: -f2")).toEqual({ output: 'b\n', exitCode: 0 });
  });

  it('reads standard input and several files', () => {
    expect(run("echo 'x y z' | cut -d' ' -f2")).toEqual({ output: 'y\n', exitCode: 0 });
    expect(cut('-d, -f1 people.csv - < tabs').output).toBe('name\nalice\nbob\na\tb\tc\n1\t2\t3\n');
  });
});

describe('cut -c and -b', () => {
  it('counts bytes (coreutils cuts a UTF-8 character in two)', () => {
    expect(run("printf 'hello\\nab\\n' | cut -c1-3")).toEqual({ output: 'hel\nab\n', exitCode: 0 });
    expect(run("printf 'hello\\n' | cut -b2,4-")).toEqual({ output: 'elo\n', exitCode: 0 });
    expect(run("echo héllo | cut -c1-2")).toEqual({ output: 'h\uFFFD\n', exitCode: 0 });
  });

  it('puts --output-delimiter between ranges that do not overlap, touching or not', () => {
    expect(run('echo abcdef | cut -c1-2,3-4 --output-delimiter=:').output).toBe('ab:cd\n');
    expect(run('echo abcdef | cut -c1-3,2-4 --output-delimiter=:').output).toBe('abcd\n');
    expect(run('echo abcdef | cut -c4-5,1-2 --complement --output-delimiter=:').output).toBe('c:f\n');
  });
});

describe('cut errors', () => {
  it('names what is wrong with the options, as coreutils does', () => {
    expect(cut('people.csv')).toEqual(usage('you must specify a list of bytes, characters, or fields'));
    expect(cut('-d, -c1 people.csv')).toEqual(usage('an input delimiter may be specified only when operating on fields'));
    expect(cut('-s -c1 people.csv')).toEqual(usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields'));
    expect(cut('-f1 -c1 people.csv')).toEqual(usage('only one list may be specified'));
    expect(cut('-f1 -f2 people.csv')).toEqual(usage('only one list may be specified'));
    expect(cut('-d ab -f1 people.csv')).toEqual(usage('the delimiter must be a single character'));
    expect(cut('-d é -f1 people.csv')).toEqual(usage('the delimiter must be a single character'));
  });

  it('reads a LIST as set_fields does', () => {
    expect(cut('-f0 people.csv')).toEqual(usage('fields are numbered from 1'));
    expect(cut('-c0 people.csv')).toEqual(usage('byte/character positions are numbered from 1'));
    expect(cut('-f ,3 people.csv')).toEqual(usage('fields are numbered from 1'));
    expect(cut('-f3-1 people.csv')).toEqual(usage('invalid decreasing range'));
    expect(cut('-fx people.csv')).toEqual(usage('invalid field value ‘x’'));
    expect(cut('-b 1-2,x people.csv')).toEqual(usage('invalid byte/character position ‘x’'));
    expect(cut('-c- people.csv')).toEqual(usage('invalid range with no endpoint: -'));
    expect(cut('-f 1-2-3 people.csv')).toEqual(usage('invalid field range'));
    expect(cut('-c 1-2-3 people.csv')).toEqual(usage('invalid byte or character range'));
    expect(cut('-c 99999999999999999999 people.csv')).toEqual(usage('byte/character offset ‘99999999999999999999’ is too large'));
  });

  it('goes on past a file it cannot read, with status 1', () => {
    expect(cut('-d, -f1 nofile people.csv')).toEqual({ output: 'cut: nofile: No such file or directory\nname\nalice\nbob\n', exitCode: 1 });
    expect(cut('-f1 dir')).toEqual({ output: 'cut: dir: Is a directory\n', exitCode: 1 });
  });
});
