// What `docker pull` (and a run that has to pull) prints: one line per layer that ends as
// "Pull complete" or "Already exists", then the digest and the status. In a live terminal the
// layer lines redraw in place with progress bars, as the real client does on a tty.
import type { CommandContext, Effect } from '../../core/process';
import type { World } from '../../world';
import { familiarName, familiarRepository, type ImageReference } from '../reference';
import { humanSize } from '../format';
import { addImage, imageViewById, viewImage } from '../engine/images';
import type { RemoteImage } from '../engine/registry';
import type { LocalImage } from '../state';

/** About what a home connection does: the whole nginx pull takes two seconds or so. */
const BYTES_PER_MS = 40_000;

interface LayerPlan {
  short: string;
  bytes: number;
  present: boolean;
}

/** jsonmessage's progress: the bar only on terminals wider than 110 columns, then `current/total`. */
function bar(current: number, total: number, cols: number): string {
  const percentage = Math.max(0, Math.min(50, Math.floor((current / Math.max(1, total)) * 50)));
  const box = cols > 110 ? `[${'='.repeat(percentage)}>${' '.repeat(50 - percentage)}] ` : '';
  return `${box}${humanSize(current, 4).padStart(8)}/${humanSize(total, 4)}`;
}

function layersOf(world: World, remote: RemoteImage): LayerPlan[] {
  const local = new Set(Object.values(world.docker.images).flatMap((i) => viewImage(world.docker, i).layers.map((l) => l.digest)));
  const layers =
    remote.kind === 'catalog'
      ? remote.image.layers
      : // A pushed image may be gone from this machine: the registry still has its layers.
        imageViewById(world.docker, remote.pushed.imageId)?.layers ?? [];
  return layers.map((l) => ({ short: l.digest.slice(7, 19), bytes: l.compressedBytes, present: local.has(l.digest) }));
}

/** Prints the pull and stores the image; returns the id it now has locally. */
/** `stream`: docker pull prints its progress on stdout; docker run and create on stderr (their stdout is the id). */
export function* pullImage(ctx: CommandContext, ref: ImageReference, remote: RemoteImage, stream: 'out' | 'err' = 'out', quiet = false): Generator<Effect, string, string | null> {
  const write = (text: string) => (quiet ? undefined : stream === 'out' ? ctx.out(text) : ctx.err(text));
  const world = ctx.world();
  // By digest alone (`nginx@sha256:...`) the image is named by that digest and gets no tag.
  const byDigest = ref.digest !== undefined && !ref.tagged;
  const name = byDigest ? `${familiarRepository(ref)}@${ref.digest}` : familiarName(ref);
  const label = byDigest ? ref.digest : ref.tag;
  const imageId = remote.kind === 'catalog' ? remote.image.id : remote.pushed.imageId;
  const existing = world.docker.images[imageId];
  if (byDigest ? existing?.digests.includes(name) : existing?.tags.includes(name)) {
    write(`${label}: Pulling from ${ref.path}\nDigest: ${remote.digest}\nStatus: Image is up to date for ${name}\n`);
    yield { type: 'wait', ms: 400 };
    return imageId;
  }
  write(`${label}: Pulling from ${ref.path}\n`);
  // The image itself is already here under another name: nothing to download, only a new tag.
  const plan = existing ? [] : layersOf(world, remote);
  const final = (l: LayerPlan) => `${l.short}: ${l.present ? 'Already exists' : 'Pull complete'}`;
  if (!ctx.live || quiet) {
    write(plan.map((l) => `${final(l)}\n`).join(''));
    yield { type: 'wait', ms: 300 + plan.reduce((ms, l) => ms + (l.present ? 0 : l.bytes / BYTES_PER_MS + 60), 0) };
  } else {
    write(plan.map((l) => `${l.short}: ${l.present ? 'Already exists' : 'Pulling fs layer'}\n`).join(''));
    const cols = ctx.tty?.cols ?? 80;
    // A line wider than the terminal would wrap and break the cursor arithmetic: cut it, as docker does.
    const redraw = (index: number, text: string) => {
      const up = plan.length - index;
      write(`\x1b[${up}A\r\x1b[2K${text.slice(0, cols - 1)}\r\x1b[${up}B`);
    };
    yield { type: 'wait', ms: 300 };
    for (let i = 0; i < plan.length; i++) {
      const layer = plan[i];
      if (layer.present) continue;
      const steps = Math.max(1, Math.min(8, Math.round(layer.bytes / 4_000_000)));
      for (let s = 1; s <= steps; s++) {
        redraw(i, `${layer.short}: Downloading ${bar((layer.bytes * s) / steps, layer.bytes, cols)}`);
        yield { type: 'wait', ms: layer.bytes / BYTES_PER_MS / steps };
      }
      redraw(i, `${layer.short}: Download complete`);
      redraw(i, `${layer.short}: Extracting ${bar(layer.bytes, layer.bytes, cols)}`);
      yield { type: 'wait', ms: 60 };
      redraw(i, final(layer));
    }
  }
  write(`Digest: ${remote.digest}\nStatus: Downloaded newer image for ${name}\n`);
  const repoDigest = `${familiarRepository(ref)}@${remote.digest}`;
  const image: LocalImage = { id: imageId, tags: [], digests: [repoDigest], added: ctx.world().clock.now, source: remote.kind === 'catalog' ? 'catalog' : 'built' };
  ctx.update((w) => ({ ...w, docker: addImage(w.docker, image, byDigest ? undefined : name) }));
  return imageId;
}
