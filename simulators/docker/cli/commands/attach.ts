// `docker run -it ubuntu bash` and `docker exec -it web sh`: the terminal is handed to a shell
// inside the container, with its own prompt and history, until `exit` or Ctrl-D.
import type { CommandContext, Effect, NestedShell } from '../../../core/process';
import { accessFrom } from '../../../core/store';
import type { Services } from '../../../core/services';
import type { WorldAccess } from '../../../world';
import { complete } from '../../../shell/completion';
import { parseScript } from '../../../shell/parser';
import { lookup } from '../../../shell/fs';
import { startLine } from '../../../shell/process';
import type { ProcessInfo } from '../../../shell/processes';
import { containerMachine } from '../../engine/container-machine';
import { containerCommands } from '../../engine/exec';
import { exitContainer } from '../../engine/containers';
import type { ImageView } from '../../engine/images';
import type { Program } from '../../engine/runtime';
import { pythonRepl } from '../../../workloads/python';

export function containerShell(store: WorldAccess, id: string, image: ImageView, options: { shell: string; extraProcesses?: () => ProcessInfo[]; selfPid?: number; services?: Services }): NestedShell {
  const machine = containerMachine(store, id, { extraProcesses: options.extraProcesses, selfPid: options.selfPid });
  const commands = containerCommands(image, [], (path) => lookup(machine.fs(), path).ok);
  const busybox = machine.identity().userland === 'busybox' || /(^|\/)(sh|ash)$/.test(options.shell);
  // Debian's and Ubuntu's sh is dash; BusyBox images have ash under every name.
  const flavor = machine.identity().userland === 'busybox' ? 'ash' : /(^|\/)bash$/.test(options.shell) ? 'bash' : 'dash';
  return {
    prompt() {
      const { hostname, user, home } = machine.identity();
      const cwd = machine.shell().cwd;
      const dir = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
      const symbol = user === 'root' ? '#' : '$';
      // bash in Debian and Ubuntu images: `root@3f4e5d6c7b8a:/#`; BusyBox and dash: `/ #`.
      const text = busybox ? `${dir} ${symbol} ` : `${user}@${hostname}:${dir}${symbol} `;
      return { text, width: [...text].length };
    },
    check(line) {
      const parsed = parseScript(line);
      return parsed.kind === 'ok' ? 'complete' : parsed.kind;
    },
    start(line, start) {
      return startLine(line, { store, machine, commands, tty: { cols: start.cols, rows: start.rows }, emit: start.write, live: start.live, quietExit: busybox, flavor, record: true, services: options.services });
    },
    complete: (line, cursor) => complete(line, cursor, { commands, machine }),
    history: () => machine.shell().history,
  };
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
