// Whatever program a learner gives awk or jq, it answers (output, an error in the tool's words, or
// a cut like Ctrl-C) and never fails inside the simulator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';

const AWK_TOKENS = [
  'BEGIN', 'END', '{', '}', '(', ')', '[', ']', ';', '\n', ',', '$', '$0', '$1', '$NF', 'NF', 'NR', 'FS', 'OFS', 'RS', 'x', 'a', 'a[x]', 'i', '1', '0', '-1', '2.5', '1e308', '"s"', '"%d"',
  '/re/', '/[a-/', '/(/', '~', '!~', '+', '-', '*', '/', '%', '^', '=', '+=', '==', '<', '>', '>=', '!', '&&', '||', '?', ':', '++', '--', 'in', 'if', 'else', 'while', 'for', 'do', 'break',
  'continue', 'next', 'exit', 'return', 'delete', 'function', 'f', 'f(', 'print', 'printf', 'getline', '<', '|', 'length', 'substr(', 'index(', 'split(', 'sub(', 'gsub(', 'match(', 'sprintf(',
  'toupper(', 'int(', 'rand()', 'close(', 'system(', '"\\', '#', '\\', '@',
];

const JQ_TOKENS = [
  '.', '..', '.a', '.[0]', '.[]', '.[1:2]', '?', '|', ',', '(', ')', '[', ']', '{', '}', ':', ';', '"s"', '"\\(.)"', '"\\q"', '1', '-1', '1e1000', 'null', 'true', '$x', '$__loc__', 'as', '$v',
  '+', '-', '*', '/', '%', '==', '<', 'and', 'or', 'not', '//', '=', '|=', '+=', 'if', 'then', 'elif', 'else', 'end', 'try', 'catch', 'reduce', 'foreach', 'def', 'f:', 'label', '$out', 'break',
  'map(', 'select(', 'keys', 'length', 'add', 'range(', 'limit(', 'first(', 'recurse', 'paths', 'path(', 'del(', 'to_entries', 'from_entries', 'with_entries(', 'tostring', 'tonumber', 'test(',
  'sub(', 'split(', 'join(', '@base64', '@csv', '@sh', 'error', 'empty', 'input', 'repeat(', 'until(', 'getpath(', 'setpath(', 'env', '$ENV', 'ascii', 'implode', 'explode', 'sort_by(', '#',
];

const program = (tokens: readonly string[]) => fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 14 }).map((p) => p.join(' '));

/** A program as one shell word. */
const quoted = (p: string) => `'${p.replace(/'/g, "'\\''")}'`;

describe('awk and jq robustness (property)', () => {
  it('awk answers any program in its own words', () => {
    const s = createSession();
    s.run("printf 'a b c\\n1 2 3\\n' > in.txt");
    fc.assert(
      fc.property(program(AWK_TOKENS), (p) => {
        const r = s.run(`awk ${quoted(p)} in.txt`);
        expect(r.output).not.toMatch(/internal simulator error/);
        expect(Number.isInteger(r.exitCode)).toBe(true);
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('jq answers any filter in its own words', () => {
    const s = createSession();
    s.run('printf \'{"a":[1,"x",null,{"b":2}],"c":1.5}\\n\' > in.json');
    fc.assert(
      fc.property(program(JQ_TOKENS), (p) => {
        const r = s.run(`jq -c ${quoted(p)} in.json`);
        expect(r.output).not.toMatch(/internal simulator error/);
        expect(Number.isInteger(r.exitCode)).toBe(true);
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});
