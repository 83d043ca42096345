// What a container does once started: the program its image and command make (a server that logs
// its start-up lines, hello-world's message, a command run once in the container's shell), its
// logs on the simulated clock, and when it ends by itself.
import { createWorldStore } from '../../core/store';
import type { World } from '../../world';
import type { Container, LogLine } from '../state';
import { fillPlaceholders } from '../../network/placeholders';
import type { ImageView } from './images';
import { setContainer } from './container-table';
import { programOf as programOfCommand, type Program } from '../../workloads/sandbox/program';

export type { Program } from '../../workloads/sandbox/program';
import { runOffline } from '../../workloads/sandbox/program-run';
import { containerRunner } from './exec';
import { wakeAt } from './wake';
import type { Services } from '../../core/services';
import { appendLogs } from './logs';


/** The program will end by itself at `at` with `code`: recorded on the container, with a timer to wake the engine then. */
function planExit(world: World, container: Container, at: number, code: number): World {
  return wakeAt(setContainer(world, { ...container, state: { ...container.state, plannedExit: { at, code } } }), at, container.id);
}

const linesOf = (text: string, at: number, stream: 'stdout' | 'stderr' = 'stdout'): LogLine[] =>
  text === '' ? [] : text.replace(/\n$/, '').split('\n').map((line) => ({ at, stream, text: line }));

/** What the container's main process is (workloads/sandbox/program.ts), from its image and command. */
export const programOf = (container: Container, image: ImageView): Program => programOfCommand([container.path, ...container.args], image);

/** Starts the program: writes its first logs and, for one that ends by itself, plans the exit. */
export function startProgram(world: World, id: string, image: ImageView, stdin: string | null = null, services?: Services): World {
  const container = world.docker.containers[id];
  const now = world.clock.now;
  const program = programOf(container, image);
  const fill = (text: string, at: number) => fillPlaceholders(text, { at, kernel: world.host.kernel.release, containerIp: Object.values(container.networks)[0]?.ip });
  const interactive = container.config.tty && container.config.openStdin;
  switch (program.kind) {
    case 'server': {
      const behaviour = image.behaviour;
      if (behaviour?.kind !== 'server') return world;
      const env = new Set(container.config.env.map((e) => e.split('=')[0]).filter((k) => container.config.env.some((e) => e.startsWith(`${k}=`) && e.length > k.length + 1)));
      if (behaviour.requiredEnv && !behaviour.requiredEnv.anyOf.some((k) => env.has(k))) {
        const lines = behaviour.requiredEnv.errorLogs.map((l) => ({ at: now + 40, stream: 'stderr' as const, text: fill(l, now + 40) }));
        return planExit(world, appendLogs(container, lines), now + 60, behaviour.requiredEnv.exitCode);
      }
      return setContainer(world, appendLogs(container, [{ at: now + 20, ref: 'startup', ip: Object.values(container.networks)[0]?.ip }]));
    }
    case 'print':
      return planExit(world, appendLogs(container, linesOf(program.output, now + 15)), now + 20, program.code);
    case 'shell':
    case 'interpreter': {
      // Without a terminal the shell or REPL reads end-of-input and exits at once.
      if (interactive) return world;
      return planExit(world, container, now + 30, 0);
    }
    case 'command': {
      const store = createWorldStore(world);
      const outcome = runOffline(store, containerRunner(id, program.line, image), stdin, services);
      const after = store.getState();
      const updated = after.docker.containers[id];
      // A command that never ends, or talks a lot, is replayed when its logs are read; input piped in
      // (docker run -i) cannot be replayed, so that output is kept as it came.
      const replay = outcome.replay && stdin === null;
      const logs = replay ? [{ at: now, ref: 'program' as const }] : outcome.output.flatMap((chunk) => linesOf(chunk.text, now + chunk.offset, chunk.stream));
      const logged = appendLogs(updated, logs);
      if (outcome.durationMs === Infinity) return setContainer(after, { ...logged, state: { ...logged.state, plannedExit: undefined } });
      return planExit(after, logged, now + Math.max(10, outcome.durationMs), outcome.exitCode);
    }
  }
}

/** The lines a server writes when it is asked to stop. */
export function stopLogs(world: World, id: string, image: ImageView | undefined, at: number): World {
  const container = world.docker.containers[id];
  const behaviour = image?.behaviour;
  if (!container || behaviour?.kind !== 'server' || !behaviour.shutdownLogs) return world;
  return setContainer(world, appendLogs(container, [{ at, ref: 'shutdown' }]));
}
