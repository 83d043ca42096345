import { gnu, type Dialect } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { lineReader } from '../../core/tty';
import { childNames, type FsNode } from '../fs';
import { compileGlob } from '../glob-match';
import { literal, parseRegex, type RegexNode } from '../regex';
import { compileMatcher, type LineMatcher } from '../regex-match';
import { fsMessage, lines, readInputs, stat, type Input } from './support';

// GREP_COLORS defaults: matches bold red, file names magenta, line numbers green, separators cyan.
const paint = (code: string, s: string) => `\x1b[${code}m\x1b[K${s}\x1b[m\x1b[K`;

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

/** GNU grep words its option errors like coreutils, with its usage line before the hint. */
const grepDialect: Dialect = {
  ...gnu,
  flagError(path, error) {
    const { message, exitCode } = gnu.flagError(path, error);
    return { message: message.replace(/\nTry /, `\n${USAGE}\nTry `), exitCode };
  },
};

const COLOR_WHEN: Record<string, 'always' | 'never' | 'auto'> = { always: 'always', yes: 'always', force: 'always', never: 'never', no: 'never', none: 'never', auto: 'auto', tty: 'auto', 'if-tty': 'auto' };

/** The patterns as one matcher, or grep's complaint and status 2. */
function matcher(ctx: CommandContext, patterns: string[]): LineMatcher | number {
  const f = ctx.command.flags;
  const nodes: RegexNode[] = [];
  const groups: number[] = [];
  let backrefs = false;
  for (const p of patterns.flatMap((p) => p.split('\n'))) {
    if (f['fixed-strings']) {
      nodes.push(literal(p));
      groups.push(0);
      continue;
    }
    const t = parseRegex(p, Boolean(f['extended-regexp']));
    if (!t.ok) {
      ctx.err(`grep: ${t.error}\n`);
      return 2;
    }
    for (const w of t.warnings) ctx.err(`grep: warning: ${w}\n`);
    nodes.push(t.node);
    groups.push(t.groups);
    backrefs ||= t.backrefs;
  }
  // With no pattern at all (-f of an empty file) nothing matches.
  const compiled = compileMatcher(nodes, groups, backrefs, { ignoreCase: Boolean(f['ignore-case'] || f.y), word: Boolean(f['word-regexp']), line: Boolean(f['line-regexp']) }, ctx.budget);
  if (!compiled.ok) {
    ctx.err(`grep: ${compiled.error}\n`);
    return 2;
  }
  return compiled.matcher;
}

/** The line with each of `spans` painted. */
function paintSpans(line: string, spans: [number, number][], code: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += line.slice(at, start) + paint(code, line.slice(start, end));
    at = end;
  }
  return out + line.slice(at);
}

/** grep -r: every file below the targets (. by default), named by path, filtered by --include and --exclude. */
function treeInputs(ctx: CommandContext, args: string[], include: string[], exclude: string[]): Input[] {
  const inputs: Input[] = [];
  const only = include.map((p) => compileGlob(p, ctx.budget));
  const skip = exclude.map((p) => compileGlob(p, ctx.budget));
  const wanted = (name: string) => (!only.length || only.some((g) => g.matches(name))) && !skip.some((g) => g.matches(name));
  const walk = (shown: string, name: string, node: FsNode) => {
    if (node.kind === 'file') {
      if (wanted(name)) inputs.push({ name: shown, text: node.content });
    } else for (const child of childNames(node).sort()) walk(shown.endsWith('/') ? shown + child : `${shown}/${child}`, child, node.children[child]);
  };
  for (const target of args.length ? args : ['.']) {
    const node = stat(ctx, target);
    if (!node.ok) inputs.push({ name: target, error: node.code });
    else if (node.value.kind === 'dir' && target === '.' && !args.length) {
      for (const name of childNames(node.value).sort()) walk(name, name, node.value.children[name]);
    } else walk(target, target, node.value);
  }
  return inputs;
}

