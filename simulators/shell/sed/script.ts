// A sed script read into commands as GNU sed 4.9 reads it (compile.c): addresses (N, $, /re/,
// \%re%, first~step, addr,+N, addr,~N, 0,/re/), `!`, blocks, labels, the s and y commands with
// any delimiter, a/i/c in their one-line GNU form and the classic one, r/R/w/W files, and every
// message GNU gives, with its `-e expression #N, char M:` place counted in bytes as sed counts them.
import type { WorkBudget } from '../../core/budget';
import { byteLength } from '../fs';
import { normalizeText } from './escapes';
import { compileSedRegex, type SedRegex } from './regex';

export type Address =
  | { kind: 'null' }
  | { kind: 'num'; n: number }
  /** first~step */
  | { kind: 'numMod'; n: number; step: number }
  /** addr,+N and addr,~N: `n` is worked out when the range starts. */
  | { kind: 'step' | 'stepMod'; step: number; n: number }
  | { kind: 'last' }
  /** null: the last regular expression used. */
  | { kind: 'regex'; regex: SedRegex | null };

/** A piece of a replacement: literal text, then group `ref` (-1: none), under \U \L \u \l \E. */
export interface ReplacementPart {
  text: string;
  ref: number;
  type: number;
}

export const REPL = { asIs: 0, upper: 1, lower: 2, upperFirst: 4, lowerFirst: 8, modifiers: 12 } as const;

export interface Substitution {
  regex: SedRegex | null;
  replacement: ReplacementPart[];
  global: boolean;
  /** 1: print after; 0: not. */
  print: boolean;
  /** Replace from the Nth match (1 when not given). */
  nth: number;
  /** The `w FILE` flag. */
  file?: string;
}

export interface Command {
  a1?: Address;
  a2?: Address;
  bang: boolean;
  name: string;
  range: 'inactive' | 'active' | 'closed';
  /** a, i, c: the text, its final newline included. */
  text?: string;
  /** q, Q: the exit status; l: the line length (-1 when not given). */
  int?: number;
  /** b, t, T, `{`: where to go; `:`: its name. */
  label?: string;
  jump?: number;
  file?: string;
  /** `0r FILE`: before the first line rather than after it. */
  prepend?: boolean;
  subst?: Substitution;
  /** y: character to character. */
  map?: Map<string, string>;
}

export interface Program {
  commands: Command[];
  /** `#n` on the first line of the first script: as -n. */
  quiet: boolean;
  /** Files that w, W and s///w write (opened, so emptied, before any input is read). */
  writes: string[];
  /** Where a message while running says the script was (`-e expression #1, char 0`). */
  where: string;
}

export type ScriptSource = { kind: 'expression'; text: string } | { kind: 'file'; name: string; text: string };

/** A script sed refuses, as sed words it, and its exit status (1; 4 for a missing label). */
export interface CompileError {
  message: string;
  exitCode: number;
}

const EOF = null;
type Ch = string | null;

const isBlank = (c: Ch) => c === ' ' || c === '\t';
const isSpace = (c: Ch) => c !== null && /[ \t\n\r\f\v]/.test(c);
const isDigit = (c: Ch) => c !== null && c >= '0' && c <= '9';

class Refused extends Error {
  constructor(readonly text: string, readonly exitCode = 1) {
    super(text);
  }
}

/** The version this sed answers `v` with. */
const VERSION = [4, 9];

function newerThanOurs(version: string): boolean {
  const parts = version.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(parts.length, VERSION.length); i++) {
    const a = parts[i] ?? 0;
    const b = VERSION[i] ?? 0;
    if (a !== b) return a > b;
  }
  return false;
}

