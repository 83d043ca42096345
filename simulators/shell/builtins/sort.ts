import { gnu } from '../../core/command/dialects';
import type { CommandSpec, FlagValue } from '../../core/command/spec';
import { writeFile } from '../fs';
import { abs, actorOf, commit, curly, fsMessage, lines, quoteName, readInputsOrTerminal } from './support';

/** How one key compares: the ordering letters of a KEYDEF (`-k2,2nr`) or of the global flags. */
interface Ordering {
  numeric: boolean;
  general: boolean;
  human: boolean;
  version: boolean;
  month: boolean;
  fold: boolean;
  blanks: boolean;
  reverse: boolean;
}

interface Key extends Ordering {
  startField: number;
  startChar: number;
  /** 0: to the end of the line. */
  endField: number;
  /** 0: to the end of the field. */
  endChar: number;
  /** Whether the KEYDEF named its own ordering (then the global flags do not apply to it). */
  own: boolean;
}

const LETTERS: Record<string, keyof Ordering> = { n: 'numeric', g: 'general', h: 'human', V: 'version', M: 'month', f: 'fold', b: 'blanks', r: 'reverse' };

function orderingFrom(flags: Record<string, FlagValue>): Ordering {
  return {
    numeric: Boolean(flags['numeric-sort']),
    general: Boolean(flags['general-numeric-sort']),
    human: Boolean(flags['human-numeric-sort']),
    version: Boolean(flags['version-sort']),
    month: Boolean(flags['month-sort']),
    fold: Boolean(flags['ignore-case']),
    blanks: Boolean(flags['ignore-leading-blanks']),
    reverse: Boolean(flags.reverse),
  };
}

/** Parses a KEYDEF, `F[.C][OPTS][,F[.C][OPTS]]`, or returns GNU sort's complaint. */
function parseKey(spec: string, global: Ordering): Key | string {
  const key: Key = { ...global, startField: 0, startChar: 1, endField: 0, endChar: 0, own: false };
  const own: Partial<Ordering> = {};
  const invalid = (why: string) => `${why}: invalid field specification ${curly(spec)}`;
  let rest = spec;
  const number = (after: string): number | string => {
    const m = /^\d+/.exec(rest);
    if (!m) return `invalid number ${after}: invalid count at start of ${curly(rest)}`;
    rest = rest.slice(m[0].length);
    return Number(m[0]);
  };
  const options = () => {
    while (rest && rest[0] in LETTERS) {
      own[LETTERS[rest[0]]] = true;
      rest = rest.slice(1);
    }
  };
  const start = number('at field start');
  if (typeof start === 'string') return start;
  if (start === 0) return invalid('field number is zero');
  key.startField = start;
  if (rest.startsWith('.')) {
    rest = rest.slice(1);
    const c = number("after '.'");
    if (typeof c === 'string') return c;
    if (c === 0) return invalid('character offset is zero');
    key.startChar = c;
  }
  options();
  if (rest.startsWith(',')) {
    rest = rest.slice(1);
    const end = number("after ','");
    if (typeof end === 'string') return end;
    if (end === 0) return invalid('field number is zero');
    key.endField = end;
    if (rest.startsWith('.')) {
      rest = rest.slice(1);
      const c = number("after '.'");
      if (typeof c === 'string') return c;
      key.endChar = c;
    }
    options();
  }
  if (rest) return invalid('stray character in field spec');
  if (Object.keys(own).length) {
    key.own = true;
    for (const name of Object.values(LETTERS)) key[name] = Boolean(own[name]);
  }
  return key;
}

/** Fields as sort sees them: split at SEP, or each starting where blanks do (leading blanks belong to a field). */
function fieldBounds(line: string, sep: string | undefined): [number, number][] {
  const bounds: [number, number][] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(sep, start);
      bounds.push([start, at === -1 ? line.length : at]);
      if (at === -1) return bounds;
      start = at + 1;
    }
  }
  const re = /[ \t]*[^ \t]+/g;
  for (const m of line.matchAll(re)) bounds.push([m.index!, m.index! + m[0].length]);
  return bounds;
}

