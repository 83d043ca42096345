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
  /**
   * Indexed arrays by name, each a table from index (decimal text) to value: bash's arrays are
   * sparse (`a[999999999]=x` holds one element). A name is in `vars` or here, never in both.
   */
  arrays?: Record<string, Record<string, string>>;
  /** Shell functions by name, each as `declare -f` prints it (parsed again when called). */
  functions?: Record<string, string>;
  /** The `set -o` options that are on, by name: errexit, nounset, xtrace, pipefail. */
  options?: string[];
  /** The shell's own positional parameters ($1, $2...), as `set -- a b` leaves them. */
  positional?: string[];
}

export const HISTORY_LIMIT = 1000;

/** Most elements one array may hold (bash's only limit is memory; a browser tab's is lower). */
export const ARRAY_LIMIT = 1_000_000;
