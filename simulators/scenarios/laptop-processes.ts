// The laptop's long-running processes: an Ubuntu desktop with a Docker engine installed.
import type { ProcessInfo } from '../shell/processes';

type Row = [pid: number, ppid: number, user: string, stat: string, cpuSeconds: number, vszKb: number, rssKb: number, command: string, name: string];

const ROWS: Row[] = [
  [1, 0, 'root', 'Ss', 2, 167_744, 13_132, '/sbin/init splash', 'systemd'],
  [2, 0, 'root', 'S', 0, 0, 0, '[kthreadd]', 'kthreadd'],
  [398, 1, 'root', 'S<s', 0, 48_584, 16_224, '/usr/lib/systemd/systemd-journald', 'systemd-journal'],
  [441, 1, 'root', 'Ss', 0, 26_508, 7_168, '/usr/lib/systemd/systemd-udevd', 'systemd-udevd'],
  [702, 1, 'systemd+', 'Ss', 0, 21_452, 12_800, '/usr/lib/systemd/systemd-resolved', 'systemd-resolve'],
  [811, 1, 'root', 'Ss', 0, 18_148, 2_816, '/usr/sbin/cron -f -P', 'cron'],
  [812, 1, 'message+', 'Ss', 0, 10_948, 5_760, '@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only', 'dbus-daemon'],
  [845, 1, 'root', 'Ssl', 1, 1_872_112, 48_256, '/usr/bin/containerd', 'containerd'],
  [903, 1, 'root', 'Ss', 0, 12_020, 7_936, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 'sshd'],
  [1187, 1, 'root', 'Ssl', 1, 2_394_620, 84_012, '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', 'dockerd'],
];

export function laptopProcesses(bootedAt: number): ProcessInfo[] {
  return ROWS.map(([pid, ppid, user, stat, cpuSeconds, vszKb, rssKb, command, name]) => ({
    pid,
    ppid,
    user,
    tty: '?',
    stat,
    started: bootedAt,
    cpuSeconds,
    vszKb,
    rssKb,
    command,
    name,
  }));
}

/** The learner's login shell, the parent of everything typed in the terminal. */
export const SHELL_PID = 4242;
