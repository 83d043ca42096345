// A container seen as a machine the shell can run on: its own files and host name, root as the
// user, only its own processes, and the host's kernel (uname -r inside prints the host's release).
import type { WorldAccess } from '../../world';
import type { Machine } from '../../shell/machine';
import type { ProcessInfo } from '../../shell/processes';
import type { ShellState, World } from '../../world';
import type { Container } from '../state';
import { findImage, imageViewById, viewImage, type ImageView } from './images';
import { buildRootfs, distroOf, userlandOf } from './rootfs';
import { overlayMounts, splitMounts } from './volumes';
import type { DirNode } from '../../shell/fs';

const rootfsCache = new WeakMap<Container, DirNode>();

/**
 * The image a container runs. A container keeps its image's layers even after `rmi -f` deletes the
 * image record, so it still starts and execs; only the name is gone.
 */
export function imageOf(world: World, container: Container): ImageView | undefined {
  const view = imageViewById(world.docker, container.imageId);
  if (view) return view;
  const local = findImage(world.docker, container.imageId);
  return local ? viewImage(world.docker, local) : undefined;
}

/** moby's default PATH for Linux containers. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function containerShellState(container: Container): ShellState {
  if (container.shell) return container.shell;
  // The daemon's order: a default PATH, HOSTNAME, TERM with -t, then the image's and -e's variables
  // (an image's PATH takes the default's place), and HOME last when nothing set it.
  const vars: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: container.config.hostname };
  if (container.config.tty) vars.TERM = 'xterm';
  for (const e of container.config.env) {
    const eq = e.indexOf('=');
    if (eq > 0) vars[e.slice(0, eq)] = e.slice(eq + 1);
  }
  if (!('HOME' in vars)) vars.HOME = '/root';
  const cwd = container.config.workingDir || '/';
  // PWD is the shell's own; a program started directly (`docker exec web env`) does not see it.
  return { cwd, oldpwd: '', vars: { ...vars, PWD: cwd }, exported: Object.keys(vars), history: [], lastExitCode: 0 };
}

/** The processes `ps` lists inside: PID 1 is the container's command, then whatever runs beside it. */
export function containerProcesses(container: Container, now: number, extra: ProcessInfo[] = []): ProcessInfo[] {
  const command = [container.path, ...container.args].join(' ');
  const name = container.path.split('/').pop() ?? container.path;
  const started = container.state.startedAt || now;
  const pid1: ProcessInfo = { pid: 1, ppid: 0, user: 'root', tty: container.config.tty ? 'pts/0' : '?', stat: 'Ss', started, cpuSeconds: 0, vszKb: 4_400, rssKb: 1_800, command, name };
  const list = [pid1];
  if (/nginx|docker-entrypoint/.test(command) && /nginx/.test(container.image + command)) {
    pid1.command = 'nginx: master process nginx -g daemon off;';
    pid1.name = 'nginx';
    for (const pid of [29, 30]) list.push({ pid, ppid: 1, user: 'nginx', tty: '?', stat: 'S', started, cpuSeconds: 0, vszKb: 11_900, rssKb: 2_900, command: 'nginx: worker process', name: 'nginx' });
  }
  return [...list, ...extra];
}

