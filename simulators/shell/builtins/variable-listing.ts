// The shell's variables and functions as bash lists them: `set` (`x='a b'`), `declare -p`
// (`declare -- x="a b"`, `declare -ax a=([0]="1")`) and `declare -f`.
import type { ShellState } from '../state';
import { indices, isArray, scalar } from '../variables';
import { ansiC, isControl, traceValue } from '../xtrace';

/** A value as `declare -p` shows it: in double quotes, or as $'...' when it holds control characters. */
export function doubleQuoted(value: string): string {
  if ([...value].some(isControl)) return ansiC(value);
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `declare -- x="1"`, `declare -ax a=([0]="1")`: a variable as `declare -p` shows it, or undefined when unset. */
export function declaration(shell: ShellState, name: string): string | undefined {
  const exported = shell.exported.includes(name);
  if (isArray(shell, name)) {
    const array = shell.arrays![name];
    return `declare -a${exported ? 'x' : ''} ${name}=(${indices(shell, name).map((i) => `[${i}]=${doubleQuoted(array[i])}`).join(' ')})`;
  }
  const value = scalar(shell, name);
  if (value === undefined) return undefined;
  return `declare -${exported ? 'x' : '-'} ${name}=${doubleQuoted(value)}`;
}

/** Each variable as `set` lists it: `x='a b'`, `a=([0]="1" [1]="2")`, sorted by name. */
export function listVariables(shell: ShellState): string {
  // Control characters first (`$'...'`), then shell characters (`'...'`): print_var_value's order.
  const quote = (value: string) => ([...value].some(isControl) ? ansiC(value) : traceValue(value));
  const lines: [string, string][] = Object.keys(shell.vars).map((name) => [name, `${name}=${quote(shell.vars[name])}`]);
  for (const name of Object.keys(shell.arrays ?? {})) {
    const array = shell.arrays![name];
    lines.push([name, `${name}=(${indices(shell, name).map((i) => `[${i}]=${doubleQuoted(array[i])}`).join(' ')})`]);
  }
  return lines.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => `${line}\n`).join('');
}

/** The shell's functions as `declare -f` prints them, sorted by name. */
export function listFunctions(shell: ShellState): string {
  const functions = shell.functions ?? {};
  return Object.keys(functions).sort().map((name) => `${functions[name]}\n`).join('');
}

