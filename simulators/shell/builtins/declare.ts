// declare (and typeset, its old name) and local: variables made with attributes (-a an array,
// -x exported), local to the running function, or shown as bash shows them (`declare -p`, `-f`,
// `-F`). The attributes that would change how values are kept (-i, -l, -u, -r, -A, -n) are refused
// plainly rather than half-kept.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import type { ExpandedAssignment } from '../language';
import { isArray, scalar, setArray, unsetVar } from '../variables';
import { declaration, listFunctions, listVariables } from './variable-listing';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPTIONS = 'aAfFgiIlnprtux';
/** Attributes this shell does not keep: refused, so that no value is kept wrongly. */
const UNSUPPORTED: Record<string, string> = {
  A: 'associative arrays are',
  i: 'the integer attribute is',
  l: 'the lowercase attribute is',
  u: 'the uppercase attribute is',
  n: 'name references are',
  r: 'readonly variables are',
  t: 'the trace attribute is',
  I: 'inherited attributes are',
};

/** `name=value`, `name+=value`, `name[i]=value` written as one argument (`declare "x=1"`). */
function assignmentOf(arg: string): ExpandedAssignment | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?(\+?)=([\s\S]*)$/.exec(arg);
  if (!m) return undefined;
  const a: ExpandedAssignment = { name: m[1], value: m[4] };
  if (m[2] !== undefined) a.index = m[2];
  if (m[3]) a.append = true;
  return a;
}

function declarationBuiltin(name: 'declare' | 'typeset' | 'local'): CommandSpec {
  const usage = name === 'local' ? '[option] name[=value] ...' : `[-aAfFgiIlnrtux] ${name === 'declare' ? '[name[=value] ...]' : 'name[=value] ...'} or ${name} -p [-aAfFilnrtux] [name ...]`;
  return {
    name,
    summary: name === 'local' ? 'Define local variables.' : 'Set variable values and attributes.',
    usage,
    description:
      name === 'local'
        ? "Create a local variable called NAME, and give it VALUE.  OPTION can\nbe any option accepted by `declare'.\n\nLocal variables can only be used within a function; they are visible\nonly to the function where they are defined and its children.\n\nExit Status:\nReturns success unless an invalid option is supplied, a variable\nassignment error occurs, or the shell is not executing a function."
        : "Declare variables and give them attributes.  If no NAMEs are given,\ndisplay the attributes and values of all variables.\n\nOptions:\n  -f\trestrict action or display to function names and definitions\n  -F\trestrict display to function names only (plus line number and\n\t\tsource file when debugging)\n  -g\tcreate global variables when used in a shell function; otherwise\n\t\tignored\n  -I\tif creating a local variable, inherit the attributes and value\n\t\tof a variable with the same name at a previous scope\n  -p\tdisplay the attributes and value of each NAME\n\nOptions which set attributes:\n  -a\tto make NAMEs indexed arrays (if supported)\n  -A\tto make NAMEs associative arrays (if supported)\n  -i\tto make NAMEs have the `integer' attribute\n  -l\tto convert the value of each NAME to lower case on assignment\n  -n\tmake NAME a reference to the variable named by its value\n  -r\tto make NAMEs readonly\n  -t\tto make NAMEs have the `trace' attribute\n  -u\tto convert the value of each NAME to upper case on assignment\n  -x\tto make NAMEs export\n\nUsing `+' instead of `-' turns off the given attribute.\n\nVariables with the integer attribute have arithmetic evaluation (see\nthe `let' command) performed when the variable is assigned a value.\n\nWhen used in a function, `declare' makes NAMEs local, as with the `local'\ncommand.  The `-g' option suppresses this behavior.\n\nExit Status:\nReturns success unless an invalid option is supplied or a variable\nassignment error occurs.",
    dialect: bashBuiltin,
    builtinOnly: true,
    rawArgs: true,
    run(ctx) {
      const args = [...ctx.command.args];
      const on = new Set<string>();
      const off = new Set<string>();
      while (args.length && /^[-+]./.test(args[0])) {
        const flag = args.shift()!;
        if (flag === '--') break;
        for (const c of flag.slice(1)) {
          if (!OPTIONS.includes(c)) {
            ctx.err(`bash: ${name}: ${flag[0]}${c}: invalid option\n${name}: usage: ${name} ${usage}\n`);
            return 2;
          }
          (flag[0] === '-' ? on : off).add(c);
        }
      }
      const unsupported = [...on, ...off].find((c) => c in UNSUPPORTED);
      if (unsupported) {
        ctx.err(`bash: ${name}: -${unsupported}: ${UNSUPPORTED[unsupported]} not supported in this terminal\n`);
        return 2;
      }
      if (name === 'local' && !ctx.language?.inFunction()) {
        ctx.err('bash: local: can only be used in a function\n');
        return 1;
      }
      if (on.has('f') || on.has('F')) return showFunctions(ctx, args, on.has('F'));
      if (name === 'local' && !args.length) {
        // The running function's locals, as declarations.
        const shell = ctx.machine.shell();
        ctx.out(ctx.language!.localNames().map((n) => declaration(shell, n)).filter((line) => line !== undefined).map((line) => `${line}\n`).join(''));
        return 0;
      }
      if (on.has('p') || !args.length) return showVariables(ctx, name, args, on);
      return declare(ctx, name, args, on, off);
    },
  };
}

