// Runs a parsed awk program the way mawk does: BEGIN, then each record of each input through the
// rules, then END; fields split lazily by the FS in force when the record was read; numbers shown
// through OFMT (print) or CONVFMT (everything else) unless they are integers. Every statement,
// loop pass and record is paid from the line's work budget, so `while (1)` is cut like Ctrl-C.
import { allocateText, OutOfMemory, type WorkBudget } from '../../core/budget';
import type { Effect } from '../../core/process';
import { AwkArray, type Key } from './array';
import { grow } from './bytes';
import type { Expr, FunctionDef, LValue, Program, Redirect, Rule, Stmt, VarRef } from './ast';
import { formatDouble, NEG_NAN } from './cformat';
import { callBuiltin, type FunctionHost } from './functions';
import { unescape } from './lexer';
import { awkFormat } from './printf';
import { RecordReader, type RecordSeparator } from './records';
import { compileAwkRegex, type AwkRegex } from './regex';
import { compare, isTrue, StrNum, toNum, toStr, type Cell } from './values';

/** What the program reads and writes through: the command's streams and the machine's files, all as byte strings. */
export interface AwkHost {
  out(bytes: string): void;
  err(bytes: string): void;
  /** A file's content, or the system's reason it cannot be read (`No such file or directory`). */
  readFile(name: string): { text: string } | { error: string };
  /** Writes (or appends to) a file; returns the reason when it cannot. */
  writeFile(name: string, bytes: string, append: boolean): string | undefined;
  now(): number;
  env: Readonly<Record<string, string>>;
  budget: WorkBudget;
}

/** A run-time error: mawk prints it with where the input stood, and exits 2. */
export class AwkRuntimeError extends Error {}
/** An error mawk prints as is (`cannot open "x"`), exiting 2. */
export class AwkFatal extends Error {}

class ExitSignal {
  constructor(readonly code: number | undefined) {}
}
class NextSignal {}
class NextFileSignal {}

const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;
type Flow = 0 | typeof BREAK | typeof CONTINUE | typeof RETURN;

/** How deep user functions may call each other (mawk's eval stack runs out near here). */
const CALL_DEPTH_LIMIT = 1000;

/** A typed line from the terminal (without its newline), or null at Ctrl-D. */
export type LineSource = () => Generator<Effect, string | null, string | null>;

interface Frame {
  locals: (Cell | AwkArray)[];
}

interface Output {
  name: string;
  buffer: string;
  append: boolean;
}

interface Input {
  reader: RecordReader | null;
  error?: string;
}

export class AwkRuntime implements FunctionHost {
  private globals = new Map<string, Cell | AwkArray>();
  private frame: Frame | null = null;
  private depth = 0;
  private returnValue: Cell = undefined;

  // The record and its fields.
  private record = '';
  private recordCell: StrNum = new StrNum('');
  private fields: Cell[] = [];
  private nf = 0;
  private isSplit = true;
  private recordFS: Cell = ' ';
  private nr = 0;
  private fnr = 0;

  // Input: the operands in ARGV, the one being read, the files getline reads.
  private argIndex = 1;
  private current: RecordReader | null = null;
  private sawFile = false;
  private stdinText: string | null;
  private stdinReader: RecordReader | null = null;
  private getlineFiles = new Map<string, Input>();
  private outputs = new Map<string, Output>();
  private rangeActive: boolean[] = [];
  private regexCache = new Map<string, AwkRegex | { error: string }>();
  private exitCode = 0;
  private seedValue = 0;
  private previousSeed = 0;
  private randState = 0;
  readonly budget: WorkBudget;

