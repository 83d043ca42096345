import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { interpretEscapes } from './echo';

const SPEC = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdifxXocb%q])/g;

/** Formats like bash's printf: the format is reused until every argument is consumed. */
export function formatPrintf(format: string, args: string[]): { text: string; errors: string[] } {
  const errors: string[] = [];
  let out = '';
  let index = 0;
  do {
    const start = index;
    let stop = false;
    const pieces = format.split(SPEC);
    // split with 4 capture groups yields: text, flags, width, precision, conv, text, ...
    for (let i = 0; i < pieces.length && !stop; i += 5) {
      const esc = interpretEscapes(pieces[i]);
      out += esc.text;
      if (esc.stop) return { text: out, errors };
      if (i + 4 >= pieces.length) break;
      const [flags = '', widthRaw, precision, conv] = pieces.slice(i + 1, i + 5);
      if (conv === '%') {
        out += '%';
        continue;
      }
      let width = widthRaw;
      if (width === '*') width = args[index++] ?? '0';
      const arg = args[index++];
      let value: string;
      switch (conv) {
        case 'd':
        case 'i': {
          const n = arg === undefined || arg === '' ? 0 : Number.parseInt(arg, 10);
          if (arg !== undefined && arg !== '' && !/^\s*[-+]?\d+\s*$/.test(arg)) errors.push(`bash: printf: ${arg}: invalid number`);
          value = String(Number.isNaN(n) ? 0 : n);
          if (flags.includes('+') && !value.startsWith('-')) value = `+${value}`;
          break;
        }
        case 'f': {
          const n = arg === undefined ? 0 : Number(arg);
          value = (Number.isNaN(n) ? 0 : n).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = Number.parseInt(arg ?? '0', 10) || 0;
          value = n.toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') value = value.toUpperCase();
          break;
        }
        case 'c':
          value = (arg ?? '').slice(0, 1);
          break;
        case 'b': {
          const esc = interpretEscapes(arg ?? '');
          value = esc.text;
          stop = esc.stop;
          break;
        }
        case 'q':
          value = /^[A-Za-z0-9_\-.,:/@%+=]+$/.test(arg ?? '') ? arg! : `'${(arg ?? '').replace(/'/g, `'\\''`)}'`;
          break;
        default:
          value = arg ?? '';
          if (precision !== undefined) value = value.slice(0, Number(precision));
      }
      const w = Number(width ?? 0);
      if (value.length < w) {
        if (flags.includes('-')) value = value.padEnd(w);
        else if (flags.includes('0') && /[dfxXo]/.test(conv)) {
          const sign = /^[-+]/.test(value) ? value[0] : '';
          value = sign + value.slice(sign.length).padStart(w - sign.length, '0');
        } else value = value.padStart(w);
      }
      out += value;
    }
    if (index === start || stop) break;
  } while (index < args.length);
  return { text: out, errors };
}

export const printf: CommandSpec = {
  name: 'printf',
  summary: 'Formats and prints ARGUMENTS under control of the FORMAT.',
  usage: '[-v var] format [arguments]',
  description: 'FORMAT is a character string which contains three types of objects: plain\ncharacters, character escape sequences, and format specifications.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  usageExitCode: 2,
  run(ctx) {
    const args = ctx.command.args[0] === '--' ? ctx.command.args.slice(1) : ctx.command.args;
    if (args.length === 0) {
      ctx.err('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    const { text, errors } = formatPrintf(args[0], args.slice(1));
    ctx.out(text);
    for (const e of errors) ctx.err(`${e}\n`);
    return errors.length ? 1 : 0;
  },
};
