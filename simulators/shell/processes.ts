// What `ps` lists: the processes of a machine, as data. The laptop's come from its scenario; a
// container's shell will list only its own, which is the point chapter 1 makes.

export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  /** `?` for daemons, `pts/0` for the learner's terminal. */
  tty: string;
  /** BSD state letters, as `ps aux` shows them (Ss, S, R+, ...). */
  stat: string;
  /** Start time, simulated ms. */
  started: number;
  /** CPU seconds used so far. */
  cpuSeconds: number;
  vszKb: number;
  rssKb: number;
  /** Full command line (ps -f, ps aux). */
  command: string;
  /** Short name (plain ps). */
  name: string;
}
