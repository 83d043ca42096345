import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  executeTemplate,
  executeTemplatePartial,
  formatFloat,
  FuncError,
  goMap,
  goStruct,
  parseTemplate,
  TemplateError,
  type FuncMap,
  type TemplateValue,
} from '../../../../../simulators/core/template';

// Go's engine with its builtins only; docker's functions are tested in docker/format/.
const CTX = '*formatter.ContainerContext';
const run = (src: string, data: TemplateValue = null, typeName?: string) => executeTemplate(parseTemplate(src), data, { typeName });
/** The TemplateError message, parse or execute. */
const err = (src: string, data: TemplateValue = null, typeName?: string): string => {
  try {
    run(src, data, typeName);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${src}`);
};

const container = {
  ID: '4e1b6bae1e48',
  Names: 'web',
  Image: 'nginx:1.27',
  State: 'running',
  Count: 3,
  List: ['a', 'b'],
  Nil: null,
  Nested: { Inner: { Deep: 'yes' } },
  Label: (name: TemplateValue) => ({ 'com.docker.compose.project': 'shop' } as Record<string, string>)[name as string] ?? '',
  Labels: () => 'com.docker.compose.project=shop',
};

describe('fields', () => {
  it('reads fields, nested fields and dot', () => {
    expect(run('{{.ID}} {{.Names}}', container)).toBe('4e1b6bae1e48 web');
    expect(run('{{.Nested.Inner.Deep}}', container)).toBe('yes');
    expect(run('{{.}}', 'hello')).toBe('hello');
    expect(run('{{.Count}}/{{.List}}', container)).toBe('3/[a b]');
    expect(run('plain text only', container)).toBe('plain text only');
  });

  it('calls methods, with arguments, like .Label "key"', () => {
    expect(run('{{.Label "com.docker.compose.project"}}', container)).toBe('shop');
    expect(run('[{{.Label "missing"}}]', container)).toBe('[]');
    expect(run('{{.Labels}}', container)).toBe('com.docker.compose.project=shop');
    expect(run('{{"com.docker.compose.project" | .Label}}', container)).toBe('shop');
    expect(err('{{.Label}}', container, CTX)).toBe('template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
    expect(err('{{.Labels "x"}}', container, CTX)).toBe('template: :1:2: executing "" at <.Labels>: wrong number of args for Labels: want 0 got 1');
  });

  it('turns an exception thrown by a method into "error calling"', () => {
    const data = { Boom: () => { throw new TypeError('kaput'); } };
    expect(err('{{.Boom}}', data)).toBe('template: :1:2: executing "" at <.Boom>: error calling Boom: kaput');
  });

  it('words a missing field like Go, with byte positions', () => {
    expect(err('{{.Nope}}', container, CTX)).toBe(`template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type ${CTX}`);
    // A chain is positioned at its second field, as Go's parser does.
    expect(err('{{.ID.Nope}}', container, CTX)).toBe(`template: :1:5: executing "" at <.ID.Nope>: can't evaluate field Nope in type string`);
    expect(err('line one\n  {{.Nope}}', container, CTX)).toBe(`template: :2:4: executing "" at <.Nope>: can't evaluate field Nope in type ${CTX}`);
    expect(err('é{{.Nope}}', container, CTX)).toBe(`template: :1:4: executing "" at <.Nope>: can't evaluate field Nope in type ${CTX}`);
    expect(err('{{.Nil.X}}', container)).toBe('template: :1:6: executing "" at <.Nil.X>: nil pointer evaluating interface {}.X');
    expect(err('{{.Names 1}}', container)).toBe('template: :1:2: executing "" at <.Names>: Names has arguments but cannot be invoked as function');
    expect(err('{{.Nested.Nope}}', goStruct(container, 'types.Container'))).toBe(`template: :1:9: executing "" at <.Nested.Nope>: can't evaluate field Nope in type struct {...}`);
    expect(err('{{.A.B}}', { A: goStruct({ X: 1 }, 'types.State') })).toBe(`template: :1:4: executing "" at <.A.B>: can't evaluate field B in type types.State`);
  });

  it('gives maps "<no value>" for missing keys and sorts them', () => {
    const labels = goMap({ zeta: 'z', alpha: 'a' });
    expect(run('{{.Nope}}', labels)).toBe('<no value>');
    expect(run('{{.}}', labels)).toBe('map[alpha:a zeta:z]');
    expect(run('[{{index . "nope"}}]', labels)).toBe('[]');
    expect(run('{{index . "zeta"}}', labels)).toBe('z');
    expect(err('{{.alpha 1}}', labels)).toBe('template: :1:2: executing "" at <.alpha>: alpha is not a method but has arguments');
    expect(run('{{.Missing.Deeper}}', goMap({}))).toBe('<no value>');
  });

  it('does not reach into JavaScript prototypes', () => {
    expect(err('{{.constructor}}', {})).toBe(`template: :1:2: executing "" at <.constructor>: can't evaluate field constructor in type struct {...}`);
    expect(run('{{.__proto__}}', goMap({}))).toBe('<no value>');
    expect(err('{{.length}}', { L: [1] }, 'T')).toMatch(/can't evaluate field length in type T/);
  });
});

