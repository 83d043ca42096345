// A shell's own state on one machine (the laptop's, or a container's): plain data in the world.

export interface ShellState {
  cwd: string;
  oldpwd: string;
  vars: Record<string, string>;
  /** Names of vars that are exported to commands (`export`, `env`). */
  exported: string[];
  /** Lines as typed, oldest first, bounded like bash's HISTSIZE. */
  history: string[];
  lastExitCode: number;
}

export const HISTORY_LIMIT = 1000;
