// cp and mv share their argument rules: SOURCE DEST, or SOURCE... DIRECTORY.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext, Effect } from '../../core/process';
import { basename, childNames, dirname, isWithin, lookup, makeDir, place, remove, restamp, type FsErrorCode, type FsNode } from '../fs';
import { abs, actorOf, commit, fsMessage, prompter, shellQuote, stat } from './support';

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
  const destNode = stat(ctx, dest);
  if (!destNode.ok && destNode.code !== 'ENOENT') {
    ctx.err(`${tool}: ${sources.length > 1 ? 'target' : 'cannot stat'} ${shellQuote(dest)}: ${fsMessage(destNode.code)}\n`);
    return 1;
  }
  const intoDir = destNode.ok && destNode.value.kind === 'dir';
  if (sources.length > 1 && !intoDir) {
    ctx.err(`${tool}: target ${shellQuote(dest)}: ${destNode.ok ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  const plans: Plan[] = [];
  let code = 0;
  for (const source of sources) {
    const node = stat(ctx, source);
    if (!node.ok) {
      ctx.err(`${tool}: cannot stat ${shellQuote(source)}: ${fsMessage(node.code)}\n`);
      code = 1;
      continue;
    }
    const sourcePath = abs(ctx, source);
    const target = intoDir ? `${dest.replace(/\/+$/, '')}/${basename(sourcePath)}` : dest;
    plans.push({ source, sourcePath, node: node.value, dest: target, destPath: abs(ctx, target) });
  }
  return { plans, code };
}

/** Why a file cannot be made at a new name ending in `/`: no such parent, or a file cannot be a directory. */
function slashError(ctx: CommandContext, destPath: string): FsErrorCode {
  const parent = lookup(ctx.machine.fs(), dirname(destPath));
  return parent.ok ? 'ENOTDIR' : parent.code;
}

const join = (dir: string, name: string) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

export const cp: CommandSpec = {
  name: 'cp',
  summary: 'copy files and directories',
  usage: '[OPTION]... SOURCE... DEST',
  description: 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.',
  dialect: gnu,
  flags: [
    { long: 'archive', short: 'a', type: 'bool', description: 'same as -dR --preserve=all' },
    { long: 'force', short: 'f', type: 'bool', description: 'if an existing destination file cannot be opened, remove it and try again' },
    { long: 'interactive', short: 'i', type: 'bool', description: 'prompt before overwrite' },
    { long: 'no-clobber', short: 'n', type: 'bool', description: 'do not overwrite an existing file' },
    { long: '', short: 'p', type: 'bool', description: 'same as --preserve=mode,ownership,timestamps' },
    { long: 'recursive', short: 'r', type: 'bool', description: 'copy directories recursively' },
    { long: '', short: 'R', type: 'bool', description: 'same as -r' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'explain what is being done' },
  ],
  args: [{ name: 'SOURCE', variadic: true, complete: 'path' }],
  *run(ctx) {
    const planned = plan(ctx, 'cp');
    if (typeof planned === 'number') return planned;
    const f = ctx.command.flags;
    let code = planned.code;
    const recursive = f.recursive || f.R || f.archive;
    const preserve = Boolean(f.p || f.archive);
    const ask = prompter(ctx);
    // A copy is made entry by entry, as cp does: a directory first, then what is inside it,
    // merging into a directory that is already there.
    const copy = function* (source: string, node: FsNode, dest: string, destPath: string): Generator<Effect, void, string | null> {
      const existing = lookup(ctx.machine.fs(), destPath);
      const actor = actorOf(ctx);
      let made: FsNode;
      if (node.kind === 'file') {
        if (existing.ok && existing.value.kind === 'dir') {
          ctx.err(`cp: cannot overwrite directory ${shellQuote(dest)} with non-directory\n`);
          code = 1;
          return;
        }
        if (existing.ok && (f['no-clobber'] || (f.interactive && !(yield* ask(`cp: overwrite ${shellQuote(dest)}? `))))) return;
        made = existing.ok && existing.value.kind === 'file' ? { ...existing.value, content: node.content, mtime: actor.now } : restamp(node, actor);
      } else {
        if (existing.ok && existing.value.kind === 'file') {
          ctx.err(`cp: cannot overwrite non-directory ${shellQuote(dest)} with directory ${shellQuote(source)}\n`);
          code = 1;
          return;
        }
        made = existing.ok ? existing.value : { ...makeDir(actor.user, actor.now), mode: node.mode };
      }
      if (preserve) made = { ...made, mode: node.mode, mtime: node.mtime };
      if (!existing.ok || node.kind === 'file') {
        const error = commit(ctx, place(ctx.machine.fs(), destPath, made.kind === 'dir' ? { ...made, children: {} } : made, actor));
        if (error) {
          ctx.err(`cp: cannot create ${node.kind === 'dir' ? 'directory' : 'regular file'} ${shellQuote(dest)}: ${fsMessage(error)}\n`);
          code = 1;
          return;
        }
        if (f.verbose) ctx.out(`${shellQuote(source)} -> ${shellQuote(dest)}\n`);
      }
      if (node.kind === 'dir') {
        for (const name of childNames(node).sort()) yield* copy(join(source, name), node.children[name], join(dest, name), `${destPath}/${name}`);
      }
    };
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
      if (p.node.kind === 'file' && p.dest.endsWith('/') && !lookup(ctx.machine.fs(), p.destPath).ok) {
        ctx.err(`cp: cannot create regular file ${shellQuote(p.dest)}: ${fsMessage(slashError(ctx, p.destPath))}\n`);
        code = 1;
        continue;
      }
      yield* copy(p.source, p.node, p.dest, p.destPath);
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
  flags: [
    { long: 'force', short: 'f', type: 'bool', description: 'do not prompt before overwriting' },
    { long: 'interactive', short: 'i', type: 'bool', description: 'prompt before overwrite' },
    { long: 'no-clobber', short: 'n', type: 'bool', description: 'do not overwrite an existing file' },
    { long: 'verbose', short: 'v', type: 'bool', description: 'explain what is being done' },
  ],
  args: [{ name: 'SOURCE', variadic: true, complete: 'path' }],
  *run(ctx) {
    const planned = plan(ctx, 'mv');
    if (typeof planned === 'number') return planned;
    const f = ctx.command.flags;
    const ask = prompter(ctx);
    let code = planned.code;
    for (const p of planned.plans) {
      const fail = (message: string) => {
        ctx.err(`mv: ${message}\n`);
        code = 1;
      };
      if (p.sourcePath === p.destPath) {
        fail(`${shellQuote(p.source)} and ${shellQuote(p.dest)} are the same file`);
        continue;
      }
      if (p.node.kind === 'dir' && isWithin(p.destPath, p.sourcePath)) {
        fail(`cannot move ${shellQuote(p.source)} to a subdirectory of itself, ${shellQuote(p.dest)}`);
        continue;
      }
      const existing = lookup(ctx.machine.fs(), p.destPath);
      if (existing.ok) {
        const there = existing.value;
        if (there.kind === 'dir' && p.node.kind !== 'dir') {
          fail(`cannot overwrite directory ${shellQuote(p.dest)} with non-directory`);
          continue;
        }
        if (there.kind !== 'dir' && p.node.kind === 'dir') {
          fail(`cannot overwrite non-directory ${shellQuote(p.dest)} with directory ${shellQuote(p.source)}`);
          continue;
        }
        if (f['no-clobber'] || (f.interactive && !f.force && !(yield* ask(`mv: overwrite ${shellQuote(p.dest)}? `)))) continue;
        if (there.kind === 'dir' && childNames(there).length) {
          fail(`cannot move ${shellQuote(p.source)} to ${shellQuote(p.dest)}: Directory not empty`);
          continue;
        }
      } else if (p.node.kind !== 'dir' && p.dest.endsWith('/')) {
        fail(`cannot move ${shellQuote(p.source)} to ${shellQuote(p.dest)}: ${fsMessage(slashError(ctx, p.destPath))}`);
        continue;
      }
      const actor = actorOf(ctx);
      const removed = remove(ctx.machine.fs(), p.sourcePath, actor, { recursive: true });
      const cleared = removed.ok && existing.ok && existing.value.kind === 'dir' ? remove(removed.value, p.destPath, actor, { dirOnly: true }) : removed;
      const error = commit(ctx, cleared.ok ? place(cleared.value, p.destPath, p.node, actor) : cleared);
      if (error) fail(`cannot move ${shellQuote(p.source)} to ${shellQuote(p.dest)}: ${fsMessage(error)}`);
      else if (f.verbose) ctx.out(`renamed ${shellQuote(p.source)} -> ${shellQuote(p.dest)}\n`);
    }
    return code;
  },
};
