import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { lineReader } from '../../core/tty';
import { writeFile } from '../fs';
import { abs, actorOf, commit, fsMessage, quoteName } from './support';

export const tee: CommandSpec = {
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  usage: '[OPTION]... [FILE]...',
  description: 'Copy standard input to each FILE, and also to standard output.',
  dialect: gnu,
  flags: [
    { long: 'append', short: 'a', type: 'bool', description: 'append to the given FILEs, do not overwrite' },
    { long: 'ignore-interrupts', short: 'i', type: 'bool', description: 'ignore interrupt signals' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const append = Boolean(ctx.command.flags.append);
    let code = 0;
    // Every file is opened (emptied, without -a) first; then what is read goes to each, and out.
    const files = ctx.command.args.filter((name) => {
      // A name ending in / can only be a directory, which tee cannot open for writing.
      const error = name.endsWith('/') ? 'EISDIR' : commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), '', actorOf(ctx), { append }));
      if (error) {
        ctx.err(`tee: ${quoteName(name)}: ${fsMessage(error)}\n`);
        code = 1;
      }
      return !error;
    });
    const copy = (text: string) => {
      for (const name of files) commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, name), text, actorOf(ctx), { append: true }));
      ctx.out(text);
    };
    if (ctx.stdin !== null) copy(ctx.stdin);
    else {
      // From the terminal: each line as it is typed, until Ctrl-D.
      const keyboard = lineReader();
      for (let line = yield* keyboard.next(ctx); line !== null; line = yield* keyboard.next(ctx)) copy(`${line}\n`);
    }
    return code;
  },
};
