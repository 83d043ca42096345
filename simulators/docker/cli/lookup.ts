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

/** Parses `256m`, `1g`, `512k`, `1024` into bytes (docker's RAMInBytes). */
export function parseBytes(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgtp]?)b?$/i.exec(value.trim());
  if (!m) return undefined;
  const power = 'bkmgtp'.indexOf((m[2] || 'b').toLowerCase());
  return Math.round(Number(m[1]) * 1024 ** power);
}
