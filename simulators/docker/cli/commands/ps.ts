// docker ps / docker container ls: the containers table, its filters and formats.
import { RE2JS } from 're2js';
import type { CommandContext } from '../../../core/process';
import { formatTable, DOCKER_TABLE } from '../../../core/output/tabwriter';
import { ago, humanDuration, humanSize } from '../../format';
import { imageOf } from '../../engine/container-machine';
import { writableLayerBytes } from '../../engine/layer-size';
import { statusText } from '../../engine/containers';
import { isRunning } from '../../engine/container-table';
import { formatPorts } from '../../engine/ports';
import type { Container } from '../../state';
import { findImage } from '../../engine/images';
import { dockerCommand } from '../spec';
import { renderFormatted } from '../formatting';

const COMMAND_WIDTH = 20;

/** docker's Ellipsis: cut to `width` characters, the last one an ellipsis. */
export function ellipsis(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * The IMAGE column: the name the container was created from while it still names the same image;
 * once that name is gone or moved (rmi -f, a rebuild), the daemon gives the image id instead.
 */
function imageColumn(c: Container, resolve: (name: string) => string | undefined, noTrunc: boolean): string {
  if (resolve(c.image) === c.imageId) return c.image;
  return noTrunc ? c.imageId : c.imageId.replace(/^sha256:/, '').slice(0, 12);
}

/** The default table's cells, computed directly: `docker ps` over a thousand containers stays fast. */
function tableCells(c: Container, now: number, noTrunc: boolean, resolve: (name: string) => string | undefined): string[] {
  const command = [c.path, ...c.args].join(' ');
  return [
    noTrunc ? c.id : c.id.slice(0, 12),
    imageColumn(c, resolve, noTrunc),
    `"${noTrunc ? command : ellipsis(command, COMMAND_WIDTH)}"`,
    ago(now - c.created),
    statusText(c, now, humanDuration),
    portsColumn(c),
    c.name,
  ];
}

/** Ports come from the live network settings: a created or exited container, or one on the host's network, shows none. */
const portsColumn = (c: Container) => (isRunning(c) && c.hostConfig.networkMode !== 'host' ? formatPorts(c.hostConfig.portBindings, c.config.exposedPorts) : '');

/** Every field `--format` can name (docker's ContainerContext). */
export function containerRow(c: Container, now: number, noTrunc: boolean, resolve: (name: string) => string | undefined, sizeColumn: (c: Container) => string = () => '') {
  const [ID, Image, Command, RunningFor, Status, Ports, Names] = tableCells(c, now, noTrunc, resolve);
  return {
    ID,
    Image,
    Command,
    CreatedAt: `${new Date(c.created).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`,
    RunningFor,
    Ports,
    State: c.state.status,
    Status,
    Size: sizeColumn(c),
    Names,
    Labels: Object.entries(c.config.labels).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: c.hostConfig.mounts.map((m) => m.source).join(','),
    Networks: Object.keys(c.networks).join(',') || c.hostConfig.networkMode,
    LocalVolumes: String(c.hostConfig.mounts.filter((m) => m.type === 'volume').length),
  };
}


/**
 * `--filter name=...` as the daemon matches it: the name as stored (with its leading `/`) equal
 * to the value, or matched by it as a Go regular expression (RE2, linear time: the value may be
 * anything); a value Go cannot compile matches nothing.
 */
function nameFilter(value: string): (c: { name: string }) => boolean {
  let re: RE2JS | undefined;
  try {
    re = RE2JS.compile(value);
  } catch {
    re = undefined;
  }
  return (c) => `/${c.name}` === value || Boolean(re?.test(`/${c.name}`));
}
export const CONTAINER_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE',
  Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES',
};

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

type Filter = (c: Container) => boolean;

