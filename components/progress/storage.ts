// localStorage, made safe: a browser may refuse it (private modes, blocked storage) or be full, and
// anything stored may have been written by an older Berth, another site's script or a curious hand.
// Every read is validated; every failure becomes a notice for the learner, never an exception.
import type { z } from 'zod/mini';

/** The part of the Web Storage API Berth uses; tests give a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export type Notify = (text: string) => void;

export function browserStorage(): KeyValueStorage | undefined {
  try {
    const storage = window.localStorage;
    // Reading the length throws where storage is blocked.
    void storage.length;
    return storage;
  } catch {
    return undefined;
  }
}

/** Reads and validates one entry; an unreadable one is removed and reported. */
export function readEntry<T>(storage: KeyValueStorage, key: string, schema: z.ZodMiniType<T>, notify: Notify, what: string): T | undefined {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  remove(storage, key);
  notify(`${what} saved in this browser could not be read (it may come from another version of Berth), so it was set aside. You start afresh.`);
  return undefined;
}

export type WriteResult = 'ok' | 'full' | 'refused';

/** Writes one entry; a full storage is told apart from one that refuses (the caller may make room). */
export function writeEntry(storage: KeyValueStorage, key: string, value: unknown): WriteResult {
  try {
    storage.setItem(key, JSON.stringify(value));
    return 'ok';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'refused';
  }
}

export function remove(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing more to do: the entry stays unreadable and is set aside again next time.
  }
}

export function keysWithPrefix(storage: KeyValueStorage, prefix: string): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return keys;
  }
  return keys;
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Browsers name it differently (QuotaExceededError, NS_ERROR_DOM_QUOTA_REACHED); a DOMException
  // with code 22 or 1014 is the same thing.
  const code = (error as { code?: number }).code;
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** A Map-backed storage with an optional size limit, for tests and for browsers that refuse storage. */
export function memoryStorage(limit = Infinity): KeyValueStorage {
  const map = new Map<string, string>();
  const size = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem(key, value) {
      const before = map.get(key);
      map.set(key, value);
      if (size() > limit) {
        if (before === undefined) map.delete(key);
        else map.set(key, before);
        const error = new Error('The quota has been exceeded.');
        error.name = 'QuotaExceededError';
        throw error;
      }
    },
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}
