// Job control through session.run(), as golden transcripts checked line by line against bash
// 5.2 at an interactive prompt (a pty, see scripts/dev/compare-jobs.ts): `&`, jobs, fg, bg, wait,
// kill, disown, $!, the notices before the prompt and their timing on simulated time. Pids are
// the laptop's (bash's own were five digits; the layout is the same at four, as %5d pads them).
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../../simulators';

/** Runs each line as typed at the prompt and returns the screen: `$ line`, then what it printed. */
/**
 * The lines typed one after another at `$ ` prompts, as a terminal shows them: what a job prints
 * once its line has ended lands after the prompt, before the next line is typed there.
 */
function transcript(s: Session, lines: readonly string[]): string {
  let out = '';
  s.attach((text) => (out += text));
  for (const line of lines) {
    out += '$ ';
    const { output } = s.run(line);
    out += `${line}\n${output}`;
  }
  s.attach(null);
  return out;
}

describe('starting and listing jobs', () => {
  it('numbers jobs, marks the current and previous, and reports an end once, before the next prompt', () => {
    const s = createSession();
    expect(transcript(s, ['sleep 10 &', '(exit 3) &', 'jobs', 'jobs', 'sleep 20 &', 'sleep 30 &', 'jobs -l', 'jobs -p', 'jobs %%', 'jobs %-', 'jobs %sleep', 'jobs %?30', 'jobs %9'])).toBe(
      `$ sleep 10 &
[1] 5003
$ (exit 3) &
[2] 5006
$ jobs
[1]-  Running                 sleep 10 &
[2]+  Exit 3                  ( exit 3 )
$ jobs
[1]+  Running                 sleep 10 &
$ sleep 20 &
[2] 5012
$ sleep 30 &
[3] 5015
$ jobs -l
[1]   5003 Running                 sleep 10 &
[2]-  5012 Running                 sleep 20 &
[3]+  5015 Running                 sleep 30 &
$ jobs -p
5003
5012
5015
$ jobs %%
[3]+  Running                 sleep 30 &
$ jobs %-
[2]-  Running                 sleep 20 &
$ jobs %sleep
bash: jobs: sleep: ambiguous job spec
bash: jobs: %sleep: no such job
$ jobs %?30
[3]+  Running                 sleep 30 &
$ jobs %9
bash: jobs: %9: no such job
`,
    );
  });

  it('reports a job that is over at once one prompt later, as a real fork is, and one that ends during a line before the next prompt', () => {
    const s = createSession();
    expect(transcript(s, ['false &', 'true', 'sleep 3 && echo hi &', 'sleep 4', 'x=1 &', 'echo ${x-unset}', 'true'])).toBe(
      `$ false &
[1] 5003
$ true
[1]+  Exit 1                  false
$ sleep 3 && echo hi &
[1] 5009
$ sleep 4
hi
[1]+  Done                    sleep 3 && echo hi
$ x=1 &
[1] 5015
$ echo \${x-unset}
unset
[1]+  Done                    x=1
$ true
`,
    );
  });

  it('prints a job as bash does: a subshell or group on one line, a loop over several, a pipeline with a line per process in jobs -l', () => {
    const s = createSession();
    expect(transcript(s, ['(sleep 1; echo hi) &', '{ sleep 1; echo ho; } &', 'for i in 1 2; do sleep 1; done &', 'sleep 2 | cat &', 'jobs -l'])).toBe(
      `$ (sleep 1; echo hi) &
[1] 5003
$ { sleep 1; echo ho; } &
[2] 5006
$ for i in 1 2; do sleep 1; done &
[3] 5009
$ sleep 2 | cat &
[4] 5013
$ jobs -l
[1]   5003 Running                 ( sleep 1; echo hi ) &
[2]   5006 Running                 { sleep 1; echo ho; } &
[3]-  5009 Running                 for i in 1 2;
do
    sleep 1;
done &
[4]+  5012 Running                 sleep 2
      5013                       | cat &
`,
    );
  });

  it('runs a job on simulated time: its output comes as it is printed, between the lines that run meanwhile', () => {
    const s = createSession();
    s.run('(for i in 1 2 3; do sleep 1; echo tick $i; done) &');
    expect(s.run('sleep 1.5; echo here').output).toBe('tick 1\nhere\n');
    s.advance(1000);
    // What a job printed while nobody ran a line is shown first, then the line's own output.
    expect(s.run('echo now').output).toBe('tick 2\nnow\n');
    s.advance(5000);
    expect(s.run('true').output).toBe('tick 3\n[1]+  Done                    ( for i in 1 2 3;\ndo\n    sleep 1; echo tick $i;\ndone )\n');
    expect(s.nextEventAt()).toBeUndefined();
  });
});

