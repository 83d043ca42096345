// The shell's part of a command's context: the world and the machine the command runs on. Declared
// onto core's CommandContext (core/command/types.ts) from here, so core imports nothing above it.
import type { World } from '../world';
import type { Machine } from './machine';

declare module '../core/command/types' {
  interface CommandContext {
    /** The world as it is now; read it again after a yield, since time may have passed. */
    world(): World;
    update(change: (world: World) => World): void;
    /** The machine this shell runs on: its files, shell state and identity. */
    readonly machine: Machine;
  }
}
