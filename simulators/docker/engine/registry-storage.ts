// What a registry container (registry:2 or registry:3) on this laptop holds, kept where the real one
// keeps it: files under /var/lib/registry/docker/registry/v2 inside the container, in the layout of
// distribution's filesystem driver (registry/storage/paths.go, v2.8.3; v3.0.0 keeps it). The image
// declares /var/lib/registry a VOLUME, so each new container gets a fresh anonymous volume there: a
// registry started after `docker rm -f` of the old one has nothing, while `-v
// registry-data:/var/lib/registry` (or a bind mount) carries the images to the next container.
// `docker exec registry ls ...` shows the same files.
//
//   repositories/<name>/_layers/sha256/<hex>/link                  each blob pushed to the repository
//   repositories/<name>/_manifests/revisions/sha256/<hex>/link     each manifest
//   repositories/<name>/_manifests/tags/<tag>/current/link         what the tag names now
//   repositories/<name>/_manifests/tags/<tag>/index/sha256/<hex>/link
//   repositories/<name>/_uploads/                                  emptied once an upload completes
//   blobs/sha256/<first two hex>/<hex>/data                        the content
//
// A link holds the digest, without a newline. Only the manifests' blob data is written: layer
// and config bytes are not simulated (their sizes are known, their content is not).
import { childOf, lookup, mkdir, writeFile, type DirNode, type FsNode } from '../../shell/fs';
import type { World } from '../../world';
import type { Container, DockerState } from '../state';
import { containerMachine } from './container-machine';
import { catalogImage } from './images';

export const STORAGE_ROOT = '/var/lib/registry/docker/registry/v2';

/** The running `registry` container that publishes its port 5000 on localhost:PORT, if any. */
export function servingRegistry(docker: DockerState, domain: string): Container | undefined {
  const m = /^(localhost|127\.0\.0\.1)(?::(\d+))?$/.exec(domain);
  if (!m) return undefined;
  const port = Number(m[2] ?? 80);
  return Object.values(docker.containers).find(
    (c) => c.state.status === 'running' && isRegistry(c) && c.hostConfig.portBindings.some((b) => b.hostPort === port && b.containerPort === 5000),
  );
}

export const isRegistry = (container: Container) => catalogImage(container.imageId)?.repository === 'registry';

export interface StoredTag {
  digest: string;
  /** When the tag last moved (the current link's modification time). */
  at: number;
}

export interface StoredRepository {
  tags: Record<string, StoredTag>;
  /** Blob digests linked into the repository (layers and configs). */
  layers: string[];
  /** Manifest digests the repository has. */
  revisions: string[];
}

export interface RegistryContents {
  /** By name, in the order the registry's catalog lists them. */
  repositories: Map<string, StoredRepository>;
  /** A manifest blob's text. */
  manifest(digest: string): string | undefined;
}

