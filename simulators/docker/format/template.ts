// Go's text/template, the part `docker ... --format` users type, with docker's own functions.
//
// Written from Go's text/template (lex.go, parse.go, exec.go, funcs.go) and docker/cli's
// templates/templates.go, so that the output and, above all, the error messages read the same:
//   template: :1: function "foo" not defined
//   template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type *formatter.ContainerContext
// Positions in messages are byte offsets, as in Go. Everything here is pure: no clock, no
// randomness, no global state; any bad template or data gives a TemplateError, never a TypeError.
//
// The data model. Go is typed and JavaScript is not, so values map onto Go kinds like this:
//   string -> string, safe integer -> int, other number -> float64, boolean -> bool,
//   null -> a nil interface, array -> slice ([]string when every element is a string),
//   function (TemplateFn) -> a method: `.Label "x"` calls it (its declared parameter count is its
//   arity), object -> a struct by default (a missing field is an error), or a map when wrapped with
//   goMap() (a missing key prints "<no value>", keys range and print sorted).
// formatterContext() marks docker's *XContext rows, whose JSON is docker's MarshalJSON: sorted
// keys, HTML-escaped, zero-argument methods called, methods with arguments left out.

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [k: string]: TemplateValue } | TemplateFn;
/** A method of the data, like ContainerContext.Label(name). Declare every parameter (no rest or defaults): `length` is the arity Go checks. */
export type TemplateFn = (...args: TemplateValue[]) => TemplateValue;

export interface ExecuteOptions {
  /** Go type of the data, for "can't evaluate field X in type T" (docker: `*formatter.ContainerContext`). */
  typeName?: string;
  /** docker's HeaderFunctions: json, split, join, title, lower, upper and truncate return their first (string) argument unchanged. */
  headerFunctions?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Go kinds for objects

const GO_KIND = Symbol('berth.goKind');
interface GoTag {
  kind: 'map' | 'struct' | 'context';
  typeName?: string;
}

function tagged<T extends object>(obj: T, tag: GoTag): T {
  const copy = (Array.isArray(obj) ? [...obj] : { ...obj }) as T;
  Object.defineProperty(copy, GO_KIND, { value: tag, enumerable: false });
  return copy;
}

/** A copy of obj that templates treat as a Go map (missing keys print "<no value>", keys sort). */
export function goMap<T extends object>(obj: T, typeName?: string): T {
  return tagged(obj, { kind: 'map', typeName });
}

/** A copy of obj that templates treat as a Go struct of the given type (missing fields are errors). */
export function goStruct<T extends object>(obj: T, typeName: string): T {
  return tagged(obj, { kind: 'struct', typeName });
}

/** A copy of obj as docker's formatter context (*formatter.ContainerContext and the like). */
export function formatterContext<T extends object>(obj: T, typeName?: string): T {
  if (Array.isArray(obj) || tagOf(obj)) return obj;
  return tagged(obj, { kind: 'context', typeName });
}

function tagOf(obj: object): GoTag | undefined {
  return Object.prototype.hasOwnProperty.call(obj, GO_KIND) ? ((obj as Record<symbol, GoTag>)[GO_KIND] as GoTag) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Values while executing

/** Go's zero reflect.Value: a missing map key, or a nil interface once a pipeline unwraps it. */
const INVALID = Symbol('invalid');
/** No value from a previous pipeline command. */
const MISSING = Symbol('missing');

/** A float64 whose value happens to be integral (a literal like 1e6 or 3.0). */
class GoFloat {
  constructor(readonly v: number) {}
}
class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

type Val = unknown;
type Kind = 'invalid' | 'nil' | 'string' | 'int' | 'float' | 'complex' | 'bool' | 'slice' | 'map' | 'struct' | 'func';

function kindOf(v: Val): Kind {
  if (v === INVALID) return 'invalid';
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isSafeInteger(v) ? 'int' : 'float';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'func';
    case 'object':
      if (v instanceof GoFloat) return 'float';
      if (v instanceof GoComplex) return 'complex';
      if (Array.isArray(v)) return 'slice';
      return tagOf(v)?.kind === 'map' ? 'map' : 'struct';
    default:
      return 'nil';
  }
}

/** A value read out of the caller's data. */
function fromData(x: unknown): Val {
  if (x === undefined) return null;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'symbol') return null;
  return x;
}

function num(v: Val): number {
  return v instanceof GoFloat ? v.v : (v as number);
}

/** A value handed to the caller's methods. */
function toData(v: Val): TemplateValue {
  if (v === INVALID || v === undefined || v === MISSING) return null;
  if (v instanceof GoFloat) return v.v;
  if (v instanceof GoComplex) return null;
  return v as TemplateValue;
}

function ownKeys(obj: object): string[] {
  return Object.keys(obj);
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Struct fields: own properties that are not methods. */
function structFields(obj: object): string[] {
  return ownKeys(obj).filter((k) => typeof (obj as Record<string, unknown>)[k] !== 'function');
}

// ---------------------------------------------------------------------------------------------
// Strings the way Go sees them (UTF-8 bytes, runes)

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}

function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Code points, with lone surrogates as U+FFFD (what Go sees for bytes that are not UTF-8). */
function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    out.push(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return out;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const isLetter = (r: number) => r >= 0 && /\p{L}/u.test(String.fromCodePoint(r));
const isDigitRune = (r: number) => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number) => r === 0x5f || isLetter(r) || isDigitRune(r);
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const isPrint = (r: number) => r === 0x20 || (r >= 0 && r <= 0x10ffff && /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(r)));

const hexDigits = '0123456789abcdef';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

/** strconv.Quote (or QuoteToASCII). */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const r of runes(s)) out += escapeRune(r, 0x22, asciiOnly);
  return out + '"';
}

function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0) r = 0xfffd;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

/** fmt's %#U: U+0041 'A'. */
function fmtU(r: number): string {
  if (r < 0) return 'U+FFFFFFFFFFFFFFFF';
  const base = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `${base} '${String.fromCodePoint(r)}'` : base;
}

