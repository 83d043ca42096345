// What every BusyBox applet shares inside alpine and busybox containers, kept here so the shell's
// applets (sed, awk) and the network's (ping, nslookup, wget) say the same: which build answers
// (alpine 3.21 builds 1.37.0 against musl, the busybox image against glibc), the banner a usage
// opens with, and getopt_long's complaints, which each libc words its own way.
import type { CommandContext } from '../core/process';

export interface BusyboxBuild {
  /** `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC)`: the version and the moment it was built. */
  banner: string;
  libc: 'musl' | 'glibc';
}

/** alpine 3.21's busybox 1.37.0-r12 (musl), as its applets print it. */
const ALPINE: BusyboxBuild = { banner: 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC)', libc: 'musl' };
/** busybox:latest, the glibc variant on Debian 12. */
const BUSYBOX_IMAGE: BusyboxBuild = { banner: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC)', libc: 'glibc' };

export const busyboxBuild = (ctx: Pick<CommandContext, 'machine'>): BusyboxBuild => (ctx.machine.identity().distro === 'busybox' ? BUSYBOX_IMAGE : ALPINE);

/** bb_show_usage's text for an applet whose usage (trivial, then full) is `usage`: the banner first, all for stderr. */
export const busyboxUsage = (build: BusyboxBuild, applet: string, usage: string) => `${build.banner} multi-call binary.\n\nUsage: ${applet} ${usage}\n`;

/** An option as getopt_long is told of it: its letter (or none), its long name (or none), and whether it takes a value. */
export interface GetoptOption {
  short?: string;
  long?: string;
  /** 'none', 'required' (`e:`), or 'optional' (`i::`: only glued, `-iSFX` or `--in-place=SFX`). */
  arg: 'none' | 'required' | 'optional';
}

export type GetoptResult =
  | { ok: true; options: { option: GetoptOption; value?: string }[]; operands: string[] }
  | { ok: false; message: string };

/**
 * getopt_long over `argv` as the applet's libc runs it: options in the order given, operands
 * after them unless `stopAtOperand` (`+` in the option string), long names by any unambiguous
 * prefix, `--` ending the options; a refusal in glibc's or musl's words.
 */
export function busyboxGetoptLong(prog: string, argv: readonly string[], known: readonly GetoptOption[], libc: BusyboxBuild['libc'], stopAtOperand = false): GetoptResult {
  const glibc = libc === 'glibc';
  const options: { option: GetoptOption; value?: string }[] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      if (stopAtOperand) {
        operands.push(...argv.slice(i));
        break;
      }
      operands.push(word);
      continue;
    }
    if (word.startsWith('--')) {
      const body = word.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const exact = known.find((o) => o.long === name);
      const prefixed = exact ? [exact] : known.filter((o) => o.long?.startsWith(name));
      // Several names for one option (quiet and silent both mean -n) are no ambiguity.
      const distinct = new Set(prefixed.map((o) => o.short ?? o.long));
      if (prefixed.length === 0 || name === '') return { ok: false, message: glibc ? `${prog}: unrecognized option '${word}'\n` : `${prog}: unrecognized option: ${body}\n` };
      if (distinct.size > 1) {
        return {
          ok: false,
          message: glibc ? `${prog}: option '${word}' is ambiguous; possibilities:${prefixed.map((o) => ` '--${o.long}'`).join('')}\n` : `${prog}: option is ambiguous: ${body}\n`,
        };
      }
      const option = prefixed[0];
      if (eq >= 0) {
        if (option.arg === 'none') return { ok: false, message: glibc ? `${prog}: option '--${option.long}' doesn't allow an argument\n` : `${prog}: option does not take an argument: ${option.long}\n` };
        options.push({ option, value: body.slice(eq + 1) });
        continue;
      }
      if (option.arg === 'required') {
        if (i + 1 >= argv.length) return { ok: false, message: glibc ? `${prog}: option '--${option.long}' requires an argument\n` : `${prog}: option requires an argument: ${option.long}\n` };
        options.push({ option, value: argv[++i] });
        continue;
      }
      options.push({ option });
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const letter = word[j];
      const option = known.find((o) => o.short === letter);
      if (!option) return { ok: false, message: glibc ? `${prog}: invalid option -- '${letter}'\n` : `${prog}: unrecognized option: ${letter}\n` };
      if (option.arg === 'none') {
        options.push({ option });
        continue;
      }
      const glued = word.slice(j + 1);
      if (option.arg === 'optional') options.push({ option, ...(glued ? { value: glued } : {}) });
      else {
        const value = glued || argv[++i];
        if (value === undefined) return { ok: false, message: glibc ? `${prog}: option requires an argument -- '${letter}'\n` : `${prog}: option requires an argument: ${letter}\n` };
        options.push({ option, value });
      }
      break;
    }
  }
  return { ok: true, options, operands };
}
