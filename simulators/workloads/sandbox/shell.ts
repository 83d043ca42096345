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

export function workloadShell(store: WorldAccess, machine: Machine, commands: CommandTable, options: { shell: string; services?: Services }): NestedShell {
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