export const grep: CommandSpec = {
  name: 'grep',
  summary: 'print lines that match patterns',
  usage: '[OPTION]... PATTERNS [FILE]...',
  description: "Search for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c\nPATTERNS can contain multiple patterns separated by newlines.",
  dialect: grepDialect,
  usageExitCode: 2,
  flags: [
    { long: 'extended-regexp', short: 'E', type: 'bool', description: 'PATTERNS are extended regular expressions' },
    { long: 'fixed-strings', short: 'F', type: 'bool', description: 'PATTERNS are strings' },
    { long: 'basic-regexp', short: 'G', type: 'bool', description: 'PATTERNS are basic regular expressions' },
    { long: 'regexp', short: 'e', type: 'stringArray', valueName: 'PATTERNS', description: 'use PATTERNS for matching' },
    { long: 'file', short: 'f', type: 'stringArray', valueName: 'FILE', description: 'take PATTERNS from FILE' },
    { long: 'ignore-case', short: 'i', type: 'bool', description: 'ignore case distinctions in patterns and data' },
    { long: '', short: 'y', type: 'bool', hidden: true, description: 'same as -i' },
    { long: 'word-regexp', short: 'w', type: 'bool', description: 'match only whole words' },
    { long: 'line-regexp', short: 'x', type: 'bool', description: 'match only whole lines' },
    { long: 'no-messages', short: 's', type: 'bool', description: 'suppress error messages' },
    { long: 'invert-match', short: 'v', type: 'bool', description: 'select non-matching lines' },
    { long: 'max-count', short: 'm', type: 'string', valueName: 'NUM', description: 'stop after NUM selected lines' },
    { long: 'line-number', short: 'n', type: 'bool', description: 'print line number with output lines' },
    { long: 'with-filename', short: 'H', type: 'bool', description: 'print file name with output lines' },
    { long: 'no-filename', short: 'h', type: 'bool', description: 'suppress the file name prefix on output' },
    { long: 'only-matching', short: 'o', type: 'bool', description: 'show only nonempty parts of lines that match' },
    { long: 'quiet', short: 'q', type: 'bool', description: 'suppress all normal output' },
    { long: 'recursive', short: 'r', type: 'bool', description: 'search directories recursively' },
    { long: 'dereference-recursive', short: 'R', type: 'bool', description: 'likewise, but follow all symlinks' },
    { long: 'include', type: 'stringArray', valueName: 'GLOB', description: 'search only files that match GLOB (a file pattern)' },
    { long: 'exclude', type: 'stringArray', valueName: 'GLOB', description: 'skip files that match GLOB' },
    { long: 'files-without-match', short: 'L', type: 'bool', description: 'print only names of FILEs with no selected lines' },
    { long: 'files-with-matches', short: 'l', type: 'bool', description: 'print only names of FILEs with selected lines' },
    { long: 'count', short: 'c', type: 'bool', description: 'print only a count of selected lines per FILE' },
    { long: 'before-context', short: 'B', type: 'string', valueName: 'NUM', description: 'print NUM lines of leading context' },
    { long: 'after-context', short: 'A', type: 'string', valueName: 'NUM', description: 'print NUM lines of trailing context' },
    { long: 'context', short: 'C', type: 'string', valueName: 'NUM', description: 'print NUM lines of output context' },
    { long: 'color', type: 'string', valueName: 'WHEN', implicit: 'auto', default: 'auto', description: "use markers to highlight the matching strings;\nWHEN is 'always', 'never', or 'auto'" },
  ],
  args: [{ name: 'PATTERNS' }, { name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const args = [...ctx.command.args];
    const when = COLOR_WHEN[String(f.color)];
    if (!when) {
      // GNU grep answers a --color it does not know with its whole --help.
      ctx.out(grep.dialect.help([grep]));
      return 0;
    }
    for (const key of ['context', 'before-context', 'after-context'] as const) {
      if (f[key] !== undefined && !/^\d+$/.test(String(f[key]))) {
        ctx.err(`grep: ${f[key]}: invalid context length argument\n`);
        return 2;
      }
    }
    if (f['max-count'] !== undefined && !/^\d+$/.test(String(f['max-count']))) {
      ctx.err('grep: invalid max count\n');
      return 2;
    }
    const max = f['max-count'] === undefined ? Infinity : Number(f['max-count']);
    const after = Number(f['after-context'] ?? f.context ?? 0);
    const before = Number(f['before-context'] ?? f.context ?? 0);
    let patterns: string[] = [...(f.regexp as string[])];
    for (const input of readInputs(ctx, f.file as string[])) {
      if ('error' in input) {
        ctx.err(`grep: ${input.name}: ${fsMessage(input.error)}\n`);
        return 2;
      }
      patterns.push(...lines(input.text));
    }
    if (!(f.regexp as string[]).length && !(f.file as string[]).length) {
      if (!args.length) {
        ctx.err(`${USAGE}\nTry 'grep --help' for more information.\n`);
        return 2;
      }
      patterns = [args.shift()!];
    }
    const re = matcher(ctx, patterns);
    if (typeof re === 'number') return re;

    const recursive = f.recursive || f['dereference-recursive'];
    const inputs = recursive ? treeInputs(ctx, args, f.include as string[], f.exclude as string[]) : readInputs(ctx, args);
    // Lines typed at the terminal are searched as they come, as grep does with a tty.
    const keyboard = lineReader();

    const color = when === 'always' || (when === 'auto' && ctx.tty !== null);
    const showNames = !f['no-filename'] && (Boolean(f['with-filename']) || inputs.length > 1 || Boolean(recursive && (args.length !== 1 || inputs.length > 1)));
    const invert = Boolean(f['invert-match']);
    const context = !f.count && !f['files-with-matches'] && !f['files-without-match'] && (after > 0 || before > 0);
    const listing = Boolean(f.quiet || f.count || f['files-with-matches'] || f['files-without-match']);
    const sep = (s: string) => (color ? paint('36', s) : s);
    const fileName = (name: string) => (color ? paint('35', name) : name);
    const highlight = (line: string) => (color ? paintSpans(line, re.spans(line), '01;31') : line);
    let matched = false;
    let error = false;
    let printedAny = false;
    for (const input of inputs) {
      const name = input.name === '-' ? '(standard input)' : input.name;
      if ('error' in input && input.error !== 'EISDIR') {
        if (!f['no-messages']) ctx.err(`grep: ${input.name}: ${fsMessage(input.error)}\n`);
        error = true;
        continue;
      }
      if ('error' in input) {
        // A directory without -r: grep says so, and counts nothing in it.
        if (!f['no-messages']) ctx.err(`grep: ${input.name}: Is a directory\n`);
        error = true;
      }
      const textLines = 'text' in input ? lines(input.text) : [];
      const typed = input.name === '-' && ctx.stdin === null;
      const prefix = (i: number, mark: string) => (showNames ? fileName(name) + sep(mark) : '') + (f['line-number'] ? (color ? paint('32', String(i + 1)) : String(i + 1)) + sep(mark) : '');
      let count = 0;
      let last = -1; // the last line printed
      let trailing = 0;
      for (let i = 0; ; i++) {
        if (typed) {
          const line = yield* keyboard.next(ctx);
          if (line === null) break;
          textLines.push(line);
        }
        if (i >= textLines.length) break;
        const line = textLines[i];
        const selected = count < max && re.test(line) !== invert;
        if (!selected) {
          if (trailing > 0 && context) {
            ctx.out(`${prefix(i, '-')}${invert ? highlight(line) : line}\n`);
            last = i;
            trailing--;
          }
          if (count >= max && trailing === 0) break;
          continue;
        }
        count++;
        matched = true;
        if (f.quiet) break;
        if (listing) continue;
        if (context) {
          const from = Math.max(last + 1, i - before);
          if (printedAny && (last < 0 || from > last + 1)) ctx.out(`${sep('--')}\n`);
          for (let j = from; j < i; j++) ctx.out(`${prefix(j, '-')}${invert ? highlight(textLines[j]) : textLines[j]}\n`);
          trailing = after;
        }
        if (f['only-matching']) {
          if (!invert) for (const [start, end] of re.spans(line)) ctx.out(`${prefix(i, ':')}${color ? paint('01;31', line.slice(start, end)) : line.slice(start, end)}\n`);
        } else ctx.out(`${prefix(i, ':')}${invert ? line : highlight(line)}\n`);
        last = i;
        printedAny = true;
      }
      if (f.quiet && matched) return 0;
      if (f.count) ctx.out(`${showNames ? fileName(name) + sep(':') : ''}${count}\n`);
      if (f['files-with-matches'] && count > 0) ctx.out(`${fileName(name)}\n`);
      if (f['files-without-match'] && count === 0) ctx.out(`${fileName(name)}\n`);
    }
    return error && !(f.quiet && matched) ? 2 : matched ? 0 : 1;
  },
};
