// Running a compiled sed program over its input, cycle by cycle, as GNU sed 4.9's execute.c does:
// the pattern and hold spaces, ranges and their states, the append queue of a/r/R, `$` looking
// ahead into the next file, lines without a final newline kept so, and -i's output per file.
// Every cycle and every search is paid from the line's work budget, so `:a;ba` ends as Ctrl-C.
import type { WorkBudget } from '../../core/budget';
import type { Effect } from '../../core/process';
import { searchSedRegex, type SedRegex } from './regex';
import { REPL, type Address, type Command, type Program, type ReplacementPart, type Substitution } from './script';

export interface SedInput {
  /** As F prints it (`-` for standard input). */
  name: string;
  text?: string;
  /** Why it cannot be read, as sed says it (`sed: can't read x: No such file or directory`). */
  error?: string;
  /** An error that stops sed there (a directory: `read error on x: Is a directory`), status 4. */
  fatal?: boolean;
}

export interface SedOptions {
  quiet: boolean;
  /** -s (and -i): each file on its own: line numbers, `$`, the hold space and ranges start again. */
  separate: boolean;
  /** -i: each file's output replaces it. */
  inPlace: boolean;
  /** -z: lines end with NUL. */
  nullData: boolean;
  /** -l N: where `l` wraps (70 by default; 0 never). */
  lineLength: number;
  budget: WorkBudget;
  /** The content of a file r and R read, or undefined when it cannot be read (then it reads as empty). */
  readFile(name: string): string | undefined;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface SedResult {
  status: number;
  /** -i: each file's new content. */
  edited: Map<string, string>;
  /** What w, W and s///w wrote, by file name (/dev/stdout and /dev/stderr went straight out). */
  written: Map<string, string>;
}

class Output {
  missingNewline = false;
  constructor(readonly write: (text: string) => void) {}
}

/** A text made of chunks, for what a file receives. */
const collector = () => {
  const chunks: string[] = [];
  return { chunks, write: (t: string) => chunks.push(t), text: () => chunks.join('') };
};

interface Line {
  text: string;
  chomped: boolean;
}

function splitLines(text: string, delimiter: string): Line[] {
  const parts = text.split(delimiter);
  const last = parts.pop()!;
  const lines = parts.map((t) => ({ text: t, chomped: true }));
  if (last !== '') lines.push({ text: last, chomped: false });
  return lines;
}

const isPrint = (b: number) => b >= 0x20 && b < 0x7f;
const L_ESCAPES: Record<number, string> = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };

