// Pushing images to a registry (docker push), as the daemon with the classic image store does it
// (moby distribution/push.go, push_v2.go): find the local tags of the repository, check the
// registry's answer to our credentials, then send each layer the registry lacks, newest first,
// and finally the manifest, whose digest names what was pushed. A remote registry's contents live
// in `docker.registry`; a registry container on this laptop writes them into its own files.
import { own } from '../../core/own';
import { DOCKER_HUB, familiarName, familiarRepository, type ImageReference } from '../reference';
import { CATALOG } from '../catalog';
import type { DockerState } from '../state';
import type { World } from '../../world';
import { imageViewById, layerDiffId, type ImageView } from './images';
import { stableHex } from './networks';
import { knownRegistry, needsLogin, noSuchHost, registryKind, repositoryKey, unauthenticated, unreachable } from './registry';
import { readRegistry, servingRegistry, storeManifest } from './registry-storage';

/** What happens to one layer: already in the repository, mounted from another one, or uploaded. */
export type LayerOutcome = { kind: 'exists' } | { kind: 'mounted'; from: string } | { kind: 'pushed' };

export interface PushLayer {
  /** The first 12 hex digits of the layer's diff id: what `docker push` prints. */
  id: string;
  /** The compressed blob's digest and size: what goes over the wire. */
  digest: string;
  bytes: number;
  outcome: LayerOutcome;
}

export interface PushTarget {
  tag: string;
  imageId: string;
}

const SCHEMA2 = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG = 'application/vnd.docker.container.image.v1+json';
const LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

/**
 * Step one, before any layer: what the daemon refuses at once. `The push refers to repository`
 * has been printed by then; these errors follow it.
 */
export function pushTargets(docker: DockerState, ref: ImageReference, allTags: boolean): { ok: true; targets: PushTarget[] } | { ok: false; error: string } {
  const repository = familiarRepository(ref);
  const local = Object.values(docker.images)
    .flatMap((image) => image.tags.map((tag) => ({ tag, imageId: image.id })))
    .filter((t) => t.tag.slice(0, t.tag.lastIndexOf(':')) === repository)
    .map((t) => ({ tag: t.tag.slice(t.tag.lastIndexOf(':') + 1), imageId: t.imageId }))
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  if (!local.length) return { ok: false, error: `An image does not exist locally with the tag: ${repository}` };
  if (!knownRegistry(ref.domain)) return { ok: false, error: noSuchHost(ref.domain) };
  const down = unreachable(docker, ref.domain);
  if (down) return { ok: false, error: down };
  if (allTags) return { ok: true, targets: local };
  const one = local.find((t) => t.tag === ref.tag);
  if (!one) return { ok: false, error: `tag does not exist: ${familiarName(ref)}` };
  return { ok: true, targets: [one] };
}

/** The registry's answer to our credentials, or undefined when it lets us push. */
export function pushRefusal(docker: DockerState, ref: ImageReference): string | undefined {
  if (registryKind(ref.domain) === 'hub') {
    // Docker Hub: only into your own namespace, and official images (`library/`) into nobody's.
    const user = docker.logins[DOCKER_HUB]?.username;
    return user && ref.path.split('/')[0] === user.toLowerCase() ? undefined : unauthenticated(ref, 'push');
  }
  if (needsLogin(ref.domain) && !own(docker.logins, ref.domain)) return unauthenticated(ref, 'push');
  return undefined;
}

/** The repositories of the registry `ref` names and the blobs each holds, when it is a container on this laptop. */
function localRepositories(world: World, ref: ImageReference): Map<string, Set<string>> | undefined {
  const container = servingRegistry(world.docker, ref.domain);
  if (!container) return undefined;
  const { repositories } = readRegistry(world, container);
  return new Map([...repositories].map(([name, repo]) => [`${ref.domain}/${name}`, new Set(repo.layers)]));
}

/** Blob digests a repository holds: what was pushed to it, and for Docker Hub's official images the catalog. */
function blobsOf(docker: DockerState, key: string): Set<string> {
  const blobs = new Set<string>();
  for (const pushed of Object.values(own(docker.registry, key) ?? {})) for (const l of imageViewById(docker, pushed.imageId)?.layers ?? []) blobs.add(l.digest);
  if (key.startsWith(`${DOCKER_HUB}/library/`)) {
    const name = key.slice(`${DOCKER_HUB}/library/`.length);
    for (const image of CATALOG) if (image.repository === name) for (const l of image.layers) blobs.add(l.digest);
  }
  return blobs;
}

