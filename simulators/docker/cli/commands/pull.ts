// docker pull: fetch an image (and every layer not already here) from its registry.
import { parseReference, ReferenceError_, canonicalName } from '../../reference';
import { lookupRemote } from '../../engine/registry';
import { pullImage } from '../pull-progress';
import { dockerCommand } from '../spec';

export const pull = dockerCommand('pull', {
  args: [{ name: 'NAME[:TAG|@DIGEST]' }],
  *run(ctx) {
    const [name] = ctx.command.args;
    let ref;
    try {
      ref = parseReference(name);
    } catch (e) {
      if (e instanceof ReferenceError_) {
        ctx.err(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const quiet = Boolean(ctx.command.flags.quiet);
    if (!quiet && !/[:@]/.test(name.slice(name.lastIndexOf('/') + 1))) ctx.out('Using default tag: latest\n');
    yield { type: 'wait', ms: 300 };
    const remote = lookupRemote(ctx.world(), ref);
    if (!remote.ok) {
      ctx.err(`Error response from daemon: ${remote.error}\n`);
      return 1;
    }
    yield* pullImage(ctx, ref, remote.remote, 'out', quiet);
    ctx.out(ref.digest && !ref.tagged ? `${ref.domain}/${ref.path}@${ref.digest}\n` : `${canonicalName(ref)}\n`);
    return 0;
  },
});
