// cp and mv share their argument rules: SOURCE DEST, or SOURCE... DIRECTORY.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { basename, isWithin, lookup, place, remove, restamp, type FsNode } from '../fs';
import { abs, actorOf, commit, fsMessage, shellQuote } from './support';

interface Plan {
  source: string;
  sourcePath: string;
  node: FsNode;
  dest: string;
  destPath: string;
}

/** Works out where each source goes, printing cp/mv's own errors for what cannot. */
function plan(ctx: CommandContext, tool: 'cp' | 'mv'): { plans: Plan[]; code: number } | number {
  const args = ctx.command.args;
  if (args.length === 0) return ctx.usageError('missing file operand');
  if (args.length === 1) return ctx.usageError(`missing destination file operand after ${shellQuote(args[0])}`);
  const dest = args[args.length - 1];
  const sources = args.slice(0, -1);
  const destNode = lookup(ctx.machine.fs(), abs(ctx, dest));
  const intoDir = destNode.ok && destNode.value.kind === 'dir';
  if (sources.length > 1 && !intoDir) {
    ctx.err(`${tool}: target ${shellQuote(dest)}: ${destNode.ok ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  const plans: Plan[] = [];
  let code = 0;
  for (const source of sources) {
    const sourcePath = abs(ctx, source);
    const node = lookup(ctx.machine.fs(), sourcePath);
    if (!node.ok) {
      ctx.err(`${tool}: cannot stat ${shellQuote(source)}: ${fsMessage(node.code)}\n`);
      code = 1;
      continue;
    }
    const target = intoDir ? `${dest.replace(/\/+$/, '')}/${basename(sourcePath)}` : dest;
    plans.push({ source, sourcePath, node: node.value, dest: target, destPath: abs(ctx, target) });
  }
  return { plans, code };
}

export const cp: CommandSpec = {
  name: 'cp',
  summary: 'copy files and directories',
  usage: '[OPTION]... SOURCE... DEST',
  description: 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.',
  dialect: gnu,
  flags: [
    { long: 'recursive', short: 'r', type: 'bool', description: 'copy directories recursively' },
    { long: '', short: 'R', type: 'bool', description: 'same as -r' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'explain what is being done' },
  ],
  args: [{ name: 'SOURCE', variadic: true, complete: 'path' }],
  run(ctx) {
    const planned = plan(ctx, 'cp');
    if (typeof planned === 'number') return planned;
    let code = planned.code;
    const recursive = ctx.command.flags.recursive || ctx.command.flags.R;
    for (const p of planned.plans) {
      if (p.node.kind === 'dir' && !recursive) {
        ctx.err(`cp: -r not specified; omitting directory ${shellQuote(p.source)}\n`);
        code = 1;
        continue;
      }
      if (p.sourcePath === p.destPath) {
        ctx.err(`cp: ${shellQuote(p.source)} and ${shellQuote(p.dest)} are the same file\n`);
        code = 1;
        continue;
      }
      if (p.node.kind === 'dir' && isWithin(p.destPath, p.sourcePath)) {
        ctx.err(`cp: cannot copy a directory, ${shellQuote(p.source)}, into itself, ${shellQuote(p.dest)}\n`);
        code = 1;
        continue;
      }
      const existing = lookup(ctx.machine.fs(), p.destPath);
      if (existing.ok && existing.value.kind === 'dir' && p.node.kind !== 'dir') {
        ctx.err(`cp: cannot overwrite directory ${shellQuote(p.dest)} with non-directory\n`);
        code = 1;
        continue;
      }
      const copy = existing.ok && existing.value.kind === 'file' && p.node.kind === 'file'
        ? { ...existing.value, content: p.node.content, mtime: ctx.machine.now() }
        : restamp(p.node, actorOf(ctx));
      const error = commit(ctx, place(ctx.machine.fs(), p.destPath, copy, actorOf(ctx)));
      if (error) {
        ctx.err(`cp: cannot create ${p.node.kind === 'dir' ? 'directory' : 'regular file'} ${shellQuote(p.dest)}: ${fsMessage(error)}\n`);
        code = 1;
      } else if (ctx.command.flags.verbose) ctx.out(`${shellQuote(p.source)} -> ${shellQuote(p.dest)}\n`);
    }
    return code;
  },
};

export const mv: CommandSpec = {
  name: 'mv',
  summary: 'move (rename) files',
  usage: '[OPTION]... SOURCE... DEST',
  description: 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.',
  dialect: gnu,
  flags: [{ long: 'verbose', short: 'v', type: 'bool', description: 'explain what is being done' }],
  args: [{ name: 'SOURCE', variadic: true, complete: 'path' }],
  run(ctx) {
    const planned = plan(ctx, 'mv');
    if (typeof planned === 'number') return planned;
    let code = planned.code;
    for (const p of planned.plans) {
      if (p.sourcePath === p.destPath) {
        ctx.err(`mv: ${shellQuote(p.source)} and ${shellQuote(p.dest)} are the same file\n`);
        code = 1;
        continue;
      }
      if (p.node.kind === 'dir' && isWithin(p.destPath, p.sourcePath)) {
        ctx.err(`mv: cannot move ${shellQuote(p.source)} to a subdirectory of itself, ${shellQuote(p.dest)}\n`);
        code = 1;
        continue;
      }
      const existing = lookup(ctx.machine.fs(), p.destPath);
      if (existing.ok && existing.value.kind === 'dir') {
        ctx.err(`mv: cannot overwrite directory ${shellQuote(p.dest)} with non-directory\n`);
        code = 1;
        continue;
      }
      const before = ctx.machine.fs();
      const removed = remove(before, p.sourcePath, actorOf(ctx), { recursive: true });
      const placed = removed.ok ? place(removed.value, p.destPath, p.node, actorOf(ctx)) : removed;
      const error = commit(ctx, placed);
      if (error) {
        ctx.err(`mv: cannot move ${shellQuote(p.source)} to ${shellQuote(p.dest)}: ${fsMessage(error)}\n`);
        code = 1;
      } else if (ctx.command.flags.verbose) ctx.out(`renamed ${shellQuote(p.source)} -> ${shellQuote(p.dest)}\n`);
    }
    return code;
  },
};
