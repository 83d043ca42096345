// Ties a session to a terminal screen: draws the prompt and the line being edited, runs a line
// when Enter completes it, steps the running line in real time (simulated waits become timers),
// passes keys to programs that read them, and turns Ctrl-C into an interrupt. It only talks to a
// tiny TerminalIO (write, size), so it runs the same under xterm.js and in a unit test.
import { ansi } from '../core/output/ansi';
import { columns } from '../core/output/columns';
import type { Session } from '../session';
import type { NestedShell, Pending, ShellProcess, Step } from '../core/process';
import { splitKeys, type Key } from './keys';
import { createClockOwner, type ClockOwner, type RealTimers } from '../core/clock-owner';
import * as edit from './line-editor';
import { columnAfter, startOfRow } from './output-column';

/** xterm's way back from the alternate screen to the normal one (with the cursor it saved). */
const LEAVE_ALTERNATE = '\x1b[?1049l';

export interface TerminalIO {
  write(data: string): void;
  cols(): number;
  rows(): number;
}

/** The browser's timers, injected so the simulator never reads the wall clock itself. */
export type Timers = RealTimers;

export interface TerminalDriver {
  /** Data from the terminal (keys, pastes). */
  input(data: string): void;
  /** Types a command and presses Enter (a lesson's "run" button). */
  type(command: string): void;
  /** Redraws after the terminal changed size. */
  resize(): void;
  /** Whether a command is running. */
  busy(): boolean;
  dispose(): void;
}

export interface DriverOptions {
  /** Printed once before the first prompt. */
  banner?: string;
  /** Called after each line finishes, with its exit code. */
  onLineDone?(line: string, exitCode: number): void;
  /**
   * The session's clock owner, shared with the pictures and the time controls. Without one the
   * driver makes its own, playing at real time.
   */
  clock?: ClockOwner;
}

/** A clock owner for a session: what the time controls and the terminal share. */
export function createClock(session: Session, timers: Timers): ClockOwner {
  return createClockOwner({ now: () => session.store.getState().clock.now, advance: (ms) => session.advance(ms), nextEventAt: () => session.nextEventAt() }, timers);
}

/** Typeahead kept while a command runs; a bigger paste is cut rather than frozen on. */
const MAX_QUEUE = 1_100_000;

const toScreen = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** The laptop's shell seen as a NestedShell, so the driver handles every shell the same way. */
function sessionShell(session: Session): NestedShell {
  return {
    prompt() {
      const p = session.prompt();
      const plain = `${p.user}@${p.host}:${p.dir}${p.symbol} `;
      // Ubuntu's default coloured PS1: green user@host, blue directory.
      return { text: `\x1b[01;32m${p.user}@${p.host}\x1b[00m:\x1b[01;34m${p.dir}\x1b[00m${p.symbol} `, width: [...plain].length };
    },
    check: (line) => session.check(line),
    start: (line, options) => session.start(line, options),
    complete: (line, cursor) => session.complete(line, cursor),
    history: () => session.store.getState().shell.history,
    suspend: (proc, pending, options) => session.suspend(proc, pending, options),
    notices: () => session.notices(),
  };
}

