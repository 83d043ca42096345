import { bashBuiltin, type Dialect } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { programPaths } from '../commands';

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
    // Aliases (`:` for true) point at the same spec: list each command once.
    const specs = [...new Set(ctx.commands.names().map((n) => ctx.commands.get(n)!))].filter((s) => s.name !== 'help');
    const width = Math.max(...specs.map((s) => s.name.length)) + 2;
    const { hostname } = ctx.machine.identity();
    const where = hostname === ctx.world().host.hostname ? "this learner's laptop" : `this container (${hostname})`;
    let text = `Berth terminal: a simulated Linux shell (bash-like) on ${where}.\n`;
    text += 'Type `NAME --help` for details of a command.  Use Tab to complete, Up/Down for history.\n\n';
    text += specs.map((s) => ` ${s.name.padEnd(width)}${s.summary}`).join('\n') + '\n\n';
    text += 'The shell understands quotes, $VARS, ~, ;, &&, ||, pipes (|), > >> 2> < <<< and heredocs (<<EOF),\nif / while / until / for / case blocks, [[ ]], { } and ( ), functions, arrays, $(( )) and (( )).\n';
    ctx.out(text);
    return 0;
  },
};

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

/** Debian's which is a small shell script with its own terse usage message. */
const whichDialect: Dialect = {
  ...bashBuiltin,
  flagError(_path, error) {
    const option = error.kind === 'unknown-short' ? error.char : error.kind === 'unknown-long' ? `-${error.name}` : '';
    return { message: `Illegal option -${option}\nUsage: /usr/bin/which [-a] args\n`, exitCode: 2 };
  },
};

export const which: CommandSpec = {
  name: 'which',
  summary: 'locate a command',
  usage: '[-a] filename ...',
  dialect: whichDialect,
  flags: [{ long: '', short: 'a', type: 'bool', description: 'print all matching pathnames of each argument' }],
  args: [{ name: 'filename', variadic: true, complete: 'command' }],
  run(ctx) {
    const names = ctx.command.args;
    let code = names.length ? 0 : 1;
    for (const name of names) {
      const paths = programPaths(ctx.commands.get(name));
      if (!paths.length) code = 1;
      ctx.out(paths.slice(0, ctx.command.flags.a ? undefined : 1).map((p) => `${p}\n`).join(''));
    }
    return code;
  },
};

export const type: CommandSpec = {
  name: 'type',
  summary: 'Display information about command type.',
  usage: '[-afptP] name [name ...]',
  description: 'For each NAME, indicate how it would be interpreted if used as a\ncommand name.',
  dialect: bashBuiltin,
  builtinOnly: true,
  flags: [
    { long: '', short: 'a', type: 'bool', description: 'display all locations containing an executable named NAME' },
    { long: '', short: 'f', type: 'bool', description: 'suppress shell function lookup' },
    { long: '', short: 'P', type: 'bool', description: 'force a PATH search for each NAME, even if it is a builtin' },
    { long: '', short: 'p', type: 'bool', description: 'returns the name of the disk file that would be executed' },
    { long: '', short: 't', type: 'bool', description: "output a single word which is one of `alias', `keyword',\n\t\t`function', `builtin', `file' or `', if NAME is not found" },
  ],
  args: [{ name: 'name', variadic: true, complete: 'command' }],
  run(ctx) {
    const f = ctx.command.flags;
    let code = 0;
    for (const name of ctx.command.args) {
      const spec = ctx.commands.get(name);
      // What the name is, in the order bash looks: keyword, builtin, then files on the PATH.
      const kinds: ['keyword' | 'function' | 'builtin' | 'file', string][] = [];
      if (KEYWORDS.has(name)) kinds.push(['keyword', `${name} is a shell keyword`]);
      const functions = ctx.machine.shell().functions;
      if (!f.f && functions && Object.prototype.hasOwnProperty.call(functions, name)) kinds.push(['function', `${name} is a function\n${functions[name]}`]);
      if (spec?.builtinOnly) kinds.push(['builtin', `${name} is a shell builtin`]);
      for (const path of programPaths(spec)) kinds.push(['file', `${name} is ${path}`]);
      const files = kinds.filter(([kind]) => kind === 'file');
      const candidates = f.P ? files : kinds;
      const shown = f.a ? candidates : candidates.slice(0, 1);
      if (!shown.length) {
        if (!f.t && !f.p && !f.P) ctx.err(`bash: type: ${name}: not found\n`);
        if (!(f.p && kinds.length)) code = 1;
        continue;
      }
      for (const [kind, line] of shown) {
        if (f.t) ctx.out(`${kind}\n`);
        else if (f.p || f.P) {
          if (kind === 'file') ctx.out(`${line.slice(name.length + 4)}\n`);
        } else ctx.out(`${line}\n`);
      }
    }
    return code;
  },
};