  constructor(
    private program: Program,
    private host: AwkHost,
    argv: readonly string[],
    assignments: readonly [string, string][],
    fs: string | undefined,
    stdin: string | null,
  ) {
    this.budget = host.budget;
    this.stdinText = stdin;
    const g = this.globals;
    g.set('FS', ' ');
    g.set('OFS', ' ');
    g.set('ORS', '\n');
    g.set('RS', '\n');
    g.set('SUBSEP', '\x1c');
    g.set('CONVFMT', '%.6g');
    g.set('OFMT', '%.6g');
    g.set('FILENAME', '');
    g.set('RSTART', 0);
    g.set('RLENGTH', -1);
    const environ = new AwkArray();
    for (const [k, v] of Object.entries(host.env)) environ.find({ str: k }, true)!.set(new StrNum(v));
    g.set('ENVIRON', environ);
    const args = new AwkArray();
    argv.forEach((a, i) => args.find({ num: i }, true)!.set(i === 0 ? a : new StrNum(a)));
    g.set('ARGV', args);
    g.set('ARGC', argv.length);
    // The seed mawk takes without srand is the time; here, the simulated clock.
    this.seedValue = Math.floor(host.now() / 1000);
    this.randState = this.seedValue;
    this.previousSeed = this.seedValue;
    if (fs !== undefined) g.set('FS', fs);
    for (const [name, value] of assignments) this.assignVariable(name, value);
  }

  // ---- running ----

  *run(typed: LineSource): Generator<Effect, number, string | null> {
    try {
      try {
        for (const block of this.program.begin) this.block(block);
        if (this.program.rules.length || this.program.end.length) {
          this.rangeActive = this.program.rules.map(() => false);
          for (;;) {
            const record = yield* this.nextMainRecord(typed);
            if (record === null) break;
            this.budget.spend(1);
            this.setRecord(record);
            this.nr++;
            this.fnr++;
            try {
              this.rules();
            } catch (e) {
              if (e instanceof NextSignal) continue;
              if (e instanceof NextFileSignal) {
                this.current = null;
                continue;
              }
              throw e;
            }
          }
        }
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        if (e.code !== undefined) this.exitCode = e.code;
      }
      for (const block of this.program.end) this.block(block);
    } catch (e) {
      if (e instanceof ExitSignal) {
        if (e.code !== undefined) this.exitCode = e.code;
      } else if (e instanceof AwkRuntimeError || e instanceof OutOfMemory) {
        const message = e instanceof OutOfMemory ? 'out of memory' : e.message;
        this.flushAll();
        this.host.err(`awk: run time error: ${message}\n\tFILENAME="${this.text(this.globals.get('FILENAME') as Cell)}" FNR=${this.fnr} NR=${this.nr}\n`);
        return 2;
      } else if (e instanceof AwkFatal) {
        this.flushAll();
        this.host.err(`awk: ${e.message}\n`);
        return 2;
      } else if (e instanceof NextSignal || e instanceof NextFileSignal) {
        // next in a function that BEGIN or END called.
        this.flushAll();
        this.host.err(`awk: run time error: improper use of next\n\tFILENAME="${this.text(this.globals.get('FILENAME') as Cell)}" FNR=${this.fnr} NR=${this.nr}\n`);
        return 2;
      } else {
        this.flushAll();
        throw e;
      }
    }
    this.flushAll();
    return this.exitCode & 0xff;
  }