function compareGo(a: string, b: string): number {
  const ra = runes(a);
  const rb = runes(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return ra.length - rb.length;
}

// ---------------------------------------------------------------------------------------------
// Lexer (text/template/parse/lex.go)

type TokType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'comment' | 'complex' | 'assign' | 'declare' | 'eof' | 'field' | 'identifier'
  | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space' | 'string' | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

interface Token {
  typ: TokType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS = new Map<string, TokType>([
  ['.', 'dot'], ['block', 'block'], ['break', 'break'], ['continue', 'continue'], ['define', 'define'], ['else', 'else'],
  ['end', 'end'], ['if', 'if'], ['range', 'range'], ['nil', 'nil'], ['template', 'template'], ['with', 'with'],
]);
const KEYWORD_TYPES = new Set<TokType>(KEYWORDS.values());

const EOF = -1;
const LEFT = '{{';
const RIGHT = '}}';
const isSpace = (r: number) => r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
const isSpaceAt = (s: string, i: number) => i < s.length && isSpace(s.charCodeAt(i));
const hasLeftTrimMarker = (s: string, i: number) => s[i] === '-' && isSpaceAt(s, i + 1);
const hasRightTrimMarker = (s: string, i: number) => isSpaceAt(s, i) && s[i + 1] === '-';
const countNL = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};
const rightTrimLength = (s: string) => s.length - s.replace(/[ \t\r\n]+$/, '').length;
const leftTrimLength = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length;

type StateFn = (() => StateFn) | null;

class Lexer {
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private insideAction = false;
  private item: Token = { typ: 'eof', pos: 0, val: 'EOF', line: 1 };

  constructor(private readonly input: string) {}

  all(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.nextItem();
      out.push(t);
      if (t.typ === 'eof' || t.typ === 'error') return out;
    }
  }

  private nextItem(): Token {
    this.item = { typ: 'eof', pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn = this.insideAction ? this.lexInsideAction : this.lexText;
    while (state) state = state.call(this);
    return this.item;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const c = this.input.codePointAt(this.pos) as number;
    this.pos += c > 0xffff ? 2 : 1;
    if (c === 10) this.line++;
    return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const lo = this.input.charCodeAt(this.pos - 1);
      const w = (lo & 0xfc00) === 0xdc00 && this.pos > 1 && (this.input.charCodeAt(this.pos - 2) & 0xfc00) === 0xd800 ? 2 : 1;
      this.pos -= w;
      if (lo === 10) this.line--;
    }
  }

  private thisItem(typ: TokType): Token {
    const t = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return t;
  }

  private emit(typ: TokType): StateFn {
    return this.emitItem(this.thisItem(typ));
  }

  private emitItem(t: Token): StateFn {
    this.item = t;
    return null;
  }

  private ignore(): void {
    this.line += countNL(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  private accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  private errorf(message: string): StateFn {
    this.item = { typ: 'error', pos: this.start, val: message, line: this.startLine };
    return null;
  }

  private atRightDelim(): [boolean, boolean] {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) return [true, true];
    if (this.input.startsWith(RIGHT, this.pos)) return [true, false];
    return [false, false];
  }

  private lexText(): StateFn {
    const x = this.input.indexOf(LEFT, this.pos);
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x;
        let trim = 0;
        if (hasLeftTrimMarker(this.input, this.pos + LEFT.length)) trim = rightTrimLength(this.input.slice(this.start, this.pos));
        this.pos -= trim;
        this.line += countNL(this.input.slice(this.start, this.pos));
        const i = this.thisItem('text');
        this.pos += trim;
        this.ignore();
        if (i.val.length > 0) return this.emitItem(i);
      }
      return this.lexLeftDelim;
    }
    this.pos = this.input.length;
    if (this.pos > this.start) {
      this.line += countNL(this.input.slice(this.start, this.pos));
      return this.emit('text');
    }
    return this.emit('eof');
  }

  private lexLeftDelim(): StateFn {
    this.pos += LEFT.length;
    const trim = hasLeftTrimMarker(this.input, this.pos);
    const after = trim ? 2 : 0;
    if (this.input.startsWith('/*', this.pos + after)) {
      this.pos += after;
      this.ignore();
      return this.lexComment;
    }
    const i = this.thisItem('leftDelim');
    this.insideAction = true;
    this.pos += after;
    this.ignore();
    this.parenDepth = 0;
    return this.emitItem(i);
  }

  private lexComment(): StateFn {
    this.pos += 2;
    const x = this.input.indexOf('*/', this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + 2;
    const [delim, trim] = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    this.line += countNL(this.input.slice(this.start, this.pos));
    this.thisItem('comment');
    if (trim) this.pos += 2;
    this.pos += RIGHT.length;
    if (trim) this.pos += leftTrimLength(this.input.slice(this.pos));
    this.ignore();
    return this.lexText;
  }

  private lexRightDelim(): StateFn {
    const [, trim] = this.atRightDelim();
    if (trim) {
      this.pos += 2;
      this.ignore();
    }
    this.pos += RIGHT.length;
    const i = this.thisItem('rightDelim');
    if (trim) {
      this.pos += leftTrimLength(this.input.slice(this.pos));
      this.ignore();
    }
    this.insideAction = false;
    return this.emitItem(i);
  }

  private lexInsideAction(): StateFn {
    const [delim] = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return this.lexRightDelim;
      return this.errorf('unclosed left paren');
    }
    const r = this.next();
    if (r === EOF) return this.errorf('unclosed action');
    if (isSpace(r)) {
      this.backup();
      return this.lexSpace;
    }
    switch (r) {
      case 0x3d: // =
        return this.emit('assign');
      case 0x3a: // :
        if (this.next() !== 0x3d) return this.errorf('expected :=');
        return this.emit('declare');
      case 0x7c: // |
        return this.emit('pipe');
      case 0x22: // "
        return this.lexQuote;
      case 0x60: // `
        return this.lexRawQuote;
      case 0x24: // $
        return this.lexVariable;
      case 0x27: // '
        return this.lexChar;
      case 0x28: // (
        this.parenDepth++;
        return this.emit('leftParen');
      case 0x29: // )
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.emit('rightParen');
    }
    if (r === 0x2e) {
      // ".field", unless a digit follows ('.' can start a number).
      if (this.pos < this.input.length) {
        const c = this.input.charCodeAt(this.pos);
        if (c < 0x30 || c > 0x39) return this.lexField;
      }
      this.backup();
      return this.lexNumber;
    }
    if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
      this.backup();
      return this.lexNumber;
    }
    if (isAlphaNumeric(r)) {
      this.backup();
      return this.lexIdentifier;
    }
    if (r <= 0x7f && r >= 0x20 && r !== 0x7f) return this.emit('char');
    return this.errorf(`unrecognized character in action: ${fmtU(r)}`);
  }

  private lexSpace(): StateFn {
    let n = 0;
    for (;;) {
      const r = this.peek();
      if (!isSpace(r)) break;
      this.next();
      n++;
    }
    if (hasRightTrimMarker(this.input, this.pos - 1) && this.input.startsWith(RIGHT, this.pos - 1 + 2)) {
      this.backup();
      if (n === 1) return this.lexRightDelim;
    }
    return this.emit('space');
  }

  private lexIdentifier(): StateFn {
    for (;;) {
      const r = this.next();
      if (r !== EOF && isAlphaNumeric(r)) continue;
      this.backup();
      const word = this.input.slice(this.start, this.pos);
      if (!this.atTerminator()) return this.errorf(`bad character ${fmtU(r)}`);
      const kw = KEYWORDS.get(word);
      if (kw && word !== '.') return this.emit(kw);
      if (word === 'true' || word === 'false') return this.emit('bool');
      return this.emit('identifier');
    }
  }

  private lexField(): StateFn {
    return this.lexFieldOrVariable('field');
  }

  private lexVariable(): StateFn {
    if (this.atTerminator()) return this.emit('variable');
    return this.lexFieldOrVariable('variable');
  }

  private lexFieldOrVariable(typ: 'field' | 'variable'): StateFn {
    if (this.atTerminator()) return this.emit(typ === 'variable' ? 'variable' : 'dot');
    let r: number;
    for (;;) {
      r = this.next();
      if (r === EOF || !isAlphaNumeric(r)) {
        this.backup();
        break;
      }
    }
    if (!this.atTerminator()) return this.errorf(`bad character ${fmtU(r)}`);
    return this.emit(typ);
  }

  private atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === EOF || r === 0x2e || r === 0x2c || r === 0x7c || r === 0x3a || r === 0x29 || r === 0x28) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }

  private lexChar(): StateFn {
    for (;;) {
      const r = this.next();
      if (r === 0x5c) {
        const e = this.next();
        if (e !== EOF && e !== 10) continue;
        return this.errorf('unterminated character constant');
      }
      if (r === EOF || r === 10) return this.errorf('unterminated character constant');
      if (r === 0x27) break;
    }
    return this.emit('charConstant');
  }

  private lexNumber(): StateFn {
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === 0x2b || sign === 0x2d) {
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
      return this.emit('complex');
    }
    return this.emit('number');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    const p = this.peek();
    if (p !== EOF && isAlphaNumeric(p)) {
      this.next();
      return false;
    }
    return true;
  }

  private lexQuote(): StateFn {
    for (;;) {
      const r = this.next();
      if (r === 0x5c) {
        const e = this.next();
        if (e !== EOF && e !== 10) continue;
        return this.errorf('unterminated quoted string');
      }
      if (r === EOF || r === 10) return this.errorf('unterminated quoted string');
      if (r === 0x22) break;
    }
    return this.emit('string');
  }

  private lexRawQuote(): StateFn {
    for (;;) {
      const r = this.next();
      if (r === EOF) return this.errorf('unterminated raw quoted string');
      if (r === 0x60) break;
    }
    return this.emit('rawString');
  }
}

// ---------------------------------------------------------------------------------------------
// strconv: unquoting and numbers

class SyntaxError_ extends Error {}

/** strconv.UnquoteChar: one (possibly escaped) character; bytes from \x and octal escapes stay bytes. */
function unquoteChar(s: string, i: number, quote: number): { value: number; byte: boolean; next: number } {
  const c = s.codePointAt(i) as number;
  if (c === quote && (quote === 0x27 || quote === 0x22)) throw new SyntaxError_();
  if (c !== 0x5c) return { value: c >= 0xd800 && c <= 0xdfff ? 0xfffd : c, byte: false, next: i + (c > 0xffff ? 2 : 1) };
  if (i + 1 >= s.length) throw new SyntaxError_();
  const e = s[i + 1];
  let j = i + 2;
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  if (e in simple) return { value: simple[e], byte: false, next: j };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const h = s.slice(j, j + n);
    if (h.length < n || !/^[0-9a-fA-F]+$/.test(h)) throw new SyntaxError_();
    const v = parseInt(h, 16);
    if (e === 'x') return { value: v, byte: true, next: j + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
    return { value: v, byte: false, next: j + n };
  }
  if (e >= '0' && e <= '7') {
    const o = s.slice(i + 1, i + 4);
    if (o.length < 3 || !/^[0-7]{3}$/.test(o)) throw new SyntaxError_();
    const v = parseInt(o, 8);
    if (v > 255) throw new SyntaxError_();
    j = i + 4;
    return { value: v, byte: true, next: j };
  }
  if ((e === "'" || e === '"') && e.charCodeAt(0) === quote) return { value: quote, byte: false, next: j };
  throw new SyntaxError_();
}

