// Removing images (docker rmi / docker image rm), as the daemon's classic image store does it
// (moby daemon/images/image_delete.go): a name removes that reference first; the image itself goes
// only when no reference is left, and then every layer no other image or container still needs.
// Each step is a record the client prints: `Untagged: nginx:latest`, `Deleted: sha256:...`.
import { own } from '../../core/own';
import { canonicalName, familiarName, familiarRepository, parseReference, ReferenceError_, type ImageReference } from '../reference';
import type { Container, DockerState, LocalImage } from '../state';
import { isRunning } from './container-table';
import { chainIds, findImage, imageViewById } from './images';

export type DeleteRecord = { untagged: string } | { deleted: string };

export type DeleteResult =
  | { ok: true; docker: DockerState; records: DeleteRecord[] }
  /** `notFound` errors are the only ones `docker rmi -f` reports without failing. */
  | { ok: false; error: string; notFound?: boolean; records: DeleteRecord[]; docker: DockerState };

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** A reference as the daemon stores it: its repository name and its full form (for sorting). */
interface StoredRef {
  /** As kept in LocalImage: `nginx:latest` or `nginx@sha256:...`. */
  familiar: string;
  /** `docker.io/library/nginx`. */
  name: string;
  /** `docker.io/library/nginx:latest`: the reference store lists references sorted by this. */
  full: string;
  canonical: boolean;
}

function stored(familiar: string): StoredRef {
  const ref = parseReference(familiar);
  const name = `${ref.domain}/${ref.path}`;
  return { familiar, name, full: ref.digest ? `${name}@${ref.digest}` : canonicalName(ref), canonical: Boolean(ref.digest) };
}

function referencesOf(image: LocalImage): StoredRef[] {
  return [...image.tags, ...image.digests].map(stored).sort((a, b) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0));
}

