// A shell's jobs, as bash keeps them: numbered from 1, each a pipeline (or a line stopped with
// Ctrl-Z) running in the background or stopped, with its pids, its text and its state; the
// current (`+`) and previous (`-`) job, chosen by bash's rules; and the notices an interactive
// shell prints before its next prompt when a job ends or stops. The processes themselves are
// stepped by the session's Background on simulated time.
import type { Background, BackgroundEntry, BackgroundHooks, Pending } from '../core/background';
import { CONTINUED, Interrupted, type Effect, type ShellProcess, type Step } from '../core/process';
import type { ProcessInfo } from './processes';
import { SIGTSTP, SIGTTIN, SIGTTOU, type Signal } from './signals';

export type JobState =
  | { kind: 'running' }
  /** `signal`: what stopped it (TSTP for Ctrl-Z, TTIN for reading the terminal, STOP from kill). */
  | { kind: 'stopped'; signal: Signal }
  | { kind: 'done'; code: number }
  | { kind: 'signalled'; signal: Signal };

export interface Job {
  readonly number: number;
  /** One per command of the pipeline; the last is what `$!` and `[1] PID` name. */
  readonly pids: readonly number[];
  /** As bash prints it: `sleep 3 && echo hi`, `sleep 1 | cat`. */
  readonly text: string;
  /** Each command of the pipeline, for `jobs -l`. */
  readonly stages: readonly string[];
  state: JobState;
  /** Simulated ms when it started, for ps. */
  readonly started: number;
  /** Its last change has been reported (a notice, `jobs`, `wait`). */
  reported: boolean;
  /**
   * A change `kill` made is seen a moment later, after bash has drawn the prompt that follows the
   * kill: it is reported at a prompt after that one, or at that one if the line went on long enough.
   */
  seenAfter?: { prompt: number; at: number };
  /** Killed while stopped: bash's SIGCONT after the signal has it reported Stopped once more, at once. */
  restate?: Extract<JobState, { kind: 'stopped' }>;
  /** Where the Background steps it; undefined while `fg` holds it. */
  entry?: BackgroundEntry;
  /** Set while `fg` runs it: Ctrl-Z stops it again rather than making a new job. */
  foreground?: { proc: ShellProcess };
  /** Stopped by Ctrl-Z while a full-screen program had the screen: it wants the terminal back. */
  screen?: boolean;
}

export interface JobTableOptions {
  background: Background;
  /** An interactive shell prints `[1] PID` and notices; a script keeps its jobs quietly. */
  interactive: boolean;
  /** The terminal, for what a job prints once its line has ended. */
  emit(text: string): void;
  now(): number;
  /** The pid the next command would get here; jobs take the next free ones from it. */
  firstPid(): number;
  /** Who runs the jobs (for ps). */
  user(): string;
}

/** A job spec that names nothing, worded for the builtin that was given it. */
export class NoSuchJob extends Error {}

/** More jobs than a shell here keeps at once (bash's limit is the system's processes). */
export class JobLimit extends Error {
  constructor() {
    super('bash: fork: retry: Resource temporarily unavailable');
  }
}

/** How many jobs one shell keeps: far more than a learner starts, few enough that a loop of `&` stays bounded. */
export const MAX_JOBS = 256;
/** How many background processes the whole session runs at once. */
export const MAX_PROCESSES = 1024;

