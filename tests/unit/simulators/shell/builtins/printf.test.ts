import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('printf: format and arguments', () => {
  it('prints the format, without adding a newline', () => {
    expect(run("printf 'hello\\n'")).toEqual({ output: 'hello\n', exitCode: 0 });
    expect(run("printf 'no newline'").output).toBe('no newline');
    expect(run("printf 'x%sy\\n'").output).toBe('xy\n');
  });

  it('reuses the format until the arguments run out', () => {
    expect(run("printf '%s\\n' a b c").output).toBe('a\nb\nc\n');
    expect(run("printf '%s-%s\\n' a b c").output).toBe('a-b\nc-\n');
    expect(run("printf '%d %s\\n' 1 a 2").output).toBe('1 a\n2 \n');
    expect(run("printf 'hi\\n' a b").output).toBe('hi\n');
  });

  it('reads format escapes: C ones, octal with or without 0, hex and unicode', () => {
    expect(run("printf 'a\\tb\\\\c\\n'").output).toBe('a\tb\\c\n');
    expect(run("printf '\\101\\0101\\x41\\n'").output).toBe('A\b1A\n');
    expect(run("printf '\\u263a \\xc3\\xa9\\n'").output).toBe('☺ é\n');
    expect(run("printf '\\e[1m\\n'").output).toBe('\x1b[1m\n');
    expect(run(`printf '\\"\\?\\n'`).output).toBe('"?\n');
    expect(run("printf 'a\\cb\\n'").output).toBe('a\\cb\n');
    expect(run("printf 'a\\\\'").output).toBe('a\\');
  });

  it('warns about \\x with no digits but prints it', () => {
    expect(run("printf '\\x41\\x\\n'")).toEqual({ output: 'bash: printf: missing hex digit for \\x\nA\\x\n', exitCode: 0 });
  });
});