function showFunctions(ctx: CommandContext, names: readonly string[], namesOnly: boolean): number {
  const functions = ctx.machine.shell().functions ?? {};
  const has = (n: string) => Object.prototype.hasOwnProperty.call(functions, n);
  const chosen = names.length ? names : Object.keys(functions).sort();
  // `declare -F` lists `declare -f NAME` lines; given names, it prints the names alone.
  ctx.out(chosen.filter(has).map((n) => (namesOnly ? (names.length ? `${n}\n` : `declare -f ${n}\n`) : `${functions[n]}\n`)).join(''));
  return chosen.every(has) ? 0 : 1;
}

function showVariables(ctx: CommandContext, name: string, names: readonly string[], on: ReadonlySet<string>): number {
  const shell = ctx.machine.shell();
  if (!names.length) {
    // Without -p, bash lists as `set` does; with it, each variable as a declaration.
    if (!on.size) {
      ctx.out(listVariables(shell) + listFunctions(shell));
      return 0;
    }
    const all = [...Object.keys(shell.vars), ...Object.keys(shell.arrays ?? {})].sort();
    const wanted = all.filter((n) => (!on.has('a') || isArray(shell, n)) && (!on.has('x') || shell.exported.includes(n)));
    ctx.out(wanted.map((n) => `${declaration(shell, n)}\n`).join(''));
    return 0;
  }
  let code = 0;
  for (const n of names) {
    const line = declaration(shell, n);
    if (line === undefined) {
      ctx.err(`bash: ${name}: ${n}: not found\n`);
      code = 1;
    } else ctx.out(`${line}\n`);
  }
  return code;
}

function declare(ctx: CommandContext, name: string, args: readonly string[], on: ReadonlySet<string>, off: ReadonlySet<string>): number {
  const language = ctx.language;
  if (!language) return 1;
  const local = name === 'local' || (language.inFunction() && !on.has('g'));
  let code = 0;
  for (const arg of args) {
    const assignment = language.assignments.get(arg) ?? assignmentOf(arg);
    const target = assignment?.name ?? arg;
    if (!NAME.test(target)) {
      ctx.err(`bash: ${name}: \`${arg}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    if (local) {
      language.makeLocal(target);
      // A local without a value starts unset (an empty array with -a), hiding the caller's.
      if (!assignment) ctx.machine.setShell((s) => unsetVar(s, target));
    }
    if (on.has('a') && !isArray(ctx.machine.shell(), target)) {
      const current = scalar(ctx.machine.shell(), target);
      ctx.machine.setShell((s) => setArray(unsetVar(s, target), target, current === undefined ? [] : [['0', current]], false, language.owned));
    }
    if (assignment) {
      const complaint = language.assign(on.has('a') && assignment.value !== undefined && assignment.index === undefined && !assignment.elements ? { ...assignment, index: '0' } : assignment);
      if (complaint) {
        ctx.err(`bash: ${complaint}\n`);
        code = 1;
        continue;
      }
    }
    if (on.has('x')) ctx.machine.setShell((s) => (s.exported.includes(target) ? s : { ...s, exported: [...s.exported, target] }));
    if (off.has('x')) ctx.machine.setShell((s) => ({ ...s, exported: s.exported.filter((n) => n !== target) }));
  }
  return code;
}

export const declareBuiltin = declarationBuiltin('declare');
export const typeset = declarationBuiltin('typeset');
export const local = declarationBuiltin('local');