/** strconv.Unquote for the string literals the lexer accepts. Throws SyntaxError_ ("invalid syntax"). */
function unquote(lit: string): string {
  if (lit.length < 2) throw new SyntaxError_();
  const q = lit[0];
  if (q !== lit[lit.length - 1]) throw new SyntaxError_();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_();
    return body.replace(/\r/g, '');
  }
  if (q !== '"') throw new SyntaxError_();
  if (body.includes('\n')) throw new SyntaxError_();
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const { value, byte, next } = unquoteChar(body, i, 0x22);
    if (byte) bytes.push(value);
    else for (const b of utf8(String.fromCodePoint(value))) bytes.push(b);
    i = next;
  }
  return fromUtf8(Uint8Array.from(bytes));
}

function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hexa = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hexa = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hexa && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64): a bigint, or 'syntax' / 'range'. */
function parseUint0(s: string): bigint | 'syntax' | 'range' {
  if (s === '') return 'syntax';
  const s0 = s;
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && p === 'b') [base, s] = [2, s.slice(2)];
    else if (s.length >= 3 && p === 'o') [base, s] = [8, s.slice(2)];
    else if (s.length >= 3 && p === 'x') [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return 'syntax';
    n = n * BigInt(base) + BigInt(d);
  }
  if (underscores && !underscoreOK(s0)) return 'syntax';
  if (n > 0xffffffffffffffffn) return 'range';
  return n;
}

function parseInt0(s: string): bigint | 'syntax' | 'range' {
  if (s === '') return 'syntax';
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') [neg, s] = [true, s.slice(1)];
  const u = parseUint0(s);
  if (typeof u !== 'bigint') return u;
  if (!neg && u >= 1n << 63n) return 'range';
  if (neg && u > 1n << 63n) return 'range';
  return neg ? -u : u;
}

/** strconv.ParseFloat(s, 64), or null when it fails (syntax or out of range). */
function parseFloat64(s: string): number | null {
  const dec = /^[+-]?(?=[0-9_]*\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/;
  const hx = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;
  if (s.includes('_') && !underscoreOK(s)) return null;
  let v: number;
  if (dec.test(s)) v = Number(s.replace(/_/g, ''));
  else {
    const m = hx.exec(s);
    if (!m) return null;
    const int = m[2].replace(/_/g, '');
    const frac = (m[3] ?? '').replace(/_/g, '');
    if (int.length + frac.length === 0) return null;
    const mant = parseInt((int + frac) || '0', 16);
    v = mant * Math.pow(2, Number(m[4].replace(/_/g, '')) - 4 * frac.length);
    if (m[1] === '-') v = -v;
  }
  return Number.isFinite(v) ? v : null;
}

// ---------------------------------------------------------------------------------------------
// Parse tree (text/template/parse/node.go)

interface ListNode { type: 'list'; pos: number; nodes: Node[] }
interface TextNode { type: 'text'; pos: number; text: string }
interface ActionNode { type: 'action'; pos: number; pipe: PipeNode }
interface BranchNode { type: 'if' | 'range' | 'with'; pos: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null }
interface TemplateNode { type: 'template'; pos: number; name: string; pipe: PipeNode | null }
interface BreakNode { type: 'break' | 'continue'; pos: number }
interface PipeNode { type: 'pipe'; pos: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
interface CommandNode { type: 'command'; pos: number; args: Node[] }
interface FieldNode { type: 'field'; pos: number; ident: string[] }
interface VariableNode { type: 'variable'; pos: number; ident: string[] }
interface ChainNode { type: 'chain'; pos: number; node: Node; field: string[] }
interface IdentifierNode { type: 'identifier'; pos: number; ident: string }
interface DotNode { type: 'dot'; pos: number }
interface NilNode { type: 'nil'; pos: number }
interface BoolNode { type: 'bool'; pos: number; value: boolean }
interface NumberNode {
  type: 'number'; pos: number; text: string;
  isInt: boolean; isUint: boolean; isFloat: boolean; isComplex: boolean;
  int: number; float: number; re: number; im: number;
}
interface StringNode { type: 'string'; pos: number; quoted: string; text: string }
interface EndNode { type: 'end' | 'else'; pos: number }

type Node =
  | ListNode | TextNode | ActionNode | BranchNode | TemplateNode | BreakNode | PipeNode | CommandNode | FieldNode | VariableNode
  | ChainNode | IdentifierNode | DotNode | NilNode | BoolNode | NumberNode | StringNode | EndNode;

/** The parsed template: its text (for error positions) and its named trees ("" is the main one). */
export interface ParsedTemplate {
  readonly source: string;
  readonly trees: ReadonlyMap<string, ListNode>;
}

function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'template':
      return `{{template ${goQuote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'pipe': {
      const decl = n.decl.length ? n.decl.map(nodeString).join(', ') + ' := ' : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((i) => '.' + i).join('');
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
  }
}

/** parse.NumberNode construction (newNumber). Throws the error text. */
function newNumber(pos: number, text: string, typ: TokType): NumberNode {
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0, re: 0, im: 0 };
  const simplifyComplex = () => {
    n.isFloat = n.im === 0;
    if (n.isFloat) {
      n.float = n.re;
      n.isInt = Number.isInteger(n.re) && Math.abs(n.re) < 2 ** 63;
      if (n.isInt) n.int = n.re;
      n.isUint = Number.isInteger(n.re) && n.re >= 0 && n.re < 2 ** 64;
    }
  };
  if (typ === 'charConstant') {
    let r: { value: number; next: number };
    try {
      r = unquoteChar(text, 1, 0x27);
    } catch {
      throw 'invalid syntax';
    }
    if (text.slice(r.next) !== "'") throw `malformed character constant: ${text}`;
    n.int = n.float = r.value;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (typ === 'complex') {
    // "re±imi": split at the sign that starts the imaginary part.
    let k = -1;
    for (let i = text.length - 2; i > 0; i--) {
      if ((text[i] === '+' || text[i] === '-') && !/[eEpP]/.test(text[i - 1])) {
        k = i;
        break;
      }
    }
    const re = k > 0 ? parseFloat64(text.slice(0, k)) : null;
    const im = k > 0 ? parseFloat64(text.slice(k, -1)) : null;
    if (re === null || im === null) throw `illegal number syntax: ${goQuote(text)}`;
    n.isComplex = true;
    n.re = re;
    n.im = im;
    simplifyComplex();
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== null) {
      n.isComplex = true;
      n.im = f;
      simplifyComplex();
      return n;
    }
  }
  const u = parseUint0(text);
  if (typeof u === 'bigint') {
    n.isUint = true;
  }
  const i = parseInt0(text);
  if (typeof i === 'bigint') {
    n.isInt = true;
    n.int = Number(i);
    if (i === 0n) n.isUint = true;
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = n.int;
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(u);
  } else {
    const f = parseFloat64(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) throw `integer overflow: ${goQuote(text)}`;
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int = f;
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw `illegal number syntax: ${goQuote(text)}`;
  return n;
}

/** Parens and control structures nested deeper than this are refused (Go's limit on wasm). */
const MAX_DEPTH = 1000;

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private furthest = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  private stackDepth = 0;
  private nestDepth = 0;
  readonly trees = new Map<string, ListNode>();

  constructor(
    private readonly text: string,
    private readonly funcs: ReadonlySet<string>,
  ) {
    this.tokens = new Lexer(text).all();
  }

  private tok(index: number): Token {
    if (index < this.tokens.length) return this.tokens[index];
    const last = this.tokens[this.tokens.length - 1];
    return { typ: 'eof', pos: this.text.length, val: 'EOF', line: last.line };
  }

  private next(): Token {
    const t = this.tok(this.i);
    this.furthest = Math.max(this.furthest, this.i);
    this.i++;
    return t;
  }

  private backup(): void {
    this.i--;
  }

  private peek(): Token {
    this.furthest = Math.max(this.furthest, this.i);
    return this.tok(this.i);
  }

  private nextNonSpace(): Token {
    let t: Token;
    do t = this.next();
    while (t.typ === 'space');
    return t;
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  private errorf(message: string): never {
    throw new TemplateError(`template: :${this.tok(this.furthest).line}: ${message}`);
  }

  private expect(typ: TokType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.typ !== typ) this.unexpected(t, context);
    return t;
  }

  private unexpected(t: Token, context: string): never {
    if (t.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at :${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(t)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }

  parse(): void {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== 'eof') {
      if (this.peek().typ === 'leftDelim') {
        const at = this.i;
        this.next();
        if (this.nextNonSpace().typ === 'define') {
          this.nested(() => this.parseDefinition());
          continue;
        }
        this.i = at;
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    this.add('', root);
  }

  /** A {{define}} or {{block}} body is a tree of its own: fresh variables and depths. */
  private nested<T>(fn: () => T): T {
    const saved = { vars: this.vars, actionLine: this.actionLine, rangeDepth: this.rangeDepth, stackDepth: this.stackDepth };
    this.vars = ['$'];
    this.actionLine = 0;
    this.rangeDepth = 0;
    this.stackDepth = 0;
    try {
      return fn();
    } finally {
      Object.assign(this, saved);
    }
  }

  private add(name: string, list: ListNode): void {
    const existing = this.trees.get(name);
    if (!existing || isEmptyTree(existing)) {
      this.trees.set(name, list);
      return;
    }
    if (!isEmptyTree(list)) this.errorf(`template: multiple definition of template ${goQuote(name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== 'string' && t.typ !== 'rawString') this.unexpected(t, context);
    const name = this.unquoteOrFail(t.val);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add(name, list);
  }

  private unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch {
      return this.errorf('invalid syntax');
    }
  }

  private itemList(): [ListNode, EndNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'text':
        return { type: 'text', pos: t.pos, text: t.val };
      case 'leftDelim':
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        return this.unexpected(t, 'input');
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue': {
        const n = this.nextNonSpace();
        if (n.typ !== 'rightDelim') this.unexpected(n, `{{${t.typ}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${t.typ}}} outside {{range}}`);
        return { type: t.typ, pos: t.pos };
      }
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return this.control(t.typ);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const at = this.peek();
    return { type: 'action', pos: at.pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private control(context: 'if' | 'range' | 'with'): BranchNode {
    if (++this.nestDepth > MAX_DEPTH) this.errorf('max expression depth exceeded');
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        if ((context === 'if' && this.peek().typ === 'if') || (context === 'with' && this.peek().typ === 'with')) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.control(context)] };
        } else {
          const [l, end] = this.itemList();
          if (end.type !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
          elseList = l;
        }
      }
      return { type: context, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
      this.nestDepth--;
    }
  }

  private elseControl(): EndNode {
    const p = this.peekNonSpace();
    if (p.typ === 'if' || p.typ === 'with') return { type: 'else', pos: p.pos };
    return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  private templateName(t: Token, context: string): string {
    if (t.typ === 'string' || t.typ === 'rawString') return this.unquoteOrFail(t.val);
    return this.unexpected(t, context);
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    this.nested(() => {
      const [list, end] = this.itemList();
      if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
      this.add(name, list);
    });
    return { type: 'template', pos: t.pos, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: t.pos, name, pipe };
  }

  private pipeline(context: string, end: TokType): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: first.pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') break;
      const at = this.i;
      this.next();
      const nx = this.peekNonSpace();
      if (nx.typ === 'assign' || nx.typ === 'declare') {
        pipe.isAssign = nx.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        this.vars.push(v.val);
        break;
      }
      if (nx.typ === 'char' && nx.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      this.i = at; // not a declaration: the variable is an operand
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case 'bool': case 'charConstant': case 'complex': case 'dot': case 'field': case 'identifier':
        case 'number': case 'nil': case 'rawString': case 'string': case 'variable': case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') this.backup();
      else if (t.typ !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().typ !== 'field') return node;
    const chain: ChainNode = { type: 'chain', pos: this.peek().pos, node, field: [] };
    while (this.peek().typ === 'field') chain.field.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos: chain.pos, ident: nodeString(chain).slice(1).split('.') };
      case 'variable':
        return newVariable(chain.pos, nodeString(chain));
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return chain;
    }
  }

  private term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable': {
        const v = newVariable(t.pos, t.val);
        if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
        return v;
      }
      case 'field':
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        try {
          return newNumber(t.pos, t.val, t.typ);
        } catch (e) {
          return this.errorf(String(e));
        }
      case 'leftParen': {
        if (this.stackDepth >= MAX_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen');
        } finally {
          this.stackDepth--;
        }
      }
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, quoted: t.val, text: this.unquoteOrFail(t.val) };
    }
    this.backup();
    return null;
  }
}

