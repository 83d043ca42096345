// Running a BusyBox sed program over its input as editors/sed.c's process_files does: one line read
// ahead (so `$` is the line with nothing after it in any file), lines split at a newline or a NUL,
// a last line without its newline written back without one, ranges that close on their end line
// or end regex, `a` and `r` text queued until the next line is read, and a missing input file
// reported when sed reaches it. Every cycle and every search is paid from the line's work budget.
import type { WorkBudget } from '../../core/budget';
import type { Effect } from '../../core/process';
import { searchSedRegex, type SedRegex } from './regex';
import { SED_MESSAGES } from './busybox';
import { BbSedError, type BbCommand, type BbProgram } from './busybox-script';

/** What follows a line read: its newline or NUL, none (the last line without one), or a NUL that ended its file. */
const NO_EOL = '\x01';
const LAST_IS_NUL = '\x02';

export interface BbStream {
  write(text: string): void;
}

export interface BbSedHost {
  budget: WorkBudget;
  /** An input file's text, or why it cannot be opened (`No such file or directory`). */
  open(name: string): { text: string } | { error: string };
  /** What `r FILE` reads, or undefined when it cannot be opened (then nothing is appended). */
  readFile(name: string): string | undefined;
  /** Standard input's text, for `-` or no file at all. */
  stdin: string;
  stderr(text: string): void;
}

/** The input files in turn, one line read ahead. */
export class BbInput {
  current = 0;
  last = 0;
  private file: { lines: string[]; ends: string[]; at: number } | undefined;
  exitcode = 0;

  constructor(readonly names: string[], readonly host: BbSedHost) {}

  /** The next line and what ended it, or null past the last file (get_next_line, without its flush). */
  next(): { text: string; end: string } | null {
    for (; this.current <= this.last; this.current++) {
      if (!this.file) {
        const name = this.names[this.current];
        const opened = name === STDIN ? { text: this.host.stdin } : this.host.open(name);
        if ('error' in opened) {
          this.host.stderr(`sed: ${SED_MESSAGES.perror(name, opened.error)}\n`);
          this.exitcode = 1;
          continue;
        }
        this.file = split(opened.text);
      }
      if (this.file.at < this.file.lines.length) {
        const at = this.file.at++;
        return { text: this.file.lines[at], end: this.file.ends[at] };
      }
      this.file = undefined;
    }
    return null;
  }
}

/** BusyBox's name for standard input in its list of files. */
export const STDIN = 'standard input';

/** A file as bb_get_chunk_from_file reads it: chunks ending at a newline or a NUL. */
function split(text: string): { lines: string[]; ends: string[]; at: number } {
  const lines: string[] = [];
  const ends: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\n' && c !== '\0') continue;
    lines.push(text.slice(start, i));
    ends.push(c === '\0' && i === text.length - 1 ? LAST_IS_NUL : c);
    start = i + 1;
  }
  if (start < text.length) {
    lines.push(text.slice(start));
    ends.push(NO_EOL);
  }
  return { lines, ends, at: 0 };
}

/** A stream and the last character put on it (last_puts_char), for puts_maybe_newline. */
interface Sink {
  stream: BbStream;
  last: string;
}

/** puts_maybe_newline: a newline owed by an unterminated line first, the text, then what ended its line. */
function putsMaybeNewline(text: string, sink: Sink, lastGets: string) {
  let lpc = sink.last;
  let out = '';
  if (lpc !== '\n' && lpc !== '\0') {
    out += '\n';
    lpc = '\n';
  }
  out += text;
  if (text) lpc = 'x';
  if (lastGets === LAST_IS_NUL) {
    out += '\0';
    lpc = 'x';
  } else if (lastGets !== NO_EOL) {
    out += lastGets;
    lpc = lastGets;
  }
  sink.stream.write(out);
  sink.last = lpc;
}

export interface BbRunState {
  program: BbProgram;
  host: BbSedHost;
  /** The files w writes, by name. */
  files: Map<string, BbStream>;
  hold: string | null;
  previousRegex: SedRegex | undefined;
  appended: string[];
}

/** The text of s's replacement for one match: \0-\9 the groups, & the match, \x the character x. */
function replacement(replace: string, text: string, groups: number[]): string {
  let out = '';
  for (let i = 0; i < replace.length; i++) {
    const c = replace[i];
    if (c === '\\') {
      const next = replace[++i] ?? '';
      if (next >= '0' && next <= '9') {
        const n = Number(next);
        if (n * 2 < groups.length && groups[n * 2] >= 0) out += text.slice(groups[n * 2], groups[n * 2 + 1]);
        continue;
      }
      out += next;
      continue;
    }
    out += c === '&' ? text.slice(groups[0], groups[1]) : c;
  }
  return out;
}

