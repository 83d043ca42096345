// A RUN step: its command runs with the same shell the laptop uses, inside a throwaway container
// made of the image so far (its distribution's tree, its files, ENV and ARG values, WORKDIR and
// USER). Package managers (pip, npm, apt-get, apk) answer as they would, with believable output
// and timing; everyday tools that exist in the image but are not modelled (sed, tar, make, ...)
// succeed quietly. What the command writes becomes the step's layer.
import type { WorldAccess } from '../../world';
import { containerMachine } from '../engine/container-machine';
import { containerCommands } from '../engine/exec';
import { distroOf } from '../../workloads/sandbox/rootfs';
import { containerRootfs } from '../engine/rootfs';
import type { ImageView } from '../engine/images';
import { runScript, type ShellRuntime } from '../../shell/interpreter';
import { parseScript } from '../../shell/parser';
import { byteLength, mkdir, type DirNode, type FsNode } from '../../shell/fs';
import type { World } from '../../world';
import type { Container } from '../state';
import { seedRandom } from '../../core/random';
import { stableHex } from '../../core/hash';
import { ROOT, toolsFor, VOLATILE, type Sink, type StepImage } from '../../workloads/sandbox/image-tools';
import { DOCKER_TOOLS } from '../engine/tools-catalog';

export type { StepImage } from '../../workloads/sandbox/image-tools';

export interface RunRequest {
  world: World;
  at: number;
  image: StepImage;
  env: string[];
  workdir: string;
  user: string;
  /** The shell form's script, or the exec form's argv. */
  script?: string;
  argv?: string[];
  /** Distinguishes runs for deterministic ids and randomness. */
  seed: string;
}

export interface RunResult {
  exitCode: number;
  /** Output lines with their offset (ms) from the step's start. */
  logs: { ms: number; text: string }[];
  ms: number;
  files: Record<string, string>;
  dirs: string[];
  addedBytes: number;
}

function tree(image: StepImage, workdir: string, user: string, env: string[], at: number): { container: Container; fs: DirNode } {
  const id = stableHex(`build-container:${at}:${workdir}`);
  const container = {
    id,
    name: 'buildkit',
    image: '',
    imageId: '',
    created: at,
    path: '/bin/sh',
    args: [],
    config: { hostname: 'buildkitsandbox', env, tty: false, openStdin: false, workingDir: workdir, user, entrypoint: null, cmd: null, exposedPorts: [], labels: {} },
    hostConfig: { portBindings: [], publishAll: false, autoRemove: false, restartPolicy: { name: 'no', maximumRetryCount: 0 }, memory: 0, nanoCpus: 0, mounts: [], networkMode: 'default' },
    state: { status: 'running', pid: 1, exitCode: 0, startedAt: at, finishedAt: 0, oomKilled: false, error: '' },
    restartCount: 0,
    networks: {},
    logs: [],
  } as Container;
  const view = { id: '', tags: [`${image.repository}:${image.slim ? 'slim' : 'latest'}`], digests: [], created: at, sizeBytes: 0, layers: [], history: [], config: { cmd: null, entrypoint: null, env, workingDir: workdir, exposedPorts: [], user, labels: {} }, base: image.base, files: image.files } as ImageView;
  let fs = containerRootfs(container, view, at);
  for (const dir of [...image.dirs, workdir || '/']) {
    const made = mkdir(fs, dir, { ...ROOT, now: at }, { parents: true });
    if (made.ok) fs = made.value;
  }
  return { container, fs };
}

function flatten(dir: DirNode, path = '', files = new Map<string, FsNode>(), dirs = new Set<string>()) {
  for (const [name, node] of Object.entries(dir.children)) {
    const p = `${path}/${name}`;
    if (node.kind === 'dir') {
      dirs.add(p);
      flatten(node, p, files, dirs);
    } else files.set(p, node);
  }
  return { files, dirs };
}

/** The files an image carries, laid over a fresh tree of its distribution (for COPY into existing dirs). */
export function imageDirs(image: StepImage): Set<string> {
  const { fs } = tree(image, '/', 'root', [], 0);
  return flatten(fs).dirs;
}

