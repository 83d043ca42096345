// Where images come from: Docker Hub serves the catalog's official images; the learner's own
// pushes live in `docker.registry`. Private registries (registry.example.com and addresses shaped
// like ECR, ACR or Artifact Registry) want a login first.
import type { CatalogImage, CatalogLayer } from '../catalog/types';
import { DOCKER_HUB, familiarRepository, type ImageReference } from '../reference';
import type { DockerState, PushedImage } from '../state';
import { catalogByName, catalogRepositoryExists } from './images';

export type RemoteImage =
  | { kind: 'catalog'; image: CatalogImage; digest: string; layers: CatalogLayer[] }
  | { kind: 'pushed'; pushed: PushedImage; digest: string };

export type RemoteLookup = { ok: true; remote: RemoteImage } | { ok: false; error: string };

const PRIVATE_HOSTS = [/^registry\.example\.com(:\d+)?$/, /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/, /\.azurecr\.io$/, /-docker\.pkg\.dev$/, /^(eu\.|us\.|asia\.)?gcr\.io$/, /^localhost(:\d+)?$/, /^ghcr\.io$/];

/** Registries this simulated world knows (Docker Hub and the private ones above). */
export function knownRegistry(domain: string): boolean {
  return domain === DOCKER_HUB || PRIVATE_HOSTS.some((re) => re.test(domain));
}

export function needsLogin(domain: string): boolean {
  return domain !== DOCKER_HUB && !/^localhost(:\d+)?$/.test(domain);
}

export const repositoryKey = (ref: Pick<ImageReference, 'domain' | 'path'>) => `${ref.domain}/${ref.path}`;

export function lookupRemote(docker: DockerState, ref: ImageReference): RemoteLookup {
  const repo = familiarRepository(ref);
  const pushed = docker.registry[repositoryKey(ref)]?.[ref.tag];
  if (!knownRegistry(ref.domain)) {
    return { ok: false, error: `Get "https://${ref.domain}/v2/": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')} on 127.0.0.53:53: no such host` };
  }
  if (needsLogin(ref.domain) && !docker.logins[ref.domain]) {
    return { ok: false, error: `Head "https://${ref.domain}/v2/${ref.path}/manifests/${ref.tag}": no basic auth credentials` };
  }
  if (pushed) return { ok: true, remote: { kind: 'pushed', pushed, digest: pushed.digest } };
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
