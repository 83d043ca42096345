import { describe, expect, it } from 'vitest';
import { byteLength, childOf, isWithin, lookup, makeDir, mkdir, remove, resolvePath, setAttributes, touch, writeFile, type DirNode } from '../../../../simulators/shell/fs';

const learner = { user: 'learner', now: 1000 };
const root = { user: 'root', now: 0 };

function home(): DirNode {
  const r = mkdir(makeDir('root', 0), '/home/learner', root, { parents: true });
  if (!r.ok) throw new Error(r.code);
  const withOwner = setAttributes(r.value, '/home/learner', { owner: 'learner' }, root);
  if (!withOwner.ok) throw new Error(withOwner.code);
  return withOwner.value;
}

const must = <T,>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(r.code);
  return r.value;
};

describe('virtual file system', () => {
  it('resolves paths like the kernel: ., .., doubled slashes, above the root', () => {
    expect(resolvePath('/home/learner', 'a/./b/../c')).toBe('/home/learner/a/c');
    expect(resolvePath('/home/learner', '/etc//hosts')).toBe('/etc/hosts');
    expect(resolvePath('/', '../../..')).toBe('/');
  });

  it('writes, appends and reads files without changing the old tree', () => {
    const before = home();
    const after = must(writeFile(before, '/home/learner/a.txt', 'one\n', learner));
    const appended = must(writeFile(after, '/home/learner/a.txt', 'two\n', learner, { append: true }));
    expect(lookup(before, '/home/learner/a.txt').ok).toBe(false);
    const file = must(lookup(appended, '/home/learner/a.txt'));
    expect(file).toMatchObject({ kind: 'file', content: 'one\ntwo\n', owner: 'learner', mtime: 1000 });
  });

  it('refuses what Linux refuses', () => {
    const fs = must(writeFile(home(), '/home/learner/f', 'x', learner));
    expect(writeFile(fs, '/home/learner/f/g', 'x', learner)).toEqual({ ok: false, code: 'ENOTDIR' });
    expect(writeFile(fs, '/home/learner/none/g', 'x', learner)).toEqual({ ok: false, code: 'ENOENT' });
    expect(writeFile(fs, '/home/learner', 'x', learner)).toEqual({ ok: false, code: 'EISDIR' });
    expect(writeFile(fs, '/etc-file', 'x', learner)).toEqual({ ok: false, code: 'EACCES' });
    expect(mkdir(fs, '/home/learner/f', learner)).toEqual({ ok: false, code: 'EEXIST' });
    expect(remove(fs, '/home/learner', learner)).toEqual({ ok: false, code: 'EISDIR' });
    expect(remove(fs, '/home', learner, { recursive: true })).toEqual({ ok: false, code: 'EACCES' });
  });

  it('makes parents with -p and removes trees with -r', () => {
    const fs = must(mkdir(home(), '/home/learner/a/b/c', learner, { parents: true }));
    expect(must(lookup(fs, '/home/learner/a/b/c')).kind).toBe('dir');
    expect(remove(fs, '/home/learner/a', learner, { dirOnly: true })).toEqual({ ok: false, code: 'ENOTEMPTY' });
    const gone = must(remove(fs, '/home/learner/a', learner, { recursive: true }));
    expect(lookup(gone, '/home/learner/a').ok).toBe(false);
  });

  it('stores names that collide with Object.prototype as plain entries', () => {
    let fs = home();
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) fs = must(touch(fs, `/home/learner/${name}`, learner));
    const dir = must(lookup(fs, '/home/learner')) as DirNode;
    expect(Object.keys(dir.children).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(childOf(dir, '__proto__')?.kind).toBe('file');
    expect(childOf(dir, 'valueOf')).toBeUndefined();
    expect(Object.getPrototypeOf(dir.children)).toBe(Object.prototype);
    const copy = JSON.parse(JSON.stringify(dir)) as DirNode;
    expect(childOf(copy, '__proto__')?.kind).toBe('file');
  });

  it('measures UTF-8 bytes and containment', () => {
    expect(byteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(isWithin('/a/b', '/a')).toBe(true);
    expect(isWithin('/ab', '/a')).toBe(false);
    expect(isWithin('/a', '/')).toBe(true);
  });
});
