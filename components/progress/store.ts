// The learner's progress in this browser: checks the machine proved, quiz answers, and each
// terminal's machine, kept in localStorage and read back through the schemas. React reads it with
// useProgress (use-progress.ts); the terminal writes ticks and machines here.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  ExportFile,
  MACHINE_PREFIX,
  MachineKey,
  Progress,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  SavedMachine,
  type ExerciseProgress,
} from './schema';
import { emptyProgress } from './schema-shapes';
import { browserStorage, keysWithPrefix, memoryStorage, readEntry, remove, writeEntry, type KeyValueStorage } from './storage';

export interface Notice {
  id: number;
  text: string;
}

export interface ProgressState {
  progress: Progress;
  notices: Notice[];
}

export type ImportResult = { ok: true; exercises: number; machines: number } | { ok: false; error: string };

export interface ProgressStore extends StoreApi<ProgressState> {
  /** Marks checks as proved; a proved check stays proved (the step was done). */
  tick(exerciseId: string, checkIds: readonly string[]): void;
  answer(exerciseId: string, quizId: string, index: number): void;
  /** Forgets an exercise's ticks, answers and machine. */
  resetExercise(exerciseId: string): void;
  readMachine(key: string): SavedMachine | undefined;
  saveMachine(key: string, machine: SavedMachine): void;
  removeMachine(key: string): void;
  exportFile(now: Date): ExportFile;
  /** Adds a file's (or link's) progress and machines to this browser's, after validating them. */
  importText(text: string): ImportResult;
  notify(text: string): void;
  dismiss(id: number): void;
}