function newVariable(pos: number, ident: string): VariableNode {
  return { type: 'variable', pos, ident: ident.split('.') };
}

function itemString(t: Token): string {
  if (t.typ === 'eof') return 'EOF';
  if (t.typ === 'error') return t.val;
  if (KEYWORD_TYPES.has(t.typ)) return `<${t.val}>`;
  if (utf8Len(t.val) > 10) return goQuote([...t.val].slice(0, 10).join('')) + '...';
  return goQuote(t.val);
}

function isEmptyTree(n: Node): boolean {
  switch (n.type) {
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return n.text.trim() === '';
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// fmt: Sprint, Sprintln, Sprintf and the %v of every kind

interface FmtFlags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  wid: number | null;
  prec: number | null;
  plusV: boolean;
}

const noFlags = (): FmtFlags => ({ minus: false, plus: false, sharp: false, space: false, zero: false, wid: null, prec: null, plusV: false });

type TypeNamer = (obj: object) => string | undefined;

function isAllStrings(a: unknown[]): boolean {
  return a.every((x) => typeof x === 'string');
}

/** The Go type of a value, for messages. */
function goTypeName(v: Val, names: TypeNamer): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'interface {}';
    case 'string':
      return 'string';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'complex':
      return 'complex128';
    case 'bool':
      return 'bool';
    case 'slice':
      return isAllStrings(v as unknown[]) ? '[]string' : '[]interface {}';
    case 'map': {
      const o = v as Record<string, unknown>;
      return names(o) ?? (isAllStrings(Object.values(o)) ? 'map[string]string' : 'map[string]interface {}');
    }
    case 'struct':
      return names(v as object) ?? 'struct {...}';
    case 'func':
      return `func(${Array(Math.max(0, (v as TemplateFn).length)).fill('string').join(', ')}) string`;
  }
}

function pad(s: string, f: FmtFlags): string {
  if (f.wid === null) return s;
  const n = f.wid - runeCount(s);
  if (n <= 0) return s;
  if (f.minus) return s + ' '.repeat(n);
  return (f.zero ? '0' : ' ').repeat(n) + s;
}

/** strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'F' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  const lower = fmt.toLowerCase();
  const upper = fmt === 'E' || fmt === 'G';
  // Decimal digits (no trailing zeros unless fixed) and the decimal point position.
  const digitsOf = (p: number | null): { d: string; dp: number } => {
    if (a === 0) return { d: '', dp: 0 };
    const s = p === null ? a.toExponential() : a.toExponential(Math.min(100, Math.max(0, p)));
    const [m, e] = s.split('e');
    return { d: m.replace('.', ''), dp: Number(e) + 1 };
  };
  const fmtE = (d: string, dp: number, p: number) => {
    let s = d[0] ?? '0';
    if (p > 0) s += '.' + (d.slice(1) + '0'.repeat(p)).slice(0, p);
    const exp = d === '' ? 0 : dp - 1;
    const ae = Math.abs(exp);
    return s + (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
  };
  const fmtF = (d: string, dp: number, p: number) => {
    let s = dp > 0 ? (d.slice(0, dp) + '0'.repeat(Math.max(0, dp - d.length))) : '0';
    if (p > 0) {
      s += '.';
      for (let i = 1; i <= p; i++) {
        const j = dp + i - 1;
        s += j >= 0 && j < d.length ? d[j] : '0';
      }
    }
    return s;
  };
  let body: string;
  if (lower === 'e') {
    if (prec < 0) {
      const { d, dp } = digitsOf(null);
      body = fmtE(d, dp, Math.max(0, d.length - 1));
    } else {
      const { d, dp } = digitsOf(prec);
      body = fmtE(d, dp, prec);
    }
  } else if (lower === 'f') {
    if (prec < 0) {
      const { d, dp } = digitsOf(null);
      body = fmtF(d, dp, Math.max(d.length - dp, 0));
    } else if (a < 1e21) body = a.toFixed(Math.min(100, prec));
    else body = BigInt(a).toString() + (prec > 0 ? '.' + '0'.repeat(prec) : '');
  } else {
    let { d, dp } = prec < 0 ? digitsOf(null) : digitsOf(Math.max(1, prec) - 1);
    d = d.replace(/0+$/, '');
    if (d === '') dp = 0;
    let p = prec < 0 ? d.length : Math.max(1, prec);
    let eprec = p;
    if (eprec > d.length && d.length >= dp) eprec = d.length;
    if (prec < 0) eprec = 6;
    const exp = dp - 1;
    if (d !== '' && (exp < -4 || exp >= eprec)) {
      if (p > d.length) p = d.length;
      body = fmtE(d, dp, p - 1);
    } else {
      if (p > dp) p = d.length;
      body = fmtF(d, dp, Math.max(p - dp, 0));
    }
  }
  return (neg ? '-' : '') + body;
}

function fmtFloatVerb(x: number, verb: string, f: FmtFlags): string {
  let fmtc: 'e' | 'E' | 'f' | 'F' | 'g' | 'G';
  let prec: number;
  switch (verb) {
    case 'v':
      fmtc = 'g';
      prec = -1;
      break;
    case 'g':
    case 'G':
      fmtc = verb;
      prec = -1;
      break;
    default:
      fmtc = verb as 'e' | 'E' | 'f' | 'F';
      prec = 6;
  }
  if (f.prec !== null) prec = f.prec;
  let s = formatFloat(x, fmtc, prec);
  if (s === 'NaN' || s.endsWith('Inf')) {
    if (s === 'NaN' && (f.plus || f.space)) s = (f.plus ? '+' : ' ') + s;
    else if (s === '+Inf' && !f.plus) s = f.space ? ' Inf' : 'Inf';
    return pad(s, { ...f, zero: false });
  }
  let sign = '';
  if (s[0] === '-') [sign, s] = ['-', s.slice(1)];
  else if (f.plus) sign = '+';
  else if (f.space) sign = ' ';
  if (f.zero && !f.minus && f.wid !== null && f.wid > s.length + sign.length) return sign + '0'.repeat(f.wid - s.length - sign.length) + s;
  return pad(sign + s, { ...f, zero: false });
}

function fmtInteger(n: number, verb: string, f: FmtFlags): string | null {
  let base = 10;
  let prefix = '';
  switch (verb) {
    case 'v':
    case 'd':
      break;
    case 'b':
      base = 2;
      if (f.sharp) prefix = '0b';
      break;
    case 'o':
      base = 8;
      break;
    case 'O':
      base = 8;
      prefix = '0o';
      break;
    case 'x':
      base = 16;
      if (f.sharp) prefix = '0x';
      break;
    case 'X':
      base = 16;
      if (f.sharp) prefix = '0X';
      break;
    case 'c':
      return pad(String.fromCodePoint(n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n), f);
    case 'q':
      return pad(quoteRune(n, f.plus), f);
    case 'U': {
      let s = 'U+' + (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(16).toUpperCase().padStart(4, '0');
      if (f.sharp && n >= 0 && n <= 0x10ffff && isPrint(n)) s += ` '${String.fromCodePoint(n)}'`;
      return pad(s, f);
    }
    default:
      return null;
  }
  const negative = n < 0;
  let digits = Math.abs(n).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec = f.prec;
  if (prec === null && f.zero && !f.minus && f.wid !== null) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--;
    prec -= prefix.length;
  }
  if (prec !== null) {
    if (prec === 0 && n === 0) digits = '';
    else if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
  }
  if (verb === 'o' && f.sharp && digits[0] !== '0') digits = '0' + digits;
  const sign = negative ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad(sign + prefix + digits, { ...f, zero: false });
}

function fmtString(s: string, verb: string, f: FmtFlags): string | null {
  const truncated = f.prec !== null ? [...s].slice(0, f.prec).join('') : s;
  switch (verb) {
    case 'v':
    case 's':
      return pad(truncated, f);
    case 'q':
      if (f.sharp && !/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(truncated)) return pad('`' + truncated + '`', f);
      return pad(goQuote(truncated, f.plus), f);
    case 'x':
    case 'X': {
      let out = '';
      const bytes = utf8(truncated);
      bytes.forEach((b, i) => {
        if (i > 0 && f.space) out += ' ';
        if (f.sharp && (i === 0 || f.space)) out += verb === 'x' ? '0x' : '0X';
        out += hex(b, 2);
      });
      return pad(verb === 'X' ? out.toUpperCase() : out, f);
    }
    default:
      return null;
  }
}

class Printer {
  constructor(private readonly names: TypeNamer) {}

  private badVerb(v: Val, verb: string): string {
    const k = kindOf(v);
    if (k === 'nil' || k === 'invalid') return `%!${verb}(<nil>)`;
    return `%!${verb}(${goTypeName(v, this.names)}=${this.arg(v, 'v', noFlags(), 0)})`;
  }

  /** One operand, as fmt's printArg/printValue would print it. */
  arg(v: Val, verb: string, f: FmtFlags, depth: number): string {
    if (depth > 100) return '...';
    const k = kindOf(v);
    if (verb === 'T') return pad(k === 'nil' || k === 'invalid' ? '<nil>' : goTypeName(v, this.names), f);
    switch (k) {
      case 'invalid':
      case 'nil':
        return verb === 'v' || depth > 0 ? pad('<nil>', f) : this.badVerb(v, verb);
      case 'bool':
        return verb === 'v' || verb === 't' ? pad(v ? 'true' : 'false', f) : this.badVerb(v, verb);
      case 'int':
        return fmtInteger(v as number, verb, f) ?? this.badVerb(v, verb);
      case 'float':
        return 'vgGeEfF'.includes(verb) ? fmtFloatVerb(num(v), verb, f) : this.badVerb(v, verb);
      case 'complex': {
        if (!'vgGeEfF'.includes(verb)) return this.badVerb(v, verb);
        const c = v as GoComplex;
        const re = fmtFloatVerb(c.re, verb, { ...f, wid: null });
        const im = fmtFloatVerb(c.im, verb, { ...f, wid: null, plus: true, space: false });
        return pad(`(${re}${im}i)`, { ...f, zero: false });
      }
      case 'string':
        return fmtString(v as string, verb, f) ?? this.badVerb(v, verb);
      case 'slice':
        return '[' + (v as unknown[]).map((e) => this.arg(fromData(e), verb, f, depth + 1)).join(' ') + ']';
      case 'map': {
        const o = v as Record<string, unknown>;
        const keys = ownKeys(o).sort(compareGo);
        return 'map[' + keys.map((key) => `${this.arg(key, verb, f, depth + 1)}:${this.arg(fromData(o[key]), verb, f, depth + 1)}`).join(' ') + ']';
      }
      case 'struct': {
        const o = v as Record<string, unknown>;
        const body = structFields(o)
          .map((key) => (f.plusV ? key + ':' : '') + this.arg(fromData(o[key]), verb, f, depth + 1))
          .join(' ');
        return (depth === 0 && tagOf(o)?.kind === 'context' ? '&' : '') + '{' + body + '}';
      }
      case 'func':
        return verb === 'v' || verb === 'p' ? pad('0x0', f) : this.badVerb(v, verb);
    }
  }

  sprint(args: Val[]): string {
    let out = '';
    let prevString = false;
    args.forEach((a, i) => {
      const isString = typeof a === 'string';
      if (i > 0 && !isString && !prevString) out += ' ';
      out += this.arg(a, 'v', noFlags(), 0);
      prevString = isString;
    });
    return out;
  }

  sprintln(args: Val[]): string {
    return args.map((a) => this.arg(a, 'v', noFlags(), 0)).join(' ') + '\n';
  }

  sprintf(format: string, args: Val[]): string {
    let out = '';
    let argNum = 0;
    let reordered = false;
    const end = format.length;
    const tooLarge = (x: number) => x > 1e6 || x < -1e6;
    const parseNum = (i: number): [number | null, number] => {
      let j = i;
      let n = 0;
      while (j < end && format[j] >= '0' && format[j] <= '9') {
        if (tooLarge(n)) return [null, end];
        n = n * 10 + (format.charCodeAt(j) - 48);
        j++;
      }
      return [j > i ? n : null, j];
    };
    let i = 0;
    while (i < end) {
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      out += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      const f = noFlags();
      for (; i < end; i++) {
        const c = format[i];
        if (c === '#') f.sharp = true;
        else if (c === '0') f.zero = !f.minus;
        else if (c === '+') f.plus = true;
        else if (c === '-') [f.minus, f.zero] = [true, false];
        else if (c === ' ') f.space = true;
        else break;
      }
      let goodArgNum = true;
      const argIndex = (): boolean => {
        if (i >= end || format[i] !== '[') return false;
        reordered = true;
        const close = format.indexOf(']', i);
        const [n, j] = parseNum(i + 1);
        if (close < 0 || n === null || j !== close || n < 1 || n > args.length) {
          goodArgNum = false;
          i = close < 0 ? end : close + 1;
          return true;
        }
        argNum = n - 1;
        i = close + 1;
        return true;
      };
      let afterIndex = argIndex();
      if (i < end && format[i] === '*') {
        i++;
        const a = args[argNum];
        argNum++;
        if (kindOf(a) === 'int' && !tooLarge(a as number)) {
          f.wid = a as number;
          if (f.wid < 0) [f.wid, f.minus, f.zero] = [-f.wid, true, false];
        } else out += '%!(BADWIDTH)';
        afterIndex = false;
      } else {
        const [n, j] = parseNum(i);
        f.wid = n;
        i = j;
        if (afterIndex && f.wid !== null) goodArgNum = false;
      }
      if (i + 1 <= end && format[i] === '.') {
        i++;
        if (afterIndex) goodArgNum = false;
        afterIndex = argIndex();
        if (i < end && format[i] === '*') {
          i++;
          const a = args[argNum];
          argNum++;
          if (kindOf(a) === 'int' && !tooLarge(a as number) && (a as number) >= 0) f.prec = a as number;
          else {
            f.prec = null;
            out += '%!(BADPREC)';
          }
          afterIndex = false;
        } else {
          const [n, j] = parseNum(i);
          f.prec = n ?? 0;
          i = j;
        }
      }
      if (!afterIndex) afterIndex = argIndex();
      if (i >= end) {
        out += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i) as number);
      i += verb.length;
      if (verb === '%') {
        out += '%';
        continue;
      }
      if (!goodArgNum) {
        out += `%!${verb}(BADINDEX)`;
        continue;
      }
      if (argNum >= args.length) {
        out += `%!${verb}(MISSING)`;
        continue;
      }
      if (verb === 'v' && f.plus) [f.plus, f.plusV] = [false, true];
      out += this.arg(args[argNum], verb, f, 0);
      argNum++;
    }
    if (!reordered && argNum < args.length) {
      out +=
        '%!(EXTRA ' +
        args
          .slice(argNum)
          .map((a) => (kindOf(a) === 'nil' || kindOf(a) === 'invalid' ? '<nil>' : `${goTypeName(a, this.names)}=${this.arg(a, 'v', noFlags(), 0)}`))
          .join(', ') +
        ')';
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// encoding/json, as docker's `json` function uses it

class JsonUnsupported extends Error {}

function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i] + s[i + 1];
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // not UTF-8: Go writes the replacement escape
    else if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) out += '\\u00' + hexDigits[c >> 4] + hexDigits[c & 0xf];
    else if (c === 0x2028 || c === 0x2029) out += '\\u202' + hexDigits[c & 0xf];
    else out += s[i];
  }
  return out + '"';
}

