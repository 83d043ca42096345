// The life of a ping, whichever ping prints it: an echo request every interval (in simulated time,
// one wait per packet, as `sleep` waits), its reply when the network carries one back, and the
// statistics at the end: after -c packets, at the -w deadline, or on Ctrl-C, which ping catches to
// print them (so the line goes on, as bash goes on after a program that handled SIGINT). Round
// trips come from the world's seeded randomness: the same seed prints the same times.
import { finiteWait, waitForever } from '../core/clock';
import { WorkExhausted } from '../core/budget';
import { Interrupted, type CommandContext, type Effect } from '../core/process';
import { nextRandom } from '../core/random';
import { NETWORK, composeNetwork } from './addresses';
import { isLoopback } from './dns';

const NOWHERE = composeNetwork([]);

/** Work units one request and its reply cost: a runaway ping (`-i 0.000001`) is cut within a second. */
const PACKET_WORK = 40;

export interface PingPlan {
  /** The host as typed: the statistics are about it. */
  host: string;
  /** The address the echo requests go to. */
  ip: string;
  /** -c: packets to send, 0 for no limit. */
  count: number;
  /** -i, in microseconds; 0 sends no second packet (the interval timer is never armed). */
  intervalUs: number;
  /** -w: ms after the start past which no packet is sent (the run ends there). */
  deadlineMs?: number;
  /** -W: ms to wait for a reply once all -c packets are sent and none came back; 0 waits forever. */
  lingerMs: number;
  quiet: boolean;
  /** -s: data bytes per packet. */
  size: number;
  /** Whether a packet has room for the sender's timestamp (BusyBox needs 4 bytes, iputils 16): else no times. */
  timed: boolean;
  /** -A: the next request goes as soon as a reply arrives. */
  adaptive?: boolean;
}

export interface Tally {
  transmitted: number;
  received: number;
  /** Round trips in microseconds, of the replies that carried a timestamp. */
  rtts: number[];
  /** Microseconds from the first request to the last one (or its reply, if later). */
  lastUs: number;
}

/** How one ping prints (BusyBox's applet, iputils on the laptop) and when it gives up. */
export interface PingStyle {
  header(plan: PingPlan): string;
  /** A reply line; `seq` counts from 0, each ping numbers as it likes. */
  reply(plan: PingPlan, seq: number, from: string, rttUs: number | undefined): string;
  /** The statistics; `interrupted`: Ctrl-C came, and the terminal already moved to a new line after ^C. */
  footer(plan: PingPlan, tally: Tally, interrupted: boolean): string;
  exitCode(plan: PingPlan, tally: Tally): number;
  /** After the last -c packet: how long to listen still, given the replies so far (0: forever). */
  lingerAfterLastMs(plan: PingPlan, tally: Tally): number;
  /**
   * How -w ends a run: BusyBox looks at its deadline only when the next request is due, so it ends
   * then; iputils ends at the deadline itself.
   */
  deadline: 'at-next-send' | 'exact';
  /** Microseconds a timer-driven interval of `intervalUs` runs late (`r` in [0, 1)): how the loop drifts. */
  lagUs(r: number, intervalUs: number): number;
  /** No route to the address: what fails (before the header or at the first send), and the exit code. */
  noRoute: { message: string; beforeHeader: boolean; code: number };
}

/**
 * A round trip in microseconds: tens of microseconds over the loopback, a little more through a
 * bridge's veth pair, and the first packet slower (the neighbour lookup, cold caches).
 */
function drawRtt(r: number, ip: string, first: boolean): number {
  const local = isLoopback(ip);
  const base = local ? 30 + Math.floor(r * 45) : 48 + Math.floor(r * 70);
  return first ? base + (local ? 40 : 90) + Math.floor(r * 180) : base;
}

/** Where a reply comes from: the address pinged, except 0.0.0.0, which is this machine's loopback. */
const replier = (ip: string) => (ip === '0.0.0.0' ? '127.0.0.1' : ip);

/** A fraction in [0, 1) from the world's seeded randomness (kept moving in the world). */
function draw(ctx: CommandContext): number {
  const [r, rng] = nextRandom(ctx.world().rng);
  ctx.update((w) => ({ ...w, rng }));
  return r;
}

