// A workload seen as a machine the shell can run on: its own files over its image's, its host name,
// its user, only its own processes, and the host's kernel (uname -r inside prints the host's
// release). Whatever runs the workload (Docker today, a kubelet next) keeps the record and says how
// to read and write it (WorkloadHost); everything a shell does inside is the same for both.
import type { DirNode } from '../../shell/fs';
import type { Machine } from '../../shell/machine';
import type { ProcessInfo } from '../../shell/processes';
import type { ShellState } from '../../shell/state';
import type { HostInfo } from '../../world';
import type { WorkloadImage } from '../image';
import { distroOf, userlandOf } from './rootfs';

/** A workload as the sandbox reads it; its runtime maps its own record onto this. */
export interface Workload {
  image: WorkloadImage;
  hostname: string;
  /** Empty for root. */
  user: string;
  /** Its environment in the runtime's order (the image's, then what was given). */
  env: readonly string[];
  workingDir: string;
  tty: boolean;
  /** PID 1's argv. */
  command: readonly string[];
  created: number;
  /** When its current run started (0 when it never ran). */
  startedAt: number;
  /** Its own writable layer, made on first write. */
  fs?: DirNode;
  /** The shell state of commands run inside, made on first use. */
  shell?: ShellState;
}

export interface WorkloadHost {
  /** Where its commands are recorded as running (Machine.place). */
  readonly place: string;
  /** The workload as it is now; undefined once it is gone. */
  get(): Workload | undefined;
  /** Its tree before its first write: its image's, with what its runtime writes (hosts, limits). */
  baseFs(workload: Workload): DirNode;
  /** Keeps its own layer and shell state on its record. */
  save(change: { fs?: DirNode; shell?: ShellState }): void;
  /** What its mounts (volumes, bind mounts; later configMaps) show over its own files. */
  overlay(own: DirNode): DirNode;
  /** Sends writes under its mounts to their sources; returns what stays in its own layer. */
  split(fs: DirNode): DirNode;
  now(): number;
  kernel(): HostInfo['kernel'];
}

/** A default PATH for Linux containers (moby's, which containerd uses too). */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function workloadShellState(w: Pick<Workload, 'shell' | 'hostname' | 'tty' | 'env' | 'workingDir'>): ShellState {
  if (w.shell) return w.shell;
  // The runtime's order: a default PATH, HOSTNAME, TERM with a tty, then the image's and the given
  // variables (an image's PATH takes the default's place), and HOME last when nothing set it.
  const vars: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: w.hostname };
  if (w.tty) vars.TERM = 'xterm';
  for (const e of w.env) {
    const eq = e.indexOf('=');
    if (eq > 0) vars[e.slice(0, eq)] = e.slice(eq + 1);
  }
  if (!('HOME' in vars)) vars.HOME = '/root';
  const cwd = w.workingDir || '/';
  // PWD is the shell's own; a program started directly (`docker exec web env`) does not see it.
  return { cwd, oldpwd: '', vars: { ...vars, PWD: cwd }, exported: Object.keys(vars), history: [], lastExitCode: 0 };
}

const isNginx = (w: Pick<Workload, 'command' | 'image'>) => {
  const command = w.command.join(' ');
  return /nginx|docker-entrypoint/.test(command) && /nginx/.test(w.image.tags.join(' ') + command);
};

/** The processes `ps` lists inside: PID 1 is the workload's command, then whatever runs beside it. */
export function workloadProcesses(w: Pick<Workload, 'command' | 'image' | 'startedAt' | 'tty'>, now: number, extra: ProcessInfo[] = []): ProcessInfo[] {
  const command = w.command.join(' ');
  const path = w.command[0] ?? '';
  const name = path.split('/').pop() ?? path;
  const started = w.startedAt || now;
  const pid1: ProcessInfo = { pid: 1, ppid: 0, user: 'root', tty: w.tty ? 'pts/0' : '?', stat: 'Ss', started, cpuSeconds: 0, vszKb: 4_400, rssKb: 1_800, command, name };
  const list = [pid1];
  if (isNginx(w)) {
    pid1.command = 'nginx: master process nginx -g daemon off;';
    pid1.name = 'nginx';
    for (const pid of [29, 30]) list.push({ pid, ppid: 1, user: 'nginx', tty: '?', stat: 'S', started, cpuSeconds: 0, vszKb: 11_900, rssKb: 2_900, command: 'nginx: worker process', name: 'nginx' });
  }
  return [...list, ...extra];
}

export interface SandboxOptions {
  /** Processes running beside the shell's command (an exec'd program). */
  extraProcesses?: () => ProcessInfo[];
  /** When set, the command asking is already listed under this pid. */
  selfPid?: number;
  /** Docker's container id, for what still reads it (the container's network view). */
  containerId?: string;
}

export function workloadMachine(host: WorkloadHost, options: SandboxOptions = {}): Machine {
  const workload = () => {
    const w = host.get();
    if (!w) throw new Error('the workload is gone');
    return w;
  };
  const own = (w: Workload) => w.fs ?? host.baseFs(w);
  return {
    fs: () => host.overlay(own(workload())),
    setFs: (fs) => {
      if (!host.get()) return;
      host.save({ fs: host.split(fs) });
    },
    shell: () => workloadShellState(workload()),
    setShell: (change) => {
      const w = host.get();
      if (w) host.save({ shell: change(workloadShellState(w)) });
    },
    identity: () => {
      const w = workload();
      return { hostname: w.hostname, user: w.user || 'root', home: '/root', kernel: host.kernel(), userland: userlandOf(w.image), distro: distroOf(w.image.base) };
    },
    now: () => host.now(),
    processes: () => workloadProcesses(workload(), host.now(), options.extraProcesses?.() ?? []),
    // Inside, pids are small: the shell is 1 (or an exec'd one), its commands follow.
    childPid: () => ({ pid: 7 + workloadShellState(workload()).history.length, ppid: options.selfPid ?? 1 }),
    selfPid: options.selfPid,
    containerId: options.containerId,
    place: host.place,
  };
}