/** moby's isSingleReference: one tag (plus digests of that same repository), or one digest. */
function isSingleReference(refs: StoredRef[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: StoredRef | undefined;
  const canonical = new Set<string>();
  for (const ref of refs) {
    if (ref.canonical) canonical.add(ref.name);
    else if (!single) single = ref;
    else return false;
  }
  single ??= refs[0];
  return canonical.size === 1 && canonical.has(single.name);
}

function withoutRef(docker: DockerState, id: string, familiar: string): DockerState {
  const image = own(docker.images, id)!;
  const next: LocalImage = { ...image, tags: image.tags.filter((t) => t !== familiar), digests: image.digests.filter((d) => d !== familiar) };
  return { ...docker, images: { ...docker.images, [id]: next } };
}

/** The container the daemon names in a conflict: the first it finds, here the oldest. */
function firstContainer(docker: DockerState, test: (c: Container) => boolean): Container | undefined {
  return Object.values(docker.containers)
    .filter(test)
    .sort((a, b) => a.created - b.created)[0];
}

interface Conflict {
  message: string;
  hard: boolean;
  /** A container uses the image (rather than another name pointing at it). */
  used: boolean;
}

const HARD = 1;
const ACTIVE_REFERENCE = 2;
const STOPPED_CONTAINER = 4;
const SOFT = ACTIVE_REFERENCE | STOPPED_CONTAINER;

function conflictOf(docker: DockerState, id: string, mask: number): Conflict | undefined {
  if (mask & HARD) {
    const running = firstContainer(docker, (c) => c.imageId === id && isRunning(c));
    if (running) return { hard: true, used: true, message: `image is being used by running container ${short(running.id)}` };
  }
  const image = own(docker.images, id)!;
  if (mask & ACTIVE_REFERENCE && image.tags.length + image.digests.length > 0) {
    return { hard: false, used: false, message: 'image is referenced in multiple repositories' };
  }
  if (mask & STOPPED_CONTAINER) {
    const stopped = firstContainer(docker, (c) => c.imageId === id && !isRunning(c));
    if (stopped) return { hard: false, used: true, message: `image is being used by stopped container ${short(stopped.id)}` };
  }
  return undefined;
}

const conflictError = (id: string, c: Conflict) => `conflict: unable to delete ${short(id)} (${c.hard ? 'cannot be forced' : 'must be forced'}) - ${c.message}`;

/** Removes the image itself and the layers nothing else holds; returns the records for both. */
function deleteImageAndLayers(docker: DockerState, id: string): { docker: DockerState; records: DeleteRecord[] } {
  const view = imageViewById(docker, id);
  const images = { ...docker.images };
  delete images[id];
  const next = { ...docker, images };
  // Layers stay while another image, or a container's writable layer on top of them, needs them.
  const held = new Set<string>();
  for (const other of Object.keys(images)) for (const chain of chainIds(imageViewById(next, other)?.layers ?? [])) held.add(chain);
  for (const c of Object.values(docker.containers)) for (const chain of chainIds(imageViewById(next, c.imageId)?.layers ?? [])) held.add(chain);
  const released = chainIds(view?.layers ?? []).filter((chain, i, all) => !held.has(chain) && all.indexOf(chain) === i);
  return { docker: next, records: [{ deleted: id }, ...released.reverse().map((chain) => ({ deleted: chain }))] };
}

/**
 * moby's imageDeleteHelper: the image goes unless something still needs it. After a name was
 * removed (`quiet`), a container still using the image keeps it, silently, as a dangling image.
 */
function deleteHelper(docker: DockerState, id: string, force: boolean, quiet: boolean, records: DeleteRecord[]): DeleteResult {
  const conflict = conflictOf(docker, id, force ? HARD : HARD | SOFT);
  if (conflict) {
    const image = own(docker.images, id)!;
    const dangling = image.tags.length + image.digests.length === 0;
    if (quiet && (!dangling || conflict.used)) return { ok: true, docker, records };
    return { ok: false, error: conflictError(id, conflict), records, docker };
  }
  let next = docker;
  const untagged: DeleteRecord[] = [];
  for (const ref of referencesOf(own(docker.images, id)!)) {
    next = withoutRef(next, id, ref.familiar);
    untagged.push({ untagged: ref.familiar });
  }
  const removed = deleteImageAndLayers(next, id);
  return { ok: true, docker: removed.docker, records: [...records, ...untagged, ...removed.records] };
}

/** The daemon's answer for an image it cannot find, named as it names it (`No such image: x:latest`). */
export function noSuchImage(input: string): string {
  let shown = input;
  try {
    const ref = parseReference(input);
    shown = ref.digest ? `${familiarRepository(ref)}@${ref.digest}` : familiarName(ref);
  } catch (e) {
    if (!(e instanceof ReferenceError_)) throw e;
  }
  if (/^sha256:[0-9a-f]{64}$/.test(input) || /^[0-9a-f]{64}$/.test(input)) shown = `sha256:${input.replace(/^sha256:/, '')}`;
  return `No such image: ${shown}`;
}

/** docker rmi IMAGE: what the daemon does for one argument. */
export function deleteImage(docker: DockerState, input: string, options: { force: boolean }): DeleteResult {
  let parsed: ImageReference | undefined;
  try {
    parsed = parseReference(input);
  } catch (e) {
    if (!(e instanceof ReferenceError_)) throw e;
    if (!/^(sha256:)?[0-9a-f]{1,64}$/.test(input)) return { ok: false, error: e.message, records: [], docker };
  }
  const image = findImage(docker, input);
  if (!image) return { ok: false, error: noSuchImage(input), notFound: true, records: [], docker };
  const id = image.id;
  const force = options.force;
  const refs = referencesOf(image);
  const hex = id.slice('sha256:'.length);
  const byId = id.startsWith(input) || hex.startsWith(input);

  if (byId) {
    // An id removes every name too, as long as they are all one repository's.
    let next = docker;
    const records: DeleteRecord[] = [];
    if (isSingleReference(refs)) {
      const conflict = conflictOf(docker, id, force ? HARD : HARD | STOPPED_CONTAINER);
      if (conflict) return { ok: false, error: conflictError(id, conflict), records: [], docker };
      for (const ref of refs) {
        next = withoutRef(next, id, ref.familiar);
        records.push({ untagged: ref.familiar });
      }
    }
    return deleteHelper(next, id, force, false, records);
  }

  // A name: remove that reference (and the digests of its repository when it was the last tag there).
  const target = stored(parsed!.digest ? `${familiarRepository(parsed!)}@${parsed!.digest}` : familiarName(parsed!));
  if (!force && isSingleReference(refs)) {
    const user = firstContainer(docker, (c) => c.imageId === id);
    if (user) {
      return { ok: false, error: `conflict: unable to remove repository reference "${input}" (must force) - container ${short(user.id)} is using its referenced image ${short(id)}`, records: [], docker };
    }
  }
  let next = withoutRef(docker, id, target.familiar);
  const records: DeleteRecord[] = [{ untagged: target.familiar }];
  let remaining = referencesOf(own(next.images, id)!);
  if (!target.canonical && !remaining.some((r) => !r.canonical && r.name === target.name)) {
    for (const ref of remaining.filter((r) => r.canonical && r.name === target.name)) {
      next = withoutRef(next, id, ref.familiar);
      records.push({ untagged: ref.familiar });
    }
    remaining = referencesOf(own(next.images, id)!);
  }
  if (remaining.length) return { ok: true, docker: next, records };
  return deleteHelper(next, id, force, true, records);
}

/**
 * docker image prune (moby image_prune.go): images no container uses, either only the dangling
 * ones (no tag; digest-only names count as dangling) or, with `all`, every one. Each goes the way
 * docker rmi would take it, name by name; the space is that of the layers actually released.
 */
export function pruneImages(docker: DockerState, all: boolean): { docker: DockerState; records: DeleteRecord[]; reclaimed: number } {
  const candidates = Object.values(docker.images)
    .filter((image) => !Object.values(docker.containers).some((c) => c.imageId === image.id))
    .filter((image) => all || image.tags.length === 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  let next = docker;
  const records: DeleteRecord[] = [];
  const sizes = new Map<string, number>();
  for (const image of candidates) {
    const layers = imageViewById(docker, image.id)?.layers ?? [];
    chainIds(layers).forEach((chain, i) => sizes.set(chain, layers[i].sizeBytes));
    const refs = referencesOf(image).map((r) => r.familiar);
    for (const input of refs.length ? refs : [image.id.slice('sha256:'.length)]) {
      const result = deleteImage(next, input, { force: false });
      if (!result.ok) continue;
      next = result.docker;
      records.push(...result.records);
    }
  }
  const reclaimed = records.reduce((sum, r) => sum + ('deleted' in r ? (sizes.get(r.deleted) ?? 0) : 0), 0);
  return { docker: next, records, reclaimed };
}