describe('waiting', () => {
  it('waits for one job and returns its status, reporting it at once; wait alone waits for all and returns 0', () => {
    const s = createSession();
    expect(transcript(s, ['(exit 4) &', 'wait %1; echo $?', 'sleep 100 &', 'kill %1; wait %1; echo $?', 'sleep 2 | cat &', 'sleep 5 &', 'wait; echo $?', 'echo $!'])).toBe(
      `$ (exit 4) &
[1] 5003
$ wait %1; echo $?
[1]+  Exit 4                  ( exit 4 )
4
$ sleep 100 &
[1] 5009
$ kill %1; wait %1; echo $?
[1]+  Terminated              sleep 100
143
$ sleep 2 | cat &
[1] 5016
$ sleep 5 &
[2] 5018
$ wait; echo $?
0
[1]-  Done                    sleep 2 | cat
[2]+  Done                    sleep 5
$ echo $!
5018
`,
    );
    expect(s.store.getState().clock.now - createSession().store.getState().clock.now).toBe(5000);
  });

  it('wait -n returns the first job to end, -p names it', () => {
    const s = createSession();
    s.run('sleep 3 & sleep 1 & (sleep 2; exit 7) &');
    const start = s.store.getState().clock.now;
    expect(s.run('wait -n -p who; echo $? $who').output).toBe('[2]-  Done                    sleep 1\n0 5004\n');
    expect(s.run('wait -n; echo $?').output).toBe('[3]+  Exit 7                  ( sleep 2; exit 7 )\n7\n');
    expect(s.store.getState().clock.now - start).toBe(2000);
  });

  it('refuses what is not a job in bash’s words and statuses', () => {
    const s = createSession();
    expect(transcript(s, ['wait abc; echo $?', 'wait %7; echo $?', 'wait 4321; echo $?', 'wait -q; echo $?'])).toBe(
      `$ wait abc; echo $?
bash: wait: \`abc': not a pid or valid job spec
1
$ wait %7; echo $?
bash: wait: %7: no such job
127
$ wait 4321; echo $?
bash: wait: pid 4321 is not a child of this shell
127
$ wait -q; echo $?
bash: wait: -q: invalid option
wait: usage: wait [-fn] [-p var] [id ...]
2
`,
    );
  });

  it('a job that reads the terminal stops there (reported a prompt later); waiting for it warns and returns what stopped it', () => {
    const s = createSession();
    expect(transcript(s, ['cat &', 'wait %1; echo $?', 'true'])).toBe(
      `$ cat &
[1] 5003
$ wait %1; echo $?
bash: warning: wait_for_job: job 1 is stopped

[1]+  Stopped                 cat
149
$ true
`,
    );
  });

  it('waits as long as the job runs, however long (wait is no stream to cut)', () => {
    const s = createSession();
    s.run('sleep 100 &');
    const start = s.store.getState().clock.now;
    expect(s.run('wait', { maxSimMs: 0 })).toEqual({ output: '[1]+  Done                    sleep 100\n', exitCode: 0 });
    expect(s.store.getState().clock.now - start).toBe(100_000);
  });
});

