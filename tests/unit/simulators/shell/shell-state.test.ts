// What the shell keeps in the world beyond variables: arrays, functions, `set` options and the
// positional parameters. They last from line to line, through snapshot/restore and save/load, and
// a saved world that holds them wrongly is refused with a reason.
import { describe, expect, it } from 'vitest';
import { createSession, SnapshotError } from '../../../../simulators';
import { WORLD_SCHEMA } from '../../../../simulators/world';

function prepared() {
  const s = createSession();
  s.run('a=(one "two three"); a[9]=nine; greet() { echo "hi $1"; }; set -o pipefail -u; set -- p "q r"');
  return s;
}

const CHECK = 'declare -p a; greet you; echo $- $# "$2"; false | true; echo $?';
const EXPECTED = 'declare -a a=([0]="one" [1]="two three" [9]="nine")\nhi you\nhimuBHs 2 q r\n1\n';

describe('the shell state in the world', () => {
  it('lasts from line to line', () => {
    expect(prepared().run(CHECK).output).toBe(EXPECTED);
  });

  it('survives snapshot and restore', () => {
    const copy = createSession();
    copy.restore(prepared().snapshot());
    expect(copy.run(CHECK).output).toBe(EXPECTED);
  });

  it('survives save and load', () => {
    const copy = createSession();
    copy.load(prepared().save());
    expect(copy.run(CHECK).output).toBe(EXPECTED);
  });

  it('a subshell, a pipe stage and $(...) change none of it', () => {
    const s = prepared();
    s.run('(a=(gone); unset -f greet; set +u; set -- x) | cat; y=$(a[0]=changed; set -x)');
    expect(s.run(CHECK).output).toBe(EXPECTED);
  });

  it('a saved world of schema 2 (before arrays and functions) loads as it was', () => {
    const old = JSON.parse(JSON.stringify(createSession().snapshot()));
    old.schema = 2;
    const s = createSession();
    s.restore(old);
    expect(s.store.getState().schema).toBe(WORLD_SCHEMA);
    expect(s.run('echo ${#a[@]} $#; declare -F').output).toBe('0 0\n');
  });

  it.each([
    ['an array index that is not a number', { arrays: { a: { x: '1' } } }],
    ['an index with a leading zero', { arrays: { a: { '01': '1' } } }],
    ['an index past 64 bits', { arrays: { a: { '9223372036854775808': '1' } } }],
    ['an array name that is not a name', { arrays: { 'a-b': { '0': '1' } } }],
    ['an element that is not text', { arrays: { a: { '0': 1 } } }],
    ['an option bash does not have', { options: ['errexit', 'nosuch'] }],
    ['positional parameters that are not text', { positional: [1] }],
    ['a function that is not text', { functions: { f: 42 } }],
  ])('refuses %s', (_, change) => {
    const world = JSON.parse(JSON.stringify(createSession().snapshot()));
    world.shell = { ...world.shell, ...change };
    expect(() => createSession().restore(world)).toThrow(SnapshotError);
  });

  it('a function whose saved text does not parse is simply not a function', () => {
    const world = JSON.parse(JSON.stringify(createSession().snapshot()));
    world.shell.functions = { broken: 'broken () \n{ \n    if\n}' };
    const s = createSession();
    s.restore(world);
    expect(s.run('broken').exitCode).toBe(127);
  });
});
