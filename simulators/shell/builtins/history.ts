import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

export const history: CommandSpec = {
  name: 'history',
  summary: 'Display or manipulate the history list.',
  usage: '[-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]',
  description: 'Display the history list with line numbers.  An argument of N lists only\nthe last N entries.',
  dialect: bashBuiltin,
  builtinOnly: true,
  flags: [
    { long: '', short: 'c', type: 'bool', description: 'clear the history list by deleting all of the entries' },
    { long: '', short: 'd', type: 'string', valueName: 'offset', description: 'delete the history entry at position OFFSET' },
  ],
  run(ctx) {
    const { flags, args } = ctx.command;
    if (flags.c) {
      ctx.machine.setShell((s) => ({ ...s, history: [] }));
      return 0;
    }
    if (flags.d !== undefined && flags.d !== '') {
      const entries = ctx.machine.shell().history;
      // A negative offset counts back from the end: -1 is this very `history -d -1`.
      const given = /^[-+]?\d+$/.test(String(flags.d)) ? Number(flags.d) : NaN;
      const offset = given < 0 ? entries.length + given + 1 : given;
      if (!Number.isInteger(offset) || offset < 1 || offset > entries.length) {
        ctx.err(`bash: history: ${flags.d}: history position out of range\n`);
        return 1;
      }
      ctx.machine.setShell((s) => ({ ...s, history: s.history.filter((_, i) => i !== offset - 1) }));
      return 0;
    }
    if (args.length > 1) {
      ctx.err('bash: history: too many arguments\n');
      return 1;
    }
    const entries = ctx.machine.shell().history;
    let first = 0;
    if (args.length) {
      if (!/^\d+$/.test(args[0])) {
        ctx.err(`bash: history: ${args[0]}: numeric argument required\n`);
        return 1;
      }
      first = Math.max(0, entries.length - Number(args[0]));
    }
    const width = 5;
    ctx.out(entries.slice(first).map((line, i) => `${String(first + i + 1).padStart(width)}  ${line}\n`).join(''));
    return 0;
  },
};
