// The shell's variables as bash keeps them: a name holds a string or an indexed array (sparse, in
// index order). `$a` of an array is its element 0, and `a[3]=x` makes a string into an array whose
// element 0 it was. Pure functions over ShellState; an array this line already copied (`owned`)
// is changed in place, so a loop filling an array costs what each element costs, not the array.
import { OutOfMemory } from '../core/budget';
import { ARRAY_LIMIT, type ShellState } from './state';

/** The arrays a line made or copied itself, which it may change in place. */
export type Owned = WeakSet<object>;

const has = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);

/** Sets a property even when the key is `__proto__` (a variable may be named so). */
function put(table: Record<string, string>, key: string, value: string) {
  Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
}

const arrayOf = (shell: ShellState, name: string) => (shell.arrays && has(shell.arrays, name) ? shell.arrays[name] : undefined);

export function isArray(shell: ShellState, name: string): boolean {
  return arrayOf(shell, name) !== undefined;
}

/** `$name`: a string's value, or an array's element 0. */
export function scalar(shell: ShellState, name: string): string | undefined {
  if (has(shell.vars, name)) return shell.vars[name];
  const array = arrayOf(shell, name);
  return array && has(array, '0') ? array['0'] : undefined;
}

/** `${name[index]}` (index a non-negative decimal): a string is its own element 0. */
export function element(shell: ShellState, name: string, index: string): string | undefined {
  const array = arrayOf(shell, name);
  if (array) return has(array, index) ? array[index] : undefined;
  return index === '0' && has(shell.vars, name) ? shell.vars[name] : undefined;
}

/** Decimal indices in numeric order (shorter first, then as text: no number is read). */
const byIndex = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** `${!name[@]}`: the indices that hold a value, in order (`0` for a string, none when unset). */
export function indices(shell: ShellState, name: string): string[] {
  const array = arrayOf(shell, name);
  if (array) return Object.keys(array).sort(byIndex);
  return has(shell.vars, name) ? ['0'] : [];
}

/** `${name[@]}`: the values, in index order. */
export function values(shell: ShellState, name: string): string[] {
  const array = arrayOf(shell, name);
  if (array) return indices(shell, name).map((i) => array[i]);
  return has(shell.vars, name) ? [shell.vars[name]] : [];
}

/**
 * An array's size and one past its highest index, kept beside it: appending to an array of n
 * elements must not cost n (a loop of `a+=(x)` would cost the square). Known once read, and kept
 * up to date by the changes below (an array that is not owned is never changed, only copied).
 */
const META = new WeakMap<object, { size: number; end: bigint }>();

function metaOf(array: Record<string, string>): { size: number; end: bigint } {
  let meta = META.get(array);
  if (!meta) {
    let size = 0;
    let last = '';
    for (const key in array) {
      if (!has(array, key)) continue;
      size++;
      if (byIndex(key, last) > 0 || last === '') last = key;
    }
    meta = { size, end: last === '' ? 0n : BigInt(last) + 1n };
    META.set(array, meta);
  }
  return meta;
}

function putElement(array: Record<string, string>, index: string, value: string) {
  const meta = metaOf(array);
  if (!has(array, index)) {
    meta.size++;
    const at = BigInt(index);
    if (at >= meta.end) meta.end = at + 1n;
  }
  put(array, index, value);
}

function deleteElement(array: Record<string, string>, index: string) {
  if (!has(array, index)) return;
  const meta = metaOf(array);
  delete array[index];
  meta.size--;
  // The last one gone: the new end is found when next asked.
  if (BigInt(index) + 1n === meta.end) META.delete(array);
}

/** One past the highest index (where `a+=(x)` puts x, and what `a[-1]` counts back from). */
export function arrayEnd(shell: ShellState, name: string): bigint {
  const array = arrayOf(shell, name);
  if (array) return metaOf(array).end;
  return has(shell.vars, name) ? 1n : 0n;
}

/** A copy of `name`'s array this line owns (made on first change), or a new one. */
function writable(shell: ShellState, name: string, owned: Owned | undefined): Record<string, string> {
  const current = arrayOf(shell, name);
  if (current && owned?.has(current)) return current;
  const copy: Record<string, string> = {};
  if (current) {
    for (const key of Object.keys(current)) put(copy, key, current[key]);
    const meta = META.get(current);
    if (meta) META.set(copy, { ...meta });
  } else if (has(shell.vars, name)) putElement(copy, '0', shell.vars[name]);
  owned?.add(copy);
  return copy;
}