const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export function createProgressStore(given: KeyValueStorage | undefined): ProgressStore {
  const storage = given ?? memoryStorage();
  let nextNotice = 1;
  const said = new Set<string>();
  const store = createStore<ProgressState>(() => ({ progress: emptyProgress(), notices: [] }));

  const notify = (text: string) => {
    // The same trouble is told once per page, not on every keystroke that meets it.
    if (said.has(text)) return;
    said.add(text);
    store.setState((s) => ({ notices: [...s.notices, { id: nextNotice++, text }] }));
  };
  if (!given) notify('This browser does not let Berth keep anything, so your progress lasts only until you close the page.');

  store.setState({ progress: readEntry(storage, PROGRESS_KEY, Progress, notify, 'Your progress') ?? emptyProgress() });

  const persist = (progress: Progress) => {
    store.setState({ progress });
    const result = writeEntry(storage, PROGRESS_KEY, progress);
    if (result === 'full') notify("Your browser's storage for this site is full, so new progress is kept only until you close the page. Exporting your progress keeps a copy.");
    if (result === 'refused') notify('This browser refused to keep your progress; it lasts only until you close the page.');
  };

  const change = (exerciseId: string, edit: (before: ExerciseProgress) => ExerciseProgress) => {
    const { progress } = store.getState();
    const before = own(progress.exercises, exerciseId) ?? { checks: [], quizzes: {} };
    const after = edit(before);
    if (after === before) return;
    persist({ ...progress, exercises: { ...progress.exercises, [exerciseId]: after } });
  };

  const machines = () =>
    keysWithPrefix(storage, MACHINE_PREFIX)
      .map((key) => ({ key, savedAt: peekSavedAt(storage, key) }))
      .sort((a, b) => a.savedAt - b.savedAt);

  const saveMachine = (key: string, machine: SavedMachine): void => {
    const full = MACHINE_PREFIX + key;
    for (;;) {
      const result = writeEntry(storage, full, machine);
      if (result === 'ok') return;
      if (result === 'refused') return notify("This browser refused to keep this terminal's machine; it lasts only until you close the page.");
      // Full: the machine saved longest ago makes room, as a cache would.
      const oldest = machines().find((m) => m.key !== full);
      if (!oldest) return notify("Your browser's storage for this site is full, so this terminal's machine is kept only until you close the page.");
      remove(storage, oldest.key);
      notify(`Your browser's storage for this site was full, so Berth forgot the oldest saved terminal (${oldest.key.slice(MACHINE_PREFIX.length)}) to keep this one.`);
    }
  };

  return {
    ...store,
    tick(exerciseId, checkIds) {
      change(exerciseId, (before) => {
        const fresh = checkIds.filter((id) => !before.checks.includes(id));
        return fresh.length ? { ...before, checks: [...before.checks, ...fresh] } : before;
      });
    },
    answer(exerciseId, quizId, index) {
      change(exerciseId, (before) => (own(before.quizzes, quizId) === index ? before : { ...before, quizzes: { ...before.quizzes, [quizId]: index } }));
    },
    resetExercise(exerciseId) {
      const { progress } = store.getState();
      const exercises = { ...progress.exercises };
      delete exercises[exerciseId];
      persist({ ...progress, exercises });
      remove(storage, MACHINE_PREFIX + `exercise:${exerciseId}`);
    },
    readMachine(key) {
      return readEntry(storage, MACHINE_PREFIX + key, SavedMachine, notify, 'A terminal');
    },
    saveMachine,
    removeMachine(key) {
      remove(storage, MACHINE_PREFIX + key);
    },
    exportFile(now) {
      const saved: Record<string, SavedMachine> = {};
      for (const { key } of machines()) {
        const machine = readEntry(storage, key, SavedMachine, notify, 'A terminal');
        if (machine) saved[key.slice(MACHINE_PREFIX.length)] = machine;
      }
      return { berth: 'progress', version: PROGRESS_VERSION, exportedAt: now.toISOString(), progress: store.getState().progress, machines: saved };
    },
    importText(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return { ok: false, error: 'This is not a Berth progress file: it is not JSON.' };
      }
      const parsed = ExportFile.safeParse(value);
      if (!parsed.success) {
        const version = (value as { version?: unknown } | null)?.version;
        return {
          ok: false,
          error:
            (value as { berth?: unknown } | null)?.berth === 'progress' && version !== PROGRESS_VERSION
              ? `This progress file comes from another version of Berth (version ${String(version).slice(0, 20)}); this one reads version ${PROGRESS_VERSION}.`
              : 'This is not a Berth progress file, or it was damaged: nothing was imported.',
        };
      }
      const { progress, machines: incoming = {} } = parsed.data;
      const mine = store.getState().progress;
      const exercises = { ...mine.exercises };
      for (const [id, theirs] of Object.entries(progress.exercises)) {
        const ours = own(exercises, id) ?? { checks: [], quizzes: {} };
        exercises[id] = { checks: [...ours.checks, ...theirs.checks.filter((c) => !ours.checks.includes(c))], quizzes: { ...ours.quizzes, ...theirs.quizzes } };
      }
      persist({ ...mine, exercises });
      let count = 0;
      for (const [key, machine] of Object.entries(incoming)) {
        if (!MachineKey.safeParse(key).success) continue;
        saveMachine(key, machine);
        count++;
      }
      return { ok: true, exercises: Object.keys(progress.exercises).length, machines: count };
    },
    notify,
    dismiss(id) {
      store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
}

function peekSavedAt(storage: KeyValueStorage, key: string): number {
  try {
    const match = /"savedAt":(\d+)/.exec(storage.getItem(key) ?? '');
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

let shared: ProgressStore | undefined;

/** This browser's progress, one store per page; other tabs' changes arrive through `storage` events. */
export function progressStore(): ProgressStore {
  if (shared) return shared;
  shared = createProgressStore(browserStorage());
  const store = shared;
  window.addEventListener('storage', (event) => {
    if (event.key !== PROGRESS_KEY) return;
    const storage = browserStorage();
    if (!storage) return;
    const progress = readEntry(storage, PROGRESS_KEY, Progress, store.notify, 'Your progress');
    store.setState({ progress: progress ?? emptyProgress() });
  });
  return store;
}
