// Word expansion in bash's order: brace expansion, tilde, parameters and command substitution,
// then field splitting of unquoted results, then pathname expansion, then quote removal.
import type { Effect } from '../core/process';
import { OutOfMemory, TEXT_LIMIT, type WorkBudget } from '../core/budget';
import type { ParamPart, Script, Word, WordPart } from './ast';
import { AbortLine } from './language';
import { ArithError, ArithUnbound } from './arith';
import { ansiC } from './xtrace';
import { expandGlob, hasGlob, unescapeGlob } from './glob';
import { compileGlob, type GlobPattern } from './glob-match';
import { lookup, type DirNode } from './fs';

export interface ExpandEnv {
  /** A variable's value, or undefined when unset (special ones included: ?, $, 0, #, RANDOM; an array's element 0). */
  lookup(name: string): string | undefined;
  /** `${name[@]}`: an array's values in index order (a string's one), or for `@` the positional parameters. */
  list(name: string): string[];
  /** `${!name[@]}`: the indices that hold a value. */
  keys(name: string): string[];
  /** `${name[i]}` for a non-negative index. */
  element(name: string, index: bigint): string | undefined;
  /** One past an array's highest index, for negative subscripts. */
  arrayEnd(name: string): bigint;
  /** Whether NAME holds an array (for `${x@a}`). */
  isArray?(name: string): boolean;
  /** Evaluates arithmetic over the shell's variables (throws ArithError, ArithUnbound). */
  arith(expression: string): bigint;
  /** `set -u`: expanding an unset variable is an error. */
  nounset?: boolean;
  /** `set -f`: no pathname expansion. */
  noglob?: boolean;
  /** `set +B`: no brace expansion. */
  noBraces?: boolean;
  assign(name: string, value: string): void;
  home(): string;
  fs(): DirNode;
  cwd(): string;
  /** Runs `$(...)` and returns what it printed. */
  substitute(script: Script): Generator<Effect, string, string | null>;
  /** Runs `<(...)` and returns the name of a file holding what it printed. */
  processSubstitute?(script: Script): Generator<Effect, string, string | null>;
  /** The line's work budget: every word, match and character built is paid from it. */
  budget: WorkBudget;
  /** A complaint that does not stop the command (bash's brace expansion running out of memory). */
  warn?(message: string): void;
}

/**
 * Most words one brace expansion may give. bash builds them all until malloc fails, then says
 * so and leaves the word as typed; we say so sooner, with its words.
 */
export const BRACE_LIMIT = 200_000;
/** What producing one word of a command line costs, in budget units. */
const WORD_WORK = 4;
/** How deeply braces may nest inside one another in one word. */
const BRACE_NESTING = 256;

/** The words a brace expansion would give, past BRACE_LIMIT. */
class BraceTooBig extends Error {
  constructor(readonly elements: number) {
    super('brace expansion too big');
  }
}

/** An expansion bash refuses (`${%x}`, `${X:?unset}`, `$((1/0))`): the line stops there with status 1. */
export class ExpansionError extends AbortLine {}

type Run<T> = Generator<Effect, T, string | null>;

/** A piece of an expanded word: whether quotes protect it from globbing, and whether it splits on blanks. */
interface Segment {
  text: string;
  quoted: boolean;
  split: boolean;
  /** Ends the field here: between the elements of "$@" and "${a[@]}", which stay words of their own. */
  brk?: boolean;
}

const BREAK: Segment = { text: '', quoted: true, split: false, brk: true };

const IFS = /[ \t\n]+/;

/**
 * Field splitting by $IFS: its blanks (space, tab, newline) run together and are trimmed at the
 * ends; each of its other characters ends a field on its own (`IFS=:` splits `a::b` in three).
 */
