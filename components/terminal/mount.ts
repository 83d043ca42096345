// Loaded only when a terminal comes into view: xterm.js, its fit addon and the simulator.
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { createSession, createTerminal, evaluate } from '@/simulators';
import { exerciseById } from '@/content/exercises';
import { TERMINAL_THEME } from './theme';

export interface MountedTerminal {
  focus(): void;
  dispose(): void;
}

const BANNER = '\x1b[2mBerth: a simulated Linux machine in your browser. Type `help` to see what it understands.\x1b[0m\n';

export interface MountOptions {
  scenario: string;
  title: string;
  /** An exercise whose checks are evaluated whenever the machine changes. */
  exerciseId?: string;
  onChecks?(results: { id: string; passed: boolean }[]): void;
}

export function mountTerminal(host: HTMLElement, options: MountOptions): MountedTerminal {
  const term = new XTerm({
    screenReaderMode: true,
    cursorBlink: true,
    fontFamily: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    fontSize: 14,
    lineHeight: 1.2,
    scrollback: 3000,
    theme: TERMINAL_THEME,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  fit.fit();
  term.textarea?.setAttribute('aria-label', `${options.title}: type a command and press Enter`);

  const session = createSession({ scenario: options.scenario });
  const driver = createTerminal(
    session,
    { write: (data) => term.write(data), cols: () => term.cols, rows: () => term.rows },
    {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
      now: () => performance.now(),
    },
    { banner: BANNER },
  );
  const data = term.onData((keys) => driver.input(keys));

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

  // End-to-end tests read the terminal through its buffer, where a long line that wrapped on screen
  // is still one line. Only registered when a test asks for it before the page loads.
  const testHook = (window as unknown as { __berthTerminals?: { host: HTMLElement; lines(): string[] }[] }).__berthTerminals;
  testHook?.push({
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

  // Checks run against the world after each change, at most once a frame; they read the world and
  // the record of commands, never the terminal's text.
  let unsubscribe = () => {};
  if (options.exerciseId && options.onChecks) {
    const report = options.onChecks;
    const exercise = exerciseById(options.exerciseId);
    if (exercise) {
      let queued = false;
      const run = () => {
        queued = false;
        report(evaluate(exercise.checks, session));
      };
      unsubscribe = session.store.subscribe(() => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(run);
      });
      run();
    }
  }

  const resize = new ResizeObserver(() => {
    fit.fit();
    driver.resize();
  });
  resize.observe(host);

  return {
    focus: () => term.focus(),
    dispose: () => {
      unsubscribe();
      resize.disconnect();
      data.dispose();
      driver.dispose();
      term.dispose();
    },
  };
}
