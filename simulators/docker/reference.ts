// Image references as Docker reads them (distribution/reference): `nginx`, `nginx:1.27`,
// `registry.example.com/team/myapp:1.0`, `localhost:5000/x@sha256:...`. Docker Hub is the default
// registry and `library/` the default namespace of official images.

export const DOCKER_HUB = 'docker.io';

export interface ImageReference {
  /** Registry host: `docker.io` unless the first component looks like a host. */
  domain: string;
  /** Repository path inside the registry: `library/nginx`, `team/myapp`. */
  path: string;
  tag: string;
  digest?: string;
  /** Whether the input named a tag (`nginx@sha256:...` does not: it is pulled by digest alone). */
  tagged?: boolean;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;

export class ReferenceError_ extends Error {}

/** Parses a reference or throws with Docker's wording (`invalid reference format...`). */
export function parseReference(input: string): ImageReference {
  if (input === '' || /\s/.test(input)) throw new ReferenceError_('invalid reference format');
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError_('invalid reference format');
  }
  let tag = 'latest';
  let tagged = false;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tagged = true;
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new ReferenceError_('invalid reference format');
  }
  const parts = rest.split('/');
  let domain = DOCKER_HUB;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost' || /[A-Z]/.test(parts[0]))) {
    domain = parts.shift()!;
    if (!DOMAIN.test(domain)) throw new ReferenceError_('invalid reference format');
  }
  for (const part of parts) {
    if (!COMPONENT.test(part)) {
      if (COMPONENT.test(part.toLowerCase())) {
        const path = domain === DOCKER_HUB && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
        throw new ReferenceError_(`invalid reference format: repository name (${path}) must be lowercase`);
      }
      throw new ReferenceError_('invalid reference format');
    }
  }
  if (domain === 'index.docker.io') domain = DOCKER_HUB;
  const path = domain === DOCKER_HUB && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
  if (path.length > 255) throw new ReferenceError_('invalid reference format: repository name must not be more than 255 characters');
  return { domain, path, tag, digest, tagged };
}

/** The short form Docker prints: `nginx`, `team/app`, `registry.example.com/team/app` (no tag). */
export function familiarRepository(ref: Pick<ImageReference, 'domain' | 'path'>): string {
  if (ref.domain !== DOCKER_HUB) return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
}

/** `nginx:latest`, `registry.example.com/team/app:1.0`. */
export function familiarName(ref: ImageReference): string {
  return `${familiarRepository(ref)}:${ref.tag}`;
}

/** The fully qualified form BuildKit and push print: `docker.io/library/nginx:latest`. */
export function canonicalName(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}:${ref.tag}`;
}