function jsonFloat(x: number): string {
  if (!Number.isFinite(x)) throw new JsonUnsupported();
  if (Object.is(x, -0)) return '-0';
  return String(x); // JavaScript switches to exponents at the same 1e-6 and 1e21 as Go, and writes them the same way.
}

function encodeJSON(v: Val, escapeHTML: boolean, depth: number): string {
  if (depth > 1000) throw new JsonUnsupported();
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'string':
      return jsonString(v as string, escapeHTML);
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
      return String(v);
    case 'float':
      return jsonFloat(num(v));
    case 'complex':
    case 'func':
      throw new JsonUnsupported();
    case 'slice':
      return '[' + (v as unknown[]).map((e) => encodeJSON(fromData(e), escapeHTML, depth + 1)).join(',') + ']';
    case 'map': {
      const o = v as Record<string, unknown>;
      const keys = ownKeys(o).sort(compareGo);
      return '{' + keys.map((k) => `${jsonString(k, escapeHTML)}:${encodeJSON(fromData(o[k]), escapeHTML, depth + 1)}`).join(',') + '}';
    }
    case 'struct': {
      const o = v as Record<string, unknown>;
      if (tagOf(o)?.kind === 'context') {
        // docker's MarshalJSON: json.Marshal of a map of the zero-argument methods' results.
        const entries: [string, Val][] = [];
        for (const k of ownKeys(o)) {
          const x = o[k];
          if (typeof x === 'function') {
            if (x.length !== 0) continue;
            entries.push([k, callUser(x as TemplateFn, [])]);
          } else entries.push([k, fromData(x)]);
        }
        entries.sort((a, b) => compareGo(a[0], b[0]));
        return '{' + entries.map(([k, x]) => `${jsonString(k, true)}:${encodeJSON(x, true, depth + 1)}`).join(',') + '}';
      }
      return '{' + structFields(o).map((k) => `${jsonString(k, escapeHTML)}:${encodeJSON(fromData(o[k]), escapeHTML, depth + 1)}`).join(',') + '}';
    }
  }
}

/** docker's `json` template function: a json.Encoder with SetEscapeHTML(false), trailing newline trimmed; "" when Go's encoder fails. */
function dockerJSON(v: Val): string {
  try {
    return encodeJSON(v, false, 0);
  } catch (e) {
    if (e instanceof JsonUnsupported) return '';
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Functions

type ParamType = 'any' | 'value' | 'string' | 'int' | 'strings';

const PARAM_TYPE_NAME: Record<ParamType, string> = { any: 'interface {}', value: 'reflect.Value', string: 'string', int: 'int', strings: '[]string' };

/** A Go error returned by a function: "error calling NAME: message". */
class FuncError extends Error {}

interface FuncSig {
  params: ParamType[];
  variadic?: ParamType;
  call: (args: Val[], x: Exec) => Val;
}

/** Calls one of the caller's methods; what it throws becomes a Go error. */
function callUser(fn: TemplateFn, args: Val[]): Val {
  try {
    return fromData(fn(...args.map(toData)));
  } catch (e) {
    throw new FuncError(e instanceof Error ? e.message : String(e));
  }
}

function toTitle(r: number): number {
  const up = String.fromCodePoint(r).toUpperCase();
  return runeCount(up) === 1 ? (up.codePointAt(0) as number) : r;
}

function mapRunes(s: string, f: (r: number) => string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    out += c >= 0xd800 && c <= 0xdfff ? ch : f(c);
  }
  return out;
}

const simpleCase = (s: string, upper: boolean) =>
  mapRunes(s, (r) => {
    const ch = String.fromCodePoint(r);
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    return runeCount(m) === 1 ? m : ch;
  });

/** strings.Title's word boundaries. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) return !((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f);
  if (isLetter(r) || isDigitRune(r)) return false;
  return /\s/u.test(String.fromCodePoint(r));
}

function goTitle(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const out = isSeparator(prev) ? String.fromCodePoint(toTitle(r)) : String.fromCodePoint(r);
    prev = r;
    return out;
  });
}

/** strings.Split. */
function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

function goRepeat(s: string, n: number): string {
  if (n < 0) throw new FuncError('strings: negative Repeat count');
  if (n * s.length > 1 << 24) throw new FuncError('strings: Repeat output length overflow');
  return s.repeat(n);
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

function jsEscape(s: string): string {
  let out = '';
  for (const r of runes(s)) {
    if (r === 0x5c) out += '\\\\';
    else if (r === 0x27) out += "\\'";
    else if (r === 0x22) out += '\\"';
    else if (r === 0x3c) out += '\\u003C';
    else if (r === 0x3e) out += '\\u003E';
    else if (r === 0x26) out += '\\u0026';
    else if (r === 0x3d) out += '\\u003D';
    else if (r < 0x20) out += '\\u00' + hex(r, 2).toUpperCase();
    else if (r < 0x80 || isPrint(r)) out += String.fromCodePoint(r);
    else out += '\\u' + hex(r, 4).toUpperCase();
  }
  return out;
}

function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of utf8(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + hex(b, 2).toUpperCase();
  }
  return out;
}

/** reflect.Value.Index's and index's view of an int index. */
function indexArg(index: Val, cap: number, x: Exec): number {
  const k = kindOf(index);
  if (k === 'invalid' || k === 'nil') throw new FuncError('cannot index slice/array with nil');
  if (k !== 'int') throw new FuncError(`cannot index slice/array with type ${x.typeName(index)}`);
  const n = index as number;
  if (n < 0 || n > cap) throw new FuncError(`index out of range: ${n}`);
  return n;
}

type BasicKind = 'bool' | 'complex' | 'int' | 'float' | 'string' | null;

function basicKind(v: Val): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'complex' || k === 'int' || k === 'float' || k === 'string' ? k : null;
}

/** indirectInterface: a nil interface is no value at all. */
const indirect = (v: Val): Val => (v === null || v === undefined ? INVALID : v);

function isTrue(v: Val): boolean {
  const k = kindOf(v);
  switch (k) {
    case 'invalid':
    case 'nil':
      return false;
    case 'string':
      return (v as string).length > 0;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return num(v) !== 0;
    case 'complex':
      return (v as GoComplex).re !== 0 || (v as GoComplex).im !== 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return ownKeys(v as object).length > 0;
    case 'struct':
    case 'func':
      return true;
  }
}

function deepEqual(a: Val, b: Val): boolean {
  return encodeJSONSafe(a) === encodeJSONSafe(b) && kindOf(a) === kindOf(b);
}

function encodeJSONSafe(v: Val): string {
  try {
    return encodeJSON(v, false, 0);
  } catch {
    return '\u0000unsupported';
  }
}

function eqValues(a1: Val, rest: Val[], x: Exec): boolean {
  const arg1 = indirect(a1);
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const r of rest) {
    const arg = indirect(r);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1 !== INVALID && arg !== INVALID) throw new FuncError(`incompatible types for comparison: ${x.typeName(arg1)} and ${x.typeName(arg)}`);
    } else if (k1 === 'complex') {
      truth = (arg1 as GoComplex).re === (arg as GoComplex).re && (arg1 as GoComplex).im === (arg as GoComplex).im;
    } else if (k1 === 'int' || k1 === 'float') {
      truth = num(arg1) === num(arg);
    } else if (k1 !== null) {
      truth = arg1 === arg;
    } else {
      const ka = kindOf(arg1);
      const kb = kindOf(arg);
      if (ka !== kb && ka !== 'invalid' && kb !== 'invalid')
        throw new FuncError(`non-comparable types ${x.sprintV(arg1)}: ${x.typeName(arg1)}, ${x.typeName(arg)}: ${x.sprintV(arg)}`);
      if (ka === 'invalid' || kb === 'invalid') truth = ka === kb;
      else if (kb === 'slice' || kb === 'map' || kb === 'func') throw new FuncError(`non-comparable type ${x.sprintV(arg)}: ${x.typeName(arg)}`);
      else truth = deepEqual(arg1, arg);
    }
    if (truth) return true;
  }
  return false;
}

