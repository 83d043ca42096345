// Who and where the learner is: whoami, hostname, uname.
import { gnu, type Dialect } from '../../core/command/dialects';
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

/** hostname comes from net-tools, which answers a bad option with its whole usage and status 255. */
const HOSTNAME_USAGE = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;
const netTools: Dialect = {
  ...gnu,
  flagError(path, error) {
    const first = gnu.flagError(path, error).message.split('\n')[0];
    return { message: `${first}\n${HOSTNAME_USAGE}`, exitCode: 255 };
  },
};

export const hostname: CommandSpec = {
  name: 'hostname',
  summary: 'show the system\'s host name',
  usage: '[-s] [-f]',
  description: 'Show the system\'s host name.',
  dialect: netTools,
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
    { long: 'processor', short: 'p', type: 'bool', description: 'print the processor type (non-portable)' },
    { long: 'hardware-platform', short: 'i', type: 'bool', description: 'print the hardware platform (non-portable)' },
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
      ['processor', 'unknown'],
      ['hardware-platform', 'unknown'],
      ['operating-system', kernel.os],
    ];
    // -a leaves out what the kernel does not know (-p and -i).
    const chosen = f.all ? fields.filter(([, v]) => v !== 'unknown').map(([, v]) => v) : fields.filter(([k]) => f[k]).map(([, v]) => v);
    ctx.out(`${(chosen.length ? chosen : [kernel.name]).join(' ')}\n`);
    return 0;
  },
};