describe('printf: conversions', () => {
  it('%s and %b, with width, precision and -', () => {
    expect(run("printf '%5s|%-5s|%.2s|%05s|\\n' ab cd xyz e").output).toBe('   ab|cd   |xy|    e|\n');
    expect(run("printf '%.3s|%-4.2s|\\n' abcdef xyz").output).toBe('abc|xy  |\n');
    expect(run("printf '%b\\n' 'a\\tb' '\\101' '\\0101'").output).toBe('a\tb\nA\nA\n');
    expect(run("printf '%b|\\n' 'a\\cb' x").output).toBe('a');
  });

  it('%d and %i read decimal, octal, hex and a character code', () => {
    expect(run("printf '%d\\n' 42 -3 +7").output).toBe('42\n-3\n7\n');
    expect(run("printf '%i %i %d %d\\n' 010 0x10 -0x10 \"'A\"").output).toBe('8 16 -16 65\n');
    expect(run("printf '%d\\n' ' 12'").output).toBe('12\n');
    expect(run("printf '%d|\\n' ''").output).toBe('0|\n');
  });

  it('%d pads, signs and zero-fills', () => {
    expect(run("printf '%5d|%-5d|%05d|%+d|% d|\\n' 42 42 42 5 5").output).toBe('   42|42   |00042|+5| 5|\n');
    expect(run("printf '%.3d|%08.3d|%-05d|%.0d|\\n' 5 5 5 0").output).toBe('005|     005|5    ||\n');
    expect(run("printf '%*d|%-*d|\\n' 5 42 4 1").output).toBe('   42|1   |\n');
  });

  it('complains about what is not a number, prints 0 or the part it read, exit 1', () => {
    expect(run("printf '%d\\n' abc")).toEqual({ output: 'bash: printf: abc: invalid number\n0\n', exitCode: 1 });
    expect(run("printf '%d\\n' 3.5")).toEqual({ output: 'bash: printf: 3.5: invalid number\n3\n', exitCode: 1 });
    expect(run("printf '%d\\n' '12 '")).toEqual({ output: 'bash: printf: 12 : invalid number\n12\n', exitCode: 1 });
    expect(run("printf '%d\\n' 1e3").exitCode).toBe(1);
  });

  it('clamps numbers out of range, with a warning', () => {
    expect(run("printf '%d\\n' 99999999999999999999")).toEqual({
      output: 'bash: printf: warning: 99999999999999999999: Numerical result out of range\n9223372036854775807\n',
      exitCode: 0,
    });
  });

  it('%u %o %x %X treat negatives as 64-bit unsigned; # adds the base', () => {
    expect(run("printf '%x %X %o %u\\n' 255 255 8 5").output).toBe('ff FF 10 5\n');
    expect(run("printf '%x|%X|%u\\n' -1 -1 -5").output).toBe('ffffffffffffffff|FFFFFFFFFFFFFFFF|18446744073709551611\n');
    expect(run("printf '%#x %#X %#o %#x\\n' 255 255 8 0").output).toBe('0xff 0XFF 010 0\n');
  });

  it('%f %e %g round as C does, half to even on the exact value', () => {
    expect(run("printf '%f\\n' 3.14159").output).toBe('3.141590\n');
    expect(run("printf '%.2f|%8.3f|%010.3f|%+.1f\\n' 3.14159 3.14159 -3.14159 2").output).toBe('3.14|   3.142|-00003.142|+2.0\n');
    expect(run("printf '%.0f %.0f %.0f\\n' 0.5 1.5 2.5").output).toBe('0 2 2\n');
    expect(run("printf '%5.1f|\\n' 2.25 2.35 -0.05").output).toBe('  2.2|\n  2.3|\n -0.1|\n');
    expect(run("printf '%e|%E|%.2e\\n' 1234.5 123456 12345").output).toBe('1.234500e+03|1.234560E+05|1.23e+04\n');
    expect(run("printf '%e\\n' 0").output).toBe('0.000000e+00\n');
    expect(run("printf '%g %g %g %G\\n' 100000 1000000 0.00001234 1e-10").output).toBe('100000 1e+06 1.234e-05 1E-10\n');
    expect(run("printf '%g %g %g\\n' 0.1 123.456 9.9999999").output).toBe('0.1 123.456 10\n');
    expect(run("printf '%#g %.3g\\n' 1 1234567").output).toBe('1.00000 1.23e+06\n');
    expect(run("printf '%.15f\\n' 0.1").output).toBe('0.100000000000000\n');
    expect(run("printf '%f %f %F\\n' inf -inf nan").output).toBe('inf -inf NAN\n');
  });

  it('%f refuses text', () => {
    expect(run("printf '%f\\n' abc")).toEqual({ output: 'bash: printf: abc: invalid number\n0.000000\n', exitCode: 1 });
  });

  it('%c prints the first character', () => {
    expect(run("printf '%c|%5c|%-3c|\\n' hello a b").output).toBe('h|    a|b  |\n');
  });

  it('%q quotes for the shell', () => {
    expect(run("printf '%q\\n' 'a b' \"it's\" '' '~x' 'x~' 'a=b' '#x' 'a#x' 'a,b' '{a}' 'a\"b!c]' é").output).toBe(
      "a\\ b\nit\\'s\n''\n\\~x\nx~\na=b\n\\#x\na#x\na\\,b\n\\{a\\}\na\\\"b\\!c\\]\né\n",
    );
    expect(run(`printf '%q\\n' "$(printf 'a\\tb')" "$(printf "a'\\tb")"`).output).toBe("$'a\\tb'\n$'a\\'\\tb'\n");
    expect(run("printf '%5q|\\n' 'a b'").output).toBe(' a\\ b|\n');
  });

  it('%(FORMAT)T formats a time in seconds, -1 being now', () => {
    expect(run("printf '%(%F %T)T\\n' 1740992400").output).toBe('2025-03-03 09:00:00\n');
    expect(run("printf '%(%Y)T %(%H:%M)T\\n' 0 -1").output).toBe('1970 09:00\n');
  });

  it('takes h, l and L length modifiers and ignores them', () => {
    expect(run("printf '%ld %lld %hd\\n' 1 2 3").output).toBe('1 2 3\n');
  });

  it('%% is a percent sign; anything else after % is an error that stops printf', () => {
    expect(run("printf '%%\\n'").output).toBe('%\n');
    expect(run("printf 'ab%k\\n'")).toEqual({ output: "bash: printf: `k': invalid format character\nab", exitCode: 1 });
    expect(run("printf '%5%|\\n'")).toEqual({ output: "bash: printf: `%': invalid format character\n", exitCode: 1 });
    expect(run("printf '%'")).toEqual({ output: "bash: printf: `%': missing format character\n", exitCode: 1 });
    expect(run("printf '%5'")).toEqual({ output: "bash: printf: `%5': missing format character\n", exitCode: 1 });
  });
});

describe('printf: options and usage', () => {
  it('-v assigns to a variable instead of printing', () => {
    expect(run("printf -v x '%s-%s' a b; echo \"[$x]\"")).toEqual({ output: '[a-b]\n', exitCode: 0 });
    expect(run("printf -v v -- '%s' a; echo $v").output).toBe('a\n');
  });

  it('-- ends the options, so a format may start with -', () => {
    expect(run("printf -- '-%s\\n' x").output).toBe('-x\n');
    expect(run("printf '%s\\n' -- x").output).toBe('--\nx\n');
  });

  it('refuses bad options and a missing format, exit 2', () => {
    const usage = 'printf: usage: printf [-v var] format [arguments]\n';
    expect(run('printf')).toEqual({ output: usage, exitCode: 2 });
    expect(run('printf -v')).toEqual({ output: `bash: printf: -v: option requires an argument\n${usage}`, exitCode: 2 });
    expect(run('printf -x')).toEqual({ output: `bash: printf: -x: invalid option\n${usage}`, exitCode: 2 });
    expect(run('printf -v 1x hi')).toEqual({ output: "bash: printf: `1x': not a valid identifier\n", exitCode: 2 });
  });

  it('--help shows the builtin help, exit 2', () => {
    const { output, exitCode } = run('printf --help');
    expect(exitCode).toBe(2);
    expect(output.split('\n').slice(0, 2)).toEqual(['printf: printf [-v var] format [arguments]', '    Formats and prints ARGUMENTS under control of the FORMAT.']);
  });
});
