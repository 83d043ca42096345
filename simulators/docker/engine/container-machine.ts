// A Docker container as a workload the sandbox runs (workloads/sandbox/machine.ts): its record in
// the world read and written for it, its tree built with what the engine writes, its mounts from
// volumes.ts; and the same processes as the laptop sees them, under a containerd shim.
import type { WorldAccess } from '../../world';
import type { Machine } from '../../shell/machine';
import type { ProcessInfo } from '../../shell/processes';
import type { ShellState, World } from '../../world';
import type { Container } from '../state';
import { findImage, imageViewById, viewImage, type ImageView } from './images';
import { workloadMachine, workloadProcesses, workloadShellState, type Workload, type WorkloadHost } from '../../workloads/sandbox/machine';
import type { WorkloadImage } from '../../workloads/image';
import { setContainer } from './container-table';
import { containerRootfs } from './rootfs';
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

/** A container as the sandbox reads it (workloads/sandbox/machine.ts). */
export function asWorkload(world: World, c: Container): Workload {
  return {
    image: imageOf(world, c) ?? NO_IMAGE,
    hostname: c.config.hostname,
    user: c.config.user,
    env: c.config.env,
    workingDir: c.config.workingDir,
    tty: c.config.tty,
    command: [c.path, ...c.args],
    created: c.created,
    startedAt: c.state.startedAt,
    fs: c.fs,
    shell: c.shell,
  };
}

/** An image whose record is gone entirely: a bare Debian tree. */
const NO_IMAGE: WorkloadImage = { id: '', base: 'debian:bookworm', files: {}, tags: [], config: { cmd: [], entrypoint: null, env: [], workingDir: '', exposedPorts: [], user: '', labels: {} } };

export const containerShellState = (container: Container): ShellState => workloadShellState({ ...container.config, env: container.config.env, shell: container.shell });

/** The processes `ps` lists inside: PID 1 is the container's command, then whatever runs beside it. */
export function containerProcesses(container: Container, now: number, extra: ProcessInfo[] = []): ProcessInfo[] {
  return workloadProcesses({ command: [container.path, ...container.args], image: { tags: [container.image] } as WorkloadImage, startedAt: container.state.startedAt, tty: container.config.tty }, now, extra);
}

/** How the sandbox reads and writes a container's record in the world. */
function containerHost(store: WorldAccess, id: string): WorkloadHost {
  const record = () => store.getState().docker.containers[id];
  return {
    place: `container/${id}`,
    get: () => {
      const c = record();
      return c ? asWorkload(store.getState(), c) : undefined;
    },
    baseFs: () => {
      const c = record()!;
      let cached = rootfsCache.get(c);
      if (!cached) {
        cached = containerRootfs(c, imageOf(store.getState(), c) ?? NO_IMAGE, c.created);
        rootfsCache.set(c, cached);
      }
      return cached;
    },
    save: (change) => {
      const world = store.getState();
      const c = world.docker.containers[id];
      if (c) store.setState(setContainer(world, { ...c, ...change }), true);
    },
    overlay: (own) => overlayMounts(store.getState(), record()!, own),
    split: (fs) => {
      const split = splitMounts(store.getState(), record()!, fs);
      store.setState(split.world, true);
      return split.fs;
    },
    now: () => store.getState().clock.now,
    kernel: () => store.getState().host.kernel,
  };
}

/** A container as a machine the shell runs on: the sandbox over its record. */
export function containerMachine(store: WorldAccess, id: string, options: { extraProcesses?: () => ProcessInfo[]; selfPid?: number } = {}): Machine {
  return workloadMachine(containerHost(store, id), { ...options, containerId: id });
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
