// A container's own command run off the terminal: the clock moves as it waits (date in a loop
// prints each second), a loop's logs are replayed when read (an hour shows 3,601 lines and saves as
// one reference), a stop ends them, a restart starts a new run, and a follower wakes for each line.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../simulators';

const ticker = (script = 'while true; do date +%T; sleep 1; done') => {
  const s = createSession();
  s.run('docker pull busybox');
  s.run(`docker run -d --name tick busybox sh -c '${script}'`);
  return s;
};
const logs = (s: Session, flags = '') => s.run(`docker logs ${flags} tick`).output;
const times = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `09:${String(Math.floor((from + i) / 60)).padStart(2, '0')}:${String((from + i) % 60).padStart(2, '0')}\n`).join('');

describe('a container command run off the terminal', () => {
  it('sees the clock move as it waits', () => {
    const s = ticker();
    s.advance(4_500);
    expect(logs(s)).toBe(times(5));
  });

  it('keeps a loop as one reference and shows every pass when read, an hour later', () => {
    const s = ticker();
    s.advance(3_600_000);
    const container = Object.values(s.store.getState().docker.containers)[0];
    expect(container.logs).toEqual([{ at: container.state.startedAt, ref: 'program' }]);
    const out = logs(s);
    expect(out.split('\n').length - 1).toBe(3_601);
    expect(logs(s, '--tail 2')).toBe('09:59:59\n10:00:00\n');
    expect(logs(s)).toBe(out);
  });

  it('follows a loop that started long ago a piece per read: each read is bounded, and later reads catch up', () => {
    const s = ticker('i=0; while true; do i=$((i+1)); echo $i; sleep 1; done');
    s.advance(6 * 3_600_000);
    // Six hours of a one-second loop: the first read follows 20,000 of its passes, the next the rest.
    expect(logs(s, '--tail 1')).toBe('20001\n');
    expect(logs(s, '--tail 1')).toBe('21601\n');
    expect(logs(s, '--tail 1')).toBe('21601\n');
  });

  it('stops its lines where docker stop ended it, and a new run adds its own', () => {
    const s = ticker();
    s.advance(2_500);
    s.run('docker stop -t 1 tick');
    s.advance(60_000);
    const stopped = logs(s);
    expect(stopped).toBe(times(4));
    s.run('docker start tick');
    s.advance(1_500);
    const lines = logs(s).split('\n').filter(Boolean);
    expect(lines.slice(0, 4).join('\n') + '\n').toBe(stopped);
    expect(lines.slice(4)).toEqual(['09:01:04', '09:01:05']);
  });

  it('prints the same $RANDOM on every read', () => {
    const s = ticker('while true; do echo $RANDOM; sleep 1; done');
    s.advance(3_000);
    const first = logs(s);
    expect(first.split('\n').length - 1).toBe(4);
    s.advance(1_000);
    expect(logs(s).startsWith(first)).toBe(true);
  });

  it('lets docker logs -f wake for each line of a loop and be cut by Ctrl-C', () => {
    const s = ticker();
    const r = s.run('docker logs -f tick', { maxSimMs: 2_500 });
    expect(r.output).toBe(`${times(3)}^C\n`);
    expect(r.exitCode).toBe(130);
  });

  it('keeps a short program’s lines as they came and plans its exit', () => {
    const s = ticker('echo one; sleep 2; echo two; exit 3');
    const container = Object.values(s.store.getState().docker.containers)[0];
    expect(container.logs.map((l) => ('text' in l ? l.text : l.ref))).toEqual(['one', 'two']);
    s.advance(5_000);
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toBe('Exited (3) 3 seconds ago\n');
    expect(logs(s)).toBe('one\ntwo\n');
  });

  it('cuts a busy loop without waits: it runs until stopped, logging nothing more', () => {
    const s = ticker('while :; do :; done');
    s.advance(10_000);
    expect(s.run('docker ps --format "{{.Status}}"').output).toBe('Up 10 seconds\n');
    expect(logs(s)).toBe('');
  });
});