export function* runPing(ctx: CommandContext, plan: PingPlan, style: PingStyle): Generator<Effect, number, string | null> {
  const network = ctx.services.get(NETWORK) ?? NOWHERE;
  const tally: Tally = { transmitted: 0, received: 0, rtts: [], lastUs: 0 };
  // Endless (no -c, no -w): the waits are a stream's, which a run's time allowance may cut.
  const endless = plan.count === 0 && plan.deadlineMs === undefined;
  const deadlineUs = plan.deadlineMs === undefined ? Infinity : plan.deadlineMs * 1000;
  /** Microseconds since the first request; the world's clock only moves by whole ms. */
  let nowUs = 0;
  let waitedMs = 0;
  /** Lets simulated time pass until `us`; a moment the world's clock cannot reach never comes. */
  const advanceTo = function* (us: number, stream: boolean): Generator<Effect, void, string | null> {
    const ms = finiteWait(ctx.world().clock.now, Math.floor(us / 1000) - waitedMs);
    if (ms === undefined) return yield* waitForever();
    nowUs = Math.max(nowUs, us);
    if (ms <= 0) return;
    waitedMs += ms;
    yield { type: 'wait', ms, stream };
  };
  // Without a route the first send fails, and ping dies of it.
  if (network.echo(ctx.world(), plan.ip, ctx.machine.place) === 'no-route') {
    if (!style.noRoute.beforeHeader) ctx.out(style.header(plan));
    ctx.err(style.noRoute.message);
    return style.noRoute.code;
  }
  ctx.out(style.header(plan));
  try {
    for (;;) {
      if (nowUs >= deadlineUs) break;
      const seq = tally.transmitted++;
      tally.lastUs = nowUs;
      // A packet is a lookup through the network and a draw of the world's randomness: a few dozen steps.
      ctx.budget.spend(PACKET_WORK);
      let replyAtUs: number | undefined;
      if (network.echo(ctx.world(), plan.ip, ctx.machine.place) === 'reply') {
        const from = replier(plan.ip);
        const rtt = drawRtt(draw(ctx), from, seq === 0);
        replyAtUs = nowUs + rtt;
        tally.received++;
        tally.lastUs = replyAtUs;
        if (plan.timed) tally.rtts.push(rtt);
        if (!plan.quiet) ctx.out(style.reply(plan, seq, from, plan.timed ? rtt : undefined));
        if (plan.count && tally.received >= plan.count) {
          yield* advanceTo(replyAtUs, false);
          break;
        }
      }
      if (plan.count && tally.transmitted >= plan.count) {
        // All sent: listen a little longer for late replies (none come here), then give up.
        const linger = style.lingerAfterLastMs(plan, tally);
        const end = nowUs + (linger === 0 ? Infinity : linger * 1000);
        yield* advanceTo(style.deadline === 'exact' ? Math.min(end, deadlineUs) : end, false);
        break;
      }
      const interval = plan.intervalUs > 0 ? plan.intervalUs + style.lagUs(draw(ctx), plan.intervalUs) : undefined;
      const next = plan.adaptive && replyAtUs !== undefined ? replyAtUs : interval === undefined ? undefined : nowUs + interval;
      if (next === undefined) {
        // -i 0 arms no timer: no request follows, and ping waits until the deadline or Ctrl-C.
        if (deadlineUs === Infinity || style.deadline === 'at-next-send') yield* waitForever();
        yield* advanceTo(deadlineUs, false);
        break;
      }
      yield* advanceTo(style.deadline === 'exact' ? Math.min(next, deadlineUs) : next, endless);
      if (ctx.budget.breathe()) yield { type: 'wait', ms: 0 };
    }
  } catch (e) {
    // Ctrl-C: ping catches SIGINT and prints its statistics (a line cut for running out of work does not).
    if (!(e instanceof Interrupted) || e instanceof WorkExhausted) throw e;
    ctx.out(style.footer(plan, tally, true));
    return style.exitCode(plan, tally);
  }
  ctx.out(style.footer(plan, tally, false));
  return style.exitCode(plan, tally);
}
