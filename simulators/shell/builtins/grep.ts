import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { childNames, lookup, type FsNode } from '../fs';
import { abs, fsMessage, lines, readInputsOrTerminal, type Input } from './support';

// GREP_COLORS defaults: matches bold red, file names magenta, line numbers green, separators cyan.
const paint = (code: string, s: string) => `\x1b[${code}m\x1b[K${s}\x1b[m\x1b[K`;

/** Turns a POSIX basic regular expression into a JavaScript one: in BRE, \( \) \{ \} \| \+ \? are the operators. */
export function breToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (i === 0 || out.endsWith('(') || out.endsWith('|'))) out += '\\*';
    else out += c;
  }
  return out;
}

/** POSIX bracket classes such as [[:digit:]] have JavaScript spellings. */
function posixClasses(re: string): string {
  const classes: Record<string, string> = { digit: '0-9', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f' };
  return re.replace(/\[:([a-z]+):\]/g, (m, name: string) => classes[name] ?? m);
}

export const grep: CommandSpec = {
  name: 'grep',
  summary: 'print lines that match patterns',
  usage: '[OPTION]... PATTERNS [FILE]...',
  description: "Search for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c",
  dialect: gnu,
  usageExitCode: 2,
  flags: [
    { long: 'extended-regexp', short: 'E', type: 'bool', description: 'PATTERNS are extended regular expressions' },
    { long: 'fixed-strings', short: 'F', type: 'bool', description: 'PATTERNS are strings' },
    { long: 'regexp', short: 'e', type: 'stringArray', valueName: 'PATTERNS', description: 'use PATTERNS for matching' },
    { long: 'ignore-case', short: 'i', type: 'bool', description: 'ignore case distinctions in patterns and data' },
    { long: 'word-regexp', short: 'w', type: 'bool', description: 'match only whole words' },
    { long: 'line-regexp', short: 'x', type: 'bool', description: 'match only whole lines' },
    { long: 'invert-match', short: 'v', type: 'bool', description: 'select non-matching lines' },
    { long: 'count', short: 'c', type: 'bool', description: 'print only a count of selected lines per FILE' },
    { long: 'files-with-matches', short: 'l', type: 'bool', description: 'print only names of FILEs with selected lines' },
    { long: 'only-matching', short: 'o', type: 'bool', description: 'show only nonempty parts of lines that match' },
    { long: 'quiet', short: 'q', type: 'bool', description: 'suppress all normal output' },
    { long: 'no-messages', short: 's', type: 'bool', description: 'suppress error messages' },
    { long: 'line-number', short: 'n', type: 'bool', description: 'print line number with output lines' },
    { long: 'with-filename', short: 'H', type: 'bool', description: 'print file name with output lines' },
    { long: 'no-filename', short: 'h', type: 'bool', description: 'suppress the file name prefix on output' },
    { long: 'recursive', short: 'r', type: 'bool', description: 'search directories recursively' },
    { long: 'color', type: 'string', valueName: 'WHEN', default: 'auto', description: "use markers to highlight the matching strings;\nWHEN is 'always', 'never', or 'auto'" },
  ],
  args: [{ name: 'PATTERNS' }, { name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const args = [...ctx.command.args];
    const patterns = (f.regexp as string[]).length ? (f.regexp as string[]) : args.length ? [args.shift()!] : null;
    if (!patterns) {
      ctx.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    const sources = patterns.flatMap((p) => p.split('\n')).map((p) => {
      if (f['fixed-strings']) return p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      return posixClasses(f['extended-regexp'] ? p : breToJs(p));
    });
    let body = sources.map((s) => `(?:${s})`).join('|');
    if (f['word-regexp']) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
    if (f['line-regexp']) body = `^(?:${body})$`;
    let re: RegExp;
    try {
      re = new RegExp(body, f['ignore-case'] ? 'gi' : 'g');
    } catch {
      const unmatched = /\(|\\\(/.test(patterns.join('')) ? 'Unmatched ( or \\(' : /\[/.test(patterns.join('')) ? 'Unmatched [, [^, [:, [., or [=' : 'Invalid regular expression';
      ctx.err(`grep: ${unmatched}\n`);
      return 2;
    }

    let inputs: Input[];
    if (f.recursive) {
      inputs = [];
      const walk = (shown: string, node: FsNode) => {
        if (node.kind === 'file') inputs.push({ name: shown, text: node.content });
        else for (const name of childNames(node).sort()) walk(shown.endsWith('/') ? shown + name : `${shown}/${name}`, node.children[name]);
      };
      for (const target of args.length ? args : ['.']) {
        const node = lookup(ctx.machine.fs(), abs(ctx, target));
        if (!node.ok) inputs.push({ name: target, error: node.code });
        else if (node.value.kind === 'dir' && target === '.' && !args.length) {
          for (const name of childNames(node.value).sort()) walk(name, node.value.children[name]);
        } else walk(target, node.value);
      }
    } else inputs = yield* readInputsOrTerminal(ctx, args);

    const color = f.color === 'always' || (f.color === 'auto' && ctx.tty !== null);
    const showNames = !f['no-filename'] && (Boolean(f['with-filename']) || inputs.length > 1 || Boolean(f.recursive && (args.length !== 1 || inputs.length > 1)));
    let matched = false;
    let error = false;
    const out: string[] = [];
    for (const input of inputs) {
      const name = input.name === '-' ? '(standard input)' : input.name;
      if ('error' in input) {
        if (!f['no-messages']) ctx.err(`grep: ${input.name}: ${fsMessage(input.error)}\n`);
        error = true;
        continue;
      }
      let count = 0;
      const textLines = lines(input.text);
      for (let i = 0; i < textLines.length; i++) {
        const line = textLines[i];
        re.lastIndex = 0;
        const hit = re.test(line);
        if (hit === Boolean(f['invert-match'])) continue;
        count++;
        matched = true;
        if (f.quiet || f.count || f['files-with-matches']) continue;
        const prefix =
          (showNames ? (color ? paint('35', name) + paint('36', ':') : `${name}:`) : '') +
          (f['line-number'] ? (color ? paint('32', String(i + 1)) + paint('36', ':') : `${i + 1}:`) : '');
        if (f['only-matching'] && !f['invert-match']) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) if (m[0]) out.push(`${prefix}${color ? paint('01;31', m[0]) : m[0]}\n`);
          continue;
        }
        re.lastIndex = 0;
        const shown = color && !f['invert-match'] ? line.replace(re, (m) => (m ? paint('01;31', m) : m)) : line;
        out.push(`${prefix}${shown}\n`);
      }
      if (f.count && !f.quiet) out.push(`${showNames ? `${color ? paint('35', name) + paint('36', ':') : `${name}:`}` : ''}${count}\n`);
      if (f['files-with-matches'] && count > 0 && !f.quiet) out.push(`${color ? paint('35', name) : name}\n`);
      if (f.quiet && matched) break;
    }
    ctx.out(out.join(''));
    if (f.quiet && matched) return 0;
    return error ? 2 : matched ? 0 : 1;
  },
};
