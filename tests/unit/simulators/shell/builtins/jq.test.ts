// jq 1.7.1, as Ubuntu 24.04 ships it: every expected output below is what jq 1.7.1 printed for
// the same line (scripts/dev/compare-awk-jq.ts runs them against a build of it). Most lines pipe
// into cat, so standard output is no terminal and jq writes no colours.
import { describe, expect, it } from 'vitest';
import { run, runWith } from './helpers';

const FILES =
  'printf \'{"name":"web","replicas":3,"ports":[80,443],"labels":{"app":"web","tier":"front"},"ready":true,"note":null}\\n\' > app.json && ' +
  'printf \'[{"id":1,"name":"alice","age":30,"tags":["a","b"]},{"id":2,"name":"bob","age":25,"tags":[]}]\\n\' > users.json && ' +
  'printf \'{"a":1}\\n{"a":2}\\n{"a":3}\\n\' > stream.json';
const jq = (line: string) => run(line, FILES);
/** A filter on null input, compact (jq -nc FILTER | cat). */
const nc = (filter: string) => run(`jq -nc '${filter.replace(/'/g, "'\\''")}' | cat`);

describe('jq: printing JSON as jq 1.7.1 does', () => {
  it('pretty-prints with two spaces, keys in their order', () => {
    expect(jq('jq . app.json | cat')).toEqual({
      output: '{\n  "name": "web",\n  "replicas": 3,\n  "ports": [\n    80,\n    443\n  ],\n  "labels": {\n    "app": "web",\n    "tier": "front"\n  },\n  "ready": true,\n  "note": null\n}\n',
      exitCode: 0,
    });
    expect(jq('jq -c . app.json | cat').output).toBe('{"name":"web","replicas":3,"ports":[80,443],"labels":{"app":"web","tier":"front"},"ready":true,"note":null}\n');
    expect(jq('jq -S -c .labels app.json | cat').output).toBe('{"app":"web","tier":"front"}\n');
    expect(jq('jq --tab .labels app.json | cat').output).toBe('{\n\t"app": "web",\n\t"tier": "front"\n}\n');
    expect(jq('jq --indent 1 .ports app.json | cat').output).toBe('[\n 80,\n 443\n]\n');
  });

  it('colours on a terminal (jq 1.7.1\'s default JQ_COLORS), not in a pipe or with -M', () => {
    expect(jq('jq -c .ports app.json').output).toBe('\x1b[1;39m[\x1b[0;39m80\x1b[0m\x1b[1;39m,\x1b[0;39m443\x1b[0m\x1b[1;39m\x1b[1;39m]\x1b[0m\n');
    expect(jq('jq .labels app.json').output).toBe(
      '\x1b[1;39m{\n  \x1b[0m\x1b[1;34m"app"\x1b[0m\x1b[1;39m: \x1b[0m\x1b[0;32m"web"\x1b[0m\x1b[1;39m,\n  \x1b[0m\x1b[1;34m"tier"\x1b[0m\x1b[1;39m: \x1b[0m\x1b[0;32m"front"\x1b[0m\x1b[1;39m\n\x1b[1;39m}\x1b[0m\n',
    );
    expect(jq('jq .note app.json').output).toBe('\x1b[0;90mnull\x1b[0m\n');
    expect(jq('jq -M .labels.app app.json').output).toBe('"web"\n');
    expect(jq('jq -C -c .ready app.json | cat').output).toBe('\x1b[0;39mtrue\x1b[0m\n');
  });

  it('-r, -j, -a', () => {
    expect(jq('jq -r .name app.json')).toEqual({ output: 'web\n', exitCode: 0 });
    expect(jq('jq -r .ports[] app.json | cat').output).toBe('80\n443\n');
    // -r writes strings bare; other values are JSON, coloured on a terminal.
    expect(jq('jq -r .replicas app.json').output).toBe('\x1b[0;39m3\x1b[0m\n');
    expect(jq('jq -j .name app.json; echo').output).toBe('web\n');
    expect(run('echo \'"é"\' | jq -a . | cat').output).toBe('"\\u00e9"\n');
  });

  it('numbers: literals kept as read, computed ones in shortest form', () => {
    expect(run('echo \'{"a":1.0,"b":1e2,"c":100000000000000000001,"d":-0,"e":0.00001}\' | jq -c . | cat').output).toBe('{"a":1.0,"b":1E+2,"c":100000000000000000001,"d":-0,"e":0.00001}\n');
    expect(run('echo \'{"a":1.0,"b":1e2}\' | jq -c \'map_values(. + 0)\' | cat').output).toBe('{"a":1,"b":100}\n');
    expect(nc('[1e1000, -1e1000, 1e16 + 0, 1e15 + 0, 0.00001 + 0, 1/3, 3.0, -(1)]').output).toBe(
      '[1E+1000,-1.7976931348623157e+308,1e+16,1000000000000000,1e-05,0.3333333333333333,3.0,-1]\n',
    );
    expect(nc('[nan, infinite] | tostring').output).toBe('"[null,1.7976931348623157e+308]"\n');
  });
});

