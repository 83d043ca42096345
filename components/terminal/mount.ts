// Loaded only when a terminal is first shown: xterm.js, its addons and the simulator. One mounted
// terminal is one machine: it is restored from the browser's storage, saved back as it changes, and,
// for an exercise, its checks are evaluated after every change and ticked in the learner's progress.
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SerializeAddon } from '@xterm/addon-serialize';
import '@xterm/xterm/css/xterm.css';
import { createSession, createTerminal, evaluate, SnapshotError } from '@/simulators';
import { exerciseById } from '@/content/exercises';
import { progressStore } from '@/components/progress/store';
import { MACHINE_VERSION } from '@/components/progress/schema';
import type { TerminalHandle } from '@/components/workbench/bench-store';
import { TERMINAL_THEME } from './theme';

export interface MountedTerminal extends TerminalHandle {
  dispose(): void;
}

const BANNER = '\x1b[2mBerth: a simulated Linux machine in your browser. Type `help` to see what it understands.\x1b[0m\n';
const RESTORED = '\x1b[2m(Your machine as you left it. Reset starts it afresh.)\x1b[0m\n';
/** Lines of scrollback kept with a saved machine. */
const KEPT_LINES = 1000;
/** Quiet time after a change before the machine is saved. */
const SAVE_DELAY_MS = 800;

export interface MountOptions {
  /** Where its machine is kept: `lesson:<slug>:<scenario>` or `exercise:<id>`. */
  storageKey: string;
  scenario: string;
  title: string;
  /** An exercise whose checks are evaluated whenever the machine changes. */
  exerciseId?: string;
  /** Keys the learner typed while the terminal was loading. */
  typedAhead?: string;
}

