// The virtual file system: a tree of plain objects, changed only by pure functions that copy the
// path from the root to the change (so a zustand store sees a new root and React re-renders).
// Names are stored as own properties through defineProperty, so a learner's file called
// `__proto__` or `constructor` is just a file.

export interface FileNode {
  kind: 'file';
  content: string;
  mode: number;
  owner: string;
  mtime: number;
}
export interface DirNode {
  kind: 'dir';
  children: Record<string, FsNode>;
  mode: number;
  owner: string;
  mtime: number;
  /** The root of a read-only mount (`-v data:/data:ro`): nothing under it can change (EROFS). */
  readOnly?: boolean;
}
export type FsNode = FileNode | DirNode;

export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'EINVAL' | 'EROFS' | 'ENAMETOOLONG' | 'ENOSPC';
export type FsResult<T> = { ok: true; value: T } | { ok: false; code: FsErrorCode };

export const FS_MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  ENAMETOOLONG: 'File name too long',
  ENOSPC: 'No space left on device',
};

/**
 * The most characters one file may hold: past it a write fails as on a full disk (ENOSPC), so no
 * line of appends can grow a file until the page runs out of memory.
 */
export const FILE_LIMIT = 1 << 24;

/**
 * The longest path (in bytes) and name that can be made, answered as Linux answers past its own
 * limits (ENAMETOOLONG, "File name too long"). A name may have 255 bytes as on Linux; a path here
 * 1023 (Linux: 4095), so no tree is deeper than 511 directories and whatever walks one (ls -R,
 * cp -r, a saved world) stays far from the end of the stack and quick.
 */
export const PATH_MAX = 1023;
export const NAME_MAX = 255;

/** Whether a path may name something new: ENAMETOOLONG when it or its last name is too long. */
export function nameTooLong(abs: string): boolean {
  return byteLength(abs) > PATH_MAX || byteLength(basename(abs)) > NAME_MAX;
}

/** Who is acting and when: ownership and permission checks and modification times need both. */
export interface FsActor {
  user: string;
  now: number;
}

const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const fail = <T>(code: FsErrorCode): FsResult<T> => ({ ok: false, code });

export function childOf(dir: DirNode, name: string): FsNode | undefined {
  return Object.prototype.hasOwnProperty.call(dir.children, name) ? dir.children[name] : undefined;
}

export function childNames(dir: DirNode): string[] {
  return Object.keys(dir.children);
}

function withChild(dir: DirNode, name: string, node: FsNode | undefined, now: number): DirNode {
  const children = { ...dir.children };
  if (node) Object.defineProperty(children, name, { value: node, enumerable: true, writable: true, configurable: true });
  else delete children[name];
  return { ...dir, children, mtime: now };
}

export function makeDir(owner: string, now: number, mode = 0o755): DirNode {
  return { kind: 'dir', children: {}, mode, owner, mtime: now };
}

export function makeFile(content: string, owner: string, now: number, mode = 0o644): FileNode {
  return { kind: 'file', content, mode, owner, mtime: now };
}

/**
 * Resolves `path` against `cwd` into a clean absolute path (no `.`, `..` or doubled slashes).
 * The empty name names nothing, as for open(""): it stays '', which every lookup and change refuses.
 */
export function resolvePath(cwd: string, path: string): string {
  if (path === '') return '';
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const stack: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') stack.pop();
    else stack.push(part);
  }
  return '/' + stack.join('/');
}

export function segments(abs: string): string[] {
  return abs.split('/').filter(Boolean);
}

export function basename(path: string): string {
  const parts = segments(path);
  return parts.length ? parts[parts.length - 1] : '/';
}

export function dirname(abs: string): string {
  const parts = segments(abs);
  parts.pop();
  return '/' + parts.join('/');
}

export function lookup(root: DirNode, abs: string): FsResult<FsNode> {
  if (!abs.startsWith('/')) return fail('ENOENT');
  let node: FsNode = root;
  for (const name of segments(abs)) {
    if (node.kind !== 'dir') return fail('ENOTDIR');
    const next = childOf(node, name);
    if (!next) return fail('ENOENT');
    node = next;
  }
  return ok(node);
}

/**
 * Looks up a name as typed, the way the kernel walks it: each `.` and `..` must follow a directory
 * (`file/..` and `nope/..` fail), a trailing slash only names a directory (`file/` fails) and,
 * for a `user`, every directory passed through must let them in (`/root/x`).
 */
