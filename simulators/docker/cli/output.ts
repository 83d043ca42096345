// How the docker client reports what the daemon refused: `Error response from daemon: ...`, and
// for run/create a `docker: ` prefix with a pointer to --help and exit code 125.
import type { CommandContext } from '../../core/process';
import { DOCKER_REFERENCE } from './reference';

export function daemonError(ctx: CommandContext, message: string, code = 1): number {
  ctx.err(`Error response from daemon: ${message}\n`);
  return code;
}

/**
 * A flag whose value the client cannot parse (`-m abc`, `-e =x`): cobra's form, with the usage
 * line and no `docker: ` prefix, exit 125.
 */
export function flagValueError(ctx: CommandContext, command: string, message: string): number {
  ctx.err(`${message}\n\nUsage:  ${DOCKER_REFERENCE[command]?.usage ?? `docker ${command}`}\n\nRun 'docker ${command} --help' for more information\n`);
  return 125;
}

/** docker run and docker create: the error, then `Run 'docker run --help' for more information`. */
export function runError(ctx: CommandContext, command: string, message: string, fromDaemon = true): number {
  ctx.err(`docker: ${fromDaemon ? 'Error response from daemon: ' : ''}${message}\n\nRun 'docker ${command} --help' for more information\n`);
  return 125;
}

/** A pause the real client and daemon take (an API round trip), so time moves as in life. */
export const latency = (ms: number) => ({ type: 'wait' as const, ms });
