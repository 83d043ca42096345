// Progress kept in the browser: what is written, what is read back, and what happens to entries
// that are damaged, foreign, hostile or too big for the storage.
import { describe, expect, it } from 'vitest';
import { createProgressStore } from '../../../components/progress/store';
import { memoryStorage } from '../../../components/progress/storage';
import { exerciseStatus } from '../../../components/progress/status';
import { MACHINE_PREFIX, PROGRESS_KEY, type SavedMachine } from '../../../components/progress/schema';

const machine = (savedAt: number, size = 10): SavedMachine => ({ version: 1, world: 'w'.repeat(size), screen: 's', savedAt });

describe('the progress store', () => {
  it('keeps ticks and answers, and reads them back on the next visit', () => {
    const storage = memoryStorage();
    const first = createProgressStore(storage);
    first.tick('run-nginx', ['running']);
    first.tick('run-nginx', ['running', 'served']);
    first.answer('run-nginx', 'why', 2);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!)).toEqual({ version: 1, exercises: { 'run-nginx': { checks: ['running', 'served'], quizzes: { why: 2 } } } });
    const again = createProgressStore(storage);
    expect(again.getState().progress.exercises['run-nginx']).toEqual({ checks: ['running', 'served'], quizzes: { why: 2 } });
    expect(again.getState().notices).toEqual([]);
  });

  it('a tick already made changes nothing (no write, no new state)', () => {
    const store = createProgressStore(memoryStorage());
    store.tick('a', ['x']);
    const before = store.getState().progress;
    store.tick('a', ['x']);
    expect(store.getState().progress).toBe(before);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', JSON.stringify({ version: 7, exercises: {} })],
    ['a huge answer index', JSON.stringify({ version: 1, exercises: { a: { checks: [], quizzes: { q: 1e9 } } } })],
    ['markup in an id', JSON.stringify({ version: 1, exercises: { '<img src=x onerror=alert(1)>': { checks: [], quizzes: {} } } })],
    ['null', 'null'],
  ])('an entry with %s is set aside with a notice, and the learner starts afresh', (_, text) => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEY, text);
    const store = createProgressStore(storage);
    expect(store.getState().progress).toEqual({ version: 1, exercises: {} });
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Your progress saved in this browser could not be read (it may come from another version of Berth), so it was set aside. You start afresh.',
    ]);
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
    expect(({} as Record<string, unknown>).checks).toBeUndefined();
  });

  it('an entry keyed __proto__ changes no prototype and gives no exercise', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEY, '{"version":1,"exercises":{"__proto__":{"checks":["x"],"quizzes":{}},"constructor":{"checks":["y"],"quizzes":{}}}}');
    const store = createProgressStore(storage);
    const { exercises } = store.getState().progress;
    expect(Object.getPrototypeOf(exercises)).toBe(Object.prototype);
    expect(Object.keys(exercises)).toEqual(['constructor']);
    expect(exerciseStatus(store.getState().progress, { id: 'toString', states: ['x'], quizzes: [] }).done).toBe(0);
    expect(({} as Record<string, unknown>).checks).toBeUndefined();
  });

  it('a browser that refuses storage keeps progress for the page and says so once', () => {
    const store = createProgressStore(undefined);
    store.tick('a', ['x']);
    expect(store.getState().progress.exercises.a.checks).toEqual(['x']);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['This browser does not let Berth keep anything, so your progress lasts only until you close the page.']);
  });

  it('a full storage keeps progress for the page and says so once', () => {
    const storage = memoryStorage(60);
    const store = createProgressStore(storage);
    store.tick('first-container', ['ran-hello-world', 'listed']);
    store.tick('first-container', ['third']);
    expect(store.getState().progress.exercises['first-container'].checks).toEqual(['ran-hello-world', 'listed', 'third']);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      "Your browser's storage for this site is full, so new progress is kept only until you close the page. Exporting your progress keeps a copy.",
    ]);
  });

  it('a machine that does not fit makes room by forgetting the oldest other machine, and says which', () => {
    const storage = memoryStorage(350);
    const store = createProgressStore(storage);
    store.saveMachine('lesson:a:laptop', machine(1, 60));
    store.saveMachine('exercise:b', machine(2, 60));
    store.saveMachine('exercise:c', machine(3, 100));
    expect([0, 1, 2].map((i) => storage.key(i))).toEqual([`${MACHINE_PREFIX}exercise:b`, `${MACHINE_PREFIX}exercise:c`, null]);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      "Your browser's storage for this site was full, so Berth forgot the oldest saved terminal (lesson:a:laptop) to keep this one.",
    ]);
    expect(store.readMachine('exercise:c')).toEqual(machine(3, 100));
  });

  it('a machine too big for the storage alone is kept for the page only, with a notice', () => {
    const store = createProgressStore(memoryStorage(100));
    store.saveMachine('exercise:b', machine(1, 500));
    expect(store.readMachine('exercise:b')).toBeUndefined();
    expect(store.getState().notices.map((n) => n.text)).toEqual(["Your browser's storage for this site is full, so this terminal's machine is kept only until you close the page."]);
  });

  it('a damaged machine is set aside with a notice', () => {
    const storage = memoryStorage();
    storage.setItem(`${MACHINE_PREFIX}exercise:b`, '{"version":1,"world":5}');
    const store = createProgressStore(storage);
    expect(store.readMachine('exercise:b')).toBeUndefined();
    expect(storage.getItem(`${MACHINE_PREFIX}exercise:b`)).toBeNull();
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'A terminal saved in this browser could not be read (it may come from another version of Berth), so it was set aside. You start afresh.',
    ]);
  });

  it('reset forgets an exercise and its machine, and nothing else', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.tick('a', ['x']);
    store.tick('b', ['y']);
    store.saveMachine('exercise:a', machine(1));
    store.saveMachine('exercise:b', machine(2));
    store.resetExercise('a');
    expect(store.getState().progress.exercises).toEqual({ b: { checks: ['y'], quizzes: {} } });
    expect(store.readMachine('exercise:a')).toBeUndefined();
    expect(store.readMachine('exercise:b')).toEqual(machine(2));
  });
});