function splitFields(text: string, ifs: string | undefined): string[] {
  if (ifs === undefined) return text.split(IFS);
  if (ifs === '') return [text];
  const blanks = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const others = [...ifs].filter((c) => !' \t\n'.includes(c)).join('');
  const esc = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');
  if (!others) return text.split(new RegExp(`[${esc(blanks)}]+`));
  const trimmed = blanks ? text.replace(new RegExp(`^[${esc(blanks)}]+|[${esc(blanks)}]+$`, 'g'), '') : text;
  const separator = new RegExp(blanks ? `[${esc(blanks)}]*[${esc(others)}][${esc(blanks)}]*|[${esc(blanks)}]+` : `[${esc(others)}]`);
  const fields = trimmed.split(separator);
  // A trailing non-blank separator does not make an empty last field.
  if (fields.length > 1 && fields[fields.length - 1] === '' && new RegExp(`[${esc(others)}][${esc(blanks)}]*$`).test(trimmed)) fields.pop();
  return fields.length === 1 && fields[0] === '' ? [] : fields.map((f) => (f === '' ? '\u0000' : f));
}

const escapeGlob = (s: string) => s.replace(/[\\*?[\]]/g, '\\$&');

/** The word as a pattern for # % and /: quoted characters match themselves only. */
function* patternOf(word: Word | undefined, env: ExpandEnv): Run<GlobPattern> {
  let pattern = '';
  for (const seg of yield* wordSegments(word?.parts ?? [], env)) pattern += seg.brk ? ' ' : seg.quoted ? escapeGlob(seg.text) : seg.text;
  return compileGlob(pattern, env.budget);
}

/** Operators that decide what an unset variable gives: `set -u` lets these alone. */
const TESTS_UNSET = new Set([':-', '-', ':=', '=', ':+', '+', ':?', '?']);

/** An arithmetic expression's value, with bash's complaint ending the line when it has one. */
function* arithValue(word: Word, env: ExpandEnv): Run<bigint> {
  const text = yield* expandToString(word, env);
  try {
    return env.arith(text);
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(`bash: ${e.detail}`);
    if (e instanceof ArithUnbound) throw new ExpansionError(`bash: ${e.message}`);
    throw e;
  }
}

/** The segments of a list of values: "$@" keeps each a word, "$*" joins them with IFS's first character. */
function listSegments(items: readonly string[], star: boolean, quoted: boolean, env: ExpandEnv): Segment[] {
  if (quoted && star) {
    const ifs = env.lookup('IFS');
    return [{ text: items.join(ifs === undefined ? ' ' : ifs.slice(0, 1)), quoted: true, split: false }];
  }
  const out: Segment[] = [];
  items.forEach((text, i) => {
    if (i > 0) out.push(BREAK);
    out.push({ text, quoted, split: !quoted });
  });
  return out;
}

/** `${x:offset:length}`'s bounds over `count` items, as bash computes them; undefined when the length is below 0 past the offset. */
function* sliceBounds(part: ParamPart, count: number, env: ExpandEnv): Run<{ from: number; to: number } | undefined> {
  let offset = yield* arithValue(part.offset!, env);
  const total = BigInt(count);
  if (offset < 0n) offset += total;
  if (offset < 0n || offset > total) return undefined;
  let end = total;
  if (part.length !== undefined) {
    const length = yield* arithValue(part.length, env);
    end = length < 0n ? total + length : offset + length;
    if (end < offset) {
      if (length < 0n) throw new ExpansionError(`bash: ${length}: substring expression < 0`);
      end = offset;
    }
    if (end > total) end = total;
  }
  return { from: Number(offset), to: Number(end) };
}

