// docker push NAME[:TAG]: upload an image to its registry. The daemon streams progress, one line
// per layer keyed by the layer's short diff id (newest first): Preparing, Waiting (beyond five
// uploads at once), Pushing with a bar, then Pushed, Layer already exists or Mounted from
// <repository>; last the tag's digest and manifest size. A registry that refuses says so after the
// Preparing lines. In a live terminal the lines redraw in place, as the client does on a tty;
// session.run() shows the final screen.
import type { CommandContext, Effect } from '../../../core/process';
import { humanSize } from '../../format';
import { canonicalName, familiarName, parseReference, ReferenceError_, type ImageReference } from '../../reference';
import { imageViewById } from '../../engine/images';
import { manifestOf, planLayers, pushRefusal, pushTargets, recordPush, type PushLayer } from '../../engine/push';
import { latency } from '../output';
import { dockerCommand } from '../spec';

type Run = Generator<Effect, number, string | null>;

/** About what a home connection uploads: ten megabytes or so a second. */
const BYTES_PER_MS = 10_000;
/** dockerd's default max-concurrent-uploads: the rest wait. */
const CONCURRENT_UPLOADS = 5;

/** jsonmessage's progress, as pull shows it: the bar only on terminals wider than 110 columns, then `current/total`. */
function bar(current: number, total: number, cols: number): string {
  const percentage = Math.max(0, Math.min(50, Math.floor((current / Math.max(1, total)) * 50)));
  const box = cols > 110 ? `[${'='.repeat(percentage)}>${' '.repeat(50 - percentage)}] ` : '';
  return `${box}${humanSize(current, 4).padStart(8)}/${humanSize(total, 4)}`;
}

/**
 * The client's progress display (jsonmessage): a line per layer id, rewritten in place on a live
 * terminal; otherwise the final text of every line once the stream ends.
 */
function progressDisplay(ctx: CommandContext, quiet: boolean) {
  const lines: { id?: string; text: string }[] = [];
  const live = ctx.live && !quiet;
  const redraw = (index: number) => {
    const up = lines.length - index;
    ctx.out(`\x1b[${up}A\r\x1b[2K${lines[index].text}\r\x1b[${up}B`);
  };
  return {
    message(text: string) {
      lines.push({ text });
      if (live) ctx.out(`${text}\n`);
    },
    status(id: string, status: string) {
      const text = `${id}: ${status}`;
      const index = lines.findIndex((l) => l.id === id);
      if (index === -1) {
        lines.push({ id, text });
        if (live) ctx.out(`${text}\n`);
      } else {
        lines[index].text = text;
        if (live) redraw(index);
      }
    },
    flush() {
      if (!live && !quiet) ctx.out(lines.map((l) => `${l.text}\n`).join(''));
    },
  };
}

function* uploadLayer(ctx: CommandContext, display: ReturnType<typeof progressDisplay>, layer: PushLayer): Generator<Effect, void, string | null> {
  const steps = Math.max(1, Math.min(8, Math.round(layer.bytes / 4_000_000)));
  for (let s = 1; s <= steps; s++) {
    display.status(layer.id, `Pushing ${bar(Math.round((layer.bytes * s) / steps), layer.bytes, ctx.tty?.cols ?? 80)}`);
    yield latency(layer.bytes / BYTES_PER_MS / steps + 20);
  }
  display.status(layer.id, 'Pushed');
}

/** The daemon's side: every tag asked for, its layers, then its manifest. */
function* pushStream(ctx: CommandContext, ref: ImageReference, allTags: boolean, display: ReturnType<typeof progressDisplay>): Generator<Effect, string | undefined, string | null> {
  display.message(`The push refers to repository [${ref.domain}/${ref.path}]`);
  yield latency(250);
  const found = pushTargets(ctx.world().docker, ref, allTags);
  if (!found.ok) return found.error;
  for (const target of found.targets) {
    const layers = planLayers(ctx.world(), ref, target.imageId);
    for (const layer of layers) display.status(layer.id, 'Preparing');
    yield latency(150);
    layers.slice(CONCURRENT_UPLOADS).forEach((layer) => display.status(layer.id, 'Waiting'));
    yield latency(350);
    const refused = pushRefusal(ctx.world().docker, ref);
    if (refused) return refused;
    for (const layer of layers) {
      if (layer.outcome.kind === 'exists') {
        display.status(layer.id, 'Layer already exists');
        yield latency(60);
      } else if (layer.outcome.kind === 'mounted') {
        display.status(layer.id, `Mounted from ${layer.outcome.from}`);
        yield latency(180);
      } else yield* uploadLayer(ctx, display, layer);
    }
    const view = imageViewById(ctx.world().docker, target.imageId);
    if (!view) return `An image does not exist locally with the tag: ${familiarName({ ...ref, tag: target.tag })}`;
    const manifest = manifestOf(view);
    yield latency(300);
    ctx.update((w) => recordPush(w, ref, target, manifest));
    display.message(`${target.tag}: digest: ${manifest.digest} size: ${manifest.size}`);
  }
  return undefined;
}

export const push = dockerCommand('push', {
  args: [{ name: 'NAME[:TAG]' }],
  *run(ctx): Run {
    const [name] = ctx.command.args;
    const f = ctx.command.flags;
    const quiet = Boolean(f.quiet);
    const allTags = Boolean(f['all-tags']);
    let ref;
    try {
      ref = parseReference(name);
    } catch (e) {
      if (!(e instanceof ReferenceError_)) throw e;
      ctx.err(`${e.message}\n`);
      return 1;
    }
    const explicitTag = /[:@]/.test(name.slice(name.lastIndexOf('/') + 1));
    if (allTags && explicitTag) {
      ctx.err("tag can't be used with --all-tags/-a\n");
      return 1;
    }
    if (!allTags && !explicitTag && !quiet) ctx.out('Using default tag: latest\n');
    const display = progressDisplay(ctx, quiet);
    const error = yield* pushStream(ctx, ref, allTags, display);
    display.flush();
    if (error) {
      ctx.err(`${error}\n`);
      return 1;
    }
    if (quiet) ctx.out(`${allTags ? `${ref.domain}/${ref.path}` : canonicalName(ref)}\n`);
    return 0;
  },
});