describe('export and import', () => {
  it('a file exported in one browser restores progress and machines in another, merged with what is there', () => {
    const one = createProgressStore(memoryStorage());
    one.tick('run-nginx', ['running', 'served']);
    one.answer('first-container', 'lighter', 1);
    one.saveMachine('exercise:run-nginx', machine(5));
    const file = one.exportFile(new Date('2026-12-07T10:00:00Z'));
    expect(file).toEqual({
      berth: 'progress',
      version: 1,
      exportedAt: '2026-12-07T10:00:00.000Z',
      progress: { version: 1, exercises: { 'run-nginx': { checks: ['running', 'served'], quizzes: {} }, 'first-container': { checks: [], quizzes: { lighter: 1 } } } },
      machines: { 'exercise:run-nginx': machine(5) },
    });
    const two = createProgressStore(memoryStorage());
    two.tick('run-nginx', ['listed']);
    expect(two.importText(JSON.stringify(file))).toEqual({ ok: true, exercises: 2, machines: 1 });
    expect(two.getState().progress.exercises['run-nginx'].checks).toEqual(['listed', 'running', 'served']);
    expect(two.getState().progress.exercises['first-container'].quizzes).toEqual({ lighter: 1 });
    expect(two.readMachine('exercise:run-nginx')).toEqual(machine(5));
  });

  it.each([
    ['text that is not JSON', 'hello', 'This is not a Berth progress file: it is not JSON.'],
    ['another JSON file', '{"name":"package"}', 'This is not a Berth progress file, or it was damaged: nothing was imported.'],
    ['a later version', '{"berth":"progress","version":2}', 'This progress file comes from another version of Berth (version 2); this one reads version 1.'],
    [
      'a machine under a foreign key',
      JSON.stringify({ berth: 'progress', version: 1, exportedAt: 'x', progress: { version: 1, exercises: {} }, machines: { '../../etc': machine(1) } }),
      'This is not a Berth progress file, or it was damaged: nothing was imported.',
    ],
  ])('%s is refused and changes nothing', (_, text, error) => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.tick('a', ['x']);
    const before = storage.getItem(PROGRESS_KEY);
    expect(store.importText(text)).toEqual({ ok: false, error });
    expect(storage.getItem(PROGRESS_KEY)).toBe(before);
    expect(storage.length).toBe(1);
  });
});

describe('exercise status', () => {
  const shape = { id: 'run-nginx', states: ['running', 'served'], quizzes: [{ id: 'why', correct: [2] }] };
  it('counts proved checks and rightly answered quizzes', () => {
    const at = (checks: string[], quizzes: Record<string, number>) => exerciseStatus({ version: 1, exercises: { 'run-nginx': { checks, quizzes } } }, shape);
    expect(exerciseStatus({ version: 1, exercises: {} }, shape)).toEqual({ done: 0, total: 3, complete: false, started: false });
    expect(at(['running'], { why: 1 })).toEqual({ done: 1, total: 3, complete: false, started: true });
    expect(at(['running', 'served', 'gone-check'], { why: 2 })).toEqual({ done: 3, total: 3, complete: true, started: true });
  });
});