function extract(line: string, key: Key, sep: string | undefined): string {
  const fields = fieldBounds(line, sep);
  const skip = (from: number, to: number) => {
    let at = from;
    while (key.blanks && at < to && (line[at] === ' ' || line[at] === '\t')) at++;
    return at;
  };
  const startField = fields[key.startField - 1];
  if (!startField) return '';
  const start = Math.min(skip(startField[0], startField[1]) + key.startChar - 1, startField[1]);
  let end = line.length;
  if (key.endField) {
    const endField = fields[key.endField - 1];
    if (endField) end = key.endChar ? Math.min(skip(endField[0], endField[1]) + key.endChar, endField[1]) : endField[1];
  }
  return end > start ? line.slice(start, end) : '';
}

const numeric = (s: string) => {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(s)!;
  if (!m[2] && !m[3]) return 0;
  return Number(`${m[1]}${m[2] || '0'}.${m[3] || '0'}`);
};

/** -h: the sign, then the unit (none < K < M < G ...), then the number. */
function human(s: string): [number, number] {
  const m = /^[ \t]*(-?)(\d*(?:\.\d*)?)([KMGTPEZYkmgtpezy]?)/.exec(s)!;
  if (!/\d/.test(m[2])) return [0, 0];
  const value = Number(`${m[1]}${m[2]}`);
  const unit = m[3] ? 'KMGTPEZY'.indexOf(m[3].toUpperCase()) + 1 : 0;
  return [value < 0 ? -unit : unit, value];
}

/** -g: a floating-point number as strtod reads it; text that is no number sorts first. */
function general(s: string): number {
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf(?:inity)?)/i.exec(s);
  return m ? Number(m[1].replace(/inf(inity)?/i, 'Infinity')) : -Infinity;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const month = (s: string) => MONTHS.indexOf(s.trimStart().slice(0, 3).toUpperCase()) + 1;

/** -V: runs of digits compare as numbers, the rest as Debian versions do (letters before other marks, ~ first). */
function versionCompare(a: string, b: string): number {
  const order = (c: string | undefined) => (c === undefined ? 0 : c === '~' ? -1 : /[A-Za-z]/.test(c) ? c.charCodeAt(0) : c.charCodeAt(0) + 256);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
      const x = i < a.length && !/\d/.test(a[i]) ? a[i] : undefined;
      const y = j < b.length && !/\d/.test(b[j]) ? b[j] : undefined;
      if (order(x) !== order(y)) return order(x) - order(y);
      i++;
      j++;
    }
    const da = /^\d*/.exec(a.slice(i))![0];
    const db = /^\d*/.exec(b.slice(j))![0];
    i += da.length;
    j += db.length;
    const diff = Number(da || 0) - Number(db || 0);
    if (diff) return diff;
  }
  return 0;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareBy(o: Ordering, a: string, b: string): number {
  let c: number;
  if (o.numeric) c = numeric(a) - numeric(b);
  else if (o.general) c = general(a) === general(b) ? 0 : general(a) < general(b) ? -1 : 1;
  else if (o.human) {
    const [ua, va] = human(a);
    const [ub, vb] = human(b);
    c = ua - ub || va - vb;
  } else if (o.month) c = month(a) - month(b);
  else if (o.version) c = versionCompare(a, b);
  else if (o.fold) c = byteOrder(a.toUpperCase(), b.toUpperCase());
  else c = byteOrder(o.blanks ? a.trimStart() : a, o.blanks ? b.trimStart() : b);
  return o.reverse ? -c : c;
}

