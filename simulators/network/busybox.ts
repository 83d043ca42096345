// What BusyBox's applets share inside alpine and busybox containers: the banner their usage opens
// with (the build differs: alpine 3.21 builds 1.37.0 against musl, the busybox image against
// glibc), the usage texts themselves (BusyBox's own usage.h, as data), its number readers
// (xatou_range's two errors) and getopt's complaints, which each libc words its own way.
import type { FlagSpec } from '../core/command/spec';
import { busyboxBuild, busyboxGetoptLong, busyboxUsage, type BusyboxBuild, type GetoptOption } from '../shell/busybox';

export { busyboxBuild, type BusyboxBuild };

/** Each applet's usage after `Usage: NAME ` (trivial usage, then the full text), from BusyBox's sources. */
export const USAGES: Readonly<Record<string, string>> = {
  ping:
    '[OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n' +
    '\t-4,-6\t\tForce IP or IPv6 name resolution\n' +
    '\t-c CNT\t\tSend only CNT pings\n' +
    '\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n' +
    '\t-i SECS\t\tInterval\n' +
    '\t-A\t\tPing as soon as reply is received\n' +
    '\t-t TTL\t\tSet TTL\n' +
    '\t-I IFACE/IP\tSource interface or IP address\n' +
    '\t-W SEC\t\tSeconds to wait for the first response (default 10)\n' +
    '\t\t\t(after all -c CNT packets are sent)\n' +
    '\t-w SEC\t\tSeconds until ping exits (default:infinite)\n' +
    '\t\t\t(can exit earlier with -c CNT)\n' +
    '\t-q\t\tQuiet, only display output at start/finish\n' +
    '\t-p HEXBYTE\tPayload pattern',
  nslookup: '[-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any',
};

/** bb_show_usage's text: the banner, then the applet's usage (to stderr). */
export const usageText = (build: BusyboxBuild, applet: string) => busyboxUsage(build, applet, USAGES[applet]);

/** xatou_range and friends: the number, or BusyBox's complaint about it. */
export function readNumber(text: string, lo: number, hi: number, base = 10): number | string {
  const digits = base === 16 ? /^(0x)?[0-9a-f]+$/i : /^\d+$/;
  if (!digits.test(text)) return `invalid number '${text}'`;
  const n = parseInt(text, base);
  // Past what an unsigned long holds, strtoul fails with ERANGE: BusyBox calls it invalid too.
  if (n > 0xffffffff) return `invalid number '${text}'`;
  return n < lo || n > hi ? `number ${text} is not in ${lo}..${hi} range` : n;
}

export type Getopt =
  | { ok: true; options: Map<string, string | true>; operands: string[] }
  | { ok: false; message: string };

/**
 * getopt_long as BusyBox's getopt32 calls it, over an applet's flags (short letters, some taking a
 * value): options may follow operands (both libcs permute), bundle (`-qc3`), and `--` ends them;
 * the complaint is glibc's or musl's, as the applet was built.
 */
export function busyboxGetopt(prog: string, argv: readonly string[], flags: readonly FlagSpec[], libc: BusyboxBuild['libc']): Getopt {
  const known: GetoptOption[] = flags.filter((f) => f.short).map((f) => ({ short: f.short, arg: f.type === 'bool' ? 'none' : 'required' }));
  const parsed = busyboxGetoptLong(prog, argv, known, libc);
  if (!parsed.ok) return parsed;
  return { ok: true, options: new Map(parsed.options.map(({ option, value }) => [option.short!, value ?? true])), operands: parsed.operands };
}
