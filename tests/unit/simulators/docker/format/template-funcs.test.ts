import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatterContext, goMap, TemplateError, type TemplateValue } from '../../../../../simulators/core/template';
import { executeTemplate, executeTemplatePartial, parseTemplate } from '../../../../../simulators/docker/format/templates';

// docker's functions over Go's engine (the engine itself is tested in core/template/).
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
  Count: 3,
  List: ['a', 'b'],
  Label: (name: TemplateValue) => ({ 'com.docker.compose.project': 'shop' } as Record<string, string>)[name as string] ?? '',
  Labels: () => 'com.docker.compose.project=shop',
};

describe('json', () => {
  it('writes compact JSON in insertion order without HTML escaping, as docker\'s json func does', () => {
    const data = { b: 'x<y>&z', a: [1, 'two', null], c: true, d: 1.5, e: { f: 'g' } };
    expect(run('{{json .}}', data)).toBe('{"b":"x<y>&z","a":[1,"two",null],"c":true,"d":1.5,"e":{"f":"g"}}');
    expect(run('{{json .Names}}', container)).toBe('"web"');
    expect(run('{{json .List}}', container)).toBe('["a","b"]');
    expect(run('{{json .Nope}}', goMap({}))).toBe('null');
  });

  it('escapes control characters, quotes, backslashes and U+2028/2029 like encoding/json', () => {
    expect(run('{{json .}}', '\u0001\b\f\n\r\t"\\\u2028\u2029\u007f é')).toBe('"\\u0001\\b\\f\\n\\r\\t\\"\\\\\\u2028\\u2029\u007f é"');
    expect(run('{{json .}}', 'a\ud800b')).toBe('"a\\ufffdb"');
  });

  it('sorts map keys', () => {
    expect(run('{{json .}}', goMap({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it("gives a formatter context docker's MarshalJSON: sorted keys, HTML-escaped, methods called or left out", () => {
    const row = formatterContext({ Ports: '0.0.0.0:8080->80/tcp', ID: 'abc', Label: container.Label, Labels: () => 'a=b&c' }, CTX);
    expect(run('{{json .}}', row)).toBe('{"ID":"abc","Labels":"a=b\\u0026c","Ports":"0.0.0.0:8080-\\u003e80/tcp"}');
    // A field's own json is not escaped: only MarshalJSON (json.Marshal) escapes.
    expect(run('{{json .Ports}}', row)).toBe('"0.0.0.0:8080->80/tcp"');
  });

  it('prints nothing when Go could not encode the value', () => {
    expect(run('[{{json .}}]', { f: 1, n: Number.NaN })).toBe('[]');
  });

  it('formats numbers like Go', () => {
    expect(run('{{json .}}', [0, -1, 1.5, 1e21, 1e-7, 123456789, 0.000001])).toBe('[0,-1,1.5,1e+21,1e-7,123456789,0.000001]');
  });
});

describe('string functions', () => {
  it("docker's string functions", () => {
    expect(run('{{.Names | upper}} {{upper "ß"}} {{lower "ÀB"}}', container)).toBe('WEB ß àb');
    expect(run('{{title "hello wORLD foo_bar x-y"}}', null)).toBe('Hello WORLD Foo_bar X-Y');
    expect(run('{{join (split "a,b,c" ",") "|"}} {{len (split "" ",")}} {{split "héllo" ""}}', null)).toBe('a|b|c 1 [h é l l o]');
    expect(run('{{join .List ", "}}', container)).toBe('a, b');
    expect(run('{{truncate .ID 5}} {{truncate .ID 50}} [{{truncate "" 3}}]', container)).toBe('4e1b6 4e1b6bae1e48 []');
    expect(run('[{{pad .Names 2 3}}] [{{pad "" 2 2}}]', container)).toBe('[  web   ] []');
  });

  it('reports their errors like Go', () => {
    expect(err('{{truncate .ID -1}}', container)).toBe('template: :1:2: executing "" at <truncate .ID -1>: error calling truncate: runtime error: slice bounds out of range [:-1]');
    expect(err('{{upper .Count}}', container)).toBe('template: :1:8: executing "" at <.Count>: wrong type for value; expected string; got int');
    expect(err('{{truncate .ID "5"}}', container)).toBe('template: :1:15: executing "" at <"5">: expected integer; found "5"');
    expect(err('{{upper}}', null)).toBe('template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0');
    expect(err('{{pad "x" -1 0}}', null)).toBe('template: :1:2: executing "" at <pad "x" -1 0>: error calling pad: strings: negative Repeat count');
    expect(err('{{upper .Missing}}', goMap({}))).toBe('template: :1:8: executing "" at <.Missing>: invalid value; expected string');
    expect(err('{{pad "x" 100000000 0}}')).toMatch(/error calling pad: strings: Repeat output length overflow$/);
  });

  it('reports what a method throws while json calls it', () => {
    const row = formatterContext({ Bad: () => { throw new Error('no'); } });
    expect(err('{{json .}}', row)).toBe('template: :1:2: executing "" at <json .>: error calling json: no');
  });
});

describe('header functions', () => {
  it('leave the column titles as they are, and keep what was written before an error', () => {
    const t = parseTemplate('{{upper .Names}}\t{{json .ID}}\t{{truncate .ID 3}}\t{{join .List ","}}');
    expect(executeTemplatePartial(t, goMap({ Names: 'NAMES', ID: 'CONTAINER ID', List: 'LIST' }), { headerFunctions: true })).toEqual({ output: 'NAMES\tCONTAINER ID\tCONTAINER ID\tLIST' });
    // pad is not one of them: it pads the title, and its error ends the header where it stood.
    expect(executeTemplatePartial(parseTemplate('{{.Names}} {{pad .Names 1 1}}'), goMap({ Names: 'NAMES' }), { headerFunctions: true }).output).toBe('NAMES  NAMES ');
    const r = executeTemplatePartial(parseTemplate('{{.Names}} {{pad .Names -1 0}}!'), goMap({ Names: 'NAMES' }), { headerFunctions: true });
    expect([r.output, r.error?.message]).toEqual(['NAMES ', 'template: :1:13: executing "" at <pad .Names -1 0>: error calling pad: strings: negative Repeat count']);
  });
});

describe('robustness (property)', () => {
  const data: TemplateValue = { ...container, M: goMap({ a: '1', b: '2' }) as TemplateValue, F: 1.5, Arr: [1, 'x', null, { Y: 2 }] };
  const check = (src: string) => {
    try {
      const t = parseTemplate(src);
      executeTemplate(t, data, { typeName: CTX });
      executeTemplatePartial(t, goMap({ ID: 'CONTAINER ID' }), { headerFunctions: true });
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as Error).message).not.toMatch(/internal error/);
      expect((e as Error).message).toMatch(/^template: /);
    }
  };

  it("random token soups of docker's functions never throw anything but a TemplateError", () => {
    const TOKENS = [
      '{{', '}}', '{{-', '-}}', '.', '.ID', '.Names', '.List', '.M', '.Nil', '.Label', '.F', '.Arr', '.Nope', '$x :=', '$x', '|', '(', ')', ' ',
      'nil', 'true', '"a"', '""', '","', '1', '-2', '0', '1.5', '100000000', 'json', 'upper', 'lower', 'title', 'split', 'join', 'truncate', 'pad', 'len', 'index',
    ];
    const spaced = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(spaced, check), { numRuns: 3000 });
  });
});
