// The record of commands: every simple command a learner's line ran, with its words after
// expansion, exit code, simulated start and end, and machine; bounded; kept across save and
// restore; scenario setup marked; bash's history left to its own rules.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../simulators';
import { RECORD_LIMIT } from '../../../simulators/core/record';

const record = (s: Session) => s.store.getState().record.commands.filter((c) => !c.setup);
const brief = (s: Session) => record(s).map((c) => `${c.machine === 'laptop' ? '' : `[${c.machine.slice(0, 22)}] `}${c.argv.join(' ')} -> ${c.exitCode}`);

describe('the record of commands', () => {
  it('holds each simple command of a line: pipes, && chains, loops, with words after expansion', () => {
    const s = createSession();
    s.run('X=two; for i in one $X; do echo $i | grep -c o; done && false || echo "$X"');
    expect(brief(s)).toEqual(['echo one -> 0', 'grep -c o -> 0', 'echo two -> 0', 'grep -c o -> 0', 'false -> 1', 'echo two -> 0']);
  });

  it('keeps simulated start and end times and orders ids by when commands ended', () => {
    const s = createSession();
    const t0 = s.store.getState().clock.now;
    s.run('sleep 2; sleep 3');
    const [a, b] = record(s);
    expect([a.start - t0, a.end - t0, b.start - t0, b.end - t0]).toEqual([0, 2000, 2000, 5000]);
    expect(b.id).toBe(a.id + 1);
  });

  it('records commands that were not found, and failed ones, with their codes', () => {
    const s = createSession();
    s.run('nosuchcmd --x; ls /nowhere');
    expect(brief(s)).toEqual(['nosuchcmd --x -> 127', 'ls /nowhere -> 2']);
  });

  it('records a streaming command cut by Ctrl-C with 130', () => {
    const s = createSession();
    s.run('docker pull nginx');
    s.run('docker run -d --name web nginx');
    s.run('docker logs -f web', { maxSimMs: 1000 });
    expect(brief(s).at(-1)).toBe('docker logs -f web -> 130');
  });

  it('records the commands of docker exec, one-off and in an interactive shell, on the container', () => {
    const s = createSession();
    s.run('docker pull nginx');
    s.run('docker run -d --name web nginx');
    const id = Object.values(s.store.getState().docker.containers)[0].id;
    s.run('docker exec web sh -c "cat /etc/hostname; exit 3"');
    s.run('docker exec -it web bash', { input: ['hostname\n', 'cd /tmp && pwd\n'] });
    const container = record(s).filter((c) => c.machine === `container/${id}`);
    expect(container.map((c) => `${c.argv.join(' ')} -> ${c.exitCode}`)).toEqual(['cat /etc/hostname -> 0', 'exit 3 -> 3', 'sh -c cat /etc/hostname; exit 3 -> 3', 'hostname -> 0', 'cd /tmp -> 0', 'pwd -> 0']);
    expect(brief(s).filter((l) => l.startsWith('docker'))).toEqual(['docker pull nginx -> 0', 'docker run -d --name web nginx -> 0', 'docker exec web sh -c cat /etc/hostname; exit 3 -> 3', 'docker exec -it web bash -> 0']);
  });

  it('leaves out what the engine runs by itself (a detached container’s own command, build steps)', () => {
    const s = createSession({ scenario: 'myapp-source' });
    s.run('docker run -d busybox sh -c "echo hi; sleep 1"');
    s.run('docker build -t myapp:1.0 .');
    expect(brief(s)).toEqual(['docker run -d busybox sh -c echo hi; sleep 1 -> 0', 'docker build -t myapp:1.0 . -> 0']);
  });

  it('marks what a scenario’s setup ran', () => {
    const s = createSession({ scenario: 'myapp-built' });
    const all = s.store.getState().record.commands;
    expect(all.map((c) => [c.argv.join(' '), c.setup])).toEqual([['docker build -t myapp:1.0 .', true]]);
    s.run('docker images -q');
    expect(record(s).map((c) => c.argv.join(' '))).toEqual(['docker images -q']);
  });

  it('is separate from bash history: a line starting with a space and repeats are still recorded', () => {
    const s = createSession();
    s.run(' echo secret');
    s.run('echo twice');
    s.run('echo twice');
    expect(s.store.getState().shell.history).toEqual(['echo twice']);
    expect(brief(s)).toEqual(['echo secret -> 0', 'echo twice -> 0', 'echo twice -> 0']);
  });

  it('is bounded: the oldest entries go, ids keep counting', () => {
    const s = createSession();
    const n = 2 * RECORD_LIMIT;
    s.run(`for i in {1..${n}}; do echo $i; done > /dev/null`);
    const all = s.store.getState().record.commands;
    // Trimmed back to the limit each time it passes a quarter more.
    expect(all.length).toBeGreaterThanOrEqual(RECORD_LIMIT);
    expect(all.length).toBeLessThanOrEqual(RECORD_LIMIT * 1.25);
    expect(all.at(-1)!.argv).toEqual(['echo', String(n)]);
    expect(all.at(-1)!.id).toBe(n);
    expect(all.every((c, i) => i === 0 || c.id === all[i - 1].id + 1)).toBe(true);
  });

  it('survives snapshot and restore', () => {
    const s = createSession();
    s.run('echo one; false');
    const saved = JSON.parse(JSON.stringify(s.snapshot()));
    const t = createSession();
    t.restore(saved);
    expect(brief(t)).toEqual(['echo one -> 0', 'false -> 1']);
    t.run('echo two');
    expect(record(t).map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it('refuses a saved record of the wrong shape', () => {
    const s = createSession();
    const saved = JSON.parse(JSON.stringify(s.snapshot()));
    saved.record.commands = [{ id: 1, argv: 'ls', exitCode: 0, start: 0, end: 0, machine: 'laptop' }];
    expect(() => createSession().restore(saved)).toThrow(/record\.commands\.0\.argv/);
  });
});
