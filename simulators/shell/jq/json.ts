// JSON in and out as jq 1.7.1 does it. Reading follows jv_parse.c's state machine, so malformed
// input gets jq's own words and position (`Expected separator between values at line 1, column
// 7`); texts may follow one another. Writing follows jv_print.c: two-space indent (or --indent,
// --tab, -c), keys in their order (or sorted with -S), -a's \u escapes, and the default JQ_COLORS.
import { numberLiteral, formatNumber } from './numbers';
import { isNumber, JqNumber, sortedKeys, type JqObject, type JqValue } from './values';

/** UTF-8 bytes of one UTF-16 unit: a surrogate pair's four all go to its first half. */
const byteWidth = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xdc00 && code <= 0xdfff ? 0 : code >= 0xd800 && code <= 0xdbff ? 4 : 3);

/** The deepest nesting jq reads (MAX_PARSING_DEPTH) and prints (MAX_PRINT_DEPTH). */
const MAX_DEPTH = 256;

export interface ParsedText {
  value: JqValue;
  /** How many newline-ended lines jq had read when this value was complete (its error position). */
  line: number;
}

export type ParseStep = ParsedText | { error: string } | null;

/**
 * Reads JSON texts one after another from `text` (jq's parser over a whole input). Each call to
 * next() gives a value, a parse error (after which the rest is dropped, as jq does), or null at the end.
 */
export class JsonReader {
  private pos = 0;
  private line = 1;
  private column = 0;
  private stack: (JqValue[] | JqObject | string)[] = [];
  private next_: JqValue | undefined = undefined;
  private token = '';
  private inString = false;
  private escaped = false;
  private done = false;

  constructor(private text: string) {
    // A UTF-8 byte order mark is skipped.
    if (text.startsWith('\ufeff')) this.pos = 1;
  }

  /** Newline-ended lines jq had read (it reads line by line) when the character at `at` completed a value. */
  private linesThrough(at: number): number {
    const before = this.line - 1;
    if (this.text[at] === '\n') return before;
    return before + (this.text.indexOf('\n', at) >= 0 ? 1 : 0);
  }

  private fail(message: string): { error: string } {
    this.done = true;
    return { error: `${message} at line ${this.line}, column ${this.column}` };
  }

  nextValue(): ParseStep {
    if (this.done) return null;
    const text = this.text;
    while (this.pos < text.length) {
      const at = this.pos;
      const ch = text[this.pos++];
      const code = ch.charCodeAt(0);
      // Columns count bytes, as jq's do.
      if (ch === '\n') {
        this.line++;
        this.column = 0;
      } else this.column += byteWidth(code);
      let produced: JqValue | undefined;
      if (this.inString) {
        if (ch === '"' && !this.escaped) {
          const error = this.foundString();
          if (error) return this.fail(error);
          this.inString = false;
          produced = this.checkDone();
        } else {
          this.token += ch;
          this.escaped = ch === '\\' && !this.escaped;
        }
      } else {
        const cls = ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' ? 'ws' : ch === '"' ? 'quote' : '[,]{:}'.includes(ch) ? 'structure' : 'literal';
        if (cls !== 'literal') {
          const error = this.checkLiteral();
          if (error) return this.fail(error);
          produced = this.checkDone();
        }
        if (cls === 'literal') this.token += ch;
        else if (cls === 'quote') {
          this.inString = true;
          this.escaped = false;
        } else if (cls === 'structure') {
          const error = this.structure(ch);
          if (error) return this.fail(error);
        }
        if (produced === undefined) produced = this.checkDone();
      }
      if (produced !== undefined) return { value: produced, line: this.linesThrough(at) };
    }
    // At the end of the text.
    this.done = true;
    if (this.inString) return { error: `Unfinished string at EOF at line ${this.line}, column ${this.column}` };
    const error = this.checkLiteral();
    if (error) return { error: `${error} at EOF at line ${this.line}, column ${this.column}` };
    if (this.stack.length) return { error: `Unfinished JSON term at EOF at line ${this.line}, column ${this.column}` };
    if (this.next_ !== undefined) {
      const value = this.next_;
      this.next_ = undefined;
      return { value, line: this.line - 1 };
    }
    return null;
  }

  private checkDone(): JqValue | undefined {
    if (this.stack.length === 0 && this.next_ !== undefined) {
      const v = this.next_;
      this.next_ = undefined;
      return v;
    }
    return undefined;
  }

  private value(v: JqValue): string | undefined {
    if (this.next_ !== undefined) return 'Expected separator between values';
    this.next_ = v;
    return undefined;
  }

