// A container's logs as stored and as read. Stored, the lines an image's program always writes are
// references (state.ts LogRef); read, they are written out with their times and the placeholders
// filled, so `docker logs` prints exactly what the program printed.
import type { World } from '../../world';
import type { Container, LogEntry, LogLine } from '../state';
import { imageOf } from './container-machine';
import { fillPlaceholders } from '../../network/placeholders';

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

/** The lines `docker logs` shows, oldest first, references written out. */
export function readLogs(world: World, container: Container): LogLine[] {
  if (container.logs.every((e) => !('ref' in e))) return container.logs as LogLine[];
  const behaviour = imageOf(world, container)?.behaviour;
  const out: LogLine[] = [];
  for (const entry of container.logs) {
    if (!('ref' in entry)) {
      out.push(entry);
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
