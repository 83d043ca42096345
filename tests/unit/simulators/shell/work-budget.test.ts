// One work budget per command line, shared by every level of it: whatever nests, the line ends,
// cut as Ctrl-C cuts it (what it printed, then ^C, status 130), and the shell goes on.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { WORK_SLICE } from '../../../../simulators/core/budget';
import { openScreen } from '../../helpers/screen';

const SLOW = 60_000;
const cut = { output: '^C\n', exitCode: 130 };

describe('one budget per line, shared by all its levels', () => {
  it('cuts nested loops that each count only a little (the page used to freeze)', () => {
    const s = createSession();
    expect(s.run('for a in {1..999}; do for b in {1..999}; do :; done; done')).toEqual(cut);
    expect(s.run('echo $?')).toEqual({ output: '130\n', exitCode: 0 });
    expect(s.run('echo ok')).toEqual({ output: 'ok\n', exitCode: 0 });
  }, SLOW);

  it('shares the budget with command substitutions and the stages of a pipe', () => {
    const s = createSession();
    expect(s.run('for a in {1..999}; do x=$(for b in {1..999}; do :; done); done')).toEqual(cut);
    expect(s.run('for a in {1..999}; do for b in {1..999}; do :; done | cat; done')).toEqual(cut);
  }, SLOW);

  it('keeps what was printed before the cut, then ^C, the same on every run', () => {
    const printed = () => {
      const r = createSession().run('for i in {1..100000}; do echo $i; done');
      const n = r.output.split('\n').length - 2;
      expect(r).toEqual({ output: `${Array.from({ length: n }, (_, i) => i + 1).join('\n')}\n^C\n`, exitCode: 130 });
      return n;
    };
    const n = printed();
    expect(n).toBeGreaterThan(5_000);
    expect(n).toBeLessThan(100_000);
    expect(printed()).toBe(n);
  }, SLOW);

  it('reaches shells inside containers: docker run and docker exec are cut as Ctrl-C cuts them', () => {
    const s = createSession();
    s.run('docker pull busybox');
    expect(s.run(`docker run --rm busybox sh -c 'while :; do :; done'`)).toEqual(cut);
    expect(s.run(`docker ps -a --format '{{.Names}}'`)).toEqual({ output: '', exitCode: 0 });
    s.run('docker run -d --name web busybox sleep 1000');
    expect(s.run(`docker exec web sh -c 'while :; do :; done'`)).toEqual(cut);
    expect(s.run(`docker exec web sh -c 'for a in 1 2 3; do echo $a; done'`)).toEqual({ output: '1\n2\n3\n', exitCode: 0 });
  }, SLOW);

  it('cuts a shell that starts itself without end, before the stack runs out', () => {
    const s = createSession();
    s.run('docker pull busybox');
    expect(s.run(`docker run --rm busybox sh -c 'x='"'"'sh -c "$x"'"'"'; export x; sh -c "$x"'`)).toEqual(cut);
  }, SLOW);

  it('a detached container that only loops keeps running, and its docker run returns at once', () => {
    const s = createSession();
    s.run('docker pull busybox');
    const started = s.run(`docker run -d --name busy busybox sh -c 'while :; do :; done'`);
    expect(started.exitCode).toBe(0);
    expect(s.run(`docker ps --format '{{.Names}} {{.State}}'`).output).toBe('busy running\n');
  }, SLOW);

  it('a string that doubles without end fails as bash’s malloc fails, and the shell goes on', () => {
    const s = createSession();
    expect(s.run('x=12345678; while :; do x=$x$x; done')).toEqual({ output: 'bash: xmalloc: cannot allocate 8388609 bytes\n', exitCode: 2 });
    expect(s.run('echo ${#x}')).toEqual({ output: '4194304\n', exitCode: 0 });
  }, SLOW);

  it('lets the driver breathe once per slice of work: zero-length waits, then the cut', () => {
    const s = createSession();
    let output = '';
    const proc = s.start('while :; do :; done', { write: (t) => (output += t), cols: 80, rows: 24 });
    let breaths = 0;
    let step = proc.resume();
    while (step.kind === 'wait') {
      expect(step.ms).toBe(0);
      breaths++;
      step = proc.resume();
    }
    expect(step).toEqual({ kind: 'exit', code: 130, exitShell: false });
    expect(output).toBe('^C\n');
    // Every slice of the two million units: about a hundred breaths, none skipped.
    expect(breaths).toBeGreaterThanOrEqual(Math.floor(2_000_000 / WORK_SLICE) - 1);
    expect(breaths).toBeLessThanOrEqual(Math.ceil(2_000_000 / WORK_SLICE));
  }, SLOW);

  it('in the terminal, an endless loop ends by itself with ^C and the prompt comes back', async () => {
    const screen = await openScreen();
    await screen.keys('while :; do :; done\r');
    for (let i = 0; i < 500 && screen.driver.busy(); i++) screen.timers.tick(1);
    expect(screen.driver.busy()).toBe(false);
    expect((await screen.lines()).slice(-3)).toEqual(['learner@laptop:~$ while :; do :; done', '^C', 'learner@laptop:~$']);
  }, SLOW);

  it('on a JavaScript stack smaller than ours, a shell that starts itself is still cut, not an internal error', () => {
    const line = `docker pull busybox >/dev/null; docker run --rm busybox sh -c 'x='"'"'sh -c "$x"'"'"'; export x; sh -c "$x"'`;
    const out = execFileSync(process.execPath, ['--stack-size=300', '--import', 'tsx', 'tests/unit/helpers/line-worker.ts'], { input: `${JSON.stringify({ id: 1, lines: [line] })}\n`, encoding: 'utf8', timeout: 60_000 });
    const report = out.split('\n').map((l) => (l ? JSON.parse(l) : undefined)).find((m) => m?.report)?.report;
    expect({ head: report.head, exitCode: report.exitCode, suspicious: report.suspicious }).toEqual({ head: '^C\n', exitCode: 130, suspicious: [] });
  }, SLOW);
});
