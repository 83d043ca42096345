// Running a whole script as `python file` or `python -c` does: parse, run, and print an uncaught
// exception as CPython's traceback.
import { BreakSignal, ContinueSignal, PyException, ReturnSignal, SysExit, Unsupported } from './errors';
import { Interpreter, type PyOutcome, type PyRunOptions } from './interpreter';
import { parsePython } from './parser';
import type { Stmt } from './ast';

/** The traceback Python prints for an uncaught exception. */
export function traceback(e: PyException, file: string, lines: string[]): string {
  const code = (lines[e.line - 1] ?? '').trim();
  let caret = '';
  const name = e.type === 'NameError' ? /^name '(\w+)'/.exec(e.detail)?.[1] : undefined;
  if (name && code !== name) {
    const at = new RegExp(`\\b${name}\\b`).exec(code)?.index;
    if (at !== undefined) caret = `    ${' '.repeat(at)}${'^'.repeat(name.length)}\n`;
  }
  // Python 3.12 cannot show the source of `-c` or stdin code (`<string>`, `<stdin>`) in a traceback.
  const source = file.startsWith('<') ? '' : `    ${code}\n${caret}`;
  const where = e.line ? `  File "${file}", line ${e.line}, in <module>\n${source}` : '';
  if (e.type === 'SyntaxError' || e.type === 'IndentationError') {
    return `  File "${file}", line ${e.line}\n    ${(lines[e.line - 1] ?? '').trim()}\n${e.type}: ${e.detail}\n`;
  }
  return `Traceback (most recent call last):\n${where}${e.type}${e.detail ? `: ${e.detail}` : ''}\n`;
}

/** Runs a whole script as `python file` would. Throws Unsupported when it cannot tell. */
export function runPython(src: string, opts: PyRunOptions): PyOutcome {
  const lines = src.split('\n');
  let body: Stmt[];
  const interp = new Interpreter(opts);
  try {
    body = parsePython(src);
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
    } else if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
      throw new Unsupported('statement outside function or loop');
    } else throw e;
  }
  return { output: interp.output, exitCode, ms: interp.elapsed, globals: interp.globals.vars };
}

