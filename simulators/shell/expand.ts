// Word expansion in bash's order: brace expansion, tilde, parameters and command substitution,
// then field splitting of unquoted results, then pathname expansion, then quote removal.
import type { Effect } from '../core/process';
import { OutOfMemory, TEXT_LIMIT, type WorkBudget } from '../core/budget';
import type { ParamPart, Script, Word, WordPart } from './ast';
import { expandGlob, hasGlob, unescapeGlob } from './glob';
import { compileGlob, type GlobPattern } from './glob-match';
import { lookup, type DirNode } from './fs';

export interface ExpandEnv {
  /** A variable's value, or undefined when unset (special ones included: ?, $, 0, #, RANDOM). */
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  home(): string;
  fs(): DirNode;
  cwd(): string;
  /** Runs `$(...)` and returns what it printed. */
  substitute(script: Script): Generator<Effect, string, string | null>;
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

/** An expansion bash refuses (`${%x}`, `${X:?unset}`): the line stops there with status 1. */
export class ExpansionError extends Error {}

type Run<T> = Generator<Effect, T, string | null>;

/** A piece of an expanded word: whether quotes protect it from globbing, and whether it splits on blanks. */
interface Segment {
  text: string;
  quoted: boolean;
  split: boolean;
}

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
  for (const seg of yield* wordSegments(word?.parts ?? [], env)) pattern += seg.quoted ? escapeGlob(seg.text) : seg.text;
  return compileGlob(pattern, env.budget);
}

function* expandParam(part: ParamPart, env: ExpandEnv): Run<Segment[]> {
  let value = env.lookup(part.name);
  if (part.indirect) {
    if (value !== undefined && !/^([A-Za-z_][A-Za-z0-9_]*|\d+|[?$#!@*-])$/.test(value)) throw new ExpansionError(`bash: ${value}: invalid variable name`);
    value = value === undefined ? undefined : env.lookup(value);
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
      throw new ExpansionError(`bash: ${part.name}: ${message || (part.op === ':?' ? 'parameter null or not set' : 'parameter not set')}`);
    }
    case '#':
    case '##':
    case '%':
    case '%%': {
      const glob = yield* patternOf(part.arg, env);
      const chars = [...str];
      // Shortest or longest prefix (# ##) or suffix (% %%) that the pattern matches, removed.
      if (part.op[0] === '#') {
        const ends = glob.ends(chars, 0);
        if (!ends.length) return plain(str);
        return plain(chars.slice(part.op === '#' ? ends[0] : ends[ends.length - 1]).join(''));
      }
      const starts = glob.starts(chars, chars.length);
      if (!starts.length) return plain(str);
      return plain(chars.slice(0, part.op === '%' ? starts[0] : starts[starts.length - 1]).join(''));
    }
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const glob = yield* patternOf(part.arg, env);
      const replacement = part.replacement ? yield* expandToString(part.replacement, env) : '';
      const chars = [...str];
      const slice = (from: number, to = chars.length) => chars.slice(from, to).join('');
      if (part.op === '/#') {
        const ends = glob.ends(chars, 0);
        return plain(ends.length ? replacement + slice(ends[ends.length - 1]) : str);
      }
      if (part.op === '/%') {
        const starts = glob.starts(chars, chars.length);
        return plain(starts.length ? slice(0, starts[starts.length - 1]) + replacement : str);
      }
      // The leftmost, then longest, non-empty match from `from` on.
      const find = (from: number) => glob.find(chars, from);
      const out: string[] = [];
      let length = 0;
      const add = (text: string) => {
        length += text.length;
        if (length > TEXT_LIMIT) throw new OutOfMemory(length + 1);
        env.budget.spendText(text.length);
        out.push(text);
      };
      let at = 0;
      for (let m = find(0); m; m = part.op === '//' ? find(at) : undefined) {
        add(slice(at, m[0]));
        add(replacement);
        at = m[1];
      }
      add(slice(at));
      return plain(out.join(''));
    }
    case '^^':
    case ',,':
    case '^':
    case ',': {
      // Case changes, of every character or only the first, limited to those the pattern matches.
      const glob = part.arg?.parts.length ? yield* patternOf(part.arg, env) : undefined;
      const change = (c: string) => (glob && !glob.matches(c) ? c : part.op![0] === '^' ? c.toUpperCase() : c.toLowerCase());
      const chars = [...str];
      env.budget.spendText(chars.length);
      return plain(part.op.length === 2 ? chars.map(change).join('') : change(chars[0] ?? '') + chars.slice(1).join(''));
    }
    case ':': {
      const chars = [...str];
      const from = part.offset! < 0 ? Math.max(0, chars.length + part.offset!) : Math.min(part.offset!, chars.length);
      if (part.length !== undefined && part.length < 0 && chars.length + part.length < from) {
        throw new ExpansionError(`bash: ${part.length}: substring expression < 0`);
      }
      const to = part.length === undefined ? chars.length : part.length < 0 ? chars.length + part.length : from + part.length;
      return plain(chars.slice(from, to).join(''));
    }
  }
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
  return (yield* wordSegments(word.parts, env)).map((s) => s.text).join('');
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
    try {
      return braceExpand(word, env.budget);
    } catch (e) {
      if (!(e instanceof BraceTooBig)) throw e;
      env.warn?.(`bash: brace expansion: failed to allocate memory for ${e.elements} elements`);
      return [word];
    }
  });
  for (const word of braced) {
    // "$@" stands for the positional parameters, one word each: there are none here, so no word at all.
    const only = word.parts.length === 1 ? word.parts[0] : undefined;
    if (only?.kind === 'param' && only.name === '@' && !only.op) continue;
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
      if (field.some((s) => !s.quoted) && hasGlob(pattern)) {
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
