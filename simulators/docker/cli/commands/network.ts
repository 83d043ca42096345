// docker network: ls, create, rm, connect, disconnect, inspect, prune. The default bridge, host and
// none always exist; user-defined bridges get the next free subnet and name resolution.
import type { CommandContext, Effect } from '../../../core/process';
import { lineReader } from '../../../core/tty';
import { parseFormat, renderRows } from '../../format/table-format';
import { TemplateError } from '../../../core/template';
import { findContainer } from '../../engine/container-table';
import { connectNetwork, createNetwork, disconnectNetwork, endpointsOf, removeNetwork } from '../../engine/networks';
import type { Network } from '../../state';
import { daemonError } from '../output';
import { dockerCommand } from '../spec';
import { networkLookup, printInspect } from './inspect';
import { naturalLess } from './port';

type Run = Generator<Effect, number, string | null>;

/** docker's prompt.Confirm: the warning, `[y/N] `, and only `y` or `Y` goes on. */
export function* confirm(ctx: CommandContext, warning: string): Generator<Effect, boolean, string | null> {
  ctx.out(`${warning}\nAre you sure you want to continue? [y/N] `);
  let answer: string | null;
  if (ctx.stdin !== null) answer = ctx.stdin.split('\n')[0] ?? null;
  else answer = yield* lineReader().next(ctx);
  return answer !== null && answer.trim().toLowerCase() === 'y';
}

