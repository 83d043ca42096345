// yes: the same line for ever, as fast as its reader takes it (see endless.ts for how it ends).
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { writeEndless } from './endless';

export const yes: CommandSpec = {
  name: 'yes',
  summary: 'output a string repeatedly until killed',
  usage: '[STRING]...\n  or:  yes OPTION',
  description: "Repeatedly output a line with all specified STRING(s), or 'y'.",
  dialect: gnu,
  // Only --help and --version are options; after the first string, everything is text.
  stopAtFirstArg: true,
  args: [{ name: 'STRING', optional: true, variadic: true }],
  *run(ctx) {
    const args = ctx.command.args;
    const line = `${args.length ? args.join(' ') : 'y'}\n`;
    return yield* writeEndless(ctx, line);
  },
};
