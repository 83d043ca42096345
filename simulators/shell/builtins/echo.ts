import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { TextBuilder } from '../bytes';

/**
 * Backslash escapes of `echo -e` and of printf's %b: C's, \e, \0NNN in octal, \xHH, \uHHHH and
 * \UHHHHHHHH; \c ends the output. %b also reads octal without the 0 (`\101`).
 */
export function interpretEscapes(text: string, options: { octalWithoutZero?: boolean } = {}): { text: string; stop: boolean } {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };
  const out = new TextBuilder();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out.add(c);
      continue;
    }
    const e = text[++i];
    const rest = text.slice(i + 1);
    if (e in simple) out.add(simple[e]);
    else if (e === 'c') return { text: out.toString(), stop: true };
    else if (e === '0' || (options.octalWithoutZero && /[1-7]/.test(e))) {
      const digits = e === '0' ? /^[0-7]{0,3}/.exec(rest)![0] : e + /^[0-7]{0,2}/.exec(rest)![0];
      out.byte(parseInt(digits || '0', 8) & 0xff);
      i += e === '0' ? digits.length : digits.length - 1;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const m = new RegExp(`^[0-9a-fA-F]{1,${e === 'x' ? 2 : e === 'u' ? 4 : 8}}`).exec(rest);
      if (!m) out.add(`\\${e}`);
      else {
        if (e === 'x') out.byte(parseInt(m[0], 16));
        else out.add(String.fromCodePoint(parseInt(m[0], 16)));
        i += m[0].length;
      }
    } else out.add(`\\${e}`);
  }
  return { text: out.toString(), stop: false };
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
  helpIsArg: true,
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