/** Reads every script (-e expressions and -f files, in the order given) into one program. */
export function compileScripts(sources: readonly ScriptSource[], options: { extended: boolean; budget: WorkBudget }): Program | CompileError {
  const commands: Command[] = [];
  const writes: string[] = [];
  let quiet = false;
  // Where the source being read is, for messages.
  let text = '';
  let pos = 0;
  let expressionCount = 0;
  let fileName: string | undefined;
  let line = 0;
  let firstScript = true;
  const blocks: { index: number; expression: number; fileName?: string; line: number }[] = [];
  const labels = new Map<string, number>();
  const jumps: { index: number; label: string }[] = [];
  // `a\` at the very end of one -e continues in the next one.
  let pending: { command: Command; text: string } | undefined;

  const place = () => (fileName !== undefined ? `file ${fileName} line ${line}` : `-e expression #${expressionCount}, char ${byteLength(text.slice(0, pos))}`);
  const refuse = (why: string): never => {
    throw new Refused(`sed: ${place()}: ${why}`);
  };

  const inchar = (): Ch => {
    if (pos >= text.length) return EOF;
    const c = text[pos++];
    if (c === '\n') line++;
    return c;
  };
  const savchar = (c: Ch) => {
    if (c === EOF) return;
    pos--;
    if (c === '\n' && line > 0) line--;
  };
  const inNonblank = (): Ch => {
    let c: Ch;
    do c = inchar();
    while (isBlank(c));
    return c;
  };
  const readEndOfCommand = () => {
    const c = inNonblank();
    if (c === '}' || c === '#') savchar(c);
    else if (c !== EOF && c !== '\n' && c !== ';') refuse('extra characters after command');
  };
  const inInteger = (first: Ch): number => {
    let n = 0;
    let c = first;
    while (isDigit(c)) {
      n = n * 10 + Number(c);
      c = inchar();
    }
    savchar(c);
    return n;
  };

  /** Inside [...] the delimiter is an ordinary character; reads up to the closing bracket. */
  const snarfCharClass = (buffer: string[]): Ch => {
    let c = inchar();
    let state = 0;
    let delim: string | undefined;
    if (c === '^') {
      buffer.push(c);
      c = inchar();
    }
    if (c === ']') {
      buffer.push(c);
      c = inchar();
    }
    for (; ; buffer.push(c!), c = inchar()) {
      if (c === EOF || c === '\n') return c;
      if (c === '.' || c === ':' || c === '=') {
        if (state === 1) {
          delim = c;
          state = 2;
          continue;
        }
        if (state === 2 && c === delim) {
          state = 3;
          continue;
        }
      } else if (c === '[') {
        if (state === 0) state = 1;
        continue;
      } else if (c === ']') {
        if (state === 0 || state === 1) return c;
        if (state === 3) state = 0;
      }
      state &= ~1;
    }
  };

  /** The text up to the next unescaped `slash` (`\slash` is the slash itself), or null when it never comes. */
  const matchSlash = (slash: Ch, regex: boolean): string | null => {
    if (slash !== EOF && slash.charCodeAt(0) > 0x7f) refuse('delimiter character is not a single-byte character');
    const buffer: string[] = [];
    let c: Ch;
    while ((c = inchar()) !== EOF && c !== '\n') {
      if (c === slash) return buffer.join('');
      if (c === '\\') {
        c = inchar();
        if (c === EOF) break;
        if (c !== '\n' && (c !== slash || (!regex && c === '&'))) buffer.push('\\');
      } else if (c === '[' && regex) {
        buffer.push(c);
        c = snarfCharClass(buffer);
        if (c !== ']') break;
      }
      buffer.push(c);
    }
    if (c === '\n') savchar(c);
    return null;
  };

  const compileRegex = (pattern: string, flags: { icase: boolean; multiline: boolean }, neededSub: number): SedRegex | null => {
    if (pattern === '') {
      if (flags.icase || flags.multiline) refuse('cannot specify modifiers on empty regexp');
      return null;
    }
    const normalized = normalizeText(pattern, 'regex');
    if ('error' in normalized) return refuse(normalized.error);
    const compiled = compileSedRegex(normalized.text, { extended: options.extended, ...flags }, options.budget);
    if ('error' in compiled) return refuse(compiled.error);
    if (neededSub > 0 && compiled.groups < neededSub - 1) refuse(`invalid reference \\${neededSub - 1} on \`s' command's RHS`);
    return compiled;
  };

  const compileAddress = (c: Ch): Address | undefined => {
    if (c === '/' || c === '\\') {
      const slash = c === '\\' ? inchar() : c;
      const pattern = matchSlash(slash, true);
      if (pattern === null) refuse('unterminated address regex');
      const flags = { icase: false, multiline: false };
      for (;;) {
        const f = inNonblank();
        if (f === 'I') flags.icase = true;
        else if (f === 'M') flags.multiline = true;
        else {
          savchar(f);
          return { kind: 'regex', regex: compileRegex(pattern!, flags, 0) };
        }
      }
    }
    if (isDigit(c)) {
      const n = inInteger(c);
      const next = inNonblank();
      if (next !== '~') {
        savchar(next);
        return { kind: 'num', n };
      }
      const step = inInteger(inNonblank());
      return step > 0 ? { kind: 'numMod', n, step } : { kind: 'num', n };
    }
    if (c === '+' || c === '~') {
      const step = inInteger(inNonblank());
      if (step === 0) return { kind: 'null' };
      return { kind: c === '+' ? 'step' : 'stepMod', step, n: 0 };
    }
    if (c === '$') return { kind: 'last' };
    return undefined;
  };

  const readLabel = (): string => {
    let label = '';
    let c = inNonblank();
    while (c !== EOF && c !== '\n' && !isBlank(c) && c !== ';' && c !== '}' && c !== '#') {
      label += c;
      c = inchar();
    }
    savchar(c);
    return label;
  };

  const readFilename = (): string => {
    let name = '';
    let c = inNonblank();
    while (c !== EOF && c !== '\n') {
      name += c;
      c = inchar();
    }
    return name;
  };

  /** a, i, c text: to the end of the line, a backslash-newline going on to the next. */
  const readText = (command: Command | undefined, leadin: Ch) => {
    if (command) pending = { command, text: '' };
    if (leadin === EOF) return;
    const p = pending!;
    if (leadin !== '\n') p.text += leadin;
    let c = inchar();
    while (c !== EOF && c !== '\n') {
      if (c === '\\') {
        c = inchar();
        if (c !== EOF) p.text += '\\';
      }
      if (c === EOF) {
        p.text += '\n';
        return;
      }
      p.text += c;
      c = inchar();
    }
    p.text += '\n';
    finishText(p);
    pending = undefined;
  };
  const finishText = (p: { command: Command; text: string }) => {
    const normalized = normalizeText(p.text, 'buffer');
    if ('error' in normalized) refuse(normalized.error);
    p.command.text = (normalized as { text: string }).text;
  };

  /** The replacement of an s command: literal runs, & and \N references, case changes. */
  const setupReplacement = (raw: string): { parts: ReplacementPart[]; maxId: number } => {
    const normalized = normalizeText(raw, 'replacement');
    if ('error' in normalized) refuse(normalized.error);
    const t = (normalized as { text: string }).text;
    const parts: ReplacementPart[] = [];
    let maxId = 0;
    let type: number = REPL.asIs;
    let saved: number = REPL.asIs;
    let literal = '';
    let tail: ReplacementPart | undefined;
    const flush = () => {
      tail = { text: literal, ref: -1, type };
      parts.push(tail);
      literal = '';
      type = saved;
      return tail;
    };
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === '\\') {
        const node = flush();
        i++;
        if (i >= t.length) {
          node.text += '\\';
          continue;
        }
        const e = t[i];
        if (isDigit(e)) {
          node.ref = Number(e);
          maxId = Math.max(maxId, node.ref);
        } else if (e === 'L') type = saved = REPL.lower;
        else if (e === 'U') type = saved = REPL.upper;
        else if (e === 'E') type = saved = REPL.asIs;
        else if (e === 'l') {
          saved = type;
          type |= REPL.lowerFirst;
        } else if (e === 'u') {
          saved = type;
          type |= REPL.upperFirst;
        } else node.text += e;
      } else if (c === '&') {
        flush().ref = 0;
      } else literal += c;
    }
    if (literal) flush();
    return { parts, maxId };
  };

  const markSubstOptions = (s: Substitution): { icase: boolean; multiline: boolean } => {
    const flags = { icase: false, multiline: false };
    let numbered = false;
    for (;;) {
      const c = inNonblank();
      switch (c) {
        case 'i':
        case 'I':
          flags.icase = true;
          break;
        case 'm':
        case 'M':
          flags.multiline = true;
          break;
        case 'e':
          refuse('the e flag (running a shell command) is not supported in this terminal');
          break;
        case 'p':
          if (s.print) refuse("multiple `p' options to `s' command");
          s.print = true;
          break;
        case 'g':
          if (s.global) refuse("multiple `g' options to `s' command");
          s.global = true;
          break;
        case 'w': {
          const name = readFilename();
          if (!name) refuse('missing filename in r/R/w/W commands');
          s.file = name;
          writes.push(name);
          return flags;
        }
        case '}':
        case '#':
          savchar(c);
          return flags;
        case EOF:
        case '\n':
        case ';':
          return flags;
        default:
          if (isDigit(c)) {
            if (numbered) refuse("multiple number options to `s' command");
            numbered = true;
            s.nth = inInteger(c);
            if (!s.nth) refuse("number option to `s' command may not be zero");
            break;
          }
          if (c === '\r' && inchar() === '\n') return flags;
          refuse("unknown option to `s'");
      }
    }
  };

  const compileProgram = () => {
    if (pending) readText(undefined, '\n');
    for (;;) {
      let c: Ch;
      while ((c = inchar()) === ';' || isSpace(c));
      if (c === EOF) break;
      options.budget.spend();
      const command: Command = { bang: false, name: '', range: 'inactive' };
      const a1 = compileAddress(c);
      if (a1) {
        if (a1.kind === 'step' || a1.kind === 'stepMod') refuse('invalid usage of +N or ~N as first address');
        command.a1 = a1;
        c = inNonblank();
        if (c === ',') {
          const a2 = compileAddress(inNonblank());
          if (!a2) refuse("unexpected `,'");
          command.a2 = a2;
          c = inNonblank();
        }
        if (a1.kind === 'num' && a1.n === 0 && ((!command.a2 && c !== 'r') || (command.a2 && command.a2.kind !== 'regex'))) refuse('invalid usage of line address 0');
      }
      if (c === '!') {
        command.bang = true;
        c = inNonblank();
        if (c === '!') refuse("multiple `!'s");
      }
      command.name = c ?? '';
      switch (c) {
        case '#': {
          if (command.a1) refuse("comments don't accept any addresses");
          let d = inchar();
          // `#n` as the first two characters of the first script means -n.
          if (d === 'n' && firstScript && pos === 2) quiet = true;
          while (d !== EOF && d !== '\n') d = inchar();
          continue;
        }
        case 'v': {
          const version = readLabel();
          if (newerThanOurs(version || '4.0')) refuse('expected newer version of sed');
          continue;
        }
        case '{':
          blocks.push({ index: commands.length, expression: expressionCount, fileName, line });
          command.bang = !command.bang;
          break;
        case '}': {
          const block = blocks.pop();
          if (!block) refuse("unexpected `}'");
          if (command.a1) refuse("`}' doesn't want any addresses");
          readEndOfCommand();
          commands[block!.index].jump = commands.length;
          break;
        }
        case 'e':
          refuse('the e command (running a shell command) is not supported in this terminal');
          break;
        case 'a':
        case 'i':
        case 'c': {
          let d = inNonblank();
          if (d === EOF) refuse("expected \\ after `a', `c' or `i'");
          if (d === '\\') d = inchar();
          else {
            savchar(d);
            d = '\n';
          }
          readText(command, d);
          break;
        }
        case ':': {
          if (command.a1) refuse(': doesn\'t want any addresses');
          const label = readLabel();
          if (!label) refuse('":" lacks a label');
          labels.set(label, commands.length);
          command.label = label;
          break;
        }
        case 'T':
        case 'b':
        case 't':
          command.label = readLabel();
          jumps.push({ index: commands.length, label: command.label });
          break;
        case 'Q':
        case 'q':
        case 'L':
        case 'l': {
          if ((c === 'q' || c === 'Q') && command.a2) refuse('command only uses one address');
          const d = inNonblank();
          if (isDigit(d)) command.int = inInteger(d);
          else {
            command.int = -1;
            savchar(d);
          }
          readEndOfCommand();
          break;
        }
        case '=':
        case 'd':
        case 'D':
        case 'F':
        case 'g':
        case 'G':
        case 'h':
        case 'H':
        case 'n':
        case 'N':
        case 'p':
        case 'P':
        case 'z':
        case 'x':
          readEndOfCommand();
          break;
        case 'r': {
          const name = readFilename();
          if (!name) refuse('missing filename in r/R/w/W commands');
          command.file = name;
          // `0r FILE` puts the file before the first line.
          if (command.a1?.kind === 'num' && command.a1.n === 0 && !command.a2) {
            command.a1 = { kind: 'num', n: 1 };
            command.prepend = true;
          }
          break;
        }
        case 'R':
        case 'W':
        case 'w': {
          const name = readFilename();
          if (!name) refuse('missing filename in r/R/w/W commands');
          command.file = name;
          if (c !== 'R') writes.push(name);
          break;
        }
        case 's': {
          const slash = inchar();
          const pattern = matchSlash(slash, true);
          if (pattern === null) refuse("unterminated `s' command");
          const replacement = matchSlash(slash, false);
          if (replacement === null) refuse("unterminated `s' command");
          const { parts, maxId } = setupReplacement(replacement!);
          const subst: Substitution = { regex: null, replacement: parts, global: false, print: false, nth: 1 };
          const flags = markSubstOptions(subst);
          subst.regex = compileRegex(pattern!, flags, maxId + 1);
          command.subst = subst;
          break;
        }
        case 'y': {
          const slash = inchar();
          const from = matchSlash(slash, false);
          if (from === null) refuse("unterminated `y' command");
          const to = matchSlash(slash, false);
          if (to === null) refuse("unterminated `y' command");
          const a = normalizeText(from!, 'buffer');
          const b = normalizeText(to!, 'buffer');
          if ('error' in a) refuse(a.error);
          if ('error' in b) refuse(b.error);
          const src = [...(a as { text: string }).text];
          const dst = [...(b as { text: string }).text];
          if (src.length !== dst.length) refuse("strings for `y' command are different lengths");
          command.map = new Map();
          // The first mapping of a character wins, as GNU's table lookup finds it.
          src.forEach((ch, i) => {
            if (!command.map!.has(ch)) command.map!.set(ch, dst[i]);
          });
          readEndOfCommand();
          break;
        }
        case EOF:
          refuse('missing command');
          break;
        default:
          refuse(`unknown command: \`${c}'`);
      }
      commands.push(command);
    }
  };

  try {
    for (const source of sources) {
      text = source.text;
      pos = 0;
      if (source.kind === 'expression') {
        expressionCount++;
        fileName = undefined;
        line = 0;
      } else {
        fileName = source.name;
        line = 1;
      }
      compileProgram();
      firstScript = false;
    }
    // After everything is read: blocks left open, a/i/c text left pending, jumps to labels.
    if (blocks.length) {
      const block = blocks[blocks.length - 1];
      fileName = block.fileName;
      line = block.line;
      expressionCount = block.expression;
      text = '';
      pos = 0;
      refuse("unmatched `{'");
    }
    // Text left pending (`a\` at the very end) is what was read; none at all is no text (c and i print nothing).
    if (pending) {
      if (pending.text) {
        const normalized = normalizeText(pending.text, 'buffer');
        pending.command.text = 'text' in normalized ? normalized.text : pending.text;
      }
      pending = undefined;
    }
    for (const jump of jumps) {
      if (jump.label === '') commands[jump.index].jump = commands.length;
      else if (labels.has(jump.label)) commands[jump.index].jump = labels.get(jump.label);
      else throw new Refused(`sed: can't find label for jump to \`${jump.label}'`, 4);
    }
  } catch (e) {
    if (e instanceof Refused) return { message: `${e.text}\n`, exitCode: e.exitCode };
    throw e;
  }
  pos = 0;
  text = '';
  return { commands, quiet, writes, where: place() };
}
