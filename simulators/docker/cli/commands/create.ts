// docker create: everything docker run does before starting (pull when needed, create, print the
// id); and docker container prune, which removes every container that is not running.
import type { Effect } from '../../../core/process';
import { humanSize } from '../../format';
import { createContainer } from '../../engine/containers';
import { isRunning, removeFromState } from '../../engine/container-table';
import { viewImage } from '../../engine/images';
import { writableLayerBytes } from '../../engine/layer-size';
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

export const containerPrune = dockerCommand('container prune', {
  *run(ctx): Run {
    if (!ctx.command.flags.force && !(yield* confirm(ctx, 'WARNING! This will remove all stopped containers.'))) return 0;
    yield { type: 'wait', ms: 80 };
    const world = ctx.world();
    const stopped = Object.values(world.docker.containers)
      .filter((c) => !isRunning(c))
      .sort((a, b) => b.created - a.created);
    const reclaimed = stopped.reduce((sum, c) => sum + writableLayerBytes(world.docker, c), 0);
    ctx.update((w) => stopped.reduce((next, c) => removeFromState(next, c.id), w));
    if (stopped.length) ctx.out(`Deleted Containers:\n${stopped.map((c) => `${c.id}\n`).join('')}\n`);
    ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
});
