// source and `.`: a file's commands run in this shell (its variables, functions and cd stay),
// found on $PATH first when the name has no slash, as bash does outside POSIX mode.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { canRead, FS_MESSAGES, lookup, lookupPath, resolvePath } from '../fs';
import { parseScript } from '../parser';

/** The file a name stands for: on $PATH when it has no slash (and is there), else from the working directory. */
function findScript(ctx: CommandContext, name: string): string {
  if (name.includes('/')) return name;
  const path = ctx.machine.shell().vars.PATH ?? '';
  for (const dir of path.split(':')) {
    if (!dir) continue;
    const file = resolvePath(ctx.machine.shell().cwd, `${dir}/${name}`);
    const node = lookup(ctx.machine.fs(), file);
    if (node.ok && node.value.kind === 'file') return file;
  }
  return name;
}

/** The line (from 1) that position `at` of `text` is on. */
const lineAt = (text: string, at: number) => text.slice(0, at).split('\n').length;

export const source: CommandSpec = {
  name: 'source',
  summary: 'Execute commands from a file in the current shell.',
  usage: 'filename [arguments]',
  description:
    'Read and execute commands from FILENAME in the current shell.  The\nentries in $PATH are used to find the directory containing FILENAME.\nIf any ARGUMENTS are supplied, they become the positional parameters\nwhen FILENAME is executed.\n\nExit Status:\nReturns the status of the last command executed in FILENAME; fails if\nFILENAME cannot be read.',
  dialect: bashBuiltin,
  builtinOnly: true,
  aliases: ['.'],
  rawArgs: true,
  args: [{ name: 'filename', complete: 'path' }],
  *run(ctx) {
    const name = ctx.argv[0] === '.' ? '.' : 'source';
    const usage = `${name}: usage: ${name} filename [arguments]\n`;
    const args = [...ctx.command.args];
    if (args[0] === '--') args.shift();
    else if (args[0] !== undefined && args[0].length > 1 && args[0].startsWith('-')) {
      ctx.err(`bash: ${name}: ${args[0]}: invalid option\n${usage}`);
      return 2;
    }
    if (!args.length) {
      ctx.err(`bash: ${name}: filename argument required\n${usage}`);
      return 2;
    }
    const [file, ...params] = args;
    const found = lookupPath(ctx.machine.fs(), ctx.machine.shell().cwd, findScript(ctx, file), ctx.machine.identity().user);
    if (!found.ok) {
      ctx.err(`bash: ${file}: ${FS_MESSAGES[found.code]}\n`);
      return 1;
    }
    if (found.value.kind === 'dir') {
      ctx.err(`bash: ${name}: ${file}: is a directory\n`);
      return 1;
    }
    if (!canRead(found.value, ctx.machine.identity().user)) {
      ctx.err(`bash: ${file}: ${FS_MESSAGES.EACCES}\n`);
      return 1;
    }
    const text = found.value.content;
    const parsed = parseScript(text);
    if (parsed.kind === 'ok') return yield* ctx.language!.source(parsed.script, params.length ? params : undefined);
    // bash reads a file a command at a time: what comes before a syntax error runs, then it stops there.
    const lines = text.split('\n');
    if (parsed.kind === 'error') {
      const line = lineAt(text, parsed.at ?? text.length);
      const before = parseScript(lines.slice(0, line - 1).join('\n'));
      if (before.kind === 'ok' && before.script.items.length) yield* ctx.language!.source(before.script, params.length ? params : undefined);
      ctx.err(`${parsed.message.replace(/^bash: /, `bash: ${file}: line ${line}: `)}\nbash: ${file}: line ${line}: \`${lines[line - 1]}'\n`);
      return 2;
    }
    const last = text.endsWith('\n') ? lines.length - 1 : lines.length;
    ctx.err(`bash: ${file}: line ${last}: ${parsed.message}\n`);
    return 2;
  },
};
