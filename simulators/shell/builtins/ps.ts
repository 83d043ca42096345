import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { ProcessInfo } from '../processes';

const TOTAL_MEMORY_KB = 16_252_928;

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const cpuTime = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
const bsdTime = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Fits a line to the terminal width, as ps does when writing to a terminal. */
const clip = (line: string, cols: number | undefined) => (cols && line.length > cols ? line.slice(0, cols) : line);

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

export const ps: CommandSpec = {
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  usage: '[options]',
  description: 'Lists processes.  Supported here: ps, ps -e (or -A), ps -f, ps -ef, ps aux.',
  dialect: gnu,
  rawArgs: true,
  run(ctx) {
    const opts = ctx.command.args.join(' ');
    let all = false;
    let full = false;
    let bsd = false;
    const busybox = ctx.machine.identity().userland === 'busybox';
    for (const arg of busybox ? [] : ctx.command.args) {
      if (/^-[eAf]+$/.test(arg)) {
        all ||= /[eA]/.test(arg);
        full ||= arg.includes('f');
      } else if (/^-?aux?$|^-?ax$|^-?au$/.test(arg)) {
        bsd = true;
        all = arg.includes('x');
      } else {
        ctx.err(`error: ${arg.startsWith('-') ? 'unsupported SysV option' : 'unsupported option (BSD syntax)'}\n${USAGE}`);
        return 1;
      }
    }
    const now = ctx.machine.now();
    const { user, userland } = ctx.machine.identity();
    const self = ctx.machine.selfPid;
    const { pid, ppid } = ctx.machine.childPid();
    const own: ProcessInfo = {
      pid,
      ppid,
      user,
      tty: 'pts/0',
      stat: 'R+',
      started: now,
      cpuSeconds: 0,
      vszKb: 11_300,
      rssKb: 4_480,
      command: `ps ${opts}`.trimEnd(),
      name: 'ps',
    };
    // In a container the command asking is already listed (as PID 1, or as the exec'd process).
    const processes = self === undefined ? [...ctx.machine.processes(), own] : ctx.machine.processes();
    if (userland === 'busybox') {
      // BusyBox ps ignores the selection options and lists everything in one format.
      ctx.out(`PID   USER     TIME  COMMAND\n${processes.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8)} ${bsdTime(p.cpuSeconds).padStart(5)} ${p.command}\n`).join('')}`);
      return 0;
    }
    const me = processes.find((p) => p.pid === (self ?? own.pid)) ?? own;
    const list = processes.filter((p) => all || p.tty === me.tty);
    const cols = ctx.tty?.cols;
    const lines: string[] = [];
    if (bsd) {
      lines.push('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
      for (const p of list) {
        const mem = ((p.rssKb / TOTAL_MEMORY_KB) * 100).toFixed(1);
        lines.push(
          `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${'0.0'.padStart(4)} ${mem.padStart(4)} ${String(p.vszKb).padStart(6)} ${String(p.rssKb).padStart(5)} ${p.tty.padEnd(8)} ${p.stat.padEnd(4)} ${hhmm(p.started)} ${bsdTime(p.cpuSeconds).padStart(6)} ${p.command}`,
        );
      }
    } else if (full) {
      lines.push('UID          PID    PPID  C STIME TTY          TIME CMD');
      for (const p of list) {
        lines.push(`${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${hhmm(p.started)} ${p.tty.padEnd(8)} ${cpuTime(p.cpuSeconds)} ${p.command}`);
      }
    } else {
      lines.push('    PID TTY          TIME CMD');
      for (const p of list) lines.push(`${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} ${cpuTime(p.cpuSeconds)} ${p.name}`);
    }
    ctx.out(lines.map((l) => `${clip(l, cols)}\n`).join(''));
    return 0;
  },
};
