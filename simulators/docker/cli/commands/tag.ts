// docker tag SOURCE TARGET: one more name for an image. The client checks both references before
// asking the daemon (docker/client ImageTag); the daemon moves the name if another image had it.
import { familiarName, parseReference, ReferenceError_ } from '../../reference';
import { addImage, findImage } from '../../engine/images';
import { noSuchImage } from '../../engine/remove';
import { daemonError, latency } from '../output';
import { dockerCommand } from '../spec';

export const tag = dockerCommand('tag', {
  args: [{ name: 'SOURCE_IMAGE[:TAG]' }, { name: 'TARGET_IMAGE[:TAG]' }],
  *run(ctx) {
    const [source, target] = ctx.command.args;
    const invalid = (name: string, e: unknown) => {
      if (!(e instanceof ReferenceError_)) throw e;
      ctx.err(`Error parsing reference: "${name}" is not a valid repository/tag: ${e.message}\n`);
      return 1;
    };
    // The source may be an image id (ParseAnyReference); those always parse as names here too.
    try {
      parseReference(source);
    } catch (e) {
      if (!/^(sha256:)?[0-9a-f]{64}$/.test(source)) return invalid(source, e);
    }
    let ref;
    try {
      ref = parseReference(target);
    } catch (e) {
      return invalid(target, e);
    }
    if (ref.digest) {
      ctx.err('refusing to create a tag with a digest reference\n');
      return 1;
    }
    yield latency(30);
    const image = findImage(ctx.world().docker, source);
    if (!image) return daemonError(ctx, noSuchImage(source));
    const name = familiarName(ref);
    ctx.update((w) => ({ ...w, docker: addImage(w.docker, w.docker.images[image.id], name) }));
    return 0;
  },
});
