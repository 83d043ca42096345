// What a shell runs on: a file system, its own shell state and an identity. The learner's laptop
// is one machine; a container's shell (docker run -it) will be another, over the same interpreter.
import type { WorldStore } from '../world';
import type { HostInfo, ShellState, World } from '../world';
import type { DirNode } from './fs';
import type { ProcessInfo } from './processes';
import { laptopProcesses, SHELL_PID } from '../scenarios/laptop-processes';
import { dockerHostProcesses } from '../docker/engine/container-machine';

export interface Machine {
  fs(): DirNode;
  setFs(fs: DirNode): void;
  shell(): ShellState;
  setShell(change: (shell: ShellState) => ShellState): void;
  identity(): Pick<HostInfo, 'hostname' | 'user' | 'home' | 'kernel'> & {
    /** Which tools answer: GNU coreutils and procps, or BusyBox (alpine, busybox images). */
    userland?: 'gnu' | 'busybox';
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

export function laptopMachine(store: WorldStore): Machine {
  const set = (change: (w: World) => World) => store.setState(change(store.getState()), true);
  return {
    place: 'laptop',
    fs: () => store.getState().fs,
    setFs: (fs) => set((w) => ({ ...w, fs })),
    shell: () => store.getState().shell,
    setShell: (change) => set((w) => ({ ...w, shell: change(w.shell) })),
    // Ubuntu's .bashrc aliases ls to `ls --color=auto`: only the laptop's shell colours ls.
    identity: () => ({ ...store.getState().host, colorLs: true }),
    now: () => store.getState().clock.now,
    childPid: () => ({ pid: 5000 + store.getState().shell.history.length * 3, ppid: SHELL_PID }),
    processes: () => {
      const world = store.getState();
      const booted = world.host.bootedAt;
      const shell: ProcessInfo = { pid: SHELL_PID, ppid: 2871, user: world.host.user, tty: 'pts/0', stat: 'Ss', started: booted, cpuSeconds: 0, vszKb: 11_748, rssKb: 5_504, command: '-bash', name: 'bash' };
      // A container is processes on this machine: its shim and its programs show up here too.
      return [...laptopProcesses(booted), shell, ...dockerHostProcesses(world)];
    },
  };
}
