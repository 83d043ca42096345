// ping as each machine has it: BusyBox's applet inside alpine and busybox containers
// (ping-busybox.ts), iputils' ping on the Ubuntu laptop (ping-iputils.ts). Both send over the same
// network: containers answer from the addresses they have on the networks the pinger shares with
// them, a paused container swallows the packets, and this world has no internet beyond the LAN.
import type { CommandSpec } from '../core/command/spec';
import { gnu } from '../core/command/dialects';
import type { CommandContext, Effect } from '../core/process';
import { PING_FLAGS, busyboxPing } from './ping-busybox';
import { iputilsPing } from './ping-iputils';

export const ping: CommandSpec = {
  name: 'ping',
  summary: 'send ICMP ECHO_REQUEST to network hosts',
  usage: '[OPTIONS] HOST',
  description: 'Send ICMP ECHO_REQUESTs to HOST. Here: containers by address, or by name on a user-defined network.',
  dialect: gnu,
  // Each ping reads its own options (BusyBox's getopt32, iputils' getopt) and words its own refusals.
  rawArgs: true,
  helpIsArg: true,
  flags: PING_FLAGS,
  args: [{ name: 'HOST' }],
  run(ctx: CommandContext): Generator<Effect, number, string | null> {
    return ctx.machine.identity().userland === 'busybox' ? busyboxPing(ctx) : iputilsPing(ctx);
  },
};