export function lookupPath(root: DirNode, cwd: string, name: string, user?: string): FsResult<FsNode> {
  if (name === '') return fail('ENOENT');
  const parts = [...(name.startsWith('/') ? [] : segments(cwd)), ...segments(name)];
  const trail: DirNode[] = [];
  let node: FsNode = root;
  for (const part of parts) {
    if (node.kind !== 'dir') return fail('ENOTDIR');
    if (part === '.') continue;
    if (part === '..') {
      node = trail.pop() ?? root;
      continue;
    }
    if (user !== undefined && !canSearch(node, user)) return fail('EACCES');
    const next = childOf(node, part);
    if (!next) return fail('ENOENT');
    trail.push(node);
    node = next;
  }
  if (node.kind !== 'dir' && name.endsWith('/')) return fail('ENOTDIR');
  return ok(node);
}

export function canWrite(dir: DirNode, user: string): boolean {
  return user === 'root' || dir.owner === user || (dir.mode & 0o002) !== 0;
}

/** The owner's or everyone else's bit of `mode` (0o4 read, 0o1 search); there are no groups here. */
const permits = (node: FsNode, user: string, bit: number) => user === 'root' || (node.mode & (node.owner === user ? bit << 6 : bit)) !== 0;

/** May `user` go through this directory (its x bit)? */
export const canSearch = (dir: DirNode, user: string) => permits(dir, user, 0o1);

/** May `user` read this file or list this directory (its r bit)? */
export const canRead = (node: FsNode, user: string) => permits(node, user, 0o4);

/**
 * Applies `change` to the entry `name` inside the directory at `parentPath`, copying every directory
 * on the way so the old tree stays untouched.
 */
function changeEntry(
  root: DirNode,
  abs: string,
  actor: FsActor,
  change: (parent: DirNode, existing: FsNode | undefined) => FsResult<FsNode | undefined>,
): FsResult<DirNode> {
  if (!abs.startsWith('/')) return fail('ENOENT');
  if (nameTooLong(abs)) return fail('ENAMETOOLONG');
  const name = basename(abs);
  const path = segments(dirname(abs));
  const walk = (dir: DirNode, depth: number): FsResult<DirNode> => {
    if (dir.readOnly) return fail('EROFS');
    if (depth === path.length) {
      const result = change(dir, childOf(dir, name));
      if (!result.ok) return result as FsResult<DirNode>;
      if (result.value === childOf(dir, name)) return ok(dir);
      return ok(withChild(dir, name, result.value, actor.now));
    }
    const next = childOf(dir, path[depth]);
    if (!next) return fail('ENOENT');
    if (next.kind !== 'dir') return fail('ENOTDIR');
    const updated = walk(next, depth + 1);
    if (!updated.ok) return updated;
    if (updated.value === next) return ok(dir);
    const children = { ...dir.children };
    Object.defineProperty(children, path[depth], { value: updated.value, enumerable: true, writable: true, configurable: true });
    return ok({ ...dir, children });
  };
  return walk(root, 0);
}

export function writeFile(root: DirNode, abs: string, content: string, actor: FsActor, options: { append?: boolean } = {}): FsResult<DirNode> {
  if (abs === '/dev/null') return ok(root);
  if (abs === '/') return fail('EISDIR');
  return changeEntry(root, abs, actor, (parent, existing) => {
    if (existing?.kind === 'dir') return fail('EISDIR');
    if (existing) {
      if (existing.owner !== actor.user && actor.user !== 'root' && (existing.mode & 0o002) === 0) return fail('EACCES');
      if ((options.append ? existing.content.length : 0) + content.length > FILE_LIMIT) return fail('ENOSPC');
      return ok({ ...existing, content: options.append ? existing.content + content : content, mtime: actor.now });
    }
    if (!canWrite(parent, actor.user)) return fail('EACCES');
    if (content.length > FILE_LIMIT) return fail('ENOSPC');
    return ok(makeFile(content, actor.user, actor.now));
  });
}

/** `touch`: creates an empty file or refreshes the time of an existing entry. */
export function touch(root: DirNode, abs: string, actor: FsActor): FsResult<DirNode> {
  if (abs === '/') return ok(root);
  return changeEntry(root, abs, actor, (parent, existing) => {
    if (existing) {
      // Setting the times to now needs ownership or write permission, as utimensat does.
      if (existing.owner !== actor.user && actor.user !== 'root' && (existing.mode & 0o002) === 0) return fail('EACCES');
      return ok({ ...existing, mtime: actor.now });
    }
    if (!canWrite(parent, actor.user)) return fail('EACCES');
    return ok(makeFile('', actor.user, actor.now));
  });
}

