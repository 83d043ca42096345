// A sed script read as BusyBox 1.37.0 reads it (editors/sed.c: add_cmd, get_address,
// parse_cmd_args): a line at a time, a line ending in an odd number of backslashes glued to the
// next, commands one after another with or without `;` between them (`pd` is p then d), `+N` as
// the only GNU address form, and none of GNU's `first~step`, `0,/re/`, `I` after an address, \U in
// a replacement, or the q exit code. Regular expressions are compiled as they are read, so a bad
// one stops sed before any input. Labels are looked up when a branch is taken, as BusyBox does.
import type { WorkBudget } from '../../core/budget';
import type { BusyboxBuild } from '../busybox';
import { compileSedRegex, type SedRegex } from './regex';
import { regerror, SED_MESSAGES } from './busybox';

export interface BbCommand {
  cmd: string;
  /** 0: no line address; -1: `$`; -2: a numeric start that has matched once (a spent `N,...`). */
  begLine: number;
  begLineOrig: number;
  /** 0: none; -1: `$`; -2-N: `+N` until the range starts, then the line it ends on. */
  endLine: number;
  endLineOrig: number;
  begMatch?: SedRegex;
  endMatch?: SedRegex;
  /** s: its regex, or undefined for the last one used. */
  subMatch?: SedRegex;
  /** a, i, c: the text; r, w: the file; :, b, t, T: the label; s: the replacement. */
  string?: string;
  /** y: [from, to] pairs, the first that fits a character wins. */
  pairs?: [string, string][];
  /** s: which match to replace, 0 for all (g). */
  whichMatch: number;
  subP: boolean;
  /** w and s///w: the file written. */
  swFile?: string;
  /** The last character written to swFile by this command (as sw_last_char). */
  swLastChar: string;
  invert: boolean;
  inMatch: boolean;
}

export interface BbProgram {
  commands: BbCommand[];
  /** -n given, or a `#n` comment met: any count above zero is quiet. */
  quiet: number;
  /** Files w and s///w write, opened (so emptied) while the script is read, in that order. */
  writes: string[];
}

/** Why sed gave up, in its words (printed as `sed: MESSAGE`, status 1). */
export class BbSedError extends Error {}

const die = (message: string): never => {
  throw new BbSedError(message);
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** C's isspace. */
const isSpace = (c: string | undefined) => c !== undefined && ' \t\n\v\f\r'.includes(c);
const SEMICOLON_WHITESPACE = '; \n\r\t\v';

const skipWhitespace = (s: string, i: number) => {
  while (i < s.length && isSpace(s[i])) i++;
  return i;
};

/** strcpy with `\from` turned into `to`; with no `to`, every `\x` into x (libbb's parse_escapes in sed.c). */
function parseEscapes(s: string, len: number, from: string, to: string): string {
  let out = '';
  let i = 0;
  while (i < len) {
    if (s[i] === '\\') {
      const next = s[i + 1];
      if (!to || next === from) {
        const c = to || next;
        if (c === undefined || c === '\0') return out;
        out += c;
        i += 2;
        continue;
      }
      i++;
      out += '\\';
    }
    const c = s[i++];
    if (c === undefined || c === '\0') return out;
    out += c;
  }
  return out;
}

/** \n, \t and \r become the characters, and `\delim` the delimiter (copy_parsing_escapes). */
function copyParsingEscapes(s: string, len: number, delim: string): string {
  let text = s;
  let n = len;
  for (const [letter, char] of [['n', '\n'], ['t', '\t'], ['r', '\r']]) {
    text = parseEscapes(text, n, letter, char);
    n = text.length;
  }
  return delim ? parseEscapes(text, n, delim, delim) : text;
}

/**
 * Where the next unescaped `delimiter` is in `s` from `at` (a `[...]` hides it unless
 * `brackets` is false), as an offset from `at`; sed dies when there is none.
 */
function nextDelimiter(delimiter: string, s: string, at: number, brackets: boolean): number {
  let bracket = brackets ? -1 : -2;
  let escaped = false;
  for (let idx = 0; at + idx < s.length; idx++) {
    const ch = s[at + idx];
    if (ch === '\0') break;
    if (bracket >= 0) {
      if (ch === ']' && !(bracket === idx - 1 || (bracket === idx - 2 && s[at + idx - 1] === '^'))) bracket = -1;
    } else if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (bracket === -1 && ch === '[') bracket = idx;
    else if (ch === delimiter) return idx;
  }
  return die(SED_MESSAGES.unmatched(delimiter));
}

/** An extended pattern with each `)` that closes nothing escaped: regcomp reads it as itself (RE_UNMATCHED_RIGHT_PAREN_ORD). */
function unmatchedParensLiteral(pattern: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      // A bracket expression: `]` first is a member, [:classes:] hold their own brackets.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j = pattern[j] === '[' && /[:.=]/.test(pattern[j + 1] ?? '') ? Math.max(j + 2, pattern.indexOf(`${pattern[j + 1]}]`, j + 2) + 2) : j + 1;
      out += pattern.slice(i, j + 1);
      i = j;
    } else if (c === ')' && depth === 0) out += '\\)';
    else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      out += c;
    }
  }
  return out;
}

