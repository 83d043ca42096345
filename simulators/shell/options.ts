// bash's `set -o` options: their names in `set -o`'s order, the letter each has, and the ones an
// interactive bash starts with. The world keeps the list of those that are on (ShellState.options).
import type { ShellState } from './state';

export const SHELL_OPTIONS: readonly { name: string; letter?: string }[] = [
  { name: 'allexport', letter: 'a' },
  { name: 'braceexpand', letter: 'B' },
  { name: 'emacs' },
  { name: 'errexit', letter: 'e' },
  { name: 'errtrace', letter: 'E' },
  { name: 'functrace', letter: 'T' },
  { name: 'hashall', letter: 'h' },
  { name: 'histexpand', letter: 'H' },
  { name: 'history' },
  { name: 'ignoreeof' },
  { name: 'interactive-comments' },
  { name: 'keyword', letter: 'k' },
  { name: 'monitor', letter: 'm' },
  { name: 'noclobber', letter: 'C' },
  { name: 'noexec', letter: 'n' },
  { name: 'noglob', letter: 'f' },
  { name: 'nolog' },
  { name: 'notify', letter: 'b' },
  { name: 'nounset', letter: 'u' },
  { name: 'onecmd', letter: 't' },
  { name: 'physical', letter: 'P' },
  { name: 'pipefail' },
  { name: 'posix' },
  { name: 'privileged', letter: 'p' },
  { name: 'verbose', letter: 'v' },
  { name: 'vi' },
  { name: 'xtrace', letter: 'x' },
];

/** What an interactive bash has on before anything is set (Ubuntu's, in a terminal). */
export const DEFAULT_OPTIONS: readonly string[] = ['braceexpand', 'emacs', 'hashall', 'histexpand', 'history', 'interactive-comments', 'monitor'];

export const optionsOf = (shell: ShellState): readonly string[] => shell.options ?? DEFAULT_OPTIONS;

export const optionIsOn = (shell: ShellState, name: string) => optionsOf(shell).includes(name);

/** `$-`: the letters of the options that are on, `i` for an interactive shell, in bash's order, then `s`. */
export function dashFlags(shell: ShellState): string {
  const letters = SHELL_OPTIONS.filter((o) => o.letter && optionIsOn(shell, o.name)).map((o) => o.letter!);
  letters.push('i');
  const lower = letters.filter((c) => c >= 'a').sort();
  const upper = letters.filter((c) => c < 'a').sort();
  return `${lower.join('')}${upper.join('')}s`;
}
