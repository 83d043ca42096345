// jq 1.7.1, as Ubuntu 24.04 ships it. The language lives in ../jq/; here, its command line, its
// inputs (files, standard input, or lines typed at the terminal), its output (colours when
// standard output is a terminal, as jq's isatty check decides) and its exit status.
import { OutOfMemory } from '../../core/budget';
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { preludeLibrary } from '../jq/prelude';
import { natives } from '../jq/builtins';
import { BreakSignal, HaltSignal, Interpreter, type InterpreterHost } from '../jq/interpreter';
import { dump, JsonReader, toJson, type DumpOptions } from '../jq/json';
import { JqLexError } from '../jq/lexer';
import { parseJqCommandLine, usage, type JqOptions } from '../jq/options';
import { JqSyntaxError, parseProgram, type CompileError } from '../jq/parser';
import { resolve } from '../jq/resolve';
import { isArray, isObject, JqError, type JqObject, type JqValue } from '../jq/values';
import type { Node } from '../jq/ast';
import { fsMessage, readInputsOrTerminal, stat } from './support';
import { canRead } from '../fs';
import { stdoutBuffer } from './stdout-buffer';

/** jq's exit statuses (main.c). */
const OK = 0;
const OK_NULL_KIND = -1;
const ERROR_SYSTEM = 2;
const ERROR_COMPILE = 3;
const OK_NO_OUTPUT = -4;
const ERROR_UNKNOWN = 5;

function readFile(ctx: CommandContext, name: string): { text: string } | { error: string } {
  const node = stat(ctx, name);
  if (!node.ok) return { error: fsMessage(node.code) };
  if (node.value.kind === 'dir') return { error: 'Is a directory' };
  if (!canRead(node.value, ctx.machine.identity().user)) return { error: 'Permission denied' };
  return { text: node.value.content };
}

/** `jq: error: MSG at <top-level>, line N:` and the line, padded to where the error is (locfile_locate). */
function locate(program: string, e: CompileError): string {
  const pos = Math.min(Math.max(0, e.pos), program.length);
  const lineStart = program.lastIndexOf('\n', pos - 1) + 1;
  let lineEnd = program.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = program.length;
  const line = program.slice(0, lineStart).split('\n').length;
  const column = new TextEncoder().encode(program.slice(lineStart, pos)).length;
  return `jq: error: ${e.message} at <top-level>, line ${line}:\n${program.slice(lineStart, lineEnd)}${' '.repeat(column)}\n`;
}

interface InputItem {
  value: JqValue;
  filename: string;
  line: number;
}

/** The inputs as jq reads them: JSON texts (or lines with -R) from each file in turn, slurped with -s. */
class Inputs {
  private sources: { name: string; text: string | null; error?: string }[];
  private index = 0;
  private reader: JsonReader | null = null;
  private rawLines: string[] | null = null;
  private rawIndex = 0;
  private slurped = false;
  /** Where the last input came from, for error messages and input_filename. */
  filename: string | null = null;
  line = 0;
  failures = 0;
  /** A parse error met while reading: jq prints it and stops reading. */
  parseError: string | null = null;

  constructor(
    sources: { name: string; text: string | null; error?: string }[],
    private options: JqOptions,
    private reportOpenError: (message: string) => void,
  ) {
    this.sources = sources;
  }

  next(): InputItem | undefined {
    if (this.options.slurp) {
      if (this.slurped) return undefined;
      this.slurped = true;
      // The position stays at the end of the last input read (jq closes it only on a further read).
      if (this.options.rawInput) {
        let all = '';
        for (let s = this.openNext(); s !== null; s = this.openNext()) {
          all += s;
          this.line = s.split('\n').length - 1;
        }
        return { value: all, filename: this.filename ?? '<unknown>', line: this.line };
      }
      const items: JqValue[] = [];
      for (let item = this.nextText(); item; item = this.nextText()) items.push(item.value);
      if (this.parseError) return undefined;
      return { value: items, filename: this.filename ?? '<unknown>', line: this.line };
    }
    return this.nextText();
  }

  /** The next source's text (reporting the ones that cannot be opened), or null when none is left. */
  private openNext(): string | null {
    while (this.index < this.sources.length) {
      const source = this.sources[this.index++];
      if (source.error) {
        // A directory opens (fopen) but cannot be read: jq counts the failure and says nothing.
        if (source.error !== 'Is a directory') this.reportOpenError(`jq: error: Could not open file ${source.name}: ${source.error}\n`);
        this.failures++;
        continue;
      }
      this.filename = source.name === '-' ? '<stdin>' : source.name;
      this.line = 0;
      return source.text ?? '';
    }
    return null;
  }

