// docker create: everything docker run does before starting (pull when needed, create, print the
// id); and docker container prune, which removes every container that is not running.
import type { Effect } from '../../../core/process';
import { byteLength, childOf, type DirNode, type FsNode } from '../../../shell/fs';
import { humanSize } from '../../format';
import { imageOf } from '../../engine/container-machine';
import { createContainer, isRunning, removeFromState } from '../../engine/containers';
import { viewImage } from '../../engine/images';
import { buildRootfs } from '../../engine/rootfs';
import type { Container } from '../../state';
import type { World } from '../../../world';
import { runError } from '../output';
import { dockerCommand } from '../spec';
import { confirm } from './network';
import { createOptions, ensureImage } from './run';

type Run = Generator<Effect, number, string | null>;

export const create = dockerCommand('create', {
  args: [{ name: 'IMAGE' }, { name: 'COMMAND', optional: true }, { name: 'ARG', optional: true, variadic: true }],
  stopAtFirstArg: true,
  complete: { network: ['bridge', 'host', 'none'], restart: ['no', 'always', 'unless-stopped', 'on-failure'] },
  *run(ctx): Run {
    const [imageName, ...command] = ctx.command.args;
    const options = createOptions(ctx, imageName, command, 'create');
    if (typeof options === 'number') return options;
    const imageId = yield* ensureImage(ctx, imageName, 'create');
    if (typeof imageId === 'number') return imageId;
    if (options.refusal) return runError(ctx, 'create', options.refusal);
    const image = viewImage(ctx.world().docker, ctx.world().docker.images[imageId]);
    const created = createContainer(ctx.world(), { ...options, image });
    if (!created.ok) return runError(ctx, 'create', created.error);
    ctx.update(() => created.world);
    yield { type: 'wait', ms: 110 };
    ctx.out(`${created.id}\n`);
    return 0;
  },
});

/** Bytes of the container's writable layer: files it added or changed over its image's tree. */
function layerBytes(world: World, c: Container): number {
  if (!c.fs) return 0;
  const image = imageOf(world, c);
  if (!image) return 0;
  const base = buildRootfs(c, image, c.created);
  // /etc/hosts, hostname and resolv.conf are the engine's bind mounts, not the container's layer.
  const engineFiles = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);
  const walk = (node: FsNode, was: FsNode | undefined, path: string): number => {
    if (node.kind === 'file') return engineFiles.has(path) || (was?.kind === 'file' && was.content === node.content) ? 0 : byteLength(node.content);
    return Object.keys(node.children).reduce((sum, name) => sum + walk(childOf(node, name)!, was?.kind === 'dir' ? childOf(was as DirNode, name) : undefined, `${path}/${name}`), 0);
  };
  return walk(c.fs, base, '');
}

export const containerPrune = dockerCommand('container prune', {
  *run(ctx): Run {
    if (!ctx.command.flags.force && !(yield* confirm(ctx, 'WARNING! This will remove all stopped containers.'))) return 0;
    yield { type: 'wait', ms: 80 };
    const world = ctx.world();
    const stopped = Object.values(world.docker.containers)
      .filter((c) => !isRunning(c))
      .sort((a, b) => b.created - a.created);
    const reclaimed = stopped.reduce((sum, c) => sum + layerBytes(world, c), 0);
    ctx.update((w) => stopped.reduce((next, c) => removeFromState(next, c.id), w));
    if (stopped.length) ctx.out(`Deleted Containers:\n${stopped.map((c) => `${c.id}\n`).join('')}\n`);
    ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
});
