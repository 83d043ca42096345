// less's prompt language (prompt.c), so prompts are data as in less: `?x` ... `:` ... `.` is a
// conditional on fact x, `%x` inserts a value, `\` escapes. The default prompts below are less
// 590's; man-db hands less its own (" Manual page ls(1) ?ltline %lt?L/%L.:byte ...").

/** The short prompt, less's default: the file name at first, `(END)` at the end, else nothing (shown as `:`). */
export const SHORT_PROMPT = '?n?f%f .?m(%T %i of %m) ..?e(END) ?x- Next\\: %x..%t';
/** -m: the short prompt with how far into the file the bottom line is. */
export const MEDIUM_PROMPT = '?n?f%f .?m(%T %i of %m) ..?e(END) ?x- Next\\: %x.:?pB%pB\\%:byte %bB?s/%s...%t';
/** -M: the line numbers shown and the size as well. */
export const LONG_PROMPT = '?f%f .?n?m(%T %i of %m) ..?ltlines %lt-%lb?L/%L. :byte %bB?s/%s. .?e(END) ?x- Next\\: %x.:?pB%pB\\%..%t';
/** What `=` and ^G show. */
export const EQUALS_PROMPT = '?f%f .?m(%T %i of %m) .?ltlines %lt-%lb?L/%L. .byte %bB?s/%s. ?e(END) :?pB%pB\\%..%t';
/** The prompt while the help text is shown. */
export const HELP_PROMPT = 'HELP -- ?eEND -- Press g to see it again:Press RETURN for more., or q when done';

/** Screen positions, as less names them: a row index, or one of these. */
export const TOP = 0;
export const BOTTOM = -1;
export const BOTTOM_PLUS_ONE = -2;
export const MIDDLE = -3;

/** What the prompt may ask about the pager's state. */
export interface PromptFacts {
  /** The file's name, or null for standard input. */
  fileName: string | null;
  /** 1-based, and how many files were named. */
  fileIndex: number;
  fileCount: number;
  nextFile: string | null;
  /** The first prompt since this file was opened. */
  newFile: boolean;
  /** The end of the file is on the screen (and its size is known). */
  eof: boolean;
  /** The size in bytes, or null while unknown (a pipe not read to its end). */
  size: number | null;
  hshift: number;
  /** Terminal rows (less's sc_height): the last is the prompt's. */
  rows: number;
  /** The byte where screen row `sindex` (0-based) starts, or null when nothing is shown there. */
  position(sindex: number): number | null;
  /** less's find_linenum: the line holding byte `pos`, 1-based. */
  lineAt(pos: number): number;
}

function resolveWhere(facts: PromptFacts, where: number): number {
  if (where === BOTTOM) return facts.rows - 2;
  if (where === BOTTOM_PLUS_ONE) return facts.rows - 1;
  if (where === MIDDLE) return Math.floor((facts.rows - 1) / 2);
  return where;
}

const positionAt = (facts: PromptFacts, where: number) => facts.position(resolveWhere(facts, where));

/** The byte offset at a screen position, looking further down past empty rows (curr_byte). */
function currByte(facts: PromptFacts, where: number): number | null {
  let pos = positionAt(facts, where);
  while (pos === null && where >= 0 && where < facts.rows - 1) pos = positionAt(facts, ++where);
  return pos ?? facts.size;
}

/** The line number at a screen position (currline): 0 when unknown. */
function currLine(facts: PromptFacts, where: number): number {
  let pos = positionAt(facts, where);
  while (pos === null && where >= 0 && where < facts.rows) pos = positionAt(facts, ++where);
  if (pos === null) pos = facts.size;
  if (pos === null) return 0;
  const line = facts.lineAt(pos);
  return pos === facts.size ? line - 1 : line;
}

/** less's percentage(): muldiv rounds to the nearest. */
const percentage = (num: number, den: number) => Math.floor((num * 100) / den + 0.5);

function lastLine(facts: PromptFacts): number {
  if (facts.size === null || facts.size === 0) return 0;
  return facts.lineAt(facts.size);
}

