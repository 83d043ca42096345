// The local image store: finding an image by name or id, and one full view of an image whether it
// came from the catalog or was built here.
import { own } from '../../core/own';
import { CATALOG } from '../catalog';
import type { CatalogImage } from '../catalog/types';
import { catalogFiles } from '../catalog/files';
import type { WorkloadImage } from '../../workloads/image';
import { familiarName, familiarRepository, parseReference, ReferenceError_ } from '../reference';
import type { DockerState, LocalImage } from '../state';
import { stableHex } from './networks';

/** An image in the local store, as the engine and the CLI read it (the neutral part: workloads/image.ts). */
export interface ImageView extends WorkloadImage {
  digests: string[];
  created: number;
  sizeBytes: number;
  layers: { digest: string; sizeBytes: number; compressedBytes: number }[];
  history: { created: number; createdBy: string; sizeBytes: number; emptyLayer: boolean; comment?: string }[];
}

const byId = new Map(CATALOG.map((image) => [image.id, image]));

export function catalogImage(id: string): CatalogImage | undefined {
  return byId.get(id);
}

/** The catalog image a registry would serve for `repository:tag` on Docker Hub. */
export function catalogByName(repository: string, tag: string): CatalogImage | undefined {
  return CATALOG.find((image) => image.repository === repository && image.tags.includes(tag));
}

export function catalogRepositoryExists(repository: string): boolean {
  return CATALOG.some((image) => image.repository === repository);
}

/**
 * Views made, by the record they were made from (records are replaced, never changed, so a view
 * stays right for as long as its record and, for a built image, its build record live).
 */
const views = new WeakMap<LocalImage, { built?: unknown; view: ImageView }>();

export function viewImage(docker: DockerState, image: LocalImage): ImageView {
  const built = image.source === 'built' ? own(docker.builtImages, image.id) : undefined;
  const known = views.get(image);
  if (known && known.built === built) return known.view;
  const view = makeView(docker, image);
  views.set(image, { built, view });
  return view;
}

function makeView(docker: DockerState, image: LocalImage): ImageView {
  if (image.source === 'built') {
    const built = own(docker.builtImages, image.id)!;
    const base = catalogImage(built.baseId);
    return {
      id: image.id,
      tags: image.tags,
      digests: image.digests,
      created: built.created,
      sizeBytes: built.layers.reduce((sum, l) => sum + l.sizeBytes, 0),
      layers: built.layers.map((l) => ({ ...l, compressedBytes: Math.max(1, Math.round(l.sizeBytes * 0.4)) })),
      history: built.history,
      config: built.config,
      base: base?.base ?? 'debian:bookworm',
      behaviour: built.behaviour,
      // What its base carries (nginx's pages), then what the build copied in over it.
      files: { ...(base ? catalogFiles(base).files : {}), ...built.files },
      fileTimes: base ? catalogFiles(base).fileTimes : {},
    };
  }
  const entry = catalogImage(image.id)!;
  return {
    id: image.id,
    tags: image.tags,
    digests: image.digests,
    created: Date.parse(entry.created),
    sizeBytes: entry.sizeBytes,
    layers: entry.layers,
    history: entry.history.map((h) => ({ ...h, created: Date.parse(h.created) })),
    config: entry.config,
    base: entry.base,
    behaviour: entry.behaviour,
    ...catalogFiles(entry),
  };
}

/**
 * Finds a local image the way the engine does: by name (a missing tag means `latest`), by full id,
 * or by a unique prefix of the id's hex. Returns undefined when nothing matches.
 */
export function findImage(docker: DockerState, nameOrId: string): LocalImage | undefined {
  const images = Object.values(docker.images);
  const hex = nameOrId.replace(/^sha256:/, '');
  if (/^[0-9a-f]{1,64}$/.test(hex)) {
    const byPrefix = images.filter((i) => i.id.slice(7).startsWith(hex));
    if (byPrefix.length === 1 && (hex.length >= 4 || nameOrId.startsWith('sha256:'))) return byPrefix[0];
  }
  let ref;
  try {
    ref = parseReference(nameOrId);
  } catch (e) {
    if (e instanceof ReferenceError_) return undefined;
    throw e;
  }
  if (ref.digest) {
    // `nginx@sha256:...` names an image by the digest it was pulled (or pushed) with.
    const byDigest = `${familiarRepository(ref)}@${ref.digest}`;
    return images.find((i) => i.digests.includes(byDigest));
  }
  const name = familiarName(ref);
  return images.find((i) => i.tags.includes(name));
}

/**
 * An image's full view by id: a local one, or one this machine no longer holds but the world still
 * knows (a built image removed locally whose copy a registry keeps; a catalog image).
 */
export function imageViewById(docker: DockerState, id: string): ImageView | undefined {
  const local = own(docker.images, id);
  if (local) return viewImage(docker, local);
  const remembered: Omit<LocalImage, 'source'> = { id, tags: [], digests: [], added: 0 };
  if (own(docker.builtImages, id)) return viewImage(docker, { ...remembered, source: 'built' });
  if (catalogImage(id)) return viewImage(docker, { ...remembered, source: 'catalog' });
  return undefined;
}

/**
 * A layer's diff id (the digest of its uncompressed tar, RootFS.Layers in docker inspect), derived
 * from its compressed digest with the same formula inspect uses: push prints these, not the blob
 * digests a pull prints.
 */
export const layerDiffId = (digest: string) => `sha256:${stableHex(`diffid:${digest}`)}`;

/**
 * The layer store's chain ids, base first: the first is the base layer's diff id, each next one
 * digests the parent chain id and the layer's diff id (`docker rmi` prints these as `Deleted:`).
 */
export function chainIds(layers: readonly { digest: string }[]): string[] {
  const chains: string[] = [];
  for (const layer of layers) {
    const diff = layerDiffId(layer.digest);
    const parent = chains[chains.length - 1];
    chains.push(parent ? `sha256:${stableHex(`chain:${parent} ${diff}`)}` : diff);
  }
  return chains;
}

/** Removes `name` from whichever image holds it, so it can be given to another. */
export function untag(docker: DockerState, name: string): DockerState {
  const images: Record<string, LocalImage> = {};
  for (const [id, image] of Object.entries(docker.images)) {
    images[id] = image.tags.includes(name) ? { ...image, tags: image.tags.filter((t) => t !== name) } : image;
  }
  return { ...docker, images };
}

/** Adds (or moves) a tag onto an image, creating the local image entry if needed. */
export function addImage(docker: DockerState, image: LocalImage, tag?: string): DockerState {
  let next = tag ? untag(docker, tag) : docker;
  const existing = own(next.images, image.id);
  const merged: LocalImage = existing
    ? { ...existing, tags: tag && !existing.tags.includes(tag) ? [...existing.tags, tag] : existing.tags, digests: [...new Set([...existing.digests, ...image.digests])] }
    : { ...image, tags: tag ? [...new Set([...image.tags, tag])] : image.tags };
  next = { ...next, images: { ...next.images, [image.id]: merged } };
  return next;
}

/** The containers (in any state) using an image. */
export function containersUsing(docker: DockerState, imageId: string) {
  return Object.values(docker.containers).filter((c) => c.imageId === imageId);
}