function parseFilters(ctx: CommandContext, raw: readonly string[]): Filter[] | number {
  const filters: Filter[] = [];
  for (const f of raw) {
    const eq = f.indexOf('=');
    if (eq === -1) {
      ctx.err(`invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n`);
      return 125;
    }
    const key = f.slice(0, eq);
    const value = f.slice(eq + 1);
    switch (key) {
      case 'name':
        filters.push(nameFilter(value));
        break;
      case 'id':
        filters.push((c) => c.id.startsWith(value));
        break;
      case 'status':
        if (!['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'].includes(value)) {
          ctx.err(`Error response from daemon: invalid filter 'status=${value}'\n`);
          return 1;
        }
        filters.push((c) => c.state.status === value);
        break;
      case 'exited':
        filters.push((c) => c.state.status === 'exited' && String(c.state.exitCode) === value);
        break;
      case 'ancestor':
        filters.push((c) => c.image === value || c.image === `${value}:latest` || `${c.image}:latest` === value || c.imageId.slice(7).startsWith(value.replace(/^sha256:/, '')));
        break;
      case 'label': {
        const [k, v] = value.split('=');
        filters.push((c) => k in c.config.labels && (v === undefined || c.config.labels[k] === v));
        break;
      }
      case 'publish':
      case 'expose':
        filters.push((c) => c.hostConfig.portBindings.some((b) => String(key === 'publish' ? b.hostPort : b.containerPort) === value.split('/')[0]));
        break;
      case 'network':
        filters.push((c) => value in c.networks || c.hostConfig.networkMode === value);
        break;
      default:
        ctx.err(`Error response from daemon: invalid filter '${key}'\n`);
        return 1;
    }
  }
  return filters;
}

export const ps = dockerCommand('ps', {
  *run(ctx) {
    const f = ctx.command.flags;
    yield { type: 'wait', ms: 40 };
    const filters = parseFilters(ctx, f.filter as string[]);
    if (typeof filters === 'number') return filters;
    const now = ctx.world().clock.now;
    let list = Object.values(ctx.world().docker.containers).sort((a, b) => b.created - a.created);
    const last = Number(f.last);
    const showAll = Boolean(f.all) || last > 0 || Boolean(f.latest) || (f.filter as string[]).some((x) => x.startsWith('status=') || x.startsWith('exited='));
    if (!showAll) list = list.filter(isRunning);
    list = list.filter((c) => filters.every((fn) => fn(c)));
    if (f.latest) list = list.slice(0, 1);
    else if (last > 0) list = list.slice(0, last);
    const noTrunc = Boolean(f['no-trunc']);
    if (f.quiet && f.format !== undefined && f.format !== '') ctx.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    if (f.quiet) {
      ctx.out(list.map((c) => `${noTrunc ? c.id : c.id.slice(0, 12)}\n`).join(''));
      return 0;
    }
    const docker = ctx.world().docker;
    const resolved = new Map<string, string | undefined>();
    const resolve = (name: string) => {
      if (!resolved.has(name)) resolved.set(name, findImage(docker, name)?.id);
      return resolved.get(name);
    };
    const world = ctx.world();
    const sizes = new Map<string, number>();
    const imageBytes = (c: Container) => sizes.get(c.imageId) ?? sizes.set(c.imageId, imageOf(world, c)?.sizeBytes ?? 0).get(c.imageId)!;
    // The writable layer, and as "virtual" that layer with the image beneath.
    const sizeColumn = (c: Container) => {
      const rw = writableLayerBytes(world.docker, c);
      return `${humanSize(rw)} (virtual ${humanSize(rw + imageBytes(c))})`;
    };
    if (f.format === undefined || f.format === '' || f.format === 'table') {
      const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(f.size ? ['SIZE'] : [])];
      const cells = list.map((c) => [...tableCells(c, now, noTrunc, resolve), ...(f.size ? [sizeColumn(c)] : [])]);
      ctx.out(formatTable([header, ...cells], DOCKER_TABLE));
      return 0;
    }
    const rows = list.map((c) => containerRow(c, now, noTrunc, resolve, sizeColumn));
    return renderFormatted(ctx, String(f.format), DEFAULT_TABLE, rows, CONTAINER_HEADERS, '*formatter.ContainerContext');
  },
});

export const containerLs = { ...ps, name: 'ls', aliases: ['list', 'ps'] };
