// docker images / docker image ls.
import { compileGlob } from '../../../shell/glob-match';
import { formatTable, DOCKER_TABLE } from '../../../core/output/tabwriter';
import { ago, humanSize } from '../../format';
import { findImage, viewImage, type ImageView } from '../../engine/images';
import { daemonError } from '../output';
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
    for (const filter of f.filter as string[]) {
      const eq = filter.indexOf('=');
      if (eq === -1) {
        ctx.err(`invalid argument "${filter}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n`);
        return 125;
      }
      const [key, value] = [filter.slice(0, eq), filter.slice(eq + 1)];
      if (key === 'dangling') {
        if (value !== 'true' && value !== 'false') return daemonError(ctx, `Invalid filter 'dangling=${value}'`);
        views = views.filter((v) => (v.tags.length === 0) === (value === 'true'));
      } else if (key === 'since' || key === 'before') {
        // Relative to another image's creation: strictly newer (since) or older (before).
        const local = findImage(docker, value);
        if (!local) return daemonError(ctx, `No such image: ${value.includes(':') || /^[0-9a-f]{12,64}$/.test(value) ? value : `${value}:latest`}`);
        const at = viewImage(docker, local).created;
        views = views.filter((v) => (key === 'since' ? v.created > at : v.created < at));
      } else if (key === 'label') {
        const [name, wanted] = value.split('=');
        views = views.filter((v) => name in v.config.labels && (wanted === undefined || v.config.labels[name] === wanted));
      } else if (key !== 'reference') return daemonError(ctx, `invalid filter '${key}'`);
    }
    let rows = views.flatMap((v) => rowsFor(v, now, Boolean(f['no-trunc'])));
    for (const ref of [filterRef, ...(f.filter as string[]).filter((x) => x.startsWith('reference=')).map((x) => x.slice(10))]) {
      if (!ref) continue;
      const [repo, tag] = ref.includes(':') ? [ref.slice(0, ref.lastIndexOf(':')), ref.slice(ref.lastIndexOf(':') + 1)] : [ref, undefined];
      // The daemon matches references as Go's path.Match does (a star stops at `/`), in linear time here.
      const pattern = compileGlob(repo, ctx.budget, { paths: true });
      rows = rows.filter((r) => pattern.matches(r.Repository) && (tag === undefined || r.Tag === tag));
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