  private nextText(): InputItem | undefined {
    for (;;) {
      if (this.parseError) return undefined;
      if (this.options.rawInput) {
        if (this.rawLines && this.rawIndex < this.rawLines.length) {
          const line = this.rawLines[this.rawIndex++];
          this.line = this.rawIndex - (this.rawIndex === this.rawLines.length && !this.endsWithNewline ? 1 : 0);
          return { value: line, filename: this.filename!, line: this.line };
        }
        const text = this.openNext();
        if (text === null) return undefined;
        this.endsWithNewline = text.endsWith('\n');
        this.rawLines = text === '' ? [] : (this.endsWithNewline ? text.slice(0, -1) : text).split('\n');
        this.rawIndex = 0;
        continue;
      }
      if (this.reader) {
        const step = this.reader.nextValue();
        if (step && 'error' in step) {
          this.parseError = step.error;
          return undefined;
        }
        if (step) {
          this.line = step.line;
          return { value: step.value, filename: this.filename!, line: step.line };
        }
        this.reader = null;
      }
      const text = this.openNext();
      if (text === null) return undefined;
      this.reader = new JsonReader(text);
    }
  }

  private endsWithNewline = false;
}

/** jq's --stream events for one value ([path, leaf] and closing [path]). */
function streamEvents(v: JqValue): JqValue[] {
  const events: JqValue[] = [];
  const walk = (x: JqValue, p: JqValue[]) => {
    const keys = isArray(x) ? x.map((_, i) => i) : isObject(x) ? [...x.keys()] : null;
    if (!keys || keys.length === 0) {
      events.push([p, x]);
      return;
    }
    keys.forEach((k) => walk(isArray(x) ? x[k as number] : (x as JqObject).get(k as string)!, [...p, k]));
    events.push([[...p, keys[keys.length - 1]]]);
  };
  walk(v, []);
  return events;
}

