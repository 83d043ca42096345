// Small pieces the builtins share: who is acting, how GNU tools quote names in messages, and
// reading "the files named, or standard input" the way the text filters do.
import type { CommandContext, Effect } from '../../core/process';
import { lineReader } from '../../core/tty';
import { canRead, FS_MESSAGES, lookupPath, resolvePath, type DirNode, type FsActor, type FsErrorCode, type FsNode, type FsResult } from '../fs';

export function actorOf(ctx: CommandContext): FsActor {
  return { user: ctx.machine.identity().user, now: ctx.machine.now() };
}

export function abs(ctx: CommandContext, path: string): string {
  return resolvePath(ctx.machine.shell().cwd, path);
}

/** Looks a name up as the kernel would for this user (see lookupPath). */
export function stat(ctx: CommandContext, name: string): FsResult<FsNode> {
  return lookupPath(ctx.machine.fs(), ctx.machine.shell().cwd, name, ctx.machine.identity().user);
}

const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' };
const isControl = (c: string) => /[\x00-\x1f\x7f-\x9f]/.test(c);
/** `\t`, or the octal of each UTF-8 byte (`\001`, `\302\200`). */
const cEscape = (c: string) =>
  C_ESCAPES[c] ? `\\${C_ESCAPES[c]}` : [...new TextEncoder().encode(c)].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');

/** GNU's locale quoting, used by some messages (`mkdir: cannot create directory ‘x’`). */
export const curly = (s: string) => `‘${[...s].map((c) => (c === '\\' ? '\\\\' : isControl(c) ? cEscape(c) : c)).join('')}’`;

/**
 * GNU's shell-escape quoting of a file name (gnulib quotearg): left as is when the shell would read
 * it back unchanged, else in single quotes with control characters as `'$'\t''` pieces; a name
 * whose only trouble is an apostrophe goes in double quotes. `always` quotes every name, as most
 * error messages do (`rm: cannot remove 'x'`); `ls` in a terminal and `cat`'s messages do not.
 */
export function quoteName(name: string, always = false): string {
  const chars = [...name];
  let quote = always || name === '';
  let plain = true; // nothing but what "..." keeps as is
  let apostrophe = false;
  chars.forEach((c, i) => {
    if (/[A-Za-z0-9%+,\-./:\]_]/.test(c)) return;
    if (c === "'") {
      quote = apostrophe = true;
    } else if (c === ' ' || ((c === '#' || c === '~') && i === 0) || ((c === '{' || c === '}') && chars.length === 1)) {
      quote = true;
    } else if ('!"$&()*;<=>?[\\^`|'.includes(c) || isControl(c)) {
      quote = true;
      plain = false;
    } else if ('#~{}'.includes(c)) plain = false;
  });
  if (!quote) return name;
  if (apostrophe && plain) return `"${name}"`;
  let out = "'";
  let escaping = false;
  for (const c of chars) {
    if (isControl(c)) {
      if (!escaping) out += "'$'";
      escaping = true;
      out += cEscape(c);
    } else if (c === "'") {
      out += "'\\''";
      escaping = false;
    } else {
      if (escaping) out += "''";
      escaping = false;
      out += c;
    }
  }
  return `${out}'`;
}

/** GNU's quoting of a file name in most messages (`rm: cannot remove 'x'`): always quoted. */
export const shellQuote = (s: string) => quoteName(s, true);

export const fsMessage = (code: FsErrorCode) => FS_MESSAGES[code];

/**
 * GNU argmatch: the value of an enumerated option (`--color=WHEN`), any unambiguous prefix of a
 * choice allowed. Returns the first name of the matching group, or prints GNU's refusal with the
 * valid choices and returns its exit code.
 */
export function argmatch(ctx: CommandContext, option: string, value: string, groups: readonly (readonly string[])[]): string | number {
  const exact = groups.find((g) => g.includes(value));
  if (exact) return exact[0];
  const prefixed = groups.filter((g) => g.some((name) => name.startsWith(value)));
  if (prefixed.length === 1 && value !== '') return prefixed[0][0];
  const tool = ctx.argv[0];
  const choices = groups.map((g) => `  - ${g.map(curly).join(', ')}`).join('\n');
  ctx.err(`${tool}: ${prefixed.length > 1 ? 'ambiguous' : 'invalid'} argument ${curly(value)} for ${curly(`--${option}`)}\nValid arguments are:\n${choices}\nTry '${tool} --help' for more information.\n`);
  return 1;
}

/** Applies a file-system change, or returns its error code. */
export function commit(ctx: CommandContext, result: FsResult<DirNode>): FsErrorCode | undefined {
  if (!result.ok) return result.code;
  ctx.machine.setFs(result.value);
  return undefined;
}

export type Input = { name: string; text: string } | { name: string; error: FsErrorCode };

/**
 * The inputs of a filter (cat, grep, head, tail, wc, sort): each named file, `-` for standard
 * input, or standard input alone when no file is named. Terminal input reads as empty here; the
 * filters that can read the keyboard do so themselves.
 */
export function readInputs(ctx: CommandContext, files: readonly string[]): Input[] {
  if (files.length === 0) return [{ name: '-', text: ctx.stdin ?? '' }];
  return files.map((name) => {
    if (name === '-') return { name, text: ctx.stdin ?? '' };
    const node = stat(ctx, name);
    if (!node.ok) return { name, error: node.code };
    if (node.value.kind === 'dir') return { name, error: 'EISDIR' as const };
    if (!canRead(node.value, ctx.machine.identity().user)) return { name, error: 'EACCES' as const };
    return { name, text: node.value.content };
  });
}

/** Splits text into lines the way line-oriented tools see them (no empty last line after a final newline). */
export function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * Like readInputs, but when a filter is given no file and nothing is piped in, it reads what the
 * learner types until Ctrl-D, as `grep foo` or `sort` alone would in a real terminal.
 */
export function* readInputsOrTerminal(ctx: CommandContext, files: readonly string[]): Generator<Effect, Input[], string | null> {
  if (ctx.stdin !== null || (files.length > 0 && !files.includes('-'))) return readInputs(ctx, files);
  const reader = lineReader();
  let typed = '';
  for (;;) {
    const line: string | null = yield* reader.next(ctx);
    if (line === null) break;
    typed += `${line}\n`;
  }
  const withTyped = { ...ctx, stdin: typed } as CommandContext;
  return readInputs(withTyped, files);
}

/**
 * Asks yes-or-no questions as `cp -i` and `rm -i` do: the question on stderr, the answer a line of
 * piped input or of the keyboard; only an answer starting with y or Y means yes.
 */
export function prompter(ctx: CommandContext): (question: string) => Generator<Effect, boolean, string | null> {
  const reader = lineReader();
  let piped = ctx.stdin;
  return function* ask(question) {
    ctx.err(question);
    let answer: string | null = null;
    if (piped === null) answer = yield* reader.next(ctx);
    else if (piped !== '') {
      const end = piped.indexOf('\n');
      answer = end === -1 ? piped : piped.slice(0, end);
      piped = end === -1 ? '' : piped.slice(end + 1);
    }
    return answer !== null && /^[yY]/.test(answer);
  };
}

/** BusyBox's own applets (alpine, busybox images) word their errors differently from GNU coreutils. */
export const isBusybox = (ctx: CommandContext) => ctx.machine.identity().userland === 'busybox';
