import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';

function setup() {
  const s = createSession();
  s.run('mkdir -p projects/demo "my docs" && touch app.py apple.txt .hidden projects/readme.md');
  return s;
}

const complete = (s: ReturnType<typeof setup>, line: string) => s.complete(line, line.length);

describe('Tab completion', () => {
  it('completes command names, with a space after a unique match', () => {
    const s = setup();
    expect(complete(s, 'whoa')).toEqual({ insert: 'mi ', candidates: ['whoami'] });
    expect(complete(s, 'h').candidates).toEqual(['head', 'help', 'history', 'hostname']);
    expect(complete(s, 'h').insert).toBe('');
    expect(complete(s, 'his').insert).toBe('tory ');
  });

  it('completes the shell’s functions with the commands', () => {
    const s = setup();
    s.run('greet() { echo hi; }; grumble() { :; }');
    expect(complete(s, 'gre').candidates).toEqual(['greet', 'grep']);
    expect(complete(s, 'grum')).toEqual({ insert: 'ble ', candidates: ['grumble'] });
  });

  it('completes paths: directories get a slash, dot-files only when asked, spaces escaped', () => {
    const s = setup();
    expect(complete(s, 'cat app')).toEqual({ insert: '', candidates: ['app.py', 'apple.txt'] });
    expect(complete(s, 'cat app.').insert).toBe('py ');
    expect(complete(s, 'cd pro')).toEqual({ insert: 'jects/', candidates: ['projects/'] });
    expect(complete(s, 'ls projects/').candidates).toEqual(['demo/', 'readme.md']);
    expect(complete(s, 'cat .h').insert).toBe('idden ');
    expect(complete(s, 'cd my').insert).toBe('\\ docs/');
    expect(complete(s, 'ls ~/proj').insert).toBe('ects/');
  });

  it('offers only directories to cd and mkdir', () => {
    const s = setup();
    expect(complete(s, 'cd ').candidates).toEqual(['my docs/', 'projects/']);
  });

  it('completes flags from the spec', () => {
    const s = setup();
    expect(complete(s, 'ls --rev').insert).toBe('erse ');
    expect(complete(s, 'ls --al').candidates).toEqual(['--all', '--almost-all']);
    expect(complete(s, 'head --li').insert).toBe('nes=');
  });

  it('completes the command after a pipe or &&', () => {
    const s = setup();
    expect(complete(s, 'ls | gr').insert).toBe('ep ');
    expect(complete(s, 'true && wh').candidates).toEqual(['which', 'whoami']);
  });

  it('completes command names for help and which', () => {
    const s = setup();
    expect(complete(s, 'help mkd').insert).toBe('ir ');
  });

  it('returns nothing rather than failing on odd input', () => {
    const s = setup();
    expect(complete(s, 'cat "unclosed')).toEqual({ insert: '', candidates: [] });
    expect(complete(s, 'nosuchcmd ap').candidates).toEqual(['app.py', 'apple.txt']);
    expect(s.complete('', 0).candidates.length).toBeGreaterThan(10);
  });
});