export interface ParseOptions {
  extended: boolean;
  build: BusyboxBuild;
  budget: WorkBudget;
  /** Opens (creates or empties) a file w writes, as sed does while reading the script: why not, or undefined. */
  openForWrite(name: string): string | undefined;
}

/** Reads BusyBox sed scripts into a program; `add` takes one line, `finish` flushes a glued one. */
export class BbScriptReader {
  readonly program: BbProgram = { commands: [], quiet: 0, writes: [] };
  private pendingLine: string | undefined;
  private previousRegex: SedRegex | undefined;

  constructor(private readonly options: ParseOptions) {}

  /** An -e script or the script operand: each of its lines in turn (add_cmd_block). */
  addBlock(text: string) {
    for (const line of text.split('\n')) this.add(line);
  }

  /** Whatever a trailing backslash left waiting (`a\` at the very end). */
  finish() {
    this.add('');
  }

  private compile(written: string, icase: boolean): SedRegex {
    const pattern = this.options.extended ? unmatchedParensLiteral(written) : written;
    const compiled = compileSedRegex(pattern, { extended: this.options.extended, icase, multiline: false }, this.options.budget);
    if (!('error' in compiled)) return compiled;
    // glibc's regcomp reads [:digit:] as a plain bracket of those letters, where GNU's dfa refuses it.
    if (compiled.error.startsWith('character class syntax is')) {
      const plain = pattern.replace(/\[(\^?):([a-z]+):\]/g, '[$1$2::]');
      if (plain !== pattern) {
        const again = compileSedRegex(plain, { extended: this.options.extended, icase, multiline: false }, this.options.budget);
        if (!('error' in again)) return again;
      }
    }
    return die(SED_MESSAGES.badRegex(written, regerror(this.options.build.libc, compiled.error)));
  }

  /** An address at `at`: its length, the line (0 none, -1 $) and its regex (get_address). */
  private address(s: string, at: number): { length: number; line: number; regex?: SedRegex } {
    const c = s[at];
    if (isDigit(c)) {
      let end = at;
      while (isDigit(s[end])) end++;
      return { length: end - at, line: Number(s.slice(at, end)) };
    }
    if (c === '$') return { length: 1, line: -1 };
    if (c === '/' || c === '\\') {
      let pos = at;
      const delimiter = c === '\\' ? s[++pos] ?? '\0' : '/';
      pos++;
      const next = nextDelimiter(delimiter, s, pos, true);
      let regex: SedRegex;
      if (next !== 0) {
        regex = this.compile(copyParsingEscapes(s.slice(pos), next, ''), false);
        this.previousRegex = regex;
      } else regex = this.previousRegex ?? die(SED_MESSAGES.noPreviousRegexp);
      return { length: pos + next + 1 - at, line: 0, regex };
    }
    return { length: 0, line: 0 };
  }

  /** A file name: blanks skipped, then to the end of the line (parse_file_cmd); its length and the name. */
  private fileName(s: string, at: number): { length: number; name: string } {
    const start = skipWhitespace(s, at);
    let eol = s.indexOf('\n', start);
    if (eol < 0) eol = s.length;
    if (eol === start) die(SED_MESSAGES.emptyFilename);
    // Lines glued by a backslash keep it at the end of the name.
    const name = eol < s.length ? `${s.slice(start, eol)}\\` : s.slice(start);
    return { length: eol - at, name };
  }

  /** sed_xfopen_w: each name opened once, however many commands write to it. */
  private openForWrite(name: string) {
    if (this.program.writes.includes(name)) return;
    const error = this.options.openForWrite(name);
    if (error) die(SED_MESSAGES.cantOpen(name, error));
    this.program.writes.push(name);
  }

  /** s's delimiter, pattern and replacement from `at` (the delimiter): where the third delimiter is, from `at`. */
  private regexDelim(s: string, at: number): { match: string; replace: string; end: number } {
    if (at >= s.length) die(SED_MESSAGES.badFormat);
    const delimiter = s[at];
    let p = at + 1;
    let idx = nextDelimiter(delimiter, s, p, true);
    const match = copyParsingEscapes(s.slice(p), idx, delimiter);
    p += idx + 1;
    idx = nextDelimiter(delimiter, s, p, false);
    // `s&8&\&&` keeps its `\&`: the delimiter is not unescaped when it is &.
    const replace = copyParsingEscapes(s.slice(p), idx, delimiter !== '&' ? delimiter : '');
    return { match, replace, end: p - at + idx };
  }

