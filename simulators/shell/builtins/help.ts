import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

export const help: CommandSpec = {
  name: 'help',
  summary: 'Display information about the commands of this terminal.',
  usage: '[pattern ...]',
  description: 'Lists the commands this terminal understands.  With a NAME, shows that\ncommand\'s help (the same as NAME --help).',
  dialect: bashBuiltin,
  builtinOnly: true,
  args: [{ name: 'pattern', optional: true, variadic: true, complete: 'command' }],
  run(ctx) {
    const names = ctx.command.args;
    if (names.length) {
      let code = 0;
      for (const name of names) {
        const spec = ctx.commands.get(name);
        if (!spec) {
          ctx.err(`bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`);
          code = 1;
          continue;
        }
        ctx.out(spec.dialect.help([spec]));
      }
      return code;
    }
    const specs = ctx.commands.names().map((n) => ctx.commands.get(n)!).filter((s) => s.name !== 'help');
    const width = Math.max(...specs.map((s) => s.name.length)) + 2;
    let text = 'Berth terminal: a simulated Linux shell (bash-like) on this learner\'s laptop.\n';
    text += 'Type `NAME --help` for details of a command.  Use Tab to complete, Up/Down for history.\n\n';
    text += specs.map((s) => ` ${s.name.padEnd(width)}${s.summary}`).join('\n') + '\n\n';
    text += 'The shell understands quotes, $VARS, ~, ;, &&, ||, pipes (|), > >> 2> < and heredocs (<<EOF).\n';
    ctx.out(text);
    return 0;
  },
};

export const which: CommandSpec = {
  name: 'which',
  summary: 'locate a command',
  usage: '[-a] filename ...',
  dialect: bashBuiltin,
  flags: [{ long: '', short: 'a', type: 'bool', description: 'print all matching pathnames of each argument' }],
  args: [{ name: 'filename', variadic: true, complete: 'command' }],
  run(ctx) {
    let code = 0;
    for (const name of ctx.command.args) {
      const spec = ctx.commands.get(name);
      if (spec && !spec.builtinOnly) ctx.out(`/usr/bin/${name}\n`);
      else code = 1;
    }
    return code;
  },
};

export const type: CommandSpec = {
  name: 'type',
  summary: 'Display information about command type.',
  usage: '[-afptP] name [name ...]',
  dialect: bashBuiltin,
  builtinOnly: true,
  args: [{ name: 'name', variadic: true, complete: 'command' }],
  run(ctx) {
    let code = 0;
    for (const name of ctx.command.args) {
      const spec = ctx.commands.get(name);
      if (!spec) {
        ctx.err(`bash: type: ${name}: not found\n`);
        code = 1;
      } else if (spec.builtinOnly) ctx.out(`${name} is a shell builtin\n`);
      else ctx.out(`${name} is /usr/bin/${name}\n`);
    }
    return code;
  },
};
