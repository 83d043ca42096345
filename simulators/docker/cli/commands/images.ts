// docker images / docker image ls.
import { formatTable, DOCKER_TABLE } from '../../../core/output/tabwriter';
import { ago, humanSize } from '../../format';
import { viewImage, type ImageView } from '../../engine/images';
import { dockerCommand } from '../spec';
import { renderFormatted } from '../formatting';

export const IMAGE_HEADERS: Record<string, string> = {
  Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS',
};

/**
 * One row per tag; a repository the image is known in only by digest (pulled as `alpine@sha256:...`)
 * gets a row with tag <none>; an image with neither is `<none> <none>`.
 */
function namesOf(view: ImageView): { repository: string; tag: string; digest: string }[] {
  const repos = new Map<string, { tags: string[]; digests: string[] }>();
  const repo = (name: string) => repos.get(name) ?? repos.set(name, { tags: [], digests: [] }).get(name)!;
  for (const t of view.tags) repo(t.slice(0, t.lastIndexOf(':'))).tags.push(t.slice(t.lastIndexOf(':') + 1));
  for (const d of view.digests) repo(d.slice(0, d.indexOf('@'))).digests.push(d.slice(d.indexOf('@') + 1));
  if (!repos.size) return [{ repository: '<none>', tag: '<none>', digest: '<none>' }];
  return [...repos].flatMap(([repository, { tags, digests }]) =>
    tags.length ? tags.map((tag) => ({ repository, tag, digest: digests[0] ?? '<none>' })) : [{ repository, tag: '<none>', digest: digests[0] }],
  );
}

function rowsFor(view: ImageView, now: number, noTrunc: boolean) {
  return namesOf(view).map(({ repository, tag, digest }) => {
    return {
      Repository: repository,
      Tag: tag,
      ID: noTrunc ? view.id : view.id.slice(7, 19),
      Digest: digest,
      CreatedSince: ago(now - view.created),
      CreatedAt: `${new Date(view.created).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`,
      Size: humanSize(view.sizeBytes),
      Containers: 'N/A',
    };
  });
}

export const images = dockerCommand('images', {
  args: [{ name: 'REPOSITORY[:TAG]', optional: true }],
  *run(ctx) {
    const f = ctx.command.flags;
    yield { type: 'wait', ms: 40 };
    const docker = ctx.world().docker;
    const now = ctx.world().clock.now;
    const [filterRef] = ctx.command.args;
    let views = Object.values(docker.images).map((i) => viewImage(docker, i)).sort((a, b) => b.created - a.created);
    const dangling = (f.filter as string[]).find((x) => x.startsWith('dangling='));
    if (dangling) views = views.filter((v) => (v.tags.length === 0) === (dangling === 'dangling=true'));
    let rows = views.flatMap((v) => rowsFor(v, now, Boolean(f['no-trunc'])));
    for (const ref of [filterRef, ...(f.filter as string[]).filter((x) => x.startsWith('reference=')).map((x) => x.slice(10))]) {
      if (!ref) continue;
      const [repo, tag] = ref.includes(':') ? [ref.slice(0, ref.lastIndexOf(':')), ref.slice(ref.lastIndexOf(':') + 1)] : [ref, undefined];
      const pattern = new RegExp(`^${repo.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      rows = rows.filter((r) => pattern.test(r.Repository) && (tag === undefined || r.Tag === tag));
    }
    if (f.quiet && f.format !== undefined && f.format !== '') ctx.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    if (f.quiet) {
      ctx.out([...new Set(rows.map((r) => r.ID))].map((id) => `${id}\n`).join(''));
      return 0;
    }
    if (f.format === undefined || f.format === '' || f.format === 'table') {
      const digests = Boolean(f.digests);
      const header = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
      ctx.out(formatTable([header, ...rows.map((r) => [r.Repository, r.Tag, ...(digests ? [r.Digest] : []), r.ID, r.CreatedSince, r.Size])], DOCKER_TABLE));
      return 0;
    }
    return renderFormatted(ctx, String(f.format), 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}', rows, IMAGE_HEADERS, '*formatter.ImageContext');
  },
});

export const imageLs = { ...images, name: 'ls', aliases: ['list'] };