export const sort: CommandSpec = {
  name: 'sort',
  summary: 'sort lines of text files',
  usage: '[OPTION]... [FILE]...',
  description: 'Write sorted concatenation of all FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.',
  dialect: gnu,
  usageExitCode: 2,
  flags: [
    { long: 'ignore-leading-blanks', short: 'b', type: 'bool', description: 'ignore leading blanks' },
    { long: 'ignore-case', short: 'f', type: 'bool', description: 'fold lower case to upper case characters' },
    { long: 'general-numeric-sort', short: 'g', type: 'bool', description: 'compare according to general numerical value' },
    { long: 'human-numeric-sort', short: 'h', type: 'bool', description: 'compare human readable numbers (e.g., 2K 1G)' },
    { long: 'month-sort', short: 'M', type: 'bool', description: "compare (unknown) < 'JAN' < ... < 'DEC'" },
    { long: 'numeric-sort', short: 'n', type: 'bool', description: 'compare according to string numerical value' },
    { long: 'reverse', short: 'r', type: 'bool', description: 'reverse the result of comparisons' },
    { long: 'version-sort', short: 'V', type: 'bool', description: 'natural sort of (version) numbers within text' },
    { long: 'check', short: 'c', type: 'bool', description: 'check for sorted input; do not sort' },
    { long: '', short: 'C', type: 'bool', description: 'like -c, but do not report first bad line' },
    { long: 'key', short: 'k', type: 'stringArray', valueName: 'KEYDEF', description: 'sort via a key; KEYDEF gives location and type' },
    { long: 'output', short: 'o', type: 'string', valueName: 'FILE', description: 'write result to FILE instead of standard output' },
    { long: 'stable', short: 's', type: 'bool', description: 'stabilize sort by disabling last-resort comparison' },
    { long: 'field-separator', short: 't', type: 'string', valueName: 'SEP', description: 'use SEP instead of non-blank to blank transition' },
    { long: 'unique', short: 'u', type: 'bool', description: 'with -c, check for strict ordering;\nwithout -c, output only the first of an equal run' },
  ],
  args: [{ name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const sep = f['field-separator'] as string | undefined;
    if (sep !== undefined && [...sep].length !== 1) {
      ctx.err(sep === '' ? 'sort: empty tab\n' : `sort: multi-character tab ${curly(sep)}\n`);
      return 2;
    }
    const global = orderingFrom(f);
    const keys: Key[] = [];
    for (const spec of f.key as string[]) {
      const key = parseKey(spec, global);
      if (typeof key === 'string') {
        ctx.err(`sort: ${key}\n`);
        return 2;
      }
      keys.push(key);
    }
    const inputs = yield* readInputsOrTerminal(ctx, ctx.command.args);
    const all: string[] = [];
    for (const input of inputs) {
      if ('error' in input) {
        ctx.err(input.error === 'EISDIR' ? `sort: read failed: ${quoteName(input.name)}: Is a directory\n` : `sort: cannot read: ${quoteName(input.name)}: ${fsMessage(input.error)}\n`);
        return 2;
      }
      all.push(...lines(input.text));
    }
    const compareKeys = (a: string, b: string) => {
      if (!keys.length) return compareBy(global, a, b);
      for (const key of keys) {
        const c = compareBy(key, extract(a, key, sep), extract(b, key, sep));
        if (c) return c;
      }
      return 0;
    };
    // GNU sort breaks ties by comparing whole lines byte by byte, unless -s or -u.
    const lastResort = !f.stable && !f.unique && (keys.length > 0 || global.numeric || global.general || global.human || global.month || global.version || global.fold || global.blanks);
    const compare = (a: string, b: string) => compareKeys(a, b) || (lastResort ? (global.reverse ? -1 : 1) * byteOrder(a, b) : 0);

    if (f.check || f.C) {
      const name = inputs.length === 1 ? inputs[0].name : '-';
      for (let i = 1; i < all.length; i++) {
        const c = compare(all[i - 1], all[i]);
        if (c > 0 || (f.unique && c === 0)) {
          if (f.check) ctx.err(`sort: ${name}:${i + 1}: disorder: ${all[i]}\n`);
          return 1;
        }
      }
      return 0;
    }
    let sorted = [...all].sort(compare);
    if (f.unique) sorted = sorted.filter((line, i) => i === 0 || compareKeys(sorted[i - 1], line) !== 0);
    const text = sorted.map((l) => `${l}\n`).join('');
    if (f.output === undefined) {
      ctx.out(text);
      return 0;
    }
    const output = String(f.output);
    const error = commit(ctx, writeFile(ctx.machine.fs(), abs(ctx, output), text, actorOf(ctx)));
    if (error) {
      ctx.err(`sort: open failed: ${quoteName(output)}: ${fsMessage(error)}\n`);
      return 2;
    }
    return 0;
  },
};