const shortId = (id: string, noTrunc: boolean) => (noTrunc ? id : id.slice(0, 12));
const createdAt = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`;

const LS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const LS_HEADERS: Record<string, string> = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' };

type NetworkFilter = (n: Network) => boolean;

function parseFilters(ctx: CommandContext, raw: readonly string[]): NetworkFilter[] | number {
  const filters: NetworkFilter[] = [];
  for (const f of raw) {
    const eq = f.indexOf('=');
    if (eq === -1) {
      ctx.err(`invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker network ls [OPTIONS]\n\nRun 'docker network ls --help' for more information\n`);
      return 125;
    }
    const [key, value] = [f.slice(0, eq), f.slice(eq + 1)];
    switch (key) {
      case 'name':
        filters.push((n) => n.name.includes(value));
        break;
      case 'id':
        filters.push((n) => n.id.startsWith(value));
        break;
      case 'driver':
        filters.push((n) => n.driver === value);
        break;
      case 'scope':
        filters.push((n) => n.scope === value);
        break;
      case 'type':
        if (value !== 'custom' && value !== 'builtin') return daemonError(ctx, `invalid filter: 'type'='${value}'`);
        filters.push((n) => (value === 'custom') === n.userDefined);
        break;
      case 'label':
        filters.push(() => false);
        break;
      default:
        return daemonError(ctx, `invalid filter '${key}'`);
    }
  }
  return filters;
}

export const networkLs = dockerCommand('network ls', {
  aliases: ['list'],
  *run(ctx): Run {
    const f = ctx.command.flags;
    yield { type: 'wait', ms: 30 };
    const filters = parseFilters(ctx, f.filter as string[]);
    if (typeof filters === 'number') return filters;
    const noTrunc = Boolean(f['no-trunc']);
    const networks = Object.values(ctx.world().docker.networks)
      .filter((n) => filters.every((fn) => fn(n)))
      .sort((a, b) => naturalLess(a.name, b.name));
    if (f.quiet) {
      ctx.out(networks.map((n) => `${shortId(n.id, noTrunc)}\n`).join(''));
      return 0;
    }
    const rows = networks.map((n) => ({
      ID: shortId(n.id, noTrunc),
      Name: n.name,
      Driver: n.driver,
      Scope: n.scope,
      IPv6: 'false',
      Internal: 'false',
      Labels: '',
      CreatedAt: createdAt(n.created),
    }));
    try {
      ctx.out(renderRows(parseFormat(f.format === undefined ? undefined : String(f.format), LS_TABLE), rows, LS_HEADERS, { typeName: '*network.networkContext' }));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      ctx.err(`${e.message}\n`);
      return 1;
    }
    return 0;
  },
});

export const networkCreate = dockerCommand('network create', {
  args: [{ name: 'NETWORK' }],
  complete: { driver: ['bridge', 'overlay', 'macvlan', 'ipvlan'] },
  *run(ctx): Run {
    const f = ctx.command.flags;
    const [name] = ctx.command.args;
    yield { type: 'wait', ms: 60 };
    const subnets = f.subnet as string[];
    const gateways = f.gateway as string[];
    const created = createNetwork(ctx.world(), { name, driver: f.driver ? String(f.driver) : 'bridge', subnet: subnets[0], gateway: gateways[0] });
    if (!created.ok) return daemonError(ctx, created.error);
    ctx.update(() => created.world);
    ctx.out(`${created.id}\n`);
    return 0;
  },
});

export const networkRm = dockerCommand('network rm', {
  args: [{ name: 'NETWORK', variadic: true }],
  aliases: ['remove'],
  *run(ctx): Run {
    let status = 0;
    for (const ref of ctx.command.args) {
      yield { type: 'wait', ms: 40 };
      const removed = removeNetwork(ctx.world(), ref);
      if (!removed.ok) {
        if (ctx.command.flags.force && removed.error === `network ${ref} not found`) continue;
        ctx.err(`Error response from daemon: ${removed.error}\n`);
        status = 1;
        continue;
      }
      ctx.update(() => removed.world);
      ctx.out(`${ref}\n`);
    }
    return status;
  },
});

export const networkConnect = dockerCommand('network connect', {
  args: [{ name: 'NETWORK' }, { name: 'CONTAINER' }],
  *run(ctx): Run {
    const [networkRef, containerRef] = ctx.command.args;
    yield { type: 'wait', ms: 50 };
    const container = findContainer(ctx.world().docker, containerRef);
    if (!container) return daemonError(ctx, `No such container: ${containerRef}`);
    const connected = connectNetwork(ctx.world(), networkRef, container, ctx.command.flags.alias as string[]);
    if (!connected.ok) return daemonError(ctx, connected.error);
    ctx.update(() => connected.world);
    return 0;
  },
});

export const networkDisconnect = dockerCommand('network disconnect', {
  args: [{ name: 'NETWORK' }, { name: 'CONTAINER' }],
  *run(ctx): Run {
    const [networkRef, containerRef] = ctx.command.args;
    yield { type: 'wait', ms: 50 };
    const container = findContainer(ctx.world().docker, containerRef);
    if (!container) return daemonError(ctx, `No such container: ${containerRef}`);
    const disconnected = disconnectNetwork(ctx.world(), networkRef, container);
    if (!disconnected.ok) return daemonError(ctx, disconnected.error);
    ctx.update(() => disconnected.world);
    return 0;
  },
});

export const networkInspect = dockerCommand('network inspect', {
  args: [{ name: 'NETWORK', variadic: true }],
  *run(ctx): Run {
    yield { type: 'wait', ms: 25 };
    const format = ctx.command.flags.format === undefined ? undefined : String(ctx.command.flags.format);
    return printInspect(ctx, ctx.command.args, format, networkLookup(ctx.world()));
  },
});

export const networkPrune = dockerCommand('network prune', {
  *run(ctx): Run {
    if (!ctx.command.flags.force && !(yield* confirm(ctx, 'WARNING! This will remove all custom networks not used by at least one container.'))) return 0;
    yield { type: 'wait', ms: 80 };
    const docker = ctx.world().docker;
    const unused = Object.values(docker.networks)
      .filter((n) => n.userDefined && !endpointsOf(docker, n).length)
      .sort((a, b) => naturalLess(a.name, b.name));
    let world = ctx.world();
    for (const n of unused) {
      const removed = removeNetwork(world, n.name);
      if (removed.ok) world = removed.world;
    }
    ctx.update(() => world);
    if (unused.length) ctx.out(`Deleted Networks:\n${unused.map((n) => `${n.name}\n`).join('')}\n`);
    return 0;
  },
});
