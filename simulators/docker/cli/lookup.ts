// Resolving what a command names: a container by name or id prefix, an image by reference.
import type { CommandContext } from '../../core/process';
import { findContainer } from '../engine/container-table';
import type { Container } from '../state';
import { daemonError } from './output';

/** Each named container, or the daemon's `No such container` for the ones that are missing. */
export function eachContainer(ctx: CommandContext, refs: readonly string[], act: (container: Container, ref: string) => boolean): number {
  let code = 0;
  for (const ref of refs) {
    const container = findContainer(ctx.world().docker, ref);
    if (!container) {
      code = daemonError(ctx, `No such container: ${ref}`);
      continue;
    }
    if (!act(container, ref)) code = 1;
  }
  return code;
}