/** Applies a pattern or case operator (# ## % %% / // /# /% ^ ^^ , ,,) to one value. */
function* applyPattern(part: ParamPart, str: string, env: ExpandEnv, glob: GlobPattern | undefined, replacement: string): Run<string> {
  const chars = [...str];
  switch (part.op) {
    case '#':
    case '##': {
      const ends = glob!.ends(chars, 0);
      if (!ends.length) return str;
      return chars.slice(part.op === '#' ? ends[0] : ends[ends.length - 1]).join('');
    }
    case '%':
    case '%%': {
      const starts = glob!.starts(chars, chars.length);
      if (!starts.length) return str;
      return chars.slice(0, part.op === '%' ? starts[0] : starts[starts.length - 1]).join('');
    }
    case '/#': {
      const ends = glob!.ends(chars, 0);
      return ends.length ? replacement + chars.slice(ends[ends.length - 1]).join('') : str;
    }
    case '/%': {
      const starts = glob!.starts(chars, chars.length);
      return starts.length ? chars.slice(0, starts[starts.length - 1]).join('') + replacement : str;
    }
    case '/':
    case '//': {
      // The leftmost, then longest, non-empty match from `from` on.
      const out: string[] = [];
      let length = 0;
      const add = (text: string) => {
        length += text.length;
        if (length > TEXT_LIMIT) throw new OutOfMemory(length + 1);
        env.budget.spendText(text.length);
        out.push(text);
      };
      let at = 0;
      for (let m = glob!.find(chars, 0); m; m = part.op === '//' ? glob!.find(chars, at) : undefined) {
        add(chars.slice(at, m[0]).join(''));
        add(replacement);
        at = m[1];
      }
      add(chars.slice(at).join(''));
      return out.join('');
    }
    default: {
      // Case changes, of every character or only the first, limited to those the pattern matches.
      const change = (c: string) => (glob && !glob.matches(c) ? c : part.op![0] === '^' ? c.toUpperCase() : c.toLowerCase());
      env.budget.spendText(chars.length);
      return part.op!.length === 2 ? chars.map(change).join('') : change(chars[0] ?? '') + chars.slice(1).join('');
    }
  }
}

const PATTERN_OPS = new Set(['#', '##', '%', '%%', '/', '//', '/#', '/%', '^', '^^', ',', ',,']);

/** `${x@Q}`, `@U`, `@u`, `@L`: a value transformed (`@a` is answered where the variable's kind is known). */
function transformed(op: string, value: string): string {
  switch (op) {
    case '@Q':
      return [...value].some((c) => /[\x00-\x1f\x7f]/.test(c)) ? ansiC(value) : `'${value.replace(/'/g, "'\\''")}'`;
    case '@U':
      return value.toUpperCase();
    case '@u':
      return value.slice(0, 1).toUpperCase() + value.slice(1);
    case '@L':
      return value.toLowerCase();
  }
  return value;
}

/** The pattern and replacement a pattern operator needs, expanded once for all the values it applies to. */
function* patternOperands(part: ParamPart, env: ExpandEnv): Run<{ glob: GlobPattern | undefined; replacement: string }> {
  const caseOp = part.op![0] === '^' || part.op![0] === ',';
  const glob = caseOp && !part.arg?.parts.length ? undefined : yield* patternOf(part.arg, env);
  const replacement = part.replacement ? yield* expandToString(part.replacement, env) : '';
  return { glob, replacement };
}

