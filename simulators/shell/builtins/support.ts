// Small pieces the builtins share: who is acting, how GNU tools quote names in messages, and
// reading "the files named, or standard input" the way the text filters do.
import type { CommandContext, Effect } from '../../core/process';
import { lineReader } from '../../core/tty';
import { FS_MESSAGES, lookup, resolvePath, type DirNode, type FsActor, type FsErrorCode, type FsResult } from '../fs';

export function actorOf(ctx: CommandContext): FsActor {
  return { user: ctx.machine.identity().user, now: ctx.machine.now() };
}

export function abs(ctx: CommandContext, path: string): string {
  return resolvePath(ctx.machine.shell().cwd, path);
}

/** GNU's locale quoting, used by some messages (`mkdir: cannot create directory ‘x’`). */
export const curly = (s: string) => `‘${s}’`;

/** GNU's shell-escape quoting for file names in most messages (`rm: cannot remove 'x'`). */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_\-.,:/@%+=]+$/.test(s)) return `'${s}'`;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export const fsMessage = (code: FsErrorCode) => FS_MESSAGES[code];

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
    const node = lookup(ctx.machine.fs(), abs(ctx, name));
    if (!node.ok) return { name, error: node.code };
    if (node.value.kind === 'dir') return { name, error: 'EISDIR' as const };
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
