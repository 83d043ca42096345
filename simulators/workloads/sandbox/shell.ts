// A shell inside a workload that the terminal types into (`docker run -it ubuntu bash`, `docker
// exec -it web sh`, next `kubectl exec -it pod -- sh`): its own prompt in its distribution's style,
// its history, Tab completion over its own files and commands.
import type { NestedShell } from '../../core/process';
import type { CommandTable } from '../../core/command/spec';
import type { Services } from '../../core/services';
import { complete } from '../../shell/completion';
import type { Machine } from '../../shell/machine';
import { parseScript } from '../../shell/parser';
import { startLine } from '../../shell/process';
import type { WorldAccess } from '../../world';
import { BACKGROUND } from '../../core/background';
import { createJobTable } from '../../shell/jobs';
import { printJob } from '../../shell/printer';

export function workloadShell(store: WorldAccess, machine: Machine, commands: CommandTable, options: { shell: string; services?: Services }): NestedShell {
  const busybox = machine.identity().userland === 'busybox' || /(^|\/)(sh|ash)$/.test(options.shell);
  // Debian's and Ubuntu's sh is dash; BusyBox images have ash under every name.
  const flavor = machine.identity().userland === 'busybox' ? 'ash' : /(^|\/)bash$/.test(options.shell) ? 'bash' : 'dash';
  // An interactive shell keeps its jobs between lines; they print on the terminal of the line
  // running then (or the last one's, once the prompt is back).
  let terminal: (text: string) => void = () => {};
  const background = options.services?.get(BACKGROUND);
  const jobs = background && createJobTable({ background, interactive: true, emit: (t) => terminal(t), now: () => machine.now(), firstPid: () => machine.childPid().pid, user: () => machine.identity().user });
  const lines = new WeakMap<object, string>();
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
      terminal = start.write;
      const proc = startLine(line, { store, machine, commands, tty: { cols: start.cols, rows: start.rows }, emit: (t) => terminal(t), live: start.live, quietExit: busybox, flavor, record: true, services: options.services, jobs });
      lines.set(proc, line);
      return proc;
    },
    suspend: jobs
      ? (proc, pending, options) => {
          const parsed = parseScript(lines.get(proc) ?? '');
          jobs.suspend(proc, pending, parsed.kind === 'ok' ? parsed.script.items.map(printJob).join('; ') : (lines.get(proc) ?? '').trim(), options?.screen);
          machine.setShell((s) => ({ ...s, lastExitCode: 148 }));
          return 148;
        }
      : undefined,
    notices: () => jobs?.notices() ?? '',
    close: () => jobs?.clear(),
    complete: (line, cursor) => complete(line, cursor, { commands, machine }),
    history: () => machine.shell().history,
  };
}
