import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('echo', () => {
  it('prints its arguments separated by single spaces, and a newline', () => {
    expect(run('echo hello world')).toEqual({ output: 'hello world\n', exitCode: 0 });
    expect(run('echo   spaced    out').output).toBe('spaced out\n');
    expect(run('echo "spaced    out"').output).toBe('spaced    out\n');
    expect(run('echo').output).toBe('\n');
    expect(run("echo ''").output).toBe('\n');
    expect(run('echo "" x').output).toBe(' x\n');
  });

  it('-n leaves out the newline', () => {
    expect(run('echo -n hi').output).toBe('hi');
    expect(run('echo -n').output).toBe('');
  });

  it('leaves backslashes alone unless -e', () => {
    expect(run("echo 'a\\tb'").output).toBe('a\\tb\n');
    expect(run("echo -E 'a\\tb'").output).toBe('a\\tb\n');
  });

  it('-e reads C escapes', () => {
    expect(run("echo -e 'a\\tb\\nc'").output).toBe('a\tb\nc\n');
    expect(run("echo -e 'x\\\\y \\a\\b\\f\\v\\r'").output).toBe('x\\y \x07\b\f\v\r\n');
    expect(run("echo -e '\\e[1m'").output).toBe('\x1b[1m\n');
  });

  it('-e reads \\0NNN octal, \\xHH hex and \\u unicode, bytes making UTF-8', () => {
    expect(run("echo -e '\\0101\\x41\\x4a'").output).toBe('AAJ\n');
    expect(run("echo -e '\\101'").output).toBe('\\101\n');
    expect(run("echo -e '\\u00e9 \\U0001F600'").output).toBe('é 😀\n');
    expect(run("echo -e '\\xc3\\xa9'").output).toBe('é\n');
    expect(run("echo -e '\\0'").output).toBe('\0\n');
  });

  it('-e keeps unknown escapes and a lone backslash', () => {
    expect(run("echo -e '\\q \\x'").output).toBe('\\q \\x\n');
    expect(run("echo -e 'end\\\\'").output).toBe('end\\\n');
    expect(run("echo -e 'a\\'").output).toBe('a\\\n');
  });

  it('-e stops everything at \\c', () => {
    expect(run("echo -e 'a\\cb'; echo").output).toBe('a\n');
  });

  it('combines -n and -e, the last of -e and -E winning', () => {
    expect(run("echo -ne 'x\\n'").output).toBe('x\n');
    expect(run("echo -en 'x\\n'").output).toBe('x\n');
    expect(run("echo -eE 'a\\tb'").output).toBe('a\\tb\n');
    expect(run("echo -Ee 'a\\tb'").output).toBe('a\tb\n');
    expect(run("echo -e -n 'a\\tb'").output).toBe('a\tb');
  });

  it('prints what only looks like an option', () => {
    expect(run('echo -x').output).toBe('-x\n');
    expect(run('echo -nx').output).toBe('-nx\n');
    expect(run('echo -- -n').output).toBe('-- -n\n');
    expect(run('echo a -n').output).toBe('a -n\n');
    expect(run('echo --help')).toEqual({ output: '--help\n', exitCode: 0 });
  });
});
