// A real terminal emulator (xterm's headless build) wired to a session through the terminal
// driver, with timers we step by hand: what these tests read is what a learner would see.
import { Terminal } from '@xterm/headless';
import { createClock, createSession, createTerminal, type ClockOwner, type Session, type TerminalDriver } from '../../../simulators';

import { FakeTimers } from './fake-timers';

export { FakeTimers };

export interface Screen {
  session: Session;
  driver: TerminalDriver;
  timers: FakeTimers;
  /** The session's clock owner (play, pause, rate, step), as the time controls would hold it. */
  clock: ClockOwner;
  term: Terminal;
  /** Sends keys as xterm's onData would. */
  keys(data: string): Promise<void>;
  /** The visible screen, one string per row, trailing blanks trimmed, blank rows at the end dropped. */
  lines(): Promise<string[]>;
  text(): Promise<string>;
  cursor(): Promise<{ x: number; y: number }>;
  raw: string[];
}

export async function openScreen(options: { cols?: number; rows?: number; scenario?: string; banner?: string } = {}): Promise<Screen> {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
  const session = createSession({ scenario: options.scenario });
  const timers = new FakeTimers();
  const clock = createClock(session, timers.api);
  const raw: string[] = [];
  let pending = Promise.resolve();
  const driver = createTerminal(
    session,
    {
      write: (data) => {
        raw.push(data);
        pending = pending.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
      },
      cols: () => term.cols,
      rows: () => term.rows,
    },
    timers.api,
    { banner: options.banner, clock },
  );
  const flush = async () => {
    await pending;
  };
  const lines = async () => {
    await flush();
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buffer.length; i++) out.push((buffer.getLine(i)?.translateToString(true) ?? '').trimEnd());
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  };
  return {
    session,
    driver,
    timers,
    clock,
    term,
    raw,
    keys: async (data) => {
      driver.input(data);
      await flush();
    },
    lines,
    text: async () => (await lines()).join('\n'),
    cursor: async () => {
      await flush();
      return { x: term.buffer.active.cursorX, y: term.buffer.active.cursorY + term.buffer.active.viewportY - term.buffer.active.baseY + term.buffer.active.baseY };
    },
  };
}
