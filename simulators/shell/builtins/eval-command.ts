// eval and command: a string run as shell code here, and a name run past any function of that
// name (`command -v` says where a name comes from, as scripts ask before they use a tool).
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { programPaths } from '../commands';
import { parseScript } from '../parser';

export const evalBuiltin: CommandSpec = {
  name: 'eval',
  summary: 'Execute arguments as a shell command.',
  usage: '[arg ...]',
  description: 'Combine ARGs into a single string, use the result as input to the shell,\nand execute the resulting commands.\n\nExit Status:\nReturns exit status of command or success if command is null.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  *run(ctx) {
    const text = ctx.command.args.join(' ');
    if (!ctx.language || !text.trim()) return 0;
    const parsed = parseScript(text);
    if (parsed.kind === 'ok') return yield* ctx.language.evaluate(parsed.script);
    ctx.err(parsed.kind === 'incomplete' ? 'bash: syntax error: unexpected end of file\n' : `${parsed.message}\n`);
    return 2;
  },
};

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

/** What `command -v` prints for NAME (its path, or the name itself for a builtin, function or keyword), or undefined. */
function whatIs(ctx: CommandContext, name: string, verbose: boolean): string | undefined {
  const functions = ctx.machine.shell().functions;
  if (KEYWORDS.has(name)) return verbose ? `${name} is a shell keyword` : name;
  if (functions && Object.prototype.hasOwnProperty.call(functions, name)) return verbose ? `${name} is a function\n${functions[name]}` : name;
  const spec = ctx.commands.get(name);
  if (spec?.builtinOnly) return verbose ? `${name} is a shell builtin` : name;
  const [path] = programPaths(spec);
  if (path) return verbose ? `${name} is ${path}` : path;
  return undefined;
}

export const command: CommandSpec = {
  name: 'command',
  summary: 'Execute a simple command or display information about commands.',
  usage: '[-pVv] command [arg ...]',
  description:
    "Runs COMMAND with ARGS suppressing  shell function lookup, or display\ninformation about the specified COMMANDs.  Can be used to invoke commands\non disk when a function with the same name exists.\n\nOptions:\n  -p    use a default value for PATH that is guaranteed to find all of\n        the standard utilities\n  -v    print a single word indicating the command or filename that\n        invokes COMMAND\n  -V    print a more verbose description of each COMMAND\n\nExit Status:\nReturns exit status of COMMAND, or failure if COMMAND is not found.",
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  args: [{ name: 'command', complete: 'command' }],
  *run(ctx) {
    const args = [...ctx.command.args];
    let mode: 'run' | 'v' | 'V' = 'run';
    while (args[0]?.startsWith('-') && args[0].length > 1) {
      const flag = args.shift()!;
      if (flag === '--') break;
      for (const c of flag.slice(1)) {
        if (c === 'v' && mode !== 'V') mode = 'v';
        else if (c === 'V') mode = 'V';
        else if (c !== 'p') {
          ctx.err(`bash: command: -${c}: invalid option\ncommand: usage: command [-pVv] command [arg ...]\n`);
          return 2;
        }
      }
    }
    if (!args.length) return 0;
    if (mode === 'run') return ctx.language ? yield* ctx.language.runCommand(args) : 1;
    let code = 1;
    for (const name of args) {
      const found = whatIs(ctx, name, mode === 'V');
      if (found !== undefined) {
        ctx.out(`${found}\n`);
        code = 0;
      } else if (mode === 'V') ctx.err(`bash: command: ${name}: not found\n`);
    }
    return code;
  },
};