  private checkLiteral(): string | undefined {
    const t = this.token;
    if (t === '') return undefined;
    this.token = '';
    let pattern: string | undefined;
    let v: JqValue = null;
    if (t[0] === 't') {
      pattern = 'true';
      v = true;
    } else if (t[0] === 'f') {
      pattern = 'false';
      v = false;
    } else if (t[0] === 'n' && t[1] === 'u') {
      pattern = 'null';
      v = null;
    }
    if (pattern !== undefined) {
      if (t !== pattern) return 'Invalid literal';
      return this.value(v);
    }
    const n = numberLiteral(t);
    if (n === undefined) return 'Invalid numeric literal';
    return this.value(n);
  }

  private structure(ch: string): string | undefined {
    const top = this.stack[this.stack.length - 1];
    switch (ch) {
      case '[':
      case '{':
        if (this.stack.length >= MAX_DEPTH) return 'Exceeds depth limit for parsing';
        if (this.next_ !== undefined) return 'Expected separator between values';
        this.stack.push(ch === '[' ? [] : new Map());
        return undefined;
      case ':':
        if (this.next_ === undefined) return "Expected string key before ':'";
        if (!(top instanceof Map)) return "':' not as part of an object";
        if (typeof this.next_ !== 'string') return 'Object keys must be strings';
        this.stack.push(this.next_);
        this.next_ = undefined;
        return undefined;
      case ',':
        if (this.next_ === undefined) return "Expected value before ','";
        if (top === undefined) return "',' not as part of an object or array";
        if (Array.isArray(top)) {
          top.push(this.next_);
          this.next_ = undefined;
        } else if (typeof top === 'string') {
          (this.stack[this.stack.length - 2] as JqObject).set(top, this.next_);
          this.stack.pop();
          this.next_ = undefined;
        } else return 'Objects must consist of key:value pairs';
        return undefined;
      case ']':
        if (!Array.isArray(top)) return "Unmatched ']'";
        if (this.next_ !== undefined) {
          top.push(this.next_);
          this.next_ = undefined;
        } else if (top.length !== 0) return 'Expected another array element';
        this.next_ = this.stack.pop() as JqValue[];
        return undefined;
      case '}':
        if (top === undefined) return "Unmatched '}'";
        if (this.next_ !== undefined) {
          if (typeof top !== 'string') return 'Objects must consist of key:value pairs';
          (this.stack[this.stack.length - 2] as JqObject).set(top, this.next_);
          this.stack.pop();
          this.next_ = undefined;
        } else {
          if (!(top instanceof Map)) return "Unmatched '}'";
          if (top.size !== 0) return 'Expected another key-value pair';
        }
        this.next_ = this.stack.pop() as JqObject;
        return undefined;
    }
    return undefined;
  }

  private foundString(): string | undefined {
    const t = this.token;
    this.token = '';
    let out = '';
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c !== '\\') {
        if (c.charCodeAt(0) <= 0x1f) return 'Invalid string: control characters from U+0000 through U+001F must be escaped';
        out += c;
        continue;
      }
      if (i + 1 >= t.length) return 'Expected escape character at end of string';
      const e = t[++i];
      const simple: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', b: '\b', f: '\f', t: '\t', n: '\n', r: '\r' };
      if (e in simple) {
        out += simple[e];
        continue;
      }
      if (e !== 'u') return 'Invalid escape';
      if (t.length - (i + 1) < 4) return 'Invalid \\uXXXX escape';
      const hex = t.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return 'Invalid characters in \\uXXXX escape';
      let cp = parseInt(hex, 16);
      i += 4;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        const low = t.slice(i + 1, i + 7);
        if (!/^\\u[0-9a-fA-F]{4}$/.test(low)) return 'Invalid \\uXXXX\\uXXXX surrogate pair escape';
        const lo = parseInt(low.slice(2), 16);
        if (lo < 0xdc00 || lo > 0xdfff) return 'Invalid \\uXXXX\\uXXXX surrogate pair escape';
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i += 6;
      } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
      out += String.fromCodePoint(cp);
    }
    return this.value(out);
  }
}

/** Parses one JSON text (fromjson, tonumber, --argjson), or gives jq's message for it. */
export function parseOne(text: string): { value: JqValue } | { error: string } {
  const reader = new JsonReader(text);
  const first = reader.nextValue();
  let result: { value: JqValue } | { error: string };
  if (first === null) result = { error: 'Expected JSON value' };
  else if ('error' in first) result = first;
  else {
    const second = reader.nextValue();
    if (second === null) result = { value: first.value };
    else if ('error' in second) result = second;
    else result = { error: 'Unexpected extra JSON values' };
  }
  if ('error' in result) return { error: `${result.error} (while parsing '${text}')` };
  return result;
}

export interface DumpOptions {
  /** Spaces per level (0: compact), or a tab per level. */
  indent: number;
  tab?: boolean;
  sortKeys?: boolean;
  ascii?: boolean;
  color?: boolean;
}