/**
 * process_files over the inputs from `input.current` to `input.last`, writing to `output`: one
 * call per run of files (BusyBox starts again at a `-` operand and, with -i, at each file).
 */
export function* processFiles(state: BbRunState, input: BbInput, output: BbStream): Generator<Effect, void, string | null> {
  const { program, host } = state;
  const budget = host.budget;
  const out: Sink = { stream: output, last: '\n' };
  let linenum = 0;

  const search = (regex: SedRegex, text: string, start: number) => searchSedRegex(regex, text, start, budget);
  const matches = (regex: SedRegex | undefined, text: string) => regex !== undefined && search(regex, text, 0) !== null;
  const flushAppend = () => {
    for (const data of state.appended) putsMaybeNewline(data, out, '\n');
    state.appended = [];
  };
  const nextLine = () => {
    flushAppend();
    return input.next();
  };
  const begMatch = (c: BbCommand, text: string) => {
    const hit = matches(c.begMatch, text);
    if (hit) state.previousRegex = c.begMatch;
    return hit;
  };
  const writeTo = (c: BbCommand, text: string, lastGets: string) => {
    const sink = { stream: state.files.get(c.swFile!)!, last: c.swLastChar };
    putsMaybeNewline(text, sink, lastGets);
    c.swLastChar = sink.last;
  };

  /** s: the pattern space after it, or null when nothing matched (do_subst_command). */
  const substitute = (c: BbCommand, text: string): string | null => {
    const regex = c.subMatch ?? state.previousRegex;
    if (!regex) throw new BbSedError(SED_MESSAGES.noPreviousRegexp);
    state.previousRegex = regex;
    let groups = search(regex, text, 0);
    if (!groups) return null;
    let result = '';
    let pos = 0;
    let count = 0;
    let altered = false;
    let previousEmpty = true;
    let triedAtEol = false;
    do {
      budget.spend();
      const start = groups[0] - pos;
      let end = groups[1] - pos;
      count++;
      if (c.whichMatch && c.whichMatch !== count) {
        // Not the wanted match: copied as it was, with one more character after an empty one.
        result += text.slice(pos, pos + end);
        pos += end;
        if (start === end && pos < text.length) result += text[pos++];
      } else {
        result += text.slice(pos, pos + start);
        // An empty match right after a match is not replaced (c* on cccd gives RdR).
        if (previousEmpty || start !== 0 || start !== end) {
          const piece = replacement(c.string ?? '', text, groups);
          budget.spendText(piece.length);
          result += piece;
          altered = true;
        }
        previousEmpty = start === end;
        if (previousEmpty) {
          if (pos + end >= text.length) triedAtEol = true;
          else result += text[pos + end++];
        }
        pos += end;
        if (c.whichMatch !== 0) break;
      }
      if (pos >= text.length) {
        if (triedAtEol) break;
        triedAtEol = true;
      }
    } while ((groups = search(regex, text, pos)) !== null);
    result += text.slice(pos);
    return altered ? result : null;
  };

  let ahead = nextLine();
  for (;;) {
    let substituted = false;
    if (!ahead) return;
    let ps = ahead.text;
    let lastGets = ahead.end;
    ahead = nextLine();
    linenum++;
    budget.spendText(ps.length);
    let quit = false;
    let printAtEnd = true;
    let i = 0;
    const commands = program.commands;
    cycle: while (i < commands.length) {
      budget.spend();
      if (budget.breathe()) yield { type: 'wait', ms: 0 };
      const c = commands[i];
      const oldMatched = c.inMatch;
      if (!oldMatched) c.endLine = c.endLineOrig;
      c.inMatch = Boolean(
        c.inMatch ||
        (!c.begLine && !c.endLine && !c.begMatch && !c.endMatch) ||
        (c.begLine > 0 && (c.endLine || c.endMatch ? c.begLine <= linenum : c.begLine === linenum)) ||
        begMatch(c, ps) ||
        (c.begLine === -1 && ahead === null),
      );
      const matched = c.inMatch;
      if (matched) {
        if (c.endLine <= -2) c.endLine = linenum + (-c.endLine - 2);
        if (c.begLine > 0) c.begLine = -2;
        c.inMatch = !((c.endLine ? (c.endLine === -1 ? ahead === null : c.endLine <= linenum) : !c.endMatch) || (c.endMatch !== undefined && oldMatched && matches(c.endMatch, ps)));
      }
      if (c.cmd === '{') {
        if (c.invert ? matched : !matched) {
          let nest = 0;
          for (;;) {
            const inner = commands[i];
            if (inner === undefined) throw new BbSedError(SED_MESSAGES.unterminatedBlock);
            if (inner.cmd === '{') nest++;
            if (inner.cmd === '}' && --nest === 0) break;
            i++;
          }
        }
        i++;
        continue;
      }
      if (c.invert ? matched : !matched) {
        i++;
        continue;
      }
      if (c.begMatch) state.previousRegex = c.begMatch;
      switch (c.cmd) {
        case '=':
          out.stream.write(`${linenum}\n`);
          break;
        case 'P': {
          const nl = ps.indexOf('\n');
          putsMaybeNewline(nl >= 0 ? ps.slice(0, nl) : ps, out, '\n');
          break;
        }
        case 'p':
          putsMaybeNewline(ps, out, '\n');
          break;
        case 'D': {
          const nl = ps.indexOf('\n');
          if (nl >= 0) {
            ps = ps.slice(nl + 1);
            i = 0;
            continue cycle;
          }
          printAtEnd = false;
          break cycle;
        }
        case 'd':
          printAtEnd = false;
          break cycle;
        case 's': {
          const changed = substitute(c, ps);
          if (changed === null) break;
          ps = changed;
          substituted = true;
          if (c.subP) putsMaybeNewline(ps, out, lastGets);
          if (c.swFile !== undefined) writeTo(c, ps, lastGets);
          break;
        }
        case 'a':
          state.appended.push(c.string ?? '');
          break;
        case 'i':
          putsMaybeNewline(c.string ?? '', out, '\n');
          break;
        case 'c':
          // Only the last line of a range prints the text.
          if (!c.inMatch) putsMaybeNewline(c.string ?? '', out, '\n');
          printAtEnd = false;
          break cycle;
        case 'r': {
          const text = host.readFile(c.string ?? '');
          if (text !== undefined) {
            const lines = text.split('\n');
            if (lines[lines.length - 1] === '') lines.pop();
            state.appended.push(...lines);
          }
          break;
        }
        case 'w':
          writeTo(c, ps, lastGets);
          break;
        case 'n':
          if (!program.quiet) putsMaybeNewline(ps, out, lastGets);
          if (ahead === null) {
            printAtEnd = false;
            break cycle;
          }
          ps = ahead.text;
          lastGets = ahead.end;
          ahead = nextLine();
          substituted = false;
          linenum++;
          break;
        case 'q':
          quit = true;
          break cycle;
        case 'N':
          // On the last line, GNU's way: the pattern space is printed before sed ends.
          if (ahead === null) break cycle;
          ps = `${ps}\n${ahead.text}`;
          lastGets = ahead.end;
          ahead = nextLine();
          linenum++;
          break;
        case 't':
        case 'T':
        case 'b': {
          if (c.cmd === 't') {
            if (!substituted) break;
            substituted = false;
          } else if (c.cmd === 'T' && substituted) break;
          if (c.string === undefined) break cycle;
          const target = commands.findIndex((x) => x.cmd === ':' && x.string === c.string);
          if (target < 0) throw new BbSedError(SED_MESSAGES.noLabel(c.string));
          i = target + 1;
          continue cycle;
        }
        case 'y':
          ps = [...ps].map((ch) => c.pairs!.find(([from]) => from === ch)?.[1] ?? ch).join('');
          break;
        case 'g':
          ps = state.hold ?? '';
          break;
        case 'G':
          ps = `${ps}\n${state.hold ?? ''}`;
          lastGets = '\n';
          break;
        case 'h':
          state.hold = ps;
          break;
        case 'H':
          state.hold = `${state.hold ?? ''}\n${ps}`;
          break;
        case 'x': {
          const swap = ps;
          ps = state.hold ?? '';
          state.hold = swap;
          lastGets = '\n';
          break;
        }
        default:
          // `l`, `}` and `:` do nothing when run.
          break;
      }
      i++;
    }
    if (printAtEnd && !program.quiet) putsMaybeNewline(ps, out, lastGets);
    flushAppend();
    if (quit) ahead = null;
  }
}

