// docker top: a container's processes as the HOST sees them, with host pids under the containerd
// shim: the teaching point that a container is an ordinary process on the laptop.
import { tabwrite } from '../../../core/output/tabwriter';
import { containerHostProcesses } from '../../engine/container-machine';
import { findContainer } from '../../engine/container-table';
import { daemonError } from '../output';
import { dockerCommand } from '../spec';

const TOTAL_MEMORY_KB = 16_252_928;
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const cpuTime = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
const bsdTime = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export const top = dockerCommand('top', {
  args: [{ name: 'CONTAINER' }, { name: 'ps OPTIONS', optional: true, variadic: true }],
  stopAtFirstArg: true,
  *run(ctx) {
    const [ref, ...psArgs] = ctx.command.args;
    yield { type: 'wait', ms: 40 };
    const container = findContainer(ctx.world().docker, ref);
    if (!container) return daemonError(ctx, `No such container: ${ref}`);
    const status = container.state.status;
    if (status === 'restarting') return daemonError(ctx, `Container ${container.id} is restarting, wait until the container is running`);
    if (status !== 'running' && status !== 'paused') return daemonError(ctx, `container ${container.id} is not running`);
    const processes = containerHostProcesses(container, ctx.world().clock.now);
    const options = psArgs.join(' ') || '-ef';
    let rows: string[][];
    if (/^-?aux?$/.test(options)) {
      rows = [
        ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
        ...processes.map((p) => [p.user, String(p.pid), '0.0', ((p.rssKb / TOTAL_MEMORY_KB) * 100).toFixed(1), String(p.vszKb), String(p.rssKb), p.tty, p.stat, hhmm(p.started), bsdTime(p.cpuSeconds), p.command]),
      ];
    } else if (/^-(e|ef|fe|A|Af|f)$/.test(options)) {
      rows = [['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], ...processes.map((p) => [p.user, String(p.pid), String(p.ppid), '0', hhmm(p.started), p.tty, cpuTime(p.cpuSeconds), p.command])];
    } else {
      // The daemon runs the host's ps with these options and refuses what it cannot read back.
      return daemonError(ctx, `ps: exit status 1`);
    }
    // docker/cli's top: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0).
    ctx.out(tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`, { minWidth: 20, padding: 3 }));
    return 0;
  },
});
