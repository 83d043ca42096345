// A command's way onto the network: the session's composed providers (addresses.ts), asked from
// the machine the command runs on. Without a network handed down (an engine's offline run), nothing
// answers: names do not resolve and addresses refuse.
import type { CommandContext } from '../core/process';
import { NETWORK, composeNetwork, type Resolution } from './addresses';

const NOWHERE = composeNetwork([]);

export function connectFrom(ctx: Pick<CommandContext, 'services' | 'world' | 'machine'>, host: string, port: number): Resolution {
  return (ctx.services.get(NETWORK) ?? NOWHERE).connect(ctx.world(), host, port, ctx.machine.place);
}

/** The address a resolution reached (or tried). */
export const addressOf = (r: Exclude<Resolution, { kind: 'unresolved' }>): string => (r.kind === 'endpoint' ? r.endpoint.ip : r.ip);