/** `${a[@]...}`, `${@...}`, `${!a[@]}`: expansions over a list of values. */
function* expandList(part: ParamPart, env: ExpandEnv): Run<Segment[]> {
  const star = part.index === '*' || (part.index === undefined && part.name === '*');
  const positional = part.index === undefined;
  let items = part.op === 'keys' ? env.keys(part.name) : env.list(positional ? '@' : part.name);
  env.budget.spend(items.length);
  const list = (values: readonly string[]) => listSegments(values, star, part.quoted, env);
  switch (part.op) {
    case undefined:
    case 'keys':
      return list(items);
    case 'length':
      return [{ text: String(items.length), quoted: part.quoted, split: !part.quoted }];
    case '@Q':
    case '@U':
    case '@u':
    case '@L':
      return list(items.map((item) => transformed(part.op!, item)));
    case '@a':
      return list(items.map(() => (positional ? '' : 'a')));
    case ':': {
      // Positional parameters count from $0; an array's offset is an index.
      if (positional) items = [env.lookup('0') ?? 'bash', ...items];
      const bounds = yield* sliceBounds(part, items.length, env);
      if (!bounds) return [];
      return list(items.slice(bounds.from, bounds.to));
    }
  }
  if (PATTERN_OPS.has(part.op)) {
    const { glob, replacement } = yield* patternOperands(part, env);
    const out: string[] = [];
    for (const item of items) out.push(yield* applyPattern(part, item, env, glob, replacement));
    return list(out);
  }
  // Defaults and alternatives look at the values joined, as "$*" would give them.
  const joined = items.join(' ');
  const unset = items.length === 0;
  const empty = unset || joined === '';
  const argument = function* (word: Word): Run<Segment[]> {
    const segments = yield* wordSegments(word.parts, env);
    return part.quoted ? segments : segments.map((seg) => (seg.quoted ? seg : { ...seg, split: true }));
  };
  const testing = part.op.startsWith(':') ? empty : unset;
  switch (part.op) {
    case ':-':
    case '-':
      return testing ? yield* argument(part.arg!) : list(items);
    case ':+':
    case '+':
      return testing ? [] : yield* argument(part.arg!);
    case ':?':
    case '?': {
      if (!testing) return list(items);
      const message = yield* expandToString(part.arg!, env);
      throw new ExpansionError(`bash: ${part.index === undefined ? part.name : `${part.name}[${part.index}]`}: ${message || (part.op === ':?' ? 'parameter null or not set' : 'parameter not set')}`);
    }
    default:
      // `${a[@]:=x}`: bash cannot assign to a list.
      throw new ExpansionError(`bash: ${part.index === undefined ? `$${part.name}` : `${part.name}[${part.index}]`}: cannot assign in this way`);
  }
}