const ESC = '\x1b[';
/** jq 1.7.1's default JQ_COLORS: null, false, true, numbers, strings, arrays, objects, object keys. */
const COLORS = { null: `${ESC}0;90m`, false: `${ESC}0;39m`, true: `${ESC}0;39m`, number: `${ESC}0;39m`, string: `${ESC}0;32m`, array: `${ESC}1;39m`, object: `${ESC}1;39m`, key: `${ESC}1;34m` };
const RESET = `${ESC}0m`;

/** A string as a JSON string literal (jvp_dump_string). */
export function quoteString(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c <= 0x7e) out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    else if (c < 0x20 || c === 0x7f) {
      const named: Record<number, string> = { 8: '\\b', 9: '\\t', 13: '\\r', 10: '\\n', 12: '\\f' };
      out += named[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (!ascii) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else {
      const v = c - 0x10000;
      out += `\\u${(0xd800 | (v >> 10)).toString(16)}\\u${(0xdc00 | (v & 0x3ff)).toString(16)}`;
    }
  }
  return `${out}"`;
}

/** A value as jq writes it (jv_dump_term), with `spend` paid per character built. */
export function dump(value: JqValue, options: DumpOptions, spend: (chars: number) => void = () => {}): string {
  const parts: string[] = [];
  const pretty = options.tab || options.indent > 0;
  const unit = options.tab ? '\t' : ' '.repeat(options.indent);
  const indentOf = (n: number) => (pretty ? unit.repeat(n) : '');
  const put = (s: string) => {
    spend(s.length);
    parts.push(s);
  };
  const term = (v: JqValue, depth: number) => {
    const kind = v === null ? 'null' : v === false ? 'false' : v === true ? 'true' : isNumber(v) ? 'number' : typeof v === 'string' ? 'string' : Array.isArray(v) ? 'array' : 'object';
    const color = options.color ? COLORS[kind] : '';
    if (color) put(color);
    if (depth > MAX_DEPTH) put('<skipped: too deep>');
    else if (v === null || typeof v === 'boolean') put(String(v));
    else if (isNumber(v)) {
      // NaN is written as null, and coloured as jq does it: null's colour inside the number's.
      if (!(v instanceof JqNumber) && Number.isNaN(v)) put(options.color ? `${COLORS.null}null${RESET}` : 'null');
      else put(formatNumber(v));
    }
    else if (typeof v === 'string') put(quoteString(v, options.ascii));
    else if (Array.isArray(v)) {
      if (v.length === 0) put('[]');
      else {
        put('[');
        if (pretty) put(`\n${indentOf(depth + 1)}`);
        v.forEach((item, i) => {
          if (i > 0) put(pretty ? `,\n${indentOf(depth + 1)}` : ',');
          term(item, depth + 1);
          if (color) put(color);
        });
        if (pretty) put(`\n${indentOf(depth)}`);
        if (color) put(color);
        put(']');
      }
    } else {
      const o = v as JqObject;
      if (o.size === 0) put('{}');
      else {
        put('{');
        if (pretty) put(`\n${indentOf(depth + 1)}`);
        const keys = options.sortKeys ? sortedKeys(o) : [...o.keys()];
        keys.forEach((k, i) => {
          if (i > 0) put(pretty ? `,\n${indentOf(depth + 1)}` : ',');
          if (color) put(RESET + COLORS.key);
          put(quoteString(k, options.ascii));
          if (color) put(RESET + color);
          put(pretty ? ': ' : ':');
          if (color) put(RESET);
          term(o.get(k)!, depth + 1);
          if (color) put(color);
        });
        if (pretty) put(`\n${indentOf(depth)}`);
        if (color) put(color);
        put('}');
      }
    }
    if (color) put(RESET);
  };
  term(value, 0);
  return parts.join('');
}

/** tojson, tostring and error messages: compact, keys in order. */
export function toJson(v: JqValue, spend?: (chars: number) => void): string {
  // Scalars, the common case (tostring of numbers), without the writer's machinery.
  if (typeof v === 'number') return Number.isNaN(v) ? 'null' : formatNumber(v);
  if (typeof v === 'string' && !/[\x00-\x1f"\\\x7f]/.test(v)) return `"${v}"`;
  return dump(v, { indent: 0 }, spend);
}

/** jv_dump_string_trunc: at most `size - 1` characters, the last three `...` when cut. */
export function truncated(v: JqValue, size: number): string {
  const s = toJson(v);
  // jq cuts bytes; a cut inside a character leaves the bytes it kept.
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= size - 1) return s;
  const kept = bytes.slice(0, size - 1);
  kept[size - 2] = kept[size - 3] = kept[size - 4] = 0x2e;
  return new TextDecoder().decode(kept);
}
