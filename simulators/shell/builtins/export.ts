import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { assignVar } from '../interpreter';
import { arrayEnd, isArray, scalar, unsetElement, unsetVar } from '../variables';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const declare = (name: string, value: string | undefined) =>
  value === undefined ? `declare -x ${name}\n` : `declare -x ${name}="${value.replace(/(["\\$`])/g, '\\$1')}"\n`;

export const exportBuiltin: CommandSpec = {
  name: 'export',
  summary: 'Set export attribute for shell variables.',
  usage: '[-fn] [name[=value] ...] or export -p',
  description: 'Marks each NAME for automatic export to the environment of subsequently\nexecuted commands.  If VALUE is supplied, assign VALUE before exporting.',
  dialect: bashBuiltin,
  builtinOnly: true,
  flags: [
    { long: '', short: 'f', type: 'bool', description: 'refer to shell functions' },
    { long: '', short: 'n', type: 'bool', description: 'remove the export property from each NAME' },
    { long: '', short: 'p', type: 'bool', description: 'display a list of all exported variables and functions' },
  ],
  run(ctx) {
    const { args, flags } = ctx.command;
    if (!args.length) {
      const shell = ctx.machine.shell();
      const names = [...shell.exported].sort();
      ctx.out(names.map((n) => declare(n, Object.prototype.hasOwnProperty.call(shell.vars, n) ? shell.vars[n] : undefined)).join(''));
      return 0;
    }
    let code = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        ctx.err(`bash: export: \`${arg}': not a valid identifier\n`);
        code = 1;
        continue;
      }
      if (flags.f) {
        // There are no shell functions here to export.
        ctx.err(`bash: export: ${name}: not a function\n`);
        code = 1;
        continue;
      }
      if (flags.n) {
        ctx.machine.setShell((s) => ({ ...s, exported: s.exported.filter((n) => n !== name) }));
        continue;
      }
      ctx.machine.setShell((s) => {
        const value = eq === -1 ? (Object.prototype.hasOwnProperty.call(s.vars, name) ? s.vars[name] : undefined) : arg.slice(eq + 1);
        if (value === undefined) return s.exported.includes(name) ? s : { ...s, exported: [...s.exported, name] };
        return assignVar(s, name, value, true, ctx.language?.owned);
      });
    }
    return code;
  },
};

export const unset: CommandSpec = {
  name: 'unset',
  summary: 'Unset values and attributes of shell variables and functions.',
  usage: '[-f] [-v] [-n] [name ...]',
  description: 'For each NAME, remove the corresponding variable or function.',
  dialect: bashBuiltin,
  builtinOnly: true,
  flags: [
    { long: '', short: 'v', type: 'bool', description: 'treat each NAME as a shell variable' },
    { long: '', short: 'f', type: 'bool', description: 'treat each NAME as a shell function' },
  ],
  run(ctx) {
    let code = 0;
    const { flags } = ctx.command;
    if (flags.f && flags.v) {
      ctx.err('bash: unset: cannot simultaneously unset a function and a variable\n');
      return 1;
    }
    for (const name of ctx.command.args) {
      // `unset 'a[i]'`: one element of an array, its subscript read as arithmetic.
      const element = flags.f ? null : /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/s.exec(name);
      if (element) {
        let index: bigint;
        try {
          index = ctx.language ? ctx.language.arith(element[2]) : BigInt(element[2]);
        } catch {
          ctx.err(`bash: unset: ${name}: bad array subscript\n`);
          code = 1;
          continue;
        }
        const shell = ctx.machine.shell();
        if (index < 0n) index += arrayEnd(shell, element[1]);
        if (index < 0n) {
          ctx.err(`bash: unset: [${element[2]}]: bad array subscript\n`);
          code = 1;
          continue;
        }
        ctx.machine.setShell((s) => unsetElement(s, element[1], index.toString(), ctx.language?.owned));
        continue;
      }
      if (!NAME.test(name)) {
        // Without -v a name that cannot be a variable may be a function's: nothing to say.
        if (flags.v) {
          ctx.err(`bash: unset: \`${name}': not a valid identifier\n`);
          code = 1;
        }
        continue;
      }
      const shell = ctx.machine.shell();
      const isVariable = scalar(shell, name) !== undefined || isArray(shell, name);
      const isFunction = Boolean(shell.functions && Object.prototype.hasOwnProperty.call(shell.functions, name));
      // Without -f or -v, a variable goes first; a function only when no variable has the name.
      if (flags.f || (!flags.v && !isVariable && isFunction)) {
        ctx.machine.setShell((s) => {
          const functions = { ...s.functions };
          delete functions[name];
          return { ...s, functions };
        });
        continue;
      }
      ctx.machine.setShell((s) => unsetVar(s, name));
    }
    return code;
  },
};
