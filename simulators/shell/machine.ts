// What a shell runs on: a file system, its own shell state and an identity. The learner's laptop
// is one machine; a container's shell (docker run -it) will be another, over the same interpreter.
import type { WorldStore } from '../core/store';
import type { HostInfo, ShellState, World } from '../world';
import type { DirNode } from './fs';

export interface Machine {
  fs(): DirNode;
  setFs(fs: DirNode): void;
  shell(): ShellState;
  setShell(change: (shell: ShellState) => ShellState): void;
  identity(): Pick<HostInfo, 'hostname' | 'user' | 'home' | 'kernel'>;
  now(): number;
}

export function laptopMachine(store: WorldStore): Machine {
  const set = (change: (w: World) => World) => store.setState(change(store.getState()), true);
  return {
    fs: () => store.getState().fs,
    setFs: (fs) => set((w) => ({ ...w, fs })),
    shell: () => store.getState().shell,
    setShell: (change) => set((w) => ({ ...w, shell: change(w.shell) })),
    identity: () => store.getState().host,
    now: () => store.getState().clock.now,
  };
}