export interface JobTable {
  readonly interactive: boolean;
  /** `$!`: the last process of the job most recently put in the background. */
  lastPid(): number | undefined;
  /** Pids for a new job's commands. */
  allocatePids(count: number): number[];
  /**
   * Takes in a job started with `&`: `announce` hears of it first (bash's `[1] PID`), then its
   * first step runs. Throws JobLimit when the table is full of jobs that have not ended.
   */
  start(proc: ShellProcess, job: { text: string; stages: readonly string[]; pids: readonly number[] }, announce?: (job: Job) => void): Job;
  /** Ctrl-Z: the foreground line (or the job `fg` runs) stops and becomes (again) a stopped job. */
  suspend(proc: ShellProcess, pending: Pending, text: string, screen?: boolean): Job;
  /** Jobs in number order. */
  list(): readonly Job[];
  /** `%1`, `%%`, `%+`, `%-`, `%name`, `%?text`, or a job's pid; throws NoSuchJob with bash's words. */
  find(spec: string, builtin: string): Job;
  current(): Job | undefined;
  /** `+`, `-` or a space. */
  mark(job: Job): string;
  /** Runs a job in the foreground until it ends or stops (fg); returns its status. */
  foreground(job: Job): Generator<Effect, number, string | null>;
  /** bg, SIGCONT. */
  continue(job: Job): void;
  /** kill: what the signal does to the job. */
  signal(job: Job, signal: Signal): void;
  /** Whether the job has ended (for wait). */
  ended(job: Job): boolean;
  /** The status `wait` returns for an ended job. */
  status(job: Job): number;
  /** The notice line bash prints for a job's state: `[1]+  Done                    sleep 3`. */
  line(job: Job, options?: { pid?: boolean; as?: JobState }): string;
  /** Drops a job (an ended job once reported; a job fg ran). */
  remove(job: Job): void;
  /** disown: the job leaves the table but its processes go on, still there for `kill PID` and ps. */
  disown(job: Job): void;
  /** A running or stopped process by pid, a disowned one included, for `kill PID`. */
  byPid(pid: number): Job | undefined;
  /** What bash prints before the next prompt: jobs that ended or stopped since it last said. */
  notices(): string;
  /** Processes of the running and stopped jobs, for ps. */
  processes(): ProcessInfo[];
  /** Forgets every job (the machine was replaced by a saved one). */
  clear(): void;
}

/** Width bash gives a job's state before its text. */
const STATE_WIDTH = 24;

export function stateWord(job: Job): string {
  const s = job.state;
  if (s.kind === 'running') return 'Running';
  if (s.kind === 'stopped') return 'Stopped';
  if (s.kind === 'done') return s.code === 0 ? 'Done' : `Exit ${s.code}`;
  return s.signal.description;
}

