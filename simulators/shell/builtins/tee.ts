import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { writeFile } from '../fs';
import { abs, actorOf, commit, fsMessage } from './support';

export const tee: CommandSpec = {
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  usage: '[OPTION]... [FILE]...',
  description: 'Copy standard input to each FILE, and also to standard output.',
  dialect: gnu,
  flags: [{ long: 'append', short: 'a', type: 'bool', description: 'append to the given FILEs, do not overwrite' }],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  run(ctx) {
    const text = ctx.stdin ?? '';
    let code = 0;
    for (const name of ctx.command.args) {
      const error = commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), text, actorOf(ctx), { append: Boolean(ctx.command.flags.append) }));
      if (error) {
        ctx.err(`tee: ${name}: ${fsMessage(error)}\n`);
        code = 1;
      }
    }
    ctx.out(text);
    return code;
  },
};
