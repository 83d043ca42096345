// nl: number lines as GNU nl does: by default the non-empty lines of the body, right-aligned in
// six columns and a tab; logical pages (`\:\:\:` header, `\:\:` body, `\:` footer lines) restart
// the count unless -p; -b/-h/-f choose a/t/n/pBRE per section.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { parseRegex } from '../regex';
import { compileMatcher, type LineMatcher } from '../regex-match';
import { curly, fsMessage, readInputsOrTerminal } from './support';

type Style = { kind: 'a' | 't' | 'n' } | { kind: 'p'; matcher: LineMatcher };
type Section = 'header' | 'body' | 'footer';

/** A -b/-h/-f STYLE, or nl's complaint. */
function readStyle(ctx: CommandContext, value: string, section: Section): Style | number {
  if (value === 'a' || value === 't' || value === 'n') return { kind: value };
  if (value.startsWith('p')) {
    const parsed = parseRegex(value.slice(1), false);
    const compiled = parsed.ok ? compileMatcher([parsed.node], [parsed.groups], parsed.backrefs, {}, ctx.budget) : parsed;
    if (!compiled.ok) {
      ctx.err(`nl: ${compiled.error}\n`);
      return 1;
    }
    return { kind: 'p', matcher: compiled.matcher };
  }
  return ctx.usageError(`invalid ${section} numbering style: ${curly(value)}`);
}

/** A whole number option (xstrtoimax), at least `min`; else nl's words for it. */
function readNumber(ctx: CommandContext, value: string, what: string, min: number): number | { error: number } {
  if (!/^\s*[-+]?\d+$/.test(value)) {
    ctx.err(`nl: invalid ${what}: ${curly(value)}\n`);
    return { error: 1 };
  }
  const n = Number(value);
  if (n < min || !Number.isSafeInteger(n)) {
    ctx.err(`nl: invalid ${what}: ${curly(value)}: Numerical result out of range\n`);
    return { error: 1 };
  }
  return n;
}