export function createJobTable(options: JobTableOptions): JobTable {
  const { background } = options;
  const jobs: Job[] = [];
  let current: Job | undefined;
  let previous: Job | undefined;
  let last: number | undefined;
  let highestPid = 0;
  /** Counts the prompts drawn, so `kill`'s changes can wait one. */
  let prompts = 0;
  /** Jobs disowned while running: out of the table, their processes still alive. */
  const disowned = new Set<Job>();

  const live = (job: Job | undefined): job is Job => job !== undefined && jobs.includes(job);
  const stopped = (job: Job | undefined) => live(job) && job.state.kind === 'stopped';
  const running = (job: Job | undefined) => live(job) && job.state.kind === 'running';
  /** The newest job below `below` (all, when undefined) that passes `test`. */
  const newest = (test: (j: Job) => boolean, below = Infinity) => [...jobs].reverse().find((j) => j.number < below && test(j));

  /** bash's set_current_job: `job` becomes current, and the previous job is chosen to go with it. */
  const setCurrent = (job: Job) => {
    if (current !== job) {
      previous = current;
      current = job;
    }
    // The old current job stays previous while it is stopped.
    if (previous !== current && stopped(previous)) return;
    const candidate = stopped(current)
      ? (newest((j) => j.state.kind === 'stopped', job.number) ?? newest((j) => j.state.kind === 'running'))
      : newest((j) => j.state.kind === 'running', job.number);
    previous = candidate ?? current;
  };

  /** bash's reset_current: after jobs come and go, a stopped job is preferred, then the newest running one. */
  const resetCurrent = () => {
    if (stopped(current)) return setCurrent(current!);
    const candidate = (stopped(previous) ? previous : undefined) ?? newest((j) => j.state.kind === 'stopped') ?? newest((j) => j.state.kind === 'running');
    if (candidate) setCurrent(candidate);
    else current = previous = undefined;
  };

  const add = (job: Job) => {
    jobs.push(job);
    jobs.sort((a, b) => a.number - b.number);
  };
  const nextNumber = () => (jobs.length ? jobs[jobs.length - 1].number + 1 : 1);

  const hooks = (job: Job): BackgroundHooks => ({
    exited(code: number) {
      if (job.state.kind === 'signalled') return;
      job.state = { kind: 'done', code };
      job.reported = false;
      job.entry = undefined;
      disowned.delete(job);
    },
    stopped(why) {
      job.state = { kind: 'stopped', signal: why === 'output' ? SIGTTOU : SIGTTIN };
      job.reported = false;
      setCurrent(job);
    },
  });

  const table: JobTable = {
    interactive: options.interactive,
    lastPid: () => last,
    allocatePids(count) {
      const first = Math.max(options.firstPid(), highestPid + 1);
      highestPid = first + count - 1;
      return Array.from({ length: count }, (_, i) => first + i);
    },
    start(proc, { text, stages, pids }, announce) {
      if (jobs.length >= MAX_JOBS) {
        // Ended jobs nobody asked about go first, oldest first, as a script's children are reaped.
        for (const old of jobs.filter((j) => table.ended(j))) if (jobs.length >= MAX_JOBS) table.remove(old);
      }
      // The machine's process limit, shared by every shell on it (a fork bomb meets it at once).
      if (jobs.length >= MAX_JOBS || background.count() >= MAX_PROCESSES) throw new JobLimit();
      const job: Job = { number: nextNumber(), pids, text, stages, state: { kind: 'running' }, started: options.now(), reported: true };
      add(job);
      announce?.(job);
      last = pids[pids.length - 1];
      // bash makes it current while it runs, before it has had a chance to end.
      resetCurrent();
      job.entry = background.add(proc, hooks(job), {});
      return job;
    },
    suspend(proc, pending, text, screen) {
      // The line is `fg` running a job: that job stops again, and fg's line ends.
      const held = jobs.find((j) => j.foreground);
      const job: Job = held ?? { number: nextNumber(), pids: table.allocatePids(1), text, stages: [text], state: { kind: 'stopped', signal: SIGTSTP }, started: options.now(), reported: false };
      const jobProc = held?.foreground?.proc ?? proc;
      if (!held) {
        add(job);
        proc.detach?.(options.emit);
      }
      job.foreground = undefined;
      job.state = { kind: 'stopped', signal: SIGTSTP };
      job.reported = false;
      job.screen = screen;
      job.entry = background.add(jobProc, hooks(job), { stopped: true });
      job.entry.pending = pending;
      setCurrent(job);
      return job;
    },
    list: () => jobs,
    find(spec, builtin) {
      const missing = (what = spec) => new NoSuchJob(`bash: ${builtin}: ${what}: no such job`);
      if (/^\d+$/.test(spec)) {
        const job = jobs.find((j) => j.pids.includes(Number(spec)));
        if (!job) throw missing();
        return job;
      }
      const body = spec.slice(1);
      let job: Job | undefined;
      if (body === '' || body === '%' || body === '+') job = live(current) ? current : undefined;
      else if (body === '-') job = live(previous) ? previous : undefined;
      else if (/^\d+$/.test(body)) job = jobs.find((j) => j.number === Number(body));
      else {
        const contains = body.startsWith('?');
        const needle = contains ? body.slice(1) : body;
        const matches = jobs.filter((j) => (contains ? j.text.includes(needle) : j.text.startsWith(needle)));
        if (matches.length > 1) throw new NoSuchJob(`bash: ${builtin}: ${needle}: ambiguous job spec\nbash: ${builtin}: ${spec}: no such job`);
        job = matches[0];
      }
      if (!job) throw missing(body === '' || body === '%' || body === '+' ? 'current' : body === '-' ? 'previous' : spec);
      return job;
    },
    current: () => (live(current) ? current : undefined),
    mark: (job) => (job === current ? '+' : job === previous ? '-' : ' '),
    *foreground(job) {
      const entry = job.entry;
      if (!entry) return 1;
      const proc = entry.proc;
      let pending = background.take(entry);
      job.entry = undefined;
      job.state = { kind: 'running' };
      job.foreground = { proc };
      // Ctrl-Z puts it back among the jobs (suspend above) and ends fg's line there.
      const here = () => job.foreground?.proc === proc;
      let step: Step;
      try {
        // A full-screen program stopped with its screen is told it has the terminal again.
        const redraw = job.screen && pending?.kind === 'wait';
        job.screen = false;
        step = redraw ? proc.resume(CONTINUED) : pending ? yield* waitFor(pending, proc, options.now) : proc.resume();
        while (step.kind !== 'exit') {
          pending = toPending(step, options.now);
          step = yield* waitFor(pending, proc, options.now);
        }
      } finally {
        if (here()) job.foreground = undefined;
      }
      table.remove(job);
      return step.code;
    },
    continue(job) {
      if (job.state.kind !== 'stopped' || !job.entry) return;
      // A full-screen program continued in the background takes the terminal again and is stopped
      // for it at once (SIGTTOU), as curses' SIGCONT handler is.
      if (job.screen) {
        job.state = { kind: 'stopped', signal: SIGTTOU };
        job.reported = false;
        return;
      }
      job.state = { kind: 'running' };
      job.reported = true;
      background.resume(job.entry);
    },
    signal(job, signal) {
      if (table.ended(job)) return;
      if (signal.action === 'ignore') return;
      if (signal.action === 'continue') {
        table.continue(job);
        return;
      }
      // bash's kill sends a stopped job SIGCONT after the signal: the job is heard of at once (a
      // second stop reported again, a kill first reported Stopped once more, then as it ended).
      const wasStopped = job.state.kind === 'stopped';
      job.seenAfter = wasStopped && signal.action === 'stop' ? undefined : { prompt: prompts + 1, at: options.now() + 1 };
      job.reported = false;
      if (signal.action === 'stop') {
        if (job.entry) background.stop(job.entry);
        job.state = { kind: 'stopped', signal };
        setCurrent(job);
        return;
      }
      job.restate = job.state.kind === 'stopped' ? job.state : undefined;
      job.state = { kind: 'signalled', signal };
      if (job.entry) background.end(job.entry);
      job.entry = undefined;
      disowned.delete(job);
    },
    ended: (job) => job.state.kind === 'done' || job.state.kind === 'signalled',
    status: (job) => (job.state.kind === 'done' ? job.state.code : job.state.kind === 'signalled' ? 128 + job.state.signal.number : job.state.kind === 'stopped' ? 128 + job.state.signal.number : 0),
    line(job, lineOptions = {}) {
      // `as`: the job shown in a state it was in (a killed job reported Stopped once more).
      const state = lineOptions.as ?? job.state;
      // `jobs -l` says what stopped a job (`Stopped (tty input)`); the short form only `Stopped`.
      const word = (lineOptions.pid && state.kind === 'stopped' ? state.signal.description : stateWord({ ...job, state })).padEnd(STATE_WIDTH);
      const text = state.kind === 'running' ? `${job.text} &` : job.text;
      if (!lineOptions.pid) return `[${job.number}]${table.mark(job)}  ${word}${text}\n`;
      // `jobs -l`: a line per process of the pipeline, the first with the job's number and state.
      const running = state.kind === 'running';
      return job.stages
        .map((stage, i) => {
          const tail = running && i === job.stages.length - 1 ? ' &' : '';
          const pid = String(job.pids[i]).padStart(5);
          if (i === 0) return `[${job.number}]${table.mark(job)} ${pid} ${word}${stage}${job.stages.length === 1 ? tail : ''}\n`;
          return `${' '.repeat(5)}${pid} ${' '.repeat(STATE_WIDTH - 2)}| ${stage}${tail}\n`;
        })
        .join('');
    },
    remove(job) {
      const i = jobs.indexOf(job);
      if (i === -1) return;
      jobs.splice(i, 1);
      if (job.entry) background.end(job.entry);
      job.entry = undefined;
      resetCurrent();
    },
    disown(job) {
      const i = jobs.indexOf(job);
      if (i === -1) return;
      jobs.splice(i, 1);
      if (job.entry) disowned.add(job);
      resetCurrent();
    },
    byPid: (pid) => [...jobs, ...disowned].find((j) => !table.ended(j) && j.pids.includes(pid)),
    notices() {
      prompts++;
      if (!options.interactive) return '';
      let out = '';
      const gone: Job[] = [];
      for (const job of jobs) {
        if (job.reported) continue;
        const seen = job.seenAfter;
        const early = seen !== undefined && prompts <= seen.prompt && options.now() < seen.at;
        // A stopped job killed just now: bash hears of its SIGCONT first (once the line has gone on
        // for a while, only of its end).
        const restated = job.restate;
        job.restate = undefined;
        if (restated && early) {
          out += `\n${table.line(job, { as: restated })}`;
          continue;
        }
        if (early) continue;
        job.reported = true;
        if (job.state.kind === 'running') continue;
        // bash starts a stopped job's notice on a new line (after Ctrl-Z, the row the terminal's ^Z is on).
        out += `${job.state.kind === 'stopped' ? '\n' : ''}${table.line(job)}`;
        if (table.ended(job)) gone.push(job);
      }
      // Every notice shows the marks as they were; the jobs that ended go after.
      gone.forEach((job) => table.remove(job));
      return out;
    },
    processes() {
      const user = options.user();
      return [...jobs, ...disowned]
        .filter((j) => !table.ended(j))
        .flatMap((job) =>
          job.stages.map((stage, i): ProcessInfo => {
            const name = stage.trim().split(/\s+/)[0] ?? stage;
            return { pid: job.pids[i], ppid: 0, user, tty: 'pts/0', stat: job.state.kind === 'stopped' ? 'T' : 'S', started: job.started, cpuSeconds: 0, vszKb: 8_280, rssKb: 1_920, command: stage, name: name.split('/').pop() ?? name };
          }),
        );
    },
    clear() {
      for (const job of [...jobs, ...disowned]) if (job.entry) background.end(job.entry);
      jobs.length = 0;
      disowned.clear();
      current = previous = undefined;
      last = undefined;
    },
  };
  return table;
}

