import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

export const env: CommandSpec = {
  name: 'env',
  summary: 'Print the environment.',
  usage: '[OPTION]... [-] [NAME=VALUE]...',
  description: 'Print the environment: every exported variable as NAME=VALUE, one per line,\nwith any NAME=VALUE given here added.',
  dialect: gnu,
  usageExitCode: 125,
  flags: [
    { long: 'ignore-environment', short: 'i', type: 'bool', description: 'start with an empty environment' },
    { long: 'unset', short: 'u', type: 'stringArray', valueName: 'NAME', description: 'remove variable from the environment' },
    { long: 'null', short: '0', type: 'bool', description: 'end each output line with NUL, not newline' },
  ],
  stopAtFirstArg: true,
  run(ctx) {
    const { flags, args } = ctx.command;
    const vars: Record<string, string> = flags['ignore-environment'] ? {} : { ...ctx.env };
    for (const name of flags.unset as string[]) delete vars[name];
    const rest = [...args];
    if (rest[0] === '-') {
      rest.shift();
      for (const k of Object.keys(vars)) delete vars[k];
    }
    while (rest.length && /^[^=]+=/.test(rest[0])) {
      const assignment = rest.shift()!;
      const eq = assignment.indexOf('=');
      vars[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    }
    if (rest.length) {
      ctx.err(`env: running a command is not supported here: type '${rest.join(' ')}' on its own, or 'VAR=value ${rest[0]}'\n`);
      return 125;
    }
    const end = flags.null ? '\0' : '\n';
    ctx.out(Object.entries(vars).map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  },
};
