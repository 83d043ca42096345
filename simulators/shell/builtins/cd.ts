import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { canSearch } from '../fs';
import { assignVar } from '../interpreter';
import { abs, fsMessage, stat } from './support';

export const cd: CommandSpec = {
  name: 'cd',
  summary: 'Change the shell working directory.',
  usage: '[-L|[-P [-e]] [-@]] [dir]',
  description:
    'Change the current directory to DIR.  The default DIR is the value of the\nHOME shell variable.  `cd -` returns to the previous directory.',
  dialect: bashBuiltin,
  builtinOnly: true,
  flags: [
    { long: '', short: 'L', type: 'bool', description: 'force symbolic links to be followed' },
    { long: '', short: 'P', type: 'bool', description: 'use the physical directory structure' },
  ],
  args: [{ name: 'dir', optional: true, complete: 'dir' }],
  run(ctx) {
    const args = ctx.command.args;
    if (args.length > 1) {
      ctx.err('bash: cd: too many arguments\n');
      return 1;
    }
    const shell = ctx.machine.shell();
    const home = Object.prototype.hasOwnProperty.call(shell.vars, 'HOME') ? shell.vars.HOME : undefined;
    if (args[0] === undefined && home === undefined) {
      ctx.err('bash: cd: HOME not set\n');
      return 1;
    }
    let target = args[0] ?? home!;
    const dash = target === '-';
    if (dash) {
      if (!shell.vars.OLDPWD) {
        ctx.err('bash: cd: OLDPWD not set\n');
        return 1;
      }
      target = shell.vars.OLDPWD;
    }
    if (target === '') return 0;
    const path = abs(ctx, target);
    const node = stat(ctx, target);
    const error = !node.ok ? node.code : node.value.kind !== 'dir' ? 'ENOTDIR' : canSearch(node.value, ctx.machine.identity().user) ? undefined : 'EACCES';
    if (error) {
      ctx.err(`bash: cd: ${target}: ${fsMessage(error)}\n`);
      return 1;
    }
    ctx.machine.setShell((s) => {
      const moved = { ...s, oldpwd: s.cwd, cwd: path };
      return assignVar(assignVar(moved, 'OLDPWD', s.cwd), 'PWD', path);
    });
    if (dash) ctx.out(`${path}\n`);
    return 0;
  },
};