  /** The s command from its delimiter at `at`: where its flags end (parse_subst_cmd). */
  private substitute(command: BbCommand, s: string, at: number): number {
    let icase = false;
    const { match, replace, end } = this.regexDelim(s, at);
    command.string = replace;
    command.whichMatch = 1;
    let idx = end;
    flags: while (at + ++idx < s.length) {
      const c = s[at + idx];
      if (isDigit(c)) {
        if (match[0] !== '^') {
          let stop = at + idx;
          while (isDigit(s[stop])) stop++;
          // strtol into an unsigned: a huge number wraps as C's conversion does.
          command.whichMatch = Number(BigInt.asUintN(32, BigInt(s.slice(at + idx, stop))));
          idx = stop - at - 1;
        }
        continue;
      }
      if (isSpace(c)) continue;
      switch (c) {
        case 'g':
          command.whichMatch = 0;
          break;
        case 'p':
          command.subP = true;
          break;
        case 'w': {
          const file = this.fileName(s, at + idx + 1);
          idx += file.length;
          command.swFile = file.name;
          command.swLastChar = '\n';
          this.openForWrite(file.name);
          break;
        }
        case 'i':
        case 'I':
          icase = true;
          break;
        case '#':
          idx = s.length - at;
          break flags;
        case ';':
        case '}':
          break flags;
        default:
          die(SED_MESSAGES.badSubstOption);
      }
    }
    if (match !== '') command.subMatch = this.compile(match, icase);
    return Math.min(idx, s.length - at);
  }

  /** The command's arguments from `at`: where what follows it starts (parse_cmd_args). */
  private args(command: BbCommand, s: string, at: number): number {
    const c = command.cmd;
    const ranged = command.endLine !== 0 || command.endMatch !== undefined;
    if (c === 's') return at + this.substitute(command, s, at);
    if (c === 'a' || c === 'i' || c === 'c') {
      if (c !== 'c' && ranged) die(SED_MESSAGES.oneAddress(c));
      let p = at;
      for (;;) {
        if (s[p] === '\n' || s[p] === '\\') {
          p++;
          break;
        }
        if (!isSpace(s[p])) break;
        p++;
      }
      const rest = s.slice(p);
      command.string = parseEscapes(copyParsingEscapes(rest, rest.length, ''), Infinity, '', '');
      return s.length;
    }
    if (c === 'r' || c === 'w') {
      if (c === 'r' && ranged) die(SED_MESSAGES.oneAddress(c));
      const file = this.fileName(s, at);
      command.string = file.name;
      if (c === 'w') {
        command.swFile = file.name;
        command.swLastChar = '\n';
        this.openForWrite(file.name);
      }
      return at + file.length;
    }
    if (c === ':' || c === 'b' || c === 't' || c === 'T') {
      const start = skipWhitespace(s, at);
      let end = start;
      while (end < s.length && !SEMICOLON_WHITESPACE.includes(s[end])) end++;
      if (end > start) command.string = s.slice(start, end);
      return end;
    }
    if (c === 'y') {
      const delimiter = s[at];
      const { match, replace, end } = this.regexDelim(s, at);
      const from = [...parseEscapes(match, match.length, delimiter, delimiter)];
      const to = [...parseEscapes(replace, replace.length, delimiter, delimiter)];
      command.pairs = from.slice(0, to.length).map((ch, i) => [ch, to[i]]);
      return at + end + 1;
    }
    if (!'dDgGhHlnNpPqx={}'.includes(c)) die(SED_MESSAGES.unsupported(c));
    return at;
  }

  /** One line of script (add_cmd): glued to a waiting one, or kept waiting itself. */
  add(line: string) {
    let s = line;
    if (this.pendingLine !== undefined) {
      s = `${this.pendingLine}\n${line}`;
      this.pendingLine = undefined;
    }
    let n = s.length;
    while (n && s[n - 1] === '\\') n--;
    if ((s.length - n) & 1) {
      this.pendingLine = s.slice(0, -1);
      return;
    }
    let at = 0;
    while (at < s.length) {
      this.options.budget.spend();
      while (at < s.length && SEMICOLON_WHITESPACE.includes(s[at])) at++;
      if (at >= s.length) break;
      if (s[at] === '#') {
        if (s[at + 1] === 'n') this.program.quiet++;
        const eol = s.slice(at).search(/[\n\r]/);
        if (eol < 0) break;
        at += eol;
        continue;
      }
      const command: BbCommand = { cmd: '', begLine: 0, begLineOrig: 0, endLine: 0, endLineOrig: 0, whichMatch: 0, subP: false, swLastChar: '\n', invert: false, inMatch: false };
      const beg = this.address(s, at);
      at += beg.length;
      command.begLine = command.begLineOrig = beg.line;
      command.begMatch = beg.regex;
      if (s[at] === ',') {
        at++;
        let idx: number;
        if (s[at] === '+' && isDigit(s[at + 1])) {
          let end = at + 1;
          while (isDigit(s[end])) end++;
          idx = Number(s.slice(at + 1, end));
          command.endLine = -2 - idx;
          at = end;
        } else {
          const end = this.address(s, at);
          at += end.length;
          command.endLine = end.line;
          command.endMatch = end.regex;
          idx = end.length - 1;
        }
        if (idx < 0) die(SED_MESSAGES.noAddressAfterComma);
        command.endLineOrig = command.endLine;
      }
      at = skipWhitespace(s, at);
      if (s[at] === '!') {
        command.invert = true;
        at = skipWhitespace(s, at + 1);
      }
      if (at >= s.length) die(SED_MESSAGES.missingCommand);
      command.cmd = s[at++];
      at = this.args(command, s, at);
      this.program.commands.push(command);
    }
  }
}
