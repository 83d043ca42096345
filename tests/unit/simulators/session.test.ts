import { describe, expect, it } from 'vitest';
import { gnu } from '../../../simulators/core/command/dialects';
import { createSession, SnapshotError } from '../../../simulators';

describe('session', () => {
  it('gives the same output for the same seed and commands, byte for byte', () => {
    const script = ['mkdir a && cd a', 'echo $RANDOM $RANDOM', 'sleep 3', 'date', 'ls -la', 'history'];
    const a = createSession({ seed: 7 });
    const b = createSession({ seed: 7 });
    const c = createSession({ seed: 8 });
    const outA = script.map((l) => a.run(l).output);
    expect(script.map((l) => b.run(l).output)).toEqual(outA);
    expect(script.map((l) => c.run(l).output)).not.toEqual(outA);
  });

  it('advances simulated time with advance() and while commands wait', () => {
    const s = createSession();
    const start = s.store.getState().clock.now;
    s.advance(1500);
    s.run('sleep 2');
    expect(s.store.getState().clock.now - start).toBe(3500);
    s.advance(-5);
    s.advance(Number.NaN);
    expect(s.store.getState().clock.now - start).toBe(3500);
  });

  it('publishes changes through its zustand store', () => {
    const s = createSession();
    const seen: string[] = [];
    const unsubscribe = s.store.subscribe((w) => seen.push(w.shell.cwd));
    s.run('mkdir x && cd x');
    unsubscribe();
    expect(seen).toContain('/home/learner/x');
  });

  it('snapshots to plain JSON and restores exactly', () => {
    const s = createSession();
    s.run('mkdir -p a/b && echo hi > a/b/f && cd a && export X=1');
    const snap = s.snapshot();
    const json = JSON.stringify(snap);
    const t = createSession();
    t.restore(JSON.parse(json));
    expect(t.snapshot()).toEqual(JSON.parse(json));
    expect(t.run('pwd; cat b/f; echo $X').output).toBe('/home/learner/a\nhi\n1\n');
  });

  it('refuses a corrupt snapshot with a reason and keeps its own state', () => {
    const s = createSession();
    s.run('cd /tmp');
    for (const bad of [null, 42, 'x', {}, { schema: 99 }, { ...s.snapshot(), fs: { kind: 'file' } }, { ...s.snapshot(), shell: { cwd: 'relative' } }]) {
      expect(() => s.restore(bad)).toThrow(SnapshotError);
    }
    expect(s.run('pwd').output).toBe('/tmp\n');
  });

  it('restores a snapshot holding files named like Object.prototype members', () => {
    const s = createSession();
    s.run('touch __proto__ constructor');
    const t = createSession();
    t.restore(JSON.parse(JSON.stringify(s.snapshot())));
    expect(t.run('ls | cat').output).toBe('__proto__\nconstructor\n');
  });

  it('reports whether a typed line is complete', () => {
    const s = createSession();
    expect(s.check('echo hi')).toBe('complete');
    expect(s.check('echo "hi')).toBe('incomplete');
    expect(s.check('echo | |')).toBe('error');
  });

  it('builds the prompt from the machine and the working directory', () => {
    const s = createSession();
    expect(s.prompt()).toEqual({ user: 'learner', host: 'laptop', dir: '~', symbol: '$' });
    s.run('mkdir p && cd p');
    expect(s.prompt().dir).toBe('~/p');
    s.run('cd /etc');
    expect(s.prompt().dir).toBe('/etc');
  });

  it('interrupts a streaming command after maxSimMs, as Ctrl-C would', () => {
    const s = createSession();
    s.run('echo line > log');
    const r = s.run('tail -f log', { maxSimMs: 3000 });
    expect(r).toEqual({ output: 'line\n^C\n', exitCode: 130 });
  });

  it('feeds keyboard input to commands that read the terminal', () => {
    const s = createSession();
    expect(s.run('cat', { input: ['one\r', 'two\r', '\x04'] }).output).toBe('one\r\none\ntwo\r\ntwo\n');
    expect(s.run('cat').output).toBe('');
  });

  it('refuses an unknown scenario clearly', () => {
    expect(() => createSession({ scenario: 'nope' })).toThrow(/unknown scenario "nope"/);
  });
});

describe('a command that breaks', () => {
  it('prints one clear line, returns 1 and leaves the session working', () => {
    const boom = { name: 'boom', summary: 'throws', dialect: gnu, run: () => { throw new Error('kaboom'); } };
    const s = createSession({}, [boom]);
    s.run('mkdir keep');
    expect(s.run('boom')).toEqual({ output: 'boom: internal simulator error: kaboom\n', exitCode: 1 });
    expect(s.run('ls | cat; echo $?')).toEqual({ output: 'keep\n0\n', exitCode: 0 });
  });

  it('survives a body that throws while it is waiting', () => {
    const late = {
      name: 'late',
      summary: 'throws after a wait',
      dialect: gnu,
      *run() {
        yield { type: 'wait' as const, ms: 10 };
        throw new Error('later');
      },
    };
    const s = createSession({}, [late]);
    expect(s.run('late && echo no || echo recovered').output).toBe('late: internal simulator error: later\nrecovered\n');
  });
});

describe('writeFile (a lesson\'s "Write to file")', () => {
  it('saves relative to the working directory, as the learner, without a recorded command', () => {
    const s = createSession({ scenario: 'myapp-source' });
    const before = s.snapshot().record.commands.length;
    expect(s.writeFile('notes.txt', 'hello\n')).toEqual({ ok: true, path: '/home/learner/myapp/notes.txt' });
    expect(s.snapshot().record.commands.length).toBe(before);
    expect(s.run('ls -l notes.txt; cat notes.txt').output).toBe('-rw-r--r-- 1 learner learner 6 Mar  3 09:00 notes.txt\nhello\n');
    expect(s.writeFile('notes.txt', 'again\n')).toEqual({ ok: true, path: '/home/learner/myapp/notes.txt' });
    expect(s.run('cat notes.txt').output).toBe('again\n');
  });

  it('refuses as an editor would, leaving the machine as it was', () => {
    const s = createSession();
    const fs = JSON.stringify(s.snapshot().fs);
    expect(s.writeFile('/etc/passwd2', 'x')).toEqual({ ok: false, path: '/etc/passwd2', error: 'Permission denied' });
    expect(s.writeFile('missing/dir/f', 'x')).toEqual({ ok: false, path: '/home/learner/missing/dir/f', error: 'No such file or directory' });
    expect(s.writeFile('.', 'x')).toEqual({ ok: false, path: '/home/learner', error: 'Is a directory' });
    expect(JSON.stringify(s.snapshot().fs)).toBe(fs);
  });
});
