// Each family of tools words its usage errors and --help pages its own way. A dialect holds that
// wording so the one flag parser (flags.ts) can speak like GNU coreutils, like a bash builtin or,
// later, like docker and kubectl.
import type { CommandSpec, Dialect, FlagError, FlagSpec } from './types';

export type { Dialect, FlagError } from './types';
import { takesValue } from './values';

const commandLine = (path: readonly CommandSpec[]) => path.map((s) => s.name).join(' ');

function flagColumn(flag: FlagSpec, equalsStyle: boolean): string {
  const value = !takesValue(flag) ? '' : flag.valueName ?? (flag.type === 'int' ? 'NUM' : 'VALUE');
  const short = flag.short ? `-${flag.short}` : '';
  if (flag.implicit !== undefined) {
    const long = flag.long ? `--${flag.long}[=${value}]` : '';
    return short ? `  ${short}${long ? `, ${long}` : `[${value}]`}` : `      ${long}`;
  }
  if (!flag.long) return `  ${short}${value ? ` ${value}` : ''}`;
  const long = `--${flag.long}${value ? (equalsStyle ? `=${value}` : ` ${value}`) : ''}`;
  return short ? `  ${short}, ${long}` : `      ${long}`;
}

function alignedList(rows: [string, string][], minColumn = 0): string {
  const width = Math.max(minColumn, ...rows.map(([left]) => left.length + 2));
  return rows.map(([left, right]) => (left.length + 2 > width ? `${left}\n${' '.repeat(width)}${right}` : `${left.padEnd(width)}${right}`)).join('\n');
}

/** GNU coreutils: `ls: invalid option -- 'z'` and `Try 'ls --help' for more information.` */
export const gnu: Dialect = {
  id: 'gnu',
  longPrefixes: true,
  shortEquals: false,
  dashHIsHelp: false,
  flagError(path, error) {
    const name = path[0].name;
    const exitCode = path[path.length - 1].usageExitCode ?? 1;
    const first = (() => {
      switch (error.kind) {
        case 'unknown-long':
          return `${name}: unrecognized option '--${error.name}'`;
        case 'unknown-short':
          return `${name}: invalid option -- '${error.char}'`;
        case 'ambiguous-long':
          return `${name}: option '--${error.name}' is ambiguous; possibilities: ${error.candidates.map((c) => `'--${c}'`).join(' ')}`;
        case 'missing-value':
          return error.asShort
            ? `${name}: option requires an argument -- '${error.flag.short}'`
            : `${name}: option '--${error.flag.long}' requires an argument`;
        case 'unexpected-value':
          return `${name}: option '--${error.flag.long}' doesn't allow an argument`;
        case 'bad-value':
          return `${name}: invalid argument ‘${error.value}’ for ‘--${error.flag.long || error.flag.short}’`;
      }
    })();
    return { message: `${first}\nTry '${name} --help' for more information.\n`, exitCode };
  },
  usageError(path, message) {
    const name = path[0].name;
    return {
      message: `${name}: ${message}\nTry '${name} --help' for more information.\n`,
      exitCode: path[path.length - 1].usageExitCode ?? 1,
    };
  },
  help(path) {
    const spec = path[path.length - 1];
    const usage = spec.usage ?? defaultUsage(spec, '[OPTION]...');
    const flags = (spec.flags ?? []).filter((f) => !f.hidden);
    const rows: [string, string][] = flags.map((f) => [flagColumn(f, true), f.description]);
    rows.push(['      --help', 'display this help and exit']);
    let text = `Usage: ${commandLine(path)} ${usage}\n${spec.description ?? spec.summary}\n\n`;
    text += `${alignedList(rows, 29)}\n`;
    if (spec.notes) text += `\n${spec.notes}\n`;
    return text;
  },
};

/** bash's own builtins: `bash: cd: -z: invalid option` then `cd: usage: cd [dir]`, exit 2. */
export const bashBuiltin: Dialect = {
  id: 'bash',
  longPrefixes: false,
  shortEquals: false,
  dashHIsHelp: false,
  helpExitCode: 2,
  flagError(path, error) {
    const spec = path[0];
    const usage = `${spec.name}: usage: ${spec.name} ${spec.usage ?? defaultUsage(spec, '')}`.trimEnd();
    const token = (() => {
      switch (error.kind) {
        case 'unknown-long':
        case 'ambiguous-long':
          return `--${error.name}: invalid option`;
        case 'unknown-short':
          return `-${error.char}: invalid option`;
        case 'missing-value':
          return `-${error.flag.short}: option requires an argument`;
        case 'unexpected-value':
          return `--${error.flag.long}: invalid option`;
        case 'bad-value':
          return `${error.value}: numeric argument required`;
      }
    })();
    return { message: `bash: ${spec.name}: ${token}\n${usage}\n`, exitCode: 2 };
  },
  usageError(path, message) {
    return { message: `bash: ${path[0].name}: ${message}\n`, exitCode: path[0].usageExitCode ?? 1 };
  },
  help(path) {
    const spec = path[0];
    const indent = (s: string) => s.split('\n').map((l) => (l ? `    ${l}` : '    ')).join('\n');
    let text = `${spec.name}: ${spec.name} ${spec.usage ?? defaultUsage(spec, '')}`.trimEnd() + '\n';
    text += indent(spec.summary) + '\n';
    if (spec.description) text += '    \n' + indent(spec.description) + '\n';
    const flags = (spec.flags ?? []).filter((f) => !f.hidden);
    if (flags.length) {
      text += '    \n    Options:\n';
      text += flags.map((f) => `      -${f.short}\t${f.description}`).join('\n') + '\n';
    }
    return text;
  },
};

function defaultUsage(spec: CommandSpec, optionsPart: string): string {
  const args = (spec.args ?? []).map((a) => {
    const name = a.variadic ? `${a.name}...` : a.name;
    return a.optional ? `[${name}]` : name;
  });
  return [optionsPart, ...args].filter(Boolean).join(' ');
}
