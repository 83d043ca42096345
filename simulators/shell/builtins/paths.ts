// basename, dirname and realpath: taking file names apart as GNU coreutils does (gnulib's
// last_component and dir_len, slashes and all), and realpath resolving one on the simulated file
// system (which has no symbolic links, so -L, -P and -s change nothing here).
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { FS_MESSAGES, lookupPath, segments } from '../fs';
import { curly, quoteName } from './support';

/** Where the last component starts (gnulib last_component): after the last run of slashes that is not at the end. */
function lastComponent(name: string): number {
  let base = 0;
  while (name[base] === '/') base++;
  let slash = false;
  for (let p = base; p < name.length; p++) {
    if (name[p] === '/') slash = true;
    else if (slash) {
      base = p;
      slash = false;
    }
  }
  return base;
}

/** basename's answer for one NAME: its last component without trailing slashes, then SUFFIX off unless that is all of it. */
export function baseName(name: string, suffix?: string): string {
  const start = lastComponent(name);
  // A name of slashes alone is the root.
  let base = start === name.length ? (name.startsWith('/') ? '/' : '') : name.slice(start).replace(/\/+$/, '');
  if (suffix && !base.startsWith('/') && base.length > suffix.length && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  return base;
}

/** dirname's answer for one NAME (gnulib dir_len): everything before the last component, less its slashes. */
export function dirName(name: string): string {
  const prefix = name.startsWith('/') ? 1 : 0;
  let length = lastComponent(name);
  while (prefix < length && name[length - 1] === '/') length--;
  return length === 0 ? '.' : name.slice(0, length);
}

export const basename: CommandSpec = {
  name: 'basename',
  summary: 'strip directory and suffix from filenames',
  usage: 'NAME [SUFFIX]\n  or:  basename OPTION... NAME...',
  description: 'Print NAME with any leading directory components removed.\nIf specified, also remove a trailing SUFFIX.',
  dialect: gnu,
  flags: [
    { long: 'multiple', short: 'a', type: 'bool', description: 'support multiple arguments and treat each as a NAME' },
    { long: 'suffix', short: 's', type: 'string', valueName: 'SUFFIX', description: 'remove a trailing SUFFIX; implies -a' },
    { long: 'zero', short: 'z', type: 'bool', description: 'end each output line with NUL, not newline' },
  ],
  args: [{ name: 'NAME', variadic: true, complete: 'path' }],
  notes:
    'Examples:\n  basename /usr/bin/sort          -> "sort"\n  basename include/stdio.h .h     -> "stdio"\n  basename -s .h include/stdio.h  -> "stdio"\n  basename -a any/str1 any/str2   -> "str1" followed by "str2"',
  run(ctx) {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    if (!args.length) return ctx.usageError('missing operand');
    const suffix = f.suffix as string | undefined;
    const multiple = Boolean(f.multiple) || suffix !== undefined;
    if (!multiple && args.length > 2) return ctx.usageError(`extra operand ${curly(args[2])}`);
    const end = f.zero ? '\0' : '\n';
    if (!multiple) ctx.out(baseName(args[0], args[1]) + end);
    else ctx.out(args.map((name) => baseName(name, suffix) + end).join(''));
    return 0;
  },
};

export const dirname: CommandSpec = {
  name: 'dirname',
  summary: 'strip last component from file name',
  usage: '[OPTION] NAME...',
  description: "Output each NAME with its last non-slash component and trailing slashes\nremoved; if NAME contains no /'s, output '.' (meaning the current directory).",
  dialect: gnu,
  flags: [{ long: 'zero', short: 'z', type: 'bool', description: 'end each output line with NUL, not newline' }],
  args: [{ name: 'NAME', variadic: true, complete: 'path' }],
  notes: 'Examples:\n  dirname /usr/bin/          -> "/usr"\n  dirname dir1/str dir2/str  -> "dir1" followed by "dir2"\n  dirname stdio.h            -> "."',
  run(ctx) {
    const args = ctx.command.args;
    if (!args.length) return ctx.usageError('missing operand');
    const end = ctx.command.flags.zero ? '\0' : '\n';
    ctx.out(args.map((name) => dirName(name) + end).join(''));
    return 0;
  },
};

type Mode = 'existing' | 'all-but-last' | 'missing';

/** The absolute, clean name of `name`, or the errno realpath fails with (canonicalize_filename_mode). */
function canonical(ctx: CommandContext, name: string, mode: Mode): { path: string } | { error: keyof typeof FS_MESSAGES } {
  if (name === '') return { error: 'ENOENT' };
  const parts = segments(name.startsWith('/') ? name : `${ctx.machine.shell().cwd}/${name}`);
  const user = ctx.machine.identity().user;
  const fs = ctx.machine.fs();
  const stack: string[] = [];
  let missing = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '.') continue;
    if (part === '..') {
      stack.pop();
      continue;
    }
    stack.push(part);
    if (mode === 'missing') continue;
    // A missing component may only be the last one, and only without -e.
    if (missing) return { error: 'ENOENT' };
    const found = lookupPath(fs, '/', `/${stack.join('/')}`, user);
    const last = i === parts.length - 1 || parts.slice(i + 1).every((p) => p === '.');
    if (!found.ok) {
      if (found.code !== 'ENOENT' || mode === 'existing' || !last) return { error: found.code };
      missing = true;
      continue;
    }
    // Something follows a file (a name, `..`, or a trailing slash): not a directory.
    if (found.value.kind !== 'dir' && (i < parts.length - 1 || name.endsWith('/'))) return { error: 'ENOTDIR' };
  }
  return { path: `/${stack.join('/')}` };
}

