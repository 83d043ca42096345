// exporting to image: the final stage's history dated (metadata steps take the time of the layer
// before them), its image id from config, layers and history, the exporting vertex with its
// layers, writing and naming, and the image (with what it does when run) added at commit.
import type { ImageConfig } from '../catalog/types';
import { addImage, catalogImage } from '../engine/images';
import { canonicalName, familiarName, parseReference } from '../reference';
import type { BuiltImage, DockerState, LocalImage } from '../state';
import { digestOf } from '../../core/hash';
import { inferBehaviour } from './app-behaviour';
import { addVertex, type Plan } from './plan';
import type { StageState } from './build-types';

/** Exports the target stage's state as the image; returns its id. */
export function exportImage(plan: Plan, st: StageState): string {
  const { req, startAt } = plan;
  const newLayerBytes = st.layers.reduce((n, l) => n + l.sizeBytes, 0);
  // Metadata steps take the time of the layer before them (or, before any, of the first one).
  const firstCreated = st.history.find((h) => h.created !== undefined)?.created ?? startAt;
  let last: number | undefined;
  for (const h of st.history) {
    if (h.created !== undefined) last = h.created;
    else h.created = last ?? firstCreated;
  }
  const created = Math.max(...st.history.map((h) => h.created!), st.history.length ? 0 : startAt);
  const history: BuiltImage['history'] = [
    ...[...st.history].reverse().map((h) => ({ created: h.created!, createdBy: h.createdBy, sizeBytes: h.sizeBytes, emptyLayer: h.emptyLayer, comment: h.comment })),
    ...st.baseHistory,
  ];
  const layers = [...st.baseLayers, ...st.layers];
  const config: ImageConfig = { ...st.config, labels: { ...st.config.labels, ...(req.labels ?? {}) } };
  const imageId = digestOf(JSON.stringify({ config, layers: layers.map((l) => l.digest), history: history.map((h) => [h.created, h.createdBy, h.emptyLayer]) }));
  const exportStart = plan.t + 1;
  const layersMs = 25 + newLayerBytes / 400_000 + st.layers.length * 12;
  const exp = addVertex(plan, 'exporting to image', exportStart, exportStart);
  exp.statuses.push({ id: 'exporting layers', start: exportStart + 1, end: exportStart + 1 + layersMs });
  let cursor = exportStart + 1 + layersMs;
  exp.statuses.push({ id: `writing image ${imageId}`, start: cursor + 1, end: cursor + 9 });
  cursor += 10;
  const names: string[] = [];
  for (const tag of req.tags) {
    const ref = parseReference(tag);
    names.push(familiarName(ref));
    exp.statuses.push({ id: `naming to ${canonicalName(ref)}`, start: cursor + 1, end: cursor + 4 });
    cursor += 5;
  }
  exp.end = cursor + 1;
  plan.t = exp.end;
  plan.total = Math.max(plan.total, plan.vertices.length);
  const baseId = st.rootId;
  const root = catalogImage(baseId);
  const behaviour = inferBehaviour({ config, files: st.files, base: root, repository: st.repository, builtAt: created });
  plan.commitImage = (d: DockerState, at: number) => {
    const built: BuiltImage = { created, config, layers, history, baseId, behaviour, files: st.files };
    let next: DockerState = { ...d, builtImages: { ...d.builtImages, [imageId]: built } };
    const image: LocalImage = { id: imageId, tags: [], digests: [], added: at, source: 'built' };
    if (!names.length && !next.images[imageId]) next = { ...next, images: { ...next.images, [imageId]: image } };
    for (const name of names) next = addImage(next, image, name);
    return next;
  };
  return imageId;
}