export const jq: CommandSpec = {
  name: 'jq',
  summary: 'Command-line JSON processor',
  usage: '[options] <jq filter> [file...]',
  dialect: gnu,
  rawArgs: true,
  helpIsArg: true,
  args: [{ name: 'FILTER' }, { name: 'FILE', optional: true, variadic: true, complete: 'path' }],
  *run(ctx) {
    const progname = ctx.argv[0].split('/').pop() || 'jq';
    const parsed = parseJqCommandLine(ctx.command.args, progname);
    if (!parsed.ok) {
      if (parsed.out) ctx.out(parsed.out);
      if (parsed.err) ctx.err(parsed.err);
      return parsed.code;
    }
    const o = parsed.options;
    const stdinIsTty = ctx.stdin === null;
    const stdoutIsTty = ctx.tty !== null;
    let filter = o.filter;
    if (filter === undefined) {
      if (stdoutIsTty && stdinIsTty) {
        ctx.err(usage(progname, true));
        return ERROR_SYSTEM;
      }
      filter = '.';
    }
    if (o.fromFile) {
      const file = readFile(ctx, filter);
      if ('error' in file) {
        ctx.err(`${progname}: Could not open ${filter}: ${file.error}\n`);
        return ERROR_SYSTEM;
      }
      filter = file.text.startsWith('#!') ? file.text.replace(/^#![^\n]*\n?/, '') : file.text;
    }

    // Named arguments, and the files --slurpfile and --rawfile read.
    const named = new Map<string, JqValue>(o.named);
    for (const f of o.fileArgs) {
      const file = readFile(ctx, f.file);
      if ('error' in file) {
        ctx.err(`${progname}: Bad JSON in --${f.raw ? 'rawfile' : 'slurpfile'} ${f.name} ${f.file}: Could not open ${f.file}: ${file.error}\n`);
        return ERROR_SYSTEM;
      }
      if (f.raw) named.set(f.name, file.text);
      else {
        const reader = new JsonReader(file.text);
        const values: JqValue[] = [];
        for (let step = reader.nextValue(); step; step = reader.nextValue()) {
          if ('error' in step) {
            ctx.err(`${progname}: Bad JSON in --slurpfile ${f.name} ${f.file}: ${step.error}\n`);
            return ERROR_SYSTEM;
          }
          values.push(step.value);
        }
        named.set(f.name, values);
      }
    }
    const variables = new Map<string, JqValue>(named);
    variables.set(
      'ARGS',
      new Map<string, JqValue>([
        ['positional', o.positional],
        ['named', new Map(named)],
      ]),
    );
    variables.set('__prog_args', null);

    let program: Node;
    try {
      program = parseProgram(filter);
      const errors = resolve(program, (key) => natives.has(key) || preludeLibrary().has(key), new Set([...variables.keys(), 'ENV', '__loc__']));
      if (errors.length) throw new JqSyntaxError(errors);
    } catch (e) {
      const errors: CompileError[] = e instanceof JqSyntaxError ? e.errors : e instanceof JqLexError ? [{ message: e.message, pos: e.pos }] : [];
      if (!errors.length) throw e;
      for (const error of errors) ctx.err(locate(filter, error));
      ctx.err(`jq: ${errors.length} compile ${errors.length > 1 ? 'errors' : 'error'}\n`);
      return ERROR_COMPILE;
    }

    // Inputs: the files named, or standard input (typed at the terminal until Ctrl-D when nothing is piped).
    const names = o.files.length ? o.files : ['-'];
    let stdinText: string | null = ctx.stdin;
    if (names.includes('-') && stdinText === null) {
      const typed = yield* readInputsOrTerminal(ctx, []);
      stdinText = 'text' in typed[0] ? typed[0].text : '';
    }
    const sources = names.map((name) => {
      if (name === '-') return { name, text: stdinText ?? '' };
      const file = readFile(ctx, name);
      return 'error' in file ? { name, text: null, error: file.error } : { name, text: file.text };
    });
    const stdout = stdoutBuffer((t) => ctx.out(t), stdoutIsTty);
    const inputs = new Inputs(sources, o, (message) => ctx.err(message));
    let streamQueue: JqValue[] = [];
    const nextInput = (): JqValue | undefined => {
      if (o.stream) {
        while (!streamQueue.length) {
          const item = inputs.next();
          if (!item) return undefined;
          streamQueue = streamEvents(item.value);
        }
        return streamQueue.shift();
      }
      return inputs.next()?.value;
    };

    const noColor = (ctx.env.NO_COLOR ?? '') !== '';
    const dumpOptions: DumpOptions = {
      indent: o.tab ? 1 : o.indent,
      tab: o.tab,
      sortKeys: o.sortKeys,
      ascii: o.ascii,
      color: o.color ?? (stdoutIsTty && !noColor),
    };
    const host: InterpreterHost = {
      budget: ctx.budget,
      library: preludeLibrary(),
      natives,
      env: new Map(Object.entries(ctx.env)),
      variables,
      now: () => ctx.machine.now(),
      nextInput,
      inputFilename: () => (inputs.filename && inputs.filename !== '<stdin>' ? inputs.filename : null),
      inputLine: () => inputs.line,
      stderr: (v) => ctx.err(typeof v === 'string' ? v : toJson(v)),
      debug: (v) => ctx.err(`${dump(['DEBUG:', v], { ...dumpOptions, indent: 0, tab: false })}\n`),
    };
    const interpreter = new Interpreter(host);
    const position = () => (inputs.filename ? `${inputs.filename}:${inputs.line}` : '<unknown>');

    /** One run of the program on one input (main.c's process): its status. */
    const process = (input: JqValue): number => {
      let ret = OK_NO_OUTPUT;
      try {
        interpreter.run(program, input, (result) => {
          if (o.rawOutput && typeof result === 'string') {
            if (o.ascii) stdout.write(dump(result, { indent: 0, ascii: true }));
            else stdout.write(result);
            ret = OK;
          } else {
            ret = result === null || result === false ? OK_NULL_KIND : OK;
            if (o.seq) stdout.write('\x1e');
            stdout.write(dump(result, dumpOptions, (n) => ctx.budget.spendText(n)));
          }
          if (!o.join) stdout.write('\n');
          if (o.nul) stdout.write('\0');
        });
      } catch (e) {
        if (e instanceof HaltSignal) {
          throw e;
        }
        if (e instanceof BreakSignal) {
          ctx.err(`jq: error (at ${position()}): break\n`);
          return ERROR_UNKNOWN;
        }
        if (!(e instanceof JqError)) throw e;
        const value = e.value;
        if (typeof value === 'string') ctx.err(`jq: error (at ${position()}): ${value}\n`);
        else ctx.err(`jq: error (at ${position()}) (not a string): ${toJson(value)}\n`);
        return ERROR_UNKNOWN;
      }
      return ret;
    };

    let ret = OK_NO_OUTPUT;
    let lastResult = -1;
    try {
      if (o.nullInput) ret = process(null);
      else {
        for (;;) {
          const value = nextInput();
          if (value === undefined) break;
          ret = process(value);
          if (ret <= 0 && ret !== OK_NO_OUTPUT) lastResult = ret !== OK_NULL_KIND ? 1 : 0;
        }
        if (inputs.parseError) {
          ret = ERROR_UNKNOWN;
          ctx.err(`jq: parse error: ${inputs.parseError}\n`);
        }
      }
    } catch (e) {
      if (e instanceof OutOfMemory) {
        // jq aborts when an allocation fails.
        ctx.err('jq: error: cannot allocate memory\n');
        return 134;
      }
      if (!(e instanceof HaltSignal)) throw e;
      stdout.flush();
      if (e.message !== undefined) {
        const m = e.message;
        if (typeof m === 'string') ctx.err(m);
        else if (m !== null) ctx.err(`${toJson(m)}\n`);
      }
      return e.code & 0xff;
    }
    stdout.flush();
    if (inputs.failures) ret = ERROR_SYSTEM;
    if (o.exitStatus) {
      if (ret !== OK_NO_OUTPUT) return Math.abs(ret);
      return lastResult === -1 ? Math.abs(OK_NO_OUTPUT) : lastResult === 0 ? Math.abs(OK_NULL_KIND) : OK;
    }
    return ret > 0 ? ret : 0;
  },
};