function cond(facts: PromptFacts, c: string, where: number, message: string): boolean {
  switch (c) {
    case 'a':
      return message.length > 0;
    case 'b':
      return currByte(facts, where) !== null;
    case 'c':
      return facts.hshift !== 0;
    case 'e':
      return facts.eof;
    case 'f':
    case 'g':
      return facts.fileName !== null;
    case 'l':
    case 'd':
      return currLine(facts, where) !== 0;
    case 'L':
    case 'D':
      return facts.size !== null;
    case 'm':
      return facts.fileCount > 1;
    case 'n':
      return facts.newFile;
    case 'p':
      return currByte(facts, where) !== null && (facts.size ?? 0) > 0;
    case 'P':
      return currLine(facts, where) !== 0 && (facts.size ?? 0) > 0 && lastLine(facts) !== 0;
    case 's':
    case 'B':
      return facts.size !== null;
    case 'x':
      return facts.nextFile !== null;
  }
  return false;
}

function protochar(facts: PromptFacts, c: string, where: number): string {
  const pageOf = (line: number) => Math.floor((line - 1) / (facts.rows - 1)) + 1;
  switch (c) {
    case 'b': {
      const pos = currByte(facts, where);
      return pos === null ? '?' : String(pos);
    }
    case 'c':
      return String(facts.hshift);
    case 'd': {
      const line = currLine(facts, where);
      return line > 0 && facts.rows > 1 ? String(pageOf(line)) : '?';
    }
    case 'D': {
      if (facts.size === null) return '?';
      if (facts.size === 0) return '0';
      const line = facts.lineAt(facts.size - 1);
      return line <= 0 ? '?' : String(pageOf(line));
    }
    case 'f':
    case 'g':
      return facts.fileName ?? '-';
    case 'F':
      return (facts.fileName ?? '-').split('/').pop() ?? '';
    case 'i':
      return String(facts.fileIndex);
    case 'l': {
      const line = currLine(facts, where);
      return line !== 0 ? String(line) : '?';
    }
    case 'L': {
      if (facts.size === null || facts.size === 0) return '?';
      const line = facts.lineAt(facts.size);
      return line <= 0 ? '?' : String(line - 1);
    }
    case 'm':
      return String(facts.fileCount);
    case 'p': {
      const pos = currByte(facts, where);
      return pos !== null && facts.size !== null && facts.size > 0 ? String(percentage(pos, facts.size)) : '?';
    }
    case 'P': {
      const line = currLine(facts, where);
      const last = lastLine(facts);
      return line === 0 || last <= 0 ? '?' : String(percentage(line, last));
    }
    case 's':
    case 'B':
      return facts.size === null ? '?' : String(facts.size);
    case 'T':
      return 'file';
    case 'x':
      return facts.nextFile ?? '?';
  }
  return '';
}

/** Skips a false conditional: returns the index of the `:` or `.` that ends it (skipcond). */
function skipCond(proto: string, p: number): number {
  let level = 1;
  for (;;) {
    const c = proto[++p];
    if (c === undefined) return p - 1;
    if (c === '?') level++;
    else if (c === ':' && level === 1) return p;
    else if (c === '.' && --level === 0) return p;
    else if (c === '\\') p++;
  }
}

/** Reads a position letter after a `%x` or `?x` that takes one (t, m, b, B, j). */
function whereChar(proto: string, p: number): { p: number; where: number } {
  if (!'bdlpP'.includes(proto[p])) return { p, where: TOP };
  const w = proto[p + 1];
  const wheres: Record<string, number> = { t: TOP, m: MIDDLE, b: BOTTOM, B: BOTTOM_PLUS_ONE, j: TOP };
  return w !== undefined && w in wheres ? { p: p + 1, where: wheres[w] } : { p, where: TOP };
}

/** A prompt made from its prototype (pr_expand); `maxWidth` keeps its end when it is too long. */
export function expandPrompt(proto: string, facts: PromptFacts, maxWidth = 0): string {
  let message = '';
  for (let p = 0; p < proto.length; p++) {
    const ch = proto[p];
    if (ch === '\\') {
      p++;
      if (p < proto.length) message += proto[p];
    } else if (ch === '?') {
      const c = proto[p + 1];
      if (c === undefined) continue;
      const { p: after, where } = whereChar(proto, p + 1);
      p = after;
      if (!cond(facts, c, where, message)) p = skipCond(proto, p);
    } else if (ch === ':') {
      p = skipCond(proto, p);
    } else if (ch === '.') {
      // end of a conditional
    } else if (ch === '%') {
      const c = proto[p + 1];
      if (c === undefined) continue;
      const { p: after, where } = whereChar(proto, p + 1);
      p = after;
      // %t trims the spaces the parts before it left at the end.
      if (c === 't') message = message.replace(/ +$/, '');
      else message += protochar(facts, c, where);
    } else message += ch;
  }
  if (maxWidth > 0 && message.length >= maxWidth) return message.slice(message.length - maxWidth);
  return message;
}