export const nl: CommandSpec = {
  name: 'nl',
  summary: 'number lines of files',
  usage: '[OPTION]... [FILE]...',
  description: 'Write each FILE to standard output, with line numbers added.\n\nWith no FILE, or when FILE is -, read standard input.',
  dialect: gnu,
  flags: [
    { long: 'body-numbering', short: 'b', type: 'string', valueName: 'STYLE', default: 't', description: 'use STYLE for numbering body lines' },
    { long: 'section-delimiter', short: 'd', type: 'string', valueName: 'CC', description: 'use CC for logical page delimiters' },
    { long: 'footer-numbering', short: 'f', type: 'string', valueName: 'STYLE', default: 'n', description: 'use STYLE for numbering footer lines' },
    { long: 'header-numbering', short: 'h', type: 'string', valueName: 'STYLE', default: 'n', description: 'use STYLE for numbering header lines' },
    { long: 'line-increment', short: 'i', type: 'string', valueName: 'NUMBER', default: '1', description: 'line number increment at each line' },
    { long: 'join-blank-lines', short: 'l', type: 'string', valueName: 'NUMBER', default: '1', description: 'group of NUMBER empty lines counted as one' },
    { long: 'number-format', short: 'n', type: 'string', valueName: 'FORMAT', default: 'rn', description: 'insert line numbers according to FORMAT' },
    { long: 'no-renumber', short: 'p', type: 'bool', description: 'do not reset line numbers for each section' },
    { long: 'number-separator', short: 's', type: 'string', valueName: 'STRING', default: '\t', description: 'add STRING after (possible) line number' },
    { long: 'starting-line-number', short: 'v', type: 'string', valueName: 'NUMBER', default: '1', description: 'first line number for each section' },
    { long: 'number-width', short: 'w', type: 'string', valueName: 'NUMBER', default: '6', description: 'use NUMBER columns for line numbers' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  notes:
    "Default options are: -bt -d'\\:' -fn -hn -i1 -l1 -n'rn' -s<TAB> -v1 -w6\n\nCC are two delimiter characters used to construct logical page delimiters;\na missing second character implies ':'.  As a GNU extension one can specify\nmore than two characters, and also specify the empty string (-d '')\nto disable section matching.\n\nSTYLE is one of:\n\n  a      number all lines\n  t      number only nonempty lines\n  n      number no lines\n  pBRE   number only lines that contain a match for the basic regular\n         expression, BRE\n\nFORMAT is one of:\n\n  ln     left justified, no leading zeros\n  rn     right justified, no leading zeros\n  rz     right justified, leading zeros",
  *run(ctx) {
    const f = ctx.command.flags;
    const styles = {} as Record<Section, Style>;
    for (const [section, key] of [['body', 'body-numbering'], ['header', 'header-numbering'], ['footer', 'footer-numbering']] as const) {
      const style = readStyle(ctx, String(f[key]), section);
      if (typeof style === 'number') return style;
      styles[section] = style;
    }
    const format = String(f['number-format']);
    if (format !== 'ln' && format !== 'rn' && format !== 'rz') return ctx.usageError(`invalid line numbering format: ${curly(format)}`);
    const numbers: number[] = [];
    for (const [key, what, min] of [
      ['starting-line-number', 'starting line number', -Infinity],
      ['line-increment', 'line number increment', -Infinity],
      ['join-blank-lines', 'line number of blank lines', 1],
      ['number-width', 'line number field width', 1],
    ] as const) {
      const n = readNumber(ctx, String(f[key]), what, min);
      if (typeof n === 'object') return n.error;
      numbers.push(n);
    }
    const [start, increment, join, width] = numbers;
    const separator = String(f['number-separator']);
    let delimiter = f['section-delimiter'] === undefined ? '\\:' : String(f['section-delimiter']);
    if ([...delimiter].length === 1) delimiter += ':';
    // A number's column is built for every line: a width past the work budget is cut like Ctrl-C.
    ctx.budget.spendText(width);
    const blank = ' '.repeat(width + separator.length);
    const numbered = (n: number) => {
      const digits = String(Math.abs(n));
      const sign = n < 0 ? '-' : '';
      const text = format === 'ln' ? (sign + digits).padEnd(width) : format === 'rz' ? sign + digits.padStart(width - sign.length, '0') : (sign + digits).padStart(width);
      return text + separator;
    };

    const inputs = yield* readInputsOrTerminal(ctx, ctx.command.args);
    let line = start;
    let section: Section = 'body';
    let blanks = 0;
    let code = 0;
    for (const input of inputs) {
      if ('error' in input) {
        ctx.err(`nl: ${input.name}: ${fsMessage(input.error)}\n`);
        code = 1;
        continue;
      }
      const rows = input.text.split('\n');
      if (rows[rows.length - 1] === '') rows.pop();
      let out = '';
      for (const row of rows) {
        ctx.budget.spend(1 + Math.ceil((row.length + width) / 16));
        const marker = delimiter === '' ? undefined : row === delimiter.repeat(3) ? 'header' : row === delimiter.repeat(2) ? 'body' : row === delimiter ? 'footer' : undefined;
        if (marker) {
          section = marker;
          if (!f['no-renumber']) line = start;
          out += '\n';
          continue;
        }
        const style = styles[section];
        let number: boolean;
        if (style.kind === 'a') {
          // -l N: of a run of empty lines, only every Nth is numbered.
          if (join > 1 && row === '') number = ++blanks === join;
          else number = true;
          if (number || row !== '') blanks = 0;
        } else number = style.kind === 't' ? row !== '' : style.kind === 'p' ? style.matcher.test(row) : false;
        if (number) {
          out += numbered(line) + row + '\n';
          line += increment;
        } else out += blank + row + '\n';
      }
      ctx.out(out);
    }
    return code;
  },
};