/** What a running process asked for, as a Pending (time measured from now). */
export function toPending(step: Exclude<Step, { kind: 'exit' }>, now: () => number): Pending {
  if (step.kind === 'wait') return { kind: 'wait', until: now() + step.ms, stream: step.stream, ready: step.ready };
  if (step.kind === 'read') return { kind: 'read', raw: step.raw, ...(step.takeover ? { takeover: true } : {}) };
  return { kind: 'shell', shell: step.shell };
}

/**
 * Passes what a job waits for on to whoever drives the foreground (fg's line), and resumes the job
 * with the answer: the rest of its wait, the keys it reads, a shell's status. Ctrl-C reaches it.
 */
function* waitFor(pending: Pending, proc: ShellProcess, now: () => number): Generator<Effect, Step, string | null> {
  // In the foreground the terminal is the job's: what it waited for to take it over is there.
  if (pending.kind === 'read' && pending.takeover) return proc.resume('');
  const effect: Effect =
    pending.kind === 'wait'
      ? { type: 'wait', ms: Math.max(0, pending.until - now()), stream: pending.stream, ready: pending.ready }
      : pending.kind === 'read'
        ? { type: 'read', raw: pending.raw }
        : { type: 'shell', shell: pending.shell };
  let input: string | null;
  try {
    input = yield effect;
  } catch (e) {
    if (e instanceof Interrupted) return proc.interrupt();
    throw e;
  }
  return proc.resume(input);
}