function* expandParam(part: ParamPart, env: ExpandEnv): Run<Segment[]> {
  if (part.op === 'keys' || part.index === '@' || part.index === '*' || (part.index === undefined && (part.name === '@' || part.name === '*'))) {
    if (!part.indirect) return yield* expandList(part, env);
  }
  let value: string | undefined;
  let shown = part.name;
  if (part.index !== undefined && typeof part.index !== 'string') {
    let index = yield* arithValue(part.index, env);
    shown = `${part.name}[${yield* expandToString(part.index, env)}]`;
    if (index < 0n) index += env.arrayEnd(part.name);
    if (index < 0n) {
      env.warn?.(`bash: ${part.name}: bad array subscript`);
      return [];
    }
    value = env.element(part.name, index);
  } else value = env.lookup(part.name);
  if (part.indirect) {
    if (value !== undefined && !/^([A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?|\d+|[?$#!@*-])$/.test(value)) throw new ExpansionError(`bash: ${value}: invalid variable name`);
    if (value !== undefined) {
      const subscripted = /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\]$/.exec(value);
      if (subscripted && (subscripted[2] === '@' || subscripted[2] === '*')) return yield* expandList({ ...part, indirect: false, name: subscripted[1], index: subscripted[2] as '@' | '*' }, env);
      value = subscripted ? env.element(subscripted[1], env.arith(subscripted[2])) : value === '@' || value === '*' ? env.list('@').join(' ') : env.lookup(value);
    }
  }
  if (value === undefined && env.nounset && !TESTS_UNSET.has(part.op ?? '')) {
    throw new ExpansionError(`bash: ${/^\d+$/.test(part.name) ? '$' : ''}${shown}: unbound variable`);
  }
  const plain = (text: string): Segment[] => [{ text, quoted: part.quoted, split: !part.quoted }];
  // The word of ${X:-word} outside double quotes splits like any unquoted expansion, except where quoted.
  const argument = function* (word: Word): Run<Segment[]> {
    const segments = yield* wordSegments(word.parts, env);
    return part.quoted ? segments : segments.map((seg) => (seg.quoted ? seg : { ...seg, split: true }));
  };
  const empty = value === undefined || value === '';
  const str = value ?? '';
  switch (part.op) {
    case undefined:
      return plain(str);
    case 'length':
      return plain(String([...str].length));
    case ':-':
    case '-':
      if (part.op === ':-' ? empty : value === undefined) return yield* argument(part.arg!);
      return plain(str);
    case ':=':
    case '=':
      if (part.op === ':=' ? empty : value === undefined) {
        if (part.index !== undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(part.name)) throw new ExpansionError(`bash: $${part.name}: cannot assign in this way`);
        const assigned = yield* expandToString(part.arg!, env);
        env.assign(part.name, assigned);
        return plain(assigned);
      }
      return plain(str);
    case ':+':
    case '+':
      if (part.op === ':+' ? empty : value === undefined) return [];
      return yield* argument(part.arg!);
    case ':?':
    case '?': {
      if (!(part.op === ':?' ? empty : value === undefined)) return plain(str);
      const message = yield* expandToString(part.arg!, env);
      throw new ExpansionError(`bash: ${shown}: ${message || (part.op === ':?' ? 'parameter null or not set' : 'parameter not set')}`);
    }
    case ':': {
      const chars = [...str];
      const bounds = yield* sliceBounds(part, chars.length, env);
      return plain(bounds ? chars.slice(bounds.from, bounds.to).join('') : '');
    }
    case 'keys':
      return plain(str);
    case '@Q':
    case '@U':
    case '@u':
    case '@L':
      return value === undefined ? [] : plain(transformed(part.op, str));
    case '@a':
      return plain(part.index === undefined && env.keys(part.name).length && env.isArray?.(part.name) ? 'a' : '');
  }
  const { glob, replacement } = yield* patternOperands(part, env);
  return plain(yield* applyPattern(part, str, env, glob, replacement));
}

/** A user's home directory from /etc/passwd, for `~user`. */
function userHome(env: ExpandEnv, user: string): string | undefined {
  const passwd = lookup(env.fs(), '/etc/passwd');
  if (!passwd.ok || passwd.value.kind !== 'file') return undefined;
  return passwd.value.content.split('\n').map((line) => line.split(':')).find((fields) => fields[0] === user && fields.length >= 7)?.[5];
}

function* partSegments(part: WordPart, env: ExpandEnv): Run<Segment[]> {
  switch (part.kind) {
    case 'text':
      return [{ text: part.value, quoted: part.quoted, split: false }];
    case 'tilde':
      return [{ text: part.user === undefined ? env.home() : userHome(env, part.user) ?? `~${part.user}`, quoted: true, split: false }];
    case 'bad':
      throw new ExpansionError(`bash: ${part.text}: bad substitution`);
    case 'subst': {
      const text = (yield* env.substitute(part.script)).replace(/\n+$/, '');
      return [{ text, quoted: part.quoted, split: !part.quoted }];
    }
    case 'param':
      return yield* expandParam(part, env);
    case 'arith': {
      const value = yield* arithValue(part.expr, env);
      return [{ text: value.toString(), quoted: part.quoted, split: !part.quoted }];
    }
    case 'procsubst':
      if (!env.processSubstitute) throw new ExpansionError('bash: process substitution is not supported here');
      return [{ text: yield* env.processSubstitute(part.script), quoted: true, split: false }];
  }
}

function* wordSegments(parts: readonly WordPart[], env: ExpandEnv): Run<Segment[]> {
  const out: Segment[] = [];
  let length = 0;
  for (const part of parts) {
    for (const seg of yield* partSegments(part, env)) {
      // The word is built from its pieces: it may not outgrow what memory holds.
      length += seg.text.length;
      if (length > TEXT_LIMIT) throw new OutOfMemory(length + 1);
      env.budget.spendText(seg.text.length);
      out.push(seg);
    }
  }
  return out;
}

/** Expands a word into one string, with no splitting or globbing (assignments, heredocs, redirect targets). */
export function* expandToString(word: Word, env: ExpandEnv): Run<string> {
  return (yield* wordSegments(word.parts, env)).map((s) => (s.brk ? ' ' : s.text)).join('');
}

type Unit = { char: string; quoted: boolean } | { part: WordPart };

/**
 * Brace expansion, before anything else: `file{1,2}.txt` is two words and `{1..3}` three. Only
 * unquoted braces with a comma or a `..` range count; anything else stays as typed.
 */
export function braceExpand(word: Word, budget: WorkBudget): Word[] {
  const units: Unit[] = word.parts.flatMap((p): Unit[] => (p.kind === 'text' ? [...p.value].map((char) => ({ char, quoted: p.quoted })) : [{ part: p }]));
  const isChar = (u: Unit | undefined, c: string) => u !== undefined && 'char' in u && !u.quoted && u.char === c;
  const toWord = (list: Unit[]): Word => {
    const parts: WordPart[] = [];
    for (const u of list) {
      const last = parts[parts.length - 1];
      if (!('char' in u)) parts.push(u.part);
      else if (last?.kind === 'text' && last.quoted === u.quoted) last.value += u.char;
      else parts.push({ kind: 'text', value: u.char, quoted: u.quoted });
    }
    return { parts };
  };
  /** How many words `list` gives, from its braces alone, before any is built (past the limit: some number beyond it). */
  const count = (list: Unit[], depth = 0): number => {
    if (depth > BRACE_NESTING) return BRACE_LIMIT + 1;
    let total = 1;
    for (let open = 0; open < list.length && total <= BRACE_LIMIT; open++) {
      if (!isChar(list[open], '{')) continue;
      const found = braceAt(list, open, budget);
      if (!found) break;
      let items: number | undefined;
      if (found.commas.length) {
        const bounds = [open, ...found.commas, found.close];
        items = bounds.slice(0, -1).reduce((sum, b, i) => sum + count(list.slice(b + 1, bounds[i + 1]), depth + 1), 0);
      } else items = sequenceLength(textOf(list.slice(open + 1, found.close)));
      if (items === undefined) continue;
      total *= items;
      open = found.close;
    }
    return total;
  };
  // Depth first, first choice first: the words come out in bash's order, without recursion.
  const expand = (start: Unit[]): Unit[][] => {
    const out: Unit[][] = [];
    const pending: Unit[][] = [start];
    while (pending.length) {
      const list = pending.pop()!;
      budget.spendText(list.length);
      let choices: Unit[][] | undefined;
      let open = 0;
      let close = -1;
      for (; open < list.length; open++) {
        if (!isChar(list[open], '{')) continue;
        const found = braceAt(list, open, budget);
        if (!found) break;
        close = found.close;
        if (found.commas.length) {
          const bounds = [open, ...found.commas, close];
          choices = bounds.slice(0, -1).map((b, i) => list.slice(b + 1, bounds[i + 1]));
          break;
        }
        const seq = sequence(textOf(list.slice(open + 1, close)));
        if (!seq) continue;
        choices = seq.map((s) => [...s].map((char) => ({ char, quoted: false })));
        break;
      }
      if (!choices) {
        if (out.push(list) > BRACE_LIMIT) throw new BraceTooBig(out.length);
        continue;
      }
      const before = list.slice(0, open);
      const after = list.slice(close + 1);
      for (let i = choices.length - 1; i >= 0; i--) pending.push([...before, ...choices[i], ...after]);
    }
    return out;
  };
  const total = count(units);
  if (total > BRACE_LIMIT) throw new BraceTooBig(total);
  const words = expand(units);
  return words.length === 1 && words[0] === units ? [word] : words.map(toWord);
}

/** The brace closing the one at `open`, and the commas at its level; undefined when it never closes. */
function braceAt(list: Unit[], open: number, budget: WorkBudget): { close: number; commas: number[] } | undefined {
  let depth = 0;
  const commas: number[] = [];
  let i = open + 1;
  try {
    for (; i < list.length; i++) {
      if (isBraceChar(list[i], '{')) depth++;
      else if (isBraceChar(list[i], '}')) {
        if (depth === 0) return { close: i, commas };
        depth--;
      } else if (depth === 0 && isBraceChar(list[i], ',')) commas.push(i);
    }
    return undefined;
  } finally {
    budget.spendText(i - open);
  }
}

const isBraceChar = (u: Unit | undefined, c: string) => u !== undefined && 'char' in u && !u.quoted && u.char === c;

/** The units as plain text when all are unquoted characters (a sequence's `1..5`), else ''. */
const textOf = (inner: Unit[]) => (inner.every((u) => 'char' in u && !u.quoted) ? inner.map((u) => (u as { char: string }).char).join('') : '');

const SEQUENCE = { numbers: /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/, letters: /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/ };

/** How many items a brace sequence has, or undefined when `text` is none. */
function sequenceLength(text: string): number | undefined {
  const numbers = SEQUENCE.numbers.exec(text);
  const m = numbers ?? SEQUENCE.letters.exec(text);
  if (!m) return undefined;
  const from = numbers ? Number(m[1]) : m[1].charCodeAt(0);
  const to = numbers ? Number(m[2]) : m[2].charCodeAt(0);
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  return Math.floor(Math.abs(to - from) / step) + 1;
}

/** `1..5`, `5..1`, `01..10`, `1..10..3`, `a..e`: the items of a brace sequence, or undefined. */
function sequence(text: string): string[] | undefined {
  const numbers = SEQUENCE.numbers.exec(text);
  const letters = SEQUENCE.letters.exec(text);
  const m = numbers ?? letters;
  if (!m) return undefined;
  const from = numbers ? Number(m[1]) : m[1].charCodeAt(0);
  const to = numbers ? Number(m[2]) : m[2].charCodeAt(0);
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  if (count > BRACE_LIMIT) throw new BraceTooBig(count);
  const width = numbers && /^[-+]?0\d/.test(m[1] + ' ' + m[2]) ? Math.max(m[1].replace(/^[-+]/, '').length, m[2].replace(/^[-+]/, '').length) : 0;
  const items: string[] = [];
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
    if (!numbers) items.push(String.fromCharCode(n));
    else items.push(n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0'));
  }
  return items;
}

/** Expands words into the argument list a command receives. */
export function* expandWords(words: readonly Word[], env: ExpandEnv): Run<string[]> {
  const out: string[] = [];
  const braced = words.flatMap((word) => {
    if (env.noBraces) return [word];
    try {
      return braceExpand(word, env.budget);
    } catch (e) {
      if (!(e instanceof BraceTooBig)) throw e;
      env.warn?.(`bash: brace expansion: failed to allocate memory for ${e.elements} elements`);
      return [word];
    }
  });
  for (const word of braced) {
    const fields: Omit<Segment, 'split'>[][] = [];
    let current: Omit<Segment, 'split'>[] | null = null;
    const add = (seg: Omit<Segment, 'split'>) => {
      if (!current) {
        current = [];
        fields.push(current);
      }
      current.push(seg);
    };
    for (const seg of yield* wordSegments(word.parts, env)) {
      if (seg.brk) {
        current = null;
        continue;
      }
      if (!seg.split) {
        add({ text: seg.text, quoted: seg.quoted });
        continue;
      }
      splitFields(seg.text, env.lookup('IFS')).forEach((piece, i) => {
        if (i > 0) current = null;
        // An empty field between two non-blank separators is kept (as an empty word).
        if (piece === '\u0000') {
          current = null;
          add({ text: '', quoted: true });
        } else if (piece !== '') add({ text: piece, quoted: false });
      });
    }
    for (const field of fields) {
      const pattern = field.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('');
      env.budget.spend(WORD_WORK);
      if (!env.noglob && field.some((s) => !s.quoted) && hasGlob(pattern)) {
        const matches = expandGlob(env.fs(), env.cwd(), pattern, env.budget);
        env.budget.spend(matches.length);
        out.push(...(matches.length ? matches : [unescapeGlob(pattern)]));
        continue;
      }
      out.push(field.map((s) => s.text).join(''));
    }
  }
  return out;
}