/** The shell's table of strings, this line's own copy (made on its first change). */
function writableVars(shell: ShellState, owned: Owned | undefined): Record<string, string> {
  if (owned?.has(shell.vars)) return shell.vars;
  const copy = { ...shell.vars };
  owned?.add(copy);
  return copy;
}

function withArray(shell: ShellState, name: string, array: Record<string, string>): ShellState {
  const current = arrayOf(shell, name);
  // The same array changed in place: the table of arrays is as it was.
  if (current === array && !has(shell.vars, name)) return { ...shell };
  const arrays = { ...shell.arrays };
  Object.defineProperty(arrays, name, { value: array, enumerable: true, writable: true, configurable: true });
  if (!has(shell.vars, name)) return { ...shell, arrays };
  const vars = { ...shell.vars };
  delete vars[name];
  return { ...shell, vars, arrays };
}

/** `name=value`: a string, or element 0 of an array. */
export function assignVar(shell: ShellState, name: string, value: string, exported = false, owned?: Owned): ShellState {
  const exportedNames = exported && !shell.exported.includes(name) ? [...shell.exported, name] : shell.exported;
  if (isArray(shell, name)) return { ...setElement(shell, name, '0', value, owned), exported: exportedNames };
  const vars = writableVars(shell, owned);
  put(vars, name, value);
  return { ...shell, vars, exported: exportedNames };
}

/** `name[index]=value`, making a string (or nothing) an array first. */
export function setElement(shell: ShellState, name: string, index: string, value: string, owned?: Owned): ShellState {
  // One element at a time: the line's work budget bounds how many, so no limit is checked here.
  const array = writable(shell, name, owned);
  putElement(array, index, value);
  return withArray(shell, name, array);
}

/** `name=(...)`: the whole array, replaced (or added to, for `+=`). */
export function setArray(shell: ShellState, name: string, entries: readonly [string, string][], append: boolean, owned?: Owned): ShellState {
  const array = append ? writable(shell, name, owned) : {};
  if (!append) owned?.add(array);
  const meta = metaOf(array);
  if (meta.size + entries.length > ARRAY_LIMIT) throw new OutOfMemory((meta.size + entries.length) * 16);
  for (const [index, value] of entries) putElement(array, index, value);
  return withArray(shell, name, array);
}

/** `unset name`: the string or the whole array, and its export. */
export function unsetVar(shell: ShellState, name: string): ShellState {
  let next = shell;
  if (has(shell.vars, name)) {
    const vars = { ...shell.vars };
    delete vars[name];
    next = { ...next, vars };
  }
  if (isArray(shell, name)) {
    const arrays = { ...shell.arrays };
    delete arrays[name];
    next = { ...next, arrays };
  }
  return next.exported.includes(name) ? { ...next, exported: next.exported.filter((n) => n !== name) } : next;
}

/** `unset 'name[index]'`: one element (a string's element 0 is the string itself). */
export function unsetElement(shell: ShellState, name: string, index: string, owned?: Owned): ShellState {
  if (!isArray(shell, name)) return index === '0' ? unsetVar(shell, name) : shell;
  const array = writable(shell, name, owned);
  deleteElement(array, index);
  return withArray(shell, name, array);
}

/** What a name holds, to put back later (a function's `local`, a subshell's end). */
export interface Binding {
  value?: string;
  array?: Record<string, string>;
  exported: boolean;
}

export function bindingOf(shell: ShellState, name: string): Binding {
  const binding: Binding = { exported: shell.exported.includes(name) };
  if (has(shell.vars, name)) binding.value = shell.vars[name];
  const array = arrayOf(shell, name);
  if (array) binding.array = array;
  return binding;
}

export function restoreBinding(shell: ShellState, name: string, binding: Binding): ShellState {
  let next = unsetVar(shell, name);
  if (binding.value !== undefined) {
    const vars = { ...next.vars };
    put(vars, name, binding.value);
    next = { ...next, vars };
  }
  if (binding.array) next = withArray(next, name, binding.array);
  if (binding.exported) next = { ...next, exported: [...next.exported, name] };
  return next;
}
