// docker system df: disk usage by kind (images, containers, local volumes, build cache), with
// what could be reclaimed, as docker/cli's formatter/disk_usage.go computes and prints it; -v lists
// each image, container, volume and cache record. docker system prune removes what is unused.
import type { CommandContext, Effect } from '../../../core/process';
import { formatTable, DOCKER_TABLE } from '../../../core/output/tabwriter';
import { ago, humanSize } from '../../format';
import { parseFormat, renderRows } from '../../format/table-format';
import { TemplateError } from '../../../core/template';
import { statusText } from '../../engine/containers';
import { isRunning, removeFromState } from '../../engine/container-table';
import { endpointsOf, removeNetwork } from '../../engine/networks';
import { pruneImages } from '../../engine/remove';
import { chainIds, viewImage, type ImageView } from '../../engine/images';
import { stableHex } from '../../engine/networks';
import { isAnonymous, removeVolume, volumeBytes, volumeUsers } from '../../engine/volumes';
import { writableLayerBytes } from '../../engine/layer-size';
import type { DockerState } from '../../state';
import { humanDuration } from '../../format';
import { dockerCommand } from '../spec';
import { confirm } from './network';
import { naturalLess } from './port';
import { ellipsis } from './ps';
import { prunedImagesText } from './rmi';

const DEFAULT_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const HEADERS: Record<string, string> = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

interface ImageUsage {
  view: ImageView;
  size: number;
  shared: number;
  containers: number;
}

/** What the daemon's /system/df reports, from the world. */
function diskUsage(docker: DockerState) {
  const views = Object.values(docker.images)
    .map((i) => viewImage(docker, i))
    .sort((a, b) => b.created - a.created);
  // Layers are stored once however many images use them: count each chain id once.
  const users = new Map<string, number>();
  const layerSize = new Map<string, number>();
  for (const view of views) {
    chainIds(view.layers).forEach((chain, i) => {
      users.set(chain, (users.get(chain) ?? 0) + 1);
      layerSize.set(chain, view.layers[i].sizeBytes);
    });
  }
  const images: ImageUsage[] = views.map((view) => {
    const chains = chainIds(view.layers);
    const shared = chains.reduce((sum, chain, i) => sum + ((users.get(chain) ?? 0) > 1 ? view.layers[i].sizeBytes : 0), 0);
    return { view, size: view.sizeBytes, shared, containers: Object.values(docker.containers).filter((c) => c.imageId === view.id).length };
  });
  const containers = Object.values(docker.containers)
    .sort((a, b) => b.created - a.created)
    .map((c) => ({ container: c, sizeRw: writableLayerBytes(docker, c) }));
  const volumes = Object.values(docker.volumes).map((v) => ({ volume: v, size: volumeBytes(v), links: volumeUsers(docker, v.name).length }));
  const cache = Object.entries(docker.buildCache).map(([key, entry]) => ({ key, ...entry }));
  return { images, layersSize: [...layerSize.values()].reduce((a, b) => a + b, 0), containers, volumes, cache };
}

const size4 = (bytes: number) => humanSize(bytes, 4);

/** BuildKit's record ids: 25 lower-case letters and digits. */
const cacheId = (key: string) => [...stableHex(`cache:${key}`, 50)].map((h, i, all) => (i % 2 ? '' : '0123456789abcdefghijklmnopqrstuvwxyz'[parseInt(h + all[i + 1], 16) % 36])).join('').slice(0, 25);
const withPercent = (reclaimable: number, total: number) => (total > 0 ? `${size4(reclaimable)} (${Math.floor((reclaimable * 100) / total)}%)` : size4(reclaimable));

function summaryRows(usage: ReturnType<typeof diskUsage>) {
  const activeImages = usage.images.filter((i) => i.containers > 0);
  const usedByContainers = activeImages.reduce((sum, i) => sum + i.size - i.shared, 0);
  const containersTotal = usage.containers.reduce((sum, c) => sum + c.sizeRw, 0);
  const containersIdle = usage.containers.filter((c) => !isRunning(c.container)).reduce((sum, c) => sum + c.sizeRw, 0);
  const volumesTotal = usage.volumes.reduce((sum, v) => sum + v.size, 0);
  const volumesIdle = usage.volumes.filter((v) => v.links === 0).reduce((sum, v) => sum + v.size, 0);
  const cacheTotal = usage.cache.reduce((sum, c) => sum + c.sizeBytes, 0);
  return [
    { Type: 'Images', TotalCount: String(usage.images.length), Active: String(activeImages.length), Size: size4(usage.layersSize), Reclaimable: withPercent(usage.layersSize - usedByContainers, usage.layersSize) },
    { Type: 'Containers', TotalCount: String(usage.containers.length), Active: String(usage.containers.filter((c) => isRunning(c.container)).length), Size: size4(containersTotal), Reclaimable: withPercent(containersIdle, containersTotal) },
    { Type: 'Local Volumes', TotalCount: String(usage.volumes.length), Active: String(usage.volumes.filter((v) => v.links > 0).length), Size: size4(volumesTotal), Reclaimable: withPercent(volumesIdle, volumesTotal) },
    // The build cache's records are not in use once a build is over: all of it can go.
    { Type: 'Build Cache', TotalCount: String(usage.cache.length), Active: '0', Size: size4(cacheTotal), Reclaimable: size4(cacheTotal) },
  ];
}

