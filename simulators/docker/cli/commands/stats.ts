// docker stats: each container's CPU, memory, network and block I/O and pids. Values are made up
// but believable and deterministic: an idle nginx uses 0.00% CPU and about 3.9MiB of the host's
// 15.5GiB (or of its --memory limit). Without --no-stream the table redraws every second, after
// the same ANSI clear docker writes, until Ctrl-C.
import type { Effect } from '../../../core/process';
import { bytesSize, humanSize } from '../../format';
import { parseFormat, renderRows } from '../../format/table-format';
import { TemplateError } from '../../../core/template';
import { containerProcesses } from '../../engine/container-machine';
import { findContainer, isRunning } from '../../engine/container-table';
import { stableHex } from '../../engine/networks';
import type { Container } from '../../state';
import { dockerCommand } from '../spec';

type Run = Generator<Effect, number, string | null>;

/** The laptop's memory, the limit of a container without --memory (16_252_928 KiB). */
export const HOST_MEMORY = 16_252_928 * 1024;

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const HEADERS: Record<string, string> = {
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

/** What an idle program of each kind uses: memory in bytes, CPU percent, bytes written to disk. */
const PROFILES: [RegExp, { memory: number; cpu: number; written: number }][] = [
  [/^nginx/, { memory: 4_083_712, cpu: 0, written: 0 }],
  [/redis-server/, { memory: 3_764_224, cpu: 0.18, written: 0 }],
  [/postgres/, { memory: 31_883_264, cpu: 0.02, written: 48_734_208 }],
  [/httpd/, { memory: 5_365_760, cpu: 0.01, written: 0 }],
  [/python/, { memory: 11_939_840, cpu: 0.01, written: 0 }],
  [/node/, { memory: 42_766_336, cpu: 0.01, written: 0 }],
];
const SMALL = { memory: 487_424, cpu: 0, written: 0 };

export interface Usage {
  cpu: number;
  memory: number;
  limit: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/** The container's resource use at `now`: zeros unless it runs. */
export function usageOf(c: Container, now: number): Usage {
  if (!isRunning(c)) return { cpu: 0, memory: 0, limit: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0 };
  const processes = containerProcesses(c, now);
  const command = processes[0].command;
  const profile = PROFILES.find(([re]) => re.test(command))?.[1] ?? SMALL;
  const second = Math.floor((now - c.state.startedAt) / 1000);
  const jitter = parseInt(stableHex(`stats:${c.id}:${second}`, 4), 16);
  const cpu = profile.cpu ? Math.max(0, profile.cpu + ((jitter % 5) - 2) * 0.01) : 0;
  // Requests served show up as traffic: about 150 bytes in and 850 out per page.
  const requests = c.logs.filter((l) => 'text' in l && /"(GET|HEAD|POST|PUT|DELETE) /.test(l.text)).length;
  const attached = Object.values(c.networks).some((n) => n.ip);
  return {
    cpu,
    memory: profile.memory + (jitter % 8) * 4096,
    limit: c.hostConfig.memory || HOST_MEMORY,
    netRx: attached ? 1_046 + Math.min(second, 600) * 2 + requests * 152 : 0,
    netTx: attached ? requests * 853 : 0,
    blockRead: 0,
    blockWrite: profile.written,
    pids: processes.length,
  };
}

const percent = (x: number) => `${x.toFixed(2)}%`;

function row(c: Container, asked: string, now: number, noTrunc: boolean) {
  const u = usageOf(c, now);
  return {
    Container: asked,
    Name: c.name,
    ID: noTrunc ? c.id : c.id.slice(0, 12),
    CPUPerc: percent(u.cpu),
    MemUsage: `${bytesSize(u.memory)} / ${bytesSize(u.limit)}`,
    MemPerc: percent(u.limit ? (u.memory / u.limit) * 100 : 0),
    NetIO: `${humanSize(u.netRx)} / ${humanSize(u.netTx)}`,
    BlockIO: `${humanSize(u.blockRead)} / ${humanSize(u.blockWrite)}`,
    PIDs: String(u.pids),
  };
}

function table(format: string | undefined, rows: ReturnType<typeof row>[]): string {
  return renderRows(parseFormat(format, DEFAULT_TABLE), rows, HEADERS, { typeName: '*container.statsContext' });
}

export const stats = dockerCommand('stats', {
  args: [{ name: 'CONTAINER', optional: true, variadic: true }],
  *run(ctx): Run {
    const f = ctx.command.flags;
    const names = ctx.command.args;
    const noTrunc = Boolean(f['no-trunc']);
    const format = f.format === undefined || f.format === '' ? undefined : String(f.format);
    yield { type: 'wait', ms: 60 };
    const missing = names.filter((n) => !findContainer(ctx.world().docker, n));
    if (missing.length) {
      ctx.err(`${missing.map((n) => `Error response from daemon: No such container: ${n}`).join('\n')}\n`);
      return 1;
    }
    // Named containers are followed as named; otherwise every running one (or all with -a), newest first.
    const pick = () => {
      const docker = ctx.world().docker;
      if (names.length) return names.map((n) => ({ c: findContainer(docker, n)!, asked: n }));
      return Object.values(docker.containers)
        .filter((c) => f.all || isRunning(c))
        .sort((a, b) => b.created - a.created)
        .map((c) => ({ c, asked: c.id.slice(0, 12) }));
    };
    const draw = () => table(format, pick().map(({ c, asked }) => row(c, asked, ctx.world().clock.now, noTrunc)));
    try {
      if (f['no-stream']) {
        ctx.out(draw());
        return 0;
      }
      for (;;) {
        ctx.out(`\x1b[2J\x1b[H${draw()}`);
        yield { type: 'wait', ms: 1000, stream: true };
      }
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      ctx.err(`${e.message}\n`);
      return 1;
    }
  },
});
