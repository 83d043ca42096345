// The shell line a container runs when its command is not the image's own program.
import type { Container } from '../state';
import type { ImageView } from './images';

/** The container's command when it is not the image's own program: what the shell should run. */
export function commandLine(container: Container, image: ImageView): string {
  const entry = image.config.entrypoint ?? [];
  // Official images' entrypoint scripts run any other command as given (`docker run nginx ls /`).
  // Official images' entrypoint scripts run any command given instead of the server (`docker run registry:2 sh`).
  const passesThrough = entry.length === 1 && /(docker-entrypoint|^\/entrypoint)\.sh$/.test(entry[0]);
  const argv = passesThrough && container.path === entry[0] ? container.args : [container.path, ...container.args];
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
