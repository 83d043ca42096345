// The daemon's side of docker login (POST /auth): it asks the registry's /v2/ endpoint whether
// the credentials are good. The practice registries here accept any non-empty password, except
// Amazon ECR, whose only user name is `AWS` (the password being a token from the aws CLI).
import { own } from '../../core/own';
import { DOCKER_HUB } from '../reference';
import type { DockerState } from '../state';
import { knownRegistry, noSuchHost, registryKind, unreachable } from './registry';

/** Docker Hub's key in config.json, and the server the client logs in to by default. */
export const INDEX_SERVER = 'https://index.docker.io/v1/';

/** The client's ConvertToHostname: `https://registry.example.com/v2/` -> `registry.example.com`. */
export function hostnameOf(server: string): string {
  const stripped = server.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return stripped.split('/')[0];
}

/** The registry domain a login is for, as image references name it (`docker.io` for Docker Hub). */
export function loginDomain(server: string): string {
  if (server === INDEX_SERVER) return DOCKER_HUB;
  const host = hostnameOf(server);
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB : host;
}

/**
 * The daemon's verdict: undefined when the registry accepts, else its error (after "Error response
 * from daemon: "). The client never sends an empty password, so only ECR's rule can refuse.
 */
export function registryLogin(server: string, username: string, password: string, docker?: DockerState): string | undefined {
  const domain = loginDomain(server);
  if (!knownRegistry(domain)) return noSuchHost(domain);
  const down = docker ? unreachable(docker, domain) : undefined;
  if (down) return down;
  // ECR answers a bad token, or a user other than AWS, with a bare 400 to the basic-auth request.
  if (registryKind(domain) === 'ecr' && username !== 'AWS') return `login attempt to https://${domain}/v2/ failed with status: 400 Bad Request`;
  return undefined;
}

export function withLogin(docker: DockerState, domain: string, username: string): DockerState {
  return { ...docker, logins: { ...docker.logins, [domain]: { username } } };
}

export function withoutLogin(docker: DockerState, domain: string): DockerState {
  if (!own(docker.logins, domain)) return docker;
  const logins = { ...docker.logins };
  delete logins[domain];
  return { ...docker, logins };
}
