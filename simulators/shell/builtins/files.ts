// Creating and removing: mkdir, rmdir, touch, rm.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { Effect } from '../../core/process';
import { childNames, mkdir as makeDirectory, remove, setAttributes, touch as touchFile, type FsNode } from '../fs';
import { abs, actorOf, commit, curly, fsMessage, isBusybox, prompter, shellQuote, stat } from './support';

const UMASK = 0o022;

/**
 * A mode as chmod and `mkdir -m` read it: octal (`700`) or symbolic (`u=rwx,go=rx`, `o-w`), applied
 * to rwxrwxrwx; without who letters (`=rx`) only the bits the umask allows are set.
 */
export function parseMode(spec: string): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };
  const PERM: Record<string, number> = { r: 0o444, w: 0o222, x: 0o111, X: 0o111, s: 0o6000, t: 0o1000 };
  let mode = 0o777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return undefined;
    const who = [...m[1]].reduce((bits, c) => bits | WHO[c], 0);
    const affected = who || (0o7777 & ~UMASK);
    for (const [, op, perms] of m[2].matchAll(/([-+=])([rwxXst]*)/g)) {
      const bits = [...perms].reduce((all, c) => all | PERM[c], 0) & affected;
      if (op === '+') mode |= bits;
      else if (op === '-') mode &= ~bits;
      else mode = (mode & ~(who || 0o777)) | bits;
    }
  }
  return mode;
}

export const mkdir: CommandSpec = {
  name: 'mkdir',
  summary: 'make directories',
  usage: '[OPTION]... DIRECTORY...',
  description: 'Create the DIRECTORY(ies), if they do not already exist.',
  dialect: gnu,
  flags: [
    { long: 'mode', short: 'm', type: 'string', valueName: 'MODE', description: 'set file mode (as in chmod), not a=rwx - umask' },
    { long: 'parents', short: 'p', type: 'bool', description: 'no error if existing, make parent directories as needed' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'print a message for each created directory' },
  ],
  args: [{ name: 'DIRECTORY', variadic: true, complete: 'dir' }],
  run(ctx) {
    const { args, flags } = ctx.command;
    if (!args.length) return ctx.usageError('missing operand');
    const mode = flags.mode === undefined ? undefined : parseMode(String(flags.mode));
    if (mode === undefined && flags.mode !== undefined) {
      ctx.err(`mkdir: invalid mode ${curly(String(flags.mode))}\n`);
      return 1;
    }
    let code = 0;
    // -m gives its mode to the named directory only; parents made by -p get the usual 755.
    const make = (name: string, last = true): boolean => {
      const made = makeDirectory(ctx.machine.fs(), abs(ctx, name), actorOf(ctx));
      const error = commit(ctx, made.ok && mode !== undefined && last ? setAttributes(made.value, abs(ctx, name), { mode }, actorOf(ctx)) : made);
      if (error) {
        ctx.err(isBusybox(ctx) ? `mkdir: can't create directory '${name}': ${fsMessage(error)}\n` : `mkdir: cannot create directory ${curly(name)}: ${fsMessage(error)}\n`);
        code = 1;
        return false;
      }
      if (flags.verbose) ctx.out(`mkdir: created directory ${shellQuote(name)}\n`);
      return true;
    };
    for (const name of args) {
      if (!flags.parents) {
        make(name);
        continue;
      }
      // -p makes each missing directory along the name as typed (`a`, `a/b`, `a/b/c`), so that
      // errors and -v name the one concerned.
      const parts = name.split('/');
      const steps = parts.flatMap((part, i) => (part === '' ? [] : [parts.slice(0, i + 1).join('/')]));
      steps.splice(steps.length - 1, 1, name); // the last step as typed, trailing slash and all ('' too)
      for (const [i, step] of steps.entries()) {
        const node = stat(ctx, step);
        if (!node.ok) {
          if (node.code !== 'ENOENT') {
            ctx.err(`mkdir: cannot create directory ${curly(step)}: ${fsMessage(node.code)}\n`);
            code = 1;
            break;
          }
          if (!make(step, i === steps.length - 1)) break;
        } else if (node.value.kind !== 'dir') {
          ctx.err(`mkdir: cannot create directory ${curly(step)}: ${i === steps.length - 1 ? 'File exists' : 'Not a directory'}\n`);
          code = 1;
          break;
        }
      }
    }
    return code;
  },
};