describe('control structures', () => {
  it('if / else if / else', () => {
    const t = '{{if eq .State "running"}}up{{else if eq .State "paused"}}paused{{else}}down{{end}}';
    expect(run(t, { State: 'running' })).toBe('up');
    expect(run(t, { State: 'paused' })).toBe('paused');
    expect(run(t, { State: 'exited' })).toBe('down');
    expect(run('{{if .List}}some{{end}}{{if .Nil}}nil{{end}}{{if 0}}zero{{end}}{{if ""}}e{{end}}', container)).toBe('some');
    expect(run('{{if and .Count (not .Nil)}}yes{{end}}', container)).toBe('yes');
  });

  it('range over slices, maps and ints, with variables, else, break and continue', () => {
    expect(run('{{range .List}}[{{.}}]{{end}}', container)).toBe('[a][b]');
    expect(run('{{range $i, $e := .List}}{{$i}}={{$e}} {{end}}', container)).toBe('0=a 1=b ');
    expect(run('{{range $k, $v := .}}{{$k}}:{{$v}},{{end}}', goMap({ b: '2', a: '1' }))).toBe('a:1,b:2,');
    expect(run('{{range .Empty}}x{{else}}none{{end}}', { Empty: [] })).toBe('none');
    expect(run('{{range 3}}{{.}}{{end}}', null)).toBe('012');
    expect(run('{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}', [0, 1, 2, 3, 4])).toBe('02');
    expect(run('{{range .Nil}}x{{end}}', container)).toBe('');
    expect(err('{{range .Names}}x{{end}}', container)).toBe(`template: :1:8: executing "" at <.Names>: range can't iterate over web`);
  });

  it('with, variables and $', () => {
    expect(run('{{with .Nested.Inner}}{{.Deep}}{{end}}', container)).toBe('yes');
    expect(run('{{with .Nil}}x{{else}}empty{{end}}', container)).toBe('empty');
    expect(run('{{$n := len .List}}{{$n}} {{$n = 7}}{{$n}}', container)).toBe('2 7');
    expect(run('{{range .List}}{{$.Names}}-{{.}} {{end}}', container)).toBe('web-a web-b ');
  });

  it('define, template and block', () => {
    expect(run('{{define "item"}}[{{.}}]{{end}}{{template "item" .Names}}{{template "item" "x"}}', container)).toBe('[web][x]');
    expect(run('{{block "b" .Names}}<{{.}}>{{end}}', container)).toBe('<web>');
    expect(err('{{template "x"}}', container)).toBe('template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined');
    expect(err('{{define "a"}}{{template "a"}}{{end}}{{template "a"}}', null)).toMatch(/exceeded maximum template depth \(1000\)$/);
  });

  it('trims whitespace around {{- and -}}, and comments', () => {
    expect(run('a  \n {{- .Names -}} \n\t b', container)).toBe('awebb');
    expect(run('{{-3}}', null)).toBe('-3');
    expect(run('x {{- 3}}', null)).toBe('x3');
    expect(run('a{{/* a comment */}}b {{- /* trimmed */ -}} c', null)).toBe('abc');
    expect(run('{{.Names\n}}', container)).toBe('web');
  });
});