/**
 * The other repositories of the same registry a layer could be mounted from, best first: for
 * Docker Hub the official image the pushed one was pulled or built from, then the learner's own.
 */
function mountSources(docker: DockerState, ref: ImageReference, view: ImageView, local?: Map<string, Set<string>>): string[] {
  const target = repositoryKey(ref);
  const mine = [...(local?.keys() ?? Object.keys(docker.registry).sort())].filter((key) => key !== target && key.startsWith(`${ref.domain}/`));
  if (ref.domain !== DOCKER_HUB) return mine;
  const base = own(docker.builtImages, view.id)?.baseId ?? view.id;
  const official = [...new Set([...CATALOG.filter((i) => i.id === base), ...CATALOG].map((i) => `${DOCKER_HUB}/library/${i.repository}`))];
  return [...official.filter((key) => key !== target), ...mine];
}

/** Each layer of the image, newest first as docker lists them, and what the push will do with it. */
export function planLayers(world: World, ref: ImageReference, imageId: string): PushLayer[] {
  const docker = world.docker;
  const view = imageViewById(docker, imageId);
  if (!view) return [];
  const local = localRepositories(world, ref);
  const blobs = (key: string) => (local ? (local.get(key) ?? new Set<string>()) : blobsOf(docker, key));
  const present = blobs(repositoryKey(ref));
  const sources = mountSources(docker, ref, view, local).map((key) => ({ key, blobs: blobs(key) }));
  const seen = new Set<string>();
  const layers: PushLayer[] = [];
  for (const l of [...view.layers].reverse()) {
    const id = layerDiffId(l.digest).slice(7, 19);
    if (seen.has(id)) continue;
    seen.add(id);
    const from = sources.find((s) => s.blobs.has(l.digest));
    const outcome: LayerOutcome = present.has(l.digest) ? { kind: 'exists' } : from ? { kind: 'mounted', from: from.key.slice(ref.domain.length + 1) } : { kind: 'pushed' };
    layers.push({ id, digest: l.digest, bytes: l.compressedBytes, outcome });
  }
  return layers;
}

/**
 * The image manifest the push uploads last (schema 2, as the classic store pushes it, indented
 * with three spaces as Go's MarshalIndent writes it): its length is the `size:` docker prints
 * and its digest names the pushed image. The config blob's size is an estimate from the history.
 */
export function manifestOf(view: ImageView): { digest: string; size: number; text: string } {
  const configSize = 1_200 + view.config.env.join(',').length + view.history.reduce((n, h) => n + h.createdBy.length + 96, 0) + view.layers.length * 72;
  const manifest = {
    schemaVersion: 2,
    mediaType: SCHEMA2,
    config: { mediaType: CONFIG, size: configSize, digest: view.id },
    layers: view.layers.map((l) => ({ mediaType: LAYER, size: l.compressedBytes, digest: l.digest })),
  };
  const text = JSON.stringify(manifest, null, 3);
  return { digest: `sha256:${stableHex(`manifest:${text}`)}`, size: text.length, text };
}

/**
 * The registry now holds the image under `tag` (a registry container in its files, a remote one in
 * `docker.registry`); the local image remembers the digest it got.
 */
export function recordPush(world: World, ref: ImageReference, target: PushTarget, manifest: { digest: string; text: string }): World {
  const digest = manifest.digest;
  const container = servingRegistry(world.docker, ref.domain);
  let next = world;
  if (container) {
    const view = imageViewById(world.docker, target.imageId);
    const blobs = [target.imageId, ...(view?.layers.map((l) => l.digest) ?? [])];
    next = storeManifest(world, container, ref.path, target.tag, { ...manifest, blobs });
  } else {
    const key = repositoryKey(ref);
    const registry = { ...world.docker.registry, [key]: { ...own(world.docker.registry, key), [target.tag]: { imageId: target.imageId, digest, pushedAt: world.clock.now } } };
    next = { ...world, docker: { ...world.docker, registry } };
  }
  const docker = next.docker;
  const image = own(docker.images, target.imageId);
  const repoDigest = `${familiarRepository(ref)}@${digest}`;
  if (!image || image.digests.includes(repoDigest)) return next;
  return { ...next, docker: { ...docker, images: { ...docker.images, [image.id]: { ...image, digests: [...image.digests, repoDigest] } } } };
}
