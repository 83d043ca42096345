// A container's logs as stored and as read. Stored, the lines an image's program always writes are
// references (state.ts LogRef); read, they are written out with their times and the placeholders
// filled, so `docker logs` prints exactly what the program printed.
import type { World } from '../../world';
import type { Container, LogEntry, LogLine } from '../state';
import { imageOf } from './container-machine';
import { fillPlaceholders } from '../../network/placeholders';
import type { Services } from '../../core/services';
import { programLines } from '../../workloads/sandbox/program-run';
import { containerRunner, forkContainers } from './exec';
import { commandLine } from '../../workloads/sandbox/program';

/** A run of the container's command ended at `at`: its replayed lines stop there. */
export function closeProgramLogs(container: Container, at: number): Container {
  if (!container.logs.some((e) => 'ref' in e && e.ref === 'program' && e.end === undefined)) return container;
  return { ...container, logs: container.logs.map((e) => ('ref' in e && e.ref === 'program' && e.end === undefined ? { ...e, end: at } : e)) };
}

/** Keep the newest entries only, so a chatty container cannot grow the saved world without end. */
export const LOG_LIMIT = 2000;

/** Lines of one reference are this far apart (ms), as the programs print them. */
const LINE_GAP_MS = 2;

export function appendLogs(container: Container, entries: LogEntry[]): Container {
  const logs = [...container.logs, ...entries];
  return { ...container, logs: logs.length > LOG_LIMIT ? logs.slice(logs.length - LOG_LIMIT) : logs };
}

/** nginx's error log and logrus lines (`level=...`, the registry) go to stderr; access logs to stdout. */
export const streamOf = (line: string): 'stdout' | 'stderr' => (/\[(notice|warn|error)\]|\blevel=\w+ msg=/.test(line) ? 'stderr' : 'stdout');

/** Most lines a replayed program shows (the newest), as a log rotated at that size would. */
const PROGRAM_LINES = 10_000;

/**
 * The lines `docker logs` shows, oldest first, references written out. A replayed program's lines
 * run up to now, and one line past it (its time tells a follower when to wake): callers show only
 * what is due. `services`: what a replayed command may use (the network, for a curl loop).
 */
export function readLogs(world: World, container: Container, services?: Services): LogLine[] {
  if (container.logs.every((e) => !('ref' in e))) return container.logs as LogLine[];
  const image = imageOf(world, container);
  const behaviour = image?.behaviour;
  const out: LogLine[] = [];
  for (const entry of container.logs) {
    if (!('ref' in entry)) {
      out.push(entry);
      continue;
    }
    if (entry.ref === 'program') {
      if (!image) continue;
      const upTo = entry.end ?? world.clock.now;
      const line = commandLine([container.path, ...container.args], image);
      const replay = { key: `${container.id}:${entry.at}:${line}`, startedAt: entry.at, runner: containerRunner(container.id, line, image), fork: forkContainers };
      const lines = programLines(world, replay, upTo, PROGRAM_LINES, services);
      // A run that ended shows nothing past its end.
      out.push(...(entry.end === undefined ? lines : lines.filter((l) => l.at <= entry.end!)));
      continue;
    }
    if (behaviour?.kind !== 'server') continue;
    const lines = entry.ref === 'startup' ? behaviour.startupLogs : behaviour.shutdownLogs ?? [];
    lines.forEach((text, i) => {
      const at = entry.at + (entry.ref === 'startup' ? i * LINE_GAP_MS : 0);
      out.push({ at, stream: streamOf(text), text: fillPlaceholders(text, { at, kernel: world.host.kernel.release, containerIp: entry.ip }) });
    });
  }
  return out;
}