describe('literals', () => {
  it('strings with escapes, raw strings, numbers, booleans and nil', () => {
    expect(run('{{"a\\tb"}}', null)).toBe('a\tb');
    expect(run('{{"\\u00e9\\x41\\101\\n"}}', null)).toBe('éAA\n');
    expect(run('{{`a\\tb`}}', null)).toBe('a\\tb');
    expect(run("{{'a'}} {{0x1F}} {{0o17}} {{017}} {{1_000}} {{-5}} {{true}}", null)).toBe('97 31 15 15 1000 -5 true');
    expect(run('{{1.5}} {{3.0}} {{1e6}} {{1e3}} {{0.0001}} {{1e-5}} {{1234567.5}}', null)).toBe('1.5 3 1e+06 1000 0.0001 1e-05 1.2345675e+06');
    expect(run('{{2i}} {{1+2i}}', null)).toBe('(0+2i) (1+2i)');
    expect(err('{{nil}}', null)).toBe('template: :1:2: executing "" at <nil>: nil is not a command');
  });
});

describe('functions', () => {
  it('print, println and printf', () => {
    expect(run('{{print 1 2 "a" 3 "b" "c"}}', null)).toBe('1 2a3bc');
    expect(run('{{println .Names .Count}}', container)).toBe('web 3\n');
    expect(run('{{printf "%-8s|%5d|%q|%v|%s" .Names 42 "hi" .List .List}}', container)).toBe('web     |   42|"hi"|[a b]|[a b]');
    expect(run('{{printf "%05d|%+d|%x|%X|%o|%b|%c|%U|%t|%%" 42 42 255 255 8 5 65 65 true}}', null)).toBe('00042|+42|ff|FF|10|101|A|U+0041|true|%');
    expect(run('{{printf "%.2f|%6.2f|%e|%g|%g|%v" 3.14159 3.14159 1234.5678 0.000012345 100000000.0 2.5}}', null)).toBe('3.14|  3.14|1.234568e+03|1.2345e-05|1e+08|2.5');
    expect(run('{{printf "%d|%s" "x" 5}}', null)).toBe('%!d(string=x)|%!s(int=5)');
    expect(run('{{printf "%s %s" "a"}}', null)).toBe('a %!s(MISSING)');
    expect(run('{{printf "a" 1 "b"}}', null)).toBe('a%!(EXTRA int=1, string=b)');
    expect(run('{{printf "%v %s" .Nil .Missing}}', goMap({ Nil: null }))).toBe('<nil> %!s(<nil>)');
    expect(run('{{printf "%-6s|%6s|%.2s" "é" "é" "héllo"}}', null)).toBe('é     |     é|hé');
    expect(run('{{print .Nil}} {{.Nil}}', container)).toBe('<nil> <no value>');
  });

  it('len, index, slice and comparisons', () => {
    expect(run('{{len .List}} {{len "héllo"}} {{len .}}', goMap({ List: ['a'], x: 'y' }))).toBe('1 6 2');
    expect(run('{{index .List 1}} {{index "abc" 0}}', container)).toBe('b 97');
    expect(run('{{slice .List 1}} {{slice "hello" 1 3}}', container)).toBe('[b] el');
    expect(run('{{eq 1 1}} {{eq "a" "b" "a"}} {{ne .Names "web"}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}}', container)).toBe('true true false true true true false');
    expect(run('{{or "" .Names}} {{and .Names ""}}|{{or 0 false}}', container)).toBe('web |false');
    expect(run('{{not .Nil}} {{not .List}}', container)).toBe('true false');
  });

  it('reports function errors like Go', () => {
    expect(err('{{index .List 5}}', container)).toBe('template: :1:2: executing "" at <index .List 5>: error calling index: index out of range: 5');
    expect(err('{{len 3}}', null)).toBe('template: :1:2: executing "" at <len 3>: error calling len: len of type int');
    expect(err('{{eq}}', null)).toBe('template: :1:2: executing "" at <eq>: wrong number of args for eq: want at least 1 got 0');
    expect(err('{{eq .Count 1.5}}', container)).toBe('template: :1:2: executing "" at <eq .Count 1.5>: error calling eq: incompatible types for comparison: int and float64');
    expect(err('{{lt true false}}', null)).toBe('template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison');
    expect(err('{{"a" "b"}}', null)).toBe('template: :1:2: executing "" at <"a">: can\'t give argument to non-function "a"');
  });

  it('stops runaway templates with an error instead of hanging', () => {
    expect(err('{{range 100000000}}{{end}}')).toMatch(/^template: :1:\d+: executing "" at <.*>: execution budget exceeded \(simulator limit\)$/);
    expect(err('{{range 100}}{{printf "%900000s" "x"}}{{end}}')).toMatch(/output limit exceeded/);
  });

  it('keeps what was printed before an error', () => {
    const r = executeTemplatePartial(parseTemplate('NAMES\t{{.Label "x"}}'), goMap({ Names: 'NAMES' }));
    expect(r.output).toBe('NAMES\t');
    expect(r.error?.message).toBe('template: :1:8: executing "" at <.Label>: Label is not a method but has arguments');
  });
});