export function containerMachine(store: WorldAccess, id: string, options: { extraProcesses?: () => ProcessInfo[]; selfPid?: number } = {}): Machine {
  const container = () => {
    const c = store.getState().docker.containers[id];
    if (!c) throw new Error(`container ${id.slice(0, 12)} is gone`);
    return c;
  };
  const update = (change: (c: Container) => Container) => {
    const world = store.getState();
    const c = world.docker.containers[id];
    if (!c) return;
    store.setState({ ...world, docker: { ...world.docker, containers: { ...world.docker.containers, [id]: change(c) } } }, true);
  };
  /** The container's own layer: its writable tree, or the image's tree until it first writes. */
  const ownFs = (c: Container): DirNode => {
    if (c.fs) return c.fs;
    let cached = rootfsCache.get(c);
    if (!cached) {
      const world = store.getState();
      const image = imageOf(world, c);
      cached = buildRootfs(c, image ?? ({ base: 'debian:bookworm', files: {}, tags: [], config: { cmd: [], entrypoint: null } } as unknown as ImageView), c.created);
      rootfsCache.set(c, cached);
    }
    return cached;
  };
  return {
    // Volumes and bind mounts show at their mount points, over the container's own files.
    fs: () => {
      const c = container();
      return overlayMounts(store.getState(), c, ownFs(c));
    },
    setFs: (fs) => {
      const world = store.getState();
      const c = world.docker.containers[id];
      if (!c) return;
      const split = splitMounts(world, c, fs);
      const after = split.world;
      store.setState({ ...after, docker: { ...after.docker, containers: { ...after.docker.containers, [id]: { ...after.docker.containers[id], fs: split.fs } } } }, true);
    },
    shell: () => containerShellState(container()),
    setShell: (change) => update((c) => ({ ...c, shell: change(containerShellState(c)) })),
    identity: () => {
      const world = store.getState();
      const c = container();
      const image = imageOf(world, c);
      return { hostname: c.config.hostname, user: c.config.user || 'root', home: '/root', kernel: world.host.kernel, userland: image ? userlandOf(image) : 'gnu', distro: image ? distroOf(image.base) : 'debian' };
    },
    now: () => store.getState().clock.now,
    processes: () => containerProcesses(container(), store.getState().clock.now, options.extraProcesses?.() ?? []),
    // Inside, pids are small: the shell is 1 (or an exec'd one), its commands follow.
    childPid: () => ({ pid: 7 + containerShellState(container()).history.length, ppid: options.selfPid ?? 1 }),
    selfPid: options.selfPid,
    containerId: id,
    place: `container/${id}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The same processes as the host sees them: a container is processes on the laptop, under a
// containerd shim, with host pids (docker top, and ps -ef on the laptop).

/** The host pid of a container's PID 1 (State.Pid), given when it starts; see hostPidFor. */
export function hostPidBase(container: Container): number {
  return container.state.pid || 4_340;
}

/** Inside user -> the name the host's ps shows for that uid (nginx is uid 101: systemd-resolve's on Ubuntu). */
const HOST_USER: Record<string, string> = { root: 'root', nginx: 'systemd+', www: 'systemd+', redis: '999', postgres: '999', node: 'learner' };

/** A container's processes with host pids; ppid 0 inside becomes the shim. */
export function containerHostProcesses(container: Container, now: number): ProcessInfo[] {
  const base = hostPidBase(container);
  const shim = base - 23;
  const hostPid = (pid: number) => (pid === 0 ? shim : base + pid - 1);
  return containerProcesses(container, now).map((p) => ({
    ...p,
    pid: hostPid(p.pid),
    ppid: hostPid(p.ppid),
    user: HOST_USER[p.user] ?? p.user,
    tty: p.tty === '?' ? '?' : 'pts/1',
  }));
}

/** Everything running containers add to the laptop's process table: docker-proxy, the shim, the container's processes. */
export function dockerHostProcesses(world: World): ProcessInfo[] {
  const now = world.clock.now;
  const list: ProcessInfo[] = [];
  const running = Object.values(world.docker.containers)
    .filter((c) => c.state.status === 'running' || c.state.status === 'paused')
    .sort((a, b) => a.state.startedAt - b.state.startedAt);
  for (const c of running) {
    const base = hostPidBase(c);
    const started = c.state.startedAt;
    const ip = Object.values(c.networks).find((n) => n.ip)?.ip ?? '';
    c.hostConfig.portBindings.forEach((b, i) => {
      const proxy = (hostIp: string, pid: number): ProcessInfo => ({
        pid,
        ppid: 1187,
        user: 'root',
        tty: '?',
        stat: 'Sl',
        started,
        cpuSeconds: 0,
        vszKb: 1_745_436,
        rssKb: 3_840,
        command: `/usr/bin/docker-proxy -proto ${b.protocol} -host-ip ${hostIp} -host-port ${b.hostPort} -container-ip ${ip} -container-port ${b.containerPort} -use-listen-fd`,
        name: 'docker-proxy',
      });
      list.push(proxy(b.hostIp, base - 40 + i * 2));
      if (b.hostIp === '0.0.0.0') list.push(proxy('::', base - 39 + i * 2));
    });
    list.push({
      pid: base - 23,
      ppid: 1,
      user: 'root',
      tty: '?',
      stat: 'Sl',
      started,
      cpuSeconds: 0,
      vszKb: 1_238_276,
      rssKb: 12_416,
      command: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock`,
      name: 'containerd-shim',
    });
    list.push(...containerHostProcesses(c, now));
  }
  return list.sort((a, b) => a.pid - b.pid);
}