export function mountTerminal(host: HTMLElement, options: MountOptions): MountedTerminal {
  const progress = progressStore();
  const term = new XTerm({
    screenReaderMode: true,
    cursorBlink: true,
    fontFamily: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    fontSize: 13,
    lineHeight: 1.2,
    scrollback: 3000,
    theme: TERMINAL_THEME,
  });
  const fit = new FitAddon();
  const serializer = new SerializeAddon();
  term.loadAddon(fit);
  term.loadAddon(serializer);
  term.open(host);
  fit.fit();
  term.textarea?.setAttribute('aria-label', `${options.title}: type a command and press Enter`);

  const session = createSession({ scenario: options.scenario });
  const saved = progress.readMachine(options.storageKey);
  let restored = false;
  if (saved) {
    try {
      session.load(saved.world);
      term.write(saved.screen);
      term.write(`\r\n${RESTORED}`);
      restored = true;
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      progress.removeMachine(options.storageKey);
      progress.notify(`The saved machine of "${options.title}" could not be read, so it starts afresh.`);
    }
  }

  let lineDone: (() => void) | undefined;
  const driver = createTerminal(
    session,
    { write: (data) => term.write(data), cols: () => term.cols, rows: () => term.rows },
    {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
      now: () => performance.now(),
    },
    { banner: restored ? undefined : BANNER, onLineDone: () => lineDone?.() },
  );
  const data = term.onData((keys) => driver.input(keys));
  if (options.typedAhead) driver.input(options.typedAhead);

  // Tab completes commands, so the terminal keeps it; Esc then Tab hands focus back to the page,
  // so keyboard users are never trapped.
  let escaped = false;
  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown') return true;
    if (event.key === 'Tab' && escaped) {
      escaped = false;
      return false;
    }
    escaped = event.key === 'Escape';
    return true;
  });

  registerForTests(host, term);

  // Saving: the world as session.save() writes it, and the scrollback up to the line before the
  // cursor (the prompt is drawn afresh on restore). While a full-screen program (nano) owns the
  // screen, the scrollback saved last stays.
  let screen = saved && restored ? saved.screen : '';
  let saveTimer: number | undefined;
  const save = () => {
    window.clearTimeout(saveTimer);
    saveTimer = undefined;
    const buffer = term.buffer.active;
    if (buffer.type === 'normal') {
      const end = buffer.baseY + buffer.cursorY - 1;
      screen = end >= 0 ? serializer.serialize({ range: { start: Math.max(0, end - KEPT_LINES + 1), end }, excludeModes: true, excludeAltBuffer: true }) : '';
    }
    progress.saveMachine(options.storageKey, { version: MACHINE_VERSION, world: session.save(), screen, savedAt: Date.now() });
  };
  const saveSoon = () => {
    window.clearTimeout(saveTimer);
    if (!forgotten) saveTimer = window.setTimeout(save, SAVE_DELAY_MS);
  };
  let forgotten = false;
  const saveNow = () => {
    if (saveTimer !== undefined && !forgotten) save();
  };
  const unsubscribeSave = session.store.subscribe(saveSoon);
  // A line that changes nothing in the world (echo) still changes the screen and the history.
  const lineListeners: (() => void)[] = [saveSoon];
  lineDone = () => lineListeners.forEach((listener) => listener());
  const onHide = () => document.visibilityState === 'hidden' && saveNow();
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', saveNow);

  // Checks run against the world after each change, at most once a frame; they read the world and
  // the record of commands, never the terminal's text.
  let unsubscribeChecks = () => {};
  const exercise = options.exerciseId ? exerciseById(options.exerciseId) : undefined;
  if (exercise) {
    let queued = false;
    const check = () => {
      queued = false;
      const passed = evaluate(exercise.checks, session).filter((r) => r.passed).map((r) => r.id);
      if (passed.length) progress.tick(exercise.id, passed);
    };
    unsubscribeChecks = session.store.subscribe(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(check);
    });
    check();
  }

  const resize = new ResizeObserver(() => {
    // A hidden terminal has no size; it fits again when shown.
    if (!host.clientWidth || !host.clientHeight) return;
    fit.fit();
    driver.resize();
  });
  resize.observe(host);

  // Run buttons: each line is typed once the one before has finished, as a learner would.
  const queue: string[] = [];
  const typeNext = () => {
    if (driver.busy() || !queue.length) return;
    driver.type(queue.shift()!);
  };
  lineListeners.push(() => window.setTimeout(typeNext, 0));

  return {
    run(text) {
      if (driver.busy() || queue.length) return 'busy';
      queue.push(...joinContinued(text));
      typeNext();
      term.focus();
      return 'started';
    },
    writeFile(path, content) {
      const result = session.writeFile(path, content);
      saveSoon();
      return result;
    },
    focus: () => term.focus(),
    forget() {
      forgotten = true;
      window.clearTimeout(saveTimer);
      saveTimer = undefined;
    },
    dispose: () => {
      saveNow();
      unsubscribeSave();
      unsubscribeChecks();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', saveNow);
      resize.disconnect();
      data.dispose();
      driver.dispose();
      term.dispose();
    },
  };
}

/**
 * A code block's lines as the shell reads them: a line ending in `\` or inside an open heredoc
 * goes on with the next, so each entry is one complete command line.
 */
export function joinContinued(text: string): string[] {
  const lines = text.replace(/\n+$/, '').split('\n');
  const out: string[] = [];
  let current: string[] = [];
  let heredoc: string | undefined;
  for (const line of lines) {
    current.push(line);
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
    } else {
      const opened = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/.exec(line);
      if (opened) heredoc = opened[1];
    }
    if (heredoc === undefined && !line.endsWith('\\')) {
      out.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length) out.push(current.join('\n'));
  return out;
}

/**
 * End-to-end tests read the terminal through its buffer, where a long line that wrapped on screen
 * is still one line. Only registered when a test asks for it before the page loads.
 */
function registerForTests(host: HTMLElement, term: XTerm) {
  const hook = (window as unknown as { __berthTerminals?: { host: HTMLElement; lines(): string[] }[] }).__berthTerminals;
  hook?.push({
    host,
    lines() {
      const buffer = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < buffer.length; i++) {
        const line = buffer.getLine(i);
        if (!line) continue;
        const text = line.translateToString(true);
        if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
        else lines.push(text);
      }
      return lines.map((l) => l.trimEnd());
    },
  });
}
