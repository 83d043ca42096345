// Running a whole script as `python file` or `python -c` does: parse, run, and print an uncaught
// exception as CPython 3.12's traceback (frames outermost first, the source line and its carets
// for real files, a run of identical frames cut to three and "[Previous line repeated N more times]").
import type { Stmt } from './types';
import { PyException, SysExit, Unsupported, type TraceFrame } from './errors';
import { Interpreter } from './interpreter';
import type { PyOutcome, PyRunOptions } from './options';
import { parsePython } from './parser';
import { WorkExhausted } from '../../core/budget';

/** CPython prints this many identical frames in a row, then says how many more there were. */
const RECURSIVE_CUTOFF = 3;

/** The traceback Python prints for an uncaught exception. */
export function traceback(e: PyException, file: string, lines: string[]): string {
  if (e.bare) return `${e.type}: ${e.detail}\n`;
  if (e.type === 'SyntaxError' || e.type === 'IndentationError') {
    const text = lines[e.line - 1] ?? '';
    const indent = text.length - text.trimStart().length;
    const caret = e.col === undefined ? '' : `    ${' '.repeat(Math.max(0, e.col - indent))}^\n`;
    return `  File "${file}", line ${e.line}\n    ${text.trim()}\n${caret}${e.type}: ${e.detail}\n`;
  }
  const frames: TraceFrame[] = e.frames.length ? [...e.frames].reverse() : e.line ? [{ name: '<module>', line: e.line }] : [];
  let out = 'Traceback (most recent call last):\n';
  let last = '';
  let repeats = 0;
  const flushRepeats = () => {
    if (repeats > RECURSIVE_CUTOFF) out += `  [Previous line repeated ${repeats - RECURSIVE_CUTOFF} more times]\n`;
  };
  for (const frame of frames) {
    const line = frame.expr?.at?.line ?? frame.line;
    const key = `${line}:${frame.name}`;
    if (key === last) repeats++;
    else {
      flushRepeats();
      last = key;
      repeats = 1;
    }
    if (repeats > RECURSIVE_CUTOFF) continue;
    out += `  File "${file}", line ${line}, in ${frame.name}\n`;
    // Python 3.12 cannot show the source of `-c` or stdin code (`<string>`, `<stdin>`).
    if (!file.startsWith('<')) out += sourceLine(lines[line - 1] ?? '', frame);
  }
  flushRepeats();
  return `${out}${e.type}${e.detail ? `: ${e.detail}` : ''}\n`;
}

/** A frame's source line, and under it the carets CPython draws beneath the failing expression. */
function sourceLine(text: string, frame: TraceFrame): string {
  const code = text.trim();
  if (!code) return '';
  let out = `    ${code}\n`;
  const at = frame.expr?.at;
  if (!at || at.endLine !== at.line) return out;
  const indent = text.length - text.trimStart().length;
  const start = at.col - indent;
  const end = Math.min(at.endCol - indent, code.length);
  const anchor = frame.expr?.anchor;
  if (anchor === undefined) {
    if (start <= 0 && end >= code.length) return out; // the whole line failed: no carets
    return `${out}    ${' '.repeat(start)}${'^'.repeat(end - start)}\n`;
  }
  // A binary operator: ~ under the operands, ^ under the operator. A subscript: ~ under the value, ^ from `[`.
  const from = anchor - indent;
  const to = frame.expr?.e === 'bin' ? from + frame.expr.op.length : end;
  let marks = '';
  for (let i = start; i < end; i++) marks += i >= from && i < to ? '^' : '~';
  return `${out}    ${' '.repeat(start)}${marks}\n`;
}

/** What Python prints when Ctrl-C stops it at the top level. */
export function keyboardInterrupt(file: string, line: number): string {
  return `Traceback (most recent call last):\n  File "${file}", line ${line}, in <module>\nKeyboardInterrupt\n`;
}

/**
 * Runs a whole script as `python file` would. Throws Unsupported when it cannot tell. When the
 * budget runs out the outcome is `interrupted`, with what was printed until then: the caller
 * shows it and ends the line as Ctrl-C would.
 */
export function runPython(src: string, opts: PyRunOptions): PyOutcome {
  const lines = src.split('\n');
  let body: Stmt[];
  const interp = new Interpreter(opts);
  try {
    body = parse(src);
  } catch (e) {
    if (e instanceof PyException) return { output: [{ stream: 'stderr', text: traceback(e, opts.file, lines), atMs: 0 }], exitCode: 1, ms: 0, globals: interp.globals.vars };
    throw e;
  }
  let exitCode = 0;
  try {
    interp.run(body);
  } catch (e) {
    if (e instanceof SysExit) {
      if (e.text !== undefined) interp.output.push({ stream: 'stderr', text: `${e.text}\n`, atMs: interp.elapsed });
      exitCode = e.code;
    } else if (e instanceof PyException) {
      interp.output.push({ stream: 'stderr', text: traceback(e, opts.file, lines), atMs: interp.elapsed });
      exitCode = 1;
    } else if (e instanceof WorkExhausted) {
      return { output: interp.output, exitCode: 130, ms: interp.elapsed, interrupted: true, globals: interp.globals.vars };
    } else throw e;
  }
  return { output: interp.output, exitCode, ms: interp.elapsed, globals: interp.globals.vars };
}

/** parsePython, with a JavaScript stack overflow turned into what CPython says of source too deep to parse. */
export function parse(src: string): Stmt[] {
  try {
    return parsePython(src);
  } catch (e) {
    if (e instanceof PyException || e instanceof Unsupported) throw e;
    if (e instanceof RangeError) throw new PyException('MemoryError', 'Parser stack overflowed - Python source too complex to parse', 0, true);
    throw new Unsupported(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
