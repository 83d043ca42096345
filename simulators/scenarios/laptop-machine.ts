// The learner's laptop as a machine the shell runs on: the world's own files, shell and host, with
// Ubuntu's habits (ls coloured by .bashrc), and the processes of everything running on it, Docker's
// containers included (a container is processes on this machine).
import type { Machine } from '../shell/machine';
import type { ProcessInfo } from '../shell/processes';
import type { World, WorldStore } from '../world';
import { dockerHostProcesses } from '../docker/engine/container-machine';
import { laptopProcesses, SHELL_PID } from './laptop-processes';

export function laptopMachine(store: WorldStore): Machine {
  const set = (change: (w: World) => World) => store.setState(change(store.getState()), true);
  // Asked for many times a line (who acts on a file, whose home ~ is): made again only when the host changes.
  let host: World['host'] | undefined;
  let identity: ReturnType<Machine['identity']> | undefined;
  return {
    place: 'laptop',
    fs: () => store.getState().fs,
    setFs: (fs) => set((w) => ({ ...w, fs })),
    shell: () => store.getState().shell,
    setShell: (change) => set((w) => ({ ...w, shell: change(w.shell) })),
    // Ubuntu's .bashrc aliases ls to `ls --color=auto`: only the laptop's shell colours ls.
    identity: () => {
      const now = store.getState().host;
      if (now !== host || !identity) {
        host = now;
        identity = { ...now, colorLs: true, distro: 'ubuntu' };
      }
      return identity;
    },
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
