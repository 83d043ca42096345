// The shape of the image catalog: real images as data (names, tags, digests, layers, sizes,
// configuration) plus what a container of each one does when it runs. The engine reads only this.
import type { ImageBehaviour, ImageConfig } from '../../workloads/image';

export type { ImageBehaviour, ImageConfig } from '../../workloads/image';

export interface CatalogLayer {
  /** Compressed blob digest as the registry stores it (`sha256:` + 64 hex): pull prints its first 12 hex. */
  digest: string;
  /** Compressed size in bytes (what a pull downloads). */
  compressedBytes: number;
  /** Uncompressed size in bytes (what `docker history` shows for the layer). */
  sizeBytes: number;
}

/** One line of `docker history`: the Dockerfile step that made a layer, or an empty (metadata) step. */
export interface CatalogHistoryStep {
  /** ISO time the step ran. */
  created: string;
  /** As docker history prints it, e.g. `/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]` or `RUN /bin/sh -c set -x ...`. */
  createdBy: string;
  /** Bytes the step added (0 for metadata-only steps). */
  sizeBytes: number;
  /** True for steps that add no layer (ENV, CMD, EXPOSE, ...). */
  emptyLayer: boolean;
  comment?: string;
}

export interface CatalogImage {
  /** Repository as users type it for Docker Hub official images: 'nginx', 'python'. */
  repository: string;
  /** Every tag that names this exact image, e.g. ['latest', '1.27', '1.27.3', 'mainline', 'bookworm']. */
  tags: string[];
  /** Digest of the manifest list, printed by pull: `Digest: sha256:...`. */
  digest: string;
  /** Image (config) id, `sha256:` + 64 hex; `docker images` shows its first 12 hex. */
  id: string;
  /** ISO time the image was built (docker images CREATED). */
  created: string;
  /** Total uncompressed size in bytes (docker images SIZE, Docker 28's classic image store). */
  sizeBytes: number;
  /** Layers from the base up. */
  layers: CatalogLayer[];
  /** docker history, NEWEST FIRST as docker prints it. */
  history: CatalogHistoryStep[];
  config: ImageConfig;
  os: 'linux';
  architecture: 'amd64';
  /** The distribution underneath, for /etc/os-release inside the container: 'debian:bookworm', 'alpine:3.21', 'ubuntu:24.04', 'busybox'. */
  base: string;
  behaviour: ImageBehaviour;
}