function ltValues(a1: Val, a2: Val, x: Exec): boolean {
  const arg1 = indirect(a1);
  const arg2 = indirect(a2);
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === null || k2 === null) throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw new FuncError(`incompatible types for comparison: ${x.typeName(arg1)} and ${x.typeName(arg2)}`);
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new FuncError('invalid type for comparison');
    case 'string':
      return compareGo(arg1 as string, arg2 as string) < 0;
    default:
      return num(arg1) < num(arg2);
  }
}

const asString = (v: Val) => v as string;
const asInt = (v: Val) => v as number;

const BUILTINS: Record<string, FuncSig> = {
  and: { params: ['value'], variadic: 'value', call: () => INVALID }, // evaluated in Exec.evalCall: it short-circuits
  or: { params: ['value'], variadic: 'value', call: () => INVALID },
  call: {
    params: ['value'],
    variadic: 'value',
    call: ([fn, ...args], x) => {
      const f = indirect(fn);
      if (f === INVALID) throw new FuncError('call of nil');
      if (typeof f !== 'function') throw new FuncError(`non-function ${x.calleeName} of type ${x.typeName(f)}`);
      if (args.length !== f.length) throw new FuncError(`wrong number of args for ${x.calleeName}: got ${args.length} want ${f.length}`);
      return callUser(f as TemplateFn, args);
    },
  },
  html: { params: [], variadic: 'any', call: (args, x) => htmlEscape(x.evalArgs(args)) },
  index: {
    params: ['value'],
    variadic: 'value',
    call: ([item0, ...indexes], x) => {
      let item = indirect(item0);
      if (item === INVALID) throw new FuncError('index of untyped nil');
      for (const idx0 of indexes) {
        const idx = indirect(idx0);
        if (item === null || item === undefined) throw new FuncError('index of nil pointer');
        const k = kindOf(item);
        if (k === 'slice' || k === 'string') {
          const len = k === 'string' ? utf8Len(item as string) : (item as unknown[]).length;
          const i = indexArg(idx, len, x);
          if (i === len) throw new FuncError(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
          item = k === 'string' ? utf8(item as string)[i] : fromData((item as unknown[])[i]);
        } else if (k === 'map') {
          const o = item as Record<string, unknown>;
          if (idx === INVALID) throw new FuncError('value is nil; should be of type string');
          if (typeof idx !== 'string') throw new FuncError(`value has type ${x.typeName(idx)}; should be string`);
          if (hasOwn(o, idx)) item = fromData(o[idx]);
          else item = isAllStrings(Object.values(o)) ? '' : null;
        } else throw new FuncError(`can't index item of type ${x.typeName(item)}`);
      }
      return item;
    },
  },
  slice: {
    params: ['value'],
    variadic: 'value',
    call: ([item0, ...indexes], x) => {
      const item = indirect(item0);
      if (item === INVALID) throw new FuncError('slice of untyped nil');
      if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
      const k = kindOf(item);
      let len: number;
      if (k === 'string') {
        if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
        len = utf8Len(item as string);
      } else if (k === 'slice') len = (item as unknown[]).length;
      else throw new FuncError(`can't slice item of type ${x.typeName(item)}`);
      const idx = [0, len, len];
      indexes.forEach((v, i) => (idx[i] = indexArg(indirect(v), len, x)));
      if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
      if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
      if (k === 'string') return fromUtf8(utf8(item as string).slice(idx[0], idx[1]));
      return (item as unknown[]).slice(idx[0], idx[1]);
    },
  },
  js: { params: [], variadic: 'any', call: (args, x) => jsEscape(x.evalArgs(args)) },
  len: {
    params: ['value'],
    call: ([v]) => {
      if (v === INVALID) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
      if (v === null) throw new FuncError('len of nil pointer');
      const k = kindOf(v);
      if (k === 'string') return utf8Len(v as string);
      if (k === 'slice') return (v as unknown[]).length;
      if (k === 'map') return ownKeys(v as object).length;
      throw new FuncError(`len of type ${goTypeName(v, () => undefined)}`);
    },
  },
  not: { params: ['value'], call: ([v]) => !isTrue(indirect(v)) },
  print: { params: [], variadic: 'any', call: (args, x) => x.printer.sprint(args) },
  printf: { params: ['string'], variadic: 'any', call: ([f, ...args], x) => x.printer.sprintf(asString(f), args) },
  println: { params: [], variadic: 'any', call: (args, x) => x.printer.sprintln(args) },
  urlquery: { params: [], variadic: 'any', call: (args, x) => urlQueryEscape(x.evalArgs(args)) },
  eq: { params: ['value'], variadic: 'value', call: ([a, ...rest], x) => eqValues(a, rest, x) },
  ne: { params: ['value', 'value'], call: ([a, b], x) => !eqValues(a, [b], x) },
  lt: { params: ['value', 'value'], call: ([a, b], x) => ltValues(a, b, x) },
  le: { params: ['value', 'value'], call: ([a, b], x) => ltValues(a, b, x) || eqValues(a, [b], x) },
  gt: { params: ['value', 'value'], call: ([a, b], x) => !(ltValues(a, b, x) || eqValues(a, [b], x)) },
  ge: { params: ['value', 'value'], call: ([a, b], x) => !ltValues(a, b, x) },
};

/** docker/cli templates.basicFunctions. */
const DOCKER_FUNCS: Record<string, FuncSig> = {
  json: { params: ['any'], call: ([v]) => dockerJSON(v) },
  split: { params: ['string', 'string'], call: ([s, sep]) => goSplit(asString(s), asString(sep)) },
  join: { params: ['strings', 'string'], call: ([a, sep]) => (a as string[]).join(asString(sep)) },
  title: { params: ['string'], call: ([s]) => goTitle(asString(s)) },
  lower: { params: ['string'], call: ([s]) => simpleCase(asString(s), false) },
  upper: { params: ['string'], call: ([s]) => simpleCase(asString(s), true) },
  pad: {
    params: ['string', 'int', 'int'],
    call: ([s, prefix, suffix]) => (asString(s) === '' ? '' : goRepeat(' ', asInt(prefix)) + asString(s) + goRepeat(' ', asInt(suffix))),
  },
  truncate: {
    params: ['string', 'int'],
    call: ([s, n]) => {
      const bytes = utf8(asString(s));
      const len = asInt(n);
      if (bytes.length < len) return asString(s);
      if (len < 0) throw new FuncError(`runtime error: slice bounds out of range [:${len}]`);
      return fromUtf8(bytes.slice(0, len));
    },
  },
};

/** docker/cli templates.HeaderFunctions: the table header keeps its titles. */
const HEADER_FUNCS: Record<string, FuncSig> = {
  json: { params: ['string'], call: ([v]) => v },
  split: { params: ['string', 'string'], call: ([v]) => v },
  join: { params: ['string', 'string'], call: ([v]) => v },
  title: { params: ['string'], call: ([v]) => v },
  lower: { params: ['string'], call: ([v]) => v },
  upper: { params: ['string'], call: ([v]) => v },
  truncate: { params: ['string', 'int'], call: ([v]) => v },
};

const FUNC_NAMES: ReadonlySet<string> = new Set([...Object.keys(BUILTINS), ...Object.keys(DOCKER_FUNCS)]);

// ---------------------------------------------------------------------------------------------
// Execution (text/template/exec.go)

class BreakSignal {}
class ContinueSignal {}

/** Simulator limits, so that a template cannot hang the page (Go has none of these). */
const MAX_OUTPUT = 1 << 22;
const MAX_STEPS = 2_000_000;
const MAX_TEMPLATE_DEPTH = 1000; // Go's maxExecDepth on wasm

interface Variable {
  name: string;
  value: Val;
}

class Exec {
  node: Node | null = null;
  vars: Variable[];
  out: string[] = [];
  calleeName = '';
  readonly printer: Printer;
  private readonly names: TypeNamer;

  constructor(
    private readonly t: ParsedTemplate,
    private readonly name: string,
    root: Val,
    private readonly funcs: Record<string, FuncSig>,
    rootTypeName: string | undefined,
    private readonly depth = 0,
    parent?: Exec,
  ) {
    this.vars = [{ name: '$', value: root }];
    this.names = parent ? parent.names : (o) => tagOf(o)?.typeName ?? (o === root ? rootTypeName : undefined);
    this.printer = parent ? parent.printer : new Printer(this.names);
    if (parent) {
      this.out = parent.out;
      this.shared = parent.shared;
    }
  }

  private shared = { outLen: 0, steps: 0 };

  typeName(v: Val): string {
    return goTypeName(v, this.names);
  }

  sprintV(v: Val): string {
    return this.printer.arg(v, 'v', noFlags(), 0);
  }

  /** html/js/urlquery's evalArgs: fmt.Sprint, or the string itself. */
  evalArgs(args: Val[]): string {
    if (args.length === 1 && typeof args[0] === 'string') return args[0];
    return this.printer.sprint(args);
  }

  errorf(message: string): never {
    if (!this.node) throw new TemplateError(`template: ${this.name}: ${message}`);
    const text = this.t.source.slice(0, this.node.pos);
    const nl = text.lastIndexOf('\n');
    const line = 1 + countNL(text);
    const col = utf8Len(nl < 0 ? text : text.slice(nl + 1));
    throw new TemplateError(`template: :${line}:${col}: executing ${goQuote(this.name)} at <${nodeString(this.node)}>: ${message}`);
  }

  private at(n: Node): void {
    this.node = n;
    if (++this.shared.steps > MAX_STEPS) this.errorf('execution budget exceeded (simulator limit)');
  }

  private write(s: string): void {
    this.shared.outLen += s.length;
    if (this.shared.outLen > MAX_OUTPUT) this.errorf('output limit exceeded (simulator limit)');
    this.out.push(s);
  }

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: Val): void {
    this.vars[this.vars.length - n].value = value;
  }

  private varValue(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: Val, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.write(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: Val): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Val, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const one = (index: Val, elem: Val) => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (!(e instanceof ContinueSignal)) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (kindOf(val)) {
        case 'slice': {
          const a = val as unknown[];
          for (let i = 0; i < a.length; i++) one(i, fromData(a[i]));
          ran = a.length > 0;
          break;
        }
        case 'map': {
          const o = val as Record<string, unknown>;
          const keys = ownKeys(o).sort(compareGo);
          for (const k of keys) one(k, fromData(o[k]));
          ran = keys.length > 0;
          break;
        }
        case 'int': {
          if (decl.length > 1) this.errorf(`can't use ${this.sprintV(val)} to iterate over more than one variable`);
          const n = val as number;
          for (let i = 0; i < n; i++) one(i, i);
          ran = n > 0;
          break;
        }
        case 'invalid':
        case 'nil':
          break;
        default:
          this.errorf(`range can't iterate over ${this.sprintV(val)}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: Val, t: TemplateNode): void {
    this.at(t);
    const tree = this.t.trees.get(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= MAX_TEMPLATE_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const sub = new Exec(this.t, t.name, newDot, this.funcs, undefined, this.depth + 1, this);
    sub.walk(newDot, tree);
  }

  private evalPipeline(dot: Val, pipe: PipeNode | null): Val {
    if (!pipe) return INVALID;
    this.at(pipe);
    let value: Val = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null || value === undefined) value = INVALID; // an interface{} holding nil
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  private notAFunction(args: Node[], final: Val): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Val, cmd: CommandNode, final: Val): Val {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    return this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): Val {
    this.at(c);
    if (c.isComplex) return new GoComplex(c.re, c.im);
    const isHexInt = c.text.length > 2 && c.text[0] === '0' && (c.text[1] === 'x' || c.text[1] === 'X') && !/[pP]/.test(c.text);
    const isRuneInt = c.text[0] === "'";
    if (c.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(c.text)) return new GoFloat(c.float);
    if (c.isInt) return c.int;
    if (c.isUint) return this.errorf(`${c.text} overflows int`);
    return INVALID;
  }

  private evalFieldNode(dot: Val, field: FieldNode, args: Node[] | null, final: Val): Val {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Val, chain: ChainNode, args: Node[] | null, final: Val): Val {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Val, v: VariableNode, args: Node[] | null, final: Val): Val {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Val, receiver: Val, node: Node, ident: string[], args: Node[] | null, final: Val): Val {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, receiver);
  }

  private evalFunction(dot: Val, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Val): Val {
    this.at(node);
    const name = node.ident;
    const fn = this.funcs[name] ?? BUILTINS[name];
    if (!fn) return this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, name in BUILTINS && !(name in this.funcs), cmd, name, args, final);
  }

  private evalField(dot: Val, fieldName: string, node: Node, args: Node[] | null, final: Val, receiver: Val): Val {
    if (receiver === INVALID) return INVALID;
    if (receiver === null || receiver === undefined) return this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const k = kindOf(receiver);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (k === 'struct' || k === 'map') {
      const o = receiver as Record<string, unknown>;
      const m = hasOwn(o, fieldName) ? o[fieldName] : undefined;
      if (typeof m === 'function') {
        const fn = m as TemplateFn;
        const sig: FuncSig = { params: Array(fn.length).fill('any'), call: (a) => callUser(fn, a) };
        return this.evalCall(dot, sig, false, node, fieldName, args, final);
      }
      if (k === 'struct' && hasOwn(o, fieldName)) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return fromData(m);
      }
      if (k === 'map') {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        return hasOwn(o, fieldName) ? fromData(m) : INVALID;
      }
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${this.typeName(receiver)}`);
  }

  private evalCall(dot: Val, fn: FuncSig, isBuiltin: boolean, node: Node, name: string, args0: Node[] | null, final: Val): Val {
    const args = args0 ? args0.slice(1) : [];
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fn.params.length) this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: Val = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(indirect(v)) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }

    const argv: Val[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]));
    if (final !== MISSING) {
      let t: ParamType = fn.params[fn.params.length - 1] ?? fn.variadic ?? 'any';
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.params[numIn - 1] : fn.variadic;
      argv.push(this.validateType(final, t));
    }
    this.calleeName = isBuiltin && name === 'call' && args[0] ? nodeString(args[0]) : name;
    try {
      return fn.call(argv, this);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  private validateType(value: Val, typ: ParamType | null): Val {
    if (value === INVALID || value === undefined) {
      if (typ === null || typ === 'value') return INVALID;
      if (typ === 'any') return null;
      if (typ === 'strings') return [];
      return this.errorf(`invalid value; expected ${PARAM_TYPE_NAME[typ]}`);
    }
    if (typ === null || typ === 'any' || typ === 'value') return value;
    const k = kindOf(value);
    const ok = typ === 'string' ? k === 'string' : typ === 'int' ? k === 'int' : k === 'slice' && isAllStrings(value as unknown[]);
    if (!ok) this.errorf(`wrong type for value; expected ${PARAM_TYPE_NAME[typ]}; got ${this.typeName(value)}`);
    return value;
  }

  private evalArg(dot: Val, typ: ParamType | null, n: Node): Val {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === null || typ === 'any' || typ === 'value' || typ === 'strings') return typ === 'strings' ? [] : typ === 'value' ? INVALID : null;
        return this.errorf(`cannot assign nil to ${PARAM_TYPE_NAME[typ]}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'string':
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'any':
      case 'value':
        switch (n.type) {
          case 'bool':
            return n.value;
          case 'number':
            return this.idealConstant(n);
          case 'string':
            return n.text;
        }
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ === null ? 'interface {}' : PARAM_TYPE_NAME[typ]}`);
  }

  private printValue(n: Node, v: Val): void {
    this.at(n);
    if (v === INVALID || v === null || v === undefined) return this.write('<no value>');
    if (typeof v === 'function') return this.errorf(`can't print ${nodeString(n)} of type ${this.typeName(v)}`);
    this.write(this.printer.sprint([v]));
  }
}

