// Linux's signals as bash names and describes them (`kill -l`, the words of a job's notice).
// Numbers are x86-64 Linux's; descriptions are glibc's strsignal(), which bash prints.

export interface Signal {
  number: number;
  /** Without the SIG prefix: TERM, KILL... */
  name: string;
  description: string;
  /** What it does to a process that has not asked otherwise. */
  action: 'terminate' | 'stop' | 'continue' | 'ignore';
}

const table: [number, string, string, Signal['action']][] = [
  [1, 'HUP', 'Hangup', 'terminate'],
  [2, 'INT', 'Interrupt', 'terminate'],
  [3, 'QUIT', 'Quit', 'terminate'],
  [4, 'ILL', 'Illegal instruction', 'terminate'],
  [5, 'TRAP', 'Trace/breakpoint trap', 'terminate'],
  [6, 'ABRT', 'Aborted', 'terminate'],
  [7, 'BUS', 'Bus error', 'terminate'],
  [8, 'FPE', 'Floating point exception', 'terminate'],
  [9, 'KILL', 'Killed', 'terminate'],
  [10, 'USR1', 'User defined signal 1', 'terminate'],
  [11, 'SEGV', 'Segmentation fault', 'terminate'],
  [12, 'USR2', 'User defined signal 2', 'terminate'],
  [13, 'PIPE', 'Broken pipe', 'terminate'],
  [14, 'ALRM', 'Alarm clock', 'terminate'],
  [15, 'TERM', 'Terminated', 'terminate'],
  [16, 'STKFLT', 'Stack fault', 'terminate'],
  [17, 'CHLD', 'Child exited', 'ignore'],
  [18, 'CONT', 'Continued', 'continue'],
  [19, 'STOP', 'Stopped (signal)', 'stop'],
  [20, 'TSTP', 'Stopped', 'stop'],
  [21, 'TTIN', 'Stopped (tty input)', 'stop'],
  [22, 'TTOU', 'Stopped (tty output)', 'stop'],
  [23, 'URG', 'Urgent I/O condition', 'ignore'],
  [24, 'XCPU', 'CPU time limit exceeded', 'terminate'],
  [25, 'XFSZ', 'File size limit exceeded', 'terminate'],
  [26, 'VTALRM', 'Virtual timer expired', 'terminate'],
  [27, 'PROF', 'Profiling timer expired', 'terminate'],
  [28, 'WINCH', 'Window changed', 'ignore'],
  [29, 'IO', 'I/O possible', 'terminate'],
  [30, 'PWR', 'Power failure', 'terminate'],
  [31, 'SYS', 'Bad system call', 'terminate'],
];

/** The real-time signals, 34 to 64, named as bash names them: RTMIN, RTMIN+1 ... RTMAX-1, RTMAX. */
function realtime(n: number): Signal {
  const name = n === 34 ? 'RTMIN' : n === 64 ? 'RTMAX' : n <= 49 ? `RTMIN+${n - 34}` : `RTMAX-${64 - n}`;
  return { number: n, name, description: `Real-time signal ${n - 34}`, action: 'terminate' };
}

export const SIGNALS: readonly Signal[] = [
  ...table.map(([number, name, description, action]) => ({ number, name, description, action })),
  ...Array.from({ length: 31 }, (_, i) => realtime(34 + i)),
];

const byNumber = new Map(SIGNALS.map((s) => [s.number, s]));
const byName = new Map(SIGNALS.map((s) => [s.name, s]));

export const SIGTERM = byNumber.get(15)!;
export const SIGTSTP = byNumber.get(20)!;
export const SIGTTIN = byNumber.get(21)!;
export const SIGTTOU = byNumber.get(22)!;

export const signalByNumber = (n: number): Signal | undefined => byNumber.get(n);

/**
 * A signal as `kill` reads a sigspec: a number, or a name with or without SIG, in any case
 * (bash accepts `-term` and `-SIGterm`). 0 is the null signal: only whether the process exists.
 */
export function readSignal(spec: string): Signal | 0 | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 ? 0 : byNumber.get(n);
  }
  const upper = spec.toUpperCase();
  return byName.get(upper.startsWith('SIG') ? upper.slice(3) : upper);
}

/** `kill -l`: every signal as `N) SIGNAME`, five to a row, tab-separated, as bash lays them out. */
export function signalList(): string {
  let out = '';
  SIGNALS.forEach((s, i) => {
    out += `${String(s.number).padStart(2)}) SIG${s.name}`;
    out += i % 5 === 4 ? '\n' : '\t';
  });
  // bash leaves the tab after the last one when its row is short, then ends the line.
  return out.endsWith('\n') ? out : `${out}\n`;
}
