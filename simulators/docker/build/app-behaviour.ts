// What a built image does when it runs its default command. The program itself is read by
// workloads/apps (which any runtime can use); this hands it the image's command, environment,
// working directory and files, and the catalog image it descends from, as plain data.
import type { CatalogImage, ImageBehaviour, ImageConfig } from '../catalog/types';
import { appBehaviour } from '../../workloads/apps';

export interface BehaviourInput {
  config: ImageConfig;
  files: Record<string, string>;
  /** The catalog image at the root of the image's chain. */
  base?: CatalogImage;
  repository: string;
  /** When the build ran (Last-Modified of pages it copied). */
  builtAt?: number;
}

const commandOf = (config: ImageConfig) => [...(config.entrypoint ?? []), ...(config.cmd ?? [])];
const envOf = (config: ImageConfig) => Object.fromEntries(config.env.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]));

export function inferBehaviour(input: BehaviourInput): ImageBehaviour | undefined {
  const { config, base } = input;
  return appBehaviour<ImageBehaviour>({
    command: commandOf(config),
    env: envOf(config),
    workingDir: config.workingDir,
    files: input.files,
    runtime: input.repository,
    builtAt: input.builtAt,
    base: base && { runtime: base.repository, command: commandOf(base.config), behaviour: base.behaviour },
  });
}