describe('signals', () => {
  it('kill ends, stops and continues jobs, and each change is reported a prompt later', () => {
    const s = createSession();
    expect(transcript(s, ['sleep 10 &', 'sleep 20 &', 'sleep 30 &', 'kill %1', 'jobs', 'kill -9 %2', 'true', 'kill -STOP %3', 'true', 'jobs', 'kill -CONT %3', 'jobs', 'kill -s HUP %3', 'true'])).toBe(
      `$ sleep 10 &
[1] 5003
$ sleep 20 &
[2] 5006
$ sleep 30 &
[3] 5009
$ kill %1
$ jobs
[1]   Terminated              sleep 10
[2]-  Running                 sleep 20 &
[3]+  Running                 sleep 30 &
$ kill -9 %2
$ true
[2]-  Killed                  sleep 20
$ kill -STOP %3
$ true

[3]+  Stopped                 sleep 30
$ jobs
[3]+  Stopped                 sleep 30
$ kill -CONT %3
$ jobs
[3]+  Running                 sleep 30 &
$ kill -s HUP %3
$ true
[3]+  Hangup                  sleep 30
`,
    );
  });

  it('reports a kill at the prompt right after it when the line goes on long enough for the job to go', () => {
    const s = createSession();
    expect(transcript(s, ['sleep 5 &', 'kill %1; sleep 0.1', 'sleep 6 &', 'kill %1', 'true'])).toBe(
      `$ sleep 5 &
[1] 5003
$ kill %1; sleep 0.1
[1]+  Terminated              sleep 5
$ sleep 6 &
[1] 5009
$ kill %1
$ true
[1]+  Terminated              sleep 6
`,
    );
  });

  it('answers a wrong kill as bash does, and leaves other users’ processes alone', () => {
    const s = createSession();
    expect(transcript(s, ['kill %5; echo $?', 'kill 99999; echo $?', 'kill -x 1; echo $?', 'kill; echo $?', 'kill abc', 'kill 1; echo $?', 'kill $$; echo $?', 'kill -l 15 137 KILL sigint 300', 'kill -n x 1'])).toBe(
      `$ kill %5; echo $?
bash: kill: %5: no such job
1
$ kill 99999; echo $?
bash: kill: (99999) - No such process
1
$ kill -x 1; echo $?
bash: kill: x: invalid signal specification
1
$ kill; echo $?
kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]
2
$ kill abc
bash: kill: abc: arguments must be process or job IDs
$ kill 1; echo $?
bash: kill: (1) - Operation not permitted
1
$ kill $$; echo $?
0
$ kill -l 15 137 KILL sigint 300
TERM
KILL
9
2
bash: kill: 300: invalid signal specification
$ kill -n x 1
bash: kill: x: invalid signal specification
`,
    );
  });

  it('kill -l lays the signals out as bash does, five to a row', () => {
    const lines = createSession().run('kill -l').output.split('\n');
    expect(lines[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(lines[6]).toBe('31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3');
    expect(lines[12]).toBe('63) SIGRTMAX-1\t64) SIGRTMAX\t');
    expect(lines).toHaveLength(14);
  });
});

describe('fg, bg and disown', () => {
  it('fg gives a job the terminal until it ends, saying which; bg and fg refuse what is not there', () => {
    const s = createSession();
    s.run('sleep 2 &');
    const start = s.store.getState().clock.now;
    expect(transcript(s, ['fg', 'echo $?', 'fg; echo $?', 'bg; echo $?', 'fg abc', 'sleep 9 &', 'bg', 'echo x &', 'fg %2'])).toBe(
      `$ fg
sleep 2
$ echo $?
0
$ fg; echo $?
bash: fg: current: no such job
1
$ bg; echo $?
bash: bg: current: no such job
1
$ fg abc
bash: fg: abc: no such job
$ sleep 9 &
[1] 5021
$ bg
bash: bg: job 1 already in background
$ echo x &
[2] 5027
$ x
fg %2
bash: fg: job has terminated
[2]+  Done                    echo x
`,
    );
    expect(s.store.getState().clock.now - start).toBe(2000);
  });

  it('a job that reads the terminal stops, and fg hands it the keys', () => {
    const s = createSession();
    expect(s.run('cat &').output).toBe('[1] 5003\n');
    // The keys are echoed as a terminal echoes them, then cat prints them back.
    expect(s.run('fg', { input: ['typed\n'] })).toEqual({ output: 'cat\ntyped\r\ntyped\n', exitCode: 0 });
    expect(s.run('jobs').output).toBe('');
  });

  it('disown forgets jobs; -h keeps them; -r only the running ones', () => {
    const s = createSession();
    s.run('sleep 50 & sleep 60 & cat &');
    expect(s.run('disown -h %1; jobs').output).toBe('[1]   Running                 sleep 50 &\n[2]-  Running                 sleep 60 &\n[3]+  Stopped                 cat\n');
    expect(s.run('disown -r -a; jobs').output).toBe('[3]+  Stopped                 cat\n');
    expect(s.run('disown; jobs; disown -q').output).toBe('bash: disown: -q: invalid option\ndisown: usage: disown [-h] [-ar] [jobspec ... | pid ...]\n');
  });

  it('a disowned job goes on running: ps lists it, kill PID ends it, and no notice tells of it', () => {
    const s = createSession();
    expect(transcript(s, ['sleep 5 &', 'disown', 'jobs; echo $?', 'ps', 'kill $!; echo $?', 'true', 'ps'])).toBe(
      `$ sleep 5 &
[1] 5003
$ disown
$ jobs; echo $?
0
$ ps
    PID TTY          TIME CMD
   4242 pts/0    00:00:00 bash
   5003 pts/0    00:00:00 sleep
   5012 pts/0    00:00:00 ps
$ kill $!; echo $?
0
$ true
$ ps
    PID TTY          TIME CMD
   4242 pts/0    00:00:00 bash
   5021 pts/0    00:00:00 ps
`,
    );
  });

  it('jobs -x runs a command with job specs as pids; -r and -s filter', () => {
    const s = createSession();
    s.run('sleep 50 &');
    s.run('cat &');
    // cat stopped on reaching its read: reported a prompt later, before the next prompt.
    expect(s.run('jobs -x echo %1 %2 x').output).toBe('5003 5006 x\n\n[2]+  Stopped                 cat\n');
    expect(s.run('jobs -r').output).toBe('[1]-  Running                 sleep 50 &\n');
    expect(s.run('jobs -s').output).toBe('[2]+  Stopped                 cat\n');
  });
});

describe('a job is a forked shell', () => {
  it('keeps its cd, variables and $? to itself, while files it writes are the machine’s', () => {
    const s = createSession();
    s.run('(cd /tmp; x=1; echo made > here.txt; false) &');
    expect(s.run('pwd; echo ${x-unset} $?; cat /tmp/here.txt').output).toBe('/home/learner\nunset 0\nmade\n[1]+  Exit 1                  ( cd /tmp; x=1; echo made > here.txt; false )\n');
  });

  it('shows in ps while it runs, stopped ones with T', () => {
    const s = createSession();
    s.run('sleep 100 &');
    s.run('cat &');
    expect(s.run('ps').output).toBe('    PID TTY          TIME CMD\n   4242 pts/0    00:00:00 bash\n   5003 pts/0    00:00:00 sleep\n   5006 pts/0    00:00:00 cat\n   5009 pts/0    00:00:00 ps\n\n[2]+  Stopped                 cat\n');
  });

  it('a full-screen program in the background stops before it draws (SIGTTOU), and fg gives it the terminal', () => {
    const s = createSession();
    s.run('seq 1 50 > f.txt');
    expect(transcript(s, ['less f.txt &', 'watch date &', 'true', 'jobs -l', 'cat &', 'sleep 50 &', 'kill -STOP %4', 'true', 'jobs -l'])).toBe(
      `$ less f.txt &
[1] 5006
$ watch date &
[2] 5009

[1]+  Stopped                 less f.txt
$ true

[2]+  Stopped                 watch date
$ jobs -l
[1]-  5006 Stopped (tty output)    less f.txt
[2]+  5009 Stopped (tty output)    watch date
$ cat &
[3] 5018
$ sleep 50 &
[4] 5021

[3]+  Stopped                 cat
$ kill -STOP %4
$ true

[4]+  Stopped                 sleep 50
$ jobs -l
[1]   5006 Stopped (tty output)    less f.txt
[2]   5009 Stopped (tty output)    watch date
[3]-  5018 Stopped (tty input)     cat
[4]+  5021 Stopped (signal)        sleep 50
`,
    );
    // fg hands less the terminal: its first screen, then q.
    const fg = s.run('fg %1', { input: ['q'] });
    expect(fg.exitCode).toBe(0);
    const rows = Array.from({ length: 23 }, (_, i) => `${i + 1}\x1b[K\r\n`).join('');
    expect(fg.output).toBe(`less f.txt\n\x1b[?1049h\r${rows}\x1b[0;7mf.txt\x1b[0m\x1b[K\r\x1b[K\x1b[?1049l`);
    expect(s.run('kill -9 %2 %3 %4; sleep 0.1').output).toBe('[2]   Killed                  watch date\n[3]-  Killed                  cat\n[4]+  Killed                  sleep 50\n');
  });

  it('runs docker logs -f as a job: lines come as the container prints them, and it ends when the container stops', () => {
    const s = createSession();
    s.run("docker run -d --name tick busybox sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'");
    let screen = '';
    s.attach((text) => (screen += text));
    screen += s.run('docker logs -f tick &').output;
    s.advance(2_500);
    // sh as PID 1 ignores SIGTERM: docker stop waits its 10 s, then kills; the name comes after.
    screen += s.run('docker stop tick').output;
    const ticks = Array.from({ length: 13 }, (_, i) => `tick ${i + 1}\n`);
    expect(screen).toBe(`[1] 5006\n${ticks.join('')}tick\n[1]+  Done                    docker logs -f tick\n`);
    expect(s.run('jobs').output).toBe('');
  });

  it('goes in the record of commands, at the time it runs', () => {
    const s = createSession();
    s.run('(sleep 2; docker ps -q) &');
    s.advance(3000);
    const record = s.store.getState().record.commands.filter((c) => !c.setup);
    expect(record.map((c) => c.argv.join(' '))).toContain('docker ps -q');
  });

  it('is gone when a saved machine is loaded (a fresh shell has no jobs)', () => {
    const s = createSession();
    const saved = s.save();
    s.run('sleep 100 &');
    s.load(saved);
    expect(s.run('jobs; echo $!').output).toBe('\n');
    expect(s.nextEventAt()).toBeUndefined();
  });

  it('a script keeps its jobs quietly and has no fg; a container’s interactive shell has job control of its own', () => {
    const s = createSession();
    s.run('docker run -d --name box alpine sleep 1000');
    const start = s.store.getState().clock.now;
    expect(s.run("docker exec box sh -c 'sleep 1 & echo started $!; wait; echo waited $?; fg'")).toEqual({ output: 'started 7\nwaited 0\nbash: fg: no job control\n', exitCode: 1 });
    // The job's second, and docker exec's own start-up.
    expect(s.store.getState().clock.now - start).toBe(1030);
    const inside = s.run('docker run --rm -it ubuntu bash', { input: ['sleep 3 &\n', 'jobs\n', 'wait\n', 'sleep 100 &\n', 'exit\n'] }).output;
    expect(inside.slice(inside.indexOf('root@'))).toMatch(/^root@(\w+):\/# sleep 3 &\n\[1\] 8\nroot@\1:\/# jobs\n\[1\]\+  Running                 sleep 3 &\nroot@\1:\/# wait\n\[1\]\+  Done                    sleep 3\nroot@\1:\/# sleep 100 &\n\[1\] 11\nroot@\1:\/# exit\nexit\n$/);
    // Its jobs ended with it: nothing of them is left to print or report.
    s.advance(200_000);
    expect(s.run('true').output).toBe('');
  });

  it('a fork bomb meets the line’s work budget and the process limit, and the shell carries on', () => {
    const s = createSession();
    const r = s.run(':(){ :|:& };:');
    expect(r.output.startsWith('[1] ')).toBe(true);
    s.advance(60_000);
    s.run('kill -9 $(jobs -p) 2>/dev/null; wait');
    s.run('true');
    expect(s.run('echo ok')).toEqual({ output: 'ok\n', exitCode: 0 });
  });
});
