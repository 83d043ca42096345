// `docker run -it ubuntu bash` and `docker exec -it web sh`: the terminal is handed to a shell
// inside the container, with its own prompt and history, until `exit` or Ctrl-D.
import type { CommandContext, Effect, NestedShell } from '../../../core/process';
import { accessFrom } from '../../../core/store';
import type { Services } from '../../../core/services';
import type { WorldAccess } from '../../../world';
import { lookup } from '../../../shell/fs';
import { workloadShell } from '../../../workloads/sandbox/shell';
import type { ProcessInfo } from '../../../shell/processes';
import { containerMachine } from '../../engine/container-machine';
import { containerCommands } from '../../engine/exec';
import { exitContainer } from '../../engine/containers';
import type { ImageView } from '../../engine/images';
import type { Program } from '../../engine/runtime';
import { pythonRepl } from '../../../workloads/python';

/** A shell inside the container for the terminal to type into (workloads/sandbox/shell.ts). */
export function containerShell(store: WorldAccess, id: string, image: ImageView, options: { shell: string; extraProcesses?: () => ProcessInfo[]; selfPid?: number; services?: Services }): NestedShell {
  const machine = containerMachine(store, id, { extraProcesses: options.extraProcesses, selfPid: options.selfPid });
  const commands = containerCommands(image, [], (path) => lookup(machine.fs(), path).ok);
  return workloadShell(store, machine, commands, options);
}

/** Runs the container's shell in the terminal; when it exits, so does the container. */
export function* attachInteractive(ctx: CommandContext, id: string, image: ImageView, program: Program): Generator<Effect, number, string | null> {
  if (program.kind === 'interpreter' && program.language === 'python') {
    ctx.out(`${program.banner}\n`);
    const env = Object.fromEntries(image.config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    const repl = pythonRepl({ env, cwd: image.config.workingDir || '/', maxSteps: 50_000 });
    const result: string | null = yield { type: 'shell', shell: repl };
    const code = Number(result ?? 0) || 0;
    ctx.update((w) => exitContainer(w, id, code, w.clock.now));
    return code;
  }
  if (program.kind === 'interpreter') {
    ctx.out(`${program.banner}\n`);
    ctx.err('berth: the interactive Node.js prompt is not simulated here; run a script instead, e.g. docker run --rm node:22-alpine node -e "console.log(1)"\n');
    ctx.update((w) => exitContainer(w, id, 0, w.clock.now));
    return 0;
  }
  const shell = containerShell(accessFrom(ctx), id, image, { shell: program.kind === 'shell' ? program.shell : 'sh', selfPid: undefined, services: ctx.services });
  const result: string | null = yield { type: 'shell', shell };
  const code = Number(result ?? 0) || 0;
  ctx.update((w) => exitContainer(w, id, code, w.clock.now));
  return code;
}
