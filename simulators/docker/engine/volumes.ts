// Volumes and mounts. A named volume is data the engine keeps apart from any container
// (`own(world.docker.volumes, name).files`); a bind mount is a folder of the laptop. A container's file
// system shows both at their mount points: reads and writes under /data go to the volume, so
// two containers mounting it see the same files, and a bind mount shows (and changes) the
// laptop's own files.
import { own } from '../../core/own';
import { hexId } from '../../core/ids';
import { childOf, lookup, makeDir, makeFile, mkdir, place, remove, resolvePath, segments, type DirNode, type FsNode, type FsResult } from '../../shell/fs';
import type { World } from '../../world';
import { setContainer } from './container-table';
import type { Container, DockerState, Mount, Volume } from '../state';

/** What docker accepts as a local volume's name. */
export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const volumeMountpoint = (name: string) => `/var/lib/docker/volumes/${name}/_data`;

/** Volumes made for an image's VOLUME paths have a random 64-hex name: docker calls them anonymous. */
export const isAnonymous = (name: string) => /^[0-9a-f]{64}$/.test(name);

export function invalidVolumeName(name: string): string {
  return `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
}

/** Creates the volume unless it exists (`docker volume create` of an existing name just prints it). */
export function createVolume(world: World, name: string): World {
  if (own(world.docker.volumes, name)) return world;
  const volume: Volume = { name, driver: 'local', created: world.clock.now, files: {} };
  return { ...world, docker: { ...world.docker, volumes: { ...world.docker.volumes, [name]: volume } } };
}

/** Every container (running or not) whose mounts name the volume: docker refuses to remove it then. */
export function volumeUsers(docker: DockerState, name: string): Container[] {
  return Object.values(docker.containers)
    .filter((c) => c.hostConfig.mounts.some((m) => m.type === 'volume' && m.source === name))
    .sort((a, b) => a.created - b.created);
}

export function removeVolume(world: World, name: string, force = false): { ok: true; world: World } | { ok: false; error: string } {
  const volume = own(world.docker.volumes, name);
  if (!volume) return force ? { ok: true, world } : { ok: false, error: `get ${name}: no such volume` };
  const users = volumeUsers(world.docker, name);
  if (users.length) return { ok: false, error: `remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]` };
  const volumes = { ...world.docker.volumes };
  delete volumes[name];
  return { ok: true, world: { ...world, docker: { ...world.docker, volumes } } };
}

/** Bytes a volume's files hold (prune's "Total reclaimed space"). */
export const volumeBytes = (volume: Volume) => Object.values(volume.files).reduce((sum, content) => sum + new TextEncoder().encode(content).length, 0);

/**
 * At create: named volumes that do not exist yet are made, the image's VOLUME paths not covered
 * by a mount get an anonymous volume each, and relative bind sources become absolute (the client
 * resolves them against the directory the command ran in).
 */
export function prepareMounts(world: World, container: Container, imageVolumes: readonly string[] = [], imageTree?: () => DirNode): World {
  let next = world;
  let rng = world.rng;
  const mounts: Mount[] = container.hostConfig.mounts.map((m) => {
    if (m.type === 'bind' && !m.source.startsWith('/')) return { ...m, source: resolvePath(world.shell.cwd, m.source.replace(/^~(?=\/|$)/, world.host.home)) };
    if (m.type === 'volume' && m.source === '') {
      let name: string;
      [name, rng] = hexId(rng);
      return { ...m, source: name };
    }
    return m;
  });
  for (const m of mounts) if (m.type === 'volume') next = createVolume(next, m.source);
  for (const path of imageVolumes) {
    if (mounts.some((m) => m.destination === path)) continue;
    let name: string;
    [name, rng] = hexId(rng);
    next = createVolume(next, name);
    mounts.push({ type: 'volume', source: name, destination: path, readOnly: false });
  }
  // An empty volume mounted where the image has files is filled with them first (docker's copy-up):
  // `-v site:/usr/share/nginx/html` still serves the welcome page, now from the volume.
  if (imageTree) {
    let tree: DirNode | undefined;
    for (const m of mounts) {
      const volume = own(next.docker.volumes, m.source);
      if (m.type !== 'volume' || !volume || Object.keys(volume.files).length) continue;
      tree ??= imageTree();
      const at = lookup(tree, m.destination);
      if (!at.ok || at.value.kind !== 'dir') continue;
      const files = filesFromTree(at.value);
      if (Object.keys(files).length) next = { ...next, docker: { ...next.docker, volumes: { ...next.docker.volumes, [m.source]: { ...volume, files } } } };
    }
  }
  const updated: Container = { ...container, hostConfig: { ...container.hostConfig, mounts } };
  return setContainer({ ...next, rng }, updated);
}

/** At start: a bind source that does not exist is created on the laptop, as root, as dockerd does. */
export function createBindSources(world: World, container: Container): World {
  let fs = world.fs;
  for (const m of container.hostConfig.mounts) {
    if (m.type !== 'bind' || lookup(fs, m.source).ok) continue;
    const made = mkdir(fs, m.source, { user: 'root', now: world.clock.now }, { parents: true });
    if (made.ok) fs = made.value;
  }
  return fs === world.fs ? world : { ...world, fs };
}

// ---------------------------------------------------------------------------------------------
// Volume files as a tree and back. Directories are kept as keys ending in '/', so an empty
// directory made in a volume survives.

const treeCache = new WeakMap<Record<string, string>, DirNode>();

const must = (r: FsResult<DirNode>, fallback: DirNode) => (r.ok ? r.value : fallback);

export function treeFromFiles(files: Record<string, string>, now: number): DirNode {
  const cached = treeCache.get(files);
  if (cached) return cached;
  const root = { user: 'root', now };
  let tree = makeDir('root', now);
  for (const key of Object.keys(files).sort()) {
    const path = `/${key.replace(/\/$/, '')}`;
    if (key.endsWith('/')) {
      tree = must(mkdir(tree, path, root, { parents: true }), tree);
      continue;
    }
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    tree = must(mkdir(tree, parent, root, { parents: true }), tree);
    tree = must(place(tree, path, makeFile(files[key], 'root', now), root), tree);
  }
  treeCache.set(files, tree);
  return tree;
}

export function filesFromTree(tree: FsNode): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (node: DirNode, prefix: string) => {
    const names = Object.keys(node.children);
    if (!names.length && prefix) files[`${prefix}/`] = '';
    for (const name of names) {
      const child = childOf(node, name)!;
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.kind === 'dir') walk(child, path);
      else files[path] = child.content;
    }
  };
  if (tree.kind === 'dir') walk(tree, '');
  return files;
}

// ---------------------------------------------------------------------------------------------
// The overlay a container's machine shows

/** What is mounted at a mount point right now: the volume's tree, or the laptop's file or folder. */
export function mountSource(world: World, mount: Mount): FsNode {
  if (mount.type === 'volume') {
    const volume = own(world.docker.volumes, mount.source);
    return volume ? treeFromFiles(volume.files, volume.created) : makeDir('root', world.clock.now);
  }
  const found = lookup(world.fs, mount.source);
  return found.ok ? found.value : makeDir('root', world.clock.now);
}

/** Puts `node` at `path` in `fs`, replacing whatever the image had there. */
function graft(fs: DirNode, path: string, node: FsNode, now: number): DirNode {
  const root = { user: 'root', now };
  if (path === '/' || !segments(path).length) return node.kind === 'dir' ? node : fs;
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  let next = must(mkdir(fs, parent, root, { parents: true }), fs);
  if (lookup(next, path).ok) next = must(remove(next, path, root, { recursive: true }), next);
  return must(place(next, path, node, root, { mount: true }), next);
}

const overlayCache = new WeakMap<DirNode, { sources: FsNode[]; result: DirNode }>();

/** The container's tree with its mounts in place. */
export function overlayMounts(world: World, container: Container, base: DirNode): DirNode {
  const mounts = container.hostConfig.mounts;
  if (!mounts.length) return base;
  const sources = mounts.map((m) => mountSource(world, m));
  const cached = overlayCache.get(base);
  if (cached && cached.sources.length === sources.length && cached.sources.every((s, i) => s === sources[i])) return cached.result;
  let fs = base;
  mounts.forEach((m, i) => {
    const source = sources[i];
    fs = graft(fs, m.destination, m.readOnly && source.kind === 'dir' ? { ...source, readOnly: true } : source, world.clock.now);
  });
  overlayCache.set(base, { sources, result: fs });
  return fs;
}

/**
 * A container wrote its tree: what changed under a mount point goes to the volume or back to the
 * laptop, and the container keeps only its own files (an empty folder at each mount point).
 * Writes under a read-only mount are dropped.
 */
export function splitMounts(world: World, container: Container, fs: DirNode): { world: World; fs: DirNode } {
  const mounts = container.hostConfig.mounts;
  if (!mounts.length) return { world, fs };
  let next = world;
  let ownTree = fs;
  const now = world.clock.now;
  for (const m of mounts) {
    const found = lookup(fs, m.destination);
    const node: FsNode = found.ok ? found.value : makeDir('root', now);
    const before = mountSource(next, m);
    if (node !== before && !m.readOnly) {
      if (m.type === 'volume') {
        const volume = own(next.docker.volumes, m.source);
        if (volume) {
          const files = filesFromTree(node);
          treeCache.set(files, node.kind === 'dir' ? node : before as DirNode);
          next = { ...next, docker: { ...next.docker, volumes: { ...next.docker.volumes, [m.source]: { ...volume, files } } } };
        }
      } else {
        next = { ...next, fs: graft(next.fs, m.source, node, now) };
      }
    }
    ownTree = graft(ownTree, m.destination, node.kind === 'dir' ? makeDir('root', container.created) : makeFile('', 'root', container.created), now);
  }
  return { world: next, fs: ownTree };
}
