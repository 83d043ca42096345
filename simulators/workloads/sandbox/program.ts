// What a workload's main process is, from its image and its command: the image's own program (a
// server, a printout, a shell, a language's prompt) when it runs the image's default command, or
// else a command line its shell runs. Docker decides `docker run IMAGE [COMMAND]` with this, and a
// pod's container with `command`/`args` will too.
import type { WorkloadImage } from '../image';
import { workloadCommands } from './commands';

export type Program =
  | { kind: 'server'; image: WorkloadImage }
  | { kind: 'print'; output: string; code: number }
  | { kind: 'shell'; shell: string }
  | { kind: 'interpreter'; banner: string; language: 'python' | 'node' }
  | { kind: 'command'; line: string };

/** Whether `command` (PID 1's argv) is the image's own entrypoint and cmd. */
export function isDefaultCommand(command: readonly string[], image: WorkloadImage | undefined): boolean {
  if (!image) return false;
  const defaults = [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
  return defaults.length === command.length && defaults.every((d, i) => d === command[i]);
}

/** The shell line a workload runs when its command is not the image's own program. */
export function commandLine(command: readonly string[], image: WorkloadImage): string {
  const entry = image.config.entrypoint ?? [];
  // Official images' entrypoint scripts run any command given instead of the server (`docker run
  // nginx ls /`, `docker run registry:2 sh`).
  const passesThrough = entry.length === 1 && /(docker-entrypoint|^\/entrypoint)\.sh$/.test(entry[0]);
  const argv = passesThrough && command[0] === entry[0] ? command.slice(1) : command;
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function programOf(command: readonly string[], image: WorkloadImage): Program {
  const behaviour = image.behaviour;
  if (behaviour && isDefaultCommand(command, image)) {
    switch (behaviour.kind) {
      case 'server':
        return { kind: 'server', image };
      case 'print':
        return { kind: 'print', output: behaviour.output, code: behaviour.exitCode };
      case 'shell':
        return { kind: 'shell', shell: behaviour.shell };
      case 'interpreter':
        return { kind: 'interpreter', banner: behaviour.replBanner, language: behaviour.language };
    }
  }
  const line = commandLine(command, image);
  const shell = /^(?:\/bin\/|\/usr\/bin\/)?(sh|bash|ash)$/.exec(line);
  // A shell the image lacks (bash on alpine) is a command runc cannot find.
  if (shell && workloadCommands(image).get(shell[1])) return { kind: 'shell', shell: line };
  return { kind: 'command', line };
}
