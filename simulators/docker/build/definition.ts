// [internal] load build definition: the Dockerfile read and parsed, and for
// `# syntax=docker/dockerfile:1` the frontend image BuildKit fetches first and hands the build to.
import { byteLength, lookup } from '../../shell/fs';
import { canonicalName, parseReference, ReferenceError_, type ImageReference } from '../reference';
import { DockerfileError, parseDockerfile, type ParsedDockerfile } from './dockerfile';
import { addVertex, finish, type Plan } from './plan';
import type { BuildOutcome } from './build-types';

/**
 * The Dockerfile frontend image `# syntax=docker/dockerfile:1` names. Not from a registry: the
 * digest and layer are placeholders of the right shape (docker/dockerfile:1 was 1.12.1 in Jan 2025).
 */
const DOCKERFILE_FRONTEND = {
  digest: 'sha256:93bfd3b68c109427185cd78b4779fc82b484b0b7618e36d0f104d4d801e66d25',
  layer: { digest: 'sha256:8bb94eb0d39fc5f0b7c67ac0d8b2a1ddd8bb1ec2a1d0a2ba55a0a5dc5ef3e6b2', compressed: 13_566_122 },
};

/** The parsed Dockerfile, or the outcome of a build that ends here. */
export function loadDefinition(plan: Plan): ParsedDockerfile | BuildOutcome {
  const { req, dockerfileName } = plan;
  const dfNode = lookup(req.fs, req.dockerfile);
  const dfText = dfNode.ok && dfNode.value.kind === 'file' ? dfNode.value.content : undefined;
  const def = addVertex(plan, `[internal] load build definition from ${dockerfileName}`, 0, 27);
  def.statuses.push({ id: 'transferring dockerfile:', start: 3, end: 11, current: dfText === undefined ? 2 : Math.max(2, byteLength(dfText)) });
  plan.t = 27;
  plan.total = 1;
  if (dfText === undefined) return finish(plan, { message: `failed to read dockerfile: open ${dockerfileName}: no such file or directory` });
  plan.lines = dfText.split('\n');
  let parsed: ParsedDockerfile;
  try {
    parsed = parseDockerfile(dfText);
  } catch (e) {
    if (e instanceof DockerfileError) return finish(plan, { message: e.message, source: e.line ? { start: e.line, end: e.endLine ?? e.line } : undefined });
    throw e;
  }
  plan.lines = parsed.lines;
  plan.warnings = [...parsed.warnings];
  if (parsed.directives.syntax) {
    const failed = loadFrontend(plan, parsed.directives.syntax);
    if (failed) return failed;
  }
  return parsed;
}

/** BuildKit first fetches the frontend image `# syntax=` names; only docker/dockerfile exists here. */
function loadFrontend(plan: Plan, syntax: string): BuildOutcome | undefined {
  const { cache, newCache, startAt } = plan;
  let ref: ImageReference | undefined;
  try {
    ref = parseReference(syntax);
  } catch (e) {
    if (!(e instanceof ReferenceError_)) throw e;
  }
  const name = ref ? canonicalName(ref) : syntax;
  const resolve = addVertex(plan, `resolve image config for docker-image://${name}`, plan.t + 2, plan.t + 2);
  if (!ref || ref.path !== 'docker/dockerfile') {
    resolve.end = resolve.start + 900;
    resolve.error = `${syntax}: failed to resolve source metadata for docker-image://${name}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    plan.t = resolve.end;
    plan.total = plan.vertices.length;
    return finish(plan, { message: resolve.error, vertex: resolve });
  }
  const key = `frontend:${name}`;
  const have = cache[key];
  resolve.end = resolve.start + (have ? 520 : 1080);
  const image = `docker-image://${name}@${DOCKERFILE_FRONTEND.digest}`;
  if (have) {
    addVertex(plan, image, resolve.end + 1, resolve.end + 1, { cached: true });
    plan.t = resolve.end + 1;
  } else {
    const v = addVertex(plan, image, resolve.end + 1, resolve.end + 1);
    const layer = DOCKERFILE_FRONTEND.layer;
    v.statuses.push({ id: `resolve docker.io/docker/dockerfile:${ref.tag}@${DOCKERFILE_FRONTEND.digest}`, start: v.start + 1, end: v.start + 9 });
    const dl = { start: v.start + 10, end: v.start + 10 + 60 + layer.compressed / 40_000 };
    v.statuses.push({ id: layer.digest, start: dl.start, end: dl.end, current: layer.compressed, total: layer.compressed });
    v.statuses.push({ id: `extracting ${layer.digest}`, start: dl.end, end: dl.end + 30 + layer.compressed / 90_000 });
    v.end = dl.end + 40 + layer.compressed / 90_000;
    plan.t = v.end;
    newCache[key] = { digest: DOCKERFILE_FRONTEND.digest, sizeBytes: layer.compressed, created: startAt };
  }
  plan.total = plan.vertices.length;
  return undefined;
}
