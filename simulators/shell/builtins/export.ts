import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { assignVar } from '../interpreter';

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
        return assignVar(s, name, value, true);
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
    for (const name of ctx.command.args) {
      if (!NAME.test(name)) {
        // Without -v a name that cannot be a variable may be a function's: nothing to say.
        if (ctx.command.flags.v) {
          ctx.err(`bash: unset: \`${name}': not a valid identifier\n`);
          code = 1;
        }
        continue;
      }
      if (ctx.command.flags.f) continue;
      ctx.machine.setShell((s) => {
        const vars = { ...s.vars };
        delete vars[name];
        return { ...s, vars, exported: s.exported.filter((n) => n !== name) };
      });
    }
    return code;
  },
};