  private rules() {
    const rules = this.program.rules;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (this.matches(rule, i)) {
        if (rule.action) this.block(rule.action);
        else this.print([], undefined);
      }
    }
  }

  private matches(rule: Rule, i: number): boolean {
    const p = rule.pattern;
    if (p.length === 0) return true;
    if (p.length === 1) return this.test(p[0]);
    if (!this.rangeActive[i]) {
      if (!this.test(p[0])) return false;
      this.rangeActive[i] = !this.test(p[1]);
      return true;
    }
    if (this.test(p[1])) this.rangeActive[i] = false;
    return true;
  }

  private test(e: Expr): boolean {
    return isTrue(this.evaluate(e));
  }

  // ---- input ----

  /** The next record of the main input, going from operand to operand; typed lines are read as they come. */
  private *nextMainRecord(typed: LineSource): Generator<Effect, string | null, string | null> {
    for (;;) {
      const r = this.nextMainRecordNow();
      if (r !== 'more') return r;
      const line = yield* typed();
      if (line === null) this.current!.end();
      else this.current!.feed(`${line}\n`);
    }
  }

  /** The next main record if it can be had without waiting; getline uses this. */
  private nextMainRecordNow(): string | 'more' | null {
    for (;;) {
      if (this.current) {
        const r = this.current.next(this.separator());
        if (r !== null) return r;
        this.current = null;
      }
      if (!this.openNextOperand()) return null;
    }
  }

  /** Moves to the next file operand (doing the assignments on the way); false when none is left. */
  private openNextOperand(): boolean {
    const argv = this.globals.get('ARGV') as AwkArray;
    for (;;) {
      const argc = toNum(this.globals.get('ARGC') as Cell);
      if (this.argIndex >= argc) {
        if (this.sawFile) return false;
        // No file operand: standard input, which mawk names "-".
        this.sawFile = true;
        this.globals.set('FILENAME', '-');
        this.current = this.stdin();
        this.fnr = 0;
        return true;
      }
      const cell = argv.find({ num: this.argIndex }, false)?.cell;
      this.argIndex++;
      const arg = cell === undefined ? '' : this.text(cell);
      if (arg === '') continue;
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(arg);
      if (assignment) {
        this.assignVariable(assignment[1], arg.slice(assignment[0].length));
        continue;
      }
      this.sawFile = true;
      this.globals.set('FILENAME', arg);
      this.fnr = 0;
      if (arg === '-' || arg === '/dev/stdin') {
        this.current = this.stdin();
        return true;
      }
      const file = this.host.readFile(arg);
      if ('error' in file) {
        if (file.error === 'Is a directory') throw new AwkFatal(`read error (${file.error})`);
        throw new AwkFatal(`cannot open "${arg}" (${file.error})`);
      }
      this.current = new RecordReader(file.text, true);
      return true;
    }
  }

  private stdin(): RecordReader {
    if (!this.stdinReader) this.stdinReader = new RecordReader(this.stdinText ?? '', this.stdinText !== null);
    return this.stdinReader;
  }

  private separator(): RecordSeparator {
    const rs = this.text(this.globals.get('RS') as Cell);
    if (rs === '') return { kind: 'paragraph', re: this.compiledRegex('\n\n+') };
    if (rs.length === 1) return { kind: 'char', c: rs };
    return { kind: 're', re: this.compiledRegex(rs) };
  }

  private assignVariable(name: string, raw: string) {
    this.setGlobal(name, new StrNum(unescape(raw)));
  }

  // ---- the record and its fields ----

  private setRecord(text: string) {
    this.record = text;
    this.recordCell = new StrNum(text);
    this.isSplit = false;
    this.recordFS = this.globals.get('FS') as Cell;
  }

  private ensureSplit() {
    if (this.isSplit) return;
    this.isSplit = true;
    const parts = this.splitBy(this.record, this.recordFS);
    this.fields = [undefined, ...parts.map((p) => new StrNum(p))];
    this.nf = parts.length;
  }

  /** Splits text as FS (or split's third argument) says: " " on blanks, one character as itself, else a regex. */
  private splitBy(text: string, sep: Cell | AwkRegex): string[] {
    if (sep !== undefined && typeof sep === 'object' && 'find' in sep) return this.regexSplit(text, sep);
    const fs = this.text(sep as Cell);
    if (fs === ' ') {
      const blanks = this.separator().kind === 'paragraph' ? /[ \t\n\f\r\v]+/ : /[ \t\f\r\v]+/;
      this.budget.spendText(text.length);
      return text.split(blanks).filter((p) => p !== '');
    }
    if (fs === '') return [...text];
    if (text === '') return [];
    if (fs.length === 1 && fs !== '\\') {
      this.budget.spendText(text.length);
      return text.split(fs);
    }
    return this.regexSplit(text, this.compiledRegex(fs));
  }

  private regexSplit(text: string, re: AwkRegex): string[] {
    if (text === '') return [];
    const parts: string[] = [];
    let pos = 0;
    let from = 0;
    while (pos < text.length) {
      let m = re.find(text, from);
      // Only separators of some length count (re_pos_match).
      while (m && m[1] === m[0]) m = m[0] < text.length ? re.find(text, m[0] + 1) : null;
      if (!m) break;
      parts.push(text.slice(pos, m[0]));
      pos = from = m[1];
      this.budget.spend(1);
    }
    parts.push(text.slice(pos));
    return parts;
  }

  private getField(i: number): Cell {
    if (i === 0) return this.recordCell;
    this.ensureSplit();
    return i <= this.nf ? this.fields[i] : undefined;
  }

  private fieldIndex(e: Expr): number {
    const d = toNum(this.evaluate(e));
    const i = Number.isNaN(d) ? 0 : Math.trunc(d);
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    if (i > 32767 * 64) throw new AwkRuntimeError(`program limit exceeded: maximum number of fields size=32767`);
    return i;
  }

  private setField(i: number, value: Cell) {
    if (i === 0) {
      this.setRecord(this.text(value));
      return;
    }
    this.ensureSplit();
    if (i > this.nf) {
      this.budget.spend(i - this.nf);
      for (let j = this.nf + 1; j < i; j++) this.fields[j] = undefined;
      this.nf = i;
    }
    this.fields[i] = value;
    this.rebuild();
  }

  private setNF(value: Cell) {
    this.ensureSplit();
    const d = toNum(value);
    const n = Number.isNaN(d) ? 0 : Math.trunc(d);
    if (n < 0) throw new AwkRuntimeError(`negative value assigned to NF`);
    this.budget.spend(Math.abs(n - this.nf));
    if (n > this.nf) for (let j = this.nf + 1; j <= n; j++) this.fields[j] = undefined;
    this.fields.length = n + 1;
    this.nf = n;
    this.rebuild();
  }

  /** $0 again from the fields, joined by OFS. */
  private rebuild() {
    const ofs = this.text(this.globals.get('OFS') as Cell);
    let out = '';
    for (let j = 1; j <= this.nf; j++) {
      if (j > 1) out += ofs;
      out += this.text(this.fields[j]);
    }
    allocateText(this.budget, out.length);
    this.record = out;
    this.recordCell = new StrNum(out);
  }

  // ---- variables ----

  private getGlobal(name: string): Cell {
    switch (name) {
      case 'NF':
        this.ensureSplit();
        return this.nf;
      case 'NR':
        return this.nr;
      case 'FNR':
        return this.fnr;
    }
    const v = this.globals.get(name);
    if (v instanceof AwkArray) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return v;
  }

  setGlobal(name: string, value: Cell): void {
    switch (name) {
      case 'NF':
        this.setNF(value);
        return;
      case 'NR':
        this.nr = Math.trunc(toNum(value));
        return;
      case 'FNR':
        this.fnr = Math.trunc(toNum(value));
        return;
    }
    this.globals.set(name, value);
    if (name === 'CONVFMT' || name === 'OFMT') this.formatters.delete(name);
  }

  private readVar(ref: VarRef): Cell {
    if (ref.scope === 'local') {
      const v = this.frame!.locals[ref.slot];
      if (v instanceof AwkArray) throw new AwkRuntimeError(`can't use array ${ref.name} in scalar context`);
      return v;
    }
    return this.getGlobal(ref.name);
  }

  private write(ref: VarRef, value: Cell) {
    if (ref.scope === 'local') this.frame!.locals[ref.slot] = value;
    else this.setGlobal(ref.name, value);
  }

  private arrayOf(ref: VarRef): AwkArray {
    if (ref.scope === 'local') {
      const locals = this.frame!.locals;
      const v = locals[ref.slot];
      if (v instanceof AwkArray) return v;
      if (v !== undefined) throw new AwkRuntimeError(`can't use scalar ${ref.name} as array`);
      const a = new AwkArray();
      locals[ref.slot] = a;
      return a;
    }
    const v = this.globals.get(ref.name);
    if (v instanceof AwkArray) return v;
    const a = new AwkArray();
    this.globals.set(ref.name, a);
    return a;
  }

  /** A subscript as mawk looks it up: an integral number as a number, anything else as its string. */
  private key(subs: Expr[]): Key {
    if (subs.length === 1) {
      const c = this.evaluate(subs[0]);
      if (typeof c === 'number' && Number.isInteger(c) && Math.abs(c) < 2 ** 63) return { num: c };
      if (c === undefined) return { str: '' };
      return { str: this.text(c) };
    }
    const subsep = this.text(this.globals.get('SUBSEP') as Cell);
    return { str: subs.map((s) => this.text(this.evaluate(s))).join(subsep) };
  }

  // ---- FunctionHost ----

  text(c: Cell): string {
    return toStr(c, this.convfmt);
  }

  private formatters = new Map<string, (d: number) => string>();

  /** The formatter for CONVFMT or OFMT, compiled once per value. */
  private formatter(name: 'CONVFMT' | 'OFMT'): (d: number) => string {
    let f = this.formatters.get(name);
    if (!f) {
      const format = toStr(this.globals.get(name) as Cell, (d) => formatDouble(d, 'g', 6, ''));
      if (format === '%.6g') f = (d) => formatDouble(d, 'g', 6, '');
      else
        f = (d) => {
          const r = awkFormat(format, [d], 'sprintf', (x) => formatDouble(x, 'g', 6, ''), this.budget);
          return r.ok ? r.text : formatDouble(d, 'g', 6, '');
        };
      this.formatters.set(name, f);
    }
    return f;
  }

  convfmt = (d: number): string => this.formatter('CONVFMT')(d);
  private ofmt = (d: number): string => this.formatter('OFMT')(d);

  regex(e: Expr): AwkRegex {
    const inner = unwrap(e);
    if (inner.k === 'regex') return this.compiledRegex(inner.source, true);
    return this.compiledRegex(this.text(this.evaluate(e)));
  }

  private compiledRegex(source: string, literal = false): AwkRegex {
    let r = this.regexCache.get(source);
    if (!r) {
      r = compileAwkRegex(source, this.budget);
      this.regexCache.set(source, r);
    }
    if ('error' in r) throw new AwkRuntimeError(`regular expression compile failed (${r.error})\n${source}${literal ? '' : ''}`);
    return r;
  }

  split(text: string, separator: Expr | undefined): string[] {
    if (!separator) return this.splitBy(text, this.globals.get('FS') as Cell);
    const inner = unwrap(separator);
    if (inner.k === 'regex') return this.splitBy(text, this.compiledRegex(inner.source, true));
    return this.splitBy(text, this.evaluate(separator));
  }

  array(e: Expr): AwkArray {
    const inner = unwrap(e);
    if (inner.k !== 'var') throw new AwkRuntimeError('split target is not an array');
    return this.arrayOf(inner.ref);
  }

  isArray(e: Expr): boolean {
    if (e.k !== 'var') return false;
    const v = e.ref.scope === 'local' ? this.frame!.locals[e.ref.slot] : this.globals.get(e.ref.name);
    if (v instanceof AwkArray) return true;
    return e.ref.scope === 'global' && this.program.arrays.has(e.ref.name);
  }

  assign(target: LValue, value: Cell): void {
    switch (target.k) {
      case 'var':
        this.write(target.ref, value);
        return;
      case 'field':
        this.setField(this.fieldIndex(target.index), value);
        return;
      case 'index':
        this.arrayOf(target.ref).find(this.key(target.subs), true)!.set(value);
    }
  }

  read(target: LValue): Cell {
    return this.evaluate(target);
  }

  close(name: string): number {
    const out = this.outputs.get(name);
    if (out) {
      this.flushOutput(out);
      this.outputs.delete(name);
      return 0;
    }
    if (this.getlineFiles.delete(name)) return 0;
    return -1;
  }

  flush(): number {
    return 0;
  }

  now(): number {
    return this.host.now();
  }

  /** rand() and srand(): a deterministic generator seeded by the simulated clock, or by srand's argument. */
  random = {
    next: (): number => {
      // A 48-bit linear congruential generator (drand48's constants).
      this.randState = (this.randState * 0x5deece66d + 0xb) % 2 ** 48;
      return this.randState / 2 ** 48;
    },
    seed: (s?: number): number => {
      const previous = this.previousSeed;
      const value = s === undefined ? Math.floor(this.host.now() / 1000) : s;
      this.previousSeed = value;
      this.randState = Math.abs(Math.trunc(value)) % 2 ** 48;
      return previous;
    },
  };

  fail(message: string): never {
    throw new AwkRuntimeError(message);
  }

  unsupported(what: string): never {
    throw new AwkFatal(`${what} is not supported in this terminal`);
  }

  // ---- statements ----

  private block(stmts: Stmt[]): Flow {
    for (let i = 0; i < stmts.length; i++) {
      const flow = this.exec(stmts[i]);
      if (flow) return flow;
    }
    return 0;
  }

  private exec(s: Stmt): Flow {
    this.budget.spend(1);
    switch (s.k) {
      case 'expr':
        this.evaluate(s.e);
        return 0;
      case 'print':
        this.print(s.args, s.dest);
        return 0;
      case 'printf': {
        const values = s.args.map((a) => this.evaluate(a));
        const format = this.text(values[0]);
        const r = awkFormat(format, values.slice(1), 'printf', this.convfmt, this.budget);
        if (!r.ok) {
          // What was formatted before the fault is written all the same.
          if (r.partial) this.emit(r.partial, s.dest);
          throw new AwkRuntimeError(r.error);
        }
        this.emit(r.text, s.dest);
        return 0;
      }
      case 'if':
        if (this.test(s.test)) return this.exec(s.then);
        return s.else ? this.exec(s.else) : 0;
      case 'while':
        while (this.test(s.test)) {
          this.budget.spend(1);
          const flow = this.exec(s.body);
          if (flow === BREAK) break;
          if (flow === RETURN) return flow;
        }
        return 0;
      case 'do':
        do {
          this.budget.spend(1);
          const flow = this.exec(s.body);
          if (flow === BREAK) break;
          if (flow === RETURN) return flow;
        } while (this.test(s.test));
        return 0;
      case 'for':
        if (s.init) this.evaluate(s.init);
        while (!s.test || this.test(s.test)) {
          this.budget.spend(1);
          const flow = this.exec(s.body);
          if (flow === BREAK) break;
          if (flow === RETURN) return flow;
          if (s.step) this.evaluate(s.step);
        }
        return 0;
      case 'forin': {
        const keys = this.arrayOf(s.array).keys();
        for (const key of keys) {
          this.budget.spend(1);
          this.write(s.target, key);
          const flow = this.exec(s.body);
          if (flow === BREAK) break;
          if (flow === RETURN) return flow;
        }
        return 0;
      }
      case 'block':
        return this.block(s.body);
      case 'next':
        throw new NextSignal();
      case 'nextfile':
        throw new NextFileSignal();
      case 'exit':
        throw new ExitSignal(s.e ? Number(BigInt.asIntN(32, BigInt(Math.trunc(toNum(this.evaluate(s.e)) || 0)))) : undefined);
      case 'return':
        this.returnValue = s.e ? this.evaluate(s.e) : undefined;
        return RETURN;
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'delete': {
        const a = this.arrayOf(s.ref);
        if (s.subs) a.delete(this.key(s.subs));
        else a.clear();
        return 0;
      }
      case 'nop':
        return 0;
    }
  }

  private print(args: Expr[], dest: Redirect | undefined) {
    let line: string;
    if (args.length === 0) line = this.record;
    else {
      const ofs = this.text(this.globals.get('OFS') as Cell);
      line = args.map((a) => toStr(this.evaluate(a), this.ofmt)).join(ofs);
    }
    line += this.text(this.globals.get('ORS') as Cell);
    allocateText(this.budget, line.length);
    this.emit(line, dest);
  }

  /** Writes to standard output or to where `> file`, `>> file` points. */
  private emit(text: string, dest: Redirect | undefined) {
    if (!dest) {
      this.host.out(text);
      return;
    }
    const name = this.text(this.evaluate(dest.target));
    if (dest.mode === '|') this.unsupported(`printing to a command ("| ${name}")`);
    if (name === '/dev/stdout' || name === '-') {
      this.host.out(text);
      return;
    }
    if (name === '/dev/stderr') {
      this.host.err(text);
      return;
    }
    let out = this.outputs.get(name);
    if (!out) {
      if (name === '') throw new AwkFatal('cannot open "" for output');
      const error = dest.mode === '>' ? this.host.writeFile(name, '', false) : this.host.writeFile(name, '', true);
      if (error) throw new AwkFatal(`cannot open "${name}" for output (${error})`);
      out = { name, buffer: '', append: true };
      this.outputs.set(name, out);
    }
    out.buffer += text;
    if (out.buffer.length > 1 << 16) this.flushOutput(out);
  }

  private flushOutput(out: Output) {
    if (!out.buffer) return;
    const error = this.host.writeFile(out.name, out.buffer, true);
    out.buffer = '';
    if (error) throw new AwkFatal(`write failure (${error})`);
  }

  private flushAll() {
    for (const out of this.outputs.values()) {
      try {
        this.flushOutput(out);
      } catch {
        // Already ending: what could not be written is lost, as with a full disk.
      }
    }
    this.outputs.clear();
  }

  // ---- expressions ----

  evaluate(e: Expr): Cell {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'regex':
        return this.compiledRegex(e.source, true).test(this.record) ? 1 : 0;
      case 'var':
        return this.readVar(e.ref);
      case 'field':
        return this.getField(this.fieldIndex(e.index));
      case 'index': {
        const ref = this.arrayOf(e.ref).find(this.key(e.subs), true)!;
        return ref.cell;
      }
      case 'group':
        return this.evaluate(e.e);
      case 'assign':
        return this.assignment(e.op, e.target, e.value);
      case 'cond':
        return this.test(e.test) ? this.evaluate(e.then) : this.evaluate(e.else);
      case 'and':
        return this.test(e.l) && this.test(e.r) ? 1 : 0;
      case 'or':
        return this.test(e.l) || this.test(e.r) ? 1 : 0;
      case 'in': {
        const key = this.key(e.subs);
        return this.arrayOf(e.ref).find(key, false) ? 1 : 0;
      }
      case 'match': {
        const s = this.text(this.evaluate(e.l));
        const found = this.regex(e.r).test(s);
        return found !== e.negate ? 1 : 0;
      }
      case 'cmp': {
        const c = compare(this.evaluate(e.l), this.evaluate(e.r), this.convfmt);
        switch (e.op) {
          case '<':
            return c < 0 ? 1 : 0;
          case '<=':
            return c <= 0 ? 1 : 0;
          case '==':
            return c === 0 ? 1 : 0;
          case '!=':
            return c !== 0 ? 1 : 0;
          case '>':
            return c > 0 ? 1 : 0;
          case '>=':
            return c >= 0 ? 1 : 0;
        }
        return 0;
      }
      case 'concat': {
        const l = this.text(this.evaluate(e.l));
        const r = this.text(this.evaluate(e.r));
        grow(this.budget, l.length + r.length, r.length + 1);
        return l + r;
      }
      case 'bin':
        return arithmetic(e.op, toNum(this.evaluate(e.l)), toNum(this.evaluate(e.r)));
      case 'unary': {
        const v = this.evaluate(e.e);
        if (e.op === '!') return isTrue(v) ? 0 : 1;
        const n = toNum(v);
        return e.op === '-' ? -n : n;
      }
      case 'incdec': {
        const before = toNum(this.evaluate(e.target));
        const after = e.op === '++' ? before + 1 : before - 1;
        this.assign(e.target, after);
        return e.prefix ? after : before;
      }
      case 'call':
        return this.call(this.program.functions.get(e.name)!, e.args);
      case 'builtin':
        return callBuiltin(this, e.name, e.args);
      case 'getline':
        return this.getline(e);
    }
  }

  private assignment(op: string, target: LValue, value: Expr): Cell {
    if (op === '=') {
      // The place (a field's number, an element's key) is worked out before the value.
      if (target.k === 'field') {
        const i = this.fieldIndex(target.index);
        const v = this.evaluate(value);
        this.setField(i, v);
        return v;
      }
      if (target.k === 'index') {
        const ref = this.arrayOf(target.ref).find(this.key(target.subs), true)!;
        const v = this.evaluate(value);
        ref.set(v);
        return v;
      }
      const v = this.evaluate(value);
      this.write(target.ref, v);
      return v;
    }
    const current = toNum(this.evaluate(target));
    const result = arithmetic(op[0] as '+', current, toNum(this.evaluate(value)));
    this.assign(target, result);
    return result;
  }

  private call(def: FunctionDef, args: Expr[]): Cell {
    if (++this.depth > CALL_DEPTH_LIMIT) throw new AwkFatal('program limit exceeded: eval stack size=1024');
    try {
      this.budget.spend(1);
      const locals: (Cell | AwkArray)[] = new Array(def.params.length).fill(undefined);
      args.forEach((arg, i) => {
        if (def.arrays[i]) {
          const inner = unwrap(arg);
          if (inner.k !== 'var') throw new AwkRuntimeError(`type error in arg(${i + 1}) in call to ${def.name}`);
          locals[i] = this.arrayOf(inner.ref);
        } else {
          const inner = unwrap(arg);
          // An array passed to a parameter that is not used as one is passed as it is.
          if (inner.k === 'var') {
            const v = inner.ref.scope === 'local' ? this.frame!.locals[inner.ref.slot] : this.globals.get(inner.ref.name);
            if (v instanceof AwkArray) {
              locals[i] = v;
              return;
            }
          }
          locals[i] = this.evaluate(arg);
        }
      });
      const saved = this.frame;
      this.frame = { locals };
      this.returnValue = undefined;
      try {
        this.block(def.body);
      } finally {
        this.frame = saved;
      }
      const value = this.returnValue;
      this.returnValue = undefined;
      return value;
    } finally {
      this.depth--;
    }
  }

  private getline(e: Extract<Expr, { k: 'getline' }>): Cell {
    if (e.from === 'cmd') return this.unsupported(`reading from a command ("${this.text(this.evaluate(e.src!))}" | getline)`);
    if (e.from === 'main') {
      const r = this.nextMainRecordNow();
      if (r === null || r === 'more') return 0;
      this.nr++;
      this.fnr++;
      if (e.target) this.assign(e.target, new StrNum(r));
      else this.setRecord(r);
      return 1;
    }
    const name = this.text(this.evaluate(e.src!));
    let input = this.getlineFiles.get(name);
    if (!input) {
      if (name === '-' || name === '/dev/stdin') input = { reader: this.stdin() };
      else {
        const file = this.host.readFile(name);
        input = 'error' in file ? { reader: null, error: file.error } : { reader: new RecordReader(file.text, true) };
      }
      this.getlineFiles.set(name, input);
    }
    if (!input.reader) return -1;
    const r = input.reader.next(this.separator());
    if (r === null || r === 'more') return 0;
    if (e.target) this.assign(e.target, new StrNum(r));
    else this.setRecord(r);
    return 1;
  }
}

function unwrap(e: Expr): Expr {
  return e.k === 'group' && !e.list ? unwrap(e.e) : e;
}

/** awk's arithmetic on doubles: division by zero is infinite, as mawk leaves it. */
function arithmetic(op: '+' | '-' | '*' | '/' | '%' | '^', a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%': {
      const r = a % b;
      return Number.isNaN(r) && !Number.isNaN(a) && !Number.isNaN(b) ? NEG_NAN : r;
    }
    case '^':
      return a ** b;
  }
}