describe('jq: the language', () => {
  it('paths, iteration, slices, optional access', () => {
    expect(jq('jq -c \'.labels.app, .ports[1], .ports[-1], .ports[5], .missing.deeper\' app.json | cat').output).toBe('"web"\n443\n443\nnull\nnull\n');
    expect(nc('[range(5)] | .[2:4], .[:-1], .[-2:]').output).toBe('[2,3]\n[0,1,2,3]\n[3,4]\n');
    expect(nc('"abcdef" | .[2:4]').output).toBe('"cd"\n');
    expect(nc('[1 | .a?], [.[]?], (1 | try .a catch .)').output).toBe('[]\n[]\n"Cannot index number with string \\"a\\""\n');
  });

  it('construction, pipes, comma, alternatives', () => {
    expect(jq('jq -c \'{name, n: (.ports | length), first: .ports[0]}\' app.json | cat').output).toBe('{"name":"web","n":2,"first":80}\n');
    expect(nc('[{a:(1,2), b:(3,4)}]').output).toBe('[{"a":1,"b":3},{"a":1,"b":4},{"a":2,"b":3},{"a":2,"b":4}]\n');
    expect(nc('[(1,2) + (10,20)]').output).toBe('[11,12,21,22]\n');
    expect(nc('["\\(1,2)-\\(3,4)"]').output).toBe('["1-3","2-3","1-4","2-4"]\n');
    expect(nc('[(null, false) // 3], [(1, null, 2) // 3]').output).toBe('[3]\n[1,2]\n');
  });

  it('select, map, sorting and grouping', () => {
    expect(jq('jq -c \'[.[] | select(.age > 28) | .name]\' users.json | cat').output).toBe('["alice"]\n');
    expect(jq('jq -c \'map(.age) | add / length\' users.json | cat').output).toBe('27.5\n');
    expect(jq('jq -c \'sort_by(.age) | map(.name)\' users.json | cat').output).toBe('["bob","alice"]\n');
    expect(nc('[3,[1],"a",{},null,true,false,1.5] | sort').output).toBe('[null,false,true,1.5,3,"a",[1],{}]\n');
    expect(nc('[{"a":1},{"a":2},{"a":1}] | group_by(.a) | map(length)').output).toBe('[2,1]\n');
    expect(nc('[1,1,2] | unique, min, max').output).toBe('[1,2]\n1\n2\n');
  });

  it('objects: keys, has, in, entries, with_entries, from_entries', () => {
    expect(nc('{"b":1,"a":2} | keys, keys_unsorted, to_entries').output).toBe('["a","b"]\n["b","a"]\n[{"key":"b","value":1},{"key":"a","value":2}]\n');
    expect(nc('{"a":1} | has("a"), has("b"), ("a" | in({"a":1}))').output).toBe('true\nfalse\ntrue\n');
    expect(nc('{"a":1,"b":2} | with_entries(.value += 1)').output).toBe('{"a":2,"b":3}\n');
    expect(nc('[{"name":"a","value":2}] | from_entries').output).toBe('{"a":2}\n');
  });

  it('strings: split, join, tests, regexes, formats', () => {
    expect(nc('"a,b,c" | split(","), (split(",") | join("-"))').output).toBe('["a","b","c"]\n"a-b-c"\n');
    expect(nc('"abc" | ltrimstr("a"), rtrimstr("c"), startswith("a"), endswith("c"), ascii_upcase').output).toBe('"bc"\n"ab"\ntrue\ntrue\n"ABC"\n');
    expect(nc('"test 123" | test("\\\\d"), [scan("\\\\d")], sub("\\\\d+"; "#")').output).toBe('true\n["1","2","3"]\n"test #"\n');
    expect(nc('"abc" | capture("(?<x>b)"), gsub(""; "-")').output).toBe('{"x":"b"}\n"-a-b-c-"\n');
    expect(nc('"aé" | match("é")').output).toBe('{"offset":1,"length":1,"string":"é","captures":[]}\n');
    expect(nc('[1,"a b"] | @sh, @csv, @tsv, @json, @base64').output).toBe('"1 \'a b\'"\n"1,\\"a b\\""\n"1\\ta b"\n"[1,\\"a b\\"]"\n"WzEsImEgYiJd"\n');
    expect(nc('"a b&c" | @uri, @html').output).toBe('"a%20b%26c"\n"a b&amp;c"\n');
  });

  it('reduce, foreach, limit, first, until, variables, destructuring, functions', () => {
    expect(nc('reduce range(10) as $i (0; . + $i)').output).toBe('45\n');
    expect(nc('[foreach (1,2,3) as $x (0; . + $x)]').output).toBe('[1,3,6]\n');
    expect(nc('[limit(3; repeat(1))], first(range(5; 10)), [limit(0; 1,2)]').output).toBe('[1,1,1]\n5\n[]\n');
    expect(nc('1 | until(. > 100; . * 2)').output).toBe('128\n');
    expect(nc('[[1,2]] | .[] as [$a, $b] | {a: $a, b: $b}').output).toBe('{"a":1,"b":2}\n');
    expect(nc('def f(x): x * 2; def g($a; $b): [$a, $b]; f(1,2), [g(1,2; 3)]').output).toBe('2\n4\n[[1,3],[2,3]]\n');
    expect(nc('[label $f | 1, break $f, 2]').output).toBe('[1]\n');
  });

  it('assignments: =, |=, arithmetic updates, del, paths', () => {
    expect(jq('jq -c \'.replicas += 1 | .labels.env = "prod" | del(.note, .ports)\' app.json | cat').output).toBe('{"name":"web","replicas":4,"labels":{"app":"web","tier":"front","env":"prod"},"ready":true}\n');
    expect(nc('{"a":[1,2,3]} | .a |= map(. * 10), del(.a[] | select(. == 2))').output).toBe('{"a":[10,20,30]}\n{"a":[1,3]}\n');
    expect(nc('[1,2,3] | .[] |= empty').output).toBe('[]\n');
    expect(nc('{"a":{"b":1}} | [paths], [paths(type == "number")], getpath(["a","b"])').output).toBe('[["a"],["a","b"]]\n[["a","b"]]\n1\n');
    expect(nc('{} | .a.b.c = 1').output).toBe('{"a":{"b":{"c":1}}}\n');
  });
});

