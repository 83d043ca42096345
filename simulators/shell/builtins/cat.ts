import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { lineReader } from '../../core/tty';
import { fsMessage, readInputs } from './support';

function number(text: string, start: number): [string, number] {
  let n = start;
  const parts = text.split('\n');
  const last = parts.pop()!;
  const numbered = parts.map((line) => `${String(n++).padStart(6)}\t${line}\n`).join('');
  return [numbered + (last ? `${String(n++).padStart(6)}\t${last}` : ''), n];
}

export const cat: CommandSpec = {
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  usage: '[OPTION]... [FILE]...',
  description: 'Concatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  dialect: gnu,
  flags: [
    { long: 'number', short: 'n', type: 'bool', description: 'number all output lines' },
    { long: 'show-ends', short: 'E', type: 'bool', description: "display $ at end of each line" },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const decorate = (text: string, n: number): [string, number] => {
      let out = text;
      if (f['show-ends']) out = out.replace(/\n/g, '$\n');
      return f.number ? number(out, n) : [out, n];
    };
    const files = ctx.command.args;
    // `cat` alone in a terminal echoes what is typed until Ctrl-D, as the real one does.
    if (ctx.stdin === null && (files.length === 0 || files.includes('-'))) {
      if (files.length === 0) {
        const reader = lineReader();
        let n = 1;
        for (;;) {
          const line: string | null = yield* reader.next(ctx);
          if (line === null) return 0;
          const [text, next] = decorate(`${line}\n`, n);
          n = next;
          ctx.out(text);
        }
      }
    }
    let code = 0;
    let n = 1;
    for (const input of readInputs(ctx, files)) {
      if ('error' in input) {
        ctx.err(`cat: ${input.name}: ${fsMessage(input.error)}\n`);
        code = 1;
        continue;
      }
      const [text, next] = decorate(input.text, n);
      n = next;
      ctx.out(text);
    }
    return code;
  },
};