describe('syntax errors', () => {
  const cases: [string, string][] = [
    ['{{', 'template: :1: unclosed action'],
    ['{{.}', "template: :1: bad character U+007D '}'"],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{range}}', 'template: :1: missing value for range'],
    ['{{if}}', 'template: :1: missing value for if'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{if .X}}', 'template: :1: unexpected EOF'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{`abc}}', 'template: :1: unterminated raw quoted string'],
    ['{{.X | 3}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{(.X}}', 'template: :1: unclosed left paren'],
    ['{{.X)}}', 'template: :1: unexpected right paren'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{/* x }}', 'template: :1: unclosed comment'],
    ['line\n{{', 'template: :2: unclosed action'],
    ['{{.X\n', 'template: :2: unclosed action started at :1'],
    ['{{3x}}', 'template: :1: bad number syntax: "3x"'],
    ['{{089}}', 'template: :1: integer overflow: "089"'],
    ['{{|}}', 'template: :1: unexpected "|" in command'],
    ['{{.X | | .Y}}', 'template: :1: unexpected "|" in command'],
    ['{{"\\q"}}', 'template: :1: invalid syntax'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{range .X}}{{else if .Y}}{{end}}', 'template: :1: unexpected <if> in input'],
    ['{{.X "a""abcdefghijklmnop"}}', 'template: :1: unexpected "\\"abcdefghi"... in operand'],
    ['{{.X.}}', 'template: :1: unexpected <.> in operand'],
    ['{{.X.Y.}', "template: :1: bad character U+007D '}'"],
    ['{{€}}', "template: :1: unrecognized character in action: U+20AC '€'"],
    ['{{"a".X}}', 'template: :1: unexpected . after term "\\"a\\""'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: :1: template: multiple definition of template "a"'],
  ];
  it.each(cases)('%j', (src, message) => {
    expect(() => parseTemplate(src)).toThrow(TemplateError);
    expect(err(src)).toBe(message);
  });

  it('limits nesting instead of overflowing the stack', () => {
    expect(err('{{' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}}')).toBe('template: :1: max expression depth exceeded');
    expect(err('{{if 1}}'.repeat(3000) + '{{end}}'.repeat(3000))).toBe('template: :1: max expression depth exceeded');
  });
});

describe('formatFloat', () => {
  it('matches strconv.FormatFloat', () => {
    expect(formatFloat(1e6, 'g', -1)).toBe('1e+06');
    expect(formatFloat(123456, 'g', -1)).toBe('123456');
    expect(formatFloat(0.0001, 'g', -1)).toBe('0.0001');
    expect(formatFloat(0.00001, 'g', -1)).toBe('1e-05');
    expect(formatFloat(1, 'g', 3)).toBe('1');
    expect(formatFloat(1234, 'g', 3)).toBe('1.23e+03');
    expect(formatFloat(0, 'e', 6)).toBe('0.000000e+00');
    expect(formatFloat(-2.5, 'f', -1)).toBe('-2.5');
    expect(formatFloat(1e22, 'f', 0)).toBe('10000000000000000000000');
    expect(formatFloat(Number.NaN, 'g', -1)).toBe('NaN');
    expect(formatFloat(-Infinity, 'g', -1)).toBe('-Inf');
  });
});

describe('injected functions', () => {
  const funcs: FuncMap = {
    shout: { params: ['string'], call: ([s]) => `${(s as string).toUpperCase()}!` },
    rep: { params: ['string', 'int'], variadic: 'string', call: ([s, n, ...rest]) => (s as string).repeat(n as number) + rest.length },
    refuse: { params: ['any'], call: () => { throw new FuncError('not today'); } },
    len: { params: ['any'], call: () => 'mine' },
  };
  const exec = (src: string, data: TemplateValue = null) => executeTemplate(parseTemplate(src, funcs), data, { funcs });
  const fail = (src: string, data: TemplateValue = null) => {
    try {
      exec(src, data);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return (e as Error).message;
    }
    throw new Error(`no error for ${src}`);
  };

  it('are known to the parser only when given, and called with checked arguments', () => {
    expect(exec('{{shout .}} {{. | shout}} {{rep "ab" 2}} {{rep "x" 1 "y" "z"}}', 'hi')).toBe('HI! HI! abab0 x2');
    expect(err('{{shout .}}', 'hi')).toBe('template: :1: function "shout" not defined');
    expect(fail('{{shout 1}}')).toBe('template: :1:8: executing "" at <1>: expected string; found 1');
    expect(fail('{{rep "a"}}')).toBe('template: :1:2: executing "" at <rep>: wrong number of args for rep: want at least 2 got 1');
    expect(fail('{{refuse .}}')).toBe('template: :1:2: executing "" at <refuse .>: error calling refuse: not today');
  });

  it('override a builtin of the same name', () => {
    expect(exec('{{len "abc"}}')).toBe('mine');
    expect(run('{{len "abc"}}')).toBe('3');
  });

  it('parsed with a function but run without it, say so as Go does', () => {
    expect(() => executeTemplate(parseTemplate('{{shout .}}', funcs), 'x')).toThrow('template: :1:2: executing "" at <shout>: "shout" is not a defined function');
  });
});

describe('robustness (property)', () => {
  const data: TemplateValue = { ...container, M: goMap({ a: '1', b: '2' }) as TemplateValue, F: 1.5, Arr: [1, 'x', null, { Y: 2 }] };
  // One function of each parameter kind, named like docker's so the token soup reaches them.
  const funcs: FuncMap = {
    json: { params: ['any'], call: ([v]) => typeof v },
    upper: { params: ['string'], call: ([s]) => (s as string).toUpperCase() },
    join: { params: ['strings', 'string'], call: ([a, sep]) => (a as string[]).join(sep as string) },
    truncate: { params: ['string', 'int'], call: ([s, n]) => { if ((n as number) < 0) throw new FuncError('negative'); return (s as string).slice(0, n as number); } },
    pad: { params: ['value'], variadic: 'value', call: (args) => args.length },
  };
  const check = (src: string) => {
    try {
      const t = parseTemplate(src, funcs);
      executeTemplate(t, data, { typeName: CTX, funcs });
      executeTemplatePartial(t, goMap({ ID: 'CONTAINER ID' }), { funcs });
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as Error).message).not.toMatch(/internal error/);
      expect((e as Error).message).toMatch(/^template: /);
    }
  };

  it('random strings never throw anything but a TemplateError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), check), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), check), { numRuns: 1000 });
  });

  it('random template-looking token soups never throw anything but a TemplateError', () => {
    const TOKENS = [
      '{{', '}}', '{{-', '-}}', '{{ ', ' }}', '.', '.ID', '.Names', '.List', '.M', '.Nil', '.Nested.Inner', '.Label', '.Labels', '.F', '.Arr', '.Nope', '$', '$x', '$x :=', '$i, $e :=', '=',
      'if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue', 'nil', 'true', '"a"', '"\\n"', '`r`', "'c'", '1', '-2', '1.5', '1e3', '0x1F', '2i',
      '|', '(', ')', ',', ' ', '\n', '/*', '*/', 'json', 'upper', 'lower', 'title', 'split', 'join', 'truncate', 'pad', 'print', 'printf', 'println', '"%d %s %v %q %5.2f %x"',
      'len', 'index', 'slice', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'and', 'or', 'not', 'html', 'js', 'urlquery', 'call', 'x', '\\t', '"com.docker"',
    ];
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((parts) => parts.join(''));
    const spaced = fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(fc.oneof(soup, spaced), check), { numRuns: 6000 });
  });
});
