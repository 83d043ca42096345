// Creating and removing: mkdir, rmdir, touch, rm.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { lookup, mkdir as makeDirectory, remove, touch as touchFile } from '../fs';
import { abs, actorOf, commit, curly, fsMessage, shellQuote } from './support';

export const mkdir: CommandSpec = {
  name: 'mkdir',
  summary: 'make directories',
  usage: '[OPTION]... DIRECTORY...',
  description: 'Create the DIRECTORY(ies), if they do not already exist.',
  dialect: gnu,
  flags: [
    { long: 'parents', short: 'p', type: 'bool', description: 'no error if existing, make parent directories as needed' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'print a message for each created directory' },
  ],
  args: [{ name: 'DIRECTORY', variadic: true, complete: 'dir' }],
  run(ctx) {
    const { args, flags } = ctx.command;
    if (!args.length) return ctx.usageError('missing operand');
    let code = 0;
    for (const name of args) {
      const existed = lookup(ctx.machine.fs(), abs(ctx, name)).ok;
      const error = commit(ctx, makeDirectory(ctx.machine.fs(), abs(ctx, name), actorOf(ctx), { parents: Boolean(flags.parents) }));
      if (error) {
        ctx.err(`mkdir: cannot create directory ${curly(name)}: ${fsMessage(error)}\n`);
        code = 1;
      } else if (flags.verbose && !existed) ctx.out(`mkdir: created directory '${name}'\n`);
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
  args: [{ name: 'DIRECTORY', variadic: true, complete: 'dir' }],
  run(ctx) {
    const { args } = ctx.command;
    if (!args.length) return ctx.usageError('missing operand');
    let code = 0;
    for (const name of args) {
      const error = commit(ctx, remove(ctx.machine.fs(), abs(ctx, name), actorOf(ctx), { dirOnly: true }));
      if (error) {
        ctx.err(`rmdir: failed to remove ${shellQuote(name)}: ${fsMessage(error)}\n`);
        code = 1;
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
      const path = abs(ctx, name);
      if (flags['no-create'] && !lookup(ctx.machine.fs(), path).ok) continue;
      const error = commit(ctx, touchFile(ctx.machine.fs(), path, actorOf(ctx)));
      if (error) {
        ctx.err(`touch: cannot touch ${shellQuote(name)}: ${fsMessage(error)}\n`);
        code = 1;
      }
    }
    return code;
  },
};

export const rm: CommandSpec = {
  name: 'rm',
  summary: 'remove files or directories',
  usage: '[OPTION]... [FILE]...',
  description: 'Remove (unlink) the FILE(s).',
  dialect: gnu,
  flags: [
    { long: 'force', short: 'f', type: 'bool', description: 'ignore nonexistent files and arguments, never prompt' },
    { long: 'recursive', short: 'r', type: 'bool', description: 'remove directories and their contents recursively' },
    { long: '', short: 'R', type: 'bool', description: 'same as -r' },
    { long: 'dir', short: 'd', type: 'bool', description: 'remove empty directories' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'explain what is being done' },
    { long: 'no-preserve-root', type: 'bool', description: "do not treat '/' specially" },
  ],
  args: [{ name: 'FILE', variadic: true, complete: 'path' }],
  run(ctx) {
    const { args, flags } = ctx.command;
    if (!args.length) {
      if (flags.force) return 0;
      return ctx.usageError('missing operand');
    }
    const recursive = Boolean(flags.recursive || flags.R);
    let code = 0;
    for (const name of args) {
      const path = abs(ctx, name);
      if (path === '/' && recursive) {
        ctx.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
        code = 1;
        continue;
      }
      if (/(^|\/)\.\.?\/?$/.test(name)) {
        ctx.err(`rm: refusing to remove '.' or '..' directory: skipping ${shellQuote(name)}\n`);
        code = 1;
        continue;
      }
      const node = lookup(ctx.machine.fs(), path);
      if (!node.ok) {
        if (!flags.force) {
          ctx.err(`rm: cannot remove ${shellQuote(name)}: ${fsMessage(node.code)}\n`);
          code = 1;
        }
        continue;
      }
      const dirOnly = node.value.kind === 'dir' && !recursive && Boolean(flags.dir);
      const error = commit(ctx, remove(ctx.machine.fs(), path, actorOf(ctx), { recursive, dirOnly }));
      if (error) {
        ctx.err(`rm: cannot remove ${shellQuote(name)}: ${fsMessage(error)}\n`);
        code = 1;
      } else if (flags.verbose) ctx.out(`removed ${node.value.kind === 'dir' ? 'directory ' : ''}${shellQuote(name)}\n`);
    }
    return code;
  },
};
