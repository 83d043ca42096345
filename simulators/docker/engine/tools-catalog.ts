// What the sandbox's image tools need to know of Docker's images: Python's banner for each version
// the catalog has, and redis-cli in images that carry it.
import type { CommandSpec } from '../../core/command/spec';
import type { ToolsCatalog } from '../../workloads/sandbox/image-tools';
import { CATALOG } from '../catalog';
import { redisCli } from '../programs/redis-cli';

const pythonBanners: Record<string, string> = {};
for (const image of CATALOG) {
  const b = image.behaviour;
  if (b.kind === 'interpreter' && b.language === 'python' && !(b.version in pythonBanners)) pythonBanners[b.version] = b.replBanner;
}

export const DOCKER_TOOLS: ToolsCatalog = {
  pythonBanners,
  extra: (env): CommandSpec[] => (env.some((e) => e.startsWith('REDIS_VERSION=')) ? [redisCli] : []),
};
