// What a shell runs on: a file system, its own shell state and an identity. The learner's laptop
// is one machine; a container's shell (docker run -it) will be another, over the same interpreter.
import type { HostInfo, ShellState } from '../world';
import type { DirNode } from './fs';
import type { ProcessInfo } from './processes';

export interface Machine {
  fs(): DirNode;
  setFs(fs: DirNode): void;
  shell(): ShellState;
  setShell(change: (shell: ShellState) => ShellState): void;
  identity(): Pick<HostInfo, 'hostname' | 'user' | 'home' | 'kernel'> & {
    /** Which tools answer: GNU coreutils and procps, or BusyBox (alpine, busybox images). */
    userland?: 'gnu' | 'busybox';
    /** The distribution underneath (which curl build answers, for one): ubuntu on the laptop. */
    distro?: 'ubuntu' | 'debian' | 'alpine' | 'busybox' | 'scratch';
    /** The shell's `ls` is aliased to `ls --color=auto` (Ubuntu's .bashrc), as on the laptop. */
    colorLs?: boolean;
  };
  now(): number;
  /** Processes running on this machine besides the command asking (for ps). */
  processes(): ProcessInfo[];
  /** When set, the command asking is already in processes() under this pid (a container's PID 1). */
  selfPid?: number;
  /** The pid and parent pid a new command typed in this shell gets. */
  childPid(): { pid: number; ppid: number };
  /** Set on a container's machine: which container (for its network view: names, localhost). */
  containerId?: string;
  /** Where commands run here are recorded as running: `laptop`, `container/<id>` (core/record.ts). */
  readonly place: string;
}