// ---------------------------------------------------------------------------------------------
// The API

function internal(e: unknown): TemplateError {
  if (e instanceof TemplateError) return e;
  if (e instanceof RangeError) return new TemplateError('template: max expression depth exceeded');
  return new TemplateError(`template: internal error: ${e instanceof Error ? e.message : String(e)}`);
}

/** Parses a template the way docker's templates.Parse does. Throws TemplateError on bad syntax. */
export function parseTemplate(source: string): ParsedTemplate {
  try {
    const p = new Parser(String(source), FUNC_NAMES);
    p.parse();
    return { source: String(source), trees: p.trees };
  } catch (e) {
    throw internal(e);
  }
}

/** Executes a template; stops at the first error like Go and reports what was written so far. */
export function executeTemplatePartial(t: ParsedTemplate, data: TemplateValue, options: ExecuteOptions = {}): { output: string; error?: TemplateError } {
  const funcs = options.headerFunctions ? { ...DOCKER_FUNCS, ...HEADER_FUNCS } : DOCKER_FUNCS;
  const root = fromData(data);
  const x = new Exec(t, '', root, funcs, options.typeName);
  try {
    const tree = t.trees.get('');
    if (!tree) return { output: '', error: new TemplateError('template: : "" is an incomplete or empty template') };
    x.walk(root, tree);
    return { output: x.out.join('') };
  } catch (e) {
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return { output: x.out.join(''), error: new TemplateError('template: internal error: break outside range') };
    return { output: x.out.join(''), error: internal(e) };
  }
}

/** Executes a parsed template against data. Throws TemplateError, worded like Go's. */
export function executeTemplate(t: ParsedTemplate, data: TemplateValue, options: ExecuteOptions = {}): string {
  const { output, error } = executeTemplatePartial(t, data, options);
  if (error) throw error;
  return output;
}
