// Assignments as bash makes them: `x=v`, `x+=v`, `a[i]=v` (the subscript read as arithmetic,
// negative from the end), `a=(x "y z" [5]=w)` (plain elements split and globbed like a command's
// words), and how `set -x` shows each.
import type { Effect } from '../core/process';
import type { Assignment } from './ast';
import { expandToString, expandWords, type ExpandEnv } from './expand';
import type { ExpandedAssignment } from './language';
import type { Machine } from './machine';
import { sourceOf } from './parser';
import { arrayEnd, assignVar, element, scalar, setArray, setElement, type Owned } from './variables';
import { traceValue } from './xtrace';

type Run<T> = Generator<Effect, T, string | null>;

/** Where an assignment goes, and how its subscripts are read (their errors end the line). */
export interface AssignTarget {
  machine: Machine;
  owned: Owned;
  subscript(text: string): bigint;
}

/** What an assignment word gives once expanded (its value, or an array's elements). */
export function* expandAssignment(a: Assignment, env: ExpandEnv): Run<ExpandedAssignment> {
  const out: ExpandedAssignment = { name: a.name };
  if (a.append) out.append = true;
  if (a.index) out.index = yield* expandToString(a.index, env);
  if (!a.array) {
    out.value = yield* expandToString(a.value, env);
    return out;
  }
  out.elements = [];
  for (const element of a.array) {
    if (element.index) {
      out.elements.push({ index: yield* expandToString(element.index, env), value: yield* expandToString(element.value, env), ...(element.append ? { append: true } : {}) });
      continue;
    }
    // A plain element splits and globs like a command's word: `a=(*.txt)`, `a=($(cmd))`.
    for (const value of yield* expandWords([element.value], env)) out.elements.push({ value });
  }
  env.budget.spend(out.elements.length);
  return out;
}

/** Makes an assignment: a string, one element, or a whole array (`+=` appends); bash's complaint when it cannot. */
export function applyAssignment(target: AssignTarget, a: ExpandedAssignment): string | undefined {
  const { machine, owned } = target;
  const shell = machine.shell();
  if (a.name === 'FUNCNAME') return undefined;
  if (a.elements) {
    let next = a.append ? arrayEnd(shell, a.name) : 0n;
    const entries: [string, string][] = [];
    for (const el of a.elements) {
      let index = next;
      if (el.index !== undefined) {
        index = target.subscript(el.index);
        if (index < 0n) return `${a.name}: [${el.index}]: bad array subscript`;
      }
      const key = index.toString();
      const before = el.append ? entries.find(([k]) => k === key)?.[1] ?? (a.append ? element(shell, a.name, key) : undefined) ?? '' : '';
      entries.push([key, before + el.value]);
      next = index + 1n;
    }
    machine.setShell((s) => setArray(s, a.name, entries, Boolean(a.append), owned));
    return undefined;
  }
  if (a.index !== undefined) {
    let index = target.subscript(a.index);
    if (index < 0n) {
      const end = arrayEnd(shell, a.name);
      if (end + index < 0n) return `${a.name}[${a.index}]: bad array subscript`;
      index += end;
    }
    const key = index.toString();
    const value = a.append ? (element(shell, a.name, key) ?? '') + a.value! : a.value!;
    machine.setShell((s) => setElement(s, a.name, key, value, owned));
    return undefined;
  }
  const value = a.append ? (scalar(shell, a.name) ?? '') + a.value! : a.value!;
  machine.setShell((s) => assignVar(s, a.name, value, false, owned));
  return undefined;
}

/** `+ x=1`, `+ a[2]=5`, `+ a=(1 "2 3")`: an assignment as `set -x` shows it. */
export function traceAssignment(a: Assignment, expanded: ExpandedAssignment): string {
  if (a.array) return sourceOf(a) ?? `${a.name}=()`;
  const target = a.index ? `${a.name}[${expanded.index}]` : a.name;
  return `${target}${a.append ? '+=' : '='}${traceValue(expanded.value ?? '')}`;
}