function verbose(ctx: CommandContext, usage: ReturnType<typeof diskUsage>): string {
  const now = ctx.world().clock.now;
  const table = (rows: string[][]) => formatTable(rows, DOCKER_TABLE);
  const images = usage.images.map(({ view, size, shared, containers }) => {
    const [name] = view.tags;
    const colon = name ? name.lastIndexOf(':') : -1;
    return [name ? name.slice(0, colon) : '<none>', name ? name.slice(colon + 1) : '<none>', view.id.slice(7, 19), ago(now - view.created), humanSize(size), size4(shared), size4(size - shared), String(containers)];
  });
  const containers = usage.containers.map(({ container: c, sizeRw }) => [
    c.id.slice(0, 12),
    c.image,
    `"${ellipsis([c.path, ...c.args].join(' '), 20)}"`,
    String(c.hostConfig.mounts.filter((m) => m.type === 'volume').length),
    humanSize(sizeRw),
    ago(now - c.created),
    statusText(c, now, humanDuration),
    c.name,
  ]);
  const volumes = usage.volumes.map((v) => [v.volume.name, String(v.links), size4(v.size)]);
  const cache = usage.cache.map((c) => [cacheId(c.key).slice(0, 12), 'regular', humanSize(c.sizeBytes), ago(now - c.created), ago(now - c.created), '1', 'false']);
  const cacheTotal = usage.cache.reduce((sum, c) => sum + c.sizeBytes, 0);
  return (
    `Images space usage:\n\n${table([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], ...images])}\n` +
    `Containers space usage:\n\n${table([['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], ...containers])}\n` +
    `Local Volumes space usage:\n\n${table([['VOLUME NAME', 'LINKS', 'SIZE'], ...volumes])}\n` +
    `Build cache usage: ${size4(cacheTotal)}\n\n${table([['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'], ...cache])}`
  );
}

export const systemDf = dockerCommand('system df', {
  *run(ctx) {
    yield { type: 'wait', ms: 120 };
    const usage = diskUsage(ctx.world().docker);
    if (ctx.command.flags.verbose) {
      ctx.out(verbose(ctx, usage));
      return 0;
    }
    const format = ctx.command.flags.format === undefined ? undefined : String(ctx.command.flags.format);
    try {
      ctx.out(renderRows(parseFormat(format, DEFAULT_TABLE), summaryRows(usage), HEADERS, { typeName: '*formatter.diskUsageImagesContext' }));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      ctx.err(`${e.message}\n`);
      return 1;
    }
    return 0;
  },
});

export const systemPrune = dockerCommand('system prune', {
  *run(ctx): Generator<Effect, number, string | null> {
    const f = ctx.command.flags;
    const all = Boolean(f.all);
    const warnings = [
      'all stopped containers',
      'all networks not used by at least one container',
      ...(f.volumes ? ['all anonymous volumes not used by at least one container'] : []),
      all ? 'all images without at least one container associated to them' : 'all dangling images',
      all ? 'all build cache' : 'unused build cache',
    ];
    if (!f.force && !(yield* confirm(ctx, `WARNING! This will remove:\n${warnings.map((w) => `  - ${w}\n`).join('')}`))) return 0;
    yield { type: 'wait', ms: 200 };
    let world = ctx.world();
    let reclaimed = 0;
    let out = '';
    const stopped = Object.values(world.docker.containers)
      .filter((c) => !isRunning(c))
      .sort((a, b) => b.created - a.created);
    for (const c of stopped) {
      reclaimed += writableLayerBytes(world.docker, c);
      world = removeFromState(world, c.id);
    }
    if (stopped.length) out += `Deleted Containers:\n${stopped.map((c) => `${c.id}\n`).join('')}\n`;
    const networks = Object.values(world.docker.networks)
      .filter((n) => n.userDefined && !endpointsOf(world.docker, n).length)
      .sort((a, b) => naturalLess(a.name, b.name));
    for (const n of networks) {
      const removed = removeNetwork(world, n.name);
      if (removed.ok) world = removed.world;
    }
    if (networks.length) out += `Deleted Networks:\n${networks.map((n) => `${n.name}\n`).join('')}\n`;
    if (f.volumes) {
      const docker = world.docker;
      const volumes = Object.values(docker.volumes)
        .filter((v) => isAnonymous(v.name) && !volumeUsers(docker, v.name).length)
        .sort((a, b) => naturalLess(a.name, b.name));
      for (const v of volumes) {
        reclaimed += volumeBytes(v);
        const removed = removeVolume(world, v.name);
        if (removed.ok) world = removed.world;
      }
      if (volumes.length) out += `Deleted Volumes:\n${volumes.map((v) => `${v.name}\n`).join('')}\n`;
    }
    const images = pruneImages(world.docker, all);
    world = { ...world, docker: images.docker };
    reclaimed += images.reclaimed;
    out += prunedImagesText(images.records);
    const cache = Object.entries(world.docker.buildCache).sort(([, a], [, b]) => a.created - b.created);
    if (cache.length) {
      reclaimed += cache.reduce((sum, [, entry]) => sum + entry.sizeBytes, 0);
      out += `Deleted build cache objects:\n${cache.map(([key]) => `${cacheId(key)}\n`).join('')}\n`;
      world = { ...world, docker: { ...world.docker, buildCache: {} } };
    }
    ctx.update(() => world);
    ctx.out(`${out}Total reclaimed space: ${size4(reclaimed)}\n`);
    return 0;
  },
});