export function* runSed(program: Program, inputs: readonly SedInput[], options: SedOptions): Generator<Effect, SedResult, string | null> {
  const { budget } = options;
  const delimiter = options.nullData ? '\0' : '\n';
  const quiet = options.quiet || program.quiet;
  const edited = new Map<string, string>();
  const written = new Map<string, string>();
  const stdout = new Output(options.stdout);
  const stderr = new Output(options.stderr);
  let output = stdout;
  let current: { edited?: ReturnType<typeof collector> } = {};

  // The files w writes, emptied now; /dev/stdout and /dev/stderr are the streams themselves.
  const writeFiles = new Map<string, { out: Output; text?: () => string }>();
  for (const name of program.writes) {
    if (writeFiles.has(name)) continue;
    if (name === '/dev/stdout') writeFiles.set(name, { out: stdout });
    else if (name === '/dev/stderr') writeFiles.set(name, { out: stderr });
    else {
      const c = collector();
      writeFiles.set(name, { out: new Output(c.write), text: c.text });
    }
  }
  // R: each file is read a line at a time, wherever R names it.
  const readers = new Map<string, { lines: string[]; next: number }>();

  let line: Line = { text: '', chomped: true };
  let hold: Line = { text: '', chomped: true };
  let replaced = false;
  let lastRegex: SedRegex | undefined;
  let lineNumber = 0;
  let bad = 0;
  const appendQueue: ({ text: string } | { file: string })[] = [];

  // The input: files in turn, each split into lines when opened.
  let next = 0;
  let file: { name: string; lines: Line[]; at: number } | undefined;
  let resetAtNextFile = true;

  const outputLine = (text: string, newline: boolean, out: Output) => {
    if (out.missingNewline) {
      out.write(delimiter);
      out.missingNewline = false;
    }
    if (text) out.write(text);
    if (newline) out.write(delimiter);
    else out.missingNewline = true;
  };
  const dumpAppendQueue = () => {
    if (output.missingNewline) {
      output.write(delimiter);
      output.missingNewline = false;
    }
    for (const item of appendQueue) {
      if ('text' in item) output.write(item.text);
      else output.write(options.readFile(item.file) ?? '');
    }
    appendQueue.length = 0;
  };

  const closeFile = () => {
    if (!file) return;
    if (options.inPlace && current.edited) edited.set(file.name, current.edited.text());
    file = undefined;
  };
  const openNext = () => {
    const input = inputs[next++];
    if (input.error !== undefined) {
      if (input.fatal) throw new Refusal(input.error, 4);
      options.stderr(input.error);
      bad++;
      file = undefined;
      return;
    }
    file = { name: input.name, lines: splitLines(input.text ?? '', delimiter), at: 0 };
    if (options.inPlace) {
      current = { edited: collector() };
      output = new Output(current.edited!.write);
    }
  };
  const readLine = (): boolean => {
    if (!file || file.at >= file.lines.length) return false;
    const l = file.lines[file.at++];
    line = { text: line.text + l.text, chomped: l.chomped };
    return true;
  };
  const resetRanges = () => {
    for (const c of program.commands) c.range = c.a1?.kind === 'num' && c.a1.n === 0 ? 'active' : 'inactive';
  };
  resetRanges();

  const readPatternSpace = (append: boolean): boolean => {
    if (appendQueue.length) dumpAppendQueue();
    replaced = false;
    if (!append) line = { text: '', chomped: true };
    line.chomped = true;
    while (!readLine()) {
      closeFile();
      if (next >= inputs.length) return false;
      if (resetAtNextFile) {
        lineNumber = 0;
        hold = { text: '', chomped: true };
        resetRanges();
        readers.clear();
        if (options.inPlace) output.missingNewline = false;
        resetAtNextFile = options.separate;
      }
      openNext();
    }
    lineNumber++;
    return true;
  };

  /** `$`: no more input after this line (in this file, with -s). */
  const atEnd = (): boolean => {
    if (file && file.at < file.lines.length) return false;
    if (options.separate) return true;
    for (;;) {
      closeFile();
      if (next >= inputs.length) return true;
      openNext();
      if (file && file.lines.length) return false;
    }
  };

  const search = (regex: SedRegex | null, text: string, start: number): number[] | null => {
    const re = regex ?? lastRegex;
    if (!re) throw new Refusal(`sed: ${program.where}: no previous regular expression\n`, 1);
    lastRegex = re;
    return searchSedRegex(re, text, start, budget);
  };

  const matchOne = (a: Address): boolean => {
    switch (a.kind) {
      case 'null':
        return true;
      case 'regex':
        return search(a.regex, line.text, 0) !== null;
      case 'numMod':
        return lineNumber >= a.n && (lineNumber - a.n) % a.step === 0;
      case 'step':
      case 'stepMod':
        return a.n <= lineNumber;
      case 'last':
        return atEnd();
      case 'num':
        return a.n === lineNumber;
    }
  };

  const matchAddress = (c: Command): boolean => {
    if (!c.a1) return true;
    if (c.range !== 'active') {
      if (!c.a2) return matchOne(c.a1);
      if (c.a1.kind === 'num') {
        if (c.range === 'closed' || lineNumber < c.a1.n) return false;
      } else if (!matchOne(c.a1)) return false;
      c.range = 'active';
      switch (c.a2.kind) {
        case 'regex':
          return true;
        case 'num':
          if (lineNumber >= c.a2.n) c.range = 'closed';
          return lineNumber <= c.a2.n || matchOne(c.a1);
        case 'step':
          c.a2.n = lineNumber + c.a2.step;
          return true;
        case 'stepMod':
          c.a2.n = lineNumber + c.a2.step - (lineNumber % c.a2.step);
          return true;
        default:
          break;
      }
    }
    if (c.a2!.kind === 'num') {
      if (lineNumber >= c.a2!.n) c.range = 'closed';
      return lineNumber <= c.a2!.n;
    }
    if (matchOne(c.a2!)) c.range = 'closed';
    return true;
  };

  /** Text under \U \L \u \l, as str_append_modified changes it. */
  const modified = (text: string, type: number): string => {
    if (type === REPL.asIs || text === '') return text;
    let rest = text;
    let out = '';
    if (type & (REPL.upperFirst | REPL.lowerFirst)) {
      const first = String.fromCodePoint(rest.codePointAt(0)!);
      out += type & REPL.upperFirst ? first.toUpperCase() : first.toLowerCase();
      rest = rest.slice(first.length);
      type &= ~(REPL.upperFirst | REPL.lowerFirst);
      if (type === REPL.asIs) return out + rest;
    }
    return out + (type & REPL.upper ? rest.toUpperCase() : rest.toLowerCase());
  };

  const appendReplacement = (parts: readonly ReplacementPart[], text: string, groups: number[]): string => {
    let out = '';
    let pendingModifier = 0;
    for (const p of parts) {
      let type = p.type & REPL.modifiers ? p.type : p.type | pendingModifier;
      pendingModifier = 0;
      if (p.text) {
        out += modified(p.text, type);
        type &= ~REPL.modifiers;
      }
      if (p.ref >= 0 && p.ref * 2 < groups.length) {
        const [s, e] = [groups[p.ref * 2], groups[p.ref * 2 + 1]];
        // An empty group keeps a \u or \l for what follows (s/()(x)/\u\1\2/ capitalises \2).
        if (s === e && p.type & REPL.modifiers) pendingModifier = type & REPL.modifiers;
        else if (s !== e && s >= 0) out += modified(text.slice(s, e), type);
      }
    }
    return out;
  };

  const substitute = (s: Substitution) => {
    const text = line.text;
    let groups = search(s.regex, text, 0);
    if (!groups) return;
    let out = '';
    let start = 0;
    let lastEnd = 0;
    let count = 0;
    let again = true;
    do {
      budget.spend();
      const offset = groups[0];
      let matched = groups[1] - groups[0];
      if (start < offset) {
        out += text.slice(start, offset);
        start = offset;
      }
      // An empty match right after a match is no match (s/a*/x/g on baaac gives xbxcx).
      if ((matched > 0 || count === 0 || offset > lastEnd) && ++count >= s.nth) {
        replaced = true;
        const replacement = appendReplacement(s.replacement, text, groups);
        budget.spendText(replacement.length);
        out += replacement;
        again = s.global;
      } else {
        // Not replaced: copied as it was; an empty match lets one character (a whole one) through.
        if (matched === 0) {
          if (start < text.length) matched = text.codePointAt(start)! > 0xffff ? 2 : 1;
          else break;
        }
        out += text.slice(offset, offset + matched);
      }
      start = offset + matched;
      lastEnd = groups[1];
    } while (again && start <= text.length && (groups = search(s.regex, text, start)) !== null);
    if (start < text.length) out += text.slice(start);
    line = { text: out, chomped: line.chomped };
    if (count < s.nth) return;
    if (s.print) outputLine(line.text, line.chomped, output);
    if (s.file) outputLine(line.text, line.chomped, writeFiles.get(s.file)!.out);
  };

  const list = (width: number) => {
    if (output.missingNewline) {
      output.write(delimiter);
      output.missingNewline = false;
    }
    let out = '';
    let column = 0;
    for (const b of new TextEncoder().encode(line.text)) {
      const piece = isPrint(b) ? (b === 0x5c ? '\\\\' : String.fromCharCode(b)) : `\\${L_ESCAPES[b] ?? b.toString(8).padStart(3, '0')}`;
      if (column + piece.length >= width && width > 0) {
        out += `\\${delimiter}`;
        column = 0;
      }
      out += piece;
      column += piece.length;
    }
    output.write(`${out}$${delimiter}`);
  };

  /** One cycle over the pattern space: -1 to go on, or the exit status q or Q gave. */
  function* execute(): Generator<Effect, number, string | null> {
    const commands = program.commands;
    let i = 0;
    while (i < commands.length) {
      budget.spend();
      if (budget.breathe()) yield { type: 'wait', ms: 0 };
      const c = commands[i];
      if (matchAddress(c) !== c.bang) {
        switch (c.name) {
          case 'a':
            appendQueue.push({ text: c.text ?? '' });
            break;
          case '{':
          case 'b':
            i = c.jump!;
            continue;
          case '}':
          case ':':
            break;
          case 'c':
            if (c.range !== 'active' && c.text !== undefined) outputLine(c.text.slice(0, -1), true, output);
            return -1;
          case 'd':
            return -1;
          case 'D': {
            const at = line.text.indexOf(delimiter);
            if (at < 0) return -1;
            line = { text: line.text.slice(at + 1), chomped: line.chomped };
            i = 0;
            continue;
          }
          case 'g':
            line = { ...hold };
            break;
          case 'G':
            line = { text: `${line.text}${delimiter}${hold.text}`, chomped: hold.chomped };
            break;
          case 'h':
            hold = { ...line };
            break;
          case 'H':
            hold = { text: `${hold.text}${delimiter}${line.text}`, chomped: line.chomped };
            break;
          case 'i':
            if (c.text !== undefined) outputLine(c.text.slice(0, -1), true, output);
            break;
          case 'l':
            list(c.int === -1 || c.int === undefined ? options.lineLength : c.int);
            break;
          case 'n':
            if (!quiet) outputLine(line.text, line.chomped, output);
            if (atEnd() || !readPatternSpace(false)) return -1;
            break;
          case 'N':
            line = { text: line.text + delimiter, chomped: line.chomped };
            if (atEnd() || !readPatternSpace(true)) {
              line = { text: line.text.slice(0, -1), chomped: line.chomped };
              if (!quiet) outputLine(line.text, line.chomped, output);
              return -1;
            }
            break;
          case 'p':
            outputLine(line.text, line.chomped, output);
            break;
          case 'P': {
            const at = line.text.indexOf(delimiter);
            outputLine(at < 0 ? line.text : line.text.slice(0, at), at < 0 ? line.chomped : true, output);
            break;
          }
          case 'q':
            if (!quiet) outputLine(line.text, line.chomped, output);
            dumpAppendQueue();
            return c.int === -1 || c.int === undefined ? 0 : c.int;
          case 'Q':
            return c.int === -1 || c.int === undefined ? 0 : c.int;
          case 'r':
            if (c.prepend) output.write(options.readFile(c.file!) ?? '');
            else appendQueue.push({ file: c.file! });
            break;
          case 'R': {
            let reader = readers.get(c.file!);
            if (!reader) {
              // Each line keeps its delimiter; a last one without it is appended without one.
              const content = options.readFile(c.file!) ?? '';
              const lines = content.split(delimiter).map((l) => l + delimiter);
              lines[lines.length - 1] = lines[lines.length - 1].slice(0, -1);
              reader = { lines: lines.filter(Boolean), next: 0 };
              readers.set(c.file!, reader);
            }
            if (reader.next < reader.lines.length) appendQueue.push({ text: reader.lines[reader.next++] });
            break;
          }
          case 's':
            substitute(c.subst!);
            break;
          case 't':
            if (replaced) {
              replaced = false;
              i = c.jump!;
              continue;
            }
            break;
          case 'T':
            if (!replaced) {
              i = c.jump!;
              continue;
            }
            replaced = false;
            break;
          case 'w':
            outputLine(line.text, line.chomped, writeFiles.get(c.file!)!.out);
            break;
          case 'W': {
            const at = line.text.indexOf(delimiter);
            outputLine(at < 0 ? line.text : line.text.slice(0, at), at < 0 ? line.chomped : true, writeFiles.get(c.file!)!.out);
            break;
          }
          case 'x':
            [line, hold] = [hold, line];
            break;
          case 'y':
            line = { text: [...line.text].map((ch) => c.map!.get(ch) ?? ch).join(''), chomped: line.chomped };
            break;
          case 'z':
            line = { text: '', chomped: line.chomped };
            break;
          case '=':
            if (output.missingNewline) {
              output.write(delimiter);
              output.missingNewline = false;
            }
            output.write(`${lineNumber}${delimiter}`);
            break;
          case 'F':
            if (output.missingNewline) {
              output.write(delimiter);
              output.missingNewline = false;
            }
            output.write(`${file?.name ?? '-'}${delimiter}`);
            break;
          default:
            throw new Refusal(`sed: INTERNAL ERROR: Bad cmd ${c.name}\n`, 4);
        }
      }
      i++;
    }
    if (!quiet) outputLine(line.text, line.chomped, output);
    return -1;
  }

  let status = 0;
  try {
    while (readPatternSpace(false)) {
      budget.spendText(line.text.length);
      const code = yield* execute();
      if (code !== -1) {
        status = code;
        break;
      }
    }
    closeFile();
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    options.stderr(e.message);
    closeFile();
    return { status: e.exitCode, edited, written: collectWritten() };
  }
  function collectWritten() {
    for (const [name, w] of writeFiles) if (w.text) written.set(name, w.text());
    return written;
  }
  return { status: bad && status === 0 ? 2 : status, edited, written: collectWritten() };
}

/** A failure while running (no previous regular expression, a command sed cannot run): its message and status. */
class Refusal extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}
