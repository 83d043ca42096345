// Where images come from: Docker Hub serves the catalog's official images; the learner's pushes to
// remote registries live in `docker.registry`, and a registry container on this laptop keeps them
// in its own files (registry-storage.ts). Private registries (registry.example.com and addresses
// shaped like ECR, ACR or Artifact Registry) want a login first.
import { own } from '../../core/own';
import type { CatalogImage, CatalogLayer } from '../catalog/types';
import { DOCKER_HUB, familiarRepository, type ImageReference } from '../reference';
import type { DockerState, PushedImage } from '../state';
import type { World } from '../../world';
import { catalogByName, catalogImage, catalogRepositoryExists } from './images';
import { readRegistry, servingRegistry, type RegistryContents } from './registry-storage';
import { CATALOG } from '../catalog';

export type RemoteImage =
  | { kind: 'catalog'; image: CatalogImage; digest: string; layers: CatalogLayer[] }
  | { kind: 'pushed'; pushed: PushedImage; digest: string };

export type RemoteLookup = { ok: true; remote: RemoteImage } | { ok: false; error: string };

/**
 * The registries this world knows, by how they authenticate: Docker Hub (tokens, namespaces per
 * account), a plain registry with basic auth (registry.example.com), Amazon ECR (user `AWS`, a
 * token as password), Azure ACR, Google Artifact Registry and Container Registry, GitHub's, and a
 * registry on localhost that asks for nothing.
 */
export type RegistryKind = 'hub' | 'basic' | 'ecr' | 'acr' | 'gar' | 'gcr' | 'ghcr' | 'open';

const KINDS: [RegExp, RegistryKind][] = [
  [/^registry\.example\.com(:\d+)?$/, 'basic'],
  [/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/, 'ecr'],
  [/^[a-z0-9]+\.azurecr\.io$/, 'acr'],
  [/^[a-z0-9-]+-docker\.pkg\.dev$/, 'gar'],
  [/^((eu|us|asia)\.)?gcr\.io$/, 'gcr'],
  [/^ghcr\.io$/, 'ghcr'],
  [/^(localhost|127\.0\.0\.1)(:\d+)?$/, 'open'],
];

export function registryKind(domain: string): RegistryKind | undefined {
  if (domain === DOCKER_HUB) return 'hub';
  return KINDS.find(([re]) => re.test(domain))?.[1];
}

/** Registries this simulated world knows (Docker Hub and the private ones above). */
export function knownRegistry(domain: string): boolean {
  return registryKind(domain) !== undefined;
}

export function needsLogin(domain: string): boolean {
  const kind = registryKind(domain);
  return kind !== 'hub' && kind !== 'open';
}

/**
 * A registry on this laptop (`localhost:5000`) answers only while a container of the `registry`
 * image publishes that port; otherwise the daemon's connection is refused. Undefined when it answers
 * (or the registry is not a local one).
 */
export function unreachable(docker: DockerState, domain: string): string | undefined {
  const m = /^(localhost|127\.0\.0\.1)(?::(\d+))?$/.exec(domain);
  if (!m) return undefined;
  const port = Number(m[2] ?? 80);
  if (servingRegistry(docker, domain)) return undefined;
  return `Get "http://${domain}/v2/": dial tcp ${m[1] === 'localhost' ? `[::1]:${port}` : `127.0.0.1:${port}`}: connect: connection refused`;
}

/** What the resolver says about a host that does not exist (systemd-resolved on the laptop). */
export const noSuchHost = (domain: string) => `Get "https://${domain}/v2/": dial tcp: lookup ${domain.replace(/:\d+$/, '')} on 127.0.0.53:53: no such host`;

/**
 * What each registry answers a client that sent no credentials. Basic-auth registries (a plain
 * registry, ECR) make the daemon fail before asking: "no basic auth credentials"; the token
 * registries answer in their own words.
 */
export function unauthenticated(ref: Pick<ImageReference, 'domain' | 'path'>, action: 'pull' | 'push'): string {
  switch (registryKind(ref.domain)) {
    case 'acr':
      return 'unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.';
    case 'gar': {
      const [project = '', repository = ''] = ref.path.split('/');
      const location = ref.domain.replace(/-docker\.pkg\.dev$/, '');
      const permission = action === 'push' ? 'uploadArtifacts' : 'downloadArtifacts';
      return `denied: Unauthenticated request. Unauthenticated requests do not have permission "artifactregistry.repositories.${permission}" on resource "projects/${project}/locations/${location}/repositories/${repository}" (or it may not exist)`;
    }
    case 'gcr':
      return "unauthorized: You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication";
    case 'ghcr':
      return action === 'push' ? 'unauthorized: unauthenticated: User cannot be authenticated with the token provided.' : 'denied';
    case 'hub':
      return 'denied: requested access to the resource is denied';
    default:
      return 'no basic auth credentials';
  }
}

