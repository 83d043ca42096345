// Who and where the learner is: whoami, hostname, uname.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

export const whoami: CommandSpec = {
  name: 'whoami',
  summary: 'Print the user name associated with the current effective user ID.',
  usage: '[OPTION]...',
  description: 'Print the user name associated with the current effective user ID.\nSame as id -un.',
  dialect: gnu,
  run(ctx) {
    if (ctx.command.args.length) return ctx.usageError(`extra operand ‘${ctx.command.args[0]}’`);
    ctx.out(`${ctx.machine.identity().user}\n`);
    return 0;
  },
};

export const hostname: CommandSpec = {
  name: 'hostname',
  summary: 'show the system\'s host name',
  usage: '[-s] [-f]',
  description: 'Show the system\'s host name.',
  dialect: gnu,
  flags: [
    { long: 'short', short: 's', type: 'bool', description: 'short host name' },
    { long: 'fqdn', short: 'f', type: 'bool', description: 'long host name (FQDN)' },
    { long: 'ip-address', short: 'i', type: 'bool', description: 'addresses for the host name' },
  ],
  run(ctx) {
    if (ctx.command.args.length) {
      ctx.err('hostname: you must be root to change the host name\n');
      return 1;
    }
    const name = ctx.machine.identity().hostname;
    if (ctx.command.flags['ip-address']) ctx.out('127.0.1.1\n');
    else ctx.out(`${ctx.command.flags.short ? name.split('.')[0] : name}\n`);
    return 0;
  },
};

export const uname: CommandSpec = {
  name: 'uname',
  summary: 'Print certain system information.',
  usage: '[OPTION]...',
  description: 'Print certain system information.  With no OPTION, same as -s.',
  dialect: gnu,
  flags: [
    { long: 'all', short: 'a', type: 'bool', description: 'print all information, in the following order' },
    { long: 'kernel-name', short: 's', type: 'bool', description: 'print the kernel name' },
    { long: 'nodename', short: 'n', type: 'bool', description: 'print the network node hostname' },
    { long: 'kernel-release', short: 'r', type: 'bool', description: 'print the kernel release' },
    { long: 'kernel-version', short: 'v', type: 'bool', description: 'print the kernel version' },
    { long: 'machine', short: 'm', type: 'bool', description: 'print the machine hardware name' },
    { long: 'operating-system', short: 'o', type: 'bool', description: 'print the operating system' },
  ],
  run(ctx) {
    if (ctx.command.args.length) return ctx.usageError(`extra operand ‘${ctx.command.args[0]}’`);
    const f = ctx.command.flags;
    const { kernel, hostname: node } = ctx.machine.identity();
    const fields: [string, string][] = [
      ['kernel-name', kernel.name],
      ['nodename', node],
      ['kernel-release', kernel.release],
      ['kernel-version', kernel.version],
      ['machine', kernel.machine],
      ['operating-system', kernel.os],
    ];
    const chosen = f.all ? fields.map(([, v]) => v) : fields.filter(([k]) => f[k]).map(([, v]) => v);
    ctx.out(`${(chosen.length ? chosen : [kernel.name]).join(' ')}\n`);
    return 0;
  },
};