/** Runs one RUN instruction's command. */
export function runStep(req: RunRequest): RunResult {
  const { image, at } = req;
  const sink: Sink = { bytes: 0 };
  const { container, fs } = tree(image, req.workdir, req.user, req.env, at);
  const before = flatten(fs);
  let world: World = { ...req.world, clock: { now: at }, rng: seedRandom(parseInt(stableHex(req.seed).slice(0, 8), 16)), docker: { ...req.world.docker, containers: { ...req.world.docker.containers, [container.id]: { ...container, fs } } } };
  const store: WorldAccess = { getState: () => world, setState: (w) => (world = w) };
  const machine = containerMachine(store, container.id, { selfPid: 1 });
  const view = { id: '', tags: [`${image.repository}:${image.slim ? 'slim' : 'latest'}`], digests: [], base: image.base, files: image.files, config: { cmd: null, entrypoint: null } } as unknown as ImageView;
  const commands = containerCommands(view, toolsFor(image, sink, DOCKER_TOOLS));
  const distro = distroOf(image.base);
  const output: { ms: number; text: string }[] = [];
  let elapsed = 0;
  const rt: ShellRuntime = { store, machine, commands, tty: null, emit: (text) => output.push({ ms: elapsed, text }), quietExit: true };

  let script = req.script;
  if (req.argv) {
    const name = req.argv[0] ?? '';
    const known = commands.get(name.split('/').pop() ?? name) || ['sh', 'bash', '/bin/sh', '/bin/bash'].includes(name);
    if (!known) {
      return { exitCode: 127, logs: [{ ms: 40, text: `runc run failed: unable to start container process: error during container init: exec: "${name}": executable file not found in $PATH` }], ms: 60, files: image.files, dirs: image.dirs, addedBytes: 0 };
    }
    if (['sh', 'bash', '/bin/sh', '/bin/bash'].includes(name) && req.argv[1] === '-c') script = req.argv[2] ?? '';
    else script = req.argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  }
  const parsed = parseScript(script ?? '');
  let exitCode = 0;
  if (parsed.kind === 'ok') {
    const run = runScript(parsed.script, rt);
    let step = run.next(null);
    let guard = 0;
    while (!step.done) {
      const effect = step.value;
      if (effect.type === 'wait') {
        if (effect.stream || ++guard > 10_000) break;
        elapsed += effect.ms;
        world = { ...world, clock: { now: at + elapsed } };
        step = run.next(null);
      } else step = run.next(effect.type === 'shell' ? '0' : null);
    }
    exitCode = step.done ? step.value : 0;
  } else {
    // Constructs this shell does not run (if/for/case): the step is taken to succeed as written.
    elapsed += 400;
  }

  const notFound = (name: string) => (distro === 'alpine' || distro === 'busybox' ? `/bin/sh: ${name}: not found` : `/bin/sh: 1: ${name}: not found`);
  const logs: { ms: number; text: string }[] = [];
  let pending = '';
  let pendingMs = 0;
  for (const chunk of output) {
    if (!pending) pendingMs = chunk.ms;
    pending += chunk.text;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      logs.push({ ms: pendingMs, text: pending.slice(0, nl) });
      pending = pending.slice(nl + 1);
      pendingMs = chunk.ms;
      nl = pending.indexOf('\n');
    }
  }
  if (pending) logs.push({ ms: pendingMs, text: pending });
  for (const l of logs) l.text = l.text.replace(/^bash: (.+): command not found$/, (_, n: string) => notFound(n)).replace(/^bash: /, '/bin/sh: 1: ');

  const after = flatten(world.docker.containers[container.id]?.fs ?? fs);
  const files = { ...image.files };
  let addedBytes = sink.bytes;
  for (const [path, node] of after.files) {
    if (VOLATILE.test(path) || node.kind !== 'file') continue;
    const old = before.files.get(path);
    if (!old || old.kind !== 'file' || old.content !== node.content) {
      files[path] = node.content;
      addedBytes += byteLength(node.content);
    }
  }
  for (const path of before.files.keys()) if (!after.files.has(path)) delete files[path];
  for (const path of Object.keys(files)) if (!after.files.has(path) && !VOLATILE.test(path)) delete files[path];
  const dirs = [...new Set([...image.dirs, ...[...after.dirs].filter((d) => !before.dirs.has(d))])];
  return { exitCode, logs, ms: Math.max(elapsed, 0), files, dirs, addedBytes };
}
