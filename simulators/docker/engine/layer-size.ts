// The size of a container's writable layer (SizeRw): what its programs wrote over its image.
// docker ps -s, docker system df and the prunes' "reclaimed space" all report it.
import { byteLength, childOf, type DirNode, type FsNode } from '../../shell/fs';
import type { Container, DockerState } from '../state';
import { imageViewById, type ImageView } from './images';
import { containerRootfs } from './rootfs';

/** The engine's own bind mounts, not part of the container's layer. */
const ENGINE_FILES = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);

/**
 * What a default program writes when it starts, which the simulator does not write file by file:
 * an nginx container's entrypoint rewrites default.conf to listen on IPv6 and nginx makes its
 * cache folders, 1.09kB as docker ps -s shows for a real one.
 */
function startupWrites(container: Container, image: ImageView | undefined): number {
  if (!container.state.startedAt) return 0;
  const nginx = image?.config.entrypoint?.[0] === '/docker-entrypoint.sh' && container.path === '/docker-entrypoint.sh' && container.args[0] === 'nginx';
  return nginx ? 1_095 : 0;
}

/** Bytes of the files the container added or changed over its image's tree. */
function changedBytes(container: Container, image: ImageView): number {
  if (!container.fs) return 0;
  const base = containerRootfs(container, image, container.created);
  const walk = (node: FsNode, was: FsNode | undefined, path: string): number => {
    if (node.kind === 'file') return ENGINE_FILES.has(path) || (was?.kind === 'file' && was.content === node.content) ? 0 : byteLength(node.content);
    return Object.keys(node.children).reduce((sum, name) => sum + walk(childOf(node, name)!, was?.kind === 'dir' ? childOf(was as DirNode, name) : undefined, `${path}/${name}`), 0);
  };
  return walk(container.fs, base, '');
}

export function writableLayerBytes(docker: DockerState, container: Container): number {
  const image = imageViewById(docker, container.imageId);
  if (!image) return 0;
  return startupWrites(container, image) + changedBytes(container, image);
}
