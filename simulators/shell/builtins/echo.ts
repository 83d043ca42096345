import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';

/** Backslash escapes of `echo -e` and `printf`'s format. */
export function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const e = text[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };
    if (e in simple) out += simple[e];
    else if (e === 'c') return { text: out, stop: true };
    else if (e === '0') {
      const m = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else out += `\\${e}`;
  }
  return { text: out, stop: false };
}

export const echo: CommandSpec = {
  name: 'echo',
  summary: 'Write arguments to the standard output.',
  usage: '[-neE] [arg ...]',
  description:
    'Display the ARGs, separated by a single space character and followed by a\nnewline, on the standard output.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  flags: [
    { long: '', short: 'n', type: 'bool', description: 'do not append a newline' },
    { long: '', short: 'e', type: 'bool', description: 'enable interpretation of the following backslash escapes' },
    { long: '', short: 'E', type: 'bool', description: 'explicitly suppress interpretation of backslash escapes' },
  ],
  run(ctx) {
    const args = [...ctx.command.args];
    let newline = true;
    let escapes = false;
    while (args.length && /^-[neE]+$/.test(args[0])) {
      for (const flag of args.shift()!.slice(1)) {
        if (flag === 'n') newline = false;
        else escapes = flag === 'e';
      }
    }
    let text = args.join(' ');
    if (escapes) {
      const result = interpretEscapes(text);
      text = result.text;
      if (result.stop) newline = false;
    }
    ctx.out(newline ? `${text}\n` : text);
    return 0;
  },
};