export const rmdir: CommandSpec = {
  name: 'rmdir',
  summary: 'remove empty directories',
  usage: '[OPTION]... DIRECTORY...',
  description: 'Remove the DIRECTORY(ies), if they are empty.',
  dialect: gnu,
  flags: [
    { long: 'parents', short: 'p', type: 'bool', description: "remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b' is similar to 'rmdir a/b a'" },
    { long: 'verbose', short: 'v', type: 'bool', description: 'output a diagnostic for every directory processed' },
  ],
  args: [{ name: 'DIRECTORY', variadic: true, complete: 'dir' }],
  run(ctx) {
    const { args, flags } = ctx.command;
    if (!args.length) return ctx.usageError('missing operand');
    let code = 0;
    const removeDir = (name: string, ancestor: boolean): boolean => {
      if (flags.verbose) ctx.out(`rmdir: removing directory, ${shellQuote(name)}\n`);
      const error = /(^|\/)\.\/*$/.test(name) ? 'EINVAL' : commit(ctx, remove(ctx.machine.fs(), abs(ctx, name), actorOf(ctx), { dirOnly: true }));
      if (error) {
        ctx.err(`rmdir: failed to remove ${ancestor ? 'directory ' : ''}${shellQuote(name)}: ${fsMessage(error)}\n`);
        code = 1;
      }
      return !error;
    };
    for (const name of args) {
      if (!removeDir(name, false) || !flags.parents) continue;
      // -p: then each ancestor as typed, `a/b/c` -> `a/b` -> `a`, stopping at the first that stays.
      let rest = name.replace(/\/+$/, '');
      while (rest.includes('/')) {
        rest = rest.slice(0, rest.lastIndexOf('/')).replace(/\/+$/, '');
        if (rest === '' || !removeDir(rest, true)) break;
      }
    }
    return code;
  },
};

export const touch: CommandSpec = {
  name: 'touch',
  summary: 'change file timestamps',
  usage: '[OPTION]... FILE...',
  description: 'Update the modification time of each FILE to the current time.\nA FILE argument that does not exist is created empty.',
  dialect: gnu,
  flags: [{ long: 'no-create', short: 'c', type: 'bool', description: 'do not create any files' }],
  args: [{ name: 'FILE', variadic: true, complete: 'path' }],
  run(ctx) {
    const { args, flags } = ctx.command;
    if (!args.length) return ctx.usageError('missing file operand');
    let code = 0;
    for (const name of args) {
      const node = stat(ctx, name);
      if (!node.ok && node.code === 'ENOENT' && flags['no-create']) continue;
      // A name with a trailing slash can only be an existing directory: touch does not create it.
      const error = !node.ok && name.endsWith('/') ? node.code : commit(ctx, touchFile(ctx.machine.fs(), abs(ctx, name), actorOf(ctx)));
      if (error) {
        // touch first opens (creates) the file, then only sets times with -c or a trailing slash.
        const verb = (node.ok && flags['no-create']) || name.endsWith('/') ? 'setting times of' : 'cannot touch';
        ctx.err(isBusybox(ctx) ? `touch: ${name}: ${fsMessage(error)}\n` : `touch: ${verb} ${shellQuote(name)}: ${fsMessage(error)}\n`);
        code = 1;
      }
    }
    return code;
  },
};

/** What `rm -v` reports for a removed entry: a tree's files and directories, deepest first. */
function removedLines(name: string, node: FsNode): string[] {
  if (node.kind === 'file') return [`removed ${shellQuote(name)}\n`];
  const inside = childNames(node)
    .sort()
    .flatMap((child) => removedLines(name.endsWith('/') ? `${name}${child}` : `${name}/${child}`, node.children[child]));
  return [...inside, `removed directory ${shellQuote(name)}\n`];
}

export const rm: CommandSpec = {
  name: 'rm',
  summary: 'remove files or directories',
  usage: '[OPTION]... [FILE]...',
  description: 'Remove (unlink) the FILE(s).',
  dialect: gnu,
  flags: [
    { long: 'force', short: 'f', type: 'bool', description: 'ignore nonexistent files and arguments, never prompt' },
    { long: 'interactive', short: 'i', type: 'bool', description: 'prompt before every removal' },
    { long: 'recursive', short: 'r', type: 'bool', description: 'remove directories and their contents recursively' },
    { long: '', short: 'R', type: 'bool', description: 'same as -r' },
    { long: 'dir', short: 'd', type: 'bool', description: 'remove empty directories' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'explain what is being done' },
    { long: 'no-preserve-root', type: 'bool', description: "do not treat '/' specially" },
  ],
  args: [{ name: 'FILE', variadic: true, complete: 'path' }],
  *run(ctx) {
    const { args, flags } = ctx.command;
    if (!args.length) {
      if (flags.force) return 0;
      return ctx.usageError('missing operand');
    }
    const recursive = Boolean(flags.recursive || flags.R);
    const ask = prompter(ctx);
    let code = 0;
    const removeOne = (name: string, node: FsNode, options: { recursive?: boolean; dirOnly?: boolean }): boolean => {
      const error = commit(ctx, remove(ctx.machine.fs(), abs(ctx, name), actorOf(ctx), options));
      if (error) {
        ctx.err(isBusybox(ctx) ? `rm: can't remove '${name}': ${fsMessage(error)}\n` : `rm: cannot remove ${shellQuote(name)}: ${fsMessage(error)}\n`);
        code = 1;
      } else if (flags.verbose) ctx.out(removedLines(name, node).join(''));
      return !error;
    };
    // rm -i asks before each file and, with -r, before going into and before removing each
    // directory; a directory that keeps something is left without a question.
    const removeAsking = function* (name: string, node: FsNode): Generator<Effect, boolean, string | null> {
      if (node.kind === 'file') {
        if (!(yield* ask(`rm: remove regular ${node.content === '' ? 'empty ' : ''}file ${shellQuote(name)}? `))) return false;
        return removeOne(name, node, {});
      }
      const names = childNames(node).sort();
      if (names.length) {
        if (!(yield* ask(`rm: descend into directory ${shellQuote(name)}? `))) return false;
        let emptied = true;
        for (const child of names) emptied = (yield* removeAsking(name.endsWith('/') ? `${name}${child}` : `${name}/${child}`, node.children[child])) && emptied;
        if (!emptied) return false;
      }
      if (!(yield* ask(`rm: remove directory ${shellQuote(name)}? `))) return false;
      return removeOne(name, { ...node, children: {} }, { dirOnly: true });
    };
    for (const name of args) {
      const path = abs(ctx, name);
      if (path === '/' && recursive && !flags['no-preserve-root']) {
        ctx.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
        code = 1;
        continue;
      }
      if ((recursive || flags.dir) && /(^|\/)\.\.?\/*$/.test(name)) {
        ctx.err(`rm: refusing to remove '.' or '..' directory: skipping ${shellQuote(name)}\n`);
        code = 1;
        continue;
      }
      const node = stat(ctx, name);
      if (!node.ok) {
        if (!(flags.force && (node.code === 'ENOENT' || node.code === 'ENOTDIR'))) {
          ctx.err(isBusybox(ctx) ? `rm: can't remove '${name}': ${fsMessage(node.code)}\n` : `rm: cannot remove ${shellQuote(name)}: ${fsMessage(node.code)}\n`);
          code = 1;
        }
        continue;
      }
      const dir = node.value.kind === 'dir' ? node.value : undefined;
      const dirOnly = Boolean(dir && !recursive && flags.dir);
      if (dir && !recursive && !dirOnly) {
        ctx.err(`rm: cannot remove ${shellQuote(name)}: Is a directory\n`);
        code = 1;
      } else if (dirOnly && childNames(dir!).length) {
        // rm -d looks for itself before asking the kernel, so a full directory is "not empty" first.
        ctx.err(`rm: cannot remove ${shellQuote(name)}: Directory not empty\n`);
        code = 1;
      } else if (flags.interactive && !flags.force) yield* removeAsking(name, node.value);
      else removeOne(name, node.value, { recursive, dirOnly });
    }
    return code;
  },
};