describe('jq: inputs, arguments and exit status', () => {
  it('several texts in one input, -s, -n with input/inputs, -R', () => {
    expect(jq('jq .a stream.json | cat').output).toBe('1\n2\n3\n');
    expect(jq('jq -c -s . stream.json | cat').output).toBe('[{"a":1},{"a":2},{"a":3}]\n');
    expect(jq('jq -n -c "[inputs.a]" stream.json | cat').output).toBe('[1,2,3]\n');
    expect(run("printf 'a\\nb\\n' | jq -R . | cat").output).toBe('"a"\n"b"\n');
    expect(run("printf 'a\\nb\\n' | jq -Rs . | cat").output).toBe('"a\\nb\\n"\n');
  });

  it('--arg, --argjson, $ARGS, --args', () => {
    expect(jq('jq --arg n web \'.name == $n\' app.json | cat').output).toBe('true\n');
    expect(run("jq -n -c --arg x 1 --argjson y 2 '[$x, $y, $ARGS]' | cat").output).toBe('["1",2,{"positional":[],"named":{"x":"1","y":2}}]\n');
    expect(run("jq -n -c '$ARGS.positional' --args a b | cat").output).toBe('["a","b"]\n');
  });

  it('-e sets the status from the last output', () => {
    expect(jq("jq -e '.ready' app.json >/dev/null; echo $?").output).toBe('0\n');
    expect(jq("jq -e '.note' app.json >/dev/null; echo $?").output).toBe('1\n');
    expect(jq("jq -e 'empty' app.json; echo $?").output).toBe('4\n');
  });

  it('reads JSON typed at the terminal until Ctrl-D', () => {
    expect(runWith('jq -c .a', ['{"a":', '5}\r', '\x04'])).toEqual({ output: '{"a":5}\r\n\x1b[0;39m5\x1b[0m\n', exitCode: 0 });
  });
});

