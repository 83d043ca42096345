// Python's interactive prompt (`docker run -it python:3.12`, or `python` typed in a container's
// shell): `>>> ` and `... `, an expression's value echoed as its repr, tracebacks from `<stdin>`,
// and exit() or Ctrl-D to leave. It runs our small Python with its globals kept from one statement
// to the next.
import type { NestedShell } from '../../core/process';
import { finishedProcess } from '../../shell/process';
import { PyException, SysExit, Unsupported } from './errors';
import { Interpreter } from './interpreter';
import type { PyRunOptions } from './options';
import { keyboardInterrupt, parse, traceback } from './run';
import { WorkExhausted, workBudget } from '../../core/budget';

export type ReplOptions = Omit<PyRunOptions, 'file' | 'lenient'>;

/** Whether more lines are needed: an open bracket or string, a trailing `\`, or a block not yet ended by a blank line. */
export function needsMore(source: string): boolean {
  const lines = source.split('\n');
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (source.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      } else if (c === '\n' && quote.length === 1) quote = null;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  if (quote && quote.length === 3) return true;
  if (depth > 0) return true;
  if (lines[lines.length - 1].endsWith('\\')) return true;
  // A compound statement, even all on one line (`while True: pass`), ends only at a blank line.
  const first = lines[0].replace(/#.*$/, '').trim();
  const block = first.endsWith(':') || /^(if|for|while|def|class|with|try|async|@)\b/.test(first);
  return block && lines[lines.length - 1].trim() !== '';
}


export function pythonRepl(options: ReplOptions): NestedShell {
  const interp = new Interpreter({ ...options, file: '<stdin>' });
  const history: string[] = [];

  // The interpreter appends to its last chunk while time stands still: print and drop each chunk.
  const flush = (write: (text: string) => void) => {
    for (const chunk of interp.output.splice(0)) write(chunk.text);
  };

  return {
    continuation: '... ',
    eofText: '',
    prompt: () => ({ text: '>>> ', width: 4 }),
    check: (line) => (needsMore(line) ? 'incomplete' : 'complete'),
    complete: () => ({ insert: '', candidates: [] }),
    history: () => history,
    start(source, { write }) {
      if (source.trim()) history.push(source);
      const trimmed = source.trim();
      if (trimmed === 'exit' || trimmed === 'quit') {
        write(`Use ${trimmed}() or Ctrl-D (i.e. EOF) to exit\n`);
        return finishedProcess(0);
      }
      if (!trimmed) return finishedProcess(0);
      // Each statement gets its own budget: one that never ends is cut as Ctrl-C would cut it.
      interp.resetBudget(workBudget());
      try {
        const body = parse(source.replace(/\n+$/, ''));
        if (body.length === 1 && body[0].s === 'expr') {
          const statement = body[0];
          const value = interp.evaluate(statement.x, statement.line);
          flush(write);
          if (value !== null) write(`${interp.reprOf(value)}\n`);
        } else {
          interp.run(body);
          flush(write);
        }
        return finishedProcess(0);
      } catch (e) {
        flush(write);
        if (e instanceof SysExit) {
          if (e.text !== undefined) write(`${e.text}\n`);
          return finishedProcess(e.code, true);
        }
        if (e instanceof PyException) {
          write(traceback(e, '<stdin>', source.split('\n')));
          return finishedProcess(1);
        }
        if (e instanceof WorkExhausted) {
          write(`^C${keyboardInterrupt('<stdin>', interp.currentLine)}`);
          return finishedProcess(1);
        }
        if (e instanceof Unsupported) {
          write(`berth: this uses Python that is not simulated here (${e.message})\n`);
          return finishedProcess(1);
        }
        throw e;
      }
    },
  };
}