/** `path` written relative to `dir` (both absolute and clean). */
function relative(path: string, dir: string): string {
  const from = segments(dir);
  const to = segments(path);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const ups = from.slice(common).map(() => '..');
  return [...ups, ...to.slice(common)].join('/') || '.';
}

const isWithin = (path: string, dir: string) => dir === '/' || path === dir || path.startsWith(`${dir}/`);

export const realpath: CommandSpec = {
  name: 'realpath',
  summary: 'print the resolved path',
  usage: '[OPTION]... FILE...',
  description: 'Print the resolved absolute file name;\nall but the last component must exist',
  dialect: gnu,
  flags: [
    { long: 'canonicalize-existing', short: 'e', type: 'bool', description: 'all components of the path must exist' },
    { long: 'canonicalize-missing', short: 'm', type: 'bool', description: 'no path components need exist or be a directory' },
    { long: 'logical', short: 'L', type: 'bool', description: "resolve '..' components before symlinks" },
    { long: 'physical', short: 'P', type: 'bool', description: 'resolve symlinks as encountered (default)' },
    { long: 'quiet', short: 'q', type: 'bool', description: 'suppress most error messages' },
    { long: 'relative-to', type: 'string', valueName: 'DIR', description: 'print the resolved path relative to DIR', complete: 'dir' },
    { long: 'relative-base', type: 'string', valueName: 'DIR', description: 'print absolute paths unless paths below DIR', complete: 'dir' },
    { long: 'strip', short: 's', type: 'bool', description: "don't expand symlinks" },
    { long: 'no-symlinks', type: 'bool', hidden: true, description: "don't expand symlinks" },
    { long: 'zero', short: 'z', type: 'bool', description: 'end each output line with NUL, not newline' },
  ],
  args: [{ name: 'FILE', variadic: true, complete: 'path' }],
  run(ctx) {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    if (!args.length) return ctx.usageError('missing operand');
    // The last of -e and -m given decides.
    const chosen = [...ctx.command.given].filter((k) => k === 'canonicalize-existing' || k === 'canonicalize-missing').pop();
    const mode: Mode = chosen === 'canonicalize-existing' ? 'existing' : chosen === 'canonicalize-missing' ? 'missing' : 'all-but-last';
    const fail = (name: string, code: keyof typeof FS_MESSAGES) => {
      if (!f.quiet) ctx.err(`realpath: ${quoteName(name)}: ${FS_MESSAGES[code]}\n`);
      return 1;
    };
    // The directories of --relative-to and --relative-base are resolved as the files are.
    const dirOf = (name: string | undefined) => {
      if (name === undefined) return undefined;
      const r = canonical(ctx, name, mode);
      return 'error' in r ? { name, error: r.error } : r.path;
    };
    let relativeTo = dirOf(f['relative-to'] as string | undefined);
    let relativeBase = dirOf(f['relative-base'] as string | undefined);
    if (typeof relativeTo === 'object') return fail(relativeTo.name, relativeTo.error);
    if (typeof relativeBase === 'object') return fail(relativeBase.name, relativeBase.error);
    // With both, paths are made relative only when the --relative-to directory is under the base.
    if (relativeBase !== undefined && relativeTo === undefined) relativeTo = relativeBase;
    if (relativeBase !== undefined && relativeTo !== undefined && !isWithin(relativeTo, relativeBase)) {
      relativeTo = undefined;
      relativeBase = undefined;
    }
    const end = f.zero ? '\0' : '\n';
    let code = 0;
    for (const name of args) {
      const r = canonical(ctx, name, mode);
      if ('error' in r) {
        code = fail(name, r.error);
        continue;
      }
      let shown = r.path;
      if (relativeTo !== undefined && (relativeBase === undefined || isWithin(shown, relativeBase))) shown = relative(shown, relativeTo);
      ctx.out(shown + end);
    }
    return code;
  },
};
