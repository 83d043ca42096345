// base64: RFC 4648's alphabet, as GNU coreutils encodes (wrapped at 76 columns) and decodes
// (newlines skipped, anything else not in the alphabet refused after what decoded before it).
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { curly, fsMessage, readInputsOrTerminal } from './support';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Files hold text: what is encoded is its UTF-8, and decoded bytes are read back as UTF-8. */
const utf8 = (text: string) => new TextEncoder().encode(text);
const fromBytes = (bytes: number[]) => new TextDecoder().decode(new Uint8Array(bytes));

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '==' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)] + (c === undefined ? '=' : ALPHABET[c & 63]);
  }
  return out;
}

/**
 * Decodes quad by quad, as coreutils does: the bytes before a character it refuses are still
 * written, and so are those of a last, unfinished quad (`aGVsbG8` gives `hello`, then the error).
 */
export function decodeBase64(text: string, ignoreGarbage: boolean): { bytes: number[]; valid: boolean } {
  const bytes: number[] = [];
  let quad: number[] = [];
  let padding = 0;
  const flush = () => {
    const [a, b, c, d] = quad;
    if (quad.length >= 2) bytes.push(((a << 2) | (b >> 4)) & 255);
    if (quad.length >= 3 && c !== undefined) bytes.push(((b << 4) | (c >> 2)) & 255);
    if (quad.length >= 4 && d !== undefined) bytes.push(((c << 6) | d) & 255);
    quad = [];
  };
  for (const ch of text) {
    if (ch === '\n') continue;
    if (ch === '=') {
      // Padding ends a quad: only after two or three characters of it.
      if (quad.length < 2 && padding === 0) {
        if (ignoreGarbage) continue;
        flush();
        return { bytes, valid: false };
      }
      padding++;
      if (quad.length + padding === 4) {
        flush();
        padding = 0;
      }
      continue;
    }
    const value = VALUE.get(ch);
    if (value === undefined || padding > 0) {
      if (ignoreGarbage && value === undefined) continue;
      flush();
      return { bytes, valid: false };
    }
    quad.push(value);
    if (quad.length === 4) flush();
  }
  const complete = quad.length === 0 && padding === 0;
  flush();
  return { bytes, valid: complete };
}

function wrap(text: string, cols: number): string {
  // Unwrapped output has no newline at all, as coreutils writes it.
  if (text === '' || cols === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i += cols) out += `${text.slice(i, i + cols)}\n`;
  return out;
}

export const base64: CommandSpec = {
  name: 'base64',
  summary: 'base64 encode/decode data and print to standard output',
  usage: '[OPTION]... [FILE]',
  description: 'Base64 encode or decode FILE, or standard input, to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  dialect: gnu,
  flags: [
    { long: 'decode', short: 'd', type: 'bool', description: 'decode data' },
    { long: 'ignore-garbage', short: 'i', type: 'bool', description: 'when decoding, ignore non-alphabet characters' },
    { long: 'wrap', short: 'w', type: 'string', valueName: 'COLS', description: 'wrap encoded lines after COLS character (default 76).\n  Use 0 to disable line wrapping' },
  ],
  args: [{ name: 'FILE', optional: true, complete: 'path' }],
  notes:
    'The data are encoded as described for the base64 alphabet in RFC 4648.\nWhen decoding, the input may contain newlines in addition to the bytes of\nthe formal base64 alphabet.  Use --ignore-garbage to attempt to recover\nfrom any other non-alphabet bytes in the encoded stream.',
  *run(ctx) {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    if (args.length > 1) return ctx.usageError(`extra operand ${curly(args[1])}`);
    let cols = 76;
    if (f.wrap !== undefined) {
      const raw = String(f.wrap);
      if (!/^\d+$/.test(raw)) {
        ctx.err(`base64: invalid wrap size: ${curly(raw)}\n`);
        return 1;
      }
      cols = Number(raw);
    }
    const [input] = yield* readInputsOrTerminal(ctx, args);
    if ('error' in input) {
      ctx.err(input.error === 'EISDIR' ? 'base64: read error: Is a directory\n' : `base64: ${input.name}: ${fsMessage(input.error)}\n`);
      return 1;
    }
    ctx.budget.spendText(input.text.length * 2);
    if (!f.decode) {
      ctx.out(wrap(encodeBase64(utf8(input.text)), cols));
      return 0;
    }
    const { bytes, valid } = decodeBase64(input.text, Boolean(f['ignore-garbage']));
    ctx.out(fromBytes(bytes));
    if (valid) return 0;
    ctx.err('base64: invalid input\n');
    return 1;
  },
};
