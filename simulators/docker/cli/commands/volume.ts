// docker volume: ls, create, rm, inspect, prune. A volume is data kept apart from any container;
// one in use by a container (running or not) cannot be removed.
import { own } from '../../../core/own';
import { hexId } from '../../../core/ids';
import type { CommandContext, Effect } from '../../../core/process';
import { humanSize } from '../../format';
import { parseFormat, renderRows } from '../../format/table-format';
import { TemplateError } from '../../../core/template';
import { createVolume, invalidVolumeName, isAnonymous, removeVolume, VOLUME_NAME, volumeBytes, volumeMountpoint, volumeUsers } from '../../engine/volumes';
import type { Volume } from '../../state';
import { daemonError } from '../output';
import { dockerCommand } from '../spec';
import { printInspect, volumeLookup } from './inspect';
import { confirm } from './network';
import { naturalLess } from './port';

type Run = Generator<Effect, number, string | null>;

const LS_TABLE = 'table {{.Driver}}\t{{.Name}}';
const LS_HEADERS: Record<string, string> = { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Scope: 'SCOPE', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Availability: 'AVAILABILITY', Group: 'GROUP' };

function filtersFor(ctx: CommandContext, raw: readonly string[]): ((v: Volume) => boolean)[] | number {
  const filters: ((v: Volume) => boolean)[] = [];
  for (const f of raw) {
    const eq = f.indexOf('=');
    if (eq === -1) {
      ctx.err(`invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker volume ls [OPTIONS]\n\nRun 'docker volume ls --help' for more information\n`);
      return 125;
    }
    const [key, value] = [f.slice(0, eq), f.slice(eq + 1)];
    switch (key) {
      case 'name':
        filters.push((v) => v.name.includes(value));
        break;
      case 'driver':
        filters.push((v) => v.driver === value);
        break;
      case 'dangling': {
        if (!['true', 'false', '1', '0'].includes(value)) return daemonError(ctx, `invalid filter 'dangling=${value}'`);
        const dangling = value === 'true' || value === '1';
        filters.push((v) => (volumeUsers(ctx.world().docker, v.name).length === 0) === dangling);
        break;
      }
      case 'label':
        filters.push((v) => isAnonymous(v.name) && value.split('=')[0] === 'com.docker.volume.anonymous');
        break;
      default:
        return daemonError(ctx, `invalid filter '${key}'`);
    }
  }
  return filters;
}

export const volumeLs = dockerCommand('volume ls', {
  aliases: ['list'],
  *run(ctx): Run {
    const f = ctx.command.flags;
    yield { type: 'wait', ms: 30 };
    const filters = filtersFor(ctx, f.filter as string[]);
    if (typeof filters === 'number') return filters;
    const volumes = Object.values(ctx.world().docker.volumes)
      .filter((v) => filters.every((fn) => fn(v)))
      .sort((a, b) => naturalLess(a.name, b.name));
    if (f.quiet) {
      ctx.out(volumes.map((v) => `${v.name}\n`).join(''));
      return 0;
    }
    const rows = volumes.map((v) => ({
      Driver: v.driver,
      Name: v.name,
      Mountpoint: volumeMountpoint(v.name),
      Scope: 'local',
      Labels: isAnonymous(v.name) ? 'com.docker.volume.anonymous=' : '',
      Links: 'N/A',
      Size: 'N/A',
      Availability: 'N/A',
      Group: 'N/A',
    }));
    try {
      ctx.out(renderRows(parseFormat(f.format === undefined ? undefined : String(f.format), LS_TABLE), rows, LS_HEADERS, { typeName: '*volume.volumeContext' }));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      ctx.err(`${e.message}\n`);
      return 1;
    }
    return 0;
  },
});

export const volumeCreate = dockerCommand('volume create', {
  args: [{ name: 'VOLUME', optional: true }],
  complete: { driver: ['local'] },
  *run(ctx): Run {
    const f = ctx.command.flags;
    yield { type: 'wait', ms: 40 };
    let name = ctx.command.args[0];
    const driver = f.driver ? String(f.driver) : 'local';
    if (name === undefined) {
      const [id, rng] = hexId(ctx.world().rng);
      ctx.update((w) => ({ ...w, rng }));
      name = id;
    }
    if (!VOLUME_NAME.test(name)) return daemonError(ctx, invalidVolumeName(name));
    if (driver !== 'local') return daemonError(ctx, `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    const existing = own(ctx.world().docker.volumes, name);
    if (!existing) ctx.update((w) => createVolume(w, name!));
    ctx.out(`${name}\n`);
    return 0;
  },
});

export const volumeRm = dockerCommand('volume rm', {
  args: [{ name: 'VOLUME', variadic: true }],
  aliases: ['remove'],
  *run(ctx): Run {
    const errors: string[] = [];
    for (const name of ctx.command.args) {
      yield { type: 'wait', ms: 30 };
      const removed = removeVolume(ctx.world(), name, Boolean(ctx.command.flags.force));
      if (!removed.ok) {
        errors.push(`Error response from daemon: ${removed.error}`);
        continue;
      }
      ctx.update(() => removed.world);
      ctx.out(`${name}\n`);
    }
    if (errors.length) {
      ctx.err(`${errors.join('\n')}\n`);
      return 1;
    }
    return 0;
  },
});

export const volumeInspect = dockerCommand('volume inspect', {
  args: [{ name: 'VOLUME', variadic: true }],
  *run(ctx): Run {
    yield { type: 'wait', ms: 25 };
    const format = ctx.command.flags.format === undefined ? undefined : String(ctx.command.flags.format);
    return printInspect(ctx, ctx.command.args, format, volumeLookup(ctx.world()));
  },
});

export const volumePrune = dockerCommand('volume prune', {
  *run(ctx): Run {
    const all = Boolean(ctx.command.flags.all);
    const warning = all ? 'WARNING! This will remove all local volumes not used by at least one container.' : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
    if (!ctx.command.flags.force && !(yield* confirm(ctx, warning))) return 0;
    yield { type: 'wait', ms: 80 };
    const docker = ctx.world().docker;
    // Without --all only anonymous volumes go: named ones are kept on purpose.
    const unused = Object.values(docker.volumes)
      .filter((v) => (all || isAnonymous(v.name)) && !volumeUsers(docker, v.name).length)
      .sort((a, b) => naturalLess(a.name, b.name));
    const reclaimed = unused.reduce((sum, v) => sum + volumeBytes(v), 0);
    let world = ctx.world();
    for (const v of unused) {
      const removed = removeVolume(world, v.name);
      if (removed.ok) world = removed.world;
    }
    ctx.update(() => world);
    if (unused.length) ctx.out(`Deleted Volumes:\n${unused.map((v) => `${v.name}\n`).join('')}\n`);
    ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
});