export function createTerminalDriver(session: Session, io: TerminalIO, timers: Timers, options: DriverOptions = {}): TerminalDriver {
  /** The shells typed into, innermost last: the laptop's, then a container's while `docker run -it` lasts. */
  const shells: { shell: NestedShell; waiting?: { proc: ShellProcess; line: string } }[] = [{ shell: sessionShell(session) }];
  const top = () => shells[shells.length - 1].shell;
  const history = () => top().history();
  let line = edit.emptyLine(history().length);
  let continuation: string[] = [];
  let proc: ShellProcess | null = null;
  let running = '';
  let queue = '';
  let reading: 'raw' | 'cooked' | null = null;
  const clock = options.clock ?? createClock(session, timers);
  const ownClock = !options.clock;
  /** What ends the current wait: cancels its wake-up and its watch on the world. */
  let waiting: (() => void) | null = null;
  /** What the running line waits for, should Ctrl-Z set it aside. */
  let pending: Pending | null = null;
  let lastWasTab = false;
  /** Rows between the prompt's first row and the cursor, as last drawn. */
  let cursorRow = 0;
  /** Where commands' output left the cursor: the next fresh prompt starts after an unfinished line. */
  let output = startOfRow;
  /** The column the prompt starts at on its first row: after that unfinished line, else 0. */
  let promptCol = 0;
  let disposed = false;

  const promptParts = () => {
    if (!continuation.length) {
      const prompt = top().prompt();
      return { ...prompt, width: promptCol + prompt.width };
    }
    const text = top().continuation ?? '> ';
    return { text, width: [...text].length };
  };

  /** Where the cursor and the end of the line fall, in rows and columns from the prompt's start. */
  const layout = (promptWidth: number) => {
    const cols = Math.max(1, io.cols());
    let row = Math.floor(promptWidth / cols);
    let col = promptWidth % cols;
    let cursor = { row, col };
    const text = line.text;
    for (let i = 0; i < text.length; i++) {
      if (i === line.cursor) cursor = { row, col };
      if (text[i] === '\n') {
        row++;
        col = 2;
        continue;
      }
      col++;
      if (col >= cols) {
        row++;
        col = 0;
      }
    }
    if (line.cursor >= text.length) cursor = { row, col };
    return { cursor, end: { row, col } };
  };

  /** Redraws the prompt and line in place, from the prompt's first row. */
  const render = () => {
    const prompt = promptParts();
    const { cursor, end } = layout(prompt.width);
    const start = continuation.length ? 0 : promptCol;
    let out = `${ansi.up(cursorRow)}\r${ansi.right(start)}${ansi.clearToEnd}${prompt.text}${line.text.replace(/\n/g, '\r\n> ')}`;
    // At the exact end of a row the terminal waits to wrap; step onto the next row so our count holds.
    if (end.col === 0 && end.row > 0 && !line.text.endsWith('\n')) out += '\r\n';
    out += ansi.up(end.row - cursor.row) + '\r' + ansi.right(cursor.col);
    cursorRow = cursor.row;
    io.write(out);
  };

  const freshPrompt = () => {
    // Jobs that ended or stopped are reported just before the prompt, as bash does.
    const notices = top().notices?.();
    if (notices) {
      // A Stopped notice begins with its own newline (ending the row Ctrl-Z's ^Z is on).
      if (output.col > 0 && !notices.startsWith('\n')) io.write('\r\n');
      io.write(toScreen(notices));
      output = startOfRow;
    }
    line = edit.emptyLine(history().length);
    cursorRow = 0;
    // The prompt follows output that did not end its line, as bash's does; a row filled exactly
    // leaves the terminal waiting to wrap, so the prompt starts on the next row.
    const cols = Math.max(1, io.cols());
    promptCol = output.col % cols;
    if (output.col > 0 && promptCol === 0) io.write('\r\n');
    output = startOfRow;
    render();
  };

  /** Moves below the edited line so output starts on a clean row. */
  const leaveLine = () => {
    const { end } = layout(promptParts().width);
    io.write(ansi.down(end.row - cursorRow) + '\r\n');
    cursorRow = 0;
    promptCol = 0;
  };

  const finishLine = (code: number, exitShell = false) => {
    const ran = running;
    proc = null;
    pending = null;
    running = '';
    reading = null;
    options.onLineDone?.(ran, code);
    if (exitShell && shells.length > 1) {
      clock.sync();
      return leaveShell(code);
    }
    freshPrompt();
    // Jobs the line started take their first step once the prompt is drawn, as on a real terminal
    // (what they print lands at the prompt), and wake on their own time from now on.
    clock.sync();
    if (queue) {
      const pending = queue;
      queue = '';
      feedKeys(pending);
    }
  };

  /** A container's shell ended: back to the command that opened it, which now finishes. */
  const leaveShell = (code: number) => {
    const { shell, waiting } = shells.pop()!;
    shell.close?.();
    if (!waiting) return freshPrompt();
    proc = waiting.proc;
    running = waiting.line;
    handle(proc.resume(String(code)));
  };

  const handle = (step: Step) => {
    if (disposed || !proc) return;
    if (step.kind === 'exit') return finishLine(step.code, step.exitShell);
    if (step.kind === 'shell') {
      shells.push({ shell: step.shell, waiting: { proc, line: running } });
      proc = null;
      running = '';
      reading = null;
      freshPrompt();
      if (queue) {
        const pending = queue;
        queue = '';
        feedKeys(pending);
      }
      return;
    }
    if (step.kind === 'read') {
      pending = { kind: 'read', raw: step.raw };
      reading = step.raw ? 'raw' : 'cooked';
      if (queue) {
        const pending = queue;
        queue = '';
        deliver(pending);
      }
      return;
    }
    // A wait ends when simulated time reaches its end (the clock owner calls back; paused, it
    // waits), or for a stream with `ready`, as soon as a change to the world makes it ready.
    const ready = step.ready;
    const end = clock.state().now + step.ms;
    pending = { kind: 'wait', until: end, stream: step.stream, ready };
    const cancels: (() => void)[] = [];
    const done = () => {
      if (waiting !== stop) return;
      stop();
      if (proc) handle(proc.resume());
    };
    const stop = () => {
      cancels.forEach((c) => c());
      if (waiting === stop) waiting = null;
    };
    waiting = stop;
    if (ready) {
      // Resume outside the store's notification, never from inside the change that woke it.
      cancels.push(session.store.subscribe(() => {
        if (waiting === stop && ready()) timers.setTimeout(done, 0);
      }));
      if (ready()) return void timers.setTimeout(done, 0);
    }
    if (Number.isFinite(end)) cancels.push(clock.at(end, done));
  };

  const startLine = (text: string) => {
    // Keep "Up 2 minutes" honest: the minutes a learner spends reading pass in the machine too.
    clock.sync();
    running = text;
    proc = top().start(text, {
      write: (raw) => {
        const t = onScreen(raw);
        output = columnAfter(output, t);
        io.write(toScreen(t));
      },
      cols: io.cols(),
      rows: io.rows(),
      live: true,
    });
    handle(proc.resume());
  };

  const interrupt = () => {
    if (!proc) return;
    if (waiting) {
      waiting();
      clock.sync();
    }
    reading = null;
    queue = '';
    io.write('^C\r\n');
    // A full-screen program still has its screen until it leaves it, as it now will.
    output = output.alternate ? { ...startOfRow, alternate: true } : startOfRow;
    handle(proc.interrupt());
  };

  /**
   * A program that leaves the alternate screen when it is not on (watch ended after Ctrl-Z gave
   * its screen back) changes nothing, as curses' second endwin does: the cursor stays put.
   */
  const onScreen = (text: string) => (output.alternate || !text.includes(LEAVE_ALTERNATE) ? text : text.split(LEAVE_ALTERNATE).join(''));

  /** Ctrl-Z: the running line stops and becomes a job, and the prompt comes back (where the shell has job control). */
  const suspend = () => {
    const shell = top();
    if (!proc || !pending || !shell.suspend) return;
    if (waiting) waiting();
    clock.sync();
    const what = pending;
    const screen = Boolean(output.alternate);
    const code = shell.suspend(proc, what, { screen });
    if (code === undefined) {
      // No job control here: the line carries on with what it was waiting for.
      if (what.kind === 'wait') handle({ kind: 'wait', ms: Math.max(0, what.until - clock.state().now), stream: what.stream, ready: what.ready });
      return;
    }
    queue = '';
    // A full-screen program (watch) gives the screen back as it stops, as curses does on SIGTSTP.
    if (output.alternate) {
      io.write(LEAVE_ALTERNATE);
      output = columnAfter(output, LEAVE_ALTERNATE);
    }
    // The terminal echoes ^Z where the cursor is; bash's Stopped notice ends that row.
    io.write('^Z');
    output = columnAfter(output, '^Z');
    finishLine(code);
  };

  /** Keys for the running program (it asked to read), or the typeahead queue. */
  const deliver = (data: string) => {
    if (!proc) return feedKeys(data);
    if (reading === 'raw') {
      reading = null;
      return handle(proc.resume(data));
    }
    const ctrlC = data.indexOf('\x03');
    if (ctrlC !== -1) return interrupt();
    if (data.includes('\x1a')) return suspend();
    if (reading === 'cooked') {
      reading = null;
      return handle(proc.resume(data));
    }
    if (queue.length + data.length <= MAX_QUEUE) queue += data;
  };

  const listCandidates = (candidates: string[]) => {
    leaveLine();
    const widths = candidates.map((c) => [...c].length);
    io.write(toScreen(columns(candidates, widths, io.cols())));
    render();
  };

  const onEnter = () => {
    leaveLine();
    const full = [...continuation, line.text].join('\n');
    const status = top().check(full);
    if (status === 'incomplete') {
      continuation.push(line.text);
      line = edit.emptyLine(history().length);
      render();
      return;
    }
    continuation = [];
    if (!full.trim()) {
      freshPrompt();
      return;
    }
    startLine(full);
  };

  const onKey = (key: Key) => {
    const wasTab = lastWasTab;
    lastWasTab = false;
    switch (key.kind) {
      case 'text':
        line = edit.insert(line, key.text);
        return true;
      case 'enter':
        onEnter();
        return false;
      case 'backspace':
        line = edit.backspace(line);
        return true;
      case 'tab': {
        const result = top().complete(line.text, line.cursor);
        if (result.insert) {
          line = edit.insert(line, result.insert);
          return true;
        }
        if (result.candidates.length > 1 && wasTab) listCandidates(result.candidates);
        else io.write('\x07');
        lastWasTab = true;
        return false;
      }
      case 'named':
        switch (key.name) {
          case 'left':
            line = edit.moveTo(line, line.cursor - 1);
            break;
          case 'right':
            line = edit.moveTo(line, line.cursor + 1);
            break;
          case 'home':
            line = edit.moveTo(line, 0);
            break;
          case 'end':
            line = edit.moveTo(line, line.text.length);
            break;
          case 'delete':
            line = edit.deleteForward(line);
            break;
          case 'up':
            line = edit.historyPrev(line, history());
            break;
          case 'down':
            line = edit.historyNext(line, history());
            break;
          case 'wordLeft':
            line = edit.wordLeft(line);
            break;
          case 'wordRight':
            line = edit.wordRight(line);
            break;
          default:
            return false;
        }
        return true;
      case 'control':
        switch (key.char) {
          case 'a':
            line = edit.moveTo(line, 0);
            return true;
          case 'e':
            line = edit.moveTo(line, line.text.length);
            return true;
          case 'b':
            line = edit.moveTo(line, line.cursor - 1);
            return true;
          case 'f':
            line = edit.moveTo(line, line.cursor + 1);
            return true;
          case 'u':
            line = edit.killToStart(line);
            return true;
          case 'k':
            line = edit.killToEnd(line);
            return true;
          case 'w':
            line = edit.killWordBefore(line);
            return true;
          case 'y':
            line = edit.yank(line);
            return true;
          case 'p':
            line = edit.historyPrev(line, history());
            return true;
          case 'n':
            line = edit.historyNext(line, history());
            return true;
          case 'd':
            if (line.text === '' && shells.length > 1 && !continuation.length) {
              // Ctrl-D on an empty line ends a container's shell, as it ends bash.
              io.write(`${top().eofText ?? 'exit'}\r\n`);
              cursorRow = 0;
              leaveShell(0);
              return false;
            }
            if (line.text === '') {
              io.write('\x07');
              return false;
            }
            line = edit.deleteForward(line);
            return true;
          case 'c': {
            const { end } = layout(promptParts().width);
            io.write(`${ansi.down(end.row - cursorRow)}^C\r\n`);
            cursorRow = 0;
            continuation = [];
            freshPrompt();
            return false;
          }
          case 'l':
            io.write(ansi.clearScreen);
            cursorRow = 0;
            promptCol = 0;
            return true;
          default:
            return false;
        }
      default:
        return false;
    }
  };

  /** Handles keys at the prompt; once a line starts running, the rest becomes typeahead. */
  function feedKeys(data: string) {
    const keys = splitKeys(data);
    let dirty = false;
    for (let i = 0; i < keys.length; i++) {
      if (proc) {
        deliver(keys.slice(i).map((k) => k.raw).join(''));
        return;
      }
      // Draw what was typed before a key that writes on its own (Enter, Tab, Ctrl-C).
      if (keys[i].kind !== 'text' && dirty) {
        render();
        dirty = false;
      }
      if (onKey(keys[i])) dirty = true;
    }
    if (dirty && !proc) render();
  }

  /**
   * A job prints while the prompt shows: its text goes above, and the prompt with what was being
   * typed is drawn again below it, so the line being edited is never garbled.
   */
  const printAtPrompt = (raw: string) => {
    if (disposed) return;
    const text = onScreen(raw);
    if (proc) {
      output = columnAfter(output, text);
      io.write(toScreen(text));
      return;
    }
    io.write(`${ansi.up(cursorRow)}\r${ansi.right(promptCol)}${ansi.clearToEnd}`);
    cursorRow = 0;
    const after = columnAfter({ col: promptCol, saved: 0 }, text);
    io.write(toScreen(text));
    const cols = Math.max(1, io.cols());
    promptCol = after.col % cols;
    if (after.col > 0 && promptCol === 0) io.write('\r\n');
    render();
  };
  session.attach(printAtPrompt);

  if (options.banner) {
    output = columnAfter(startOfRow, options.banner);
    io.write(toScreen(options.banner));
  }
  freshPrompt();

  return {
    input(data) {
      if (disposed) return;
      try {
        if (proc) deliver(data);
        else feedKeys(data);
      } catch (e) {
        // Whatever broke, the learner gets one clear line and a working prompt back.
        io.write(`\r\nberth: terminal error: ${e instanceof Error ? e.message : String(e)}\r\n`);
        proc = null;
        queue = '';
        continuation = [];
        freshPrompt();
      }
    },
    type(command) {
      const data = command.replace(/\n/g, '\r') + '\r';
      if (proc) deliver(data);
      else {
        line = edit.emptyLine(history().length);
        render();
        feedKeys(data);
      }
    },
    resize() {
      if (!proc) render();
    },
    busy: () => proc !== null,
    dispose() {
      disposed = true;
      session.attach(null);
      waiting?.();
      if (ownClock) clock.dispose();
    },
  };
}
