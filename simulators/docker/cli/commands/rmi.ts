// docker rmi / docker image rm: one daemon request per image, its records printed as they come
// (`Untagged: ...`, `Deleted: sha256:...`), the errors gathered and printed at the end. With -f,
// images that do not exist are reported but do not fail the command (docker/cli image/remove.go).
// docker image prune removes the images no container uses (dangling ones only, without -a).
import { humanSize } from '../../format';
import { deleteImage, pruneImages, type DeleteRecord } from '../../engine/remove';
import { latency } from '../output';
import { dockerCommand } from '../spec';
import { confirm } from './network';

export const rmi = dockerCommand('rmi', {
  args: [{ name: 'IMAGE', variadic: true }],
  *run(ctx) {
    const force = Boolean(ctx.command.flags.force);
    const errors: string[] = [];
    let fatal = false;
    for (const input of ctx.command.args) {
      yield latency(40);
      const result = deleteImage(ctx.world().docker, input, { force });
      if (!result.ok) {
        if (!result.notFound) fatal = true;
        errors.push(`Error response from daemon: ${result.error}`);
        continue;
      }
      ctx.update((w) => ({ ...w, docker: result.docker }));
      ctx.out(result.records.map((r) => ('deleted' in r ? `Deleted: ${r.deleted}\n` : `Untagged: ${r.untagged}\n`)).join(''));
      if (result.records.some((r) => 'deleted' in r)) yield latency(60);
    }
    if (!errors.length) return 0;
    ctx.err(`${errors.join('\n')}\n`);
    return force && !fatal ? 0 : 1;
  },
});

export const imageRm = { ...rmi, name: 'rm', aliases: ['remove'] };

/** How docker prune commands list what the image pruner removed (lower-case, unlike docker rmi). */
export function prunedImagesText(records: DeleteRecord[]): string {
  if (!records.length) return '';
  return `Deleted Images:\n${records.map((r) => ('deleted' in r ? `deleted: ${r.deleted}\n` : `untagged: ${r.untagged}\n`)).join('')}\n`;
}

export const imagePrune = dockerCommand('image prune', {
  *run(ctx) {
    const all = Boolean(ctx.command.flags.all);
    const warning = all ? 'WARNING! This will remove all images without at least one container associated to them.' : 'WARNING! This will remove all dangling images.';
    if (!ctx.command.flags.force && !(yield* confirm(ctx, warning))) return 0;
    yield latency(120);
    const pruned = pruneImages(ctx.world().docker, all);
    ctx.update((w) => ({ ...w, docker: pruned.docker }));
    ctx.out(`${prunedImagesText(pruned.records)}Total reclaimed space: ${humanSize(pruned.reclaimed, 4)}\n`);
    return 0;
  },
});
