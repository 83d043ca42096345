// `nano FILE`: the full-screen editor (simulators/shell/nano) wired to this machine's files and
// to the terminal. It reads keys raw, so Ctrl-C and Ctrl-X reach the editor, not the shell.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { takeTerminal } from '../../core/process';
import { lookup, writeFile } from '../fs';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, nanoInput, nanoWriteResult, openNano, renderNano, type NanoEffect, type NanoState } from '../nano';
import { abs, actorOf, commit, fsMessage } from './support';

export const nano: CommandSpec = {
  name: 'nano',
  summary: "Nano's ANOther editor, inspired by Pico",
  usage: '[OPTIONS] [FILE]',
  description:
    'Edit FILE in the terminal.  Arrows move, typing inserts, Ctrl-O writes the file,\nCtrl-X leaves (asking to save changes), Ctrl-K cuts a line and Ctrl-U pastes it.',
  dialect: gnu,
  rawArgs: true,
  args: [{ name: 'FILE', optional: true, complete: 'path' }],
  *run(ctx) {
    if (!ctx.tty) {
      ctx.err('Too many errors from stdin\n');
      return 1;
    }
    const name = ctx.command.args.find((a) => !a.startsWith('-') && !a.startsWith('+'));
    const cwd = ctx.machine.shell().cwd;
    const home = ctx.machine.identity().home;
    let content: string | null = null;
    if (name !== undefined) {
      const node = lookup(ctx.machine.fs(), abs(ctx, name));
      if (node.ok && node.value.kind === 'dir') {
        ctx.err(`nano: ${name}: Is a directory\n`);
        return 1;
      }
      if (node.ok && node.value.kind === 'file') content = node.value.content;
    }
    let state: NanoState = openNano({ path: name === undefined ? '' : abs(ctx, name), displayName: name ?? '', content, cols: ctx.tty.cols, rows: ctx.tty.rows, cwd, home });
    yield* takeTerminal(ctx);
    ctx.screen(ENTER_ALT_SCREEN + renderNano(state));
    try {
      for (;;) {
        const data: string | null = yield { type: 'read', raw: true };
        if (data === null) return 0;
        let step = nanoInput(state, data);
        let pending: NanoEffect[] = step.effects;
        state = step.state;
        while (pending.length) {
          const effect = pending.shift()!;
          if (effect.type === 'exit') return 0;
          const error = commit(ctx, writeFile(ctx.machine.fs(), effect.path, effect.content, actorOf(ctx)));
          step = nanoWriteResult(state, error ? { ok: false, error: fsMessage(error) } : { ok: true });
          state = step.state;
          pending = [...pending, ...step.effects];
        }
        ctx.screen(renderNano(state));
      }
    } finally {
      ctx.screen(LEAVE_ALT_SCREEN);
    }
  },
};