export function mkdir(root: DirNode, abs: string, actor: FsActor, options: { parents?: boolean } = {}): FsResult<DirNode> {
  if (!abs.startsWith('/')) return fail('ENOENT');
  if (abs === '/') return options.parents ? ok(root) : fail('EEXIST');
  if (options.parents) {
    let current = root;
    let path = '';
    for (const part of segments(abs)) {
      path += `/${part}`;
      const existing = lookup(current, path);
      if (existing.ok) {
        if (existing.value.kind !== 'dir') return fail(path === abs ? 'EEXIST' : 'ENOTDIR');
        continue;
      }
      const made = mkdir(current, path, actor);
      if (!made.ok) return made;
      current = made.value;
    }
    return ok(current);
  }
  return changeEntry(root, abs, actor, (parent, existing) => {
    if (existing) return fail('EEXIST');
    if (!canWrite(parent, actor.user)) return fail('EACCES');
    return ok(makeDir(actor.user, actor.now));
  });
}

export function remove(root: DirNode, abs: string, actor: FsActor, options: { recursive?: boolean; dirOnly?: boolean } = {}): FsResult<DirNode> {
  if (abs === '/') return fail(options.recursive ? 'EACCES' : 'EISDIR');
  return changeEntry(root, abs, actor, (parent, existing) => {
    if (!existing) return fail('ENOENT');
    if (existing.kind === 'dir' && !options.dirOnly && !options.recursive) return fail('EISDIR');
    if (!canWrite(parent, actor.user)) return fail('EACCES');
    if (options.dirOnly) {
      if (existing.kind !== 'dir') return fail('ENOTDIR');
      if (Object.keys(existing.children).length) return fail('ENOTEMPTY');
    }
    if (existing.kind === 'dir' && options.recursive && !canDeleteTree(existing, actor.user)) return fail('EACCES');
    return ok(undefined);
  });
}

function canDeleteTree(dir: DirNode, user: string): boolean {
  if (!canWrite(dir, user) && Object.keys(dir.children).length) return false;
  return Object.values(dir.children).every((c) => c.kind !== 'dir' || canDeleteTree(c, user));
}

/** Puts an existing node (a copy or a moved entry) at `abs`, replacing a file there. */
export function place(root: DirNode, abs: string, node: FsNode, actor: FsActor, options: { mount?: boolean } = {}): FsResult<DirNode> {
  return changeEntry(root, abs, actor, (parent, existing) => {
    if (existing?.kind === 'dir') return fail('EISDIR');
    if (!canWrite(parent, actor.user)) return fail('EACCES');
    // A copy of a read-only mount's root is an ordinary, writable folder (only mounting keeps the mark).
    if (node.kind === 'dir' && node.readOnly && !options.mount) {
      const { readOnly: _, ...writable } = node;
      return ok(writable);
    }
    return ok(node);
  });
}

/** Re-owns and re-times a subtree, as `cp` makes the copier the owner of new files. */
export function restamp(node: FsNode, actor: FsActor): FsNode {
  if (node.kind === 'file') return { ...node, owner: actor.user, mtime: actor.now };
  const children: Record<string, FsNode> = {};
  for (const name of Object.keys(node.children)) {
    Object.defineProperty(children, name, { value: restamp(node.children[name], actor), enumerable: true, writable: true, configurable: true });
  }
  const { readOnly: _, ...writable } = node;
  return { ...writable, children, owner: actor.user, mtime: actor.now };
}

/** Is `inner` the same as, or below, `outer`? (`cp -r a a/b` must refuse.) */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer === '/' ? '/' : `${outer}/`);
}

/** Number of bytes of a string as UTF-8, for `ls -l` and `wc -c`. */
export function byteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** chmod/chown in one: changes the mode or owner of the entry at `abs`. */
export function setAttributes(root: DirNode, abs: string, attributes: { mode?: number; owner?: string }, actor: FsActor): FsResult<DirNode> {
  if (abs === '/') return ok({ ...root, ...attributes });
  return changeEntry(root, abs, actor, (_parent, existing) => {
    if (!existing) return fail('ENOENT');
    if (existing.owner !== actor.user && actor.user !== 'root') return fail('EACCES');
    return ok({ ...existing, ...attributes });
  });
}
