// The workbench of one page: the terminals its text introduces (a lesson's, each exercise's), which
// one is in view beside the text, and what is waiting for a terminal that has not loaded yet (a Run
// pressed before it appeared). Pure state; the React parts read it through bench-context.tsx.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface BenchTerminal {
  /** Also its storage key: `lesson:<slug>:<scenario>` or `exercise:<id>`. */
  key: string;
  title: string;
  /** Its name on the panel's tabs, when the page has more than one terminal. */
  tab: string;
  scenario: string;
  exerciseId?: string;
}

/** What a loaded terminal offers the page. */
export interface TerminalHandle {
  /** Types lines into the terminal, one after the other, each once the one before has finished. */
  run(text: string): 'started' | 'busy';
  writeFile(path: string, content: string): { ok: true; path: string } | { ok: false; path: string; error: string };
  focus(): void;
  /** Stops saving: the machine is about to be thrown away (Reset). */
  forget(): void;
}

export type Pending = (handle: TerminalHandle) => void;

export interface BenchState {
  terminals: BenchTerminal[];
  active?: string;
  /** Keys shown at least once: their terminals stay mounted (hidden when not active) to keep state. */
  shown: string[];
  /** Full screen on a wide screen; open over the page on a narrow one. */
  expanded: boolean;
  /** Bumped by Reset: the terminal remounts on a fresh machine. */
  generation: Record<string, number>;
}

export interface Bench extends StoreApi<BenchState> {
  register(terminal: BenchTerminal): () => void;
  activate(key: string): void;
  setExpanded(expanded: boolean): void;
  /** Runs `action` on the terminal as soon as it is loaded (at once if it is). */
  withTerminal(key: string, action: Pending): void;
  attach(key: string, handle: TerminalHandle): () => void;
  reset(key: string): void;
}

export function createBench(): Bench {
  const store = createStore<BenchState>(() => ({ terminals: [], shown: [], expanded: false, generation: {} }));
  const handles = new Map<string, TerminalHandle>();
  const pending = new Map<string, Pending[]>();

  const activate = (key: string) =>
    store.setState((s) => (s.active === key && s.shown.includes(key) ? s : { active: key, shown: s.shown.includes(key) ? s.shown : [...s.shown, key] }));

  return {
    ...store,
    register(terminal) {
      store.setState((s) => {
        if (s.terminals.some((t) => t.key === terminal.key)) return s;
        const terminals = [...s.terminals, terminal];
        return s.active ? { terminals } : { terminals, active: terminal.key, shown: [...s.shown, terminal.key] };
      });
      return () => {
        store.setState((s) => {
          const terminals = s.terminals.filter((t) => t.key !== terminal.key);
          const active = s.active === terminal.key ? terminals[0]?.key : s.active;
          return { terminals, active, shown: s.shown.filter((k) => k !== terminal.key) };
        });
      };
    },
    activate,
    setExpanded(expanded) {
      store.setState({ expanded });
    },
    withTerminal(key, action) {
      activate(key);
      const handle = handles.get(key);
      if (handle) return action(handle);
      pending.set(key, [...(pending.get(key) ?? []), action]);
    },
    attach(key, handle) {
      handles.set(key, handle);
      const waiting = pending.get(key) ?? [];
      pending.delete(key);
      for (const action of waiting) action(handle);
      return () => {
        if (handles.get(key) === handle) handles.delete(key);
      };
    },
    reset(key) {
      handles.get(key)?.forget();
      handles.delete(key);
      store.setState((s) => ({ generation: { ...s.generation, [key]: (s.generation[key] ?? 0) + 1 } }));
    },
  };
}
