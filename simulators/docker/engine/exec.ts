// Docker's containers in the sandbox (workloads/sandbox/): the commands a container of an image
// has (the sandbox's table, with the programs the image adds: image-tools.ts), and running a line
// inside one over its machine.
import type { CommandSpec, CommandTable } from '../../core/command/spec';
import type { Effect } from '../../core/process';
import type { ProcessInfo } from '../../shell/processes';
import { lookup, type DirNode } from '../../shell/fs';
import type { World, WorldAccess } from '../../world';
import type { LineRunner } from '../../workloads/sandbox/program-run';
import { workloadCommands, executableExists as canExec } from '../../workloads/sandbox/commands';
import { runInWorkload, type WorkloadRunOptions } from '../../workloads/sandbox/run';
import { distroOf } from '../../workloads/sandbox/rootfs';
import { containerMachine } from './container-machine';
import { imageTools } from '../../workloads/sandbox/image-tools';
import { DOCKER_TOOLS } from './tools-catalog';
import type { ImageView } from './images';

/** The commands a container of `image` has; `probe` finds what a package manager installed since. */
export function containerCommands(image: ImageView, extra: readonly CommandSpec[] = [], probe?: (path: string) => boolean): CommandTable {
  return workloadCommands(image, [...imageTools(image.config.env ?? [], distroOf(image.base), DOCKER_TOOLS), ...extra], probe);
}

/**
 * Whether runc could start `line`'s program, and if not runc's reason with the client's exit code:
 * 127 when it cannot be found, 126 when the path exists but is not a program.
 */
export const executableExists = (image: ImageView, line: string, root?: DirNode) => canExec(containerCommands(image), line, root);

export interface ContainerRunOptions extends WorkloadRunOptions {
  /** The pid the command has inside (1 when it is the container's own command). */
  selfPid: number;
  extraProcesses?: () => ProcessInfo[];
}

/** The container's command line as a program the sandbox runs off the terminal (program-run.ts), as PID 1. */
export const containerRunner = (id: string, line: string, image: ImageView): LineRunner => (store, options) => runInContainer(store, id, line, image, { ...options, selfPid: 1 });

/** A copy of the world a replay may change: its own containers table (the sandbox resets the rest). */
export const forkContainers = (world: World): World => ({ ...world, docker: { ...world.docker, containers: { ...world.docker.containers } } });

/** Runs `line` as a shell would inside the container, suspending on simulated waits. */
export function* runInContainer(store: WorldAccess, id: string, line: string, image: ImageView, options: ContainerRunOptions): Generator<Effect, number, string | null> {
  const machine = containerMachine(store, id, { extraProcesses: options.extraProcesses, selfPid: options.selfPid });
  return yield* runInWorkload(store, machine, containerCommands(image, [], (path) => lookup(machine.fs(), path).ok), line, options);
}