/** distribution's lessPath: names compare component by component (`a/b` before `a-b`). */
export function lessPath(a: string, b: string): boolean {
  const key = (s: string) => s.replace(/\//g, '\x00');
  return key(a) < key(b);
}

const readOnly = (world: World) => ({ getState: () => world, setState: () => undefined });

function containerFs(world: World, container: Container): DirNode {
  return containerMachine(readOnly(world), container.id).fs();
}

const dirAt = (node: FsNode | undefined, ...path: string[]): DirNode | undefined => {
  let at = node;
  for (const name of path) at = at?.kind === 'dir' ? childOf(at, name) : undefined;
  return at?.kind === 'dir' ? at : undefined;
};

const fileAt = (node: FsNode | undefined, ...path: string[]): { content: string; mtime: number } | undefined => {
  const parent = dirAt(node, ...path.slice(0, -1));
  const file = parent ? childOf(parent, path[path.length - 1]) : undefined;
  return file?.kind === 'file' ? file : undefined;
};

const sha256Links = (dir: DirNode | undefined): string[] => {
  const algorithm = dirAt(dir, 'sha256');
  return algorithm ? Object.keys(algorithm.children).map((hex) => `sha256:${hex}`).sort() : [];
};

/** Everything the registry in `container` holds, read from its files. */
export function readRegistry(world: World, container: Container): RegistryContents {
  const root = lookup(containerFs(world, container), STORAGE_ROOT);
  const v2 = root.ok && root.value.kind === 'dir' ? root.value : undefined;
  const repositories = new Map<string, StoredRepository>();
  // The catalog's walk: a folder holding `_layers` is a repository; other `_` folders are skipped.
  const walk = (dir: DirNode, prefix: string) => {
    for (const name of Object.keys(dir.children).sort()) {
      const child = childOf(dir, name);
      if (child?.kind !== 'dir' || name.startsWith('_')) continue;
      const path = prefix ? `${prefix}/${name}` : name;
      if (childOf(child, '_layers')?.kind === 'dir') repositories.set(path, readRepository(child));
      walk(child, path);
    }
  };
  const top = dirAt(v2, 'repositories');
  if (top) walk(top, '');
  const sorted = new Map([...repositories].sort(([a], [b]) => (lessPath(a, b) ? -1 : lessPath(b, a) ? 1 : 0)));
  return {
    repositories: sorted,
    manifest: (digest) => fileAt(v2, 'blobs', 'sha256', digest.slice(7, 9), digest.slice(7), 'data')?.content,
  };
}

function readRepository(dir: DirNode): StoredRepository {
  const tags: Record<string, StoredTag> = {};
  const tagDir = dirAt(dir, '_manifests', 'tags');
  for (const tag of Object.keys(tagDir?.children ?? {}).sort()) {
    const link = fileAt(tagDir, tag, 'current', 'link');
    if (link) tags[tag] = { digest: link.content, at: link.mtime };
  }
  return { tags, layers: sha256Links(dirAt(dir, '_layers')), revisions: sha256Links(dirAt(dir, '_manifests', 'revisions')) };
}

/** The tags of a repository, as the tags folder lists them; undefined when it has no such folder (NAME_UNKNOWN). */
export function readTags(world: World, container: Container, name: string): string[] | undefined {
  const found = lookup(containerFs(world, container), `${STORAGE_ROOT}/repositories/${name}/_manifests/tags`);
  return found.ok && found.value.kind === 'dir' ? Object.keys(found.value.children).sort() : undefined;
}

export interface StoredManifest {
  digest: string;
  text: string;
  /** The config's and the layers' digests: the blobs the push linked into the repository. */
  blobs: string[];
}

/** The push has put its blobs and then its manifest under `tag`: the files the registry writes for that. */
export function storeManifest(world: World, container: Container, name: string, tag: string, manifest: StoredManifest): World {
  const now = world.clock.now;
  const actor = { user: 'root', now };
  const repo = `${STORAGE_ROOT}/repositories/${name}`;
  const hex = (digest: string) => digest.slice(7);
  const files: [string, string][] = [
    ...manifest.blobs.map((d): [string, string] => [`${repo}/_layers/sha256/${hex(d)}/link`, d]),
    [`${STORAGE_ROOT}/blobs/sha256/${hex(manifest.digest).slice(0, 2)}/${hex(manifest.digest)}/data`, manifest.text],
    [`${repo}/_manifests/revisions/sha256/${hex(manifest.digest)}/link`, manifest.digest],
    [`${repo}/_manifests/tags/${tag}/current/link`, manifest.digest],
    [`${repo}/_manifests/tags/${tag}/index/sha256/${hex(manifest.digest)}/link`, manifest.digest],
  ];
  let current = world;
  const machine = containerMachine({ getState: () => current, setState: (next: World) => void (current = next) }, container.id);
  let fs = machine.fs();
  const step = (result: ReturnType<typeof mkdir>) => {
    if (result.ok) fs = result.value;
  };
  step(mkdir(fs, `${repo}/_uploads`, actor, { parents: true }));
  for (const [path, content] of files) {
    step(mkdir(fs, path.slice(0, path.lastIndexOf('/')), actor, { parents: true }));
    // Blobs and their links are written once (the daemon skips what the repository has; blob
    // puts see the data is there); a tag's current link is rewritten on every push of the tag.
    if (!path.endsWith('/current/link') && lookup(fs, path).ok) continue;
    step(writeFile(fs, path, content, actor));
  }
  machine.setFs(fs);
  return current;
}