describe('jq: errors as jq 1.7.1 words them', () => {
  it('run-time errors, with the input position; status 5', () => {
    expect(run('echo 1 | jq .a')).toEqual({ output: 'jq: error (at <stdin>:1): Cannot index number with string "a"\n', exitCode: 5 });
    expect(jq("jq '.[] | .name' app.json")).toEqual({ output: 'jq: error (at app.json:1): Cannot index string with string "name"\n', exitCode: 5 });
    expect(run("jq -n '{a:1} | error'")).toEqual({ output: 'jq: error (at <unknown>) (not a string): {"a":1}\n', exitCode: 5 });
    expect(run("jq -n '1 / 0'")).toEqual({ output: 'jq: error (at <unknown>): number (1) and number (0) cannot be divided because the divisor is zero\n', exitCode: 5 });
    expect(run("jq -n '[1] | .[0] | keys'")).toEqual({ output: 'jq: error (at <unknown>): number (1) has no keys\n', exitCode: 5 });
    expect(run("jq -n 'path(1)'")).toEqual({ output: 'jq: error (at <unknown>): Invalid path expression with result 1\n', exitCode: 5 });
  });

  it('the status of the last input is the one jq exits with', () => {
    expect(run('echo \'"x" {}\' | jq .a | cat; echo ${PIPESTATUS[0]}').output).toBe('jq: error (at <stdin>:1): Cannot index string with string "a"\nnull\n0\n');
  });

  it('parse errors in the input: status 5', () => {
    expect(run("echo '{\"a\" 1}' | jq .")).toEqual({ output: 'jq: parse error: Expected separator between values at line 1, column 7\n', exitCode: 5 });
    expect(run("echo \"{'a':1}\" | jq .")).toEqual({ output: 'jq: parse error: Invalid numeric literal at line 1, column 5\n', exitCode: 5 });
    expect(run("echo '[1,' | jq .")).toEqual({ output: 'jq: parse error: Unfinished JSON term at EOF at line 2, column 0\n', exitCode: 5 });
  });

  it('compile errors: bison\'s words, the line, a count; status 3', () => {
    expect(run("jq -n '.a |'")).toEqual({
      output: 'jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\n.a |   \njq: 1 compile error\n',
      exitCode: 3,
    });
    expect(run("jq -n '{a:1 + 2}'")).toEqual({
      output: "jq: error: syntax error, unexpected '+', expecting '}' (Unix shell quoting issues?) at <top-level>, line 1:\n{a:1 + 2}     \njq: 1 compile error\n",
      exitCode: 3,
    });
    expect(run("jq -n 'if . then 1'")).toEqual({
      output:
        "jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\nif . then 1          \njq: error: Possibly unterminated 'if' statement at <top-level>, line 1:\nif . then 1\njq: 2 compile errors\n",
      exitCode: 3,
    });
    expect(run("jq -n 'foo | $x'")).toEqual({
      output: 'jq: error: foo/0 is not defined at <top-level>, line 1:\nfoo | $x\njq: error: $x is not defined at <top-level>, line 1:\nfoo | $x      \njq: 2 compile errors\n',
      exitCode: 3,
    });
  });

  it('files and options it refuses: status 2', () => {
    expect(run('jq . nofile')).toEqual({ output: 'jq: error: Could not open file nofile: No such file or directory\n', exitCode: 2 });
    expect(run('jq -x .')).toEqual({
      output: 'jq: Unknown option -x\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n',
      exitCode: 2,
    });
    expect(run('jq --arg x').output.split('\n')[0]).toBe('jq: --arg takes two parameters (e.g. --arg varname value)');
    expect(run('jq --version')).toEqual({ output: 'jq-1.7.1\n', exitCode: 0 });
  });

  it('what this terminal does not compute is said plainly', () => {
    expect(run("jq -n 'gamma'")).toEqual({ output: 'jq: error: gamma/0 is not supported in this terminal at <top-level>, line 1:\ngamma\njq: 1 compile error\n', exitCode: 3 });
    // glibc lets no program link pow10: jq's build defines it as this error.
    expect(run("jq -nc -M '4 | exp10, pow10'")).toEqual({ output: '10000\njq: error (at <unknown>): Error: pow10/0 not found at build time\n', exitCode: 5 });
    expect(run('jq -n \'"foo" | test("(?=o)")\'')).toEqual({ output: 'jq: error (at <unknown>): Regex failure: look-ahead and look-behind are not supported in this terminal\n', exitCode: 5 });
  });

  it('runaway generators and recursion are cut like Ctrl-C', () => {
    expect(run("jq -n '[range(1e9)] | length'")).toEqual({ output: '^C\n', exitCode: 130 });
    expect(run("jq -n 'def f: f; f'")).toEqual({ output: '^C\n', exitCode: 130 });
    expect(run("jq -n '[repeat(1)]'")).toEqual({ output: '^C\n', exitCode: 130 });
  });
});