export const repositoryKey = (ref: Pick<ImageReference, 'domain' | 'path'>) => `${ref.domain}/${ref.path}`;

/** The registry on this laptop's answer: what its files hold under the tag or digest. */
function lookupLocal(contents: RegistryContents, ref: ImageReference): RemoteLookup {
  const repo = contents.repositories.get(ref.path);
  const digest = ref.digest ? (repo?.revisions.includes(ref.digest) ? ref.digest : undefined) : repo?.tags[ref.tag]?.digest;
  const text = digest ? contents.manifest(digest) : undefined;
  let imageId: string | undefined;
  try {
    imageId = text ? (JSON.parse(text) as { config?: { digest?: string } }).config?.digest : undefined;
  } catch {
    imageId = undefined;
  }
  if (!digest || !imageId) return { ok: false, error: `manifest for ${familiarRepository(ref)}${ref.digest ? `@${ref.digest}` : `:${ref.tag}`} not found: manifest unknown: manifest unknown` };
  // A catalog image pushed under another name is served from the catalog's own data.
  const image = catalogImage(imageId);
  if (image) return { ok: true, remote: { kind: 'catalog', image, digest, layers: image.layers } };
  return { ok: true, remote: { kind: 'pushed', pushed: { imageId, digest, pushedAt: ref.digest ? 0 : repo!.tags[ref.tag].at }, digest } };
}

export function lookupRemote(world: World, ref: ImageReference): RemoteLookup {
  const docker = world.docker;
  const repo = familiarRepository(ref);
  const pushed = docker.registry[repositoryKey(ref)]?.[ref.tag];
  if (!knownRegistry(ref.domain)) return { ok: false, error: noSuchHost(ref.domain) };
  const down = unreachable(docker, ref.domain);
  if (down) return { ok: false, error: down };
  const local = servingRegistry(docker, ref.domain);
  if (local) return lookupLocal(readRegistry(world, local), ref);
  if (needsLogin(ref.domain) && !own(docker.logins, ref.domain)) {
    return { ok: false, error: `Head "https://${ref.domain}/v2/${ref.path}/manifests/${ref.tag}": ${unauthenticated(ref, 'pull')}` };
  }
  if (ref.digest) {
    // By digest: exactly that manifest, from what was pushed to this repository or the catalog.
    const pushedByDigest = Object.values(docker.registry[repositoryKey(ref)] ?? {}).find((p) => p.digest === ref.digest);
    const catalog = ref.domain === DOCKER_HUB && ref.path.startsWith('library/') ? CATALOG.find((i) => i.repository === ref.path.slice('library/'.length) && i.digest === ref.digest) : undefined;
    const image = catalog ?? (pushedByDigest ? catalogImage(pushedByDigest.imageId) : undefined);
    if (image) return { ok: true, remote: { kind: 'catalog', image, digest: ref.digest, layers: image.layers } };
    if (pushedByDigest) return { ok: true, remote: { kind: 'pushed', pushed: pushedByDigest, digest: ref.digest } };
    if (ref.domain === DOCKER_HUB && !catalogRepositoryExists(ref.path.replace(/^library\//, ''))) {
      return { ok: false, error: `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` };
    }
    return { ok: false, error: `manifest for ${repo}@${ref.digest} not found: manifest unknown: manifest unknown` };
  }
  if (pushed) {
    // A catalog image pushed under another name is served from the catalog's own data.
    const image = catalogImage(pushed.imageId);
    if (image) return { ok: true, remote: { kind: 'catalog', image, digest: pushed.digest, layers: image.layers } };
    return { ok: true, remote: { kind: 'pushed', pushed, digest: pushed.digest } };
  }
  if (ref.domain === DOCKER_HUB && ref.path.startsWith('library/')) {
    const name = ref.path.slice('library/'.length);
    const image = catalogByName(name, ref.tag);
    if (image) return { ok: true, remote: { kind: 'catalog', image, digest: image.digest, layers: image.layers } };
    if (catalogRepositoryExists(name)) return { ok: false, error: `manifest for ${repo}:${ref.tag} not found: manifest unknown: manifest unknown` };
  }
  if (docker.registry[repositoryKey(ref)]) return { ok: false, error: `manifest for ${repo}:${ref.tag} not found: manifest unknown: manifest unknown` };
  if (ref.domain === DOCKER_HUB) {
    return { ok: false, error: `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` };
  }
  return { ok: false, error: `${repo}:${ref.tag}: not found` };
}
